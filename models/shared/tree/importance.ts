/** Split-gain importance of a tree ensemble, summed per fitted column. */
import type { Explanation, ModelState } from '../../types';
import type { TreeEnsemble } from './ensemble';

/**
 * Sums node gain per split feature, scaled by `scale` (a forest passes
 * 1/(trees · root cover) so values are mean decrease in impurity per row).
 */
export function importanceByColumn(e: TreeEnsemble, features: ModelState['features'], method: string, scale = 1): Explanation {
	const sums = new Float64Array(features.length);
	for (let n = 0; n < e.feature.length; n++) if (e.feature[n] >= 0) sums[e.feature[n]] += e.gain[n];
	return { method, importance: features.map((f, i) => ({ feature: f.name, value: sums[i] * scale })) };
}
