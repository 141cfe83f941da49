/**
 * The pipeline: load → validate → link → compute → compose → render → archive. Each stage
 * reports into one Diagnostics; after validate and after compose the run stops on any error,
 * so a broken input never yields a partial pack.
 */
import path from 'node:path';
import {
  checkArchived,
  examineExisting,
  manifestJson,
  sameBytes,
  workingPath,
  type Existing,
  type Manifest,
  type PackFile,
} from '../7-archive/manifest.js';
import type { XmlProblem } from '../7-archive/xml-check.js';
import { XmlCheckThread } from '../7-archive/xml-check-thread.js';
import { compute } from '../4-compute/index.js';
import { checkMarkup, checkTemplates, composeReports, templatesOf } from '../5-compose/index.js';
import { Diagnostics } from '../diagnostics/index.js';
import { entriesOf, inspectPack, lockOutput, PackFolderError, removeLeftovers, writePackFolder } from '../io/pack-folder.js';
import { toolVersion } from '../io/tool.js';
import { linkActions } from '../3-link/link.js';
import { indicatorEvidence, matchPlan, matchedLinks, nearMisses } from '../3-link/match.js';
import { sha256 } from '../model/digest.js';
import { NO_PROGRESS } from '../model/progress.js';
import type { ReportModel } from '../model/report.js';
import type { Computed, Inputs, Linkage, PackTarget } from '../model/types.js';
import { ChartPool, DOCX, fileNameOf, PDF, PDF_EXPORT_FILTER, PdfStampError, renderAll, stampPdf } from '../6-render/index.js';
import { ConversionError, convertToPdf, findPdfConverter, type PdfConverter } from '../io/libreoffice.js';
import { reportNotAsArchived } from './archived.js';
import { loadInputs, type LoadOptions } from './load-inputs.js';

export interface BuildOptions extends LoadOptions {
  /** Write a new issue of a pack whose period already has a different one. */
  readonly reissue?: boolean;
  /** Also write each report as PDF/A, converted by LibreOffice. */
  readonly pdf?: boolean;
  /** Told when another build is writing the output folder and this one waits for it. */
  readonly onWait?: (message: string) => void;
}

export interface BuildResult {
  readonly diagnostics: Diagnostics;
  /** The pack folder written, or that already held identical files. */
  readonly packDir?: string;
  readonly files?: readonly { name: string; bytes: number; sha256: string }[];
  readonly unchanged?: boolean;
  readonly models?: readonly ReportModel[];
}

/** Runs every check of a build and composes the reports, writing nothing. */
export async function prepare(
  options: LoadOptions,
  diags: Diagnostics,
): Promise<{ inputs: Inputs; linkage: Linkage; computed: Computed; models: ReportModel[]; target: PackTarget } | undefined> {
  const { inputs, target, jobs } = await loadInputs(options, diags);
  // Templates are checked even when other inputs failed, so one run shows every problem.
  for (const job of jobs) {
    checkTemplates(templatesOf(job), diags);
    checkMarkup(job, diags);
  }
  if (!inputs || !target || diags.hasErrors) return undefined;
  // Actions without answers: are linked by the matcher; the report marks those as suggested, or
  // as needing confirmation when the matcher is unsure.
  const indicators = indicatorEvidence(inputs.indicators);
  const progress = options.progress ?? NO_PROGRESS;
  const report = matchPlan(inputs.plan, inputs.findings, { suggestExplicit: false, indicators, progress, council: inputs.council });
  progress({ stage: 'linking actions to findings' });
  const linkage = linkActions(inputs.plan, inputs.findings, diags, { matched: matchedLinks(report), nearMisses: nearMisses(report) });
  progress({ stage: 'computing figures' });
  const computed = compute(inputs, linkage, diags);
  const models = composeReports(inputs, linkage, computed, diags, progress);
  if (!models) return undefined;
  return { inputs, linkage, computed, models, target };
}

export async function validate(options: LoadOptions): Promise<Diagnostics> {
  const diags = new Diagnostics();
  await prepare(options, diags);
  return diags;
}

