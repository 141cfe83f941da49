/**
 * The typed models that pass between stages. Plain data only: every stage's output can be
 * printed as JSON, and tests can start from any of them.
 */
import type { z } from 'zod';
import type { Place } from '../diagnostics/index.js';
import type {
  APPENDIX_KINDS,
  FindingKind,
  Framework,
  IndicatorSpecSchema,
  LayoutSchema,
  POLARITIES,
  PersonSchema,
  ReportSpecSchema,
  Status,
  UNITS,
} from './schemas.js';

export type { Status };

// ---- config.yml and report.yml, as the stages see them. The schemas check the files; these are
// the project's own types, and the checks at the end of this file fail to compile if the two drift.

export type Unit = (typeof UNITS)[number];
export type Polarity = (typeof POLARITIES)[number];

export interface Person {
  readonly name: string;
  readonly role?: string | undefined;
  readonly email?: string | undefined;
  readonly phone?: string | undefined;
}

/** An indicator as the catalogue (config.yml or a catalogue sheet) describes it. */
export interface IndicatorSpec {
  readonly id: string;
  readonly name?: string | undefined;
  readonly definition?: string | undefined;
  readonly unit: Unit;
  /** Decimal places shown. */
  readonly decimals: number;
  readonly polarity: Polarity;
  readonly target?: number | undefined;
  /** The amber band beyond the target, in the unit. */
  readonly tolerance: number;
  readonly min?: number | undefined;
  readonly max?: number | undefined;
  readonly comparators?:
    | {
        readonly england?: number | undefined;
        readonly statisticalNeighbours?: number | undefined;
        readonly period?: string | undefined;
      }
    | undefined;
}

/** One report of the pack, as config.yml's reports: gives it. */
export interface ReportSpec {
  readonly id: string;
  /** Folder of its template, relative to config.yml. */
  readonly template: string;
  readonly title: string;
  readonly meeting: {
    readonly title: string;
    /** YYYY-MM-DD */
    readonly date: string;
    readonly body?: string | undefined;
    readonly chair?: Person | undefined;
    readonly next?: string | undefined;
  };
  readonly directors: readonly Person[];
  readonly portfolioHolders: readonly Person[];
  readonly authors: readonly Person[];
}

/** A report's layout file (report.yml), before its templates are read. */
export interface LayoutSpec {
  readonly documentTitle: string;
  readonly header: readonly { readonly label: string; readonly value: string }[];
  readonly summary: string;
  readonly recommendations: string;
  readonly body: string;
  readonly appendices: readonly { readonly kind: (typeof APPENDIX_KINDS)[number]; readonly title: string }[];
}

/** A month, the unit of reporting. */
export interface Period {
  /** YYYY-MM */
  readonly id: string;
  readonly year: number;
  /** 1–12 */
  readonly month: number;
}

export interface Source {
  readonly id: string;
  readonly title: string;
  readonly kind: FindingKind;
  readonly published: string;
  /** The inspection framework of a full inspection (ILACS, SIF ...), from the register or inferred. */
  readonly framework?: Framework;
  readonly url?: string;
  readonly judgements: readonly { area: string; grade: string }[];
  readonly file: string;
}

export interface Finding {
  readonly id: string;
  readonly ref: string;
  readonly section: string;
  readonly text: string;
  readonly sourceId: string;
  readonly review: boolean;
  readonly place: Place;
}

export interface Action {
  readonly id: string;
  readonly text: string;
  readonly owner: string;
  readonly due: string;
  readonly status: Status;
  readonly answers: readonly string[];
  /** `answers: []` written in the plan: a person says it answers no finding, so nothing is matched. */
  readonly answersNone: boolean;
  readonly measures: readonly string[];
  readonly update: string;
  readonly priorityId: string;
  readonly place: Place;
}

export interface Priority {
  readonly id: string;
  readonly title: string;
  readonly lead: string;
  readonly actions: readonly Action[];
}

export interface Plan {
  readonly title: string;
  readonly file: string;
  readonly priorities: readonly Priority[];
}

export interface Observation {
  /** YYYY-MM */
  readonly month: string;
  /** null when the cell held no usable value */
  readonly value: number | null;
  /** `Sheet!C4` */
  readonly cell?: string;
}

