import type { Diagnostics } from '../diagnostics/index.js';
import type { Computed, Inputs, Linkage } from '../model/types.js';
import { computeActions } from './actions.js';
import { computeFacts } from './facts.js';
import { computeIndicator } from './indicators.js';

export { ragOf, directionOf, computeIndicator, hasTarget } from './indicators.js';
export { isOverdue, computeActions } from './actions.js';
export { computeFacts, coverageOf, distanceFromTarget, gapToTarget, isAnswered, needsAttention, overallJudgement } from './facts.js';

export function compute(inputs: Inputs, linkage: Linkage, diags?: Diagnostics): Computed {
  const indicators = inputs.indicators.map((i) => computeIndicator(i, inputs.period.id));
  const actions = computeActions(inputs.plan, inputs.packDate);
  return { indicators, actions, facts: computeFacts(inputs, linkage, indicators, actions, diags) };
}