export async function build(options: BuildOptions): Promise<BuildResult> {
  // Chart drawing threads start while the inputs are read: they take a while to load vega.
  let pool: ChartPool | undefined;
  return await buildWith(
    options,
    (c) => {
      if (c.charts) pool ??= ChartPool.shared();
    },
    () => pool,
  );
}

async function buildWith(
  options: BuildOptions,
  onConfig: LoadOptions['onConfig'],
  pool: () => ChartPool | undefined,
): Promise<BuildResult> {
  const diags = new Diagnostics();
  // Looked for first, so that a missing LibreOffice is reported with the inputs' mistakes.
  let converter: PdfConverter | undefined;
  if (options.pdf) {
    const found = findPdfConverter();
    if ('converter' in found) converter = found.converter;
    else {
      const given = found.problem.startsWith('BOARDPACK_SOFFICE');
      diags.report('pdf-converter-missing', `--pdf needs LibreOffice to convert the reports: ${found.problem}`, {
        hint: given
          ? 'set BOARDPACK_SOFFICE to the soffice program of an installed LibreOffice, or unset it to use the one on the PATH; or build without --pdf'
          : 'install it (Debian and Ubuntu: apt-get install libreoffice-writer-nogui), or set BOARDPACK_SOFFICE to its soffice program; or build without --pdf',
      });
    }
  }
  const prepared = await prepare({ ...options, onConfig }, diags);
  if (!prepared || diags.hasErrors) return { diagnostics: diags };
  const { inputs, linkage, computed, models, target } = prepared;

  const progress = options.progress ?? NO_PROGRESS;
  const baseDir = path.join(target.outputDir, inputs.period.id);
  // A report Word cannot open is never archived: every part is parsed as XML first, each
  // report on another thread as soon as it is made.
  const checker = XmlCheckThread.shared();
  const rendered = async (ms: readonly ReportModel[]): Promise<PackFile[] | undefined> => {
    const checks: Promise<XmlProblem[]>[] = [];
    const reports: PackFile[] = await renderAll(ms, pool(), progress, (i, file) => {
      checks[i] = checker.check(file);
    });
    progress({ stage: 'checking the reports' });
    const invalid = (await Promise.all(reports.map((r, i) => checks[i] ?? checker.check(r)))).flat();
    for (const p of invalid) {
      diags.report('pack-invalid-xml', `${p.file}: ${p.part} is not well-formed XML (${p.message}); the pack was not archived`, {
        hint: 'this is a fault in boardpack, not in your inputs; please report it with the inputs that gave it',
      });
    }
    if (invalid.length > 0) return undefined;
    if (!converter) return reports;
    // PDFs this LibreOffice already made of these very Word reports, archived: converting again
    // would give the same bytes, so a build that finds its pack archived does not wait for it.
    const archived = pdfsArchivedFor(reports, ms, converter.version, [baseDir, `${baseDir}-pdf`]);
    if (archived) return [...reports, ...archived];
    // Each report as PDF/A beside its Word file, stamped with the pack date, not the time of day.
    progress({ stage: 'converting the reports to PDF' });
    let pdfs: Map<string, Uint8Array>;
    try {
      pdfs = await convertToPdf(converter, reports, PDF_EXPORT_FILTER);
    } catch (e) {
      if (!(e instanceof ConversionError)) throw e;
      diags.report('pdf-conversion-failed', `converting the reports to PDF failed: ${e.message}`, {
        hint: 'build without --pdf to check the Word reports; if they open, try again, and check the LibreOffice install (soffice --headless --convert-to pdf on one report)',
      });
      return undefined;
    }
    const stamped: PackFile[] = [];
    for (const [i, m] of ms.entries()) {
      const name = fileNameOf(m, PDF);
      try {
        stamped.push({ name, bytes: stampPdf(pdfs.get(reports[i]!.name)!, inputs.packDate) });
      } catch (e) {
        if (!(e instanceof PdfStampError)) throw e;
        diags.report(
          'pdf-conversion-failed',
          `${name}: ${converter.version} wrote a PDF boardpack cannot make reproducible: ${e.message}`,
          {
            hint: 'this LibreOffice writes PDFs differently from the ones boardpack knows: please report it with its version; build without --pdf meanwhile',
          },
        );
        return undefined;
      }
    }
    return [...reports, ...stamped];
  };
  const first = await rendered(models);
  if (!first) return { diagnostics: diags };

  const configDir = path.dirname(path.normalize(options.configPath));
  const modelOf = (file: string, ms: readonly ReportModel[]) => ms.find((m) => file === fileNameOf(m) || file === fileNameOf(m, PDF))!;
  const manifestFor = (reports: readonly PackFile[], ms: readonly ReportModel[], reissue?: number): Manifest => ({
    tool: { name: 'boardpack', version: toolVersion(), ...(converter ? { pdf: converter.version } : {}) },
    council: inputs.council,
    period: inputs.period.id,
    packDate: inputs.packDate,
    ...(reissue ? { reissue } : {}),
    inputs: target.files.map((f) => ({ ...f, path: workingPath(configDir, f.path) })),
    outputs: reports.map((r) => ({
      path: r.name,
      sha256: sha256(r.bytes),
      bytes: r.bytes.byteLength,
      report: modelOf(r.name, ms).id,
      title: modelOf(r.name, ms).title,
    })),
  });
  /**
   * The pack as issued n-th: a reissue's reports are composed again with its number, so that
   * the templates can say which reissue a document is (the first issue's are made above).
   */
  const packFor = async (n: number): Promise<{ files: PackFile[]; models: ReportModel[] } | undefined> => {
    const ms = n === 1 ? models : composeReports(inputs, linkage, computed, diags, NO_PROGRESS, n);
    const reports = n === 1 ? first : ms && (await rendered(ms));
    if (!ms || !reports) return undefined;
    return {
      files: [...reports, { name: 'manifest.json', bytes: manifestJson(manifestFor(reports, ms, n === 1 ? undefined : n)) }],
      models: ms,
    };
  };
  const summary = (fs: PackFile[]) => fs.map((f) => ({ name: f.name, bytes: f.bytes.byteLength, sha256: sha256(f.bytes) }));
  /**
   * `files` into folder `dir`, as archived folders are written: written if absent, left alone if
   * identical, and a folder in the way or not as archived reported. Only a different, intact
   * folder is left to the caller, with what it holds.
   */
  const place = (
    dir: string,
    files: PackFile[],
    ms: readonly ReportModel[],
    what: string,
    blockedHint: (blocker: string) => string,
  ):
    | { readonly result: BuildResult }
    | { readonly verdict: Extract<Existing, { kind: 'different' }>; readonly existing: ReadonlyMap<string, Uint8Array> } => {
    const there = inspectPack(dir);
    if (there.state === 'blocked') {
      diags.report('pack-path-blocked', `${dir} is ${there.what}, where ${what} goes`, {
        place: { file: dir },
        hint: blockedHint(there.what),
      });
      return { result: { diagnostics: diags } };
    }
    if (there.state === 'absent') {
      writePackFolder(dir, files);
      return { result: { diagnostics: diags, packDir: dir, files: summary(files), models: ms } };
    }
    const existing = entriesOf(there);
    const verdict = examineExisting(files, existing);
    if (verdict.kind === 'identical')
      return { result: { diagnostics: diags, packDir: dir, files: summary(files), unchanged: true, models: ms } };
    if (verdict.kind === 'not-as-archived') {
      reportNotAsArchived(dir, verdict, there.odd, diags);
      return { result: { diagnostics: diags } };
    }
    if (verdict.kind === 'absent') throw new Error(`${dir}: a folder examined as absent`);
    return { verdict, existing };
  };

  const periodId = inputs.period.id;
  let release: (() => void) | undefined;
  progress({ stage: 'writing the pack' });
  try {
    // One build at a time per output folder: a second waits, then finds what the first wrote.
    release = await lockOutput(target.outputDir, { ...(options.onWait ? { onWait: options.onWait } : {}) });
    removeLeftovers(target.outputDir);
    // The pack goes in <period>; a reissue beside it, in <period>-reissue-<n>, the first n free or identical.
    for (let n = 1; ; n++) {
      const dir = n === 1 ? baseDir : `${baseDir}-reissue-${n}`;
      const issued = await packFor(n);
      if (!issued) return { diagnostics: diags };
      const { files: fs, models: issuedModels } = issued;
      const what = n === 1 ? `the pack for ${periodId}` : `reissue ${n} of the pack for ${periodId}`;
      const placed = place(dir, fs, issuedModels, what, (blocker) =>
        blocker.startsWith('a symbolic link')
          ? 'boardpack archives each pack as a folder of its own: remove the link, or set output: in config.yml to the folder it points to'
          : 'move it away (or rename it), then build again',
      );
      if ('result' in placed) return placed.result;
      const { verdict, existing } = placed;
      if (n === 1 && verdict.council) {
        // Not a correction of this council's pack: another council's (init's example, built first).
        diags.report(
          'pack-exists',
          `${baseDir} holds the pack of ${verdict.council.archived} for ${periodId}, and this is ${verdict.council.now}'s; archived packs are never overwritten`,
          {
            place: { file: baseDir },
            hint: `if it is the example's pack, built before the folder was made ${verdict.council.now}'s, move ${baseDir} out of the way (or delete it) and build again`,
          },
        );
        return { diagnostics: diags };
      }
      // Archived without PDFs, and its Word reports are the ones this build makes: their PDFs
      // go beside it, in <folder>-pdf, with a manifest of their own; the pack is not touched.
      // So for a reissue too (reached with --reissue), rather than issuing it again.
      const words = fs.filter((f) => f.name.endsWith(DOCX.extension));
      const sameReports = words.every((f) => sameBytes(existing.get(f.name), f.bytes));
      if (converter && verdict.pdf?.now && !verdict.pdf.archived && !verdict.tool && sameReports && verdict.inputs.length === 0) {
        const pdfDir = `${dir}-pdf`;
        const pdfFiles = fs.filter((f) => f.name.endsWith(PDF.extension));
        const pdfManifest: Manifest = {
          ...manifestFor(pdfFiles, issuedModels, n === 1 ? undefined : n),
          pdfOf: path.basename(dir),
          inputs: words.map((f) => ({ path: `${path.basename(dir)}/${f.name}`, sha256: sha256(f.bytes), bytes: f.bytes.byteLength })),
        };
        const companion = [...pdfFiles, { name: 'manifest.json', bytes: manifestJson(pdfManifest) }];
        const placedPdfs = place(
          pdfDir,
          companion,
          issuedModels,
          `the PDFs of ${dir}`,
          () => 'move it away (or rename it), then build again',
        );
        if ('result' in placedPdfs) return placedPdfs.result;
        const again = placedPdfs.verdict;
        diags.report('pack-exists', `${pdfDir} already holds PDFs of ${dir} that differ from these; archived files are never overwritten`, {
          place: { file: pdfDir },
          hint: pdfHint(again),
        });
        return { diagnostics: diags };
      }
      // The same Word reports from the same inputs, and PDFs made by the same LibreOffice, that
      // differ: the PDFs depend on something the manifest does not record (the fonts installed).
      if (verdict.inputs.length === 0 && !verdict.tool && !verdict.pdf && !verdict.pdfTool && words.length > 0 && sameReports) {
        diags.report(
          'pack-exists',
          `${dir} holds these very Word reports, from the same inputs, but PDFs that differ from these, though made by the same LibreOffice; archived packs are never overwritten`,
          {
            place: { file: dir },
            hint: 'a PDF depends on the fonts LibreOffice finds: build on the machine the pack was built on (or with its fonts) to rebuild it byte for byte; the pack itself is intact (boardpack verify)',
          },
        );
        return { diagnostics: diags };
      }
      if (n === 1 && !options.reissue) {
        const since =
          verdict.inputs.length === 0
            ? ''
            : `; since it was archived, ${listed(verdict.inputs)} ${verdict.inputs.length === 1 ? 'has' : 'have'} changed`;
        const tool = verdict.tool ? `; it was built by boardpack ${verdict.tool.archived}, this is ${verdict.tool.now}` : '';
        const pdf = verdict.pdf
          ? verdict.pdf.archived
            ? '; it was archived with PDFs, and this build makes none (add --pdf)'
            : '; it was archived without PDFs, and this build adds them'
          : '';
        const madeBy = verdict.pdfTool ? `; its PDFs were made by ${verdict.pdfTool.archived}, and this is ${verdict.pdfTool.now}` : '';
        diags.report(
          'pack-exists',
          `${baseDir} already holds a different pack for ${periodId}${since}${tool}${pdf}${madeBy}; archived packs are never overwritten`,
          {
            place: { file: baseDir },
            hint: verdict.pdfTool
              ? `another LibreOffice lays pages out differently: to rebuild this pack byte for byte, use ${verdict.pdfTool.archived} (keep it for the archive's rebuilds); to issue a correction, run build again with --reissue`
              : 'to issue a correction, run build again with --reissue; it is written beside the original',
          },
        );
        return { diagnostics: diags };
      }
    }
  } catch (e) {
    if (!(e instanceof PackFolderError)) throw e;
    diags.report(/is locked by/.test(e.message) ? 'pack-locked' : 'pack-write-failed', e.message, {
      place: { file: e.path },
      hint: e.hint,
    });
    return { diagnostics: diags };
  } finally {
    release?.();
  }
}

