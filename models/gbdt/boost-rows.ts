/**
 * Binary boosting's row passes in WebAssembly (kernels/boost-rows.wat): a
 * shard's margins, labels and weights live in its row kernel's memory,
 * beside the (gradient, hessian) pairs the histograms read and the row order.
 * - Gradients: one pass turns margins into pairs, two rows at a time. The
 *   JavaScript loop (binaryGradients) spent most of its time in Math.exp;
 *   both follow probability.ts, so they give the same bits (~4 ms where it
 *   took ~15 for 800,000 rows).
 * - A finished tree's leaf values go into its rows' margins (~5x faster
 *   than the JavaScript loop, the same additions).
 */
import { kernelLoader, type RowKernel } from '../shared/tree/row-kernel';
import { binaryGradients } from './loss';
import { BOOST_ROWS_WASM } from './kernels/boost-rows-wasm';

interface BoostExports {
	logisticPairs(margin: number, labels: number, weights: number, pairs: number, n: number, shift: number): void;
	addToRows(idx: number, start: number, end: number, margin: number, value: number): void;
}

const boostModule = kernelLoader(BOOST_ROWS_WASM);

export class BoostRows {
	/** Each row's margin (the shard updates it as trees finish). */
	readonly margin: Float64Array;
	private readonly labels: Float64Array;
	private readonly weights: Float64Array;

	/** The room a kernel over `rows` rows must reserve (`RowKernel.create`'s `extraBytes`). */
	static bytes(rows: number): number {
		return rows * 24;
	}

	/** The passes over `kernel`'s rows (created with `bytes(rows)` to spare), or null where they cannot run. */
	static create(kernel: RowKernel, y: Int32Array, weights: Float64Array | undefined): BoostRows | null {
		const module = boostModule();
		if (!module) return null;
		const exports = new WebAssembly.Instance(module, { kernel: { memory: kernel.memory } }).exports as unknown as BoostExports;
		return new BoostRows(kernel, exports, y, weights);
	}

	private constructor(
		private readonly kernel: RowKernel,
		private readonly exports: BoostExports,
		y: Int32Array,
		weights: Float64Array | undefined
	) {
		const n = y.length;
		const buffer = kernel.memory.buffer;
		this.margin = new Float64Array(buffer, kernel.extra, n);
		this.labels = new Float64Array(buffer, kernel.extra + 8 * n, n);
		this.weights = new Float64Array(buffer, kernel.extra + 16 * n, n);
		this.labels.set(y);
		if (weights) this.weights.set(weights);
		else this.weights.fill(1);
	}

	/** Every row's pair at the current margins, on the grid of `shift` (see onGrid in shard.ts). */
	gradients(shift: number): void {
		const n = this.margin.length;
		const even = n & ~1;
		const pairs = this.kernel.pairs;
		this.exports.logisticPairs(this.margin.byteOffset, this.labels.byteOffset, this.weights.byteOffset, pairs.byteOffset, even, shift);
		if (even === n) return;
		// An odd last row: the JavaScript loop, same bits.
		const at = 2 * even;
		binaryGradients(this.margin.subarray(even), Int32Array.of(this.labels[even]), Float64Array.of(this.weights[even]), pairs.subarray(at), pairs.subarray(at + 1), 2, shift);
	}

	/** margin[idx[i]] += value for i in [start, end) (a leaf's rows, in the kernel's row order). */
	addToRows(start: number, end: number, value: number): void {
		this.exports.addToRows(this.kernel.idx.byteOffset, start, end, this.margin.byteOffset, value);
	}
}
