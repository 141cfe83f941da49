/**
 * The hostile corpus of issue 11: what a careless or unlucky user types, each case an edit of
 * the bundled example (big inputs are generated when the case runs), with what boardpack must
 * do about it. Run them with `npm run hostile` (.ci/run does, after `npm test`).
 */
import { spawnSync } from 'node:child_process';
import {
  appendFileSync,
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import type { Workspace } from '../helpers/workspace.js';
import type { HostileCase, Outcome } from './harness.js';
import { CLI, cli, giveToNobody, packsWellFormed, reportText } from './harness.js';
import { generateSheet, setNumber, setText } from './xlsx.js';

const PLAN = 'examples/wexcombe/plan.yml';
const BODY = 'templates/improvement-board/body.hbs';

/** Rewrites a file of the workspace as bytes. */
const writeBytes = (w: Workspace, rel: string, bytes: Uint8Array) => writeFileSync(path.join(w.dir, rel), bytes);
const utf16 = (text: string, bom: boolean, bigEndian = false) => {
  const le = Buffer.from(`${bom ? '\uFEFF' : ''}${text}`, 'utf16le');
  return bigEndian ? le.swap16() : le;
};

/** Builds the example as it stands, before the case breaks something. */
const buildNow = (w: Workspace, ...args: string[]) => {
  const r = spawnSync(process.execPath, [CLI, 'build', ...args], { cwd: w.dir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`the case's first build failed: ${r.stderr}`);
};
const PACK = 'packs/2026-10';
/** The warnings of the example, which a run that fails at the archive must still print. */
const STILL_WARNS = /plan\.yml:\d+:\d+ warning: action P4\.4 was due 2026-05-31/;

/** The pack is archived, every part well-formed, and the report says `text`. */
const archivedSaying = (text: string) => (w: Workspace) => {
  const problems = packsWellFormed(w);
  if (problems.length === 0 && !reportText(w, 'improvement-board-2026-10.docx').includes(text))
    problems.push(`the report does not say "${text}"`);
  return problems;
};

export const CASES: HostileCase[] = [
  {
    id: 'example',
    area: 'messages',
    was: 'the baseline: the bundled example, untouched',
    exit: 0,
    output: [/^wrote packs\/2026-10\/$/m],
    check: (w) => packsWellFormed(w),
  },

  // ---- characters XML forbids, from every input that reaches a report
  {
    id: 'xml-council-fffe',
    area: 'xml',
    was: 'a U+FFFE in council made word/document.xml and docProps/core.xml invalid XML, archived with exit 0',
    setup: (w) => w.edit('config.yml', 'council: Wexcombe City Council', 'council: "Wexcombe\\uFFFE City Council"'),
    exit: 0,
    output: [
      /^config\.yml:4:10 warning: this text holds U\+FFFE \(not a character\), a character a Word document cannot hold; it is removed \[text-forbidden-character\]/m,
    ],
    check: archivedSaying('Wexcombe City Council'),
  },
  {
    id: 'xml-council-control',
    area: 'xml',
    was: 'a control character typed into council made both reports unopenable',
    setup: (w) => w.edit('config.yml', 'council: Wexcombe City Council', 'council: Wexcombe City\u0001 Council'),
    exit: 0,
    output: [/^config\.yml:4:23 warning: this text holds U\+0001 \(a control character\)/m],
    check: archivedSaying('Wexcombe City Council'),
  },
  {
    id: 'xml-indicator-name-config',
    area: 'xml',
    was: 'a U+FFFF in an indicator name in config.yml made the reports invalid XML',
    setup: (w) =>
      w.edit(
        'config.yml',
        'name: Re-referrals within 12 months of a previous referral',
        'name: "Re-referrals\\uFFFF within 12 months of a previous referral"',
      ),
    exit: 0,
    output: [/^config\.yml:21:11 warning: this text holds U\+FFFF/m],
    check: archivedSaying('Re-referrals within 12 months of a previous referral'),
  },
  {
    id: 'xml-indicator-name-sheet',
    area: 'xml',
    was: "a control character in the export's name column reached the reports",
    setup: (w) => {
      w.edit('config.yml', '    name: Re-referrals within 12 months of a previous referral\n', '');
      setText(w, 'B4', 'Re-referrals_x0008_ within 12 months');
    },
    exit: 0,
    output: [/^examples\/wexcombe\/performance\.xlsx Scorecard!B4 warning: this text holds U\+0008 \(a control character\)/m],
    check: archivedSaying('Re-referrals within 12 months'),
  },
  {
    id: 'xml-meeting-title',
    area: 'xml',
    was: 'a vertical tab in a meeting title went into the core properties (docProps/core.xml)',
    setup: (w) =>
      w.edit(
        'config.yml',
        "title: Wexcombe Children's Services Improvement Board",
        'title: "Wexcombe Children\'s Services\\v Improvement Board"',
      ),
    exit: 0,
    output: [/^config\.yml:\d+:14 warning: this text holds U\+000B \(a control character\)/m],
    check: archivedSaying('Services Improvement Board'),
  },
  {
    id: 'xml-plan-action',
    area: 'xml',
    was: 'plan text with a control character was cleaned without a word',
    setup: (w) => w.edit(PLAN, /action: Put a consultant social worker([^\n]*)/, 'action: "Put a consultant\\a social worker$1"'),
    exit: 0,
    output: [/^examples\/wexcombe\/plan\.yml:15:17 warning: this text holds U\+0007 \(a control character\)/m],
    check: archivedSaying('Put a consultant social worker on every'),
  },
  {
    id: 'xml-template-text',
    area: 'xml',
    was: 'a U+FFFF pasted into a template reached the report',
    setup: (w) => w.edit(BODY, /^# (.+)$/m, '# $1\uFFFF'),
    exit: 0,
    output: [/^templates\/improvement-board\/body\.hbs:\d+:\d+ warning: this text holds U\+FFFF/m],
    check: (w) => packsWellFormed(w),
  },
  {
    id: 'xml-lone-surrogate',
    area: 'xml',
    was: 'half a surrogate pair in council became U+FFFD in the report',
    setup: (w) => w.edit('config.yml', 'council: Wexcombe City Council', 'council: "Wexcombe\\uD800 City Council"'),
    exit: 0,
    output: [/^config\.yml:4:10 warning: this text holds U\+D800 \(half a surrogate pair\)/m],
    check: archivedSaying('Wexcombe City Council'),
  },

  // ---- figures: finite, in range for their unit, a decimal comma read as one
  {
    id: 'value-1e308',
    area: 'values',
    was: 'an export value of 1e308 printed "Infinity%" and "+Infinity points"',
    setup: (w) => setNumber(w, 'K9', '1e308'),
    exit: 1,
    output: [
      /Scorecard!K9 error: CSC06 2026-05: 1e\+308 \(a fraction shown as a percentage\) is too large to be a value of any indicator \[indicator-value-out-of-range\]/,
    ],
    notOutput: [/Infinity/],
  },
  {
    id: 'value-nan',
    area: 'values',
    was: 'NaN printed "NaN%", was Red and "worsened three months running"',
    setup: (w) => setNumber(w, 'P4', 'NaN'),
    exit: 1,
    output: [/Scorecard!P4 error: CSC01 2026-10: "NaN" is not a number \[indicator-value-unreadable\]/],
  },
  {
    id: 'value-infinity',
    area: 'values',
    was: 'a cell holding Infinity was shown as a figure',
    setup: (w) => setNumber(w, 'P5', 'Infinity'),
    exit: 1,
    output: [/Scorecard!P5 error: CSC02 2026-10: "Infinity" is not a number \[indicator-value-unreadable\]/],
  },
  {
    id: 'value-decimal-comma',
    area: 'values',
    was: 'the text "12,5" was read as 125 and shown as "125.0%" Green',
    setup: (w) => setText(w, 'P4', '12,5'),
    exit: 0,
    output: [/Scorecard!P4 warning: CSC01 2026-10: "12,5" read as 12\.5 \(a decimal comma\) \[indicator-value-comma\]/],
    check: (w) => {
      const text = reportText(w, 'improvement-board-2026-10.docx');
      return [
        ...(text.includes('12.5%') ? [] : ['the report does not show 12.5%']),
        ...(/125\.0%/.test(text) ? ['the report shows 125.0%'] : []),
      ];
    },
  },
  {
    id: 'value-percent-over-100',
    area: 'values',
    was: 'a percentage over 100 passed',
    setup: (w) => setNumber(w, 'P4', '1.5'),
    exit: 1,
    output: [
      /Scorecard!P4 error: CSC01 2026-10: 150% is above 100, the most a percentage can be \[indicator-value-out-of-range\]/,
      /hint: .*give it min: or max: in the catalogue/,
    ],
  },
  {
    id: 'value-over-100-allowed',
    area: 'values',
    was: 'percentages 0 to 100 unless the catalogue says otherwise: here it does (max: 200)',
    setup: (w) => {
      w.edit(
        'config.yml',
        '    target: 22\n    tolerance: 2\n    comparators: { england: 22.4',
        '    target: 22\n    tolerance: 2\n    max: 200\n    comparators: { england: 22.4',
      );
      setNumber(w, 'P4', '1.5');
    },
    exit: 0,
    check: archivedSaying('150.0%'),
  },
  {
    id: 'value-negative-count',
    area: 'values',
    was: 'a negative count passed',
    setup: (w) => setNumber(w, 'P16', '-3'),
    exit: 1,
    output: [/Scorecard!P16 error: CSC13 2026-10: -3 is below 0, the least a caseload can be \[indicator-value-out-of-range\]/],
  },
  {
    id: 'value-target-over-100',
    area: 'values',
    was: 'a target no percentage can reach passed',
    setup: (w) => w.edit('config.yml', 'target: 95\n    tolerance: 5\n  - id: CSC03', 'target: 950\n    tolerance: 5\n  - id: CSC03'),
    exit: 1,
    output: [
      /^config\.yml:\d+:13 error: indicator CSC02: target 950 is above 100, the most a percentage can be \[indicator-value-out-of-range\]/m,
    ],
  },

  // ---- dates against the period
  {
    id: 'packdate-before-period-end',
    area: 'values',
    was: 'a packDate before the end of the reported month built without a word',
    setup: (w) => w.edit('config.yml', 'packDate: 2026-11-12', 'packDate: 2026-10-15'),
    exit: 1,
    output: [
      /^config\.yml:6:11 error: packDate 2026-10-15 is not after the end of the period 2026-10, 2026-10-31: the month's figures cannot be complete and overdue actions would be judged too early \[config-date-before-period-end\]/m,
    ],
  },
  {
    id: 'period-option-not-over',
    area: 'values',
    was: '--period for a month not over on the pack date',
    args: () => ['build', '--period', '2026-11'],
    exit: 1,
    output: [/^config\.yml:6:11 error: packDate 2026-11-12 is not after the end of the period 2026-11 \(from --period\), 2026-11-30/m],
  },
  {
    id: 'meeting-before-period-end',
    area: 'values',
    was: 'a meeting dated before the month it considers is over',
    setup: (w) => w.edit('config.yml', 'date: 2026-11-19', 'date: 2026-10-29'),
    exit: 1,
    output: [
      /^config\.yml:\d+:13 error: report improvement-board: the meeting on 2026-10-29 is not after the end of the period 2026-10, 2026-10-31/m,
    ],
  },
  {
    id: 'meeting-before-packdate',
    area: 'values',
    was: 'a meeting held before the pack is issued',
    setup: (w) => w.edit('config.yml', 'date: 2026-11-19', 'date: 2026-11-05'),
    exit: 0,
    output: [
      /^config\.yml:\d+:13 warning: report improvement-board: the meeting on 2026-11-05 is before packDate 2026-11-12; the pack would reach it after it has met \[config-date-late\]/m,
    ],
  },
  {
    id: 'next-meeting-before-meeting',
    area: 'values',
    was: 'a next meeting dated before the meeting',
    setup: (w) => w.edit('config.yml', 'next: 2026-12-17', 'next: 2026-10-17'),
    exit: 1,
    output: [/^config\.yml:\d+:13 error: report improvement-board: the next meeting, 2026-10-17, is not after this one, 2026-11-19/m],
  },

  // ---- messages that say what to do
  {
    id: 'id-1.10',
    area: 'messages',
    was: '`id: 1.10` said "got number 1.1" with no hint to quote it',
    setup: (w) => w.edit(PLAN, '      - id: P1.1\n', '      - id: 1.10\n'),
    exit: 1,
    output: [
      /plan\.yml:14:13 error: `actions\[0\]\.id` of P1 expected an id \(text\), got number 1\.1 \(written 1\.10\) \[schema-invalid-type\]/,
      /hint: YAML reads 1\.10 as a number; put it in quotes, '1\.10', to keep it as text/,
    ],
  },

  // ---- paths
  {
    id: 'output-absolute',
    area: 'paths',
    was: 'an absolute output: such as /srv/packs was joined under the config folder',
    setup: (w) => w.edit('config.yml', 'output: packs', `output: ${path.join(w.dir, 'srv', 'packs')}`),
    exit: 0,
    output: [/^wrote \/.*\/srv\/packs\/2026-10\/$/m],
    check: (w) => [
      ...(existsSync(path.join(w.dir, 'srv', 'packs', '2026-10', 'manifest.json')) ? [] : ['no pack in <workspace>/srv/packs']),
      ...(existsSync(path.join(w.dir, w.dir.slice(1))) ? ['the pack went under the config folder'] : []),
    ],
  },
  {
    id: 'plan-absolute',
    area: 'paths',
    was: 'an absolute plan: path that exists was reported missing',
    setup: (w) => {
      renameSync(path.join(w.dir, 'examples'), path.join(w.dir, 'elsewhere'));
      w.edit('config.yml', 'plan: examples/wexcombe/plan.yml', `plan: ${path.join(w.dir, 'elsewhere/wexcombe/plan.yml')}`);
      w.edit('config.yml', 'file: examples/wexcombe/performance.xlsx', `file: ${path.join(w.dir, 'elsewhere/wexcombe/performance.xlsx')}`);
    },
    exit: 0,
    output: [/^wrote packs\/2026-10\/$/m],
  },
  {
    id: 'plan-is-a-device',
    area: 'paths',
    was: 'an input that is a device would be read for ever',
    setup: (w) => w.edit('config.yml', 'plan: examples/wexcombe/plan.yml', 'plan: /dev/zero'),
    exit: 1,
    output: [/^config\.yml:7:7 error: plan \/dev\/zero is not a regular file \(a device or a pipe\?\) \[file-unreadable\]/m],
  },
  {
    id: 'match-write-symlink',
    area: 'paths',
    was: 'match --write replaced a symlinked plan with a regular file, leaving the file it pointed to unchanged',
    setup: (w) => {
      renameSync(path.join(w.dir, PLAN), path.join(w.dir, 'examples/wexcombe/plan-2026.yml'));
      symlinkSync('plan-2026.yml', path.join(w.dir, PLAN));
    },
    args: () => ['match', '--write'],
    exit: 0,
    output: [/wrote answers: for P4\.3 into examples\/wexcombe\/plan\.yml/],
    check: (w) => [
      ...(lstatSync(path.join(w.dir, PLAN)).isSymbolicLink() ? [] : ['the link was replaced by a file']),
      ...(readFileSync(path.join(w.dir, 'examples/wexcombe/plan-2026.yml'), 'utf8').includes('suggested by boardpack match')
        ? []
        : ['the file the link names was not changed']),
    ],
  },
  {
    id: 'match-write-keeps-mode',
    area: 'paths',
    was: "match --write changed the plan's mode to 0644",
    setup: (w) => chmodSync(path.join(w.dir, PLAN), 0o640),
    args: () => ['match', '--write'],
    exit: 0,
    output: [/wrote answers: for P4\.3/],
    check: (w) => {
      const mode = statSync(path.join(w.dir, PLAN)).mode & 0o777;
      return mode === 0o640 ? [] : [`mode is now ${mode.toString(8)}`];
    },
  },
  {
    id: 'match-write-read-only',
    area: 'paths',
    was: 'match --write replaced a read-only plan',
    setup: (w) => chmodSync(path.join(w.dir, PLAN), 0o444),
    args: () => ['match', '--write'],
    exit: 1,
    output: [/^examples\/wexcombe\/plan\.yml error: examples\/wexcombe\/plan\.yml is read-only; nothing was written \[plan-not-written\]/m],
    check: (w) => {
      const problems: string[] = [];
      if (readFileSync(path.join(w.dir, PLAN), 'utf8').includes('suggested by boardpack match'))
        problems.push('the read-only plan was changed');
      if ((statSync(path.join(w.dir, PLAN)).mode & 0o777) !== 0o444) problems.push('its mode changed');
      return problems;
    },
  },

  // ---- the archive
  {
    id: 'two-builds-at-once',
    area: 'archive',
    was: 'two builds into one output folder: one died with ENOTEMPTY, the other archived a pack missing a report its manifest lists',
    run: async (w): Promise<Outcome> => {
      const runs = await Promise.all([cli(w, ['build']), cli(w, ['build']), cli(w, ['build'])]);
      return {
        exit: Math.max(...runs.map((r) => r.exit ?? 99)),
        signal: runs.find((r) => r.signal)?.signal ?? null,
        stdout: runs.map((r) => r.stdout).join('\n'),
        stderr: runs.map((r) => r.stderr).join('\n'),
        ms: Math.max(...runs.map((r) => r.ms)),
      };
    },
    exit: 0,
    check: (w, o) => {
      const problems: string[] = [];
      const wrote = o.stdout.match(/^wrote packs\/2026-10\/$/gm)?.length ?? 0;
      const same = o.stdout.match(/^already built, identical: packs\/2026-10\/$/gm)?.length ?? 0;
      if (wrote !== 1 || same !== 2) problems.push(`${wrote} wrote and ${same} found it built; expected 1 and 2`);
      const manifest = JSON.parse(readFileSync(path.join(w.dir, PACK, 'manifest.json'), 'utf8')) as { outputs: { path: string }[] };
      for (const out of manifest.outputs)
        if (!existsSync(path.join(w.dir, PACK, out.path))) problems.push(`the manifest lists ${out.path}, which is missing`);
      const left = readdirSync(path.join(w.dir, 'packs')).filter((n) => n !== '2026-10');
      if (left.length > 0) problems.push(`left in packs/: ${left.join(', ')}`);
      return [...problems, ...packsWellFormed(w)];
    },
  },
  {
    id: 'stale-lock-and-leftovers',
    area: 'archive',
    was: 'a build killed while writing left its temporary folder (and now a lock) behind',
    setup: (w) => {
      mkdirSync(path.join(w.dir, 'packs', '.2026-10.partial-999999-abcd1234', 'x'), { recursive: true });
      writeFileSync(
        path.join(w.dir, 'packs', '.boardpack.lock'),
        JSON.stringify({ pid: 999999, host: hostname(), started: '2026-11-12T09:00:00.000Z' }),
      );
    },
    exit: 0,
    output: [/^wrote packs\/2026-10\/$/m],
    check: (w) => {
      const left = readdirSync(path.join(w.dir, 'packs')).filter((n) => n !== '2026-10');
      return left.length > 0 ? [`left in packs/: ${left.join(', ')}`] : [];
    },
  },
  {
    id: 'pack-folder-is-a-file',
    area: 'archive',
    was: 'a file where the pack folder goes gave a stack trace',
    setup: (w) => {
      mkdirSync(path.join(w.dir, 'packs'));
      writeFileSync(path.join(w.dir, PACK), 'notes');
    },
    exit: 1,
    output: [
      /^packs\/2026-10 error: packs\/2026-10 is a file, where the pack for 2026-10 goes \[pack-path-blocked\]\n {2}hint: move it away/m,
      STILL_WARNS,
    ],
  },
  {
    id: 'pack-folder-is-a-symlink',
    area: 'archive',
    was: 'a symlink where the pack folder goes gave a stack trace',
    setup: (w) => {
      mkdirSync(path.join(w.dir, 'packs'));
      mkdirSync(path.join(w.dir, 'elsewhere'));
      symlinkSync('../elsewhere', path.join(w.dir, PACK));
    },
    exit: 1,
    output: [
      /^packs\/2026-10 error: packs\/2026-10 is a symbolic link \(to \.\.\/elsewhere\), where the pack for 2026-10 goes \[pack-path-blocked\]/m,
      /remove the link, or set output: in config\.yml/,
      STILL_WARNS,
    ],
  },
  {
    id: 'pack-folder-dangling-symlink',
    area: 'archive',
    was: 'a symlink to nowhere where the pack folder goes',
    setup: (w) => {
      mkdirSync(path.join(w.dir, 'packs'));
      symlinkSync('/nonexistent/boardpack', path.join(w.dir, PACK));
    },
    exit: 1,
    output: [/^packs\/2026-10 error: packs\/2026-10 is a symbolic link \(to \/nonexistent\/boardpack\)/m],
  },
  {
    id: 'reissue-name-is-a-file',
    area: 'archive',
    was: 'a stray file named like a reissue folder gave a stack trace',
    setup: (w) => {
      buildNow(w);
      w.edit(PLAN, 'Consultant rota in place since August 2025', 'Consultant rota in place since July 2025');
      writeFileSync(path.join(w.dir, 'packs', '2026-10-reissue-2'), 'notes');
    },
    args: () => ['build', '--reissue'],
    exit: 1,
    output: [
      /^packs\/2026-10-reissue-2 error: packs\/2026-10-reissue-2 is a file, where reissue 2 of the pack for 2026-10 goes \[pack-path-blocked\]/m,
      STILL_WARNS,
    ],
  },
  {
    id: 'packs-unwritable',
    area: 'archive',
    was: "an unwritable packs/ folder gave a stack trace, and the run's warnings were lost",
    setup: (w) => {
      mkdirSync(path.join(w.dir, 'packs'));
      giveToNobody(w);
      chmodSync(path.join(w.dir, 'packs'), 0o555);
    },
    options: { unprivileged: true },
    exit: 1,
    output: [
      /^packs error: cannot lock the output folder packs: permission denied \[pack-write-failed\]\n {2}hint: check the permissions of the folder, or set output: in config\.yml to a folder you can write/m,
      STILL_WARNS,
    ],
  },
  {
    id: 'stray-file-in-pack',
    area: 'archive',
    was: 'a stray file in a pack folder was reported only as "a different pack", naming no file',
    setup: (w) => {
      buildNow(w);
      writeFileSync(path.join(w.dir, PACK, 'notes.txt'), 'taken at the meeting');
    },
    exit: 1,
    output: [
      /^packs\/2026-10\/notes\.txt error: notes\.txt is not part of the archived pack: its manifest does not list this file \[pack-stray-file\]/m,
      STILL_WARNS,
    ],
    notOutput: [/different pack/],
  },
  {
    id: 'word-lock-file-in-pack',
    area: 'archive',
    was: 'a Word lock file (~$...docx) in a pack folder was reported as "a different pack", with a hint to reissue',
    setup: (w) => {
      buildNow(w);
      writeFileSync(path.join(w.dir, PACK, '~$provement-board-2026-10.docx'), 'Tom Gallagher');
    },
    exit: 1,
    output: [
      /^packs\/2026-10\/~\$provement-board-2026-10\.docx error: ~\$provement-board-2026-10\.docx is Word's lock file: a report of this pack is open in Word/m,
      /hint: close the report in Word, then run again/,
    ],
    notOutput: [/different pack|--reissue/],
  },
  {
    id: 'tampered-report',
    area: 'archive',
    was: 'a tampered archived report was reported only as "a different pack", naming no file',
    setup: (w) => {
      buildNow(w);
      appendFileSync(path.join(w.dir, PACK, 'scrutiny-committee-2026-10.docx'), 'x');
    },
    exit: 1,
    output: [
      /^packs\/2026-10\/scrutiny-committee-2026-10\.docx error: scrutiny-committee-2026-10\.docx has changed since it was archived: its SHA-256 no longer matches manifest\.json \[pack-tampered\]/m,
    ],
    notOutput: [/different pack/],
  },
  {
    id: 'report-deleted-from-pack',
    area: 'archive',
    was: 'a report deleted from an archived pack',
    setup: (w) => {
      buildNow(w);
      rmSync(path.join(w.dir, PACK, 'improvement-board-2026-10.docx'));
    },
    exit: 1,
    output: [
      /^packs\/2026-10\/improvement-board-2026-10\.docx error: improvement-board-2026-10\.docx is missing from the archived pack, whose manifest lists it \[pack-tampered\]/m,
    ],
  },
  {
    id: 'different-pack-names-inputs',
    area: 'archive',
    was: 'a different pack for the period: which input changed was not said',
    setup: (w) => {
      buildNow(w);
      w.edit(PLAN, 'Consultant rota in place since August 2025', 'Consultant rota in place since July 2025');
    },
    exit: 1,
    output: [
      /^packs\/2026-10 error: packs\/2026-10 already holds a different pack for 2026-10; since it was archived, examples\/wexcombe\/plan\.yml has changed; archived packs are never overwritten \[pack-exists\]/m,
      /--reissue/,
    ],
  },

  // ---- a new working folder
  {
    id: 'init-into-used-folder',
    area: 'paths',
    was: 'there was no way to start a working folder but to copy the repository',
    args: () => ['init', 'templates'],
    exit: 1,
    output: [
      /^templates error: templates already holds 3 files and folders; init writes only into a new or empty folder \[init-folder-not-empty\]$/m,
      /^init failed: 1 error/m,
    ],
  },
  {
    id: 'init-new-folder',
    area: 'paths',
    was: 'there was no way to start a working folder but to copy the repository',
    args: () => ['init', 'new-council'],
    exit: 0,
    output: [/^wrote new-council\/: config\.yml, findings\/, performance\.xlsx, plan\.yml, templates\/, schemas\/ \(19 files\)$/m],
    check: (w) => (existsSync(path.join(w.dir, 'new-council/plan.yml')) ? [] : ['new-council/plan.yml was not written']),
  },
  {
    id: 'init-parent-missing',
    area: 'paths',
    was: 'init made every missing folder above the one it was given, so a mistyped path grew a tree of folders',
    args: () => ['init', 'councils/new'],
    exit: 1,
    output: [
      /^councils\/new error: councils does not exist, so councils\/new cannot be made in it \[init-parent-missing\]$/m,
      /hint: check the path; if it is right, make councils first \(mkdir -p\)/,
    ],
    check: (w) => (existsSync(path.join(w.dir, 'councils')) ? ['councils/ was made'] : []),
  },

  {
    id: 'init-then-own-council',
    area: 'archive',
    was: "a new council's first pack, after init and a build of the example, was offered only as a reissue of the example's",
    setup: (w) => {
      buildNow(w);
      w.edit('config.yml', /^council: .*$/m, 'council: Northbridge Borough Council');
    },
    exit: 1,
    output: [
      /^packs\/2026-10 error: packs\/2026-10 holds the pack of Wexcombe City Council for 2026-10, and this is Northbridge Borough Council's; archived packs are never overwritten \[pack-exists\]$/m,
      /hint: if it is the example's pack, .* move packs\/2026-10 out of the way/,
    ],
    notOutput: [/--reissue/],
  },

  // ---- PDF for publication
  {
    id: 'pdf-without-libreoffice',
    area: 'archive',
    was: 'build had no PDF output: a clerk converted each report by hand, and no two conversions were the same bytes',
    args: () => ['build', '--pdf'],
    // No LibreOffice where it is looked for: nothing on the PATH, BOARDPACK_SOFFICE unset.
    options: (w) => ({ env: { BOARDPACK_SOFFICE: '', PATH: path.join(w.dir, 'no-programs-here') } }),
    exit: 1,
    output: [
      /^error: --pdf needs LibreOffice to convert the reports: LibreOffice was not found \(soffice or libreoffice on the PATH, or where its installers put it\) \[pdf-converter-missing\]$/m,
      /hint: install it \(Debian and Ubuntu: apt-get install libreoffice-writer-nogui\), or set BOARDPACK_SOFFICE/,
      /^build failed: 1 error/m,
    ],
  },

  {
    id: 'pdf-converter-not-libreoffice',
    area: 'archive',
    was: 'a BOARDPACK_SOFFICE naming a program that is not LibreOffice was reported as LibreOffice not found, and to set BOARDPACK_SOFFICE',
    args: () => ['build', '--pdf'],
    options: { env: { BOARDPACK_SOFFICE: '/bin/false' } },
    exit: 1,
    output: [
      /^error: --pdf needs LibreOffice to convert the reports: BOARDPACK_SOFFICE names \/bin\/false, which did not run as LibreOffice/m,
      /hint: set BOARDPACK_SOFFICE to the soffice program of an installed LibreOffice, or unset it to use the one on the PATH; or build without --pdf/,
    ],
  },

  // ---- the clerk's checks of archived packs
  {
    id: 'verify-tampered',
    area: 'archive',
    was: 'there was no way to check an archived pack but to build it again from the same inputs',
    setup: (w) => {
      buildNow(w);
      appendFileSync(path.join(w.dir, PACK, 'scrutiny-committee-2026-10.docx'), 'x');
    },
    args: () => ['verify', PACK],
    exit: 1,
    output: [
      /^packs\/2026-10\/scrutiny-committee-2026-10\.docx error: scrutiny-committee-2026-10\.docx has changed since it was archived: its SHA-256 no longer matches manifest\.json \[pack-tampered\]$/m,
      /^verify failed: 1 error/m,
    ],
  },
  {
    id: 'verify-intact',
    area: 'archive',
    was: 'there was no way to check an archived pack but to build it again from the same inputs',
    setup: (w) => buildNow(w),
    args: () => ['verify', PACK],
    exit: 0,
    output: [
      /^packs\/2026-10: the pack of Wexcombe City Council for 2026-10, dated 2026-11-12/m,
      /^as archived: 2 reports, each file with the SHA-256 its manifest lists, nothing added\nmanifest\.json sha256 [0-9a-f]{64}$/m,
    ],
  },
  {
    id: 'verify-no-folder',
    area: 'messages',
    was: 'verify needs a pack folder',
    args: () => ['verify'],
    exit: 2,
    output: [/missing required argument 'pack folder'/],
  },
  {
    id: 'list-one-changed',
    area: 'archive',
    was: 'there was no list of the archived packs, or of which had been touched',
    setup: (w) => {
      buildNow(w);
      writeFileSync(path.join(w.dir, PACK, 'minutes.docx'), 'draft');
    },
    args: () => ['list'],
    exit: 1,
    output: [
      /^2026-10 +Wexcombe City Council +2026-11-12 +2 +NOT as archived: 1 file changed, missing or added \(boardpack verify packs\/2026-10\)$/m,
    ],
  },

  // ---- the command line
  {
    id: 'published-impossible-date',
    area: 'messages',
    was: 'an impossible --published date was exit 1 with a zod dump, where a bad option is exit 2',
    setup: (w) => w.write('report.txt', "Ofsted\nInspection of Wexcombe City Council children's services\n"),
    args: () => ['findings', 'import', 'report.txt', '--id', 'X-2026', '--published', '2026-02-30'],
    exit: 2,
    output: [/^error: --published 2026-02-30 is not a date in the calendar$/m],
    notOutput: [/invalid_format|"code"|zod/i],
  },

  ...(
    [
      ['empty-config', ['build', '--config', ''], '--config'],
      ['empty-plan', ['match', '--plan', ''], '--plan'],
      ['empty-findings', ['match', '--findings', 'examples/wexcombe/findings/mv1-2026.yml', ''], '--findings'],
      ['empty-report', ['findings', 'import', '', '--id', 'X-2026'], 'the report'],
      ['empty-out', ['findings', 'import', 'report.txt', '--id', 'X-2026', '--out', ''], '--out'],
    ] as const
  ).map(
    ([id, args, what]): HostileCase => ({
      id,
      area: 'messages',
      was: `an empty ${what} ("") was read as the current folder, or silently ignored`,
      args: () => [...args],
      exit: 2,
      output: [new RegExp(`^error: ${what} is empty: give the path of a file$`, 'm')],
    }),
  ),

  // ---- findings import: what is not a report
  ...(
    [
      [
        'import-empty-file',
        'an empty file asked for --title instead of saying what it is',
        (w: Workspace) => w.write('report.pdf', ''),
        /report\.pdf error: cannot read report\.pdf: the file is empty \[import-unreadable\]/,
      ],
      [
        'import-text-named-pdf',
        'a text file named .pdf asked for --title',
        (w: Workspace) => w.write('report.pdf', 'What needs to improve?\n- The timeliness of plans.\n'),
        /report\.pdf error: .*named \.pdf but holds plain text/,
      ],
      [
        'import-utf16-text',
        'UTF-16 text was read as noise',
        (w: Workspace) => writeBytes(w, 'report.pdf', utf16('Ofsted\nWhat needs to improve?\n', true)),
        /report\.pdf error: .*UTF-16 \(little-endian, with a byte order mark\)/,
      ],
      [
        'import-44mb-text',
        'a 44 MB text import ran out of heap after two minutes (exit 134)',
        (w: Workspace) => {
          w.write('report.pdf', '');
          truncateSync(path.join(w.dir, 'report.pdf'), 44 * 1024 * 1024);
        },
        /report\.pdf error: .*boardpack reads at most 25 MB/,
      ],
    ] as const
  ).map(
    ([id, was, setup, message]): HostileCase => ({
      id,
      area: 'messages',
      was,
      setup,
      args: () => ['findings', 'import', 'report.pdf', '--id', 'X-2026'],
      exit: 1,
      output: [message],
      notOutput: [/--title/, /^\s+at /m],
      check: (w) =>
        readdirSync(w.dir).some((f) => f.startsWith('X-2026')) || existsSync(path.join(w.dir, 'findings', 'X-2026.yml'))
          ? ['a register was written']
          : [],
    }),
  ),

  // ---- limits
  {
    id: 'million-junk-rows',
    area: 'limits',
    was: 'a 1,000,000-row sheet of junk prints 1,000,005 warnings (258 MB) where a count and the first few would do',
    slow: true,
    setup: (w) => {
      generateSheet(w, (own, push) => {
        own.forEach(push);
        for (let r = 21; r < 1_000_021; r++)
          push(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>JUNK${r}</t></is></c><c r="D${r}"><v>${r % 97}</v></c></row>`);
      });
    },
    exit: 0,
    output: [
      /Scorecard!A21 warning: indicator "JUNK21" is not in the indicator catalogue/,
      /^ {2}and 999,980 more like this \[indicator-not-in-catalogue\]$/m,
      /^1,000,00\d warnings$|\d errors?, 1,000,00\d warnings/m,
    ],
    check: (_w, o) => {
      const lines = `${o.stderr}${o.stdout}`.split('\n').length;
      return lines > 120 ? [`prints ${lines} lines`] : [];
    },
  },

  {
    id: 'export-zip-bomb',
    area: 'limits',
    was: 'a sheet part that unpacks to 300 MB from 300 KB would have been unpacked whole',
    slow: true,
    setup: (w) => {
      generateSheet(w, (own, push) => {
        own.forEach(push);
        for (let i = 0; i < 300; i++) push(' '.repeat(1 << 20));
      });
    },
    exit: 1,
    output: [
      /^examples\/wexcombe\/performance\.xlsx error: cannot read the performance export: its part xl\/worksheets\/sheet1\.xml would unpack to 3\d\d MB, over the 256 MB boardpack reads \[file-too-large\]$/m,
    ],
    check: (w) => (w.packsExist() ? ['a pack was written'] : []),
  },

  // ---- unclear messages: encodings
  {
    id: 'plan-latin1',
    area: 'values',
    was: 'Latin-1 bytes in plan.yml become U+FFFD in the report silently',
    setup: (w) => {
      const text = w.read(PLAN).replace('Put a consultant social worker', 'Put a caf\u00e9 consultant social worker');
      writeBytes(w, PLAN, Buffer.from(text, 'latin1'));
    },
    exit: 1,
    output: [
      /plan\.yml:\d+:\d+ error: plan examples\/wexcombe\/plan\.yml is not UTF-8: byte 0xE9 cannot be read; it looks like Windows-1252 \(Latin-1\), where that byte is "\u00e9" \[file-encoding\]/,
    ],
  },
  {
    id: 'plan-utf16-bom',
    area: 'messages',
    was: 'a UTF-16 plan echoes the whole file with 10,888 NUL bytes in one 22 KB line and never says "UTF-16"',
    setup: (w) => writeBytes(w, PLAN, utf16(w.read(PLAN), true)),
    exit: 1,
    output: [
      /plan\.yml error: plan examples\/wexcombe\/plan\.yml is UTF-16 \(little-endian, with a byte order mark\), not UTF-8 \[file-encoding\]/,
      /hint: save the file as UTF-8/,
    ],
  },
  {
    id: 'plan-utf16-no-bom',
    area: 'messages',
    was: 'a UTF-16 plan without a byte order mark: NUL bytes in every other place',
    setup: (w) => writeBytes(w, PLAN, utf16(w.read(PLAN), false)),
    exit: 1,
    output: [/plan\.yml is UTF-16 \(little-endian, without a byte order mark\), not UTF-8 \[file-encoding\]/],
  },
  {
    id: 'config-utf16-big-endian',
    area: 'messages',
    was: 'config.yml saved as UTF-16, big-endian',
    setup: (w) => writeBytes(w, 'config.yml', utf16(w.read('config.yml'), true, true)),
    exit: 1,
    output: [/^config\.yml error: config file config\.yml is UTF-16 \(big-endian, with a byte order mark\), not UTF-8 \[file-encoding\]/m],
  },
  // ---- templates that printed nonsense
  ...(
    [
      [
        'template-plural-no-args',
        '{{plural}}',
        'printed "undefined undefineds"',
        /body\.hbs:1:1 error: \{\{plural\}\} takes 2 or 3 arguments \(\{\{plural n "action"\}\}\); here it has 0 \[template-helper-argument\]/,
      ],
      [
        'template-longdate-no-args',
        '{{longDate}}',
        'printed "undefinedth undefined NaN"',
        /body\.hbs:1:1 error: \{\{longDate\}\} takes 1 argument/,
      ],
      [
        'template-longdate-impossible',
        '{{longDate "2026-02-30"}}',
        'printed "30th February 2026"',
        /body\.hbs:1:1 error: \{\{longDate\}\}: its first argument must be a date in the calendar, got "2026-02-30", which is not one/,
      ],
      [
        'template-month-garbage',
        '{{month "garbage"}}',
        'printed "undefined NaN"',
        /body\.hbs:1:1 error: \{\{month\}\}: its first argument must be a month written YYYY-MM, got "garbage"/,
      ],
      ['template-lower-no-args', '{{lower}}', 'printed "[object object]"', /body\.hbs:1:1 error: \{\{lower\}\} takes 1 argument/],
      [
        'template-constructor',
        '{{constructor}}',
        'rendered nothing, though strict mode promises an error',
        /body\.hbs:1:3 error: "constructor" is not defined here \[template-missing-variable\]/,
      ],
      [
        'template-proto',
        '{{__proto__}}',
        'rendered nothing, though strict mode promises an error',
        /body\.hbs:1:3 error: "__proto__" is not defined here \[template-missing-variable\]/,
      ],
      [
        'template-lookup-missing',
        '{{lookup this "nope"}}',
        'rendered nothing, though strict mode promises an error',
        /body\.hbs:1:1 error: "nope" is not defined here \[template-missing-variable\]/,
      ],
      [
        'template-each-string',
        '{{#each council}}x{{/each}}',
        '{{#each}} over text rendered nothing',
        /body\.hbs:1:1 error: \{\{each\}\}: its first argument must be a list, got "Wexcombe City Council"/,
      ],
      [
        'template-each-number',
        '{{#each actions.total}}x{{/each}}',
        '{{#each}} over a number rendered nothing',
        /body\.hbs:1:1 error: \{\{each\}\}: its first argument must be a list, got number \d+/,
      ],
      [
        'template-typo-in-block',
        '{{#if actions.overdu.length}}x{{/if}}',
        'reported at 1:1 with a raw JavaScript message',
        /body\.hbs:1:7 error: "actions\.overdu\.length" is not defined here \(actions has no "overdu"\) \[template-missing-variable\]/,
      ],
      [
        'template-typo-in-subexpression',
        '{{plural (count actions.overdu) "action"}}',
        'a typo in a sub-expression passed validate',
        /body\.hbs:1:17 error: "actions\.overdu" is not defined here/,
      ],
      [
        'template-partial',
        'text\n{{> header}}',
        '{{> x}} was reported at 1:1 as a missing variable, at render time',
        /body\.hbs:2:1 error: partial "header" does not exist: boardpack templates have no partials \[template-partial\]/,
      ],
    ] as const
  ).map(
    ([id, text, was, message]): HostileCase => ({
      id,
      area: 'templates',
      was: `${text.replace('\n', ' ')} ${was}`,
      setup: (w) => w.write(BODY, `${text}\n${w.read(BODY)}`),
      exit: 1,
      output: [message],
      check: (w) => (existsSync(path.join(w.dir, PACK)) ? ['a pack was written'] : []),
    }),
  ),
  {
    id: 'template-typo-validate',
    area: 'templates',
    was: 'a typo in a sub-expression passed validate',
    setup: (w) => w.write(BODY, `{{plural (count actions.overdu) "action"}}\n${w.read(BODY)}`),
    args: () => ['validate'],
    exit: 1,
    output: [/body\.hbs:1:17 error: "actions\.overdu" is not defined here/],
  },
  {
    id: 'template-log',
    area: 'templates',
    was: "{{log}} wrote into the command's output",
    setup: (w) => w.write(BODY, `{{log "checking" actions.total}}\n${w.read(BODY)}`),
    exit: 0,
    output: [/body\.hbs:1:1 warning: \{\{log\}\}: checking \d+ \[template-log\]/],
    notOutput: [/^checking/m],
    check: archivedSaying('Wexcombe'),
  },
  {
    id: 'template-unsupported-markup',
    area: 'templates',
    was: 'unsupported markup (###, pipe tables) printed literally without a warning',
    setup: (w) => w.write(BODY, `### Detail\n\n| a | b |\n|---|---|\n\n${w.read(BODY)}`),
    exit: 0,
    output: [
      /body\.hbs:1:1 warning: a third-level heading \(###\) is not markup a report understands; it will print as written \[template-unsupported-markup\]/,
      /body\.hbs:3:1 warning: a table row \(\| \.\.\. \|\) is not markup/,
    ],
    check: archivedSaying('Wexcombe'),
  },
  {
    id: 'template-binary',
    area: 'messages',
    was: 'a template that is not text at all',
    setup: (w) => writeBytes(w, BODY, Buffer.concat([Buffer.from(w.read(BODY)), Buffer.from([0, 1, 2, 0xff, 0, 0])])),
    exit: 1,
    output: [
      /body\.hbs:\d+:\d+ error: template templates\/improvement-board\/body\.hbs holds NUL bytes: it is not a text file \[file-encoding\]/,
    ],
  },
  {
    id: 'plan-too-large',
    area: 'limits',
    was: 'no stated size: an input of any size is read whole',
    setup: (w) => truncateSync(path.join(w.dir, PLAN), 40 * 1024 * 1024),
    exit: 1,
    output: [
      /^config\.yml:\d+:\d+ error: plan examples\/wexcombe\/plan\.yml is 40 MB, over the limit of 32 MB for a text input \[file-too-large\]/m,
    ],
  },

  // ---- YAML that would exhaust the parser
  {
    id: 'yaml-alias-bomb',
    area: 'limits',
    was: 'a YAML alias bomb printed "Excessive alias count" with a JS stack',
    setup: (w) => {
      const lol = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
      for (const [x, y] of [
        ['b', 'a'],
        ['c', 'b'],
        ['d', 'c'],
        ['e', 'd'],
        ['f', 'e'],
        ['g', 'f'],
        ['h', 'g'],
        ['i', 'h'],
      ])
        lol.push(`${x}: &${x} [${Array(9).fill(`*${y}`).join(',')}]`);
      w.edit(PLAN, /^title:/m, `laughs:\n${lol.map((l) => `  ${l}`).join('\n')}\ntitle:`);
    },
    exit: 1,
    output: [
      /plan\.yml:\d+:\d+ error: the YAML aliases here \(\*\w, used 9 times, and others\) expand to more than boardpack reads \[yaml-too-complex\]/,
      /hint: an anchor may be used up to 1000 times/,
    ],
  },
  {
    id: 'yaml-20000-brackets',
    area: 'limits',
    was: '20,000 nested brackets print "Maximum call stack size exceeded" as a YAML message',
    setup: (w) => w.edit(PLAN, /^title: (.*)$/m, `title: $1\nnotes: ${'['.repeat(20_000)}${']'.repeat(20_000)}`),
    exit: 1,
    output: [/plan\.yml:\d+:\d+ error: the YAML here nests deeper than 64 levels; boardpack reads no deeper \[yaml-too-complex\]/],
    notOutput: [/call stack/i],
  },
  {
    id: 'yaml-deep-indentation',
    area: 'limits',
    was: 'nesting by indentation: 2,000 levels of mappings in config.yml',
    setup: (w) =>
      w.edit(
        'config.yml',
        /^output: packs$/m,
        `extra:\n${Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i + 1)}k${i}:`).join('\n')} 1\noutput: packs`,
      ),
    exit: 1,
    output: [/^config\.yml:\d+:\d+ error: the YAML here nests deeper than 64 levels/m],
    notOutput: [/call stack/i],
  },
];
