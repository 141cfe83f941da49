/** The generated appendices: action tracker, findings coverage and performance scorecard. */
import type { AppendixBlock, Line, Table, TableCell } from '../model/report.js';
import { shortMonth } from '../model/period.js';
import type { Computed, Indicator, Inputs, Linkage } from '../model/types.js';
import { DIRECTION_LABEL, RAG_LABEL, RAG_SWATCH, STATUS_LABEL, STATUS_SWATCH, formatChange, formatValue } from './labels.js';
import { plainDate } from '../model/period.js';
import { chartOf } from './charts.js';

/** How a link is shown: the plan's own links plainly; the matcher's marked as not confirmed. */
const LINK_NOTE = { explicit: '', matched: ' (suggested)', possible: ' (possible, to be confirmed)' } as const;

const text = (s: string): TableCell => ({ lines: [[{ text: s }]] });
const lines = (...ls: string[]): TableCell => ({ lines: ls.filter((l) => l !== '').map((l) => [{ text: l }] as Line) });

export function actionTracker(inputs: Inputs, linkage: Linkage, computed: Computed): AppendixBlock[] {
  const overdue = new Set(computed.actions.filter((a) => a.overdue).map((a) => a.action.id));
  const results = new Map(computed.indicators.map((r) => [r.indicator.id, r]));
  const blocks: AppendixBlock[] = [];
  for (const p of inputs.plan.priorities) {
    blocks.push({ kind: 'subheading', text: `${p.id} ${p.title}` });
    blocks.push({ kind: 'text', line: [{ text: 'Lead: ', bold: true }, { text: p.lead }] });
    const rows = p.actions.map((a): TableCell[] => {
      const links = linkage.byAction.get(a.id) ?? [];
      const answers = links.length === 0
        ? 'Answers: no finding linked'
        : `Answers: ${links.map((l) => `${l.findingId}${LINK_NOTE[l.via]}`).join(', ')}`;
      const measured = a.measures.map((id) => results.get(id)).filter((r) => r !== undefined && r.indicator.series.length > 0);
      return [
        text(a.id),
        { lines: [[{ text: a.text }], [{ text: answers }]] },
        text(a.owner),
        lines(plainDate(a.due), overdue.has(a.id) ? 'Overdue' : ''),
        { lines: [[{ text: STATUS_LABEL[a.status], bold: true }]], swatch: STATUS_SWATCH[a.status], align: 'center' },
        {
          lines: [[{ text: a.update || 'No update this month' }], ...(inputs.charts ? measured.map((r) => [{ text: `${r!.indicator.name}:`, bold: true }] as Line) : [])],
          ...(measured.length > 0 && inputs.charts ? { charts: measured.map((r) => chartOf(r!, inputs.period.id, 'small', inputs.chartMonths)) } : {}),
        },
      ];
    });
    const table: Table = {
      caption: `Actions under ${p.id} ${p.title}`,
      columns: [
        { header: 'Ref', width: 0.07 },
        { header: 'Action', width: 0.3 },
        { header: 'Owner', width: 0.13 },
        { header: 'Due', width: 0.11 },
        { header: 'Status', width: 0.11, align: 'center' },
        { header: 'Update', width: 0.28 },
      ],
      rows,
    };
    blocks.push({ kind: 'table', table });
  }
  return blocks;
}

export function findingsCoverage(inputs: Inputs, linkage: Linkage): AppendixBlock[] {
  const actionById = new Map(inputs.plan.priorities.flatMap((p) => p.actions).map((a) => [a.id, a]));
  const blocks: AppendixBlock[] = [];
  const unconfirmed = linkage.unconfirmedFindings.length;
  const unanswered = linkage.unansweredFindings.length - unconfirmed;
  const answered = inputs.findings.length - unanswered - unconfirmed;
  const rest: string[] = [];
  if (unconfirmed > 0) rest.push(`${unconfirmed} ${unconfirmed === 1 ? 'finding has' : 'findings have'} only a possible action, marked "To be confirmed"`);
  if (unanswered > 0) rest.push(`${unanswered} ${unanswered === 1 ? 'finding has' : 'findings have'} no action and ${unanswered === 1 ? 'is' : 'are'} marked "No action"`);
  blocks.push({
    kind: 'text',
    line: [{ text: `${answered} of ${inputs.findings.length} findings are answered by at least one action. ` },
      { text: rest.length === 0 ? 'Every finding has an action.' : `${rest.join('; ')}.`, bold: rest.length > 0 }],
  });
  for (const s of inputs.sources) {
    blocks.push({ kind: 'subheading', text: s.title });
    const rows = inputs.findings.filter((f) => f.sourceId === s.id).map((f): TableCell[] => {
      const links = linkage.byFinding.get(f.id) ?? [];
      const actionLines: Line[] = links.map((l) => {
        const a = actionById.get(l.actionId)!;
        return [{ text: `${a.id} ${STATUS_LABEL[a.status].toLowerCase()}${LINK_NOTE[l.via]}` }];
      });
      const complete = links.length > 0 && links.every((l) => actionById.get(l.actionId)!.status === 'complete');
      const onlyPossible = links.length > 0 && links.every((l) => l.via === 'possible');
      return [
        lines(f.ref, f.id),
        text(f.text),
        links.length === 0 ? text('None') : { lines: actionLines },
        links.length === 0
          ? { lines: [[{ text: 'No action', bold: true }]], swatch: 'red', align: 'center' }
          : onlyPossible
            ? { lines: [[{ text: 'To be confirmed', bold: true }]], swatch: 'amber', align: 'center' }
            : complete
            ? { lines: [[{ text: 'Actions complete', bold: true }]], swatch: 'blue', align: 'center' }
            : { lines: [[{ text: 'Answered', bold: true }]], swatch: 'green', align: 'center' },
      ];
    });
    blocks.push({
      kind: 'table',
      table: {
        caption: `Findings of ${s.title} and the actions that answer them`,
        columns: [
          { header: 'Ref', width: 0.14 },
          { header: 'Finding', width: 0.46 },
          { header: 'Actions', width: 0.23 },
          { header: 'Coverage', width: 0.17, align: 'center' },
        ],
        rows,
      },
    });
  }
  return blocks;
}

