/**
 * Binary boosting's row passes in WebAssembly give the JavaScript loops'
 * bits: gradient pairs (the logistic probability on probability.ts's recipe)
 * and leaf values added to margins.
 */
import { describe, expect, it } from 'vitest';
import { BoostRows } from '$models/gbdt/boost-rows';
import { binaryGradients } from '$models/gbdt/loss';
import { EXP_LIMIT, kernelExp, logisticProbability } from '$models/gbdt/probability';
import { RowKernel } from '$models/shared/tree/row-kernel';
import { applyBinning, fitBinning } from '$models/shared/tree';
import { createRng } from '$models/shared/random';

function shard(rows: number, seed: number, weighted: boolean) {
	const rng = createRng(seed);
	const X = { rows, columns: [{ name: 'x', kind: 'numeric' as const, values: Float64Array.from({ length: rows }, () => rng()) }] };
	const kernel = RowKernel.create(applyBinning(X, fitBinning(X, 255), { slots: false }), BoostRows.bytes(rows))!;
	const y = Int32Array.from({ length: rows }, () => (rng() < 0.3 ? 1 : 0));
	const weights = weighted ? Float64Array.from({ length: rows }, () => 0.5 + 3 * rng()) : undefined;
	const passes = BoostRows.create(kernel, y, weights)!;
	return { kernel, passes, y, weights, rng };
}

const ULP = 2 ** -52;

describe('boosting row passes in WebAssembly', () => {
	it.each([
		[10_001, true, 'odd rows, weighted'],
		[4_096, false, 'even rows, unweighted']
	])('%i rows (%s): gradient pairs equal the JavaScript loop bit for bit, extreme margins included', (rows, weighted) => {
		const { kernel, passes, y, weights, rng } = shard(rows, rows, weighted);
		expect(kernel).not.toBeNull();
		expect(passes).not.toBeNull();
		const extremes = [0, -0, 1e-300, -1e-300, 36.7, -36.7, 707.9, -707.9, 708.2, -708.2, 745, -745, 1e300, -1e300];
		for (let r = 0; r < rows; r++) passes.margin[r] = r < extremes.length ? extremes[r] : (rng() - 0.5) * (r % 97 === 0 ? 200 : 12);
		// The grid of a table of this size (gradientScale), and none at all.
		for (const shift of [(1.5 * 2 ** 52) / 2 ** 38, 0]) {
			passes.gradients(shift);
			const expected = new Float64Array(rows * 2);
			binaryGradients(Float64Array.from(passes.margin), y, weights, expected, expected.subarray(1), 2, shift);
			expect(Array.from(kernel.pairs)).toEqual(Array.from(expected));
		}
	});

	it("adds a leaf's value to its rows' margins as the JavaScript loop does", () => {
		const { kernel, passes, rng } = shard(5_000, 7, false);
		for (let r = 0; r < 5_000; r++) {
			kernel.idx[r] = 4_999 - r;
			passes.margin[r] = rng() - 0.5;
		}
		const expected = Float64Array.from(passes.margin);
		for (const [start, end, value] of [[0, 1_200, 0.3], [1_200, 5_000, -0.125], [600, 2_000, 1e-9]] as const) {
			passes.addToRows(start, end, value);
			for (let i = start; i < end; i++) expected[kernel.idx[i]] += value;
		}
		expect(Array.from(passes.margin)).toEqual(Array.from(expected));
	});
});

describe("the kernel's logistic probability", () => {
	it('is within 3 ulp of Math.exp over the whole range it computes, and exact at 0', () => {
		const rng = createRng(11);
		let worst = 0;
		for (let i = 0; i < 200_000; i++) {
			const x = (rng() - 0.5) * 2 * EXP_LIMIT * (i % 2 ? 1 : 0.01);
			const exact = Math.exp(x);
			worst = Math.max(worst, Math.abs(kernelExp(x) - exact) / exact);
		}
		expect(worst).toBeLessThan(3 * ULP);
		expect(kernelExp(0)).toBe(1);
		expect(logisticProbability(0)).toBe(0.5);
	});

	it('stays a probability at extreme margins (no NaN, no overflow)', () => {
		for (const m of [-1e308, -1000, -709, 709, 1000, 1e308]) {
			const p = logisticProbability(m);
			expect(p).toBeGreaterThanOrEqual(0);
			expect(p).toBeLessThanOrEqual(1);
		}
		expect(logisticProbability(1000)).toBe(1);
		expect(logisticProbability(-1000)).toBeLessThan(1e-300);
	});
});
