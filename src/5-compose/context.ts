/**
 * The data a report's templates see: plain objects only (Handlebars blocks prototype access),
 * with values already in words, so templates need no logic beyond if and each. Every count and
 * list comes from the named sets of compute/facts.ts, each given here as { count, list }, so a
 * number in the summary and the same number in a recommendation are one number.
 */
import { monthLabel, ordinalDate, PERIOD_PATTERN, plainDate } from '../model/period.js';
import type {
  ActionResult,
  Computed,
  Coverage,
  FindingCoverage,
  IndicatorResult,
  Inputs,
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
import type { ActionView, CountedSet, IndicatorView, PackContext, PersonView, SourceView, TemplateContext } from './template-context.js';

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

function sourceView(s: Source, findingCount: number): SourceView {
  const overall = s.judgements.find((j) => /overall effectiveness/i.test(j.area));
  return {
    id: s.id,
    title: s.title,
    kind: s.kind,
    kindLabel: KIND_LABEL[s.kind],
    framework: s.framework ?? '',
    frameworkName: s.framework ? FRAMEWORK_NAME[s.framework] : '',
    published: s.published,
    publishedText: plainDate(s.published),
    judgements: s.judgements.map((j) => ({ area: j.area, grade: j.grade, gradeLower: j.grade.toLowerCase() })),
    /** The overall effectiveness grade, lower case ("inadequate"); empty when the report has no such row. */
    overall: overall ? overall.grade.toLowerCase() : '',
    /** The other judgements, without the overall one. */
    otherJudgements: s.judgements
      .filter((j) => j !== overall)
      .map((j) => ({ area: j.area, grade: j.grade, gradeLower: j.grade.toLowerCase() })),
    findingCount,
  };
}

function indicatorView(r: IndicatorResult, rank: number): IndicatorView {
  const ind = r.indicator;
  const better =
    ind.polarity === 'higher' ? 'higher is better' : ind.polarity === 'lower' ? 'lower is better' : 'neither higher nor lower is better';
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
    hasTarget: ind.target !== undefined && ind.polarity !== 'contextual',
    /** How far from target, which way: "22.0 points below it", "1.6 above it"; empty when on or without target. */
    gap:
      r.rag === 'red' || r.rag === 'amber'
        ? `${formatChange(Math.abs((r.latest?.value ?? 0) - (ind.target ?? 0)), ind).replace(/^[+\u2212]/, '')} ${ind.polarity === 'higher' ? 'below' : 'above'} it`
        : '',
    england: formatValue(ind.comparators?.england, ind),
    rag: r.rag,
    ragLabel: RAG_LABEL[r.rag],
    direction: r.direction,
    directionLabel: DIRECTION_LABEL[r.direction],
    stale: r.stale,
    worseningRun: r.worseningRun,
    monthsSinceOnTarget: r.monthsSinceOnTarget,
    /** Position among the indicators furthest from target, 1 = furthest; 0 when on target. */
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
    /** What the report shows: "Overdue" for an action past its date and not complete, whatever its status. */
    shownStatus: shownStatus(a),
    overdue: a.overdue,
    update: a.action.update,
    priority: a.action.priorityId,
    answers: links.map((l) => l.findingId),
    answersRefs: links.map((l) => findingLabel(refOf(l.findingId))),
    suggested: links.some((l) => l.via === 'matched'),
    /** The matcher is unsure: a person must confirm the link before the board relies on it. */
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

/** What every report of the pack shares. */
export function packContext(inputs: Inputs, linkage: Linkage, computed: Computed): PackContext {
  const { facts } = computed;
  const findingById = new Map(inputs.findings.map((f) => [f.id, f]));
  const refOf = (id: string) => findingById.get(id)?.ref ?? id;
  const actionViews = new Map(facts.actions.all.map((a) => [a.action.id, actionView(a, linkage, refOf)]));
  const av = (list: readonly ActionResult[]) => list.map((a) => actionViews.get(a.action.id)!);
  const ranks = new Map(facts.indicators.furthestFromTarget.map((r, i) => [r.indicator.id, i + 1]));
  const indicatorViews = new Map(facts.indicators.all.map((r) => [r.indicator.id, indicatorView(r, ranks.get(r.indicator.id) ?? 0)]));
  const iv = (list: readonly IndicatorResult[]) => list.map((r) => indicatorViews.get(r.indicator.id)!);
  const count = new Map<string, number>();
  for (const f of inputs.findings) count.set(f.sourceId, (count.get(f.sourceId) ?? 0) + 1);
  const sources = inputs.sources.map((s) => sourceView(s, count.get(s.id) ?? 0));
  const sourceById = new Map(sources.map((s) => [s.id, s]));

  const findingView = (fc: FindingCoverage) => {
    const f = fc.finding;
    const links = linkage.byFinding.get(f.id) ?? [];
    const all = links.map((l) => ({ ...actionViews.get(l.actionId)!, suggested: l.via === 'matched', possible: l.via === 'possible' }));
    // Possible links are not yet anyone's decision: they are named apart and counted nowhere.
    const actions = all.filter((a) => !a.possible);
    return {
      id: f.id,
      ref: f.ref,
      label: findingLabel(f.ref),
      /** The label to open a sentence: "Paragraph 14", "R3". */
      Label: findingLabel(f.ref).replace(/^p/, 'P'),
      section: f.section,
      text: f.text,
      source: sourceById.get(f.sourceId)!,
      coverage: fc.coverage,
      coverageLabel: COVERAGE_LABEL[fc.coverage],
      actions,
      /** "three actions: two complete, one on track" */
      actionsSummary: actionsInWords(actions),
      /** Actions off track, at risk or overdue: the ones a reader must see. */
      actionsAtRisk: actions.filter((a) => a.overdue || a.status === 'off-track' || a.status === 'at-risk'),
      /** Actions the matcher thinks may answer it, awaiting someone's confirmation. */
      possibleActions: all.filter((a) => a.possible),
      answered: fc.coverage !== 'not-answered' && fc.coverage !== 'unconfirmed',
      unconfirmed: fc.coverage === 'unconfirmed',
    };
  };
  const findings = facts.findings.all.map(findingView);
  const byCoverage = (c: Coverage) => findings.filter((f) => f.coverage === c);
  const full = sources.filter((s) => s.kind === 'full-inspection');
  const visits = sources.filter((s) => s.kind !== 'full-inspection');
  const unlinked = linkage.unlinkedActions
    .map((id) => facts.actions.all.find((a) => a.action.id === id)!)
    .filter((a) => !a.action.answersNone);

  return {
    council: inputs.council,
    period: { id: inputs.period.id, label: monthLabel(inputs.period.id) },
    packDate: inputs.packDate,
    packDateText: ordinalDate(inputs.packDate),
    charts: inputs.charts,
    plan: { title: inputs.plan.title },
    sources,
    /** The latest full inspection, if any: what the plan answers first. */
    inspection: full[full.length - 1],
    fullInspections: full,
    visits,
    /** "2 monitoring visits and a focused visit", in words; empty when there were none. */
    visitsText: kindCounts(visits.map((v) => v.kind)),
    nextVisit: inputs.nextVisit
      ? {
          kindLabel:
            inputs.nextVisit.kind === 'joint-targeted-area-inspection'
              ? 'joint targeted area inspection'
              : KIND_LABEL[inputs.nextVisit.kind],
          expectedText: PERIOD_PATTERN.test(inputs.nextVisit.expected)
            ? monthLabel(inputs.nextVisit.expected)
            : plainDate(inputs.nextVisit.expected),
          focus: inputs.nextVisit.focus ?? '',
        }
      : undefined,
    findings,
    priorities: inputs.plan.priorities.map((p) => {
      const list = p.actions.map((a) => actionViews.get(a.id)!);
      return {
        id: p.id,
        title: p.title,
        lead: p.lead,
        actions: list,
        total: list.length,
        complete: set(list.filter((a) => a.status === 'complete')),
        needingAttention: set(list.filter((a) => a.overdue || a.status === 'off-track' || a.status === 'at-risk')),
      };
    }),
    actions: { all: [...actionViews.values()], total: actionViews.size },
    indicators: { all: [...indicatorViews.values()], total: indicatorViews.size },
    /** The named sets; each is { count, list }. */
    sets: {
      indicators: {
        red: set(iv(facts.indicators.red)),
        amber: set(iv(facts.indicators.amber)),
        green: set(iv(facts.indicators.green)),
        belowTarget: set(iv(facts.indicators.belowTarget)),
        noTarget: set(iv(facts.indicators.noTarget)),
        worsenedThreeMonths: set(iv(facts.indicators.worsenedThreeMonths)),
        improving: set(iv(facts.indicators.improving)),
        worsening: set(iv(facts.indicators.worsening)),
        furthestFromTarget: set(iv(facts.indicators.furthestFromTarget)),
      },
      actions: {
        complete: set(av(facts.actions.complete)),
        onTrack: set(av(facts.actions.onTrack)),
        atRisk: set(av(facts.actions.atRisk)),
        offTrack: set(av(facts.actions.offTrack)),
        notStarted: set(av(facts.actions.notStarted)),
        overdue: set(av(facts.actions.overdue)),
        statusBehindDate: set(av(facts.actions.statusBehindDate)),
        offTrackOrAtRisk: set(av(facts.actions.offTrackOrAtRisk)),
        /** Off track, at risk or overdue: every action the board must look at, once each. */
        needingAttention: set(
          av(facts.actions.all.filter((a) => a.overdue || a.action.status === 'off-track' || a.action.status === 'at-risk')),
        ),
        unlinked: set(av(unlinked)),
      },
      findings: {
        /** Answered by at least one settled action, whatever its progress. */
        answered: set(findings.filter((f) => f.answered)),
        notAnswered: set(byCoverage('not-answered')),
        unconfirmed: set(byCoverage('unconfirmed')),
        atRisk: set(byCoverage('at-risk')),
        onTrack: set(byCoverage('on-track')),
        complete: set(byCoverage('complete')),
      },
    },
  };
}

/** What one report adds: its meeting and people, and where its appendices are. */
export function reportContext(pack: PackContext, spec: ReportSpec, appendixKinds: readonly string[] = []): TemplateContext {
  const body = spec.meeting.body ?? spec.meeting.title;
  const at = (kind: string) => appendixKinds.indexOf(kind) + 1;
  return {
    ...pack,
    /** Appendix numbers by kind (0 when the report has none of that kind). */
    appendix: {
      actionTracker: at('action-tracker'),
      findingsCoverage: at('findings-coverage'),
      scorecard: at('scorecard') || at('scorecard-summary'),
    },
    report: { id: spec.id, title: spec.title },
    meeting: {
      title: spec.meeting.title,
      /** How the text names the meeting: "the Improvement Board". */
      body,
      /** The same, capitalised to open a sentence: "The Improvement Board". */
      Body: body.charAt(0).toUpperCase() + body.slice(1),
      date: spec.meeting.date,
      dateText: ordinalDate(spec.meeting.date),
      next: spec.meeting.next ?? '',
      nextText: spec.meeting.next ? plainDate(spec.meeting.next) : '',
      chair: spec.meeting.chair ? person(spec.meeting.chair) : undefined,
    },
    directors: people(spec.directors),
    portfolioHolders: people(spec.portfolioHolders),
    authors: people(spec.authors),
  };
}
