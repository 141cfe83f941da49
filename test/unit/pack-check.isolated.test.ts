/** A pack whose report is not well-formed XML is never archived, whatever produced it. */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { build } from '../../src/pipeline/build.js';
import { workspace } from '../helpers/workspace.js';

vi.mock('../../src/6-render/index.js', async (original) => ({
  ...(await original<typeof import('../../src/6-render/index.js')>()),
  // A renderer gone wrong: a report whose document part holds a control character.
  renderAll: async (models: readonly { name: string }[]) =>
    models.map((m) => ({
      name: `${m.name}.docx`,
      bytes: zipSync({ 'word/document.xml': strToU8('<?xml version="1.0"?><w:document xmlns:w="urn:w"><w:t>a\u0001b</w:t></w:document>') }),
    })),
}));

describe('the archive step', () => {
  it('refuses a pack with a report that is not well-formed XML, naming the report and the part, and writes nothing', async () => {
    const w = workspace();
    const r = await build({ configPath: w.config });
    expect(r.packDir).toBeUndefined();
    const errors = r.diagnostics.all.filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.code)).toEqual(['pack-invalid-xml', 'pack-invalid-xml']);
    expect(errors[0]!.message).toMatch(
      /^improvement-board-2026-10\.docx: word\/document\.xml is not well-formed XML \(1:\d+: character U\+0001 is not allowed in XML\); the pack was not archived$/,
    );
    expect(w.packsExist()).toBe(false);
  });
});