/** "a, b and c", or the first five and how many more. */
function listed(items: readonly string[]): string {
  const shown = items.length > 5 ? [...items.slice(0, 5), `${items.length - 5} more`] : [...items];
  return shown.length > 1 ? `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}` : shown[0]!;
}

/**
 * The PDFs of `reports` (Word reports; `ms` their models, in order), as pack files in that order,
 * from an archived pack of `dirs` that this LibreOffice and this boardpack made: a pack listing
 * these very reports as outputs, or a <period>-pdf folder listing them as inputs, each by its
 * SHA-256. Undefined unless every report's PDF is there.
 */
function pdfsArchivedFor(
  reports: readonly PackFile[],
  ms: readonly ReportModel[],
  version: string,
  dirs: readonly string[],
): PackFile[] | undefined {
  for (const dir of dirs) {
    const there = inspectPack(dir);
    if (there.state !== 'folder') continue;
    const existing = entriesOf(there);
    const own = checkArchived(existing);
    // The same LibreOffice and the same boardpack (whose export settings could change).
    if (own.kind !== 'as-archived' || own.manifest.tool.pdf !== version || own.manifest.tool.version !== toolVersion()) continue;
    const words = new Map(
      [...own.manifest.outputs, ...own.manifest.inputs]
        .filter((f) => f.path.endsWith(DOCX.extension))
        .map((f) => [path.posix.basename(f.path), f.sha256]),
    );
    const pdfs: PackFile[] = [];
    for (const [i, r] of reports.entries()) {
      const name = fileNameOf(ms[i]!, PDF);
      const pdf = existing.get(name);
      if (words.get(r.name) !== sha256(r.bytes) || !pdf) break;
      pdfs.push({ name, bytes: pdf });
    }
    if (pdfs.length === reports.length) return pdfs;
  }
  return undefined;
}

/** What to do about a <folder>-pdf that holds other PDFs of the same reports. */
function pdfHint(v: Extract<Existing, { kind: 'different' }>): string {
  return v.pdfTool
    ? `its PDFs were made by ${v.pdfTool.archived}, and this is ${v.pdfTool.now}: use that one to rebuild them byte for byte`
    : 'a PDF depends on the LibreOffice and the fonts it finds: build where it was built to rebuild it byte for byte; check it with boardpack verify';
}
