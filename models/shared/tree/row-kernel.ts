/**
 * The row loops of one-channel trees (every boosted tree, binary forests) in
 * WebAssembly (kernels/tree-rows.wat):
 * - gradient histograms: each row adds its (gradient, hessian) pair to its
 *   bins' pairs with one 128-bit add, and rows scattered over the table are
 *   touched a block ahead so their memory misses overlap (a boosted fit of
 *   1M × 30 went from 23 s to 8.5 s on one thread); the same sums in the same
 *   order as the JavaScript loop, so bit-identical;
 * - the stable partition of a node's rows at a split (the same order as
 *   `partition` in builder.ts).
 *
 * A kernel owns one fixed WebAssembly memory holding a block of rows' bins
 * (row-major bytes for histograms, column-major for partitions), their
 * gradient pairs, the row order and one histogram; it never grows, so the
 * views below stay valid. Where WebAssembly SIMD is missing or the memory
 * cannot be had, `create` returns null and the caller keeps the JavaScript loops.
 * A caller may reserve room of its own in the same memory (`extraBytes`), for
 * a kernel of its own that works on the same rows (boosting's gradients).
 */
import { fromBase64 } from '../state-json';
import type { BinnedMatrix } from './binning';
import { TREE_ROWS_WASM } from './kernels/tree-rows-wasm';

type RowLoop = (idx: number, start: number, end: number, bins: number, features: number, pairs: number, slot: number) => void;
interface KernelExports {
	addRows: RowLoop;
	addSparseRows: RowLoop;
	partition(idx: number, start: number, end: number, col: number, goLeft: number, temp: number): number;
}

const PAGE = 65536;
/** Below this share of the block's rows, a node's rows are scattered enough to touch ahead. */
const SPARSE_SHARE = 0.6;

/** A kernel's module, compiled on first use (once); null where WebAssembly SIMD is missing. */
export function kernelLoader(base64: string): () => WebAssembly.Module | null {
	let compiled: WebAssembly.Module | null | undefined;
	return () => {
		if (compiled === undefined) {
			try {
				compiled = new WebAssembly.Module(fromBase64(base64) as Uint8Array<ArrayBuffer>);
			} catch {
				compiled = null; // no WebAssembly SIMD here: the JavaScript loops
			}
		}
		return compiled;
	};
}

const kernelModule = kernelLoader(TREE_ROWS_WASM);

/** True where the row loops run in WebAssembly (the benches print it). */
export function rowKernelAvailable(): boolean {
	return kernelModule() !== null;
}

const align16 = (bytes: number) => Math.ceil(bytes / 16) * 16;

export class RowKernel {
	/** The row order; the caller sets it, the kernel partitions it. */
	readonly idx: Int32Array;
	/** Each row's (gradient, hessian) pair, interleaved. */
	readonly pairs: Float64Array;
	/** The kernel's memory, and where the room reserved by `create`'s caller starts in it (16-byte aligned). */
	readonly memory: WebAssembly.Memory;
	readonly extra: number;
	private readonly hist: Float64Array;
	private readonly goLeft: Uint8Array;
	private readonly exports: KernelExports;
	private readonly at: { bins: number; columns: number; pairs: number; idx: number; temp: number; hist: number; slot: number; goLeft: number };

	/** A kernel over `m`'s rows, or null where it cannot run (then use buildHistogram and partition). */
	static create(m: BinnedMatrix, extraBytes = 0): RowKernel | null {
		if (m.rows === 0) return null;
		const module = kernelModule();
		if (!module) return null;
		try {
			return new RowKernel(m, module, extraBytes);
		} catch {
			return null; // the memory could not be reserved: the JavaScript loops need none extra
		}
	}

	private constructor(
		private readonly m: BinnedMatrix,
		module: WebAssembly.Module,
		extraBytes: number
	) {
		const n = m.rows;
		const F = m.features;
		const bins = 0;
		const columns = align16(n * F);
		const pairs = align16(columns + n * F);
		const idx = pairs + n * 16;
		const temp = align16(idx + n * 4);
		const hist = align16(temp + n * 4);
		const slot = hist + m.totalBins * 16;
		const goLeft = slot + F * 4;
		const extra = align16(goLeft + 256);
		const memory = new WebAssembly.Memory({ initial: Math.ceil((extra + extraBytes) / PAGE) });
		this.memory = memory;
		this.extra = extra;
		this.exports = new WebAssembly.Instance(module, { kernel: { memory } }).exports as unknown as KernelExports;
		this.at = { bins, columns, pairs, idx, temp, hist, slot, goLeft };
		new Uint8Array(memory.buffer, columns, n * F).set(m.columns);
		// Row-major bytes, a column at a time (each column read in order).
		const rowBins = new Uint8Array(memory.buffer, bins, n * F);
		for (let f = 0; f < F; f++) for (let r = 0, k = f, c = f * n; r < n; r++, k += F, c++) rowBins[k] = m.columns[c];
		const slots = new Int32Array(memory.buffer, slot, F);
		for (let f = 0; f < F; f++) slots[f] = hist + m.binOffset[f] * 16;
		this.pairs = new Float64Array(memory.buffer, pairs, n * 2);
		this.idx = new Int32Array(memory.buffer, idx, n);
		this.hist = new Float64Array(memory.buffer, hist, m.totalBins * 2);
		this.goLeft = new Uint8Array(memory.buffer, goLeft, 256);
	}

	/** Sets each row's pair to (grad[offset + r], hess[offset + r]). */
	setGradients(grad: Float64Array, hess: Float64Array, offset: number): void {
		const pairs = this.pairs;
		for (let r = 0, n = this.m.rows; r < n; r++) {
			pairs[2 * r] = grad[offset + r];
			pairs[2 * r + 1] = hess[offset + r];
		}
	}

	/** The histogram of rows idx[start..end) into `out` (bin-major `[G, H]` pairs, as buildHistogram). */
	build(start: number, end: number, out: Float64Array): void {
		this.hist.fill(0);
		const { bins, pairs, idx, slot } = this.at;
		const sparse = end - start < SPARSE_SHARE * this.m.rows;
		(sparse ? this.exports.addSparseRows : this.exports.addRows)(idx, start, end, bins, this.m.features, pairs, slot);
		out.set(this.hist);
	}

	/** Stable partition of idx[start..end) by `goLeft[bin of feature f]`; returns the first right index. */
	partition(start: number, end: number, f: number, goLeft: Uint8Array): number {
		this.goLeft.set(goLeft.subarray(0, 256));
		const { columns, idx, temp } = this.at;
		return this.exports.partition(idx, start, end, columns + f * this.m.rows, this.at.goLeft, temp);
	}
}
