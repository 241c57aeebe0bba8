/**
 * A contiguous block of the training rows and everything boosting keeps per
 * row: bins, labels, margins, gradients and the row order of the tree being
 * grown. The coordinator (grow.ts) never sees rows: it asks each shard for
 * node histograms and tells it how nodes split. One shard runs on the
 * learner's own thread; with helper threads each holds one block.
 *
 * Gradients are rounded to multiples of 1 / `scale` (a power of two chosen
 * so that no sum over all rows can exceed 2^53): every histogram sum, the
 * sibling subtraction and the split search are then exact in float64, in any
 * order, so the trees are the same whether 1 or N shards summed them.
 */
import { withSlots, type BinnedMatrix } from '../shared/tree/binning';
import { buildHistogram, HistogramPool } from '../shared/tree/histogram';
import { RowKernel } from '../shared/tree/row-kernel';
import { partition } from '../shared/tree/builder';
import { gradients, loglossSum } from './loss';
import { BoostRows } from './boost-rows';

/** What a shard is started with (plain data: it crosses to a helper thread). */
export interface ShardInit {
	/** This block's binned rows (`rows` of them, all features). */
	matrix: BinnedMatrix;
	y: Int32Array;
	weights?: Float64Array;
	/** Starting margin per output (the base scores). */
	base: number[];
	/** Outputs per round: 1 (binary) or the number of classes. */
	outputs: number;
	scale: number;
	/** Index of the block's first row among all training rows (the loss sample uses global indices). */
	offset: number;
}

/** How the coordinator split one node; children get the next node ids. */
export interface ShardSplit {
	node: number;
	feature: number;
	goLeft: Uint8Array;
	left: number;
	right: number;
}

/** Grid of the gradients: the largest power of two keeping Σ|g| over `rows` rows of weight ≤ `maxWeight` below 2^52. */
export function gradientScale(rows: number, maxWeight: number): number {
	return 2 ** Math.floor(52 - Math.log2(Math.max(1, rows) * Math.max(1, maxWeight)));
}

export class BoostShard {
	private readonly m: BinnedMatrix;
	private readonly margin: Float64Array;
	private readonly grad: Float64Array;
	private readonly hess: Float64Array;
	private readonly idx: Int32Array;
	private readonly temp: Int32Array;
	private readonly pool: HistogramPool;
	/** The row loops in WebAssembly (null: the JavaScript ones). */
	private readonly kernel: RowKernel | null;
	/** Binary gradients and margin updates in WebAssembly, which holds the margins then (null: the JavaScript loops). */
	private readonly rowPasses: BoostRows | null;
	private inSample: Uint8Array | null = null;
	private output = 0;
	/** Per node of the current tree: its range of `idx`, and the split that routes rows. */
	private start: number[] = [];
	private end: number[] = [];
	private splits: (ShardSplit | undefined)[] = [];

	constructor(private readonly init: ShardInit) {
		const { outputs: T, base } = init;
		const rows = init.matrix.rows;
		this.kernel = RowKernel.create(init.matrix, T === 1 ? BoostRows.bytes(rows) : 0);
		this.rowPasses = this.kernel && T === 1 ? BoostRows.create(this.kernel, init.y, init.weights) : null;
		// Without the kernel, the JavaScript histogram loop reads slots.
		const m = this.kernel ? init.matrix : withSlots(init.matrix);
		this.m = m;
		this.margin = this.rowPasses?.margin ?? new Float64Array(m.rows * T);
		for (let r = 0; r < m.rows; r++) for (let k = 0; k < T; k++) this.margin[r * T + k] = base[k];
		// The kernels compute binary gradients as pairs: then these stay empty.
		const perOutput = this.rowPasses ? 0 : m.rows * T;
		this.grad = new Float64Array(perOutput);
		this.hess = new Float64Array(perOutput);
		this.idx = this.kernel?.idx ?? new Int32Array(m.rows);
		this.temp = new Int32Array(this.kernel ? 0 : m.rows);
		this.pool = new HistogramPool(m.totalBins * 2);
	}

