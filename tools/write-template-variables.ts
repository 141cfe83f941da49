import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './root.js';
import { variablesMarkdown, withVariables } from './template-variables.js';

const readme = path.join(ROOT, 'README.md');
const source = readFileSync(path.join(ROOT, 'src/5-compose/template-context.ts'), 'utf8');
writeFileSync(readme, withVariables(readFileSync(readme, 'utf8'), variablesMarkdown(source)));
console.log('wrote the template variables into README.md');
