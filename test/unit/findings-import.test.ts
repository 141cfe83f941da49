/**
 * The importer on publications written for these tests in each of Ofsted's formats, with the
 * traps real reports set: footers and page numbers between items, glyph bullets, glued
 * footnote marks, contents lines, decoy paragraphs, hyphen breaks and theme sub-headings.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics/index.js';
import { importFindings, importText } from '../../src/findings/import.js';
import { joinLines, pagesOfText, preparePages } from '../../src/findings/lines.js';
import { FindingsRegisterSchema } from '../../src/model/schemas.js';
import { judgementsOf } from '../../src/findings/register.js';
import { makePdf } from '../helpers/pdf.js';

const PUA = '\uF06E';
const FOOTER = 'Inspection of Harbourside local authority children\u2019s services';

/** An ILACS report: three pages, footers, a glued footnote mark, glyph bullets and a decoy. */
const ILACS = [
  [
    FOOTER,
    '3 to 14 March 2025 1',
    'Inspection dates: 3 to 14 March 2025',
    '',
    'Judgement Grade',
    'The impact of leaders on social work practice with children and families Inadequate',
    'The experiences and progress of',
    'children in care',
    'Requires improvement to be good',
    'Overall effectiveness Inadequate',
    '',
    'What needs to improve?2',
    '',
    `${PUA} The timeliness of strategy meetings when risk to a child escalates, and the`,
    'attendance of police and health partners.',
    `${PUA} How well managers check the quality of plans for disabled children`,
    `${PUA} The sufficiency of local foster homes for brothers and sisters who need to`,
    'live together.',
    '2',
  ],
  [
    FOOTER,
    '3 to 14 March 2025 3',
    `${PUA} The help given to care leavers to find and keep a job or a course (outcome 3,`,
    'National',
    'Framework)',
    '',
    'The experiences and progress of children who need help and',
    'protection: inadequate',
    '',
    '1. Children referred to the front door wait too long for a decision. Managers do not',
    'always record why a case is closed, and what needs to improve for children is not',
    'set out in plans.',
  ],
  [FOOTER, '3 to 14 March 2025 4', '2. Leaders have a plan.'],
];

/** A 2014 single inspection framework report: contents, a decoy, themes, two lists. */
const SIF = [
  [
    'Contents',
    'What does the local authority need to improve? 6',
    'Section 2: The effectiveness of the local safeguarding children board 30',
  ],
  [
    'What does the local authority need to improve?',
    '',
    'Priority and immediate action',
    '',
    '11. The inspection did not find any areas for priority and immediate action.',
    '',
    'Areas for improvement',
    '',
    'Front door',
    '',
    '12. Ensure that all referrals are screened within one working day and that the',
    'reasons for each decision are recorded.',
    '',
    '13. Make sure that multi-',
    'agency strategy meetings include health colleagues.',
    '6',
  ],
  [
    'Children looked after',
    '',
    '14. When a child returns home from care, ensure that a full assessment informs the',
    '',
    'plan',
    '',
    'Information about this inspection',
    '',
    'Inspectors considered the quality of work and the difference it made.',
  ],
  [
    'Section 2: The effectiveness of the local safeguarding children board',
    '',
    'Areas for improvement:',
    '',
    '140. The Board should make sure that its annual report shows the impact of its work',
    '141. Review the multi-agency training offer.',
    '',
    'Key strengths and weaknesses of the LSCB',
    '',
    '142. The Board is well chaired.',
  ],
];

/** A 2015 layout: "Recommendations", numbers on their own lines, sub-bullets, cross-references. */
const RECS = [
  [
    'Recommendations',
    '',
    '1.',
    '',
    'Improve the quality of plans by:',
    '\uF02D making actions specific (page 12, paragraph 20)',
    '\uF02D naming who will do them (pages 12, 30, paragraphs 19,',
    '94).',
    '',
    '2.',
    '',
    'With partners, ensure that young people in transition have one pathway (page 15).',
    '',
    'Summary for children and young people',
    '',
    `${PUA} We found that social workers know you well.`,
  ],
];

