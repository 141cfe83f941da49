/**
 * compose: for each report, the template context, the rendered narrative and the generated
 * appendices, assembled into a ReportModel. Template errors are reported at their lines; a
 * report with any is not returned.
 */
import { NO_PROGRESS, type Progress } from '../model/progress.js';
import type { Diagnostics } from '../diagnostics/index.js';
import type { Line, ReportModel } from '../model/report.js';
import type { Computed, Inputs, Linkage, ReportJob, TemplateSource } from '../model/types.js';
import { actionTracker, findingsCoverage, scorecard, scorecardSummary } from './appendices.js';
import { packContext, reportContext } from './context.js';
import { parseInline, parseItems, parseNarrative, parseParagraphs, unsupportedMarkup } from './narrative.js';
import { checkTemplates, renderTemplate } from './templates.js';

export { checkTemplates } from './templates.js';

export function templatesOf(job: ReportJob): TemplateSource[] {
  return Object.values(job.layout.templates);
}

/** Places already warned of, per run: reports that share a layout share its templates. */
const markupWarned = new WeakMap<Diagnostics, Set<string>>();

/**
 * Warns of markup the narrative prints as written (###, tables, links, italic...), at its line
 * in the template; the narrative templates only, as titles and header lines are plain text.
 */
export function checkMarkup(job: ReportJob, diags: Diagnostics): void {
  const seen = markupWarned.get(diags) ?? new Set<string>();
  markupWarned.set(diags, seen);
  for (const key of ['summary', 'recommendations', 'body'] as const) {
    const t = job.layout.templates[key];
    if (!t) continue;
    for (const p of unsupportedMarkup(t.text, key === 'recommendations')) {
      const line = t.firstLine + p.line - 1;
      const column = p.column + (p.line === 1 ? t.firstColumn - 1 : 0);
      const at = `${t.file}:${line}:${column}`;
      if (seen.has(at)) continue;
      seen.add(at);
      diags.report('template-unsupported-markup', `${p.what} is not markup a report understands; it will print as written`, {
        place: { file: t.file, line, column },
        hint: p.hint,
      });
    }
  }
}

/** "12th November" → 12, superscript "th", " November": the paper's way with dates. */
function withOrdinals(line: string): Line {
  const out: { text: string; superscript?: boolean }[] = [];
  let rest = line;
  const re = /\b(\d{1,2})(st|nd|rd|th)(?= [A-Z][a-z]+ \d{4})/;
  for (let m = re.exec(rest); m; m = re.exec(rest)) {
    out.push({ text: rest.slice(0, m.index + m[1]!.length) });
    out.push({ text: m[2]!, superscript: true });
    rest = rest.slice(m.index + m[0].length);
  }
  if (rest) out.push({ text: rest });
  return out.flatMap((r) => (r.superscript ? [r] : parseInline(r.text)));
}

export function composeReports(
  inputs: Inputs,
  linkage: Linkage,
  computed: Computed,
  diags: Diagnostics,
  progress: Progress = NO_PROGRESS,
  /** The reissue's number, when the pack corrects one archived before (see PackContext.reissue). */
  reissue?: number,
): ReportModel[] | undefined {
  const pack = packContext(inputs, linkage, computed, reissue);
  const models: ReportModel[] = [];
  for (const [i, job] of inputs.reports.entries()) {
    progress({ stage: 'composing reports', done: i, total: inputs.reports.length, unit: 'reports' });
    if (!checkTemplates(templatesOf(job), diags)) continue;
    const ctx = reportContext(
      pack,
      job.spec,
      job.layout.appendices.map((a) => a.kind),
    );
    const t = job.layout.templates;
    const render = (key: string) => renderTemplate(t[key]!, ctx, diags);
    const title = render('documentTitle');
    const header = job.layout.header.map((h, k) => {
      const v = render(`header.${k}`);
      return {
        label: h.label,
        lines: (v ?? '')
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean)
          .map(withOrdinals),
      };
    });
    const summary = render('summary');
    const recommendations = render('recommendations');
    const body = render('body');
    if (title === undefined || summary === undefined || recommendations === undefined || body === undefined) continue;
    if (header.length !== job.layout.header.length) continue;
    const narrative = parseNarrative(body);
    for (const line of narrative.emptyHeadings) {
      diags.report('template-empty-heading', 'a heading renders with no text', {
        place: { file: t['body']!.file, line },
        hint: 'headings must have text; empty headings confuse screen readers (line is in the rendered output)',
      });
    }
    // The tracker points to the charts by appendix number, where this report has them.
    const chartsAt = job.layout.appendices.findIndex((a) => a.kind === 'scorecard');
    const refs = chartsAt >= 0 ? { charts: chartsAt + 1 } : {};
    const appendices = job.layout.appendices.map((a, i) => ({
      number: i + 1,
      title: a.title,
      blocks:
        a.kind === 'action-tracker'
          ? actionTracker(inputs, linkage, computed, refs)
          : a.kind === 'findings-coverage'
            ? findingsCoverage(inputs, linkage, computed)
            : a.kind === 'scorecard-summary'
              ? scorecardSummary(inputs, computed)
              : scorecard(inputs, computed),
    }));
    models.push({
      id: job.spec.id,
      name: `${job.spec.id}-${inputs.period.id}`,
      title: title.replace(/\s+/g, ' ').trim(),
      subject: `${job.spec.meeting.title}, ${job.spec.meeting.date}`,
      creator: inputs.council,
      keywords: `children's services; improvement; Ofsted; ${inputs.period.id}`,
      date: inputs.packDate,
      header,
      summary: parseParagraphs(summary),
      recommendations: parseItems(recommendations),
      body: narrative.blocks,
      appendices,
    });
  }
  return diags.hasErrors ? undefined : models;
}
