import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { JSON_SCHEMAS, jsonSchemaText } from '../src/model/json-schemas.js';
import { ROOT } from './root.js';

const dir = pathToFileURL(path.join(ROOT, 'schemas/'));
mkdirSync(dir, { recursive: true });
for (const [name, schema] of Object.entries(JSON_SCHEMAS)) {
  writeFileSync(new URL(name, dir), jsonSchemaText(schema));
  console.log(`wrote schemas/${name}`);
}
