/**
 * The data a report's templates see: plain objects only (Handlebars blocks prototype access),
 * with values already in words, so templates need no logic beyond if and each. Every count and
 * list comes from the named sets of compute/facts.ts, each given here as { count, list }, so a
 * number in the summary and the same number in a recommendation are one number.
 */
import { monthLabel, ordinalDate, PERIOD_PATTERN, plainDate } from '../model/period.js';
import { gapToTarget, hasTarget, isAnswered, overallJudgement } from '../4-compute/index.js';
import type {
  ActionResult,
  Computed,
  Facts,
  FindingCoverage,
  IndicatorResult,
  Inputs,
  Link,
  Linkage,
  Person,
  ReportSpec,
  Source,
} from '../model/types.js';
import {
  COVERAGE_LABEL,
  DIRECTION_LABEL,
  FRAMEWORK_NAME,
  KIND_LABEL,
  RAG_LABEL,
  STATUS_LABEL,
  formatChange,
  formatValue,
  kindCounts,
  numberWord,
  shownStatus,
  UNIT_LABEL,
} from './labels.js';
import type {
  ActionSets,
  ActionView,
  AllOf,
  AppendixNumbers,
  CountedSet,
  FindingSets,
  FindingView,
  IndicatorSets,
  IndicatorView,
  JudgementView,
  MeetingView,
  NextVisitView,
  PackContext,
  PersonView,
  PriorityView,
  SourceView,
  TemplateContext,
} from './template-context.js';

export type * from './template-context.js';

const personLine = (p: Person) => [p.name, p.role].filter(Boolean).join(', ');
const contactLine = (p: Person) => [p.name, p.role, p.email, p.phone].filter(Boolean).join(', ');
const person = (p: Person): PersonView => ({
  name: p.name,
  role: p.role ?? '',
  email: p.email ?? '',
  phone: p.phone ?? '',
  line: personLine(p),
  contact: contactLine(p),
});
const people = (list: readonly Person[]): PersonView[] => list.map(person);

/** A named set as templates see it. */
const set = <T>(list: readonly T[]): CountedSet<T> => ({ count: list.length, list: [...list] });

/** "R3" or "paragraph 14": how the report names a finding. */
const findingLabel = (ref: string) => (/^\d+$/.test(ref) ? `paragraph ${ref}` : ref);

const judgementView = (j: Source['judgements'][number]): JudgementView => ({
  area: j.area,
  grade: j.grade,
  gradeLower: j.grade.toLowerCase(),
});

function sourceView(s: Source, findingCount: number): SourceView {
  const overall = overallJudgement(s);
  return {
    id: s.id,
    title: s.title,
    kind: s.kind,
    kindLabel: KIND_LABEL[s.kind],
    framework: s.framework ?? '',
    frameworkName: s.framework ? FRAMEWORK_NAME[s.framework] : '',
    published: s.published,
    publishedText: plainDate(s.published),
    judgements: s.judgements.map(judgementView),
    overall: overall ? overall.grade.toLowerCase() : '',
    otherJudgements: s.judgements.filter((j) => j !== overall).map(judgementView),
    findingCount,
  };
}

function indicatorView(r: IndicatorResult, rank: number): IndicatorView {
  const ind = r.indicator;
  const better =
    ind.polarity === 'higher' ? 'higher is better' : ind.polarity === 'lower' ? 'lower is better' : 'neither higher nor lower is better';
  const gap = gapToTarget(r);
  return {
    id: ind.id,
    name: ind.name,
    unit: ind.unit,
    unitLabel: UNIT_LABEL[ind.unit],
    polarity: ind.polarity,
    polarityText: better,
    latest: formatValue(r.latest?.value, ind),
    latestMonth: r.latest ? monthLabel(r.latest.month) : '',
    previous: formatValue(r.previous?.value, ind),
    previousMonth: r.previous ? monthLabel(r.previous.month) : '',
    change: formatChange(r.change, ind),
    target: ind.target === undefined ? 'no target' : formatValue(ind.target, ind),
    hasTarget: hasTarget(ind),
    gap: gap === null ? '' : `${formatChange(gap, ind).replace(/^[+\u2212]/, '')} ${ind.polarity === 'higher' ? 'below' : 'above'} it`,
    england: formatValue(ind.comparators?.england, ind),
    rag: r.rag,
    ragLabel: RAG_LABEL[r.rag],
    direction: r.direction,
    directionLabel: DIRECTION_LABEL[r.direction],
    stale: r.stale,
    worseningRun: r.worseningRun,
    monthsSinceOnTarget: r.monthsSinceOnTarget,
    rank,
  };
}

