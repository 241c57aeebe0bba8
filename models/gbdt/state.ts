/** The fitted state of gradient-boosted trees. */
import type { ModelState } from '../types';
import type { TreeEnsemble } from '../shared/tree';

export interface GbdtState extends ModelState {
	kind: 'gbdt';
	version: 1;
	/** Trees per boosting round: 1 (binary) or one per class (softmax); tree t adds to output t % treesPerRound. */
	treesPerRound: number;
	/** Starting margin per output: log-odds of the positive rate, or log class priors. */
	baseScore: number[];
	/** Index of the round kept last (early stopping keeps the best round; else the final one). */
	bestIteration: number;
	trees: TreeEnsemble;
}

export function checkGbdtState(state: ModelState): asserts state is GbdtState {
	if (state?.kind !== 'gbdt') throw new Error(`invalid state kind: ${state?.kind} (expected gbdt)`);
	if (state.version !== 1) throw new Error(`invalid state version: ${state.version}`);
}
