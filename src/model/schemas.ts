/**
 * The input formats, as zod schemas: the single source of truth for what a plan, a findings
 * register, config.yml and a report layout may hold. JSON Schema for editors is generated from
 * these (see tools/write-json-schemas.ts), so every field carries a description.
 */
import { z } from 'zod';
import { PERIOD_PATTERN } from './period.js';

/** A calendar date written YYYY-MM-DD; impossible dates such as 2026-02-30 fail. */
export const IsoDate = z.iso.date({ error: 'expected a date written YYYY-MM-DD' });
/** A month written YYYY-MM. */
export const IsoMonth = z
  .string({ error: 'expected a month written YYYY-MM' })
  .regex(PERIOD_PATTERN, { error: 'expected a month written YYYY-MM, e.g. 2026-10' });

const Id = z
  .string({ error: 'expected an id (text)' })
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { error: 'an id may hold only letters, digits, ".", "-" and "_"' });

export const STATUSES = ['complete', 'on-track', 'at-risk', 'off-track', 'not-started'] as const;
export const Status = z
  .enum(STATUSES)
  .describe('BRAG status: complete (blue), on-track (green), at-risk (amber), off-track (red), not-started (grey)');
export type Status = z.infer<typeof Status>;

// ---------------------------------------------------------------------------------------------
// Findings register

/** The kinds of Ofsted publication a register comes from: every list of them derives from this one. */
export const FINDING_KINDS = ['full-inspection', 'monitoring-visit', 'focused-visit'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];
export const FRAMEWORKS = ['ILACS', 'SIF', 'LAC', 'SAFEGUARDING', 'JTAI'] as const;
export type Framework = (typeof FRAMEWORKS)[number];

export const FindingsRegisterSchema = z
  .strictObject({
    source: z
      .strictObject({
        id: Id.describe('Short id of the Ofsted publication, e.g. ILACS-2025; finding ids start with it'),
        title: z.string().min(1).describe('Title of the publication as Ofsted gives it'),
        kind: z.enum(FINDING_KINDS).describe('full-inspection, monitoring-visit or focused-visit'),
        published: IsoDate.describe('Publication date, YYYY-MM-DD'),
        framework: z
          .enum(FRAMEWORKS)
          .optional()
          .describe(
            'The inspection framework: ILACS (2018 on), SIF (single inspection, 2013-2017), LAC or SAFEGUARDING (inspections before 2014), JTAI; default: from the kind and date',
          ),
        url: z.string().optional().describe('Where the publication can be read'),
        judgements: z
          .array(z.strictObject({ area: z.string(), grade: z.string() }))
          .optional()
          .describe('The judgement table of a full inspection: each area and its grade'),
      })
      .describe('The Ofsted publication the findings come from'),
    findings: z
      .array(
        z.strictObject({
          id: Id.describe('Stable id, <source id>-<ref>, cited by plan actions in answers:'),
          ref: z.string().min(1).describe("Ofsted's own reference: paragraph number or R1, R2 ..."),
          section: z.string().min(1).describe('The heading the finding sits under, and whose list it is'),
          text: z.string().min(1).describe('The finding, verbatim'),
          theme: z.string().optional().describe('Theme sub-heading of the list, where the report has them'),
          review: z.boolean().optional().describe('Set by the importer when a person should confirm the finding'),
        }),
      )
      .describe('The findings, in the order the publication gives them'),
  })
  .describe('A findings register: one Ofsted publication and its findings');
export type FindingsRegisterInput = z.infer<typeof FindingsRegisterSchema>;

// ---------------------------------------------------------------------------------------------
// Improvement plan

export const ActionSchema = z.strictObject({
  id: Id.describe('Action id, unique across the plan, e.g. P1.3'),
  action: z.string().min(1).describe('What will be done'),
  owner: z.string().min(1).describe('Who is accountable, by role'),
  due: IsoDate.describe('When it is due, YYYY-MM-DD'),
  status: Status,
  answers: z.array(Id).optional().describe('Ids of the findings this action answers'),
  measures: z.array(Id).optional().describe('Ids of the indicators that show its impact'),
  update: z.string().optional().describe("This month's line of progress"),
});

