/** Checks on recommender states: loading a state of another kind or version throws. */
import type { RecommendData, RecommenderState } from './types';

export function checkState<S extends RecommenderState>(state: S, kind: string, version: number): S {
	if (!state || state.kind !== kind) throw new Error(`invalid state: expected kind ${kind}, got ${state?.kind}`);
	if (state.version !== version) throw new Error(`invalid state: ${kind} version ${state.version} (expected ${version})`);
	return state;
}

/** Rejects a matrix whose size disagrees with its users and items. */
export function checkData(data: RecommendData): { users: number; items: number } {
	const { users, items, owned } = data.matrix;
	if (owned.length !== users.length * items.length) throw new Error(`invalid matrix: ${owned.length} cells for ${users.length} × ${items.length}`);
	if (data.profile && data.profile.rows !== users.length) throw new Error(`invalid profile: ${data.profile.rows} rows for ${users.length} customers`);
	return { users: users.length, items: items.length };
}

/** Catalogue items the fitted state knows must match the data's. */
export function checkItems(expected: number, data: RecommendData): void {
	if (data.matrix.items.length !== expected) throw new Error(`invalid data: ${data.matrix.items.length} items, the model was fitted on ${expected}`);
}
