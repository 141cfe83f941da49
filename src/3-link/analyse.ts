/**
 * Text to evidence for the matcher. A text becomes weighted features:
 * - `=KEY`  a term of the field's glossary (an acronym, or a phrase, or its expansion), so "IHA",
 *           "IHAs" and "initial health assessments" are one feature;
 * - `#theme` the theme of the work the term belongs to (health, permanence, workforce ...), so two
 *           texts about one theme meet even when their terms differ;
 * - `$area` council business (finance, ICT, HR ...), which findings rarely speak of;
 * - a stem  any other word that is not a stop word (Porter stems: "assessments" → "assess").
 * Tracker shorthand ("assmt", "HoS") is written out first (knowledge/shorthand.ts).
 * A glossary term's expansion words are kept at a lower weight, so "health assessment" still meets
 * "initial health assessment". Findings and actions are read the same way. Pure.
 */
import { stemmer } from 'stemmer';
import { BUSINESS } from './knowledge/business.js';
import { GLOSSARY, type GlossaryEntry, type Theme } from './knowledge/glossary.js';
import { PHRASINGS } from './knowledge/phrasings.js';
import { NAMES_OR_WORDS, OTHER_SENSES } from './knowledge/senses.js';
import { SHORTHAND_RULES } from './knowledge/shorthand.js';
import { STOP_WORDS } from './knowledge/stop-words.js';
import { THEMES } from './knowledge/themes.js';

export interface AnalyseWeights {
  readonly entry: number;
  /** A term naming a group of children (children in care): whom, not what. */
  readonly population: number;
  readonly theme: number;
  readonly expansion: number;
  readonly business: number;
}

export const DEFAULT_WEIGHTS: AnalyseWeights = { entry: 1, population: 0.3, theme: 1, expansion: 0.5, business: 2 };

/** A feature with the words of the text that gave it, for saying why two texts meet. */
export interface Evidence {
  readonly weights: ReadonlyMap<string, number>;
  /** Feature → the text's own words for it, as written (first occurrence). */
  readonly surface: ReadonlyMap<string, string>;
}

interface Token {
  readonly raw: string;
  readonly lower: string;
  readonly stem: string;
  /** Punctuation (not a space, hyphen or apostrophe) stands between it and the word before. */
  readonly pause: boolean;
  /** First of the text, or after a full stop, colon, semicolon, line break or bullet. */
  readonly opens: boolean;
}

const STOP = new Set(STOP_WORDS);
const stem = (w: string) => (/^\d+$/.test(w) ? w : stemmer(w));

/** Spelling that varies without changing meaning, made one before tokens are cut. */
function normalise(text: string): string {
  let t = text.normalize('NFKC');
  // Two calls only for the type checker: String.replace takes a string or a function, not either.
  for (const r of SHORTHAND_RULES) t = typeof r.means === 'string' ? t.replace(r.pattern, r.means) : t.replace(r.pattern, r.means);
  return t
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/'s\b/gi, '')
    .replace(/\b([A-Z])\s?&\s?([A-Z])\b/g, '$1$2') // C&F, C & F → CF
    .replace(/\s&\s/g, ' and ')
    .replace(/\+/g, ' plus ');
}

export function tokens(text: string): Token[] {
  const out: Token[] = [];
  const t = normalise(text);
  let end = 0;
  for (const m of t.matchAll(/[A-Za-z0-9]+/g)) {
    const raw = m[0];
    const lower = raw.toLowerCase();
    const gap = t.slice(end, m.index);
    out.push({
      raw,
      lower,
      stem: stem(lower),
      pause: /[^\s\-'\u2010-\u2014]/.test(gap),
      opens: out.length === 0 || /[.!?:;\n\u2022*]/.test(gap),
    });
    end = m.index + raw.length;
  }
  return out;
}

/** An acronym as written in a glossary: capitals (and digits), possibly mixed case ("CiC"). */
const isAcronym = (term: string) => !/\s/.test(term) && (term.match(/[A-Z]/g)?.length ?? 0) >= 2;

interface LexEntry {
  /** `=term` or `$area`; empty for a theme's plain words, which are only words and a theme. */
  readonly key: string;
  readonly features: readonly string[];
  /** Expansion words, kept at a lower weight (a theme's own words at full weight). */
  readonly expansion: readonly Token[];
  readonly plain?: boolean;
  readonly population?: boolean;
  readonly business: boolean;
  /** `$area` of council business the term also names, beside the term's own evidence. */
  readonly alsoBusiness?: string;
}

interface Lexicon {
  /** Upper-cased acronym → entry. */
  readonly acronyms: ReadonlyMap<string, LexEntry>;
  /** Names written with a capital that are also ordinary words, as written. */
  readonly properNames: ReadonlyMap<string, LexEntry>;
  /** Single words, lower case, with their plurals. */
  readonly words: ReadonlyMap<string, LexEntry>;
  /** First stem → phrases (stem lists) starting with it, longest first. */
  readonly phrases: ReadonlyMap<string, readonly { stems: readonly string[]; entry: LexEntry }[]>;
  /** First word → everyday-sense phrases (knowledge/senses.ts) starting with it, as written, longest first. */
  readonly senses: ReadonlyMap<string, readonly (readonly string[])[]>;
}

const NAME_CUES = new Map(Object.entries(NAMES_OR_WORDS).map(([name, next]) => [name, new Set(next)]));

/** The words of a phrase that carry meaning, with their stems. */
const contentWords = (phrase: string) => tokens(phrase).filter((t) => !STOP.has(t.stem) && !STOP.has(t.lower) && !/^\d+$/.test(t.stem));

const HISTORY_NOTE = /\s*\((?:replaced|replacing|now|formerly|common transposition)\b[^)]*\)/gi;

