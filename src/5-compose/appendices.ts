/**
 * The generated appendices: action tracker, findings coverage, performance scorecard (full, with
 * definitions and trend charts, or as a summary table). Counts come from the named sets of
 * compute/facts.ts, never recounted here.
 */
import type { AppendixBlock, Line, Table, TableCell } from '../model/report.js';
import { monthLabel, plainDate } from '../model/period.js';
import type { ActionResult, Computed, Indicator, IndicatorResult, Inputs, Linkage } from '../model/types.js';
import {
  COVERAGE_LABEL,
  COVERAGE_SWATCH,
  DIRECTION_LABEL,
  RAG_LABEL,
  RAG_SWATCH,
  STATUS_LABEL,
  STATUS_SWATCH,
  UNIT_LABEL,
  formatChange,
  formatValue,
  shownStatus,
} from './labels.js';
import { chartOf } from './charts.js';

const text = (s: string): TableCell => ({ lines: [[{ text: s }]] });
const lines = (...ls: string[]): TableCell => ({ lines: ls.filter((l) => l !== '').map((l) => [{ text: l }] as Line) });

/** How a link is shown: the plan's own links plainly; the matcher's marked as not confirmed. */
const LINK_NOTE = { explicit: '', matched: ' (suggested)', possible: ' (possible, to be confirmed)' } as const;

/**
 * An action's status cell: "Overdue" in red for an action past its date, whatever its status,
 * with the status the plan gives under it.
 */
function statusCell(a: ActionResult): TableCell {
  if (!a.overdue)
    return { lines: [[{ text: STATUS_LABEL[a.action.status], bold: true }]], swatch: STATUS_SWATCH[a.action.status], align: 'center' };
  return {
    lines: [[{ text: 'Overdue', bold: true }], [{ text: `(${STATUS_LABEL[a.action.status].toLowerCase()})` }]],
    swatch: 'red',
    align: 'center',
  };
}

const n = (k: number, one: string, many: string) => `${k === 0 ? 'no' : k} ${k === 1 ? one : many}`;
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export interface AppendixRefs {
  /** Number of the appendix holding the scorecard's trend charts, if the report has one. */
  readonly charts?: number;
}

export function actionTracker(inputs: Inputs, linkage: Linkage, computed: Computed, refs: AppendixRefs = {}): AppendixBlock[] {
  const results = new Map(computed.indicators.map((r) => [r.indicator.id, r]));
  const byId = new Map(computed.actions.map((a) => [a.action.id, a]));
  const blocks: AppendixBlock[] = [];
  for (const p of inputs.plan.priorities) {
    // The heading and the lead line keep with the table's first rows (render keeps them together).
    blocks.push({ kind: 'subheading', text: `${p.id} ${p.title}` });
    blocks.push({ kind: 'text', line: [{ text: 'Lead: ', bold: true }, { text: p.lead }] });
    const rows = p.actions.map((action): TableCell[] => {
      const a = byId.get(action.id)!;
      const links = linkage.byAction.get(action.id) ?? [];
      const answers =
        links.length === 0 ? 'Answers: no finding' : `Answers: ${links.map((l) => `${l.findingId}${LINK_NOTE[l.via]}`).join(', ')}`;
      const measured = action.measures.map((id) => results.get(id)).filter((r): r is IndicatorResult => r !== undefined);
      const measureLines: Line[] = measured.map((r) => [
        { text: 'Measured by: ', bold: true },
        {
          text: `${r.indicator.name}, ${formatValue(r.latest?.value, r.indicator)} (${RAG_LABEL[r.rag].toLowerCase()})${refs.charts && inputs.charts && r.indicator.series.length > 0 ? `; chart in Appendix ${refs.charts}` : ''}`,
        },
      ]);
      return [
        text(action.id),
        { lines: [[{ text: action.text }], [{ text: answers }]] },
        text(action.owner),
        lines(plainDate(action.due)),
        statusCell(a),
        { lines: [[{ text: action.update || 'No update this month' }], ...measureLines] },
      ];
    });
    const table: Table = {
      caption: `Actions under ${p.id} ${p.title}`,
      columns: [
        { header: 'Ref', width: 0.05 },
        { header: 'Action', width: 0.31 },
        { header: 'Owner', width: 0.13 },
        { header: 'Due', width: 0.12 },
        { header: 'Status', width: 0.09, align: 'center' },
        { header: 'Update', width: 0.3 },
      ],
      rows,
    };
    blocks.push({ kind: 'table', table });
  }
  return blocks;
}

