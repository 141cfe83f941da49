import { describe, expect, it } from 'vitest';
import { cp1252, decodeUtf8, firstInvalidUtf8, lineColumnAt } from '../../src/io/encoding.js';

const problem = (b: Uint8Array) => {
  const d = decodeUtf8(b);
  return 'problem' in d ? d.problem : undefined;
};

describe('text inputs are UTF-8, and anything else is named', () => {
  it('reads UTF-8, with or without a byte order mark', () => {
    expect(decodeUtf8(Buffer.from('caf\u00e9: 1\n'))).toEqual({ text: 'caf\u00e9: 1\n' });
    expect(decodeUtf8(Buffer.from('\uFEFFa: 1'))).toEqual({ text: 'a: 1' });
  });

  it('names UTF-16 and UTF-32 by their byte order marks, and UTF-16 without one by its zeros', () => {
    expect(problem(Buffer.from('\uFEFFa: 1', 'utf16le'))).toBe('is UTF-16 (little-endian, with a byte order mark), not UTF-8');
    expect(problem(Buffer.from('\uFEFFa: 1', 'utf16le').swap16())).toBe('is UTF-16 (big-endian, with a byte order mark), not UTF-8');
    expect(problem(Buffer.from('title: a plan\n', 'utf16le'))).toBe('is UTF-16 (little-endian, without a byte order mark), not UTF-8');
    expect(problem(Buffer.from('title: a plan\n', 'utf16le').swap16())).toBe(
      'is UTF-16 (big-endian, without a byte order mark), not UTF-8',
    );
    expect(problem(Buffer.from([0xff, 0xfe, 0, 0, 0x61, 0, 0, 0]))).toMatch(/^is UTF-32/);
  });

  it('names Windows-1252 (Latin-1) bytes, with the character each stands for', () => {
    const b = Buffer.from('a: 1\nb: caf\u00e9\n', 'latin1');
    const d = decodeUtf8(b);
    expect(d).toMatchObject({
      problem: 'is not UTF-8: byte 0xE9 cannot be read; it looks like Windows-1252 (Latin-1), where that byte is "\u00e9"',
      offset: 11,
    });
    expect(lineColumnAt(b, 11)).toEqual({ line: 2, column: 7 });
    expect(cp1252(0x92)).toBe('\u2019');
    expect(problem(Buffer.from([0x61, 0x9d]))).toBe('is not UTF-8: byte 0x9D cannot be read; it looks like Windows-1252 (Latin-1)');
  });

  it('refuses NUL bytes that are not UTF-16', () => {
    expect(problem(Buffer.from([0x61, 0, 0, 0, 0x62, 0x63, 0x64, 0x65, 0x66]))).toBe('holds NUL bytes: it is not a text file');
  });

  it('finds the first byte of a bad UTF-8 sequence: overlong, truncated, surrogate', () => {
    expect(firstInvalidUtf8(Buffer.from('ok \u20ac'))).toBe(-1);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xc0, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0x62, 0xe2, 0x82]))).toBe(2);
    expect(firstInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(Buffer.from([0xf4, 0x90, 0x80, 0x80]))).toBe(0);
  });
});
