/**
 * Shorthand of action trackers and minutes: clipped words and note-taking abbreviations that a
 * service manager writes ("assmt", "wkly", "HoS", "5 WD") and a finding never does. Each is
 * written out before the text is read, so a tracker line meets a finding on the words they share.
 * Ordinary English note-taking forms and the role and meeting titles councils commonly clip; an
 * abbreviation that stands for more than one thing in the field is left out, or limited to the
 * company it keeps (see `perm`).
 */
export interface Shorthand {
  /** Matched as a whole word (or as written, for a pattern). */
  readonly short: string | RegExp;
  /**
   * What it is written out as; a function for a rewrite that depends on what was matched (and, for
   * a pattern without groups, on the whole text, which String.replace passes last).
   */
  readonly means: string | ((matched: string, ...context: unknown[]) => string);
  /** Matched only in this case: for forms that are also ordinary words in another case. */
  readonly caseSensitive?: boolean;
}

/**
 * The kinds of plan a list names before one "plans": "child protection, child in need and care
 * plans" are three plans, each read as the term it is when written out. Inside such a list a
 * children-in-care acronym is the care plan's kind, not the group of children.
 */
const PLAN_KIND = '(?:child protection|CP|children in need|child in need|CIN|care|CiC|CLA|LAC|pathway|early help|EHC)';
const KIND_SPLIT = /(\s*(?:,\s*and\b|,|\/|&|\band\b|\bor\b)\s*)/i;
const withEachPlan = (list: string) =>
  list
    .split(KIND_SPLIT)
    .map((part, i) => (i % 2 === 0 ? part.replace(/^(?:CiC|CLA|LAC)$/i, 'care') : part))
    .map((part, i, all) => (i % 2 === 0 && i < all.length - 1 ? `${part} plans` : part))
    .join('');

/** Words of leaving care: care leavers, personal advisers, the ages at which pathway planning runs. */
const CARE_LEAVER_WORDS = 'personal advis[eo]rs?|care leavers?|leaving care|pathway plans?|pathway planning';
const LEAVING_CARE = new RegExp(
  String.raw`\b(?:${CARE_LEAVER_WORDS}|1[6-8]\s?\+|1[6-8]\s?plus|15y9m|15 years 9 months|16y3m|16 years 3 months|18[\s-]+(?:to[\s-]+)?(?:21|25)s?)(?![A-Za-z])`,
  'i',
);
/** A personal adviser, in capitals: "pa" is no word of the field. */
const PERSONAL_ADVISER = /\bPAs?\b/;
/** Care leavers named, not only the ages (which a SEND transition shares). */
const CARE_LEAVERS = new RegExp(String.raw`\b(?:${CARE_LEAVER_WORDS}|care-experienced)\b`, 'i');
/** Words of a child who went missing. */
const MISSING = /\b(?:missing|found|run(?:s|ning)? away|ran away|return home interviews?|absconde?d?)\b/i;

/** The sentence of a text in which a match at `at` stands. */
const sentenceAt = (text: string, at: number) => {
  const start = Math.max(text.lastIndexOf('.', at - 1), text.lastIndexOf(';', at - 1)) + 1;
  const ends = ['.', ';'].map((c) => text.indexOf(c, at)).filter((i) => i >= 0);
  return text.slice(start, ends.length > 0 ? Math.min(...ends) : text.length);
};
/**
 * A rewrite that depends on the sentence the match stands in. For a pattern without groups,
 * String.replace passes the match, its offset and the whole text. A text that is only the match
 * is a glossary form being read (the lexicon reads its forms as texts are read): left as it is.
 */
const inItsSentence =
  (test: (sentence: string) => boolean, then: string | ((m: string) => string)) =>
  (matched: string, ...context: unknown[]) => {
    const [at, text] = context.slice(-2) as [number, string];
    if (String(text).trim() === matched) return matched;
    return test(sentenceAt(String(text), Number(at))) ? (typeof then === 'string' ? then : then(matched)) : matched;
  };

