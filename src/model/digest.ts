/**
 * SHA-256 of bytes, as lowercase hex: how the manifest names every input and output, and how
 * a register names the publication it was imported from. Pure (no file access), so that any
 * stage may use it.
 */
import { createHash } from 'node:crypto';

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