const LETTER = `Dear Ms Smith

Monitoring visit to Harbourside children\u2019s services

This letter summarises the findings of the monitoring visit on 4 and 5 June 2025.

Headline findings

Leaders have made some progress.

Findings and evaluation of progress

Children who go missing are offered a return home interview, and most take place on
time. Social workers know their children well.

Strategy discussions are not always held when risks to a child increase, and police do
not reliably attend them.

Too many child protection plans are generic and do not say what must change.

Leaders know the service well.

I am copying this letter to the Department for Education.

Yours sincerely
`;

const textOf = (pages: readonly (readonly string[])[]) => joinLines(pages.flat());
const normal = (s: string) => s.replace(/\s+/g, ' ').replace(/-\s/g, '-');

function expectNothingInvented(pages: readonly (readonly string[])[], texts: readonly string[]) {
  const source = normal(textOf(pages.map((p) => p.map((l) => l.replace(/^[\uF06E\uF02D\u2022]\s*/, '')))));
  for (const t of texts) expect(source).toContain(normal(t));
}

describe('ILACS: What needs to improve', () => {
  const { parsed } = importText(ILACS);

  it('takes each bullet as one finding, across a page break, without the footer', () => {
    expect(parsed.framework).toBe('ilacs');
    expect(parsed.findings.map((f) => [f.ref, f.text])).toEqual([
      ['R1', 'The timeliness of strategy meetings when risk to a child escalates, and the attendance of police and health partners.'],
      ['R2', 'How well managers check the quality of plans for disabled children'],
      ['R3', 'The sufficiency of local foster homes for brothers and sisters who need to live together.'],
      ['R4', 'The help given to care leavers to find and keep a job or a course (outcome 3, National Framework)'],
    ]);
    expect(new Set(parsed.findings.map((f) => f.section))).toEqual(new Set(['What needs to improve']));
    expectNothingInvented(
      ILACS,
      parsed.findings.map((f) => f.text),
    );
  });

  it('keeps the judgement table, labels that wrap joined to their grades', () => {
    expect(judgementsOf(preparePages(ILACS))).toEqual([
      { area: 'The impact of leaders on social work practice with children and families', grade: 'Inadequate' },
      { area: 'The experiences and progress of children in care', grade: 'Requires improvement to be good' },
      { area: 'Overall effectiveness', grade: 'Inadequate' },
    ]);
  });

  it('reads the judgement table as PDFs lay it out: grade glued to a word, or alone with the label around it', () => {
    const glued = preparePages([
      [
        'Judgement Grade',
        'The impact of leaders on social workOutstanding',
        'practice with children and families',
        'The experiences and progress ofRequires improvement to be good',
        'children in care',
        'Since the last inspection the council has built on its strengths and now reports',
        'more children kept safely at home.',
      ],
    ]);
    expect(judgementsOf(glued)).toEqual([
      { area: 'The impact of leaders on social work practice with children and families', grade: 'Outstanding' },
      { area: 'The experiences and progress of children in care', grade: 'Requires improvement to be good' },
    ]);
    const around = preparePages([
      [
        'Judgement Grade',
        'The experiences and progress of children who need help and',
        'Inadequate',
        'protection',
        'The experiences and progress of children in care and care',
        'Good',
        'leavers',
        'Overall effectiveness Inadequate',
        'Ofsted found that services have declined.',
      ],
    ]);
    expect(judgementsOf(around)).toEqual([
      { area: 'The experiences and progress of children who need help and protection', grade: 'Inadequate' },
      { area: 'The experiences and progress of children in care and care leavers', grade: 'Good' },
      { area: 'Overall effectiveness', grade: 'Inadequate' },
    ]);
  });

  it('joins a "Requires improvement to be good" the PDF split around its label', () => {
    const split = preparePages([
      [
        'Judgement Grade',
        'The impact of leaders on social work practice withRequires improvement to',
        'children and familiesbe good',
        'The experiences and progress of children in care andRequires improvement',
        'care leavers.to be good',
        'Requires improvement',
        'Overall effectiveness',
        'to be good',
        'Services have improved in most areas since the last inspection, which found them',
      ],
    ]);
    expect(judgementsOf(split)).toEqual([
      { area: 'The impact of leaders on social work practice with children and families', grade: 'Requires improvement to be good' },
      { area: 'The experiences and progress of children in care and care leavers', grade: 'Requires improvement to be good' },
      { area: 'Overall effectiveness', grade: 'Requires improvement to be good' },
    ]);
  });

  it("reads a 2013-2017 single inspection's judgements from its sentences and numbered areas", () => {
    const sif = preparePages([
      [
        'Inspection of services for children in need of help and protection, children looked after and care leavers',
        'The overall judgement is that children\u2019s services require',
        'improvement',
        'Most children are safe, though help is not yet consistently good.',
        'Requires',
        '1. Children who need help and protection',
        'improvement',
        '2. Children looked after and achieving',
        'Inadequate',
        'permanence',
        '2.1 Adoption performance Good',
        'Requires',
        '3. Leadership, management and governanceimprovement to be',
        'good',
        'The effectiveness of the Local Safeguarding Children Board (LSCB) is good',
      ],
    ]);
    expect(judgementsOf(sif)).toEqual([
      { area: 'Overall effectiveness', grade: 'Requires improvement' },
      { area: 'Children who need help and protection', grade: 'Requires improvement' },
      { area: 'Children looked after and achieving permanence', grade: 'Inadequate' },
      { area: 'Adoption performance', grade: 'Good' },
      { area: 'Leadership, management and governance', grade: 'Requires improvement to be good' },
      { area: 'Effectiveness of the LSCB', grade: 'Good' },
    ]);
  });

  it("reads an overall judgement wrapped before its verb, and a board review's one judgement", () => {
    const wrapped = preparePages([
      [
        'Children\u2019s services in the Northcombe Council area',
        'are good',
        '1. Children who need help and protection Requires improvement',
        'Ofsted produces this report under its power.',
      ],
    ]);
    expect(judgementsOf(wrapped)).toEqual([
      { area: 'Overall effectiveness', grade: 'Good' },
      { area: 'Children who need help and protection', grade: 'Requires improvement' },
    ]);
    const board = preparePages([
      [
        'Review of the effectiveness of the Local Safeguarding Children Board',
        'The Local Safeguarding Children Board requires improvement',
        'Its partners do not yet check what is done.',
      ],
    ]);
    expect(judgementsOf(board)).toEqual([{ area: 'Effectiveness of the LSCB', grade: 'Requires improvement' }]);
  });

  it('reads the heading however it is written', () => {
    for (const heading of ['What needs to improve', 'What needs to improve:', 'WHAT NEEDS TO IMPROVE?', 'What needs to improve?1']) {
      const { parsed: p } = importText([[heading, `\u2022 The quality of plans.`, '', 'Help and protection', '1. Text.']]);
      expect(p.findings.map((f) => f.text)).toEqual(['The quality of plans.']);
    }
  });

  it('gives no findings, and says why, when the heading is followed by prose', () => {
    const { parsed: p } = importText([
      ['What needs to improve?', 'There is very little variation in what is otherwise strong practice.', '', '1. Children are safe.'],
    ]);
    expect(p.findings).toEqual([]);
    expect(p.notes.join(' ')).toMatch(/prose, not a list/);
  });
});

