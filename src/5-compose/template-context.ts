/**
 * What a report's templates see, declared field by field: the contract between boardpack and a
 * template author. Every name a template may read is here, with what it holds. The builders in
 * context.ts return these types, so the compiler checks that every field is built; a test
 * (test/unit/template-context.test.ts) fails if a field disappears or changes kind.
 *
 * Values are in words where a reader sees them: dates as "19th November 2026", figures with their
 * unit. A field typed `| undefined` is always present (a template may test it with {{#if}}) but
 * may hold no value; reading into it without testing is an error at the template's line.
 */
import type { FindingKind, Framework } from '../model/schemas.js';
import type { Coverage, Direction, IndicatorSpec, Rag, Status } from '../model/types.js';

/** A named set as templates see it: `{{sets.actions.overdue.count}}`, `{{#each sets.actions.overdue.list}}`. */
export interface CountedSet<T> {
  /** How many, as a number (give it to `howMany` or `plural` for words). */
  readonly count: number;
  /** The members, in plan, register or rank order. */
  readonly list: readonly T[];
}

/** A person named in a report: a chair, director, portfolio holder or author. */
export interface PersonView {
  /** Full name, as config.yml gives it. */
  readonly name: string;
  /** Job title; empty when not given. */
  readonly role: string;
  /** Email address; empty when not given. */
  readonly email: string;
  /** Telephone number; empty when not given. */
  readonly phone: string;
  /** Name and role: "Dana Okafor, Director of Children's Social Care". */
  readonly line: string;
  /** Name, role, email and phone, those given, comma-separated. */
  readonly contact: string;
}

/** One judgement of an inspection, as the register gives it. */
export interface JudgementView {
  /** The judgement area: "Overall effectiveness", "The experiences and progress of care leavers". */
  readonly area: string;
  /** The grade as written: "Requires improvement to be good". */
  readonly grade: string;
  /** The grade in lower case, for the middle of a sentence. */
  readonly gradeLower: string;
}

/** An inspection or visit whose findings the plan answers. */
export interface SourceView {
  /** The register's id for it. */
  readonly id: string;
  /** Its title, as published. */
  readonly title: string;
  /** full-inspection, monitoring-visit or focused-visit. */
  readonly kind: FindingKind;
  /** The kind in words, lower case: "monitoring visit". */
  readonly kindLabel: string;
  /** The framework code of a full inspection (ILACS, SIF ...); empty when none. */
  readonly framework: Framework | '';
  /** The framework as a sentence names it after "under"; empty when none. */
  readonly frameworkName: string;
  /** Publication date, YYYY-MM-DD. */
  readonly published: string;
  /** Publication date in words: "19 November 2026". */
  readonly publishedText: string;
  /** Every judgement, in register order; empty for a visit. */
  readonly judgements: readonly JudgementView[];
  /** The overall effectiveness grade, lower case ("inadequate"); empty when the report has no such row. */
  readonly overall: string;
  /** The other judgements, without the overall one. */
  readonly otherJudgements: readonly JudgementView[];
  /** How many findings of the registers come from it. */
  readonly findingCount: number;
}

/** The next Ofsted visit the council expects, from config.yml. */
export interface NextVisitView {
  /** Its kind in words, lower case: "monitoring visit", "joint targeted area inspection". */
  readonly kindLabel: string;
  /** When it is expected: "March 2027" for a month, "19 March 2027" for a date. */
  readonly expectedText: string;
  /** What it is expected to look at; empty when not given. */
  readonly focus: string;
}