function buildLexicon(glossary: readonly GlossaryEntry[]): Lexicon {
  const acronyms = new Map<string, LexEntry>();
  const properNames = new Map<string, LexEntry>();
  const words = new Map<string, LexEntry>();
  const phrases = new Map<string, { stems: readonly string[]; entry: LexEntry }[]>();
  const addPhrase = (text: string, entry: LexEntry) => {
    const toks = tokens(text);
    if (toks.length === 0) return;
    // A single word is matched as written (or plural), not by its stem: a stem joins words of
    // different meaning ("House", a building's name, and "housing"). Phrases are matched by stems.
    if (toks.length === 1) {
      const w = toks[0]!.lower;
      if (STOP.has(w)) return;
      for (const form of [w, `${w}s`, `${w}es`]) if (!words.has(form)) words.set(form, entry);
      return;
    }
    const stems = toks.map((t) => t.stem);
    const list = phrases.get(stems[0]!) ?? [];
    if (!list.some((p) => p.stems.join(' ') === stems.join(' '))) list.push({ stems, entry });
    phrases.set(stems[0]!, list);
  };
  const addForm = (form: string, entry: LexEntry) => {
    // A name that is also a word ("Prevent", "Channel", "Frontline") counts only when capitalised.
    if (/^[A-Z][a-z]+$/.test(form)) {
      properNames.set(form, entry);
      return;
    }
    if (isAcronym(form)) {
      const k = form.replace(/[^A-Za-z0-9]/g, '').toUpperCase();
      if (!acronyms.has(k)) acronyms.set(k, entry);
    } else addPhrase(form, entry);
  };
  for (const g of glossary) {
    // A note of history in the meaning ("replaced by safeguarding partnerships from 2019") says
    // what the term is not, and is no part of its name.
    const means = g.means.replace(HISTORY_NOTE, '');
    // An acronym's expansion stands beside it at a lower weight; a term's meaning is a description.
    const entry: LexEntry = {
      key: `=${g.term.toLowerCase().replace(/\s+/g, '_')}`,
      // Inspection and intervention terms set the scene of a plan; no finding is about them.
      features: g.themes.filter((t) => t !== 'inspection').map((t) => `#${t}`),
      expansion: contentWords(isAcronym(g.term) ? means : g.term),
      business: false,
      population: g.population ?? false,
      ...(g.business ? { alsoBusiness: `$${g.business}` } : {}),
    };
    addForm(g.term, entry);
    // The expansion of an acronym names the same thing; a term's meaning may be a description.
    if (isAcronym(g.term) || means.split(/\s+/).length <= 6) addForm(means, entry);
    for (const a of g.also ?? []) addForm(a, entry);
  }
  // A theme's plain words come after the glossary, whose terms win where both name a phrase.
  const plainWords = Object.entries(THEMES).map(([theme, t]) => [theme, [...t.words, ...(PHRASINGS[theme as Theme] ?? [])]] as const);
  for (const [theme, themeWords] of plainWords) {
    if (theme === 'inspection') continue;
    for (const w of themeWords) {
      const entry: LexEntry = { key: '', features: [`#${theme}`], expansion: contentWords(w), business: false, plain: true };
      addForm(w, entry);
    }
  }
  for (const b of BUSINESS) {
    const entry: LexEntry = { key: `$${b.area}`, features: [], expansion: [], business: true };
    addForm(b.term, entry);
  }
  for (const list of phrases.values()) list.sort((a, b) => b.stems.length - a.stems.length);
  // Matched by the words as written, not by stems: "adopt the" is not "adoption, the".
  const senses = new Map<string, string[][]>();
  for (const phrase of OTHER_SENSES) {
    // Cut as texts are cut, so "well-being" and "&" read as they do in a text.
    const ws = tokens(phrase).map((t) => t.lower);
    senses.set(ws[0]!, [...(senses.get(ws[0]!) ?? []), ws]);
  }
  for (const list of senses.values()) list.sort((a, b) => b.length - a.length);
  return { acronyms, properNames, words, phrases, senses };
}

let lexicon: Lexicon | undefined;
const theLexicon = () => (lexicon ??= buildLexicon(GLOSSARY));

