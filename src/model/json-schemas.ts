/**
 * JSON Schema for editors, generated from the zod schemas so the two cannot drift. The files
 * in schemas/ are written by `npm run schemas` and pinned by a test.
 */
import { z } from 'zod';
import { ConfigSchema, FindingsRegisterSchema, LayoutSchema, PlanSchema } from './schemas.js';

// Typed as plain zod types: their literal union costs tsc a second wherever one is picked by name.
export const JSON_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  'config.schema.json': ConfigSchema,
  'plan.schema.json': PlanSchema,
  'findings.schema.json': FindingsRegisterSchema,
  'layout.schema.json': LayoutSchema,
};

export function jsonSchemaText(schema: z.ZodType): string {
  // "input": what a person writes, so fields with defaults are optional to the editor.
  return `${JSON.stringify(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }), null, 2)}\n`;
}
