/**
 * A YAML file parsed with positions kept, so that any later stage can say `file:line:column`
 * for any value by its path.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import type { Diagnostics, Place } from '../diagnostics/index.js';
import { forbiddenIn, forbiddenMessage, hasForbidden, stripForbidden } from '../model/xml-chars.js';

export type Path = readonly (string | number)[];

export interface YamlSource {
  readonly file: string;
  readonly text: string;
  /** Plain JS value of the document; `undefined` when it did not parse. */
  readonly data: unknown;
  /** The place of the node at `path`, or of the deepest node that exists on the way. */
  placeOf(path: Path): Place;
  /** The place of the key at `path` (the last element names the key); falls back to placeOf. */
  placeOfKey(path: Path): Place;
  /** The text of the scalar at `path` as written in the file (`1.10`, where the value is 1.1). */
  sourceOf?(path: Path): string | undefined;
}

function nodeAt(doc: Document, path: Path): { node: Node | null; depth: number; keyNode?: Node } {
  let node: Node | null = doc.contents as Node | null;
  let keyNode: Node | undefined;
  let depth = 0;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      keyNode = pair.key as Node;
      node = (pair.value as Node | null) ?? (pair.key as Node);
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as Node | undefined;
      if (!item) break;
      keyNode = undefined;
      node = item;
    } else {
      break;
    }
    depth++;
  }
  return { node, depth, keyNode };
}

/** Deeper than this, a YAML file is refused: the inputs nest six levels at most. */
export const MAX_YAML_DEPTH = 64;
/** How often one anchor may be used (fewer times when it holds aliases itself): the "billion laughs" stop here. */
export const MAX_ALIAS_USES = 1000;

/**
 * The offset where nesting first goes deeper than `max`, or -1: flow collections ([ and {,
 * outside quotes and comments) and block indentation (each deeper indent, each "- " of a
 * sequence entry). Checked before parsing, which would otherwise recurse until the stack runs
 * out on 20,000 brackets.
 */
export function tooDeepAt(text: string, max = MAX_YAML_DEPTH): number {
  let flow = 0;
  let quote: string | undefined;
  const indents: number[] = [];
  let lineStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === '\\' && quote === '"') i++;
      else if (ch === quote) {
        if (quote === "'" && text[i + 1] === "'") i++;
        else quote = undefined;
      }
      continue;
    }
    if (lineStart) {
      lineStart = false;
      let j = i;
      while (text[j] === ' ') j++;
      if (flow === 0 && text[j] !== '\n' && text[j] !== '\r' && text[j] !== '#' && j < text.length) {
        while (indents.length > 0 && indents[indents.length - 1]! >= j - i) indents.pop();
        indents.push(j - i);
        // "- - - x": each dash opens a sequence one level deeper.
        let dashes = 0;
        for (let k = j; text[k] === '-' && (text[k + 1] === ' ' || text[k + 1] === '\n'); k += 2) {
          dashes++;
          while (text[k + 2] === ' ') k++;
        }
        if (indents.length + dashes > max) return j;
      }
    }
    if (ch === '\n') lineStart = true;
    else if (ch === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      while (i + 1 < text.length && text[i + 1] !== '\n') i++;
    } else if (ch === '"' || ch === "'") {
      // A quote opens a string at the start of a scalar, not inside a word (it's, don't).
      if (i === 0 || /[\s[{,:]/.test(text[i - 1]!)) quote = ch;
    } else if (ch === '[' || ch === '{') {
      flow++;
      if (flow + indents.length > max) return i;
    } else if ((ch === ']' || ch === '}') && flow > 0) flow--;
  }
  return -1;
}

