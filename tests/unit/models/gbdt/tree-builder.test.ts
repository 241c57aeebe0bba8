import { describe, expect, it } from 'vitest';
import { gbdtModel } from '../../../../models/gbdt';
import type { Dataset } from '../../../../models/types';
import { context, noisyBinary } from './helpers';

/** 8 accounts, one feature (tenure): churners are the short-tenure half. */
function tenureData(): Dataset {
	return {
		X: { rows: 8, columns: [{ name: 'tenure', kind: 'numeric', values: Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8]) }] },
		y: Int32Array.from([1, 1, 1, 0, 0, 0, 0, 0]),
		classes: ['stays', 'churns']
	};
}

describe('shared tree builder', () => {
	it('fit(8 rows, {nEstimators: 1, maxDepth: 1}) finds the closed-form split and leaves', async () => {
		const lr = 0.3;
		const state = await gbdtModel.fit(tenureData(), { ...gbdtModel.defaults, nEstimators: 1, maxDepth: 1, learningRate: lr, minChildWeight: 0 }, context());
		const t = state.trees;
		// Base score: log-odds of 3/8; every row then has p = 3/8, h = p(1-p).
		const p = 3 / 8;
		expect(state.baseScore[0]).toBeCloseTo(Math.log(p / (1 - p)), 12);
		expect(t.feature[0]).toBe(0);
		// Best cut separates tenure ≤ 3 from ≥ 4: threshold is the next value (x < 4 goes left).
		expect(t.threshold[0]).toBe(4);
		const h = p * (1 - p);
		const leftG = 3 * (p - 1);
		const rightG = 5 * p;
		const leaf = (G: number, H: number) => (-G / (H + 1)) * lr;
		expect(t.value[t.left[0]]).toBeCloseTo(leaf(leftG, 3 * h), 12);
		expect(t.value[t.right[0]]).toBeCloseTo(leaf(rightG, 5 * h), 12);
		const gain = leftG ** 2 / (3 * h + 1) + rightG ** 2 / (5 * h + 1) - (leftG + rightG) ** 2 / (8 * h + 1);
		expect(t.gain[0]).toBeCloseTo(gain, 12);
		expect(t.cover[0]).toBeCloseTo(8 * h, 12);
	});

	it('fit(data, {gamma: large}) makes no split', async () => {
		const state = await gbdtModel.fit(tenureData(), { ...gbdtModel.defaults, nEstimators: 1, gamma: 100 }, context());
		expect(state.trees.feature[0]).toBe(-1);
	});

	it('fit(data, {maxLeaves: 5, maxDepth: 0}) grows leaf-wise up to 5 leaves', async () => {
		const state = await gbdtModel.fit(noisyBinary(500, 1), { ...gbdtModel.defaults, nEstimators: 3, maxDepth: 0, maxLeaves: 5 }, context());
		const t = state.trees;
		for (let tree = 0; tree < 3; tree++) {
			const leaves = Array.from(t.feature.subarray(t.treeStart[tree], t.treeStart[tree + 1])).filter((f) => f < 0).length;
			expect(leaves).toBe(5);
		}
	});
});