export interface Indicator extends IndicatorSpec {
  readonly name: string;
  /** Chronological, one per month column. */
  readonly series: readonly Observation[];
}

export interface Layout extends LayoutSpec {
  /** Folder of the template, as given in config.yml (joined to the config folder). */
  readonly dir: string;
  readonly file: string;
  /** Template sources by file name, with the place of each header value for error lines. */
  readonly templates: Readonly<Record<string, TemplateSource>>;
}

export interface TemplateSource {
  readonly file: string;
  readonly text: string;
  /** Line of `text`'s first line in `file` (inline templates in report.yml start mid-file). */
  readonly firstLine: number;
  readonly firstColumn: number;
}

export interface ReportJob {
  readonly spec: ReportSpec;
  readonly layout: Layout;
}

/** Everything the inputs say, validated: the output of load + validate. */
export interface Inputs {
  readonly council: string;
  readonly period: Period;
  readonly packDate: string;
  readonly plan: Plan;
  readonly sources: readonly Source[];
  readonly findings: readonly Finding[];
  readonly indicators: readonly Indicator[];
  readonly reports: readonly ReportJob[];
  /** Draw trend charts. */
  readonly charts: boolean;
  /** The next Ofsted visit the council expects, as config.yml gives it. */
  readonly nextVisit?: {
    readonly kind: Source['kind'] | 'joint-targeted-area-inspection';
    readonly expected: string;
    readonly focus?: string;
  };
  /** Months each chart shows, ending with the period. */
  readonly chartMonths: number;
}

/**
 * Where a pack is archived and what it was made from: the archive's concerns, kept apart from
 * what the reports say, so no stage between load and archive sees a path.
 */
export interface PackTarget {
  /** The folder packs are written under (config.yml's output:, from the config's folder). */
  readonly outputDir: string;
  /** Every file read, with its digest, for the manifest. */
  readonly files: readonly InputFile[];
}

export interface InputFile {
  readonly path: string;
  readonly sha256: string;
  readonly bytes: number;
}

// ---- link

export interface Link {
  readonly actionId: string;
  readonly findingId: string;
  /** explicit: the plan's `answers:`; matched: the matcher is confident; possible: a person must confirm it. */
  readonly via: 'explicit' | 'matched' | 'possible';
  readonly score?: number;
  /** A possible link made only because no other action answers the finding. */
  readonly fillsGap?: true;
}

export interface Linkage {
  readonly links: readonly Link[];
  readonly byAction: ReadonlyMap<string, readonly Link[]>;
  readonly byFinding: ReadonlyMap<string, readonly Link[]>;
  readonly unlinkedActions: readonly string[];
  /** Findings no action answers, explicitly or by a confident match. */
  readonly unansweredFindings: readonly string[];
  /** Of those, the ones a possible match may answer, once confirmed. */
  readonly unconfirmedFindings: readonly string[];
}

// ---- compute

export type Rag = 'red' | 'amber' | 'green' | 'none';
export type Direction = 'improving' | 'worsening' | 'stable' | 'up' | 'down' | 'unknown';

export interface IndicatorResult {
  readonly indicator: Indicator;
  readonly latest: Observation | null;
  readonly previous: Observation | null;
  /** latest − previous, in the unit */
  readonly change: number | null;
  /** latest − same month a year before */
  readonly changeOnYear: number | null;
  readonly direction: Direction;
  readonly rag: Rag;
  /** The latest value is not for the pack period. */
  readonly stale: boolean;
  /** Months from the last month on target to the latest: 0 when on target now, null when never on target in the series (or no target). */
  readonly monthsSinceOnTarget: number | null;
  /** Months up to the period with no value, chronological. */
  readonly gaps: readonly string[];
  /** How many month-on-month changes in a row, ending with the latest, were for the worse. */
  readonly worseningRun: number;
}

export interface ActionResult {
  readonly action: Action;
  readonly overdue: boolean;
}

/**
 * How well a finding is answered, from its actions, worst first: no action; only possible
 * links; an action off track, at risk or overdue; actions on track; every action complete.
 */
