/**
 * Random forest (bootstrap + random features per split) grown with the
 * shared histogram tree builder; native missing values and categoricals.
 * Probability = mean over trees of the leaf's class frequencies.
 */
import type { Explanation, Features, ModelSpec, Prediction } from '../types';
import { alignFeatures, importanceByColumn, leafOf } from '../shared/tree';
import { fitForest } from './fit';
import { FOREST_DEFAULTS, type ForestParams } from './params';
import { checkForestState, type ForestState } from './state';
import { MODEL_CATALOG } from '../catalog';

export type { ForestParams } from './params';
export type { ForestState } from './state';
export { FOREST_DEFAULTS } from './params';

export const forestModel: ModelSpec<ForestParams, ForestState> = {
	kind: 'forest',
	label: MODEL_CATALOG.forest.label,
	defaults: FOREST_DEFAULTS,
	fit: fitForest,
	async predict(state: ForestState, X: Features): Promise<Prediction> {
		checkForestState(state);
		const a = alignFeatures(state.features, X);
		const e = state.trees;
		const V = e.valueSize;
		const K = state.classes.length;
		const trees = e.treeStart.length - 1;
		const probabilities = new Float64Array(a.rows * K);
		const sum = new Float64Array(V);
		for (let r = 0; r < a.rows; r++) {
			sum.fill(0);
			for (let t = 0; t < trees; t++) {
				const leaf = leafOf(e, t, a.categorical, a.values, r * a.features);
				for (let c = 0; c < V; c++) sum[c] += e.value[leaf * V + c];
			}
			if (V === 1) {
				probabilities[r * 2 + 1] = sum[0] / trees;
				probabilities[r * 2] = 1 - sum[0] / trees;
			} else for (let c = 0; c < K; c++) probabilities[r * K + c] = sum[c] / trees;
		}
		return { classes: [...state.classes], probabilities };
	},
	/** Mean decrease in impurity (Gini), normalised to sum to 1 like scikit-learn's. */
	async explain(state: ForestState): Promise<Explanation> {
		checkForestState(state);
		const raw = importanceByColumn(state.trees, state.features, 'mean decrease in impurity');
		const total = raw.importance.reduce((s, i) => s + i.value, 0);
		return { ...raw, importance: raw.importance.map((i) => ({ ...i, value: total > 0 ? i.value / total : 0 })) };
	}
};
