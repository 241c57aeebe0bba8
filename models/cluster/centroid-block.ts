/**
 * A block of k-means rows and the pass Lloyd's algorithm makes over them
 * each iteration: every row's nearest centroid (WebAssembly, four columns at
 * a time: kernels/nearest-centroid.wat, or the same float32 operations in
 * JavaScript where WebAssembly SIMD is missing), then per chunk of
 * CHUNK_ROWS rows the sums of each cluster's rows, its count and the
 * squared distances. Chunks are numbered over the whole table, so the
 * coordinator adds their sums in one order however many blocks (threads)
 * the rows were split into: the same centroids on 1 or N threads.
 */
import { kernelLoader } from '../shared/tree/row-kernel';
import { inputError } from '../shared/input-error';
import { NEAREST_CENTROID_WASM } from './kernels/nearest-centroid-wasm';

/** Rows per chunk of partial sums: blocks start on chunk boundaries. */
export const CHUNK_ROWS = 8192;

const PAGE = 65536;
const nearestModule = kernelLoader(NEAREST_CENTROID_WASM);

interface NearestExports {
	assign(data: number, rows: number, width: number, centroids: number, k: number, labels: number, distances: number): void;
	sumRows(data: number, rows: number, width: number, labels: number, sums: number): void;
}

/** What one pass over a block gives, per chunk c: sums[(c·k + j)·cols + col], counts[c·k + j], inertia[c]. */
export interface BlockSums {
	sums: Float64Array;
	counts: Float64Array;
	inertia: Float64Array;
}

export class CentroidBlock {
	/** Each row's nearest centroid and squared distance after the last pass. */
	readonly labels: Int32Array;
	readonly distances: Float32Array;
	/** Columns padded to a multiple of 4 (the kernel's lanes). */
	private readonly width: number;
	private readonly exports: NearestExports | null;
	private readonly rowsAt: Float32Array;
	private readonly centroidsAt: Float32Array;
	/** One chunk's sums per cluster (k × width, float64), where the kernel adds them. */
	private readonly chunkSums: Float64Array;

	/** The block's `rows` × `cols` rows (row-major), for passes against `k` centroids. */
	constructor(
		data: Float32Array,
		readonly rows: number,
		readonly cols: number,
		readonly k: number
	) {
		const width = Math.ceil(cols / 4) * 4;
		this.width = width;
		const module = nearestModule();
		// Rows, labels, distances, centroids, a chunk's sums (8-byte aligned: width is a multiple of 4).
		const rowBytes = rows * width * 4;
		const centroidsAt = rowBytes + rows * 8;
		const sumsAt = centroidsAt + k * width * 4;
		const memory = reserve(sumsAt + k * width * 8, rows, cols);
		this.exports = module ? (new WebAssembly.Instance(module, { kernel: { memory } }).exports as unknown as NearestExports) : null;
		const buffer = memory.buffer;
		this.centroidsAt = new Float32Array(buffer, centroidsAt, k * width);
		this.chunkSums = new Float64Array(buffer, sumsAt, k * width);
		this.rowsAt = new Float32Array(buffer, 0, rows * width);
		for (let r = 0; r < rows; r++) this.rowsAt.set(data.subarray(r * cols, (r + 1) * cols), r * width);
		this.labels = new Int32Array(buffer, rowBytes, rows);
		this.distances = new Float32Array(buffer, rowBytes + rows * 4, rows);
	}

	/** Nearest of the k `centroids` (k × cols, row-major) for every row, into `labels` and `distances`. */
	assign(centroids: Float32Array): void {
		const { width, cols, k } = this;
		const padded = this.centroidsAt;
		for (let j = 0; j < k; j++) padded.set(centroids.subarray(j * cols, (j + 1) * cols), j * width);
		if (this.exports) this.exports.assign(0, this.rows, width, padded.byteOffset, k, this.labels.byteOffset, this.distances.byteOffset);
		else assignRows(this.rowsAt, this.rows, width, padded, k, this.labels, this.distances);
	}

	/** One Lloyd pass: assigns every row, then sums each chunk's rows by cluster (float64, in row order). */
	pass(centroids: Float32Array): BlockSums {
		this.assign(centroids);
		const { rows, cols, width, labels, distances, k, chunkSums } = this;
		const chunks = Math.ceil(rows / CHUNK_ROWS);
		const sums = new Float64Array(chunks * k * cols);
		const counts = new Float64Array(chunks * k);
		const inertia = new Float64Array(chunks);
		for (let chunk = 0; chunk < chunks; chunk++) {
			const first = chunk * CHUNK_ROWS;
			const end = Math.min(rows, first + CHUNK_ROWS);
			let total = 0;
			for (let r = first; r < end; r++) {
				counts[chunk * k + labels[r]]++;
				total += distances[r];
			}
			inertia[chunk] = total;
			chunkSums.fill(0);
			if (this.exports) this.exports.sumRows(first * width * 4, end - first, width, labels.byteOffset + first * 4, chunkSums.byteOffset);
			else sumRows(this.rowsAt, first, end, width, labels, chunkSums);
			for (let j = 0; j < k; j++) sums.set(chunkSums.subarray(j * width, j * width + cols), (chunk * k + j) * cols);
		}
		return { sums, counts, inertia };
	}
}

/**
 * The block's memory; where the tab cannot reserve it, an error the analyst can act on (not a
 * RangeError, which the training worker would blame on its compute backend).
 */
function reserve(bytes: number, rows: number, cols: number): WebAssembly.Memory {
	try {
		return new WebAssembly.Memory({ initial: Math.ceil(bytes / PAGE) });
	} catch {
		const mb = Math.ceil(bytes / 2 ** 20).toLocaleString('en');
		throw inputError(`k-means needs ${mb} MB for ${rows.toLocaleString('en')} rows × ${cols} columns, more than this tab can reserve: choose fewer columns or segment a sample of the customers.`);
	}
}

/** The kernel's sums in JavaScript: row by row, each cluster's columns (the same additions). */
function sumRows(data: Float32Array, first: number, end: number, width: number, labels: Int32Array, sums: Float64Array): void {
	for (let r = first; r < end; r++) {
		const to = labels[r] * width;
		const from = r * width;
		for (let v = 0; v < width; v++) sums[to + v] += data[from + v];
	}
}

const f32 = Math.fround;

/** The kernel's float32 operations in JavaScript, in its order: the same labels and distances. */
function assignRows(data: Float32Array, rows: number, width: number, centroids: Float32Array, k: number, labels: Int32Array, distances: Float32Array): void {
	const lanes = new Float32Array(4);
	for (let r = 0; r < rows; r++) {
		const row = r * width;
		let best = Infinity;
		let bestJ = 0;
		for (let j = 0; j < k; j++) {
			const c = j * width;
			lanes.fill(0);
			for (let v = 0; v < width; v++) {
				const diff = f32(data[row + v] - centroids[c + v]);
				lanes[v & 3] = f32(lanes[v & 3] + f32(diff * diff));
			}
			const d = f32(f32(lanes[0] + lanes[1]) + f32(lanes[2] + lanes[3]));
			if (d < best) {
				best = d;
				bestJ = j;
			}
		}
		labels[r] = bestJ;
		distances[r] = best;
	}
}