export type Coverage = 'not-answered' | 'unconfirmed' | 'at-risk' | 'on-track' | 'complete';

export interface FindingCoverage {
  readonly finding: Finding;
  readonly coverage: Coverage;
  /** Ids of the actions linked to it, explicit, matched or possible. */
  readonly actions: readonly string[];
  /** Its settled links (explicit or matched), in link order: the ones that count. */
  readonly settled: readonly Link[];
  /** Of those, the ones whose action is off track, at risk or overdue. */
  readonly needingAttention: readonly Link[];
  /** Its possible links, awaiting a person's confirmation; counted nowhere. */
  readonly possible: readonly Link[];
}

/** One priority's actions, and its named sets. */
export interface PriorityFacts {
  readonly id: string;
  readonly actions: readonly ActionResult[];
  /** Status complete. */
  readonly complete: readonly ActionResult[];
  /** Off track, at risk or overdue. */
  readonly needingAttention: readonly ActionResult[];
}

/** The named sets every count and list in a report comes from (compute/facts.ts). */
export interface Facts {
  readonly indicators: {
    readonly all: readonly IndicatorResult[];
    readonly red: readonly IndicatorResult[];
    readonly amber: readonly IndicatorResult[];
    readonly green: readonly IndicatorResult[];
    /** Red or amber. */
    readonly belowTarget: readonly IndicatorResult[];
    /** No target, contextual, or no value. */
    readonly noTarget: readonly IndicatorResult[];
    readonly worsenedThreeMonths: readonly IndicatorResult[];
    readonly improving: readonly IndicatorResult[];
    readonly worsening: readonly IndicatorResult[];
    /** Below target, furthest first (distance in tolerances). */
    readonly furthestFromTarget: readonly IndicatorResult[];
  };
  readonly actions: {
    readonly all: readonly ActionResult[];
    readonly complete: readonly ActionResult[];
    readonly onTrack: readonly ActionResult[];
    readonly atRisk: readonly ActionResult[];
    readonly offTrack: readonly ActionResult[];
    readonly notStarted: readonly ActionResult[];
    /** Past the due date and not complete, whatever the status says. */
    readonly overdue: readonly ActionResult[];
    /** Overdue, though the status says on track or not started. */
    readonly statusBehindDate: readonly ActionResult[];
    readonly offTrackOrAtRisk: readonly ActionResult[];
    /** Off track, at risk or overdue: every action the board must look at, once each. */
    readonly needingAttention: readonly ActionResult[];
    /** Linked to no finding, though the plan does not say `answers: []`; in linkage order. */
    readonly unlinked: readonly ActionResult[];
  };
  /** Per priority, in plan order. */
  readonly priorities: readonly PriorityFacts[];
  readonly sources: {
    /** Full inspections, in register order; the last is the latest. */
    readonly fullInspections: readonly Source[];
    /** Monitoring and focused visits, in register order. */
    readonly visits: readonly Source[];
  };
  readonly findings: {
    readonly all: readonly FindingCoverage[];
    /** Answered by at least one settled action, whatever its progress: every coverage but not-answered and unconfirmed. */
    readonly answered: readonly FindingCoverage[];
    readonly notAnswered: readonly FindingCoverage[];
    readonly unconfirmed: readonly FindingCoverage[];
    readonly atRisk: readonly FindingCoverage[];
    readonly onTrack: readonly FindingCoverage[];
    readonly complete: readonly FindingCoverage[];
  };
}

export interface Computed {
  readonly indicators: readonly IndicatorResult[];
  readonly actions: readonly ActionResult[];
  readonly facts: Facts;
}

// ---- the checks: what each schema gives is a value of the type the stages use, with the same
// fields (a field the schema adds, or the type adds, fails to compile here).
type Same<A, B> = [A] extends [B] ? ([keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false) : false;
type Holds<T extends true> = T;
export type SchemaChecks = [
  Holds<Same<z.output<typeof PersonSchema>, Person>>,
  Holds<Same<z.output<typeof IndicatorSpecSchema>, IndicatorSpec>>,
  Holds<Same<z.output<typeof ReportSpecSchema>, ReportSpec>>,
  Holds<Same<z.output<typeof LayoutSchema>, LayoutSpec>>,
];
