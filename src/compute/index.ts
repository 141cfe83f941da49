import type { Computed, Inputs } from '../model/types.js';
import { computeActions } from './actions.js';
import { computeIndicator } from './indicators.js';

export { ragOf, directionOf, computeIndicator } from './indicators.js';
export { isOverdue, computeActions } from './actions.js';

export function compute(inputs: Inputs): Computed {
  return {
    indicators: inputs.indicators.map((i) => computeIndicator(i, inputs.period.id)),
    actions: computeActions(inputs.plan, inputs.packDate),
  };
}
