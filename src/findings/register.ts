/**
 * Builds a findings register from parsed findings, and writes it as YAML a person can read
 * and correct. Pure: the text of the publication in, the register out.
 */
import { Document } from 'yaml';
import { MONTHS } from '../model/period.js';
import type { FindingsRegisterInput } from '../model/schemas.js';
import type { Line } from './lines.js';
import type { Framework, ParsedFinding } from './parse.js';

export interface SourceFacts {
  readonly title?: string;
  readonly published?: string;
  /** The date was printed as the publication date ("Report published: ..."), not guessed. */
  readonly publishedPrinted?: boolean;
  readonly kind: FindingsRegisterInput['source']['kind'];
}

const MONTH = MONTHS.join('|');
const DATE = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH})\\s+(\\d{4})\\b`, 'i');

/** The publication's title, date and kind as its first pages give them. */
export function sourceFacts(lines: readonly Line[], framework: Framework | undefined): SourceFacts {
  const front = lines.filter((l) => l.page <= 2).slice(0, 80);
  const text = front.map((l) => l.text).join('\n');
  const focused = /focused visit/i.test(text);
  const kind = framework === 'letter' ? (focused ? 'focused-visit' : 'monitoring-visit') : 'full-inspection';
  let title: string | undefined;
  const t = front.findIndex((l) =>
    /^(inspection of|re-?inspection of|monitoring visit|focused visit|review of|.*\blocal authority children['’]s services\b)/i.test(
      l.text,
    ),
  );
  if (t >= 0) {
    const parts = [front[t]!.text];
    // A title can wrap onto a second line, which then starts in lower case, or is the last
    // word or two of the title ("... Local Safeguarding Children" / "Board"); an ILACS title
    // runs on to "children's services".
    const next = front[t + 1]?.text;
    // "Inspection of London Borough of" / "Hounslow local authority" / "children's services".
    const run = front.slice(t + 1, t + 3).map((l) => l.text);
    const end =
      /^inspection of\b/i.test(parts[0]!) && !/services$/i.test(parts[0]!)
        ? run.findIndex((_, k) => /children['’]s services$/i.test([parts[0], ...run.slice(0, k + 1)].join(' ')))
        : -1;
    if (end >= 0) parts.push(...run.slice(0, end + 1));
    else if (next && (/^[a-z(]/.test(next) || (/^[A-Z][a-z]+( [A-Z][a-z]+)?$/.test(next) && !/[.:;,]$/.test(parts[0]!)))) parts.push(next);
    title = parts.join(' ').replace(/\s+/g, ' ').trim();
  }
  // "Published: 16 August 2013", "Report published: 27 November 2015"; else the first date.
  // "Report published: 25/11/2016" is day/month/year.
  const printed = new RegExp(`\\bpublished\\s*:?\\s*${DATE.source}`, 'i').exec(text);
  const numeric = printed ? null : /\bpublished\s*:?\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\b/i.exec(text);
  const m = printed ? printed.slice(1) : DATE.exec(text)?.slice(1);
  let published: string | undefined;
  if (numeric) published = `${numeric[3]}-${numeric[2]!.padStart(2, '0')}-${numeric[1]!.padStart(2, '0')}`;
  else if (m) {
    const month = MONTHS.findIndex((x) => x.toLowerCase() === m[1]!.toLowerCase()) + 1;
    published = `${m[2]}-${String(month).padStart(2, '0')}-${m[0]!.padStart(2, '0')}`;
  }
  return {
    ...(title ? { title } : {}),
    ...(published ? { published, ...(printed || numeric ? { publishedPrinted: true } : {}) } : {}),
    kind,
  };
}

/** A grade ending a line of the judgement table: after a space, alone, or glued to the label's last word. */
const TABLE_GRADE =
  /^(.*?)(?:\s+|^|(?<=[a-z.]))(Outstanding|Good|Requires improvement to be good|Requires improvement to|Requires improvement|Inadequate)$/i;
/** The rest of a split "Requires improvement to be good", glued to the end of a label's line. */
const RI_TAIL = /^(.*?)\s*(?:to\s*)?be good$/i;
const RI_TAIL_ALONE = /^(?:to\s*)?be good$/i;

/**
 * The judgement table of a 2018+ report's first page: "Judgement Grade", then each judgement
 * (its label may wrap over lines) with its grade at the end or on a line of its own.
 */
export function judgementsOf(lines: readonly Line[]): { area: string; grade: string }[] {
  const front = lines.filter((l) => l.page <= 2);
  const start = front.findIndex((l) => /^judgement\s+grade$/i.test(l.text));
  if (start < 0) return sifJudgementsOf(front);
  // The table's rows, as PDFs give them: a label over one to three lines, its grade at the end
  // of one of them (after a space, glued to the last word, or alone on its line); lines that
  // carry on a label begin in lower case. "Requires improvement to be good" may itself be split,
  // its "to be good" glued to the end of the label's next line. The opening prose ends the table.
  const out: { area: string; grade: string }[] = [];
  let current: { area: string; grade: string } | undefined;
  let held: string | undefined;
  let pending: string[] = [];
  const close = () => {
    if (current) out.push(current);
    current = undefined;
  };
  const partial = () => current !== undefined && /^requires improvement( to)?$/i.test(current.grade);
  for (const l of front.slice(start + 1)) {
    const text = l.text.replace(/\s+/g, ' ').trim();
    if (text === '') continue;
    if (RI_TAIL_ALONE.test(text) && partial()) {
      current = { ...current!, grade: 'Requires improvement to be good' };
      continue;
    }
    // A line in lower case carries on the label above it (rows begin with a capital).
    if (current && pending.length === 0 && /^[a-z]/.test(text)) {
      const tail = partial() ? RI_TAIL.exec(text) : null;
      const more = (tail ? tail[1]! : text).replace(/\.$/, '').trim();
      current = { area: `${current.area} ${more}`.trim(), grade: tail ? 'Requires improvement to be good' : current.grade };
      continue;
    }
    const m = TABLE_GRADE.exec(text);
    // Prose: a sentence's end, or a long line that is not a whole row (a label has no commas).
    if (/[.;:]$/.test(text) || (text.length > 75 && (!m || /[,;]/.test(m[1]!)))) break;
    if (m) {
      close();
      const area = [...pending, m[1]!.trim()].filter(Boolean).join(' ');
      pending = [];
      // A grade alone before its label: the label is the next line.
      if (!area) held = gradeOf(m[2]!);
      else current = { area, grade: gradeOf(m[2]!) };
      if (current && /^overall effectiveness$/i.test(current.area) && !partial()) break;
      continue;
    }
    if (held) {
      close();
      current = { area: text, grade: held };
      held = undefined;
      continue;
    }
    close();
    pending.push(text);
    if (pending.length > 3) break;
  }
  close();
  return out.map((j) => (j.grade === 'Requires improvement to' ? { ...j, grade: 'Requires improvement' } : j));
}

/** "requires improvement", "require improvement to be good", "Good": the grade as reports list it. */
function gradeOf(words: string): string {
  const w = words
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^requires? /, 'requires ');
  return w.charAt(0).toUpperCase() + w.slice(1);
}
const SIF_GRADE = /(requires? improvement to be good|requires? improvement|inadequate|outstanding|good)\b/i;

/**
 * The judgements of a 2013-2017 single inspection, from its first pages: the overall judgement
 * in a sentence ("The overall judgement is ...", "Children's services in X require ..."),
 * numbered areas with their grades (on the line, alone after it, or "Requires" and
 * "improvement" printed around the label), and the safeguarding board's in its own sentence.
 */
function sifJudgementsOf(front: readonly Line[]): { area: string; grade: string }[] {
  const out: { area: string; grade: string }[] = [];
  const text = front.map((l) => l.text.replace(/\s+/g, ' ').trim());
  // The sentence may wrap before its verb ("Children's services in the X Council area" / "are good").
  const at = text.findIndex(
    (t, i) =>
      /^the overall judgement is\b/i.test(t) ||
      /^children['’]s services in .+ (are|is|require|requires)\b/i.test(`${t} ${text[i + 1] ?? ''}`),
  );
  if (at < 0) {
    // A review of the safeguarding board alone: its one judgement.
    const board = text.findIndex((t) => /^the local safeguarding children board (is|requires?)\b/i.test(t));
    const grade = board < 0 ? undefined : SIF_GRADE.exec(`${text[board]!.replace(/^.*?board\s+(is\s+)?/i, '')} ${text[board + 1] ?? ''}`);
    return grade ? [{ area: 'Effectiveness of the LSCB', grade: gradeOf(grade[1]!) }] : [];
  }
  const sentence = `${text[at]} ${text[at + 1] ?? ''}`;
  // The grade the sentence gives after its verb ("... is that children's services require improvement").
  const verb = /\b(is|are|requires?)\b\s*(.*)$/i.exec(sentence);
  const g = verb ? SIF_GRADE.exec(/^requires?$/i.test(verb[1]!) ? `${verb[1]} ${verb[2]}` : verb[2]!)?.[1] : undefined;
  if (g) out.push({ area: 'Overall effectiveness', grade: gradeOf(g) });
  for (let i = at + 1; i < text.length && i < at + 40; i++) {
    const t = text[i]!;
    if (/^ofsted produces this report/i.test(t)) break;
    const lscb = /^the effectiveness of the local safeguarding children board(?: \(lscb\))? is (.*)$/i.exec(t);
    if (lscb) {
      const grade = SIF_GRADE.exec(`${lscb[1]} ${text[i + 1] ?? ''}`);
      if (grade) out.push({ area: 'Effectiveness of the LSCB', grade: gradeOf(grade[1]!) });
      break;
    }
    const row = /^(\d(?:\.\d)?)\.?\s+([A-Z].*?)\s*$/.exec(t);
    if (!row || t.length > 80) continue;
    let label = row[2]!;
    let grade: string | undefined;
    const end = /^(.*?)\s+(requires? improvement to be good|requires? improvement|inadequate|outstanding|good)$/i.exec(label);
    const glued = /^requires$/i.test(text[i - 1] ?? '')
      ? /^(.*?[a-z])(improvement to be good|improvement to be|improvement)$/i.exec(label)
      : null;
    if (glued) {
      // "Requires" above, and the rest of the grade glued to the label's end.
      label = glued[1]!;
      grade = `requires ${glued[2]}`;
      if (/ to be$/i.test(grade) && /^good$/i.test(text[i + 1] ?? '')) {
        grade = `${grade} good`;
        i++;
      } else if (/ to be$/i.test(grade)) grade = 'requires improvement';
    } else if (end) {
      label = end[1]!;
      grade = end[2]!;
    } else if (/^requires$/i.test(text[i - 1] ?? '') && /^improvement( to be good)?$/i.test(text[i + 1] ?? '')) {
      grade = `requires ${text[i + 1]}`;
      i++;
    } else if (SIF_GRADE.test(text[i + 1] ?? '') && new RegExp(`^${SIF_GRADE.source}$`, 'i').test(text[i + 1] ?? '')) {
      grade = text[i + 1]!;
      i++;
      if (/^[a-z]/.test(text[i + 1] ?? '')) {
        label = `${label} ${text[i + 1]}`;
        i++;
      }
    }
    if (grade) out.push({ area: label, grade: gradeOf(grade) });
  }
  return out;
}

export function buildRegister(
  id: string,
  source: {
    title: string;
    published: string;
    kind: FindingsRegisterInput['source']['kind'];
    judgements?: readonly { area: string; grade: string }[];
  },
  findings: readonly ParsedFinding[],
): FindingsRegisterInput {
  return {
    source: {
      id,
      title: source.title,
      kind: source.kind,
      published: source.published,
      ...(source.judgements && source.judgements.length > 0 ? { judgements: source.judgements.map((j) => ({ ...j })) } : {}),
    },
    findings: findings.map((f) => ({
      id: `${id}-${f.ref}`,
      ref: f.ref,
      section: f.section,
      text: f.text,
      ...(f.theme ? { theme: f.theme } : {}),
      ...(f.review ? { review: true } : {}),
    })),
  };
}

/** YAML with a comment saying where it came from; long texts folded for reading, not changed. */
export function registerYaml(register: FindingsRegisterInput, origin: { file: string; sha256: string; notes: readonly string[] }): string {
  const doc = new Document(register);
  doc.commentBefore = [
    ' yaml-language-server: $schema=../schemas/findings.schema.json',
    ` Imported by boardpack findings import from ${origin.file}`,
    ` sha256 ${origin.sha256}`,
    ...origin.notes.map((n) => ` note: ${n}`),
    register.findings.length === 0
      ? ' No findings were found: read the publication to confirm.'
      : ' Check each finding against the publication before the plan cites it.',
  ].join('\n');
  return doc.toString({ lineWidth: 100, minContentWidth: 40 });
}