	/** Gradients of every output at the current margins, on the grid; `sample` marks this round's rows (null: all). */
	round(sample: Uint8Array | null): void {
		const { y, weights, outputs, scale } = this.init;
		this.inSample = sample;
		// Straight into the kernel's (gradient, hessian) pairs, on the grid, in one pass.
		if (this.rowPasses) return this.rowPasses.gradients(gridShift(scale));
		gradients(this.margin, y, weights, outputs, this.grad, this.hess);
		onGrid(this.grad, scale);
		onGrid(this.hess, scale);
	}

	/** Starts the tree of `output`: one root node holding the round's rows; returns the root's histogram. */
	tree(output: number): Float64Array {
		this.output = output;
		this.splits = [];
		if (this.kernel && !this.rowPasses) this.kernel.setGradients(this.grad, this.hess, output * this.m.rows);
		// The round's rows in ascending order (keeps histogram reads sequential; the last tree reordered idx).
		let count = 0;
		for (let r = 0; r < this.m.rows; r++) if (!this.inSample || this.inSample[r]) this.idx[count++] = r;
		this.start = [0];
		this.end = [count];
		return this.histogram(0);
	}

	/** Partitions the split nodes' rows, then builds the histograms of the `build` nodes (in that order). */
	grow(splits: ShardSplit[], build: number[], recycle: Float64Array[]): Float64Array[] {
		for (const hist of recycle) this.pool.give(hist);
		for (const s of splits) {
			const [from, to] = [this.start[s.node], this.end[s.node]];
			const mid = this.kernel ? this.kernel.partition(from, to, s.feature, s.goLeft) : partition(this.m, this.idx, from, to, s.feature, s.goLeft, this.temp);
			this.splits[s.node] = s;
			this.start[s.left] = this.start[s.node];
			this.end[s.left] = mid;
			this.start[s.right] = mid;
			this.end[s.right] = this.end[s.node];
		}
		return build.map((node) => this.histogram(node));
	}

	/** Adds the finished tree's leaf values (`values[node]`) to the margins of every row. */
	finish(values: Float64Array): void {
		const T = this.init.outputs;
		const k = this.output;
		for (let node = 0; node < this.start.length; node++) {
			if (this.splits[node] || this.start[node] === undefined) continue;
			const v = values[node];
			if (this.rowPasses) this.rowPasses.addToRows(this.start[node], this.end[node], v);
			else for (let i = this.start[node]; i < this.end[node]; i++) this.margin[this.idx[i] * T + k] += v;
		}
		if (!this.inSample) return;
		// Rows left out of this round's sample follow the splits from the root.
		const cols = this.m.columns;
		const n = this.m.rows;
		for (let r = 0; r < n; r++) {
			if (this.inSample[r]) continue;
			let node = 0;
			for (let s = this.splits[0]; s; s = this.splits[node]) node = s.goLeft[cols[s.feature * n + r]] ? s.left : s.right;
			this.margin[r * T + k] += values[node];
		}
	}

	/** Weighted logloss sum over the rows whose global index is a multiple of `stride`. */
	loss(stride: number): { total: number; weight: number } {
		const { y, weights, outputs, offset } = this.init;
		const first = (stride - (offset % stride)) % stride;
		return loglossSum(this.margin, y, weights, outputs, stride, first);
	}

	private histogram(node: number): Float64Array {
		// The kernel writes every value of the buffer: it needs no clearing.
		const hist = this.pool.take(!this.kernel);
		if (this.kernel) {
			this.kernel.build(this.start[node], this.end[node], hist);
			return hist;
		}
		const n = this.m.rows;
		const k = this.output;
		buildHistogram(hist, this.m, this.idx, this.start[node], this.end[node], this.grad.subarray(k * n, (k + 1) * n), this.hess.subarray(k * n, (k + 1) * n), 1);
		return hist;
	}
}

/**
 * Rounds every value to the nearest multiple of 1 / scale: adding and taking
 * back 1.5 · 2^52 / scale leaves exactly that (the sum's last bit is worth
 * 1 / scale), two additions instead of a multiply, a Math.round and a divide.
 * Exact while |v| < 2^51 / scale, which gradientScale guarantees.
 */
function onGrid(values: Float64Array, scale: number): void {
	const shift = gridShift(scale);
	for (let i = 0; i < values.length; i++) values[i] = values[i] + shift - shift;
}

/** What onGrid adds and takes back to round to multiples of 1 / scale. */
function gridShift(scale: number): number {
	return (1.5 * 2 ** 52) / scale;
}