export function findingsCoverage(inputs: Inputs, linkage: Linkage, computed: Computed): AppendixBlock[] {
  const f = computed.facts.findings;
  const byId = new Map(computed.actions.map((a) => [a.action.id, a]));
  const coverageOf = new Map(f.all.map((c) => [c.finding.id, c.coverage]));
  const answered = f.onTrack.length + f.complete.length + f.atRisk.length;
  const parts = [
    `${answered} of ${f.all.length} findings ${answered === 1 ? 'is' : 'are'} answered by at least one action`,
    ...(f.atRisk.length > 0 ? [`${n(f.atRisk.length, 'of them has', 'of them have')} an action off track, at risk or overdue`] : []),
    ...(f.unconfirmed.length > 0
      ? [`${n(f.unconfirmed.length, 'finding has', 'findings have')} only a possible action, to be confirmed`]
      : []),
    ...(f.notAnswered.length > 0 ? [`${n(f.notAnswered.length, 'finding has', 'findings have')} no action`] : []),
  ];
  const blocks: AppendixBlock[] = [
    {
      kind: 'text',
      line: [
        { text: `${cap(parts.join('; '))}. ` },
        { text: 'The coverage shown is the worst that applies to the finding\u2019s actions.' },
      ],
    },
  ];
  for (const s of inputs.sources) {
    blocks.push({ kind: 'subheading', text: s.title });
    const rows = inputs.findings
      .filter((x) => x.sourceId === s.id)
      .map((x): TableCell[] => {
        const links = linkage.byFinding.get(x.id) ?? [];
        const actionLines: Line[] = links.map((l) => {
          const a = byId.get(l.actionId)!;
          return [{ text: `${a.action.id} ${shownStatus(a).toLowerCase()}${LINK_NOTE[l.via]}` }];
        });
        const c = coverageOf.get(x.id)!;
        return [
          lines(x.ref, x.id),
          text(x.text),
          links.length === 0 ? text('No action in the plan') : { lines: actionLines },
          { lines: [[{ text: COVERAGE_LABEL[c], bold: true }]], swatch: COVERAGE_SWATCH[c], align: 'center' },
        ];
      });
    blocks.push({
      kind: 'table',
      table: {
        caption: `Findings of ${s.title} and the actions that answer them`,
        columns: [
          { header: 'Ref', width: 0.12 },
          { header: 'Finding', width: 0.5 },
          { header: 'Actions', width: 0.22 },
          { header: 'Coverage', width: 0.16, align: 'center' },
        ],
        rows,
      },
    });
  }
  return blocks;
}

/** A comparator's value, with the period it covers under it where the catalogue gives one. */
function comparator(value: number | undefined, ind: Indicator): TableCell {
  if (value === undefined) return text('Not available');
  const period = ind.comparators?.period;
  return period ? lines(formatValue(value, ind), period) : text(formatValue(value, ind));
}

/** "+1.2 points, better": a change with its sign and whether it is for the better. */
function changeWithVerdict(c: number | null, ind: Indicator): string {
  if (c === null) return 'Not available';
  const shown = formatChange(c, ind);
  if (!shown || Number(shown.replace(/[^0-9.]/g, '')) === 0) return 'No change';
  if (ind.polarity === 'contextual') return shown;
  const better = ind.polarity === 'higher' ? c > 0 : c < 0;
  return `${shown}, ${better ? 'better' : 'worse'}`;
}

