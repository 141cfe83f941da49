import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JSON_SCHEMAS, jsonSchemaText } from '../../src/model/json-schemas.js';
import { ROOT } from '../helpers/workspace.js';

describe('JSON Schema files for editors', () => {
  it.each(Object.keys(JSON_SCHEMAS))('schemas/%s is generated from the zod schema (run npm run schemas)', (name) => {
    const committed = readFileSync(path.join(ROOT, 'schemas', name), 'utf8');
    expect(committed).toBe(jsonSchemaText(JSON_SCHEMAS[name]!));
  });

  it('describes plan fields, so editors can show help', () => {
    const plan = JSON.parse(jsonSchemaText(JSON_SCHEMAS['plan.schema.json']!));
    const action = plan.properties.priorities.items.properties.actions.items;
    expect(action.required).toEqual(expect.arrayContaining(['id', 'action', 'owner', 'due', 'status']));
    expect(action.properties.status.enum).toEqual(['complete', 'on-track', 'at-risk', 'off-track', 'not-started']);
    expect(action.properties.answers.description).toMatch(/findings/);
  });
});