/** The acronym a token may be: written in capitals (or mixed case with two capitals), plural or not. */
function acronymOf(t: Token, lex: Lexicon): LexEntry | undefined {
  const caps = t.raw.match(/[A-Z]/g)?.length ?? 0;
  const withDigit = /\d/.test(t.raw) && /[a-z]/i.test(t.raw);
  // "SEND" is a need, "send" a verb: only capitals (or a letter-digit code like s47) count.
  if (caps < 2 && !withDigit) return undefined;
  const up = t.raw.toUpperCase();
  return lex.acronyms.get(up) ?? (up.endsWith('S') ? lex.acronyms.get(up.slice(0, -1)) : undefined);
}

/**
 * The national framework outcome, enabler or principle a text is filed under, as Ofsted writes it
 * after each finding ("(outcome 3, national framework)", "(national framework enabler two)"):
 * every finding of a report carries one, so it says nothing of which finding an action answers,
 * and read as words it would lend each the same leadership terms. Only a bracket that is such a
 * tag goes; one that mentions the framework in passing stays.
 */
const CITATION =
  /[([]\s*(?:(?:outcomes?|enablers?|principles?)\b[^()[\]]*?\bnational\s+framework\b[^()[\]]*|national\s+framework\b[\s,:;-]*(?:outcomes?|enablers?|principles?)\b[^()[\]]*)[)\]]/gi;
export const withoutCitation = (text: string) => text.replace(CITATION, ' ');

/**
 * A term of three words or more that begins with an acronym or a capitalised name ("SGO support
 * plan", "YOT management board") is read as itself, not as its first word and loose words.
 * Two-word forms ("CP chair", "LAC review") stay read as the acronym: on the development split,
 * reading them as terms lost as many actions as it won.
 */
const LONG_TERM = 3;

export function analyse(text: string, w: AnalyseWeights = DEFAULT_WEIGHTS): Evidence {
  const lex = theLexicon();
  const toks = tokens(withoutCitation(text));
  const weights = new Map<string, number>();
  const surface = new Map<string, string>();
  const add = (f: string, x: number, words: string) => {
    weights.set(f, (weights.get(f) ?? 0) + x);
    if (!surface.has(f)) surface.set(f, words);
  };
  // A word of no term: its stem, unless it is a stop word, a single letter or a number.
  const plain = (t: Token) => {
    if (!STOP.has(t.stem) && !STOP.has(t.lower) && t.lower.length > 1 && !/^\d+$/.test(t.lower)) add(t.stem, 1, t.raw);
  };
  const emit = (e: LexEntry, words: string) => {
    if (e.business) {
      add(e.key, w.business, words);
      return;
    }
    if (e.alsoBusiness) add(e.alsoBusiness, w.business, words);
    if (e.population) {
      add(e.key, w.population, words);
      return;
    }
    if (e.key) add(e.key, w.entry, words);
    for (const f of e.features) add(f, w.theme, words);
    for (const x of e.expansion) add(x.stem, e.plain ? 1 : w.expansion, e.plain ? x.raw : x.lower);
  };
  for (let i = 0; i < toks.length; ) {
    const t = toks[i]!;
    const candidates = lex.phrases.get(t.stem);
    const hit = candidates?.find((p) => p.stems.every((s, k) => toks[i + k]?.stem === s));
    // A name that is also a word, first in its sentence, is the name only before a word that marks
    // it ("Prevent duty", not "Prevent drift": knowledge/senses.ts), or standing alone.
    const cues = t.opens ? NAME_CUES.get(t.raw) : undefined;
    const next = toks[i + 1];
    const asName = !cues || !next || next.opens || cues.has(next.lower);
    const acronym = acronymOf(t, lex);
    const named = acronym ?? (asName ? lex.properNames.get(t.raw) : undefined);
    const whole = hit !== undefined && hit.stems.length >= LONG_TERM;
    if (named && !whole) {
      emit(named, t.raw);
      i++;
      continue;
    }
    // A long term that begins with another entry's acronym keeps that acronym as well: "MASH and
    // assessment teams" are the MASH and the duty and assessment team; "IRO dispute resolution",
    // the IRO's. A name that is also a word is not kept ("Prevent entry to care" is no Prevent duty).
    if (acronym && hit && acronym !== hit.entry) emit(acronym, t.raw);
    // An everyday sense of a field word (knowledge/senses.ts), within one clause, read as plain
    // words, unless a longer phrase of the field starts here ("adopt a child" over "adopt a").
    const sense = lex.senses.get(t.lower)?.find((ws) => ws.every((x, k) => toks[i + k]?.lower === x && (k === 0 || !toks[i + k]!.pause)));
    if (sense && (!hit || sense.length >= hit.stems.length)) {
      for (const x of toks.slice(i, i + sense.length)) plain(x);
      i += sense.length;
      continue;
    }
    if (hit) {
      emit(
        hit.entry,
        toks
          .slice(i, i + hit.stems.length)
          .map((x) => x.raw)
          .join(' '),
      );
      i += hit.stems.length;
      continue;
    }
    const word = lex.words.get(t.lower);
    if (word) {
      emit(word, t.raw);
      i++;
      continue;
    }
    plain(t);
    i++;
  }
  return { weights, surface };
}
