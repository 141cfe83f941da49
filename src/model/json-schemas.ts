/**
 * JSON Schema for editors, generated from the zod schemas so the two cannot drift. The files
 * in schemas/ are written by `npm run schemas` and pinned by a test.
 */
import { z } from 'zod';
import { ConfigSchema, FindingsRegisterSchema, LayoutSchema, PlanSchema } from './schemas.js';

export const JSON_SCHEMAS = {
  'config.schema.json': ConfigSchema,
  'plan.schema.json': PlanSchema,
  'findings.schema.json': FindingsRegisterSchema,
  'layout.schema.json': LayoutSchema,
} as const;

export function jsonSchemaText(schema: z.ZodType): string {
  // "input": what a person writes, so fields with defaults are optional to the editor.
  return `${JSON.stringify(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }), null, 2)}\n`;
}