/** A comparator's value, with the period it covers under it where the catalogue gives one. */
function comparator(value: number | undefined, ind: Indicator): TableCell {
  if (value === undefined) return text('Not known');
  const period = ind.comparators?.period;
  return period ? lines(formatValue(value, ind), period) : text(formatValue(value, ind));
}

export function scorecard(inputs: Inputs, computed: Computed): AppendixBlock[] {
  const red = computed.indicators.filter((r) => r.rag === 'red').length;
  const rows = computed.indicators.map((r): TableCell[] => {
    const ind = r.indicator;
    const latest = formatValue(r.latest?.value, ind) + (r.stale && r.latest ? ` (${shortMonth(r.latest.month)})` : '');
    const swatch = RAG_SWATCH[r.rag];
    return [
      lines(ind.name, ind.polarity === 'higher' ? 'Higher is better' : ind.polarity === 'lower' ? 'Lower is better' : 'Contextual'),
      text(latest),
      text(formatValue(r.previous?.value, ind)),
      text(ind.target === undefined ? 'None' : formatValue(ind.target, ind)),
      comparator(ind.comparators?.england, ind),
      comparator(ind.comparators?.statisticalNeighbours, ind),
      { lines: [[{ text: RAG_LABEL[r.rag], bold: true }]], ...(swatch ? { swatch } : {}), align: 'center' },
      lines(DIRECTION_LABEL[r.direction], formatChange(r.change, ind)),
      text(r.changeOnYear === null ? 'Not known' : formatChange(r.changeOnYear, ind) || 'No change'),
    ];
  });
  return [
    {
      kind: 'text',
      line: [{ text: `Figures for ${shortMonth(inputs.period.id)}. ${red} of ${computed.indicators.length} indicators are red. Direction of travel compares the latest month with the one before, respecting whether higher or lower is better.` }],
    },
    {
      kind: 'table',
      table: {
        caption: 'Performance scorecard',
        columns: [
          { header: 'Indicator', width: 0.25 },
          { header: 'Latest', width: 0.09, align: 'right' },
          { header: 'Previous', width: 0.09, align: 'right' },
          { header: 'Target', width: 0.08, align: 'right' },
          { header: 'England', width: 0.09, align: 'right' },
          { header: 'Statistical neighbours', width: 0.1, align: 'right' },
          { header: 'RAG', width: 0.08, align: 'center' },
          { header: 'Direction of travel', width: 0.12 },
          { header: 'On a year ago', width: 0.1 },
        ],
        rows,
      },
    },
    ...definitions(computed),
    ...(inputs.charts ? chartBlocks(inputs, computed) : []),
  ];
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
        rows: defined.map((r) => [text(r.indicator.name), text(r.indicator.definition!), text(r.indicator.unit === '%' ? 'Percentage' : r.indicator.unit)]),
      },
    },
  ];
}

function chartBlocks(inputs: Inputs, computed: Computed): AppendixBlock[] {
  return [
    { kind: 'subheading', text: 'Trend charts' },
    {
      kind: 'text',
      line: [
        {
          text: `Each chart shows the last ${inputs.chartMonths} months, with the target (dashed red), the England average (dotted grey)${computed.indicators.some((r) => r.indicator.comparators?.statisticalNeighbours !== undefined) ? ' and the statistical neighbours average (dot-dash brown)' : ''} where known. A gap in a line is a month with no value.`,
        },
      ],
    },
    { kind: 'charts', charts: computed.indicators.filter((r) => r.indicator.series.length > 0).map((r) => chartOf(r, inputs.period.id, 'large', inputs.chartMonths)) },
  ];
}
