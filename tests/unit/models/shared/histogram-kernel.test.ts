/** The WebAssembly histogram loop gives bit-identical sums to the JavaScript one, and its binary is built from its source. */
import { describe, expect, it } from 'vitest';
import { applyBinning, fitBinning } from '$models/shared/tree';
import { buildHistogram } from '$models/shared/tree/histogram';
import { HistogramKernel } from '$models/shared/tree/histogram-kernel';
import { createRng } from '$models/shared/random';
import type { Features } from '$models';
import { buildKernels } from '../../../../scripts/build-kernels';

function table(rows: number, features: number, seed: number): Features {
	const rng = createRng(seed);
	return {
		rows,
		columns: Array.from({ length: features }, (_, f) => ({
			name: `x${f}`,
			kind: 'numeric' as const,
			// Skewed values and a few missing ones: uneven bins, bin 0 used.
			values: Float64Array.from({ length: rows }, () => (rng() < 0.03 ? NaN : rng() * rng() * (f + 1)))
		}))
	};
}

describe('WebAssembly histogram kernel', () => {
	it('is the committed binary of histogram.wat', async () => {
		expect(await buildKernels(true)).toEqual([]);
	});

	it.each([
		[7, 'features not a multiple of four'],
		[8, 'four features per step only'],
		[30, 'the benchmark width']
	])('%i features (%s): every node histogram equals the JavaScript loop bit for bit, dense and scattered rows', (F) => {
		const X = table(5_000, F, F);
		const m = applyBinning(X, fitBinning(X, 255));
		const kernel = HistogramKernel.create(m);
		expect(kernel).not.toBeNull();
		const rng = createRng(3);
		const grad = Float64Array.from({ length: m.rows * 2 }, () => rng() - 0.5);
		const hess = Float64Array.from({ length: m.rows * 2 }, () => rng() * 0.25);
		// The second output's gradients (offset = rows), as a multiclass tree reads them.
		kernel!.setGradients(grad, hess, m.rows);
		// A scattered node (every third row), then the whole block in order.
		const nodes: number[][] = [
			Array.from({ length: m.rows }, (_, r) => r).filter((r) => r % 3 === 1),
			Array.from({ length: m.rows }, (_, r) => r)
		];
		for (const rows of nodes) {
			kernel!.idx.set(rows);
			const ours = new Float64Array(m.totalBins * 2);
			kernel!.build(0, rows.length, ours);
			const reference = new Float64Array(m.totalBins * 2);
			buildHistogram(reference, m, Int32Array.from(rows), 0, rows.length, grad.subarray(m.rows), hess.subarray(m.rows), 1);
			expect(Array.from(ours)).toEqual(Array.from(reference));
		}
	});

	it('declines tables with more than 65,535 bins in all (32-bit slots): the JavaScript loop takes them', () => {
		const X = table(300, 300, 1);
		const m = applyBinning(X, fitBinning(X, 255));
		expect(m.slots).toBeInstanceOf(Uint32Array);
		expect(HistogramKernel.create(m)).toBeNull();
	});
});
