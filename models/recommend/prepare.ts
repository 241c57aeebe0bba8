/** A table and a request → what the recommenders read (the worker and the evaluation command share it). */
import type { RawColumn } from '../shared/columns';
import { matrixFromLong } from './long';
import { matrixFromWide } from './ownership';
import { profileFeatures } from './profile';
import type { RecommendData, RecommendRequest } from './types';

export function prepareRecommendData(raw: RawColumn[], request: Pick<RecommendRequest, 'layout' | 'items' | 'userColumn' | 'itemColumn' | 'quantityColumn' | 'profileColumns'>): RecommendData {
	if (request.layout === 'long') return { matrix: matrixFromLong(raw, request.userColumn, request.itemColumn, request.quantityColumn), profile: null };
	if (request.layout !== 'wide') throw new Error(`invalid layout: ${request.layout}`);
	const matrix = matrixFromWide(raw, request.items, request.userColumn);
	const exclude = [...request.items, ...(request.userColumn ? [request.userColumn] : [])];
	return { matrix, profile: profileFeatures(raw, exclude, request.profileColumns ?? null) };
}
