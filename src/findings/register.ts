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
  const t = front.findIndex((l) => /^(inspection of|monitoring visit|focused visit|review of|.*\blocal authority children['’]s services\b)/i.test(l.text));
  if (t >= 0) {
    const parts = [front[t]!.text];
    // A title can wrap onto a second line, which then starts in lower case.
    if (front[t + 1] && /^[a-z(]/.test(front[t + 1]!.text)) parts.push(front[t + 1]!.text);
    title = parts.join(' ').replace(/\s+/g, ' ').trim();
  }
  let published: string | undefined;
  const m = DATE.exec(text);
  if (m) {
    const month = MONTHS.findIndex((x) => x.toLowerCase() === m[2]!.toLowerCase()) + 1;
    published = `${m[3]}-${String(month).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  }
  return { ...(title ? { title } : {}), ...(published ? { published } : {}), kind };
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
  source: { title: string; published: string; kind: FindingsRegisterInput['source']['kind']; judgements?: readonly { area: string; grade: string }[] },
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
    register.findings.length === 0 ? ' No findings were found: read the publication to confirm.' : ' Check each finding against the publication before the plan cites it.',
  ].join('\n');
  return doc.toString({ lineWidth: 100, minContentWidth: 40 });
}