export const SHORTHAND: readonly Shorthand[] = [
  // First, so that each plan of a list is written out by the rules below ("CIN plans/CP plans").
  {
    short: new RegExp(String.raw`\b${PLAN_KIND}(?:\s*(?:,|\/|&|\band\b|\bor\b|,\s*and\b)\s*${PLAN_KIND})+(?=\s+plans?\b)`, 'gi'),
    means: withEachPlan,
  },
  // Clipped words of note-taking.
  { short: 'assmt', means: 'assessment' },
  { short: 'assmts', means: 'assessments' },
  { short: 'mgmt', means: 'management' },
  { short: 'mgt', means: 'management' },
  { short: 'mgr', means: 'manager' },
  { short: 'mgrs', means: 'managers' },
  { short: 'mtg', means: 'meeting' },
  { short: 'mtgs', means: 'meetings' },
  { short: 'svc', means: 'service' },
  { short: 'svcs', means: 'services' },
  { short: 'dept', means: 'department' },
  { short: 'govt', means: 'government' },
  { short: 'info', means: 'information' },
  { short: 'reqd', means: 'required' },
  { short: 'recs', means: 'recommendations' },
  { short: 'circs', means: 'circumstances' },
  { short: 'approx', means: 'approximately' },
  { short: 'wkly', means: 'weekly' },
  { short: 'mthly', means: 'monthly' },
  { short: 'qtrly', means: 'quarterly' },
  { short: 'yrly', means: 'yearly' },
  { short: 'w/o', means: 'without' },
  { short: 'w/', means: 'with' },
  { short: 'stat visits', means: 'statutory visits' },
  { short: 'stat visit', means: 'statutory visit' },
  { short: 'perf', means: 'performance' },
  { short: 'trg', means: 'training' },
  { short: 'supvn', means: 'supervision' },
  // "resi" is residential (care, or a parent and child assessment), but not a school or a trip.
  { short: /\bresi\b(?!\s+(?:schools?|trips?)\b)/gi, means: 'residential' },
  { short: 'strat', means: 'strategy' },
  { short: 'strats', means: 'strategy discussions' },
  // "perm" is permanence in planning ("perm plan", "perm panel") but permanent of staff.
  {
    short:
      /\bperm(?=\.?\s+(?:plan|plans|planning|panel|panels|tracking|tracker|options|order|orders|meeting|meetings|review|reviews|decision|decisions)\b)/gi,
    means: 'permanence',
  },
  // "CIN" before its plan, review or meeting is written out, so that it meets the child in need
  // plan (a term of its own) rather than only the group of children.
  { short: /\bCIN(?=[\s-]+(?:plans?|planning|reviews?|meetings?)\b)/gi, means: 'child in need' },
  // ... and so is "CIN" in "CIN/CP planning" ("CIN/CP plans" are two plans by the first rule).
  { short: /\bCIN(?=\s*(?:\/|&|\band\b)\s*CP[\s-]+planning\b)/gi, means: 'child in need plans' },
  // "CP" is written out before an investigation or enquiry, so it meets the section 47 enquiry.
  { short: /\bCP(?=\s+(?:investigations?|enquiry|enquiries)\b)/g, means: 'child protection' },
  // ... and before a plan, so "CP plans" meets the child protection plan, as written out.
  { short: /\bCP(?=[\s-]+plans?\b)/g, means: 'child protection' },
  // "CPP" is a child protection plan ("on a CPP", "CPPs") and, as plans and minutes also use it,
  // the corporate parenting panel ("the CPP"): read as the panel where the clause speaks of a body
  // that meets, is reported to or attended, or of the members and children's council that sit on
  // it; never after "a" (a child is on a plan).
  {
    short:
      /(?<!\ban?\s)\bCPP\b(?=\s*-?\s*(?:agendas?|meetings?|meets?|to meet|chairs?|members|membership|annual report|terms of ref\w*|workplan|work programme)\b|:\s*terms of ref)/g,
    means: 'corporate parenting panel',
  },
  {
    short:
      /\bCPP\b(?<=\b(?:attendance at|attend|attends|attending|report(?:s|ed)? to|rpt to|recorded by|meetings? with|presented to|chair of|members? of)\s+(?:the\s+)?CPP)/gi,
    means: 'corporate parenting panel',
  },
  {
    short:
      /(?<!\ban?\s)\bCPP\b(?:(?=[^.;\n]*\b(?:CiCC|children in care council|councillors?|elected members?|member champions?)\b)|(?<=\b(?:CiCC|children in care council|councillors?|elected members?|member champions?)\b[^.;\n]*CPP))/gi,
    means: 'corporate parenting panel',
  },
  // "ICS" is the NHS integrated care system and, in plans and reports before 2016, the Integrated
  // Children's System, the case record: read as the record only where a word of the record stands
  // next to it ("ICS forms", "ICS rebuild", "recorded on ICS", "replace ICS with Mosaic").
  {
    short:
      /\bICS\b(?:(?=\s+(?:records?|recording|case files?|documents?|docs|forms?|templates?|workflows?|episodes?|migration|go-live|rebuild|upgrade|modules?|system|replacement)\b)|(?=\s+(?:with|to|by)\s+(?:the\s+)?(?:LL|LCS|Liquid\s?logic|Mosaic|Eclipse|CareFirst|Frameworki|Paris|Azeus)\b)|(?<=\b(?:on|onto|into|within|replace|replaces|replacing|decommission|decommissioning|migrate from|migrating from|migration from)\s+(?:the\s+)?ICS))/g,
    means: "Integrated Children's System",
  },
  // "PP" is the school's pupil premium and, in a leaving-care tracker, the pathway plan: read as
  // the pathway plan where the text speaks of care leavers, personal advisers or the ages of
  // leaving care ("PA & SW joint PP meeting at 15y9m"); "PP+" is always the pupil premium plus.
  {
    short: /\bPP(s?)\b(?!\s*(?:\+|plus\b))/g,
    means: (matched: string, ...context: unknown[]) =>
      LEAVING_CARE.test(String(context.at(-1))) || PERSONAL_ADVISER.test(String(context.at(-1)))
        ? `pathway plan${matched.endsWith('s') ? 's' : ''}`
        : matched,
  },
  // Transition planning for young people leaving care is pathway planning (the guidance on care
  // leavers is about "planning transition to adulthood"); for disabled young people it is also the
  // move to adult services, so the words stay and the pathway plan is added.
  {
    short: /\btransition(?:al)? plan(?:s|ning)?\b/gi,
    means: inItsSentence(
      (s) => CARE_LEAVERS.test(s) || PERSONAL_ADVISER.test(s),
      (m) => `${m} (pathway planning)`,
    ),
  },
  // Care leavers the council has lost touch with: "not in contact", "lost contact" and the like
  // say so only in a sentence about care leavers (a child's contact is also with their family).
  {
    short:
      /\b(?:not in contact|lost contact|lost touch|out of touch|re-?establish(?:ed|ing)? contact|untraced|whereabouts (?:are |is )?(?:not known|unknown))\b/gi,
    means: inItsSentence((s) => CARE_LEAVERS.test(s) || PERSONAL_ADVISER.test(s), 'not in touch'),
  },
  // "Safe and well" checks are the police's on a found missing child, and also social workers'
  // lockdown visits and the fire service's home visits: the term only beside a missing child.
  {
    short: /\bsafe and well (?:checks?|visits?)\b/gi,
    means: inItsSentence((s) => !MISSING.test(s), 'welfare visit'),
  },
  // Ampersand initials that would otherwise close up into another acronym ("L&D" is not "LD", a
  // learning disability) or split apart ("ED&I").
  { short: /\bL\s?&\s?D\b/g, means: 'learning and development' },
  { short: /\bED\s?&\s?I\b/g, means: 'equality, diversity and inclusion' },
  // "SEND transport" (and "SEN transport") is home to school transport for pupils with SEND.
  { short: /\b(SENDs?|SEN)(?=\s+transport\b)/g, means: '$1 home to school' },
  // ... and where the transport is named in full, the pupils' needs are why it is provided, not
  // what the action is about: the service is the council's transport.
  { short: /\b(?:SENDs?|SEN)\s+(?=home[\s-]+to[\s-]+school\s+(?:transport|travel)\b)/g, means: '' },
  // A council names its board or partnership with its own initial: "DSCB", "HSCB", "NCSCB" is the
  // local safeguarding children board; "WSCP" the safeguarding children partnership (not the
  // LSCP, a term of its own, nor a health and social care partnership, HSCP).
  { short: /\b[A-Z]{1,4}SCB(s?)\b/g, means: 'LSCB$1' },
  { short: /\b(?!LSCP|HSCP)[A-Z]{1,4}SCP(s?)\b/g, means: 'SCP$1' },
  // A partner's attendance at a meeting or conference is not a pupil's at school.
  {
    short:
      /\battendance(?=\s+(?:at|by|from)\s+(?:the\s+|their\s+|all\s+|every\s+|each\s+)?(?:ICPCs?|RCPCs?|conferences?|child protection conferences?|initial child protection|review child protection|core groups?|strategy|meetings?|panels?|CIN|CP|CPP|corporate|LSCB|board|boards|training|(?:child protection|safeguarding|multi[\s-]agency) training|courses?|sessions?|MASH|MARAC|MACE|MASE)\b)/gi,
    means: 'presence',
  },
  // Working days, after a number: "within 5 WD".
  { short: /\b(\d+)\s?WDs?\b/g, means: '$1 working days' },
  { short: /\b(\d+)\s?wds?\b/g, means: '$1 working days' },
  // Role titles and groups of people.
  // An owner's title ("- HoS -") says who, not what: written out, it is only ordinary words.
  { short: 'HoS', means: 'head', caseSensitive: true },
  { short: 'CYP', means: 'children and young people', caseSensitive: true },
  { short: 'YP', means: 'young people', caseSensitive: true },
  { short: 'LTF', means: 'long-term fostering', caseSensitive: true },
  { short: 'PF', means: 'private fostering', caseSensitive: true },
];

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Each shorthand as a replacement, whole words only. */
export const SHORTHAND_RULES: readonly { readonly pattern: RegExp; readonly means: Shorthand['means'] }[] = SHORTHAND.map((s) => ({
  pattern:
    typeof s.short === 'string'
      ? new RegExp(`(?<![A-Za-z0-9])${escapeRegExp(s.short)}(?![A-Za-z0-9])`, s.caseSensitive ? 'g' : 'gi')
      : s.short,
  means: s.means,
}));
