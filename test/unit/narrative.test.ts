import { describe, expect, it } from 'vitest';
import { parseInline, parseItems, parseNarrative, parseParagraphs } from '../../src/compose/narrative.js';

describe('narrative markup', () => {
  it('turns headings, paragraphs and bullets into blocks', () => {
    const { blocks } = parseNarrative(
      ['# Background', '', 'First paragraph', 'continues here.', '', 'Second with a list:', '- one', '- two', '', '## Sub', 'Third.'].join('\n'),
    );
    expect(blocks).toEqual([
      { kind: 'section', text: 'Background' },
      { kind: 'paragraph', line: [{ text: 'First paragraph continues here.' }], bullets: [] },
      { kind: 'paragraph', line: [{ text: 'Second with a list:' }], bullets: [[{ text: 'one' }], [{ text: 'two' }]] },
      { kind: 'subheading', text: 'Sub' },
      { kind: 'paragraph', line: [{ text: 'Third.' }], bullets: [] },
    ]);
  });

  it('keeps a list after a blank line with its paragraph', () => {
    const { blocks } = parseNarrative('Intro:\n\n- a\n- b\n');
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).toMatchObject({ kind: 'paragraph', bullets: [[{ text: 'a' }], [{ text: 'b' }]] });
  });

  it('reports empty headings', () => {
    expect(parseNarrative('# \ntext').emptyHeadings).toEqual([1]);
  });

  it('marks **bold** runs', () => {
    expect(parseInline('a **b** c')).toEqual([{ text: 'a ' }, { text: 'b', bold: true }, { text: ' c' }]);
  });

  it('reads summary paragraphs and recommendation items', () => {
    expect(parseParagraphs('One\ntwo.\n\nThree.')).toHaveLength(2);
    expect(parseItems('- a\n- b\n- c')).toHaveLength(3);
    expect(parseItems('1. a\n2. b')).toEqual([[{ text: 'a' }], [{ text: 'b' }]]);
  });
});
