/**
 * Item similarity: a customer's score for an item is the sum of its similarities
 * to the items they own (co-ownership: cosine, Jaccard or lift; the workbench
 * chooses the measure on the validation customers).
 */
import { MODEL_CATALOG } from '../catalog';
import { coOwnership, itemSimilarity, SIMILARITIES, type Similarity } from './similarity';
import { checkData, checkItems, checkState } from './state';
import type { Recommender, RecommenderState } from './types';

export interface ItemKnnParams {
	/** Co-ownership measure. Default 'cosine'. */
	similarity: Similarity;
}

export interface ItemKnnState extends RecommenderState {
	kind: 'item_knn';
	version: 1;
	similarity: Similarity;
	items: number;
	/** items × items, row i = how much owning i suggests each item. */
	weights: Float64Array;
}

export const itemKnnModel: Recommender<ItemKnnParams, ItemKnnState> = {
	kind: 'item_knn',
	label: MODEL_CATALOG.item_knn.label,
	defaults: { similarity: 'cosine' },
	async fit(data, params) {
		if (!SIMILARITIES.includes(params.similarity)) throw new Error(`invalid similarity: ${params.similarity}`);
		const { users, items } = checkData(data);
		const weights = itemSimilarity(coOwnership(data.matrix.owned, users, items), items, users, params.similarity);
		return { kind: 'item_knn', version: 1, similarity: params.similarity, items, weights };
	},
	async score(state, data) {
		checkState(state, 'item_knn', 1);
		const { users, items } = checkData(data);
		checkItems(state.items, data);
		const { owned } = data.matrix;
		const scores = new Float32Array(users * items);
		const row = new Float64Array(items);
		for (let u = 0; u < users; u++) {
			row.fill(0);
			for (let i = 0; i < items; i++) {
				if (!owned[u * items + i]) continue;
				for (let j = 0; j < items; j++) row[j] += state.weights[i * items + j];
			}
			scores.set(row, u * items);
		}
		return scores;
	}
};
