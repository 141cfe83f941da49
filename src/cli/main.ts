#!/usr/bin/env node
/**
 * The command line: parses arguments, calls the pipeline, prints, and maps the outcome to the
 * exit code (0 done; 1 the input or the archive is wrong; 2 the command line is wrong).
 */
import { Command, CommanderError, Option } from 'commander';
import { formatReport, formatSummary, type Diagnostics } from '../diagnostics/index.js';
import { build, validate } from '../pipeline/build.js';
import { toolVersion } from '../io/tool.js';

const EXIT = { done: 0, input: 1, usage: 2 } as const;

function printDiagnostics(diags: Diagnostics): void {
  if (diags.all.length === 0) return;
  process.stderr.write(`${formatReport(diags.all)}\n`);
}

function periodOption(): Option {
  return new Option('--period <YYYY-MM>', 'the month to report on (default: period in config.yml)').argParser((v) => {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(v)) throw new CommanderError(EXIT.usage, 'boardpack.period', `--period must be a month written YYYY-MM, got "${v}"`);
    return v;
  });
}

function program(): Command {
  const p = new Command('boardpack')
    .description('Improvement-board and scrutiny committee packs from an Ofsted improvement plan, findings and a performance export')
    .version(toolVersion())
    .showHelpAfterError('(run boardpack --help for usage)')
    .exitOverride();

  p.command('build')
    .description('build the pack: validate every input, then write packs/<period>/ with its reports and manifest')
    .option('-c, --config <file>', 'the working folder\'s config file', 'config.yml')
    .addOption(periodOption())
    .option('--reissue', 'write a corrected pack beside an archived one for the same period')
    .action(async (opts: { config: string; period?: string; reissue?: boolean }) => {
      const result = await build({ configPath: opts.config, ...(opts.period ? { period: opts.period } : {}), reissue: opts.reissue ?? false });
      printDiagnostics(result.diagnostics);
      if (result.diagnostics.hasErrors || !result.packDir) {
        process.stderr.write(`build failed: ${formatSummary(result.diagnostics.all)}; nothing was written\n`);
        process.exitCode = EXIT.input;
        return;
      }
      const verb = result.unchanged ? 'already built, identical:' : 'wrote';
      process.stdout.write(`${verb} ${result.packDir}/\n`);
      for (const f of result.files ?? []) {
        process.stdout.write(`  ${f.name.padEnd(40)} ${String(f.bytes).padStart(8)} bytes  sha256 ${f.sha256.slice(0, 16)}\n`);
      }
      if (result.diagnostics.warningCount > 0) process.stdout.write(`${formatSummary(result.diagnostics.all)}\n`);
    });

  p.command('validate')
    .description('run every check of build and write nothing')
    .option('-c, --config <file>', 'the working folder\'s config file', 'config.yml')
    .addOption(periodOption())
    .action(async (opts: { config: string; period?: string }) => {
      const diags = await validate({ configPath: opts.config, ...(opts.period ? { period: opts.period } : {}) });
      printDiagnostics(diags);
      const summary = formatSummary(diags.all);
      if (diags.hasErrors) {
        process.stderr.write(`invalid: ${summary}\n`);
        process.exitCode = EXIT.input;
      } else {
        process.stdout.write(`valid: ${summary}\n`);
      }
    });
  return p;
}

async function main(argv: string[]): Promise<void> {
  try {
    await program().parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version exit 0 through here; every other commander error is a usage error.
      process.exitCode = e.exitCode === 0 ? EXIT.done : EXIT.usage;
      if (e.code === 'boardpack.period') process.stderr.write(`error: ${e.message}\n`);
      return;
    }
    process.stderr.write(`internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\nThis is a bug in boardpack, not in your inputs; please report it with the command you ran.\n`);
    process.exitCode = EXIT.input;
  }
}

await main(process.argv);