describe('2013 to 2017 framework: numbered areas for improvement', () => {
  const { parsed } = importText(SIF);

  it('keeps paragraph numbers, sections and themes, skips contents and decoys, and finds the board list', () => {
    expect(parsed.framework).toBe('sif');
    expect(parsed.findings.map((f) => [f.section, f.ref, f.theme ?? ''])).toEqual([
      ['Areas for improvement', '12', 'Front door'],
      ['Areas for improvement', '13', 'Front door'],
      ['Areas for improvement', '14', 'Children looked after'],
      ['LSCB Areas for improvement', '140', ''],
      ['LSCB Areas for improvement', '141', ''],
    ]);
    expect(parsed.notes.join(' ')).toMatch(/paragraph 11 .* left out/);
  });

  it('joins lines as printed: a hyphen at a line end stays, page numbers and gaps go', () => {
    const byRef = new Map(parsed.findings.map((f) => [f.ref, f.text]));
    expect(byRef.get('13')).toBe('Make sure that multi-agency strategy meetings include health colleagues.');
    expect(byRef.get('14')).toBe('When a child returns home from care, ensure that a full assessment informs the plan');
    expectNothingInvented(
      SIF,
      parsed.findings.map((f) => f.text),
    );
  });

  it('reads the 2015 "Recommendations" layout with sub-bullets and wrapped cross-references', () => {
    const { parsed: p } = importText(RECS);
    expect(p.findings.map((f) => [f.ref, f.text])).toEqual([
      [
        '1',
        'Improve the quality of plans by: making actions specific (page 12, paragraph 20) naming who will do them (pages 12, 30, paragraphs 19, 94).',
      ],
      ['2', 'With partners, ensure that young people in transition have one pathway (page 15).'],
    ]);
  });
});

