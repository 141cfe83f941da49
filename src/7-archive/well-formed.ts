/**
 * An XML 1.0 well-formedness check, with namespaces, fast enough for the document.xml of a plan
 * of 50,000 actions (over 100 MB): one pass of sticky regular expressions, about twenty times
 * the speed of a general parser (saxes, which the tests use to check this one). What it checks:
 * characters XML allows, one root element, tags that nest and close, attribute syntax and no
 * attribute twice, entity and character references (the five predefined entities only: there
 * is no DTD), comments, CDATA sections and processing instructions, and that every prefix of
 * an element or attribute is declared in scope.
 */
import { XML_FORBIDDEN } from '../model/xml-chars.js';

const NAME_START =
  ':A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD';
const NAME_CHAR = `${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040`;
const NAME = `[${NAME_START}][${NAME_CHAR}]*`;

const OPEN = new RegExp(`<(${NAME})`, 'y');
const ATTRIBUTE = new RegExp(`[ \\t\\r\\n]+(${NAME})[ \\t\\r\\n]*=[ \\t\\r\\n]*(?:"([^"<]*)"|'([^'<]*)')`, 'y');
const TAG_END = /[ \t\r\n]*(\/?)>/y;
const CLOSE = new RegExp(`</(${NAME})[ \\t\\r\\n]*>`, 'y');
const XML_DECL = /<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(?:"1\.[0-9]+"|'1\.[0-9]+')[^?]*\?>/y;
/** An ampersand that does not start a predefined entity or a character reference. */
const BAD_REFERENCE = /&(?!(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9A-Fa-f]+);)/;
const CHAR_REFERENCE = /&#(x[0-9A-Fa-f]+|[0-9]+);/g;
const WHITESPACE = /^[ \t\r\n]*$/;

class NotWellFormed extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

function lineColumn(text: string, offset: number): string {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return `${line}:${offset - start + 1}`;
}

/** A character reference to something XML allows (&#1; is not). */
function referencesOk(s: string, at: number): void {
  for (const m of s.matchAll(CHAR_REFERENCE)) {
    const code = m[1]!.startsWith('x') ? parseInt(m[1]!.slice(1), 16) : parseInt(m[1]!, 10);
    const ok =
      code === 0x9 ||
      code === 0xa ||
      code === 0xd ||
      (code >= 0x20 && code <= 0xd7ff) ||
      (code >= 0xe000 && code <= 0xfffd) ||
      (code >= 0x10000 && code <= 0x10ffff);
    if (!ok) throw new NotWellFormed(at + m.index, `character reference ${m[0]} is to a character XML does not allow`);
  }
}

function textOk(s: string, at: number): void {
  const bad = BAD_REFERENCE.exec(s);
  if (bad) throw new NotWellFormed(at + bad.index, 'an "&" that starts no entity or character reference');
  if (s.includes('&#')) referencesOk(s, at);
  const cdataEnd = s.indexOf(']]>');
  if (cdataEnd >= 0) throw new NotWellFormed(at + cdataEnd, '"]]>" in text');
}

/** The first well-formedness error, as "line:column: what", or undefined. */
export function wellFormedError(text: string): string | undefined {
  try {
    check(text);
    return undefined;
  } catch (e) {
    if (e instanceof NotWellFormed) return `${lineColumn(text, e.offset)}: ${e.message}`;
    throw e;
  }
}

/** A quick look for anything XML_FORBIDDEN could match (a surrogate may be half of a good pair). */
const MAYBE_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/;

const prefixOf = (n: string): string | undefined => {
  const colon = n.indexOf(':');
  return colon < 0 ? undefined : n.slice(0, colon);
};

