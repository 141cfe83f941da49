/**
 * The characters XML 1.0 forbids, and so every part of a Word document: the C0 control
 * characters other than tab, line feed and carriage return; U+FFFE and U+FFFF; and half a
 * surrogate pair (which UTF-8 cannot encode, so it would turn into U+FFFD). Inputs are cleaned
 * of them where they are read, with a warning at their place (load/), and render checks again
 * before writing (render/xml-text.ts).
 */

/** One forbidden character; the surrogate alternatives match only a half without its partner. */
export const XML_FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const ALL = new RegExp(XML_FORBIDDEN.source, 'g');

export const hasForbidden = (s: string): boolean => XML_FORBIDDEN.test(s);

export const stripForbidden = (s: string): string => s.replace(ALL, '');

/** The forbidden characters of `s`, each with its index, in order. */
export function forbiddenIn(s: string): { index: number; char: string }[] {
  return [...s.matchAll(ALL)].map((m) => ({ index: m.index, char: m[0] }));
}

/** "U+0001 (a control character)", "U+FFFE (not a character)", "U+D800 (half a surrogate pair)" */
export function describeChar(ch: string): string {
  const code = ch.charCodeAt(0);
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  if (code < 0x20) return `${hex} (a control character)`;
  if (code >= 0xd800 && code <= 0xdfff) return `${hex} (half a surrogate pair)`;
  return `${hex} (not a character)`;
}

/** The warning's words for the characters found in one text. */
export function forbiddenMessage(chars: readonly string[]): string {
  const distinct = [...new Set(chars)].map(describeChar);
  const list = distinct.length > 1 ? `${distinct.slice(0, -1).join(', ')} and ${distinct[distinct.length - 1]}` : distinct[0]!;
  return distinct.length > 1
    ? `this text holds ${list}, characters a Word document cannot hold; they are removed`
    : `this text holds ${list}, a character a Word document cannot hold; it is removed`;
}

/** Excel's escapes for characters XML cannot hold, `_x0001_` (and `_x005F_` for a literal underscore before one). */
export function decodeExcelEscapes(s: string): string {
  if (!s.includes('_x')) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
