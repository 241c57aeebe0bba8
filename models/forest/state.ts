/** The fitted state of a random forest. */
import type { ModelState } from '../types';
import type { TreeEnsemble } from '../shared/tree';

export interface ForestState extends ModelState {
	kind: 'forest';
	version: 1;
	/**
	 * Leaf values: positive-class frequency (binary, valueSize 1) or class
	 * frequencies (multiclass, valueSize = classes); probability = mean over trees.
	 */
	trees: TreeEnsemble;
}

export function checkForestState(state: ModelState): asserts state is ForestState {
	if (state?.kind !== 'forest') throw new Error(`invalid state kind: ${state?.kind} (expected forest)`);
	if (state.version !== 1) throw new Error(`invalid state version: ${state.version}`);
}
