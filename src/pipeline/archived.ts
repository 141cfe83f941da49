/**
 * Archived packs as a clerk sees them: `boardpack verify` checks one pack folder against its
 * manifest, `boardpack list` shows every pack in the output folder and whether each is intact.
 * build uses the same check before it will leave an archived pack alone.
 */
import path from 'node:path';
import { DOCX } from '../6-render/index.js';
import {
  checkArchived,
  isLibreOfficeLockFile,
  isWordLockFile,
  readManifest,
  type Archived,
  type Existing,
  type Manifest,
} from '../7-archive/manifest.js';
import { checkPackXml } from '../7-archive/xml-check.js';
import type { Diagnostics } from '../diagnostics/index.js';
import { sha256 } from '../model/digest.js';
import { entriesOf, inspectPack, listFolder, orReport } from '../io/pack-folder.js';

export interface VerifiedPack {
  readonly dir: string;
  readonly manifest: Manifest;
  /** The manifest's own SHA-256, which it cannot list: to compare with the one kept at build. */
  readonly manifestSha256: string;
  /** The reports, in the manifest's order, each with its size and SHA-256. */
  readonly outputs: Manifest['outputs'];
}

/**
 * Checks a pack folder: its manifest readable, every file it lists present with the SHA-256 it
 * lists, nothing else in the folder, and every report well-formed XML (so Word will open it).
 * Each problem is a diagnostic naming the file; the pack is returned only when there is none.
 */
export function verifyPack(dir: string, diags: Diagnostics): VerifiedPack | undefined {
  const there = orReport(diags, 'file-unreadable', () => inspectPack(dir));
  if (!there) return undefined;
  if (there.state === 'absent') {
    diags.report('file-not-found', `${dir} does not exist`, {
      place: { file: dir },
      hint: 'give the folder of one pack, such as packs/2026-10 (boardpack list shows them)',
    });
    return undefined;
  }
  if (there.state === 'blocked') {
    diags.report('pack-path-blocked', `${dir} is ${there.what}, not a pack folder`, {
      place: { file: dir },
      hint: 'give the folder of one pack, such as packs/2026-10 (boardpack list shows them)',
    });
    return undefined;
  }
  const existing = entriesOf(there);
  // The output folder itself (packs/): its packs are one level down.
  const packsInside = [...new Set([...existing.keys()].filter((n) => n.endsWith('/manifest.json')).map((n) => n.split('/')[0]!))];
  if (!existing.has('manifest.json') && packsInside.length > 0) {
    diags.report('pack-not-as-archived', `${dir} holds packs (${packsInside.sort().join(', ')}), not one pack`, {
      place: { file: dir },
      hint: `verify one of them, such as boardpack verify ${path.join(dir, packsInside[0]!)}, or see them all with boardpack list`,
    });
    return undefined;
  }
  const own = checkArchived(existing);
  if (own.kind !== 'as-archived') {
    reportNotAsArchived(dir, own, there.odd, diags);
    return undefined;
  }
  // The Word reports' XML parts: a PDF beside them is checked by its digest alone.
  const reports = own.manifest.outputs
    .filter((o) => o.path.endsWith(DOCX.extension))
    .map((o) => ({ name: o.path, bytes: existing.get(o.path)! }));
  for (const p of checkPackXml(reports)) {
    diags.report('pack-invalid-xml', `${p.file}: ${p.part} is not well-formed XML (${p.message}), though its SHA-256 is as archived`, {
      place: { file: path.join(dir, p.file) },
      hint: 'the report was archived so: rebuild the period with --reissue to issue a readable one',
    });
  }
  if (diags.hasErrors) return undefined;
  return { dir, manifest: own.manifest, manifestSha256: sha256(existing.get('manifest.json')!), outputs: own.manifest.outputs };
}

export interface ListedPack {
  /** The folder's name inside the output folder: the period, or the period and its reissue. */
  readonly folder: string;
  readonly manifest?: Manifest;
  /**
   * As its manifest lists it; not (files changed, missing or added); its manifest there but
   * unreadable; a folder named as a pack (2026-10, 2026-10-reissue-2) with no manifest; any
   * other folder without one (drafts ...), which is not a pack and not a fault; a link.
   */
  readonly state: Archived['kind'] | 'manifest-unreadable' | 'manifest-missing' | 'not-a-pack' | 'link';
  readonly problems: number;
  /** For a link: what it is. */
  readonly what?: string;
  /** The name its manifest gives it, when the folder bears another (renamed by hand). */
  readonly namedInManifest?: string;
}

