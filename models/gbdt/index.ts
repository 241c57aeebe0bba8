/**
 * Gradient-boosted trees (histogram-based, XGBoost `hist`-like): logistic
 * loss for binary targets, softmax for multiclass, native missing values and
 * categorical columns. See `GbdtParams` for the hyperparameters.
 */
import type { Explanation, Features, ModelSpec, Prediction } from '../types';
import { alignFeatures, importanceByColumn, leafOf } from '../shared/tree';
import { fitGbdt } from './fit';
import { softmax } from './loss';
import { GBDT_DEFAULTS, type GbdtParams } from './params';
import { checkGbdtState, type GbdtState } from './state';
import { MODEL_CATALOG } from '../catalog';

export type { GbdtParams } from './params';
export type { GbdtState } from './state';
export { GBDT_DEFAULTS } from './params';

/** Raw margins (before the link) per row and output: `rows × treesPerRound`. */
export function predictMargins(state: GbdtState, X: Features): Float64Array {
	checkGbdtState(state);
	const a = alignFeatures(state.features, X);
	const T = state.treesPerRound;
	const e = state.trees;
	const trees = e.treeStart.length - 1;
	const out = new Float64Array(a.rows * T);
	for (let r = 0; r < a.rows; r++) {
		const base = r * a.features;
		for (let k = 0; k < T; k++) out[r * T + k] = state.baseScore[k];
		for (let t = 0; t < trees; t++) out[r * T + (t % T)] += e.value[leafOf(e, t, a.categorical, a.values, base)];
	}
	return out;
}

export const gbdtModel: ModelSpec<GbdtParams, GbdtState> = {
	kind: 'gbdt',
	label: MODEL_CATALOG.gbdt.label,
	defaults: GBDT_DEFAULTS,
	fit: fitGbdt,
	async predict(state: GbdtState, X: Features): Promise<Prediction> {
		const margin = predictMargins(state, X);
		const K = state.classes.length;
		const probabilities = new Float64Array(X.rows * K);
		if (state.treesPerRound === 1) {
			for (let r = 0; r < X.rows; r++) {
				const p = 1 / (1 + Math.exp(-margin[r]));
				probabilities[r * 2] = 1 - p;
				probabilities[r * 2 + 1] = p;
			}
		} else {
			const probs = new Float64Array(K);
			for (let r = 0; r < X.rows; r++) {
				softmax(margin, r * K, K, probs);
				probabilities.set(probs, r * K);
			}
		}
		return { classes: [...state.classes], probabilities };
	},
	async explain(state: GbdtState): Promise<Explanation> {
		checkGbdtState(state);
		return importanceByColumn(state.trees, state.features, 'total split gain');
	}
};
