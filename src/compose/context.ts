/**
 * The data a report's templates see. Plain objects only (Handlebars blocks prototype access),
 * with values already in words, so templates need no logic beyond if and each.
 */
import { monthLabel, plainDate, ordinalDate } from '../model/period.js';
import type { Computed, Inputs, Linkage, Person, ReportSpec } from '../model/types.js';
import { DIRECTION_LABEL, KIND_LABEL, RAG_LABEL, STATUS_LABEL, formatChange, formatValue } from './labels.js';

const personLine = (p: Person) => [p.name, p.role].filter(Boolean).join(', ');
const contactLine = (p: Person) => [p.name, p.role, p.email, p.phone].filter(Boolean).join(', ');
const people = (list: readonly Person[]) =>
  list.map((p) => ({ name: p.name, role: p.role ?? '', email: p.email ?? '', phone: p.phone ?? '', line: personLine(p), contact: contactLine(p) }));

export type PackContext = ReturnType<typeof packContext>;

/** What every report of the pack shares. */
export function packContext(inputs: Inputs, linkage: Linkage, computed: Computed) {
  const overdueIds = new Set(computed.actions.filter((a) => a.overdue).map((a) => a.action.id));
  const findingById = new Map(inputs.findings.map((f) => [f.id, f]));
  const actionView = (a: Inputs['plan']['priorities'][number]['actions'][number]) => {
    const links = linkage.byAction.get(a.id) ?? [];
    return {
      id: a.id,
      action: a.text,
      owner: a.owner,
      due: a.due,
      dueText: plainDate(a.due),
      status: a.status,
      statusLabel: STATUS_LABEL[a.status],
      update: a.update,
      overdue: overdueIds.has(a.id),
      priority: a.priorityId,
      answers: links.map((l) => l.findingId),
      answersRefs: links.map((l) => findingById.get(l.findingId)?.ref ?? l.findingId),
      suggested: links.some((l) => l.via === 'matched'),
      /** The matcher is unsure: a person must confirm the link before the board relies on it. */
      possible: links.some((l) => l.via === 'possible'),
      measures: [...a.measures],
    };
  };
  const actions = inputs.plan.priorities.flatMap((p) => p.actions.map(actionView));
  const actionById = new Map(actions.map((a) => [a.id, a]));
  const sourceById = new Map(inputs.sources.map((s) => [s.id, s]));

  const sources = inputs.sources.map((s) => ({
    id: s.id,
    title: s.title,
    kind: s.kind,
    kindLabel: KIND_LABEL[s.kind],
    published: s.published,
    publishedText: plainDate(s.published),
    judgements: s.judgements.map((j) => ({ area: j.area, grade: j.grade })),
    findingCount: inputs.findings.filter((f) => f.sourceId === s.id).length,
  }));

  const findings = inputs.findings.map((f) => {
    const src = sourceById.get(f.sourceId)!;
    const answeredBy = (linkage.byFinding.get(f.id) ?? []).map((l) => ({ ...actionById.get(l.actionId)!, suggested: l.via === 'matched', possible: l.via === 'possible' }));
    return {
      id: f.id,
      ref: f.ref,
      /** "R1" or "paragraph 4": how the report names the finding. */
      label: /^\d+$/.test(f.ref) ? `paragraph ${f.ref}` : f.ref,
      section: f.section,
      text: f.text,
      source: { id: src.id, title: src.title, kindLabel: KIND_LABEL[src.kind] },
      actions: answeredBy,
      answered: answeredBy.some((a) => !a.possible),
      /** Only possible links, not yet confirmed. */
      unconfirmed: answeredBy.length > 0 && answeredBy.every((a) => a.possible),
      complete: answeredBy.length > 0 && answeredBy.every((a) => a.status === 'complete'),
    };
  });

  const indicators = computed.indicators.map((r) => {
    const ind = r.indicator;
    return {
      id: ind.id,
      name: ind.name,
      unit: ind.unit,
      polarity: ind.polarity,
      polarityText: ind.polarity === 'higher' ? 'higher is better' : ind.polarity === 'lower' ? 'lower is better' : 'contextual',
      latest: formatValue(r.latest?.value, ind),
      latestMonth: r.latest ? monthLabel(r.latest.month) : '',
      previous: formatValue(r.previous?.value, ind),
      previousMonth: r.previous ? monthLabel(r.previous.month) : '',
      change: formatChange(r.change, ind),
      target: ind.target === undefined ? '' : formatValue(ind.target, ind),
      hasTarget: ind.target !== undefined,
      england: formatValue(ind.comparators?.england, ind),
      rag: r.rag,
      ragLabel: RAG_LABEL[r.rag],
      direction: r.direction,
      directionLabel: DIRECTION_LABEL[r.direction],
      stale: r.stale,
      worseningRun: r.worseningRun,
      monthsSinceOnTarget: r.monthsSinceOnTarget,
      onTargetText:
        r.monthsSinceOnTarget === null ? (ind.target === undefined || ind.polarity === 'contextual' ? '' : 'not on target in the months reported')
        : r.monthsSinceOnTarget === 0 ? 'on target'
        : `last on target ${r.monthsSinceOnTarget} ${r.monthsSinceOnTarget === 1 ? 'month' : 'months'} ago`,
      gaps: r.gaps.map((m) => monthLabel(m)),
    };
  });

  const byStatus = (s: string) => actions.filter((a) => a.status === s);
  const red = indicators.filter((i) => i.rag === 'red');
  const worsenedThree = indicators.filter((i) => i.worseningRun >= 3);
  const overdue = actions.filter((a) => a.overdue);
  const offOrAtRisk = actions.filter((a) => a.status === 'off-track' || a.status === 'at-risk');
  const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
  return {
    council: inputs.council,
    period: { id: inputs.period.id, label: monthLabel(inputs.period.id) },
    packDate: inputs.packDate,
    charts: inputs.charts,
    packDateText: ordinalDate(inputs.packDate),
    plan: { title: inputs.plan.title },
    sources,
    fullInspections: sources.filter((s) => s.kind === 'full-inspection'),
    visits: sources.filter((s) => s.kind !== 'full-inspection'),
    findings,
    unansweredFindings: findings.filter((f) => !f.answered),
    priorities: inputs.plan.priorities.map((p) => {
      const list = p.actions.map((a) => actionById.get(a.id)!);
      return {
        id: p.id,
        title: p.title,
        lead: p.lead,
        actions: list,
        total: list.length,
        complete: list.filter((a) => a.status === 'complete').length,
        offTrackOrAtRisk: list.filter((a) => a.status === 'off-track' || a.status === 'at-risk'),
      };
    }),
    actions: {
      all: actions,
      total: actions.length,
      complete: byStatus('complete').length,
      onTrack: byStatus('on-track').length,
      atRisk: byStatus('at-risk').length,
      offTrack: byStatus('off-track').length,
      notStarted: byStatus('not-started').length,
      overdue: actions.filter((a) => a.overdue),
      offTrackOrAtRisk: actions.filter((a) => a.status === 'off-track' || a.status === 'at-risk'),
      unlinked: linkage.unlinkedActions.map((id) => actionById.get(id)!),
    },
    /** The four exceptions a board reads first, each with its count and list. */
    exceptions: {
      red: { count: red.length, list: red },
      worsenedThreeMonths: { count: worsenedThree.length, list: worsenedThree },
      overdue: { count: overdue.length, list: overdue },
      offTrackOrAtRisk: { count: offOrAtRisk.length, list: offOrAtRisk },
      /** "4 of 15 indicators are red; 1 indicator worsened three months running; ..." */
      sentence: [
        `${red.length} of ${n(indicators.length, 'indicator', 'indicators')} ${red.length === 1 ? 'is' : 'are'} red`,
        `${n(worsenedThree.length, 'indicator', 'indicators')} worsened three months running`,
        `${n(overdue.length, 'action is', 'actions are')} overdue`,
        `${n(offOrAtRisk.length, 'action is', 'actions are')} off track or at risk`,
      ].join('; '),
    },
    indicators: {
      all: indicators,
      total: indicators.length,
      red: indicators.filter((i) => i.rag === 'red'),
      amber: indicators.filter((i) => i.rag === 'amber'),
      green: indicators.filter((i) => i.rag === 'green'),
      noTarget: indicators.filter((i) => i.rag === 'none'),
      improving: indicators.filter((i) => i.direction === 'improving'),
      worsening: indicators.filter((i) => i.direction === 'worsening'),
      worsenedThreeMonths: worsenedThree,
    },
  };
}

/** What one report adds: its meeting and people. */
export function reportContext(pack: PackContext, spec: ReportSpec) {
  return {
    ...pack,
    report: { id: spec.id, title: spec.title },
    meeting: { title: spec.meeting.title, date: spec.meeting.date, dateText: ordinalDate(spec.meeting.date) },
    directors: people(spec.directors),
    portfolioHolders: people(spec.portfolioHolders),
    authors: people(spec.authors),
  };
}
