/**
 * A zip's central directory, read from the bytes: what the render stage's zip-time fix and the
 * load stage's checked unpacking of an export both walk. Pure; ZIP64 is not read (neither a
 * report nor an export comes near 4 GB).
 */
export interface ZipEntry {
  /** Offset of the entry's record in the central directory. */
  readonly at: number;
  readonly name: string;
  readonly crc: number;
  /** Offset of the entry's local header. */
  readonly local: number;
}

/** The directory's entries in the file's order; undefined when it cannot be found or read whole. */
export function zipDirectory(zip: Uint8Array): ZipEntry[] | undefined {
  const v = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = -1;
  // The end record is 22 bytes, followed by a comment of at most 65,535.
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65_535); i--) {
    if (v.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  const out: ZipEntry[] = [];
  let at = v.getUint32(end + 16, true);
  for (let i = v.getUint16(end + 10, true); i > 0; i--) {
    if (at + 46 > zip.length || v.getUint32(at, true) !== 0x02014b50) return undefined;
    const nameLength = v.getUint16(at + 28, true);
    out.push({
      at,
      name: new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength)),
      crc: v.getUint32(at + 16, true),
      local: v.getUint32(at + 42, true),
    });
    at += 46 + nameLength + v.getUint16(at + 30, true) + v.getUint16(at + 32, true);
  }
  return out;
}
