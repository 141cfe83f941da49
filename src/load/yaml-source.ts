/**
 * A YAML file parsed with positions kept, so that any later stage can say `file:line:column`
 * for any value by its path.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Diagnostics, Place } from '../diagnostics/index.js';

export type Path = readonly (string | number)[];

export interface YamlSource {
  readonly file: string;
  readonly text: string;
  /** Plain JS value of the document; `undefined` when it did not parse. */
  readonly data: unknown;
  /** The place of the node at `path`, or of the deepest node that exists on the way. */
  placeOf(path: Path): Place;
  /** The place of the key at `path` (the last element names the key); falls back to placeOf. */
  placeOfKey(path: Path): Place;
}

function nodeAt(doc: Document, path: Path): { node: Node | null; depth: number; keyNode?: Node } {
  let node: Node | null = doc.contents as Node | null;
  let keyNode: Node | undefined;
  let depth = 0;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      keyNode = pair.key as Node;
      node = (pair.value as Node | null) ?? (pair.key as Node);
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as Node | undefined;
      if (!item) break;
      keyNode = undefined;
      node = item;
    } else {
      break;
    }
    depth++;
  }
  return { node, depth, keyNode };
}

export function parseYaml(file: string, text: string, diags: Diagnostics): YamlSource {
  const lineCounter = new LineCounter();
  // Dates stay strings under the core schema: validation checks them as calendar dates.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number): Place => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  for (const e of doc.errors) {
    const first = e.message.split('\n')[0] ?? e.message;
    diags.report('yaml-syntax', cleanYamlMessage(first), { place: at(e.pos[0]), hint: yamlHint(e.code) });
  }
  for (const w of doc.warnings) {
    diags.report('yaml-warning', cleanYamlMessage(w.message.split('\n')[0] ?? w.message), { place: at(w.pos[0]) });
  }
  const data = doc.errors.length > 0 ? undefined : doc.toJS({ maxAliasCount: 1000 });
  const placeOf = (path: Path): Place => {
    const { node } = nodeAt(doc, path);
    return node?.range ? at(node.range[0]) : { file, line: 1, column: 1 };
  };
  const placeOfKey = (path: Path): Place => {
    const { keyNode, depth } = nodeAt(doc, path);
    if (keyNode?.range && depth === path.length) return at(keyNode.range[0]);
    return placeOf(path);
  };
  return { file, text, data, placeOf, placeOfKey };
}

function cleanYamlMessage(m: string): string {
  // The yaml package appends " at line L, column C"; the reporter prints the place itself.
  return m.replace(/ at line \d+, column \d+:?$/, '').trim();
}

function yamlHint(code: string): string | undefined {
  switch (code) {
    case 'TAB_AS_INDENT':
      return 'indent with spaces, not tabs';
    case 'DUPLICATE_KEY':
      return 'each key may appear once in a mapping; remove or rename one';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return 'check the indentation of this line against the lines above';
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return 'a value containing ": " must be quoted';
    default:
      return undefined;
  }
}