describe('monitoring visit letters', () => {
  const pages = pagesOfText(LETTER);
  const { parsed } = importText(pages);

  it('takes the paragraphs of the findings that state a weakness, marked for review', () => {
    expect(parsed.framework).toBe('letter');
    // Paragraphs are counted from the first findings heading: the headline paragraph is 1.
    expect(parsed.findings.map((f) => [f.ref, f.review])).toEqual([
      ['3', true],
      ['4', true],
    ]);
    expect(parsed.findings[0]!.text).toMatch(/^Strategy discussions are not always held/);
    expectNothingInvented(
      pages,
      parsed.findings.map((f) => f.text),
    );
  });
});

describe('lines', () => {
  it('drops lines repeated on many pages and lone page numbers, and recognises bullets', () => {
    const lines = preparePages([
      ['Footer', 'a', '1'],
      ['Footer', `${PUA} b`, '2'],
      ['Footer', '\u25FC c', 'Page 3 of 3'],
    ]);
    expect(lines.map((l) => [l.text, l.bullet])).toEqual([
      ['a', false],
      ['b', true],
      ['c', true],
    ]);
  });
});

describe('findings import, end to end', () => {
  it('reads a PDF and writes a valid register with stable ids, and never overwrites it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'boardpack-import-'));
    const pdfPages = ILACS.map((p) => p.map((l) => l.replace(PUA, '\u2022')));
    const file = path.join(dir, 'report.pdf');
    writeFileSync(file, makePdf(pdfPages));
    const out = path.join(dir, 'findings', 'ILACS-2025.yml');
    const d = new Diagnostics();
    const r = await importFindings(
      { file, id: 'ILACS-2025', out, title: 'Inspection of Harbourside local authority children\u2019s services' },
      d,
    );
    expect(d.errorCount).toBe(0);
    expect(r.out).toBe(out);
    const register = FindingsRegisterSchema.parse(parse(readFileSync(out, 'utf8')));
    expect(register.source).toMatchObject({ id: 'ILACS-2025', kind: 'full-inspection', published: '2025-03-14' });
    expect(register.source.judgements).toHaveLength(3);
    expect(register.findings.map((f) => f.id)).toEqual(['ILACS-2025-R1', 'ILACS-2025-R2', 'ILACS-2025-R3', 'ILACS-2025-R4']);
    expect(d.all.map((x) => x.code)).toContain('import-date-guessed');

    const again = new Diagnostics();
    const second = await importFindings(
      { file, id: 'ILACS-2025', out: path.join(dir, 'again.yml'), published: '2025-05-01', title: 'T' },
      again,
    );
    expect(second.register?.findings.map((f) => [f.id, f.text])).toEqual(register.findings.map((f) => [f.id, f.text]));

    const refused = new Diagnostics();
    await importFindings({ file, id: 'ILACS-2025', out, published: '2025-05-01', title: 'T' }, refused);
    expect(refused.all.map((x) => x.code)).toEqual(['import-register-exists']);
  });

  it('reports a file that is neither PDF nor text', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'boardpack-import-'));
    const file = path.join(dir, 'x.pdf');
    writeFileSync(file, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]));
    const d = new Diagnostics();
    await importFindings({ file, id: 'X' }, d);
    expect(d.all[0]).toMatchObject({ code: 'import-unreadable', place: { file } });
  });
});
