import type { Action, ActionResult, Plan } from '../model/types.js';

/** Past its due date on the pack date and not complete. */
export function isOverdue(action: Pick<Action, 'due' | 'status'>, packDate: string): boolean {
  return action.status !== 'complete' && action.due < packDate;
}

export function computeActions(plan: Plan, packDate: string): ActionResult[] {
  return plan.priorities.flatMap((p) => p.actions.map((action) => ({ action, overdue: isOverdue(action, packDate) })));
}