/** One action of the plan. */
export interface ActionView {
  /** The plan's id: "P1.3". */
  readonly id: string;
  /** What the action is, as the plan words it. */
  readonly action: string;
  /** Who owns it. */
  readonly owner: string;
  /** Due date, YYYY-MM-DD. */
  readonly due: string;
  /** Due date in words: "30 September 2025". */
  readonly dueText: string;
  /** The status the plan gives: complete, on-track, at-risk, off-track or not-started. */
  readonly status: Status;
  /** That status in words: "On track". */
  readonly statusLabel: string;
  /** What the report shows: "Overdue" for an action past its date and not complete, whatever its status. */
  readonly shownStatus: string;
  /** Past its due date on the pack date and not complete. */
  readonly overdue: boolean;
  /** This month's line of progress; empty when none. */
  readonly update: string;
  /** The id of the priority it belongs to: "P1". */
  readonly priority: string;
  /** Ids of the findings it answers (explicit, matched or possible); empty when none. */
  readonly answers: readonly string[];
  /** The same findings as the report names them: "R3", "paragraph 14". */
  readonly answersRefs: readonly string[];
  /** Linked by the matcher, confidently: the report shows it as "suggested". In a finding's lists, for that finding only. */
  readonly suggested: boolean;
  /** The matcher is unsure: a person must confirm the link before the board relies on it. In a finding's lists, for that finding only. */
  readonly possible: boolean;
  /** Ids of the indicators that show its impact; empty when none. */
  readonly measures: readonly string[];
}

/** One indicator of the scorecard, its figures in words. */
export interface IndicatorView {
  /** The workbook's id: "CSC02". */
  readonly id: string;
  /** Its name on reports. */
  readonly name: string;
  /** Its unit code: "%", "days", "rate per 10,000" ... */
  readonly unit: IndicatorSpec['unit'];
  /** The unit in words, lower case: "per cent", "days", "number". */
  readonly unitLabel: string;
  /** higher, lower or contextual. */
  readonly polarity: IndicatorSpec['polarity'];
  /** "higher is better", "lower is better" or "neither higher nor lower is better". */
  readonly polarityText: string;
  /** The latest value with its unit: "23.1%", "431 days"; "Not available" when none. */
  readonly latest: string;
  /** The month of the latest value: "October 2026"; empty when none. */
  readonly latestMonth: string;
  /** The value before it, with its unit; "Not available" when none. */
  readonly previous: string;
  /** The month of that value; empty when none. */
  readonly previousMonth: string;
  /** Latest minus previous, signed with its unit: "+1.2 points", "−3 days"; empty when either is missing. */
  readonly change: string;
  /** The target with its unit; "no target" when none. */
  readonly target: string;
  /** It has a target and is not contextual. */
  readonly hasTarget: boolean;
  /** How far from target, which way: "22.0 points below it", "1.6 above it"; empty when on or without target. */
  readonly gap: string;
  /** The England figure with its unit; "Not available" when none. */
  readonly england: string;
  /** red, amber, green or none. */
  readonly rag: Rag;
  /** "Red", "Amber", "Green" or "No target". */
  readonly ragLabel: string;
  /** improving, worsening, stable, up, down or unknown. */
  readonly direction: Direction;
  /** The direction in words: "Improving", "Not available". */
  readonly directionLabel: string;
  /** The latest value is not for the pack's month. */
  readonly stale: boolean;
  /** How many month-on-month changes in a row, ending with the latest, were for the worse (0 when none). */
  readonly worseningRun: number;
  /** Months since it was last on target: 0 when on target now; no value when never on target or without one. */
  readonly monthsSinceOnTarget: number | null;
  /** Position among the indicators furthest from target, 1 = furthest; 0 when on target. */
  readonly rank: number;
}

/** One finding of the registers, with the actions that answer it. */
export interface FindingView {
  /** The register's id: "ILACS-2025-R1". */
  readonly id: string;
  /** The reference in its report: "R3" or "14" (a paragraph). */
  readonly ref: string;
  /** How the report names it: "R3", "paragraph 14". */
  readonly label: string;
  /** The label to open a sentence: "Paragraph 14", "R3". */
  readonly Label: string;
  /** The section of the inspection report it comes from. */
  readonly section: string;
  /** The finding's words. */
  readonly text: string;
  /** The inspection or visit it comes from. */
  readonly source: SourceView;
  /** not-answered, unconfirmed, at-risk, on-track or complete: the worst that applies. */
  readonly coverage: Coverage;
  /** The coverage in words: "No action", "Answered, at risk". */
  readonly coverageLabel: string;
  /** The actions that answer it, settled links only (explicit or matched); empty when none. */
  readonly actions: readonly ActionView[];
  /** "three actions: two complete and one on track"; "no action" when none. */
  readonly actionsSummary: string;
  /** Of those, the ones off track, at risk or overdue: the ones a reader must see. */
  readonly actionsAtRisk: readonly ActionView[];
  /** Actions the matcher thinks may answer it, awaiting someone's confirmation; counted nowhere. */
  readonly possibleActions: readonly ActionView[];
  /** Answered by at least one settled action, whatever its progress. */
  readonly answered: boolean;
  /** Only possible links answer it: it needs someone's confirmation. */
  readonly unconfirmed: boolean;
}

