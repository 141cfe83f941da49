/** Builds the typed plan and findings from schema-checked input, attaching each record's place. */
import type { YamlSource } from '../1-load/yaml-source.js';
import type { FindingsRegisterInput, Framework, PlanInput } from '../model/schemas.js';
import type { Finding, Plan, Source } from '../model/types.js';

/**
 * Text as the reports show it: without the spaces around it. Characters a Word document cannot
 * hold are removed where each input is read, with a warning at their place (load/).
 */
export function cleanText(s: string): string {
  return s.trim();
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
    ...frameworkOf(input.source),
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

/**
 * The framework a full inspection was made under, when the register does not say: from the
 * title Ofsted gives each kind of report, else from the date (the single inspection framework
 * ran from November 2013; ILACS reports from 2018). Visits are not framed that way.
 */
export function frameworkOf(source: FindingsRegisterInput['source']): { framework?: Framework } {
  if (source.framework) return { framework: source.framework };
  if (source.kind !== 'full-inspection') return {};
  const t = source.title.toLowerCase();
  if (/local authority children.s services/.test(t)) return { framework: 'ILACS' };
  if (/children in need of help and protection/.test(t)) return { framework: 'SIF' };
  if (/safeguarding and looked after/.test(t)) return { framework: 'SAFEGUARDING' };
  if (/looked after children services/.test(t)) return { framework: 'LAC' };
  if (/joint targeted area/.test(t)) return { framework: 'JTAI' };
  if (source.published >= '2018-04-01') return { framework: 'ILACS' };
  if (source.published >= '2013-11-01') return { framework: 'SIF' };
  return {};
}
