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

const GRADE = /^(.*?)\s*\b(outstanding|good|requires improvement to be good|requires improvement|inadequate)\s*$/i;

/**
 * The judgement table of a 2018+ report's first page: "Judgement Grade", then each judgement
 * (its label may wrap over lines) with its grade at the end or on a line of its own.
 */
export function judgementsOf(lines: readonly Line[]): { area: string; grade: string }[] {
  const front = lines.filter((l) => l.page <= 2);
  const start = front.findIndex((l) => /^judgement\s+grade$/i.test(l.text));
  if (start < 0) return [];
  const out: { area: string; grade: string }[] = [];
  let label: string[] = [];
  for (const l of front.slice(start + 1)) {
    const m = GRADE.exec(l.text);
    if (m) {
      const area = [...label, m[1]!].join(' ').replace(/\s+/g, ' ').trim();
      if (!area) break;
      const g = m[2]!.toLowerCase();
      out.push({ area, grade: g.charAt(0).toUpperCase() + g.slice(1) });
      label = [];
      if (/^overall effectiveness$/i.test(area)) break;
      continue;
    }
    // A label runs over a line or two; anything longer is the report's opening prose.
    if (label.length >= 2 || l.text.length > 70 || /[.;]$/.test(l.text)) break;
    label.push(l.text);
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