function actionView(a: ActionResult, linkage: Linkage, refOf: (id: string) => string): ActionView {
  const links = linkage.byAction.get(a.action.id) ?? [];
  return {
    id: a.action.id,
    action: a.action.text,
    owner: a.action.owner,
    due: a.action.due,
    dueText: plainDate(a.action.due),
    status: a.action.status,
    statusLabel: STATUS_LABEL[a.action.status],
    shownStatus: shownStatus(a),
    overdue: a.overdue,
    update: a.action.update,
    priority: a.action.priorityId,
    answers: links.map((l) => l.findingId),
    answersRefs: links.map((l) => findingLabel(refOf(l.findingId))),
    suggested: links.some((l) => l.via === 'matched'),
    possible: links.some((l) => l.via === 'possible'),
    measures: [...a.action.measures],
  };
}

const word = numberWord;

/** "three actions: two complete and one on track": the actions answering a finding, by shown status. */
function actionsInWords(actions: readonly { shownStatus: string }[]): string {
  if (actions.length === 0) return 'no action';
  const by = new Map<string, number>();
  for (const a of actions) by.set(a.shownStatus.toLowerCase(), (by.get(a.shownStatus.toLowerCase()) ?? 0) + 1);
  const order = ['complete', 'on track', 'not started', 'at risk', 'off track', 'overdue'];
  const parts = order.filter((k) => by.has(k)).map((k) => `${word(by.get(k)!)} ${k}`);
  if (actions.length === 1) return `one action, ${order.find((k) => by.has(k))}`;
  if (parts.length === 1) return `${word(actions.length)} actions, all ${order.find((k) => by.has(k))}`;
  return `${word(actions.length)} actions: ${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** Views by id, and a function from a compute list to its views in the same order. */
type Views<R, V> = { readonly byId: ReadonlyMap<string, V>; readonly of: (list: readonly R[]) => V[] };

/** Every action's view, by id, in plan order. */
function actionViews(facts: Facts, inputs: Inputs, linkage: Linkage): Views<ActionResult, ActionView> {
  const findingById = new Map(inputs.findings.map((f) => [f.id, f]));
  const refOf = (id: string) => findingById.get(id)?.ref ?? id;
  const byId = new Map(facts.actions.all.map((a) => [a.action.id, actionView(a, linkage, refOf)]));
  return { byId, of: (list) => list.map((a) => byId.get(a.action.id)!) };
}

/** Every indicator's view, by id, in catalogue order, each with its rank from target. */
function indicatorViews(facts: Facts): Views<IndicatorResult, IndicatorView> {
  const ranks = new Map(facts.indicators.furthestFromTarget.map((r, i) => [r.indicator.id, i + 1]));
  const byId = new Map(facts.indicators.all.map((r) => [r.indicator.id, indicatorView(r, ranks.get(r.indicator.id) ?? 0)]));
  return { byId, of: (list) => list.map((r) => byId.get(r.indicator.id)!) };
}

/** Every source's view, by id, in register order, each with how many findings it gave. */
function sourceViews(inputs: Inputs): Views<Source, SourceView> {
  const count = new Map<string, number>();
  for (const f of inputs.findings) count.set(f.sourceId, (count.get(f.sourceId) ?? 0) + 1);
  const views = inputs.sources.map((s) => sourceView(s, count.get(s.id) ?? 0));
  const byView = new Map(inputs.sources.map((s, i) => [s, views[i]!]));
  return { byId: new Map(views.map((v) => [v.id, v])), of: (list) => list.map((s) => byView.get(s)!) };
}

/** A finding with the actions answering it, each shown as linked to this finding. */
function findingView(fc: FindingCoverage, actions: ReadonlyMap<string, ActionView>, sources: ReadonlyMap<string, SourceView>): FindingView {
  const f = fc.finding;
  const linked = (l: Link): ActionView => ({ ...actions.get(l.actionId)!, suggested: l.via === 'matched', possible: l.via === 'possible' });
  const settled = fc.settled.map(linked);
  return {
    id: f.id,
    ref: f.ref,
    label: findingLabel(f.ref),
    Label: findingLabel(f.ref).replace(/^p/, 'P'),
    section: f.section,
    text: f.text,
    source: sources.get(f.sourceId)!,
    coverage: fc.coverage,
    coverageLabel: COVERAGE_LABEL[fc.coverage],
    actions: settled,
    actionsSummary: actionsInWords(settled),
    actionsAtRisk: fc.needingAttention.map(linked),
    possibleActions: fc.possible.map(linked),
    answered: isAnswered(fc.coverage),
    unconfirmed: fc.coverage === 'unconfirmed',
  };
}

/** The council, period, pack date and plan: the words every report's header uses. */
function packHeader(
  inputs: Inputs,
  reissue: number | undefined,
): Pick<PackContext, 'council' | 'period' | 'packDate' | 'packDateText' | 'reissue' | 'charts' | 'plan'> {
  return {
    council: inputs.council,
    period: { id: inputs.period.id, label: monthLabel(inputs.period.id) },
    packDate: inputs.packDate,
    packDateText: ordinalDate(inputs.packDate),
    reissue,
    charts: inputs.charts,
    plan: { title: inputs.plan.title },
  };
}

/** The next visit the council expects, in words. */
function nextVisitView(next: Inputs['nextVisit']): NextVisitView | undefined {
  if (!next) return undefined;
  return {
    kindLabel: next.kind === 'joint-targeted-area-inspection' ? 'joint targeted area inspection' : KIND_LABEL[next.kind],
    expectedText: PERIOD_PATTERN.test(next.expected) ? monthLabel(next.expected) : plainDate(next.expected),
    focus: next.focus ?? '',
  };
}

/** The inspections and visits: the latest full inspection, the visits in words, the next visit. */
function inspectionViews(
  inputs: Inputs,
  facts: Facts,
  sources: Views<Source, SourceView>,
): Pick<PackContext, 'sources' | 'inspection' | 'fullInspections' | 'visits' | 'visitsText' | 'nextVisit'> {
  const full = sources.of(facts.sources.fullInspections);
  const visits = sources.of(facts.sources.visits);
  return {
    sources: sources.of(inputs.sources),
    inspection: full[full.length - 1],
    fullInspections: full,
    visits,
    visitsText: kindCounts(visits.map((v) => v.kind)),
    nextVisit: nextVisitView(inputs.nextVisit),
  };
}

function priorityViews(inputs: Inputs, facts: Facts, actions: Views<ActionResult, ActionView>): PriorityView[] {
  return inputs.plan.priorities.map((p, i) => {
    const pf = facts.priorities[i]!;
    return {
      id: p.id,
      title: p.title,
      lead: p.lead,
      actions: actions.of(pf.actions),
      total: pf.actions.length,
      complete: set(actions.of(pf.complete)),
      needingAttention: set(actions.of(pf.needingAttention)),
    };
  });
}

const allOf = <V>(views: ReadonlyMap<string, V>): AllOf<V> => ({ all: [...views.values()], total: views.size });

function indicatorSets(facts: Facts, iv: Views<IndicatorResult, IndicatorView>): IndicatorSets {
  const s = facts.indicators;
  const of = (list: readonly IndicatorResult[]) => set(iv.of(list));
  return {
    red: of(s.red),
    amber: of(s.amber),
    green: of(s.green),
    belowTarget: of(s.belowTarget),
    noTarget: of(s.noTarget),
    worsenedThreeMonths: of(s.worsenedThreeMonths),
    improving: of(s.improving),
    worsening: of(s.worsening),
    furthestFromTarget: of(s.furthestFromTarget),
  };
}

function actionSets(facts: Facts, av: Views<ActionResult, ActionView>): ActionSets {
  const s = facts.actions;
  const of = (list: readonly ActionResult[]) => set(av.of(list));
  return {
    complete: of(s.complete),
    onTrack: of(s.onTrack),
    atRisk: of(s.atRisk),
    offTrack: of(s.offTrack),
    notStarted: of(s.notStarted),
    overdue: of(s.overdue),
    statusBehindDate: of(s.statusBehindDate),
    offTrackOrAtRisk: of(s.offTrackOrAtRisk),
    needingAttention: of(s.needingAttention),
    unlinked: of(s.unlinked),
  };
}

function findingSets(facts: Facts, byId: ReadonlyMap<string, FindingView>): FindingSets {
  const s = facts.findings;
  const of = (list: readonly FindingCoverage[]) => set(list.map((fc) => byId.get(fc.finding.id)!));
  return {
    answered: of(s.answered),
    notAnswered: of(s.notAnswered),
    unconfirmed: of(s.unconfirmed),
    atRisk: of(s.atRisk),
    onTrack: of(s.onTrack),
    complete: of(s.complete),
  };
}

/** What every report of the pack shares. */
export function packContext(inputs: Inputs, linkage: Linkage, computed: Computed, reissue?: number): PackContext {
  const { facts } = computed;
  const actions = actionViews(facts, inputs, linkage);
  const indicators = indicatorViews(facts);
  const sources = sourceViews(inputs);
  const findings = facts.findings.all.map((fc) => findingView(fc, actions.byId, sources.byId));
  const findingById = new Map(findings.map((f) => [f.id, f]));
  return {
    ...packHeader(inputs, reissue),
    ...inspectionViews(inputs, facts, sources),
    findings,
    priorities: priorityViews(inputs, facts, actions),
    actions: allOf(actions.byId),
    indicators: allOf(indicators.byId),
    sets: {
      indicators: indicatorSets(facts, indicators),
      actions: actionSets(facts, actions),
      findings: findingSets(facts, findingById),
    },
  };
}

/** Appendix numbers by kind, from the report's list of appendices; 0 for a kind it lacks. */
function appendixNumbers(appendixKinds: readonly string[]): AppendixNumbers {
  const at = (kind: string) => appendixKinds.indexOf(kind) + 1;
  return {
    actionTracker: at('action-tracker'),
    findingsCoverage: at('findings-coverage'),
    scorecard: at('scorecard') || at('scorecard-summary'),
  };
}

function meetingView(meeting: ReportSpec['meeting']): MeetingView {
  const body = meeting.body ?? meeting.title;
  return {
    title: meeting.title,
    body,
    Body: body.charAt(0).toUpperCase() + body.slice(1),
    date: meeting.date,
    dateText: ordinalDate(meeting.date),
    next: meeting.next ?? '',
    nextText: meeting.next ? plainDate(meeting.next) : '',
    chair: meeting.chair ? person(meeting.chair) : undefined,
  };
}

/** What one report adds: its meeting and people, and where its appendices are. */
export function reportContext(pack: PackContext, spec: ReportSpec, appendixKinds: readonly string[] = []): TemplateContext {
  return {
    ...pack,
    appendix: appendixNumbers(appendixKinds),
    report: { id: spec.id, title: spec.title },
    meeting: meetingView(spec.meeting),
    directors: people(spec.directors),
    portfolioHolders: people(spec.portfolioHolders),
    authors: people(spec.authors),
  };
}
