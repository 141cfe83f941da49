/**
 * The command line: parses arguments, calls the pipeline, prints, and maps the outcome to the
 * exit code (0 done; 1 the input or the archive is wrong; 2 the command line is wrong). It
 * writes only to the streams it is given, so the tests run it in-process as main.ts does.
 */
import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { Diagnostics, formatReport, formatSummary } from '../diagnostics/index.js';
import { formatMatchTable } from './match-table.js';
import { progressLine, type ProgressStream } from './progress.js';
import { toolVersion } from '../io/tool.js';
import type { BuildResult } from '../pipeline/build.js';
import { isCalendarDate, PERIOD_PATTERN } from '../model/period.js';
import { FINDING_KINDS, type FindingKind } from '../model/schemas.js';

const EXIT = { done: 0, input: 1, usage: 2 } as const;

// Each command loads the stages it uses when it runs: the workbook and PDF readers alone take
// over half a second to load, which `--help`, `match` and `findings import` need not wait for.
const pipeline = () => import('../pipeline/build.js');

function periodOption(): Option {
  return new Option('--period <YYYY-MM>', 'the month to report on (default: period in config.yml)').argParser((v) => {
    if (!PERIOD_PATTERN.test(v))
      throw new CommanderError(EXIT.usage, 'boardpack.period', `--period must be a month written YYYY-MM, got "${v}"`);
    return v;
  });
}

/** A file given on the command line: an empty one ("") is a usage error, not the current folder. */
function fileArg(what: string, kind: 'file' | 'folder' = 'file'): (v: string) => string {
  return (v) => {
    if (v.trim() === '') throw new CommanderError(EXIT.usage, 'boardpack.usage', `${what} is empty: give the path of a ${kind}`);
    return v;
  };
}

function fileOption(flags: string, description: string, defaultValue?: string): Option {
  const o = new Option(flags, description).argParser<string>(fileArg(flags.replace(/^-\w, /, '').replace(/ <.*$/, '')));
  return defaultValue === undefined ? o : o.default(defaultValue);
}

const configOption = () => fileOption('-c, --config <file>', "the working folder's config file", 'config.yml');

/** "2 reports", or "2 reports in 4 files (Word and PDF)" for a pack built with --pdf. */
function reportsIn(outputs: readonly { readonly path: string; readonly report: string }[]): string {
  const n = new Set(outputs.map((o) => o.report)).size;
  const reports = `${n} report${n === 1 ? '' : 's'}`;
  return outputs.length === n ? reports : `${reports} in ${outputs.length} files (Word and PDF)`;
}

/** Where a run of the command line writes: the process's streams, or a test's. */
export interface CliIO {
  readonly stdout: { write(text: string): unknown };
  /** A terminal's stderr also shows the progress line of a build (progress.ts). */
  readonly stderr: ProgressStream;
}