export function parseYaml(file: string, text: string, diags: Diagnostics): YamlSource {
  const lineCounter = new LineCounter();
  const at = (offset: number): Place => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  const deep = tooDeepAt(text);
  if (deep >= 0) {
    // The line counter is filled by parsing; this place is counted by hand.
    const before = text.slice(0, deep);
    const line = before.split('\n').length;
    diags.report('yaml-too-complex', `the YAML here nests deeper than ${MAX_YAML_DEPTH} levels; boardpack reads no deeper`, {
      place: { file, line, column: deep - before.lastIndexOf('\n') },
      hint: "check the brackets and the indentation; boardpack's files nest six levels at most",
    });
    return { file, text, data: undefined, placeOf: () => ({ file, line: 1, column: 1 }), placeOfKey: () => ({ file, line: 1, column: 1 }) };
  }
  // Dates stay strings under the core schema: validation checks them as calendar dates.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  for (const e of doc.errors) {
    const first = e.message.split('\n')[0] ?? e.message;
    if (/Maximum call stack size exceeded/.test(first)) {
      // Nesting the check above did not see (it cannot know every corner of YAML).
      diags.report('yaml-too-complex', `the YAML here nests deeper than boardpack reads`, {
        place: at(e.pos[0]),
        hint: 'check the brackets and the indentation',
      });
      continue;
    }
    diags.report('yaml-syntax', cleanYamlMessage(first), { place: at(e.pos[0]), hint: yamlHint(e.code) });
  }
  for (const w of doc.warnings) {
    diags.report('yaml-warning', cleanYamlMessage(w.message.split('\n')[0] ?? w.message), { place: at(w.pos[0]) });
  }
  if (doc.errors.length === 0) removeForbidden(doc, text, at, diags);
  let data: unknown;
  if (doc.errors.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIAS_USES });
    } catch (e) {
      reportAliasTrouble(doc, e, at, diags, file);
    }
  }
  const placeOf = (path: Path): Place => {
    const { node } = nodeAt(doc, path);
    return node?.range ? at(node.range[0]) : { file, line: 1, column: 1 };
  };
  const placeOfKey = (path: Path): Place => {
    const { keyNode, depth } = nodeAt(doc, path);
    if (keyNode?.range && depth === path.length) return at(keyNode.range[0]);
    return placeOf(path);
  };
  const sourceOf = (path: Path): string | undefined => {
    const { node, depth } = nodeAt(doc, path);
    return depth === path.length && isScalar(node) && node.range ? text.slice(node.range[0], node.range[1]) : undefined;
  };
  return { file, text, data, placeOf, placeOfKey, sourceOf };
}

/**
 * Every string value of the document cleaned of the characters a Word document cannot hold,
 * each text warned about at the character itself when it is in the file as it is, else at the
 * start of the value (when an escape such as "\u0001" wrote it).
 */
function removeForbidden(doc: Document, text: string, at: (offset: number) => Place, diags: Diagnostics): void {
  visit(doc, {
    Scalar(key, node) {
      if (key === 'key' || typeof node.value !== 'string' || !hasForbidden(node.value)) return;
      const found = forbiddenIn(node.value).map((f) => f.char);
      const start = node.range?.[0] ?? 0;
      const raw = forbiddenIn(text.slice(start, node.range?.[1] ?? start))[0];
      diags.report('text-forbidden-character', forbiddenMessage(found), {
        place: at(start + (raw?.index ?? 0)),
        hint: 'delete it; it is often pasted in from another program without being seen',
      });
      node.value = stripForbidden(node.value);
    },
  });
}

/** toJS refused the document: aliases expand too far ("billion laughs"), or one names no anchor. */
function reportAliasTrouble(doc: Document, e: unknown, at: (offset: number) => Place, diags: Diagnostics, file: string): void {
  const uses = new Map<string, { n: number; first?: number }>();
  visit(doc, {
    Alias(_key, node) {
      const u = uses.get(node.source) ?? { n: 0, first: node.range?.[0] };
      u.n++;
      uses.set(node.source, u);
    },
  });
  const [name, most] = [...uses].sort((a, b) => b[1].n - a[1].n)[0] ?? ['', { n: 0 }];
  const place = most.first !== undefined ? at(most.first) : { file };
  const message = e instanceof Error ? e.message : String(e);
  if (/Excessive alias count/.test(message)) {
    diags.report(
      'yaml-too-complex',
      `the YAML aliases here (*${name}, used ${most.n} times, and others) expand to more than boardpack reads`,
      {
        place,
        hint: `an anchor may be used up to ${MAX_ALIAS_USES} times, fewer when it holds aliases itself; write the values out`,
      },
    );
  } else {
    diags.report('yaml-syntax', cleanYamlMessage(message.split('\n')[0] ?? message), { place });
  }
}

function cleanYamlMessage(m: string): string {
  // The yaml package appends " at line L, column C"; the reporter prints the place itself.
  return m.replace(/ at line \d+, column \d+:?$/, '').trim();
}

function yamlHint(code: string): string | undefined {
  switch (code) {
    case 'TAB_AS_INDENT':
      return 'indent with spaces, not tabs';
    case 'DUPLICATE_KEY':
      return 'each key may appear once in a mapping; remove or rename one';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return 'check the indentation of this line against the lines above';
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return 'a value containing ": " must be quoted';
    default:
      return undefined;
  }
}