/** The folder name build gives a pack: its period, and for a reissue its number. */
export const packFolderName = (m: Manifest): string =>
  m.pdfOf ? `${m.pdfOf}-pdf` : m.reissue ? `${m.period}-reissue-${m.reissue}` : m.period;

/** A pack folder's name: the period, and for a reissue its number; "-pdf" for the PDFs of one archived without them. */
const PACK_NAME = /^\d{4}-\d{2}(-reissue-\d+)?(-pdf)?$/;

/**
 * Every pack folder in the output folder, in order of name, each checked as verify checks it
 * (without the XML check, which verify makes), so a clerk sees at once which are intact.
 */
export function listPacks(outputDir: string, diags: Diagnostics): ListedPack[] | undefined {
  const names = orReport(diags, 'file-unreadable', () => listFolder(outputDir));
  if (!names) return undefined;
  const out: ListedPack[] = [];
  for (const folder of names.sort()) {
    const there = inspectPack(path.join(outputDir, folder));
    if (there.state === 'blocked') {
      out.push({ folder, state: 'link', problems: 0, what: there.what });
      continue;
    }
    if (there.state !== 'folder') continue;
    const existing = entriesOf(there);
    const own = checkArchived(existing);
    // A pack not as archived is still listed with what its manifest says of it.
    const manifest = readManifest(existing.get('manifest.json'));
    if (own.kind === 'as-archived') {
      const named = packFolderName(own.manifest);
      out.push({ folder, manifest: own.manifest, state: own.kind, problems: 0, ...(named !== folder ? { namedInManifest: named } : {}) });
    } else
      out.push({
        folder,
        ...(manifest ? { manifest } : {}),
        state: !own.noManifest
          ? own.kind
          : existing.has('manifest.json')
            ? 'manifest-unreadable'
            : PACK_NAME.test(folder)
              ? 'manifest-missing'
              : 'not-a-pack',
        problems: own.stray.length + own.missing.length + own.changed.length,
      });
  }
  return out;
}

/** A pack folder that is not the pack it was archived as: each file named, with what to do. */
export function reportNotAsArchived(
  dir: string,
  v: Extract<Existing, { kind: 'not-as-archived' }>,
  odd: readonly string[],
  diags: Diagnostics,
): void {
  const at = (name: string) => ({ place: { file: path.join(dir, name) } });
  if (v.noManifest) {
    diags.report(
      'pack-not-as-archived',
      `${dir} holds no readable manifest.json: it is not a pack boardpack archived, or its manifest was removed or damaged`,
      {
        place: { file: dir },
        hint: 'restore manifest.json from a backup, or move the folder away if it is not an archived pack',
      },
    );
    return;
  }
  for (const name of v.stray) {
    if (isWordLockFile(name)) {
      diags.report(
        'pack-stray-file',
        `${name} is Word's lock file: a report of this pack is open in Word (or Word closed without removing it)`,
        {
          ...at(name),
          hint: 'close the report in Word, then run again; if Word is not running, delete the lock file',
        },
      );
    } else if (isLibreOfficeLockFile(name)) {
      diags.report(
        'pack-stray-file',
        `${name} is LibreOffice's lock file: a report of this pack is open in LibreOffice (or it closed without removing it)`,
        {
          ...at(name),
          hint: 'close the report in LibreOffice, then run again; if LibreOffice is not running, delete the lock file',
        },
      );
    } else {
      diags.report(
        'pack-stray-file',
        `${name} is not part of the archived pack: its manifest does not list ${odd.includes(name) ? (name.endsWith('/') ? 'this folder' : 'this link or special file') : 'this file'}`,
        {
          ...at(name),
          hint: 'move it out of the pack folder: an archived pack holds only what its manifest lists',
        },
      );
    }
  }
  for (const name of v.missing) {
    diags.report('pack-tampered', `${name} is missing from the archived pack, whose manifest lists it`, {
      ...at(name),
      hint: 'restore it from a backup (or the copy sent to the meeting): an archived pack must not be changed',
    });
  }
  for (const name of v.changed) {
    // A link (or other special file) where the report was: not read, so not the archived bytes,
    // whatever it points to.
    if (odd.includes(name)) {
      diags.report('pack-tampered', `${name} is now a link or special file, not the file that was archived`, {
        ...at(name),
        hint: 'put the report itself back (a copy of the file, not a link to it), from a backup or the copy sent to the meeting',
      });
      continue;
    }
    diags.report('pack-tampered', `${name} has changed since it was archived: its SHA-256 no longer matches manifest.json`, {
      ...at(name),
      hint: 'restore it from a backup (or the copy sent to the meeting): an archived pack must not be changed; a correction is a reissue (--reissue)',
    });
  }
}
