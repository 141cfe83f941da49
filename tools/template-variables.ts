/**
 * The README's list of template variables, generated from the declared TemplateContext
 * (src/5-compose/template-context.ts): each interface, its fields in order, each field's type and
 * its one-line comment. `npm run docs:variables` writes it between the README's markers; a test
 * fails when the README and the declaration differ.
 */
import ts from 'typescript';

export const START = '<!-- template-variables: generated from src/5-compose/template-context.ts by npm run docs:variables -->';
export const END = '<!-- /template-variables -->';

const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

function comment(node: ts.Node, file: ts.SourceFile): string {
  const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
  const text = docs.map((d) => (typeof d.comment === 'string' ? d.comment : (ts.getTextOfJSDocComment(d.comment) ?? ''))).join(' ');
  return flat(
    text ||
      node
        .getText(file)
        .match(/\/\*\*([\s\S]*?)\*\//)?.[1]
        ?.replace(/^\s*\*/gm, '') ||
      '',
  );
}

/** The markdown between the markers, from the text of template-context.ts. */
export function variablesMarkdown(source: string): string {
  const file = ts.createSourceFile('template-context.ts', source, ts.ScriptTarget.ES2022, true);
  const blocks: { name: string; text: string }[] = [];
  for (const s of file.statements) {
    if (!ts.isInterfaceDeclaration(s)) continue;
    const name = s.name.text + (s.typeParameters ? `<${s.typeParameters.map((p) => p.name.text).join(', ')}>` : '');
    const ext = s.heritageClauses?.flatMap((h) => h.types.map((t) => t.getText(file))) ?? [];
    const lines = [`**${name}**${ext.length ? ` (and every field of ${ext.join(', ')})` : ''}: ${comment(s, file)}`, ''];
    for (const m of s.members) {
      if (!ts.isPropertySignature(m) || !m.type) continue;
      const type = flat(m.type.getText(file)).replace(/\breadonly /g, '');
      const doc = comment(m, file);
      lines.push(`- \`${m.name.getText(file)}\` \`${type}\`${doc ? `: ${doc}` : ''}`);
    }
    blocks.push({ name: s.name.text, text: lines.join('\n') });
  }
  // What a template sees first, then the views it holds, in the file's order.
  const first = ['TemplateContext', 'PackContext'];
  const ordered = [...first.flatMap((n) => blocks.filter((b) => b.name === n)), ...blocks.filter((b) => !first.includes(b.name))];
  return [
    START,
    '<details><summary>Every variable, with what it holds</summary>',
    '',
    ...ordered.map((b) => `${b.text}\n`),
    '</details>',
    END,
  ].join('\n');
}

/** The README with its generated list replaced. */
export function withVariables(readme: string, markdown: string): string {
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  if (a < 0 || b < a) throw new Error(`README.md has no ${START} ... ${END} block`);
  return readme.slice(0, a) + markdown + readme.slice(b + END.length);
}
