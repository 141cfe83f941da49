/**
 * The last gate for text on its way into a report's XML: every string of the model, from the
 * document's words to the core properties, the alt text and the charts' labels, is cleaned of
 * what XML cannot hold. Inputs are cleaned where they are read, with a warning at their place,
 * so this finds nothing unless a new input forgot to be; the archive then checks the XML itself.
 * It also removes U+E000, which render uses to mark where a picture goes (render/drawings.ts).
 */
import type { ReportModel } from '../model/report.js';
import { XML_FORBIDDEN } from '../model/xml-chars.js';

const UNSAFE = new RegExp(`${XML_FORBIDDEN.source}|\\uE000`, 'g');
const unsafe = (s: string) => {
  UNSAFE.lastIndex = 0;
  return UNSAFE.test(s);
};

function anyUnsafe(v: unknown): boolean {
  if (typeof v === 'string') return unsafe(v);
  if (Array.isArray(v)) return v.some(anyUnsafe);
  if (v !== null && typeof v === 'object') return Object.values(v).some(anyUnsafe);
  return false;
}

function clean<T>(v: T): T {
  if (typeof v === 'string') return v.replace(UNSAFE, '') as T;
  if (Array.isArray(v)) return v.map(clean) as T;
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, clean(x)])) as T;
  return v;
}

/** The model with every string safe for XML; the same object when it already is (the usual case). */
export function xmlSafeModel(model: ReportModel): ReportModel {
  return anyUnsafe(model) ? clean(model) : model;
}
