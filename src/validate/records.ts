/** Builds the typed plan and findings from schema-checked input, attaching each record's place. */
import type { YamlSource } from '../load/yaml-source.js';
import type { FindingsRegisterInput, PlanInput } from '../model/schemas.js';
import type { Finding, Plan, Source } from '../model/types.js';

/** Strips characters that make Word or LibreOffice refuse a file (see tech notes). */
export function cleanText(s: string): string {
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '').trim();
}

export function toPlan(input: PlanInput, src: YamlSource): Plan {
  return {
    title: cleanText(input.title),
    file: src.file,
    priorities: input.priorities.map((p, pi) => ({
      id: p.id,
      title: cleanText(p.title),
      lead: cleanText(p.lead),
      actions: p.actions.map((a, ai) => ({
        id: a.id,
        text: cleanText(a.action),
        owner: cleanText(a.owner),
        due: a.due,
        status: a.status,
        answers: a.answers ?? [],
        answersNone: a.answers !== undefined && a.answers.length === 0,
        measures: a.measures ?? [],
        update: cleanText(a.update ?? ''),
        priorityId: p.id,
        place: src.placeOf(['priorities', pi, 'actions', ai]),
      })),
    })),
  };
}

export function toRegister(input: FindingsRegisterInput, src: YamlSource): { source: Source; findings: Finding[] } {
  const source: Source = {
    id: input.source.id,
    title: cleanText(input.source.title),
    kind: input.source.kind,
    published: input.source.published,
    ...(input.source.url ? { url: input.source.url } : {}),
    judgements: input.source.judgements ?? [],
    file: src.file,
  };
  const findings = input.findings.map((f, i) => ({
    id: f.id,
    ref: f.ref,
    section: cleanText(f.section),
    text: cleanText(f.text),
    sourceId: source.id,
    review: f.review ?? false,
    place: src.placeOf(['findings', i]),
  }));
  return { source, findings };
}
