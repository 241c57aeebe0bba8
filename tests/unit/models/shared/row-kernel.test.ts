/** The WebAssembly row loops give the JavaScript ones' results bit for bit, and their binary is built from its source. */
import { describe, expect, it } from 'vitest';
import { applyBinning, fitBinning } from '$models/shared/tree';
import { buildHistogram } from '$models/shared/tree/histogram';
import { RowKernel } from '$models/shared/tree/row-kernel';
import { partition } from '$models/shared/tree/builder';
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

describe('WebAssembly row kernel', () => {
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
		const kernel = RowKernel.create(m);
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

	it('partitions a node like the JavaScript partition: same rows, same order, same boundary', () => {
		const X = table(4_000, 5, 9);
		const m = applyBinning(X, fitBinning(X, 255));
		const kernel = RowKernel.create(m)!;
		const rng = createRng(5);
		const rows = Array.from({ length: m.rows }, (_, r) => r).filter(() => rng() < 0.7);
		for (let f = 0; f < m.features; f++) {
			const goLeft = Uint8Array.from({ length: m.binCount[f] }, () => (rng() < 0.5 ? 1 : 0));
			// Rows 10 .. end - 7 of the node (a range inside idx, as deeper nodes are).
			const [start, end] = [10, rows.length - 7];
			kernel.idx.set(rows);
			const mid = kernel.partition(start, end, f, goLeft);
			const reference = Int32Array.from(rows);
			const refMid = partition(m, reference, start, end, f, goLeft, new Int32Array(m.rows));
			expect(mid).toBe(refMid);
			expect(Array.from(kernel.idx.subarray(0, rows.length))).toEqual(Array.from(reference));
		}
	});

	it('takes tables of more than 65,535 bins in all (32-bit slots) alike', () => {
		const X = table(300, 300, 1);
		const m = applyBinning(X, fitBinning(X, 255));
		expect(m.slots).toBeInstanceOf(Uint32Array);
		const kernel = RowKernel.create(m)!;
		const rng = createRng(2);
		const grad = Float64Array.from({ length: m.rows }, () => rng() - 0.5);
		const hess = Float64Array.from({ length: m.rows }, () => rng());
		kernel.setGradients(grad, hess, 0);
		kernel.idx.set(Array.from({ length: m.rows }, (_, r) => r));
		const ours = new Float64Array(m.totalBins * 2);
		kernel.build(0, m.rows, ours);
		const reference = new Float64Array(m.totalBins * 2);
		buildHistogram(reference, m, kernel.idx.slice(), 0, m.rows, grad, hess, 1);
		expect(Array.from(ours)).toEqual(Array.from(reference));
	});
});
