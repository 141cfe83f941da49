import { describe, expect, it } from 'vitest';
import { parseInline, parseItems, parseNarrative, parseParagraphs, unsupportedMarkup } from '../../src/5-compose/narrative.js';

describe('narrative markup', () => {
  it('turns headings, paragraphs and bullets into blocks', () => {
    const { blocks } = parseNarrative(
      ['# Background', '', 'First paragraph', 'continues here.', '', 'Second with a list:', '- one', '- two', '', '## Sub', 'Third.'].join(
        '\n',
      ),
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

describe('markup the narrative does not support', () => {
  const found = (text: string, recommendations = false) =>
    unsupportedMarkup(text, recommendations).map((p) => `${p.line}:${p.column} ${p.what}`);

  it('names each kind at its line and column in the template', () => {
    expect(
      found(
        '# Fine\n## Fine\n### Not\n| a | b |\n> quoted\n1. first\nsee [the plan](https://x.example)\nan *italic* word\n__bold__ `code` ~~gone~~ <b>x</b>',
      ),
    ).toEqual([
      '3:1 a third-level heading (###)',
      '4:1 a table row (| ... |)',
      '5:1 a quotation (>)',
      '6:1 a numbered line',
      '7:5 a link ([text](address))',
      '8:4 italic (*text*)',
      '9:1 underscore bold (__text__)',
      '9:10 code (`text`)',
      '9:17 struck-through text (~~text~~)',
      '9:26 an HTML tag',
    ]);
  });

  it('leaves what it supports, and what mustaches hold, alone', () => {
    expect(
      found(
        '# Heading\n\nA **bold** claim, 3 * 4 = 12.\n- bullet\n* star bullet\n{{#if (gt a 3)}}{{> nothing}}{{/if}} {{!-- | a | b | --}}\n**Bold.** more',
      ),
    ).toEqual([]);
    expect(found('1. A numbered recommendation', true)).toEqual([]);
  });
});