export const PlanSchema = z
  .strictObject({
    title: z.string().min(1).describe('Title of the improvement plan'),
    findings: z.array(z.string()).optional().describe('Paths of the findings registers, relative to this file'),
    priorities: z
      .array(
        z.strictObject({
          id: Id.describe('Priority id, e.g. P1'),
          title: z.string().min(1).describe('The priority (workstream)'),
          lead: z.string().min(1).describe('Senior lead, by name and role'),
          actions: z.array(ActionSchema).describe('Actions under this priority'),
        }),
      )
      .min(1, { error: 'a plan needs at least one priority' })
      .describe('Priorities (workstreams), each with its actions'),
  })
  .describe('An improvement plan');
export type PlanInput = z.infer<typeof PlanSchema>;

// ---------------------------------------------------------------------------------------------
// config.yml

export const UNITS = ['%', 'rate per 10,000', 'days', 'count', 'ratio', 'score', 'cases'] as const;
export const POLARITIES = ['higher', 'lower', 'contextual'] as const;

export const PersonSchema = z.strictObject({
  name: z.string().min(1).describe('Full name'),
  role: z.string().optional().describe('Job title'),
  email: z.string().optional().describe('Email address'),
  phone: z.string().optional().describe('Telephone number'),
});

const Column = z.string().regex(/^[A-Z]{1,3}$/, { error: 'expected a column letter such as A or AB' });

export const IndicatorSpecSchema = z.strictObject({
  id: Id.describe('Indicator id as in the workbook id column'),
  name: z.string().optional().describe('Name on reports; defaults to the workbook name column'),
  definition: z.string().optional().describe('What is counted'),
  unit: z.enum(UNITS).default('%').describe('Unit of the values'),
  decimals: z.number().int().min(0).max(4).default(1).describe('Decimal places shown'),
  polarity: z.enum(POLARITIES).describe('higher or lower is better; contextual gets no RAG'),
  target: z.number().optional().describe('Target value, in the unit'),
  tolerance: z.number().min(0).default(0).describe('Amber band beyond the target, in the unit'),
  min: z
    .number()
    .optional()
    .describe("Lowest value the indicator can have, when not its unit's (0 for %, counts, days, caseloads, rates and ratios)"),
  max: z
    .number()
    .optional()
    .describe("Highest value the indicator can have, when not its unit's (100 for %, 10,000 for a rate per 10,000)"),
  comparators: z
    .strictObject({
      england: z.number().optional().describe('England average'),
      statisticalNeighbours: z.number().optional().describe('Statistical neighbours average'),
      period: z.union([z.string(), z.number()]).transform(String).optional().describe('Period the comparators cover, e.g. 2024-25 or 2024'),
    })
    .optional(),
});

export const ReportSpecSchema = z.strictObject({
  id: Id.describe('Report id; names the output file'),
  template: z.string().describe('Folder of the report template, relative to config.yml'),
  title: z.string().min(1).describe('Report Title in the header'),
  meeting: z.strictObject({
    title: z.string().min(1).describe('Meeting Title in the header'),
    date: IsoDate.describe('Meeting date, YYYY-MM-DD'),
    body: z
      .string()
      .min(1)
      .optional()
      .describe('How the report names the meeting in its text, e.g. "the Improvement Board", "the Committee"; default: the meeting title'),
    chair: PersonSchema.optional().describe('Who chairs the meeting, if the report should say'),
    next: IsoDate.optional().describe('Date of the next meeting, if set, YYYY-MM-DD'),
  }),
  directors: z.array(PersonSchema).default([]).describe('Corporate Director(s)/Director(s)'),
  portfolioHolders: z.array(PersonSchema).default([]).describe('Portfolio Holder(s)'),
  authors: z.array(PersonSchema).default([]).describe('Report author and contact details'),
});