function check(text: string): void {
  if (MAYBE_FORBIDDEN.test(text)) {
    const forbidden = XML_FORBIDDEN.exec(text);
    if (forbidden)
      throw new NotWellFormed(
        forbidden.index,
        `character U+${forbidden[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} is not allowed in XML`,
      );
  }
  // The next "&" and "]]>" at or after pos, found once each and kept until passed, so that
  // looking for them in each run of text costs one pass over the document, not one per run.
  let amp = -2;
  let cdataEnd = -2;
  const textOkAt = (from: number, to: number) => {
    if (amp !== -1 && amp < from) amp = text.indexOf('&', from);
    if (cdataEnd !== -1 && cdataEnd < from) cdataEnd = text.indexOf(']]>', from);
    if ((amp >= 0 && amp < to) || (cdataEnd >= 0 && cdataEnd < to)) textOk(text.slice(from, to), from);
  };
  let pos = 0;
  if (text.charCodeAt(0) === 0xfeff) pos = 1;
  XML_DECL.lastIndex = pos;
  if (XML_DECL.test(text)) pos = XML_DECL.lastIndex;
  else if (text.startsWith('<?xml', pos) && /^<\?xml[ \t\r\n?]/.test(text.slice(pos, pos + 6)))
    throw new NotWellFormed(pos, 'malformed XML declaration');

  /** Open elements, and the prefixes each declares. */
  const stack: string[] = [];
  const declaredBy: (string[] | undefined)[] = [];
  /** Prefixes in scope, each with how many open elements declare it. */
  const inScope = new Map<string, number>([['xml', 1]]);
  const declared = (prefix: string) => (inScope.get(prefix) ?? 0) > 0;
  const undeclare = (own: string[] | undefined) => {
    for (const p of own ?? []) inScope.set(p, inScope.get(p)! - 1);
  };
  let rootSeen = false;

  while (pos < text.length) {
    const lt = text.indexOf('<', pos);
    const chunkEnd = lt < 0 ? text.length : lt;
    if (chunkEnd > pos) {
      if (stack.length === 0) {
        if (!WHITESPACE.test(text.slice(pos, chunkEnd))) throw new NotWellFormed(pos, 'text outside the root element');
      } else textOkAt(pos, chunkEnd);
    }
    if (lt < 0) break;
    pos = lt;
    const next = text.charCodeAt(pos + 1);
    if (next === 0x21 /* ! */) {
      if (text.startsWith('<!--', pos)) {
        const end = text.indexOf('-->', pos + 4);
        if (end < 0) throw new NotWellFormed(pos, 'a comment that does not end');
        const dashes = text.indexOf('--', pos + 4);
        if ((dashes >= 0 && dashes < end) || (end > pos + 4 && text[end - 1] === '-'))
          throw new NotWellFormed(dashes, '"--" inside a comment');
        pos = end + 3;
      } else if (text.startsWith('<![CDATA[', pos)) {
        if (stack.length === 0) throw new NotWellFormed(pos, 'a CDATA section outside the root element');
        const end = text.indexOf(']]>', pos + 9);
        if (end < 0) throw new NotWellFormed(pos, 'a CDATA section that does not end');
        pos = end + 3;
      } else throw new NotWellFormed(pos, 'a declaration (<!...) where none may be');
      continue;
    }
    if (next === 0x3f /* ? */) {
      const end = text.indexOf('?>', pos + 2);
      if (end < 0) throw new NotWellFormed(pos, 'a processing instruction that does not end');
      if (/^<\?xml[ \t\r\n?]/i.test(text.slice(pos, pos + 6))) throw new NotWellFormed(pos, 'an XML declaration that is not at the start');
      pos = end + 2;
      continue;
    }
    if (next === 0x2f /* / */) {
      CLOSE.lastIndex = pos;
      const m = CLOSE.exec(text);
      if (!m) throw new NotWellFormed(pos, 'a malformed end tag');
      const open = stack.pop();
      if (!open) throw new NotWellFormed(pos, `end tag </${m[1]}> with no element open`);
      if (open !== m[1]) throw new NotWellFormed(pos, `end tag </${m[1]}> where </${open}> was expected`);
      undeclare(declaredBy.pop());
      pos = CLOSE.lastIndex;
      continue;
    }
    OPEN.lastIndex = pos;
    const m = OPEN.exec(text);
    if (!m) throw new NotWellFormed(pos, 'a "<" that starts no tag');
    if (stack.length === 0 && rootSeen) throw new NotWellFormed(pos, 'a second root element');
    const name = m[1]!;
    pos = OPEN.lastIndex;
    const attributes: string[] = [];
    let own: string[] | undefined;
    for (;;) {
      ATTRIBUTE.lastIndex = pos;
      const a = ATTRIBUTE.exec(text);
      if (!a) break;
      const attr = a[1]!;
      const value = a[2] ?? a[3]!;
      if (attributes.includes(attr)) throw new NotWellFormed(pos, `attribute ${attr} given twice`);
      attributes.push(attr);
      if (value.includes('&')) textOk(value, pos);
      if (attr.startsWith('xmlns:')) {
        own ??= [];
        own.push(attr.slice(6));
      }
      pos = ATTRIBUTE.lastIndex;
    }
    TAG_END.lastIndex = pos;
    const end = TAG_END.exec(text);
    if (!end) throw new NotWellFormed(pos, `a malformed start tag <${name}>`);
    for (const p of own ?? []) inScope.set(p, (inScope.get(p) ?? 0) + 1);
    const elementPrefix = prefixOf(name);
    if (elementPrefix !== undefined && !declared(elementPrefix))
      throw new NotWellFormed(pos, `prefix "${elementPrefix}" of <${name}> is not declared`);
    for (const attr of attributes) {
      const p = prefixOf(attr);
      if (p !== undefined && p !== 'xmlns' && !declared(p))
        throw new NotWellFormed(pos, `prefix "${p}" of attribute ${attr} is not declared`);
    }
    pos = TAG_END.lastIndex;
    rootSeen = true;
    if (end[1] === '/') undeclare(own);
    else {
      stack.push(name);
      declaredBy.push(own);
    }
  }
  if (stack.length > 0) throw new NotWellFormed(text.length, `<${stack[stack.length - 1]!}> is not closed`);
  if (!rootSeen) throw new NotWellFormed(0, 'no root element');
}