function scorecardTable(computed: Computed, full: boolean): Table {
  const rows = computed.indicators.map((r): TableCell[] => {
    const ind = r.indicator;
    const latest = formatValue(r.latest?.value, ind) + (r.stale && r.latest ? ` (${monthLabel(r.latest.month)})` : '');
    const swatch = RAG_SWATCH[r.rag];
    const polarity =
      ind.polarity === 'higher' ? 'Higher is better' : ind.polarity === 'lower' ? 'Lower is better' : 'Neither higher nor lower is better';
    const cells: TableCell[] = [
      lines(ind.name, polarity),
      text(latest),
      ...(full ? [text(formatValue(r.previous?.value, ind))] : []),
      text(ind.target === undefined || ind.polarity === 'contextual' ? 'No target' : formatValue(ind.target, ind)),
      ...(full ? [comparator(ind.comparators?.england, ind), comparator(ind.comparators?.statisticalNeighbours, ind)] : []),
      { lines: [[{ text: RAG_LABEL[r.rag], bold: true }]], ...(swatch ? { swatch } : {}), align: 'center' },
      lines(DIRECTION_LABEL[r.direction], r.direction === 'unknown' ? '' : formatChange(r.change, ind)),
      ...(full ? [text(changeWithVerdict(r.changeOnYear, ind))] : []),
    ];
    return cells;
  });
  const columns = full
    ? [
        { header: 'Indicator', width: 0.25 },
        { header: 'Latest', width: 0.09, align: 'right' as const },
        { header: 'Previous month', width: 0.09, align: 'right' as const },
        { header: 'Target', width: 0.08, align: 'right' as const },
        { header: 'England', width: 0.09, align: 'right' as const },
        { header: 'Statistical neighbours', width: 0.1, align: 'right' as const },
        { header: 'RAG', width: 0.08, align: 'center' as const },
        { header: 'On the previous month', width: 0.11 },
        { header: 'On a year before', width: 0.11 },
      ]
    : [
        { header: 'Indicator', width: 0.4 },
        { header: 'Latest', width: 0.14, align: 'right' as const },
        { header: 'Target', width: 0.14, align: 'right' as const },
        { header: 'RAG', width: 0.12, align: 'center' as const },
        { header: 'On the previous month', width: 0.2 },
      ];
  return { caption: full ? 'Performance scorecard' : 'Performance scorecard summary', columns, rows };
}

function scorecardLead(inputs: Inputs, computed: Computed): AppendixBlock {
  const f = computed.facts.indicators;
  return {
    kind: 'text',
    line: [
      {
        text:
          `Figures for ${monthLabel(inputs.period.id)}: ${n(f.belowTarget.length, 'indicator is', 'indicators are')} below target (${f.red.length} red, ${f.amber.length} amber), ` +
          `${n(f.green.length, 'meets', 'meet')} ${f.green.length === 1 ? 'its target' : 'their targets'} and ${n(f.noTarget.length, 'has', 'have')} no target. ` +
          'The change on the previous month says whether it is for the better, as higher or lower is better for each indicator.',
      },
    ],
  };
}

export function scorecard(inputs: Inputs, computed: Computed): AppendixBlock[] {
  return [
    scorecardLead(inputs, computed),
    { kind: 'table', table: scorecardTable(computed, true) },
    ...definitions(computed),
    ...(inputs.charts ? chartBlocks(inputs, computed) : []),
  ];
}

/** The scorecard without comparators, definitions or charts: for a report that points to the full one. */
export function scorecardSummary(inputs: Inputs, computed: Computed): AppendixBlock[] {
  return [scorecardLead(inputs, computed), { kind: 'table', table: scorecardTable(computed, false) }];
}

/** What each indicator counts, for readers who do not know the measures by heart. */
function definitions(computed: Computed): AppendixBlock[] {
  const defined = computed.indicators.filter((r) => r.indicator.definition);
  if (defined.length === 0) return [];
  return [
    { kind: 'subheading', text: 'What the indicators count' },
    {
      kind: 'table',
      table: {
        caption: 'Indicator definitions',
        columns: [
          { header: 'Indicator', width: 0.3 },
          { header: 'What is counted', width: 0.55 },
          { header: 'Unit', width: 0.15 },
        ],
        rows: defined.map((r) => [
          text(r.indicator.name),
          text(r.indicator.definition!),
          text(UNIT_LABEL[r.indicator.unit] ?? r.indicator.unit),
        ]),
      },
    },
  ];
}

function chartBlocks(inputs: Inputs, computed: Computed): AppendixBlock[] {
  const drawn = computed.indicators.filter((r) => r.indicator.series.length > 0);
  const sn = computed.indicators.some((r) => r.indicator.comparators?.statisticalNeighbours !== undefined);
  return [
    { kind: 'subheading', text: 'Trend charts' },
    {
      kind: 'text',
      line: [
        {
          text: `Each chart shows the last ${inputs.chartMonths} months to ${monthLabel(inputs.period.id)}, with the target (dashed red), the England average (dotted grey)${sn ? ' and the statistical neighbours average (dot-dash brown)' : ''} where known; lines that are equal are drawn once, labelled with both. A gap in a line is a month with no value.`,
        },
      ],
    },
    {
      kind: 'charts',
      charts: drawn.map((r) => chartOf(r, inputs.period.id, inputs.chartMonths)),
    },
  ];
}
