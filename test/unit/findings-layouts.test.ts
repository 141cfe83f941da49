/**
 * The importer on each layout of the public corpus, in small texts written for these tests
 * (never a report's own words): 2013 looked-after-children inspections, the 2013 to 2017 single
 * inspection in its layouts, board-only reviews, ILACS sub-bullets and short inspections, and
 * publications of a kind it does not know.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics/index.js';
import { importFindings, importText } from '../../src/findings/import.js';
import { isDirective } from '../../src/findings/blocks.js';
import { preparePages } from '../../src/findings/lines.js';
import { sourceFacts } from '../../src/findings/register.js';

const PUA = '\uF06E';
const rows = (parsed: ReturnType<typeof importText>['parsed']) => parsed.findings.map((f) => [f.section, f.ref, f.text]);

describe('2013: inspections of looked after children services', () => {
  const pages = [
    ['Inspection of looked after children', 'services', 'Harbourside Borough Council', 'Inspection dates: 1 – 5 July 2013'],
    [
      'Areas for improvement',
      '',
      '15. In order to improve the quality of provision and services for looked after',
      'children in Harbourside, the local authority should take the following action.',
      '',
      'Immediately:',
      '',
      '\u2022 ensure every child in care has a plan that says what will change',
      '\u2022 make sure that managers record their decisions.',
      '',
      'Within three months:',
      '',
      '\u2022 improve the quality of personal education plans so that each sets',
    ],
    [
      'targets for attendance',
      '\u2022 review the sufficiency of local foster homes',
      '',
      'Within six months:',
      '',
      '\u2022 increase the number of care leavers in work or training.',
      '',
      'Outcomes for looked after children and young',
      '',
      'people',
      '',
      '16. Outcomes for children looked after are adequate.',
    ],
  ];

  it('keeps the groups as sections, refs R1 ... across them, items across a page break', () => {
    const { parsed } = importText(pages);
    expect(parsed.framework).toBe('lac');
    expect(rows(parsed)).toEqual([
      ['Areas for improvement: Immediately', 'R1', 'ensure every child in care has a plan that says what will change'],
      ['Areas for improvement: Immediately', 'R2', 'make sure that managers record their decisions.'],
      [
        'Areas for improvement: Within three months',
        'R3',
        'improve the quality of personal education plans so that each sets targets for attendance',
      ],
      ['Areas for improvement: Within three months', 'R4', 'review the sufficiency of local foster homes'],
      ['Areas for improvement: Within six months', 'R5', 'increase the number of care leavers in work or training.'],
    ]);
  });

  it('names the part of the report when safeguarding and looked after children have a list each', () => {
    const both = [
      ['Inspection of safeguarding and looked after children services', 'Harbourside'],
      [
        'Safeguarding services',
        '',
        'Areas for improvement',
        '',
        'Immediately:',
        '',
        '\u2022 ensure that strategy meetings include the police.',
        '',
        'Capacity to improve',
        '',
        'Leaders know the service.',
      ],
      [
        'Services for looked after children',
        '',
        'Areas for improvement',
        '',
        'Within three months:',
        '',
        '\u2022 ensure that care plans are reviewed on time.',
        '',
        'Record of main findings',
      ],
    ];
    const { parsed } = importText(both);
    expect(rows(parsed)).toEqual([
      ['Safeguarding Areas for improvement: Immediately', 'R1', 'ensure that strategy meetings include the police.'],
      ['Looked after children Areas for improvement: Within three months', 'R2', 'ensure that care plans are reviewed on time.'],
    ]);
  });
});

describe('2013 to 2017 single inspections: the layouts', () => {
  const title = [
    'Harbourside Council',
    'Inspection of services for children in need of help and',
    'protection, children looked after and care leavers',
    'and',
    'Review of the effectiveness of the local safeguarding children',
    'board',
  ];

  it('early 2014: unnumbered bullets, "X should" sentences, a board list under "Section 2" counting on', () => {
    const { parsed } = importText([
      title,
      [
        'What does the Local Authority need to improve?',
        'Areas for improvement',
        `${PUA} Social workers should record the views of children in every`,
        'assessment.',
        `${PUA} Managers need to check plans each month.`,
        `${PUA} Accelerate the work on the new recording system.`,
        '',
        'Information about this inspection',
        '',
        'Inspectors looked at cases.',
      ],
      [
        'Section 2: The effectiveness of the Local Safeguarding',
        'Children Board',
        '',
        'The effectiveness of the LSCB requires improvement',
        '',
        'Areas for improvement',
        `${PUA} The Board must publish its annual report on time.`,
        '',
        'Key strengths and weaknesses of the LSCB',
        `${PUA} The chair is independent.`,
      ],
    ]);
    expect(parsed.framework).toBe('sif');
    expect(rows(parsed)).toEqual([
      ['Areas for improvement', 'R1', 'Social workers should record the views of children in every assessment.'],
      ['Areas for improvement', 'R2', 'Managers need to check plans each month.'],
      ['Areas for improvement', 'R3', 'Accelerate the work on the new recording system.'],
      ['LSCB Areas for improvement', 'R4', 'The Board must publish its annual report on time.'],
    ]);
  });

  it('2015 to 2017: a lead-in sentence, items whose first line directs nothing, a footnote between pages, a board list', () => {
    const { parsed } = importText([
      title,
      [
        'Recommendations',
        '',
        'The following recommendations are those that inspectors considered to be the',
        'priorities for Harbourside.',
        '',
        '1. Significantly reduce the number of children each social worker holds.',
        '',
        '2. In cases where a child goes missing more than once, in each',
        'case ensure that a return interview is offered (paragraph 31).',
        '',
        '3. The adoption panel chair to report each year to the council on the work',
        'of the panel.',
        '',
        'Children in this report are called cared for children, as they asked us to.',
      ],
      [
        'Care leavers',
        '',
        '4. Collate what care leavers say about their homes and act on it.',
        '',
        'Summary for children and young people',
        '',
        `${PUA} Social workers know you well.`,
      ],
      [
        'The Local Safeguarding Children Board (LSCB)',
        '',
        'Recommendations',
        '',
        '98. Sharpen the board’s oversight of private fostering.',
        '',
        '99. The impact of training requires more evaluation across the partnership.',
        '',
        '100. Ensure that the annual report is published.',
        '',
        'Inspection findings – the Local Safeguarding Children Board',
        '',
        '101. The board meets its statutory duties.',
      ],
    ]);
    expect(parsed.findings.map((f) => [f.section, f.ref, f.theme ?? ''])).toEqual([
      ['Recommendations', '1', ''],
      ['Recommendations', '2', ''],
      ['Recommendations', '3', ''],
      ['Recommendations', '4', 'Care leavers'],
      ['LSCB Recommendations', '98', ''],
      ['LSCB Recommendations', '99', ''],
      ['LSCB Recommendations', '100', ''],
    ]);
    expect(parsed.findings[1]!.text).toBe(
      'In cases where a child goes missing more than once, in each case ensure that a return interview is offered (paragraph 31).',
    );
    expect(parsed.notes.join(' ')).toMatch(/foot of page 2 .* footnote/);
  });

  it('ends a list at a heading or at a paragraph that states how things are, never taking strengths in', () => {
    const { parsed } = importText([
      title,
      [
        'What does the local authority need to improve?',
        '',
        'Priority and immediate action',
        '',
        'There are no priority or immediate actions.',
        '',
        'Areas for improvement',
        '',
        '20. Ensure that plans have timescales.',
        '',
        'The local authority’s strengths',
        '',
        '21. Leaders have a clear understanding of the need to improve.',
        '',
        '22. Ensure that this is never taken: the list has ended.',
      ],
    ]);
    expect(rows(parsed)).toEqual([['Areas for improvement', '20', 'Ensure that plans have timescales.']]);
  });

  it('leaves out a heading printed twice, once run on at the end of the item before it', () => {
    const { parsed } = importText([
      title,
      [
        'Priority and immediate action',
        '',
        '3. Ensure that the reasons for refused return interviews are analysed. Areas for improvement',
        '',
        'Areas for improvement',
        '',
        '4. Ensure that plans set out the areas for improvement for each child.',
      ],
    ]);
    expect(rows(parsed)).toEqual([
      ['Priority and immediate action', '3', 'Ensure that the reasons for refused return interviews are analysed.'],
      ['Areas for improvement', '4', 'Ensure that plans set out the areas for improvement for each child.'],
    ]);
    expect(parsed.notes.join(' ')).toMatch(/"Areas for improvement" was also printed at the end of item 3/);
  });

  it('gives the board the list that follows its heading straight after the council list', () => {
    const { parsed } = importText([
      title,
      [
        'Areas for improvement',
        '',
        '30. Ensure that plans have timescales.',
        '',
        'Section 2: The effectiveness of the local safeguarding children board',
        '',
        'Areas for improvement',
        '',
        '120. Ensure that the board hears from children.',
      ],
    ]);
    expect(parsed.findings.map((f) => [f.section, f.ref])).toEqual([
      ['Areas for improvement', '30'],
      ['LSCB Areas for improvement', '120'],
    ]);
  });

  it('reads numbered themes with bullets under them', () => {
    const { parsed } = importText([
      title,
      [
        'Recommendations',
        '',
        '1. Quality of practice',
        `${PUA} Ensure that every assessment is up to date.`,
        `${PUA} Improve supervision.`,
        '2. Leadership',
        `${PUA} Revise the corporate parenting strategy.`,
        '',
        'Summary for children and young people',
      ],
    ]);
    expect(parsed.findings.map((f) => [f.ref, f.theme, f.text])).toEqual([
      ['R1', 'Quality of practice', 'Ensure that every assessment is up to date.'],
      ['R2', 'Quality of practice', 'Improve supervision.'],
      ['R3', 'Leadership', 'Revise the corporate parenting strategy.'],
    ]);
  });

  it('gives a review of the board alone its board lists', () => {
    const { parsed } = importText([
      ['Harbourside Safeguarding Children Board', 'Review of the effectiveness of the Local Safeguarding Children', 'Board'],
      [
        'Recommendations',
        `${PUA} Update the threshold document (paragraph 4).`,
        `${PUA} Strengthen the board’s scrutiny of data (paragraph 10).`,
        '',
        'Inspection findings',
        '',
        '1. The board is chaired well.',
      ],
    ]);
    expect(rows(parsed)).toEqual([
      ['LSCB Recommendations', 'R1', 'Update the threshold document (paragraph 4).'],
      ['LSCB Recommendations', 'R2', 'Strengthen the board’s scrutiny of data (paragraph 10).'],
    ]);
  });

  it('says so, and gives no list, when a single inspection report has none where one should be', () => {
    const { parsed } = importText([title, ['Summary', '', 'Children are safe.']]);
    expect(parsed.findings).toEqual([]);
    expect(parsed.error).toMatch(/single inspection report, but no .* list/);
  });
});

describe('ILACS: sub-bullets and short inspections', () => {
  it('keeps sub-bullets drawn with another glyph with their item', () => {
    const { parsed } = importText([
      [
        'Inspection of Harbourside local authority children’s services',
        'Inspection dates: 24 to 28 March 2025',
        '',
        'What needs to improve?',
        '\u25FC The quality of plans for children.',
        '\u25FC The oversight of:',
        '\u2212 children in private fostering',
        '\u2212 pre-proceedings work.',
        '\u25FC Caseloads in the assessment teams.',
        '',
        'The experiences and progress of children who need help and',
        'protection: good',
        '',
        '1. Children are safe.',
      ],
    ]);
    expect(parsed.kind).toBe('short');
    expect(parsed.findings.map((f) => f.text)).toEqual([
      'The quality of plans for children.',
      'The oversight of: children in private fostering pre-proceedings work.',
      'Caseloads in the assessment teams.',
    ]);
  });

  it('gives an empty list, and says why, when an all-outstanding report has no "What needs to improve"', () => {
    const { parsed } = importText([
      [
        'Inspection of Harbourside local authority children’s services',
        'Inspection dates: 16 to 20 September 2024',
        'Judgement Grade',
        'The impact of leaders on social workOutstanding',
        'practice with children and families',
        'The experiences and progress ofOutstanding',
        'children who need help and protection',
        'Overall effectiveness Outstanding',
        '',
        'Services in Harbourside are outstanding.',
        '',
        '1. Children receive help early.',
      ],
    ]);
    expect(parsed.findings).toEqual([]);
    expect(parsed.error).toBeUndefined();
    expect(parsed.notes.join(' ')).toMatch(/no "What needs to improve" section: every judgement is outstanding/);
    const graded = importText([
      [
        'Inspection of Harbourside local authority children’s services',
        'Overall effectiveness Good',
        'Leaders Good',
        'Care Good',
        '',
        '1. Text.',
      ],
    ]).parsed;
    expect(graded.error).toMatch(/no "What needs to improve" heading/);
  });

  it('tells a full inspection (two weeks on site) from a short one (one week)', () => {
    const kindOf = (dates: string) =>
      importText([
        [
          'Inspection of Harbourside local authority children’s services',
          `Inspection dates: ${dates}`,
          'What needs to improve?',
          '\u25FC Plans.',
        ],
      ]).parsed.kind;
    expect(kindOf('3 to 14 March 2025')).toBe('full');
    expect(kindOf('25 November 2019 to 6 December 2019')).toBe('full');
    expect(kindOf('29 April 2019 to 3 May 2019')).toBe('short');
    expect(kindOf('16 April to 20 April 2018')).toBe('short');
  });
});

describe('publications of a kind the importer does not know', () => {
  it('get an error naming what was looked for, and no register', async () => {
    const { parsed } = importText([['Annual report of the children’s services complaints panel', '', 'Complaints rose this year.']]);
    expect(parsed.framework).toBeUndefined();
    expect(parsed.findings).toEqual([]);
    expect(parsed.error).toMatch(/looked for .*What needs to improve/);

    const dir = mkdtempSync(path.join(tmpdir(), 'boardpack-unknown-'));
    const file = path.join(dir, 'report.txt');
    writeFileSync(file, 'Annual report of the complaints panel\n\nComplaints rose this year.\n');
    const d = new Diagnostics();
    const r = await importFindings({ file, id: 'X', out: path.join(dir, 'x.yml'), title: 'T', published: '2025-01-01' }, d);
    expect(r.out).toBeUndefined();
    expect(d.all.map((x) => x.code)).toEqual(['import-unreadable']);
    expect(d.all[0]!.message).toMatch(/not an Ofsted publication the importer knows/);
  });

  it('are told by their title, not by an earlier inspection the text recalls', () => {
    const { parsed } = importText([
      [
        'Harbourside Council',
        'Inspection of services for children in need of help and protection, children looked after and care leavers',
        'Since the inspection of looked after children services in 2012, much has changed.',
      ],
      ['Recommendations', '', '1. Ensure that plans are clear.', '', 'Summary for children and young people'],
    ]);
    expect(parsed.framework).toBe('sif');
    expect(parsed.findings).toHaveLength(1);
  });
});

describe('what directs and what states', () => {
  it('reads imperatives, however they open', () => {
    for (const t of [
      'Ensure that plans are clear.',
      'Significantly reduce caseloads.',
      'To improve further the learning from audits.',
      'With partners, improve the response to neglect.',
      'In cases of neglect, ensure that plans are reviewed.',
      'Collate the views of care leavers.',
      'The adoption panel chair to report annually to the council.',
      'Social workers should see children alone.',
      'A review of the duty teams is needed.',
    ])
      expect(isDirective(t), t).toBe(true);
    for (const t of [
      'The board meets its statutory duties.',
      'Leaders understand the need to improve.',
      'The local authority and partners work well together to provide early help.',
      'Early help services are good.',
    ])
      expect(isDirective(t), t).toBe(false);
  });
});

describe('title and publication date from the first page', () => {
  const facts = (lines: string[]) => sourceFacts(preparePages([lines]), 'sif');

  it('takes the printed publication date over the first date, in words or figures', () => {
    expect(
      facts(['Inspection of looked after children', 'services', 'Inspection dates: 8 – 12 July 2013', 'Published: 16 August 2013']),
    ).toMatchObject({
      title: 'Inspection of looked after children services',
      published: '2013-08-16',
      publishedPrinted: true,
    });
    expect(
      facts([
        'Harbourside Council',
        'Re-inspection of services for children in need of help and',
        'protection, children looked after and care leavers',
        'Inspection date: 12/09/2016 to 06/10/2016',
        'Report published: 25/11/2016',
      ]),
    ).toMatchObject({
      title: 'Re-inspection of services for children in need of help and protection, children looked after and care leavers',
      published: '2016-11-25',
    });
    expect(
      facts(['Inspection of Harbourside local authority children’s services', 'Inspection dates: 3 to 14 March 2025']).publishedPrinted,
    ).toBeUndefined();
  });

  it('joins a title wrapped over lines', () => {
    expect(
      facts([
        'Inspection of Bath and North East',
        'Somerset local authority children’s',
        'services',
        'Inspection dates: 3 to 14 March 2025',
      ]).title,
    ).toBe('Inspection of Bath and North East Somerset local authority children’s services');
    expect(
      facts([
        'Harbourside Safeguarding Children Board',
        'Review of the effectiveness of the Local Safeguarding Children',
        'Board',
        'Inspection date: 15 June 2015',
      ]).title,
    ).toBe('Review of the effectiveness of the Local Safeguarding Children Board');
  });
});
