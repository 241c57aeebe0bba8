/**
 * The recommenders: one line per learner kind of the catalogue (family
 * 'recommend'); the hybrid is their blend (`blend.ts`), not a learner.
 */
import type { RecommendLearnerKind } from '../catalog';
import { itemKnnModel } from './item-knn';
import { popularityModel } from './popularity';
import type { Recommender, RecommenderState } from './types';

export const RECOMMENDERS: Partial<Record<RecommendLearnerKind, Recommender<object, RecommenderState>>> = {
	popularity: popularityModel as unknown as Recommender<object, RecommenderState>,
	item_knn: itemKnnModel as unknown as Recommender<object, RecommenderState>
};

export function recommenderOf(kind: RecommendLearnerKind): Recommender<object, RecommenderState> {
	const model = RECOMMENDERS[kind];
	if (!model) throw new Error(`invalid recommendation model: ${kind}`);
	return model;
}
