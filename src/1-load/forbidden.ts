/** A text file (a template) cleaned of the characters a Word document cannot hold, each warned about at its line and column. */
import type { Diagnostics } from '../diagnostics/index.js';
import { forbiddenIn, forbiddenMessage, stripForbidden } from '../model/xml-chars.js';

export function cleanSourceText(file: string, text: string, diags: Diagnostics): string {
  const found = forbiddenIn(text);
  if (found.length === 0) return text;
  for (const f of found) {
    const before = text.slice(0, f.index);
    const line = before.split('\n').length;
    diags.report('text-forbidden-character', forbiddenMessage([f.char]), {
      place: { file, line, column: f.index - before.lastIndexOf('\n') },
      hint: 'delete it; it is often pasted in from another program without being seen',
    });
  }
  return stripForbidden(text);
}
