/** The time-budget check shared by the learners that fit in stages (trees, rounds, epochs). */
import type { FitContext } from '../types';

/** True once `ctx.stopAt` has passed: the learner should stop adding stages and return its model. */
export function pastStopAt(ctx: Pick<FitContext, 'stopAt'>): boolean {
	return ctx.stopAt !== undefined && performance.now() >= ctx.stopAt;
}
