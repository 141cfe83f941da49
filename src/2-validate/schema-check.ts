/**
 * Checks a parsed YAML document against a zod schema and turns each zod issue into a
 * diagnostic at the YAML node it concerns.
 */
import type { z } from 'zod';
import { suggestion, type Code, type Diagnostics } from '../diagnostics/index.js';
import type { Path, YamlSource } from '../1-load/yaml-source.js';

export function pathText(path: Path): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out ? `.${seg}` : seg;
  return out || '(document)';
}

/**
 * A path as a person would name it: from the nearest list item with an `id`, so
 * `priorities[2].actions[1].due` reads "`due` of P3.2".
 */
export function friendlyPath(data: unknown, path: Path): string {
  let owner: string | undefined;
  let rest: Path = path;
  let v: unknown = data;
  path.forEach((seg, i) => {
    v = v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[seg] : undefined;
    const id = v !== null && typeof v === 'object' ? (v as { id?: unknown }).id : undefined;
    if (typeof seg === 'number' && typeof id === 'string' && id) {
      owner = id;
      rest = path.slice(i + 1);
    }
  });
  if (owner === undefined) return `\`${pathText(path)}\``;
  return rest.length === 0 ? owner : `\`${pathText(rest)}\` of ${owner}`;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `"${value}"`;
  return `${typeof value} ${String(value)}`;
}

function valueAt(data: unknown, path: Path): unknown {
  let v: unknown = data;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

/** Returns the parsed value, or undefined after reporting every issue. */
export function checkSchema<S extends z.ZodType>(schema: S, source: YamlSource, diags: Diagnostics, what: string): z.output<S> | undefined {
  if (source.data === undefined) return undefined;
  const result = schema.safeParse(source.data ?? {});
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const actual = valueAt(source.data, path);
    const at = friendlyPath(source.data, path);
    let code: Code = 'schema-invalid';
    let message: string;
    let hint: string | undefined;
    let place = source.placeOf(path);
    switch (issue.code) {
      case 'invalid_type':
        if (actual === undefined) {
          code = 'schema-missing-field';
          const field = path[path.length - 1];
          const parent = path.slice(0, -1);
          message = `${parent.length ? friendlyPath(source.data, parent) : 'the file'} is missing required field \`${String(field)}\``;
          place = source.placeOf(parent);
          hint = `add \`${String(field)}:\` here`;
        } else {
          code = 'schema-invalid-type';
          message = `${at} ${issue.message.startsWith('expected') ? issue.message : `expected ${issue.expected}`}, got ${describe(actual)}`;
          message = message.replace(/Invalid input: /, '');
          // YAML reads 1.10 as the number 1.1, and yes/true as true: say how it was written and how to keep it.
          const written = source.sourceOf?.(path);
          if ((typeof actual === 'number' || typeof actual === 'boolean') && issue.expected === 'string' && written !== undefined) {
            if (written !== String(actual)) message += ` (written ${written})`;
            hint = `YAML reads ${written} as a ${typeof actual}; put it in quotes, '${written}', to keep it as text`;
          }
        }
        break;
      case 'unrecognized_keys': {
        code = 'schema-unknown-field';
        const keys = issue.keys;
        const first = keys[0] ?? '';
        place = source.placeOfKey([...path, first]);
        const shape = shapeKeys(schema, path);
        message = `unknown field${keys.length > 1 ? 's' : ''} ${keys.map((k) => `\`${k}\``).join(', ')} in ${path.length ? friendlyPath(source.data, path) : `this ${what}`}${keys.length === 1 ? suggestion(first, shape) : ''}`;
        if (shape.length > 0) hint = `allowed here: ${shape.join(', ')}`;
        break;
      }
      case 'invalid_value': {
        code = 'schema-invalid-value';
        const values = issue.values.map(String);
        message = `${at} is ${describe(actual)}, expected one of ${values.join(', ')}${typeof actual === 'string' ? suggestion(actual, values) : ''}`;
        break;
      }
      case 'invalid_format':
        code = issue.format === 'date' ? 'schema-invalid-date' : 'schema-invalid';
        message = `${at} is ${describe(actual)}: ${issue.message}`;
        if (issue.format === 'date' && typeof actual === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(actual)) {
          message = `${at} is "${actual}", which is not a date in the calendar`;
        }
        break;
      case 'too_small':
      case 'too_big': {
        const small = issue.code === 'too_small';
        const bound = String(issue.code === 'too_small' ? issue.minimum : issue.maximum);
        const inclusive = issue.inclusive !== false;
        if (issue.origin === 'number' || issue.origin === 'int') {
          message = `${at} is ${typeof actual === 'number' ? actual : describe(actual)}; it must be ${small ? (inclusive ? 'at least' : 'more than') : inclusive ? 'at most' : 'less than'} ${bound}`;
        } else if (issue.origin === 'array') {
          message = `${at} needs ${small ? 'at least' : 'at most'} ${bound} item${bound === '1' ? '' : 's'}`;
          if (issue.message && !issue.message.startsWith('Too ')) message = `${at}: ${issue.message}`;
        } else {
          message = `${at}: ${issue.message}`;
        }
        break;
      }
      default:
        message = `${at}: ${issue.message}`;
    }
    diags.report(code, message, { place, ...(hint ? { hint } : {}) });
  }
  return undefined;
}

/** The keys an object schema allows at `path`, for did-you-mean on unknown fields. */
function shapeKeys(schema: z.ZodType, path: Path): string[] {
  let s: unknown = schema;
  const unwrap = (x: unknown): unknown => {
    let cur = x as { def?: { type?: string; innerType?: unknown; element?: unknown } } | undefined;
    while (cur?.def && (cur.def.type === 'optional' || cur.def.type === 'default' || cur.def.type === 'nullable')) {
      cur = cur.def.innerType as typeof cur;
    }
    return cur;
  };
  for (const seg of path) {
    const cur = unwrap(s) as { def?: { type?: string; element?: unknown }; shape?: Record<string, unknown> } | undefined;
    if (!cur) return [];
    if (typeof seg === 'number' && cur.def?.type === 'array') s = cur.def.element;
    else if (typeof seg === 'string' && cur.shape) s = cur.shape[seg];
    else return [];
  }
  const obj = unwrap(s) as { shape?: Record<string, unknown> } | undefined;
  return obj?.shape ? Object.keys(obj.shape) : [];
}