/** One priority of the plan, with its actions. */
export interface PriorityView {
  /** The plan's id: "P1". */
  readonly id: string;
  /** Its title. */
  readonly title: string;
  /** Who leads it. */
  readonly lead: string;
  /** Its actions, in plan order. */
  readonly actions: readonly ActionView[];
  /** How many actions it has. */
  readonly total: number;
  /** Its actions marked complete. */
  readonly complete: CountedSet<ActionView>;
  /** Its actions off track, at risk or overdue. */
  readonly needingAttention: CountedSet<ActionView>;
}

/** Every indicator, or every action, with how many. */
export interface AllOf<T> {
  /** All of them, in plan or catalogue order. */
  readonly all: readonly T[];
  /** How many. */
  readonly total: number;
}

/** The named sets of indicators (src/4-compute/facts.ts). */
export interface IndicatorSets {
  /** RAG red. */
  readonly red: CountedSet<IndicatorView>;
  /** RAG amber. */
  readonly amber: CountedSet<IndicatorView>;
  /** RAG green. */
  readonly green: CountedSet<IndicatorView>;
  /** Red or amber. */
  readonly belowTarget: CountedSet<IndicatorView>;
  /** No target, contextual, or no value. */
  readonly noTarget: CountedSet<IndicatorView>;
  /** Worse three or more months running. */
  readonly worsenedThreeMonths: CountedSet<IndicatorView>;
  /** Moved the better way since last month. */
  readonly improving: CountedSet<IndicatorView>;
  /** Moved the worse way since last month. */
  readonly worsening: CountedSet<IndicatorView>;
  /** Below target, furthest first (distance in the indicator's own tolerances). */
  readonly furthestFromTarget: CountedSet<IndicatorView>;
}

/** The named sets of actions (src/4-compute/facts.ts). */
export interface ActionSets {
  /** Status complete. */
  readonly complete: CountedSet<ActionView>;
  /** Status on track (overdue ones included). */
  readonly onTrack: CountedSet<ActionView>;
  /** Status at risk. */
  readonly atRisk: CountedSet<ActionView>;
  /** Status off track. */
  readonly offTrack: CountedSet<ActionView>;
  /** Status not started (overdue ones included). */
  readonly notStarted: CountedSet<ActionView>;
  /** Past the due date and not complete, whatever the status says. */
  readonly overdue: CountedSet<ActionView>;
  /** Overdue, though the status says on track or not started. */
  readonly statusBehindDate: CountedSet<ActionView>;
  /** Status off track or at risk. */
  readonly offTrackOrAtRisk: CountedSet<ActionView>;
  /** Off track, at risk or overdue: every action the board must look at, once each. */
  readonly needingAttention: CountedSet<ActionView>;
  /** Answering no finding the matcher could find (those marked `answers: []` left out). */
  readonly unlinked: CountedSet<ActionView>;
}

/** The named sets of findings (src/4-compute/facts.ts). */
export interface FindingSets {
  /** Answered by at least one settled action, whatever its progress. */
  readonly answered: CountedSet<FindingView>;
  /** No action answers it. */
  readonly notAnswered: CountedSet<FindingView>;
  /** Only possible links answer it. */
  readonly unconfirmed: CountedSet<FindingView>;
  /** An action answering it is off track, at risk or overdue. */
  readonly atRisk: CountedSet<FindingView>;
  /** Its actions are on track (none at risk, not all complete). */
  readonly onTrack: CountedSet<FindingView>;
  /** Every action answering it is complete. */
  readonly complete: CountedSet<FindingView>;
}

