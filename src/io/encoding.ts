/**
 * Text inputs are UTF-8. Anything else is refused with the encoding it looks like, so a plan
 * saved as UTF-16 by Notepad, or as Windows-1252 by an old editor, is named as such instead of
 * being read as garbage (NUL bytes in every other place, or U+FFFD where "é" was).
 */

export type Decoded = { readonly text: string } | { readonly problem: string; readonly hint: string; readonly offset?: number };

const HINT = 'save the file as UTF-8 (in most editors: Save As, then choose the encoding "UTF-8")';

const startsWith = (b: Uint8Array, sig: readonly number[]) => sig.every((x, i) => b[i] === x);

/** Windows-1252's characters for bytes 0x80 to 0x9F (undefined where it has none). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** The character a byte stands for in Windows-1252 (Latin-1 above 0x9F). */
export function cp1252(byte: number): string {
  return byte >= 0x80 && byte < 0xa0 ? CP1252_HIGH[byte - 0x80]! : String.fromCharCode(byte);
}

/** Offset of the first byte that does not begin a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(b: Uint8Array): number {
  for (let i = 0; i < b.length; ) {
    const x = b[i]!;
    if (x < 0x80) {
      i++;
      continue;
    }
    let n: number;
    let min: number;
    if (x >= 0xc2 && x <= 0xdf) [n, min] = [1, 0x80];
    else if (x >= 0xe0 && x <= 0xef) [n, min] = [2, 0x800];
    else if (x >= 0xf0 && x <= 0xf4) [n, min] = [3, 0x10000];
    else return i;
    let cp = x & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const c = b[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return -1;
}

/** Which of a UTF-16 file's byte pairs hold the zero: ASCII text in UTF-16 has one in every pair. */
function utf16Order(b: Uint8Array): 'little-endian' | 'big-endian' | undefined {
  const n = Math.min(b.length, 4096) & ~1;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) even++;
    if (b[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (pairs === 0) return undefined;
  if (odd / pairs > 0.3 && even / pairs < 0.05) return 'little-endian';
  if (even / pairs > 0.3 && odd / pairs < 0.05) return 'big-endian';
  return undefined;
}

/** The text of a UTF-8 file (a byte order mark dropped), or what the bytes look like instead. */
export function decodeUtf8(b: Uint8Array): Decoded {
  if (startsWith(b, [0xff, 0xfe, 0, 0]) || startsWith(b, [0, 0, 0xfe, 0xff])) {
    return { problem: 'is UTF-32 (it starts with a UTF-32 byte order mark), not UTF-8', hint: HINT };
  }
  if (startsWith(b, [0xff, 0xfe])) return { problem: 'is UTF-16 (little-endian, with a byte order mark), not UTF-8', hint: HINT };
  if (startsWith(b, [0xfe, 0xff])) return { problem: 'is UTF-16 (big-endian, with a byte order mark), not UTF-8', hint: HINT };
  const nul = b.indexOf(0);
  if (nul >= 0) {
    const order = utf16Order(b);
    if (order) return { problem: `is UTF-16 (${order}, without a byte order mark), not UTF-8`, hint: HINT };
    return { problem: 'holds NUL bytes: it is not a text file', hint: 'check that the path names the right file', offset: nul };
  }
  const bad = firstInvalidUtf8(b);
  if (bad >= 0) {
    const byte = b[bad]!;
    const hex = `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    // Bytes from 0x80 up, one at a time, are how Windows-1252 and Latin-1 write é, £, ’ ...
    const ch = cp1252(byte);
    const shown = /[\u0080-\u00a0\u00ad]/.test(ch) ? '' : `, where that byte is "${ch}"`;
    const looks = byte >= 0x80 ? `; it looks like Windows-1252 (Latin-1)${shown}` : '';
    return { problem: `is not UTF-8: byte ${hex} cannot be read${looks}`, hint: HINT, offset: bad };
  }
  const text = new TextDecoder('utf-8').decode(b);
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

/** Line and column (1-based) of a byte offset, counting characters of the valid text before it. */
export function lineColumnAt(b: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    if (b[i] === 0x0a) {
      line++;
      start = i + 1;
    }
  }
  const column = new TextDecoder('utf-8').decode(b.subarray(start, offset)).length + 1;
  return { line, column };
}