function program(io: CliIO, exit: { code: number }): Command {
  const printDiagnostics = (diags: Diagnostics) => {
    if (diags.all.length > 0) io.stderr.write(`${formatReport(diags)}\n`);
  };
  const p = new Command('boardpack')
    .description('Improvement-board and scrutiny committee packs from an Ofsted improvement plan, findings and a performance export')
    .version(toolVersion())
    .showHelpAfterError('(run boardpack --help for usage)')
    .configureOutput({ writeOut: (t) => io.stdout.write(t), writeErr: (t) => io.stderr.write(t) })
    .exitOverride();

  p.command('build')
    .description('build the pack: validate every input, then write packs/<period>/ with its reports and manifest')
    .addOption(configOption())
    .addOption(periodOption())
    .option('--pdf', 'also write each report as PDF/A, tagged for screen readers (needs LibreOffice)')
    .option('--reissue', 'write a corrected pack beside an archived one for the same period')
    .action(async (opts: { config: string; period?: string; pdf?: boolean; reissue?: boolean }) => {
      const line = progressLine(io.stderr);
      let result: BuildResult;
      try {
        const { build } = await pipeline();
        result = await build({
          configPath: opts.config,
          ...(opts.period ? { period: opts.period } : {}),
          reissue: opts.reissue ?? false,
          pdf: opts.pdf ?? false,
          onWait: (message) => {
            line.clear();
            io.stderr.write(`note: ${message}\n`);
          },
          progress: line.update,
        });
      } finally {
        line.clear();
      }
      printDiagnostics(result.diagnostics);
      if (result.diagnostics.hasErrors || !result.packDir) {
        io.stderr.write(`build failed: ${formatSummary(result.diagnostics)}; nothing was written\n`);
        exit.code = EXIT.input;
        return;
      }
      const verb = result.unchanged ? 'already built, identical:' : 'wrote';
      io.stdout.write(`${verb} ${result.packDir}/\n`);
      for (const f of result.files ?? []) {
        io.stdout.write(`  ${f.name.padEnd(40)} ${String(f.bytes).padStart(8)} bytes  sha256 ${f.sha256.slice(0, 16)}\n`);
      }
      if (result.diagnostics.warningCount > 0) io.stdout.write(`${formatSummary(result.diagnostics)}\n`);
    });

  p.command('validate')
    .description('run every check of build and write nothing')
    .addOption(configOption())
    .addOption(periodOption())
    .action(async (opts: { config: string; period?: string }) => {
      const line = progressLine(io.stderr);
      let diags: Diagnostics;
      try {
        const { validate } = await pipeline();
        diags = await validate({ configPath: opts.config, ...(opts.period ? { period: opts.period } : {}), progress: line.update });
      } finally {
        line.clear();
      }
      printDiagnostics(diags);
      const summary = formatSummary(diags);
      if (diags.hasErrors) {
        io.stderr.write(`invalid: ${summary}\n`);
        exit.code = EXIT.input;
      } else {
        io.stdout.write(`valid: ${summary}\n`);
      }
    });
  p.command('match')
    .description('match actions without answers: to the findings they answer; review, print as JSON, or write them into the plan')
    .addOption(configOption())
    .addOption(fileOption('--plan <file>', 'match this plan instead of the one in config.yml'))
    .addOption(
      new Option('--findings <files...>', 'match against these registers instead of those the plan names').argParser(
        (v: string, previous: string[] | undefined) => [...(previous ?? []), fileArg('--findings')(v)],
      ),
    )
    .option('--json', 'print the matches as JSON')
    .option(
      '--write',
      'add the confident matches to the plan as answers:, keeping its comments and layout (possible ones are left for you to decide)',
    )
    .action(async (opts: { config: string; plan?: string; findings?: string[]; json?: boolean; write?: boolean }) => {
      const { runMatch } = await import('../pipeline/match.js');
      const outcome = await runMatch({
        configPath: opts.config,
        ...(opts.plan ? { plan: opts.plan } : {}),
        ...(opts.findings ? { findings: opts.findings } : {}),
        write: opts.write ?? false,
      });
      printDiagnostics(outcome.diagnostics);
      if (outcome.diagnostics.hasErrors || !outcome.report) {
        io.stderr.write(`match failed: ${formatSummary(outcome.diagnostics)}\n`);
        exit.code = EXIT.input;
        return;
      }
      if (opts.json) {
        io.stdout.write(`${JSON.stringify(outcome.report, null, 2)}\n`);
        return;
      }
      io.stdout.write(formatMatchTable(outcome.report, outcome.findings ?? []));
      if (outcome.written) {
        io.stdout.write(
          outcome.written.actions.length === 0
            ? 'nothing to write: no action was matched\n'
            : `wrote answers: for ${outcome.written.actions.join(', ')} into ${outcome.written.file}\n`,
        );
      }
    });

  p.command('init')
    .description('make a new working folder holding the bundled example, laid out as a council keeps one, that builds at once')
    .argument('<folder>', 'the folder to make: one that does not exist yet, or an empty one', fileArg('the folder', 'folder'))
    .action(async (dir: string) => {
      const { initFolder } = await import('../pipeline/init.js');
      const diags = new Diagnostics();
      const made = initFolder(dir, diags);
      printDiagnostics(diags);
      if (!made) {
        io.stderr.write(`init failed: ${formatSummary(diags)}; nothing was written\n`);
        exit.code = EXIT.input;
        return;
      }
      const top = [...new Set(made.files.map((f) => f.replace(/\/.*$/, '/')))];
      io.stdout.write(`wrote ${dir}/: ${top.join(', ')} (${made.files.length} files)\n`);
      io.stdout.write(
        `it holds the fictional Wexcombe example: cd ${dir} && boardpack build makes its pack at once;\n` +
          'then put your council, period and dates in config.yml, your plan in plan.yml, your registers in findings/\n' +
          '(boardpack findings import) and your export as performance.xlsx\n',
      );
    });

  p.command('verify')
    .description('check an archived pack: every file its manifest lists, unchanged, nothing else, and every report readable')
    .argument('<pack folder>', 'the folder of one pack, such as packs/2026-10', fileArg('the pack folder', 'folder'))
    .action(async (dir: string) => {
      const { packFolderName, verifyPack } = await import('../pipeline/archived.js');
      const diags = new Diagnostics();
      const pack = verifyPack(dir, diags);
      printDiagnostics(diags);
      if (!pack) {
        io.stderr.write(`verify failed: ${formatSummary(diags)}; the pack is not as archived, or not a pack\n`);
        exit.code = EXIT.input;
        return;
      }
      const m = pack.manifest;
      const reissue = m.reissue ? `, reissue ${m.reissue}` : '';
      const what = m.pdfOf ? `the PDFs of ${m.council}'s pack ${m.pdfOf}` : `the pack of ${m.council} for ${m.period}${reissue}`;
      const pdfBy = m.tool.pdf ? `, PDFs by ${m.tool.pdf}` : '';
      io.stdout.write(`${dir}: ${what}, dated ${m.packDate}, built by boardpack ${m.tool.version}${pdfBy}\n`);
      const named = packFolderName(m);
      if (path.basename(path.resolve(dir)) !== named)
        io.stdout.write(`note: its manifest names this folder ${named}: it was renamed, and build will not find it under this name\n`);
      for (const o of pack.outputs)
        io.stdout.write(`  ${o.path.padEnd(40)} ${String(o.bytes).padStart(8)} bytes  sha256 ${o.sha256.slice(0, 16)}\n`);
      io.stdout.write(
        `as archived: ${reportsIn(pack.outputs)}, each file with the SHA-256 its manifest lists, nothing added\n` +
          `manifest.json sha256 ${pack.manifestSha256}\n` +
          '  (a manifest cannot list its own digest: compare this with the one kept when the pack was built)\n',
      );
    });

  p.command('list')
    .description('list the archived packs in the output folder, and whether each is as archived')
    .addOption(configOption())
    .action(async (opts: { config: string }) => {
      const [{ loadOutputDir }, { listPacks }] = await Promise.all([
        import('../pipeline/load-inputs.js'),
        import('../pipeline/archived.js'),
      ]);
      const diags = new Diagnostics();
      const outputDir = loadOutputDir(opts.config, diags);
      const packs = outputDir === undefined ? undefined : listPacks(outputDir, diags);
      printDiagnostics(diags);
      if (!packs || diags.hasErrors) {
        io.stderr.write(`list failed: ${formatSummary(diags)}\n`);
        exit.code = EXIT.input;
        return;
      }
      if (packs.length === 0) {
        io.stdout.write(`no packs in ${outputDir}/ yet: boardpack build writes one\n`);
        return;
      }
      const width = Math.max(16, ...packs.map((k) => k.folder.length));
      const verify = (folder: string) => `boardpack verify ${path.join(outputDir ?? '', folder)}`;
      io.stdout.write(`${'pack'.padEnd(width)} ${'council'.padEnd(24)} ${'dated'.padEnd(10)}  reports  state\n`);
      for (const k of packs) {
        const problems = `${k.problems} file${k.problems === 1 ? '' : 's'} changed, missing or added`;
        const state = {
          'as-archived': k.namedInManifest
            ? `as archived, but its manifest names it ${k.namedInManifest}: the folder was renamed, and build will not see it`
            : 'as archived',
          'not-as-archived': `NOT as archived: ${problems} (${verify(k.folder)})`,
          'manifest-unreadable': `NOT as archived: its manifest.json cannot be read (${verify(k.folder)})`,
          'manifest-missing': `NOT as archived: named as a pack, but it has no manifest.json (${verify(k.folder)})`,
          'not-a-pack': 'not a pack (no manifest.json); not checked',
          link: `${k.what ?? 'a link'}: not checked; verify the folder it points to`,
        }[k.state];
        const m = k.manifest;
        const council = m ? (m.council.length > 24 ? `${m.council.slice(0, 23)}…` : m.council) : '';
        io.stdout.write(
          `${k.folder.padEnd(width)} ${council.padEnd(24)} ${(m?.packDate ?? '').padEnd(10)}  ${(m ? String(new Set(m.outputs.map((o) => o.report)).size) : '').padStart(7)}  ${state}\n`,
        );
      }
      const bad = packs.filter((k) => k.state !== 'as-archived' && k.state !== 'not-a-pack' && k.state !== 'link').length;
      if (bad > 0) exit.code = EXIT.input;
    });

  const findings = p.command('findings').description('findings registers');
  findings
    .command('import')
    .description('read an Ofsted report or letter (.pdf or .txt) and write its findings register')
    .argument('<report>', 'the publication: the PDF Ofsted publishes, or its text', fileArg('the report'))
    .requiredOption('--id <ID>', 'short id of the publication, e.g. ILACS-2025; finding ids are <ID>-<ref>')
    .addOption(fileOption('--out <file>', 'where to write the register (default: findings/<ID>.yml)'))
    .option('--title <text>', 'the publication title, when the report does not give it clearly')
    .addOption(
      new Option('--published <YYYY-MM-DD>', 'the publication date, when the report does not give it clearly').argParser((v) => {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(v))
          throw new CommanderError(EXIT.usage, 'boardpack.usage', `--published must be a date written YYYY-MM-DD, got "${v}"`);
        if (!isCalendarDate(v)) throw new CommanderError(EXIT.usage, 'boardpack.usage', `--published ${v} is not a date in the calendar`);
        return v;
      }),
    )
    .addOption(new Option('--kind <kind>', 'override the kind of publication').choices(FINDING_KINDS))
    .action(async (report: string, opts: { id: string; out?: string; title?: string; published?: string; kind?: FindingKind }) => {
      if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(opts.id)) {
        throw new CommanderError(EXIT.usage, 'boardpack.usage', `--id may hold only letters, digits, ".", "-" and "_", got "${opts.id}"`);
      }
      const diags = new Diagnostics();
      const { importFindings } = await import('../findings/import.js');
      const outcome = await importFindings({ file: report, ...opts }, diags);
      printDiagnostics(diags);
      if (diags.hasErrors || !outcome.out) {
        io.stderr.write(`import failed: ${formatSummary(diags)}; nothing was written\n`);
        exit.code = EXIT.input;
        return;
      }
      const r = outcome.register!;
      const sections = [...new Set(r.findings.map((f) => f.section))];
      io.stdout.write(
        `wrote ${outcome.out}: ${r.findings.length} finding${r.findings.length === 1 ? '' : 's'} from ${r.source.kind} "${r.source.title}" (${r.source.published})\n`,
      );
      for (const sec of sections)
        io.stdout.write(
          `  ${sec}: ${r.findings
            .filter((f) => f.section === sec)
            .map((f) => f.ref)
            .join(', ')}\n`,
        );
      for (const n of outcome.notes) io.stdout.write(`  note: ${n}\n`);
    });
  return p;
}

/** Runs the command line on `argv` (as process.argv: node, script, then the arguments) and gives its exit code. */
export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const exit = { code: EXIT.done as number };
  try {
    await program(io, exit).parseAsync([...argv]);
    return exit.code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'boardpack.period' || e.code === 'boardpack.usage') io.stderr.write(`error: ${e.message}\n`);
      // Help and version exit 0 through here; every other commander error is a usage error.
      return e.exitCode === 0 ? EXIT.done : EXIT.usage;
    }
    io.stderr.write(
      `internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\nThis is a bug in boardpack, not in your inputs; please report it with the command you ran.\n`,
    );
    return EXIT.input;
  }
}
