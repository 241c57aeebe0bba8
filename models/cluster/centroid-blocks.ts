/**
 * Lloyd's row pass over the whole table, spread over the helper threads:
 * the rows are cut into blocks on chunk boundaries (centroid-block.ts), all
 * but the last on helper threads and the last on this thread, which would
 * otherwise only wait. Each pass sends the centroids and adds the chunks'
 * sums in chunk order, so the centroids, labels and inertia are the same
 * with no threads or with any number of them.
 */
import type { ThreadPool } from '../types';
import { ThreadSessions } from '../shared/thread-sessions';
import { CentroidBlock, CHUNK_ROWS, type BlockSums } from './centroid-block';
import type { Assignment } from './distances';

/** What a helper thread is sent to open its block: its rows move there (a copy made for it). */
export interface CentroidBlockInit {
	data: Float32Array;
	rows: number;
	cols: number;
	k: number;
}

export type CentroidBlockRequest = { op: 'pass'; centroids: Float32Array } | { op: 'assign'; centroids: Float32Array };

export function answerCentroidBlock(block: CentroidBlock, req: CentroidBlockRequest): { reply: unknown; transfer: ArrayBuffer[] } {
	if (req.op === 'pass') {
		const sums = block.pass(req.centroids);
		return { reply: sums, transfer: [sums.sums.buffer, sums.counts.buffer, sums.inertia.buffer] as ArrayBuffer[] };
	}
	block.assign(req.centroids);
	// Copies: the block's own arrays live in its WebAssembly memory.
	const reply: Assignment = { labels: block.labels.slice(), distances: block.distances.slice() };
	return { reply, transfer: [reply.labels.buffer, reply.distances.buffer] as ArrayBuffer[] };
}

/** One pass's totals: per cluster j, the sum of its rows (sums[j·cols + col]) and their count; the summed squared distances. */
export interface PassTotals {
	sums: Float64Array;
	counts: Float64Array;
	inertia: number;
}

export class CentroidBlocks {
	private constructor(
		private readonly local: CentroidBlock,
		/** [first row, end row) of each block; the local block is the last. */
		private readonly ranges: [number, number][],
		private readonly sessions: ThreadSessions | null,
		private readonly cols: number,
		private readonly k: number
	) {}

	/** The rows of `host` (rows × cols, row-major) in blocks for passes against k centroids. */
	static async open(host: Float32Array, rows: number, cols: number, k: number, threads?: ThreadPool): Promise<CentroidBlocks> {
		const chunks = Math.ceil(rows / CHUNK_ROWS);
		const N = threads && threads.size >= 2 && rows >= threads.minRows ? Math.min(threads.size, chunks) : 1;
		const ranges = Array.from({ length: N }, (_, t): [number, number] => [
			Math.floor((t * chunks) / N) * CHUNK_ROWS,
			Math.min(rows, Math.floor(((t + 1) * chunks) / N) * CHUNK_ROWS)
		]);
		const block = ([from, to]: [number, number]) => host.subarray(from * cols, to * cols);
		const opening =
			N > 1
				? ThreadSessions.open(
						threads!,
						'kmeans',
						ranges.slice(0, -1).map((range) => {
							const data = block(range).slice();
							return { init: { data, rows: range[1] - range[0], cols, k } satisfies CentroidBlockInit, transfer: [data.buffer as ArrayBuffer] };
						})
					)
				: null;
		// This thread's block is set up while the helpers set up theirs (closed again if it cannot be).
		const [from, to] = ranges[N - 1];
		let local: CentroidBlock;
		try {
			local = new CentroidBlock(block(ranges[N - 1]), to - from, cols, k);
		} catch (error) {
			await (await opening)?.close();
			throw error;
		}
		return new CentroidBlocks(local, ranges, await opening, cols, k);
	}

	/** Every row's nearest centroid, then each cluster's sum, count and the inertia, added in chunk order. */
	async pass(centroids: Float32Array): Promise<PassTotals> {
		const parts = (await this.ask({ op: 'pass', centroids }, () => this.local.pass(centroids))) as BlockSums[];
		const { k, cols } = this;
		const sums = new Float64Array(k * cols);
		const counts = new Float64Array(k);
		let inertia = 0;
		for (const part of parts) {
			for (let chunk = 0; chunk < part.inertia.length; chunk++) {
				for (let i = 0; i < k * cols; i++) sums[i] += part.sums[chunk * k * cols + i];
				for (let j = 0; j < k; j++) counts[j] += part.counts[chunk * k + j];
				inertia += part.inertia[chunk];
			}
		}
		return { sums, counts, inertia };
	}

	/** Every row's nearest centroid and squared distance, in row order. */
	async assign(centroids: Float32Array): Promise<Assignment> {
		// This thread's part is read in place: it is copied into the whole table's arrays below.
		const parts = (await this.ask({ op: 'assign', centroids }, () => {
			this.local.assign(centroids);
			return { labels: this.local.labels, distances: this.local.distances };
		})) as Assignment[];
		const rows = this.ranges[this.ranges.length - 1][1];
		const labels = new Int32Array(rows);
		const distances = new Float32Array(rows);
		parts.forEach((part, t) => {
			labels.set(part.labels, this.ranges[t][0]);
			distances.set(part.distances, this.ranges[t][0]);
		});
		return { labels, distances };
	}

	async close(): Promise<void> {
		await this.sessions?.close();
	}

	/** The helpers' answers to `request` and this thread's own (`here`, run once the requests are sent), in block order. */
	private async ask(request: CentroidBlockRequest, here: () => unknown): Promise<unknown[]> {
		const sessions = this.sessions;
		const asked = sessions ? Array.from({ length: sessions.size }, (_, t) => sessions.call(t, request)) : [];
		const own = here();
		return [...(await Promise.all(asked)), own];
	}
}
