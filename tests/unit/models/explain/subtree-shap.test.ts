import { beforeAll, describe, expect, it } from 'vitest';
import { additivityError, explainTrees, type ShapResult } from '../../../../models/explain';
import { treeTarget } from '../../../../models/explain/tree';
import { PairMemo } from '../../../../models/explain/pair-memo';
import { MODELS } from '../../../../models';
import type { Features } from '../../../../models/types';
import type { ForestState } from '../../../../models/forest';
import type { GbdtState } from '../../../../models/gbdt';
import { alignFeatures } from '../../../../models/shared/tree';
import { bruteForceShap, churnTable, context, handEnsemble, head } from './fixtures';

const forestModel = MODELS.forest;
type HandNode = Parameters<typeof handEnsemble>[0][number];
const binary = churnTable(300, 4);
const multi = churnTable(300, 5, 3);

/** Rows `from .. to` of `X` (what one of several workers is given). */
function rowsOf(X: Features, from: number, to: number): Features {
	return {
		rows: to - from,
		columns: X.columns.map((c) => (c.kind === 'numeric' ? { ...c, values: c.values.slice(from, to) } : { ...c, codes: c.codes.slice(from, to) }))
	};
}

function maxDiff(a: Float64Array, b: Float64Array): number {
	let worst = 0;
	for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
	return worst;
}


let deep: ForestState;
let unlimited: ForestState;
let deepMulti: ForestState;

beforeAll(async () => {
	deep = await forestModel.fit(binary, { ...forestModel.defaults, nEstimators: 8, maxDepth: 10 }, context(2));
	unlimited = await forestModel.fit(binary, { ...forestModel.defaults, nEstimators: 4, maxDepth: 0 }, context(3));
	deepMulti = await forestModel.fit(multi, { ...forestModel.defaults, nEstimators: 6, maxDepth: 9 }, context(4));
});

describe('explainTrees(method: subtree)', () => {
	it.each([
		['depth 10, class 1', () => deep, 1, binary.X],
		['depth 10, class 0', () => deep, 0, binary.X],
		['unlimited depth', () => unlimited, 1, binary.X],
		['multiclass, class 2', () => deepMulti, 2, multi.X],
		['multiclass, class 0', () => deepMulti, 0, multi.X]
	] as const)('explainTrees(forest %s) equals the recursion', async (_, state, classIndex, X) => {
		const rows = head(X, 120);
		const subtree = await explainTrees(state(), rows, { classIndex, method: 'subtree' });
		const recursive = await explainTrees(state(), rows, { classIndex, recursive: true });
		expect(maxDiff(subtree.values, recursive.values)).toBeLessThan(1e-12);
		expect(maxDiff(subtree.outputs, recursive.outputs)).toBeLessThan(1e-12);
		expect(additivityError(subtree)).toBeLessThan(1e-9);
	});

	it('explainTrees(forest) on rows split in two (as two workers would) equals one call on all of them', async () => {
		const all = await explainTrees(deep, head(binary.X, 200), { method: 'subtree' });
		const first = await explainTrees(deep, rowsOf(binary.X, 0, 80), { method: 'subtree' });
		const second = await explainTrees(deep, rowsOf(binary.X, 80, 200), { method: 'subtree' });
		const F = all.features.length;
		expect(maxDiff(all.values.subarray(0, 80 * F), first.values)).toBeLessThan(1e-12);
		expect(maxDiff(all.values.subarray(80 * F), second.values)).toBeLessThan(1e-12);
		expect(second.base).toBe(all.base);
	});

	it('explainTrees(hand-built, method: subtree) equals brute-force Shapley values with repeated features, an uncovered leaf and missing values', async () => {
		const leaf = (v: number, cover = 5): HandNode => ({ leaf: v, cover });
		const split = (feature: number, threshold: number, left: HandNode, right: HandNode, defaultLeft = false): HandNode => ({ feature, threshold, left, right, defaultLeft });
		// Depth 5 (an upper part above the bottom subtrees), x0 split three times on one path, a leaf no training row reached.
		const tree = split(
			0,
			0.5,
			split(1, 0.5, split(0, 0.25, split(2, 0.5, split(0, 0.1, leaf(1), leaf(2, 0)), leaf(3)), leaf(4)), leaf(5, 9), true),
			split(2, 0.3, leaf(-1), split(3, 0.5, split(1, 0.7, leaf(6), split(0, 0.9, leaf(7), leaf(8))), leaf(9, 2)))
		);
		const trees = handEnsemble([tree, split(3, 0.5, leaf(2), leaf(-2))]);
		const names = ['x0', 'x1', 'x2', 'x3'];
		const state = {
			kind: 'gbdt', version: 1, classes: ['No', 'Yes'], treesPerRound: 1, baseScore: [0], bestIteration: 2, trees,
			features: names.map((name) => ({ name, kind: 'numeric' as const }))
		} as GbdtState;
		const rows = [[0.05, 0.2, 0.4, 0.1], [0.2, NaN, 0.6, 0.7], [0.95, 0.8, 0.2, 0.4], [0.6, 0.5, 0.9, NaN], [NaN, 0.1, 0.1, 0.6], [0.3, 0.9, 0.35, 0.2]];
		const X = { rows: rows.length, columns: names.map((name, f) => ({ name, kind: 'numeric' as const, values: Float64Array.from(rows, (v) => v[f]) })) };
		const res = await explainTrees(state, X, { method: 'subtree' });
		const a = alignFeatures(state.features, X);
		rows.forEach((_, r) => {
			const phi = bruteForceShap(trees, treeTarget(state, 1), a.categorical, a.values.subarray(r * 4, r * 4 + 4), 4);
			for (let f = 0; f < 4; f++) expect(res.values[r * 4 + f]).toBeCloseTo(phi[f], 12);
		});
		expect(additivityError(res)).toBeLessThan(1e-12);
	});
});

describe('PairMemo', () => {
	it.each([
		['direct', 3, 3],
		['hashed', 12, 12]
	] as const)('PairMemo(8) %s: get returns what set stored, -1 otherwise, and clear forgets everything', (_, aBits, bBits) => {
		const memo = new PairMemo(8);
		memo.clear(aBits, bBits);
		const pairs: [number, number][] = [];
		for (let a = 0; a < 1 << aBits; a += 1 + (a >> 3)) for (let b = 0; b < 1 << bBits; b += 3 + (b >> 2)) pairs.push([a, b]);
		pairs.forEach(([a, b], i) => memo.set(a, b, i));
		pairs.forEach(([a, b], i) => expect(memo.get(a, b)).toBe(i));
		expect(memo.get(1, 1)).toBe(-1);
		memo.clear(aBits, bBits);
		for (const [a, b] of pairs) expect(memo.get(a, b)).toBe(-1);
	});
});
