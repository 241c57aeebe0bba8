/** The baseline: every customer is offered the items most customers own. */
import { MODEL_CATALOG } from '../catalog';
import { checkData, checkItems, checkState } from './state';
import type { Recommender, RecommenderState } from './types';

export type PopularityParams = Record<string, never>;

export interface PopularityState extends RecommenderState {
	kind: 'popularity';
	version: 1;
	/** Share of customers owning each item. */
	share: Float64Array;
}

export const popularityModel: Recommender<PopularityParams, PopularityState> = {
	kind: 'popularity',
	label: MODEL_CATALOG.popularity.label,
	defaults: {},
	async fit(data) {
		const { users, items } = checkData(data);
		const share = new Float64Array(items);
		const { owned } = data.matrix;
		for (let u = 0; u < users; u++) for (let j = 0; j < items; j++) share[j] += owned[u * items + j];
		for (let j = 0; j < items; j++) share[j] /= Math.max(users, 1);
		return { kind: 'popularity', version: 1, share };
	},
	async score(state, data) {
		checkState(state, 'popularity', 1);
		const { users, items } = checkData(data);
		checkItems(state.share.length, data);
		const scores = new Float32Array(users * items);
		for (let u = 0; u < users; u++) for (let j = 0; j < items; j++) scores[u * items + j] = state.share[j];
		return scores;
	}
};