/** The named sets; each is { count, list }. */
export interface NamedSets {
  /** Indicators by RAG, direction and distance from target. */
  readonly indicators: IndicatorSets;
  /** Actions by status, date and link. */
  readonly actions: ActionSets;
  /** Findings by how well they are answered. */
  readonly findings: FindingSets;
}

/** What every report of the pack shares. */
export interface PackContext {
  /** The council, as it names itself. */
  readonly council: string;
  /** The month reported on: id "2026-10", label "October 2026". */
  readonly period: { readonly id: string; readonly label: string };
  /** The date the pack is issued, YYYY-MM-DD; overdue is judged against it. */
  readonly packDate: string;
  /** The pack date in words: "19th November 2026". */
  readonly packDateText: string;
  /**
   * The reissue's number (2, 3 ...) when this pack corrects one already archived for the period
   * (`build --reissue`); no value for the pack as first issued.
   */
  readonly reissue: number | undefined;
  /** Trend charts are drawn (`charts:` in config.yml). */
  readonly charts: boolean;
  /** The improvement plan: its title. */
  readonly plan: { readonly title: string };
  /** Every inspection and visit, in register order. */
  readonly sources: readonly SourceView[];
  /** The latest full inspection: what the plan answers first; no value when there is none. */
  readonly inspection: SourceView | undefined;
  /** The full inspections, in register order. */
  readonly fullInspections: readonly SourceView[];
  /** The monitoring and focused visits, in register order. */
  readonly visits: readonly SourceView[];
  /** "two monitoring visits and a focused visit", in words; empty when there were none. */
  readonly visitsText: string;
  /** The next visit the council expects; no value when config.yml names none. */
  readonly nextVisit: NextVisitView | undefined;
  /** Every finding, in register order. */
  readonly findings: readonly FindingView[];
  /** The plan's priorities, in plan order. */
  readonly priorities: readonly PriorityView[];
  /** Every action of the plan. */
  readonly actions: AllOf<ActionView>;
  /** Every indicator of the scorecard. */
  readonly indicators: AllOf<IndicatorView>;
  /** The named sets; each is { count, list }. */
  readonly sets: NamedSets;
}

/** Where this report's appendices are. */
export interface AppendixNumbers {
  /** The number of the action tracker appendix; 0 when the report has none. */
  readonly actionTracker: number;
  /** The number of the findings coverage appendix; 0 when none. */
  readonly findingsCoverage: number;
  /** The number of the scorecard (full or summary) appendix; 0 when none. */
  readonly scorecard: number;
}

/** The meeting a report goes to. */
export interface MeetingView {
  /** Its title, as report.yml gives it. */
  readonly title: string;
  /** How the text names the meeting: "the Improvement Board". */
  readonly body: string;
  /** The same, capitalised to open a sentence: "The Improvement Board". */
  readonly Body: string;
  /** Its date, YYYY-MM-DD. */
  readonly date: string;
  /** Its date in words: "19th November 2026". */
  readonly dateText: string;
  /** The next meeting's date, YYYY-MM-DD; empty when not set. */
  readonly next: string;
  /** The next meeting's date in words: "17 December 2026"; empty when not set. */
  readonly nextText: string;
  /** Who chairs it; no value when the report does not say. */
  readonly chair: PersonView | undefined;
}

/** What one report's templates see: the pack's context and the report's own. */
export interface TemplateContext extends PackContext {
  /** Appendix numbers by kind (0 when the report has none of that kind). */
  readonly appendix: AppendixNumbers;
  /** This report: its id and title. */
  readonly report: { readonly id: string; readonly title: string };
  /** The meeting it goes to. */
  readonly meeting: MeetingView;
  /** Corporate director(s), as report.yml lists them; empty when none. */
  readonly directors: readonly PersonView[];
  /** Portfolio holder(s); empty when none. */
  readonly portfolioHolders: readonly PersonView[];
  /** Report author(s) and contact details; empty when none. */
  readonly authors: readonly PersonView[];
}
