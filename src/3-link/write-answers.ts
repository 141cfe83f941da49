/**
 * Adds `answers:` to actions in the plan's YAML text, keeping everything else byte for byte:
 * comments, order, quoting and line breaks. The new line goes after the action's last field, at
 * the indentation of its keys, so a diff shows only the added lines. Pure: text in, text out.
 */
import { isMap, isPair, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';

export interface AnswerAddition {
  /** Indices of the action in the plan. */
  readonly priority: number;
  readonly action: number;
  readonly findings: readonly string[];
  readonly note?: string;
}

function actionMap(doc: ReturnType<typeof parseDocument>, p: number, a: number): YAMLMap | undefined {
  const priorities = isMap(doc.contents) ? doc.contents.get('priorities', true) : undefined;
  const priority = isSeq(priorities) ? priorities.items[p] : undefined;
  const actions = isMap(priority) ? priority.get('actions', true) : undefined;
  const action = isSeq(actions) ? actions.items[a] : undefined;
  return isMap(action) ? action : undefined;
}

export function addAnswers(text: string, additions: readonly AnswerAddition[]): string {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw new Error(`the plan does not parse: ${doc.errors[0]!.message}`);
  const edits: { at: number; remove: number; insert: string }[] = [];
  for (const add of additions) {
    const map = actionMap(doc, add.priority, add.action);
    if (!map?.range) throw new Error(`no action at priorities[${add.priority}].actions[${add.action}]`);
    const list = `[${add.findings.join(', ')}]`;
    const existing = map.items.find((it): it is Pair<Node, Node> => isPair(it) && isScalar(it.key) && it.key.value === 'answers');
    if (existing?.value?.range) {
      // `answers: []` already there: replace its value only.
      edits.push({ at: existing.value.range[0], remove: existing.value.range[1] - existing.value.range[0], insert: list });
      continue;
    }
    const first = map.items[0];
    const last = map.items[map.items.length - 1];
    if (map.flow) {
      const end = isPair(last)
        ? ((last.value as Node | null)?.range?.[1] ?? (last.key as Node).range![1])
        : text.lastIndexOf('}', map.range[1]);
      edits.push({ at: end, remove: 0, insert: `, answers: ${list}` });
      continue;
    }
    const keyStart = isPair(first) && (first.key as Node | null)?.range ? (first.key as Node).range![0] : map.range[0];
    const indent = keyStart - (text.lastIndexOf('\n', keyStart - 1) + 1);
    const lastEnd = isPair(last) ? ((last.value as Node | null)?.range?.[1] ?? (last.key as Node).range![1]) : map.range[1];
    const lineEnd = text.indexOf('\n', lastEnd - 1);
    const at = lineEnd < 0 ? text.length : lineEnd + 1;
    const prefix = lineEnd < 0 ? '\n' : '';
    edits.push({ at, remove: 0, insert: `${prefix}${' '.repeat(indent)}answers: ${list}${add.note ? `  # ${add.note}` : ''}\n` });
  }
  let out = text;
  for (const e of [...edits].sort((x, y) => y.at - x.at)) out = out.slice(0, e.at) + e.insert + out.slice(e.at + e.remove);
  // The edited plan must read back with exactly the answers added.
  const check = parseDocument(out);
  if (check.errors.length > 0) throw new Error(`editing the plan broke it: ${check.errors[0]!.message}`);
  for (const add of additions) {
    const got = actionMap(check, add.priority, add.action)?.toJSON() as { answers?: string[] } | undefined;
    if (JSON.stringify(got?.answers) !== JSON.stringify(add.findings))
      throw new Error(`editing the plan did not add answers to priorities[${add.priority}].actions[${add.action}]`);
  }
  return out;
}
