import { mkdirSync, writeFileSync } from 'node:fs';
import { JSON_SCHEMAS, jsonSchemaText } from './json-schemas.js';

const dir = new URL('../../schemas/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const [name, schema] of Object.entries(JSON_SCHEMAS)) {
  writeFileSync(new URL(name, dir), jsonSchemaText(schema));
  console.log(`wrote schemas/${name}`);
}