export const ConfigSchema = z
  .strictObject({
    council: z.string().min(1).describe('The council, as it names itself'),
    period: IsoMonth.describe('The month the pack reports on, YYYY-MM'),
    packDate: IsoDate.describe('Date the pack is issued; overdue actions are judged against it'),
    plan: z.string().describe('Path of the improvement plan, relative to config.yml'),
    findings: z.array(z.string()).default([]).describe('More findings registers, besides those the plan lists'),
    output: z.string().default('packs').describe('Folder that receives packs/<period>/'),
    performance: z
      .strictObject({
        file: z.string().describe('Path of the performance export (.xlsx)'),
        sheet: z.string().describe('Worksheet holding the indicators'),
        layout: z
          .enum(['wide', 'long'])
          .default('wide')
          .describe('wide: one row per indicator, one column per month; long: one row per indicator and month'),
        headerRow: z.number().int().min(1).default(1).describe('Row holding the headings (wide: the month headings)'),
        monthColumn: Column.optional().describe('long layout: the column of months'),
        valueColumn: Column.optional().describe('long layout: the column of values'),
        idColumn: Column.default('A').describe('Column of indicator ids'),
        nameColumn: Column.optional().describe('Column of indicator names'),
        unitColumn: Column.optional().describe('Column of units (%, rate per 10,000, days, count ...), for indicators the catalogue lacks'),
        polarityColumn: Column.optional().describe(
          'Column of polarity (higher, lower, contextual): with it, a sheet row not in the catalogue is reported too',
        ),
        targetColumn: Column.optional().describe('Column of targets, used where the catalogue gives none'),
        toleranceColumn: Column.optional().describe('Column of amber tolerances, used where the catalogue gives none'),
        englandColumn: Column.optional().describe('Column of England averages, used where the catalogue gives none'),
        neighboursColumn: Column.optional().describe('Column of statistical neighbour averages, used where the catalogue gives none'),
        firstMonthColumn: Column.optional().describe('First month column; default: every header cell that is a month'),
        lastMonthColumn: Column.optional().describe('Last month column'),
        catalogue: z
          .strictObject({
            sheet: z.string().describe('Worksheet holding the catalogue, one row per indicator'),
            headerRow: z
              .number()
              .int()
              .min(1)
              .default(1)
              .describe(
                'Row holding its headings: id, name, definition, unit, decimals, polarity, target, tolerance, england, statistical neighbours, period',
              ),
          })
          .optional()
          .describe('The indicator catalogue as a sheet of the workbook, instead of or besides indicators: below'),
      })
      .describe('Where the performance export keeps what'),
    indicators: z.array(IndicatorSpecSchema).default([]).describe('The indicator catalogue'),
    charts: z.boolean().default(true).describe('Draw a trend chart per indicator in the scorecard and beside the actions that measure it'),
    chartMonths: z.number().int().min(3).max(60).default(12).describe('Months each trend chart shows, ending with the period (3 to 60)'),
    nextVisit: z
      .strictObject({
        kind: z.enum([...FINDING_KINDS, 'joint-targeted-area-inspection']).describe('What Ofsted is expected to do next'),
        expected: z.union([IsoMonth, IsoDate]).describe('When: a month YYYY-MM or a date YYYY-MM-DD'),
        focus: z.string().min(1).optional().describe('What it is expected to look at, if known'),
      })
      .optional()
      .describe('The next Ofsted visit the council expects, if it should be reported'),
    reports: z.array(ReportSpecSchema).min(1, { error: 'config.yml needs at least one report' }).describe('The reports of the pack'),
  })
  .describe('boardpack configuration: what to build');
export type ConfigInput = z.infer<typeof ConfigSchema>;

// ---------------------------------------------------------------------------------------------
// templates/<report>/report.yml

export const APPENDIX_KINDS = ['action-tracker', 'findings-coverage', 'scorecard', 'scorecard-summary'] as const;

export const LayoutSchema = z
  .strictObject({
    documentTitle: z.string().describe('Document title (Handlebars), shown by readers and PDF viewers'),
    header: z
      .array(
        z.strictObject({
          label: z.string().min(1).describe('Label in the header table'),
          value: z.string().describe('Value (Handlebars); a line break starts a new line in the cell'),
        }),
      )
      .describe('Header table rows, in order'),
    summary: z.string().default('summary.hbs').describe('Template of the summary of issues'),
    recommendations: z.string().default('recommendations.hbs').describe('Template of the recommendations'),
    body: z.string().default('body.hbs').describe('Template of the numbered sections'),
    appendices: z
      .array(
        z.strictObject({
          kind: z.enum(APPENDIX_KINDS).describe('Which generated appendix'),
          title: z.string().min(1).describe('Appendix title, after "Appendix N – "'),
        }),
      )
      .default([])
      .describe('Generated appendices, numbered in this order'),
  })
  .describe('A report layout');
