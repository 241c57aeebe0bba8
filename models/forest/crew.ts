/**
 * Who grows a forest's trees: this thread, one tree at a time, or the helper
 * threads, each growing its share of a batch from its own copy of the
 * binned rows. Trees come back in order, so the forest is the same either way.
 */
import { TrainTree } from '../shared/tree';
import type { PackedTree } from '../shared/tree/train-tree';
import type { ThreadPool } from '../types';
import { ThreadSessions } from '../shared/thread-sessions';
import { ForestGrower, type ForestInit } from './grower';

/**
 * Rows from which the trees are grown on helper threads: one message per few
 * trees, each worth milliseconds, so far smaller tables gain than for
 * boosting, which messages every level (the pool's `minRows`).
 */
const MIN_ROWS = 1_000;
/**
 * Trees per thread per request: about 50 ms of work (a tree of the default
 * forest takes ~4 ms on 5,000 rows, and grows with the rows), so messages
 * are a small cost and a progress report and a stop-time check still come often.
 */
function treesPerRequest(rows: number): number {
	return Math.max(1, Math.min(16, Math.round(60_000 / rows)));
}

export type ForestRequest = { op: 'grow'; from: number; to: number };

export function answerForest(grower: ForestGrower, req: ForestRequest): { reply: unknown; transfer: ArrayBuffer[] } {
	const trees: PackedTree[] = [];
	for (let t = req.from; t < req.to; t++) trees.push(grower.grow(t).pack());
	const transfer = trees.flatMap((p) => [p.feature, p.splitBin, p.defaultLeft, p.left, p.right, p.value, p.gain, p.cover, p.goLeft, p.goLeftStart].map((a) => a.buffer as ArrayBuffer));
	return { reply: trees, transfer };
}

export interface ForestCrew {
	/** Trees grown per call to `grow`. */
	readonly batch: number;
	/** Trees `from .. to - 1`, in order. */
	grow(from: number, to: number): Promise<TrainTree[]>;
	close(): Promise<void>;
}

export async function openCrew(init: ForestInit, threads: ThreadPool | undefined, signal: AbortSignal): Promise<ForestCrew> {
	const m = init.matrix;
	if (!threads || threads.size < 2 || m.rows < Math.min(threads.minRows, MIN_ROWS)) {
		const grower = new ForestGrower(init);
		return { batch: 1, grow: async (from, to) => Array.from({ length: to - from }, (_, i) => grower.grow(from + i, signal)), close: async () => undefined };
	}
	const N = threads.size;
	const openings = Array.from({ length: N }, () => {
		// Every thread gets its own copy of the rows (they move, not copy, to the thread).
		const copy: ForestInit = { ...init, matrix: { ...m, columns: m.columns.slice(), slots: m.slots.slice() }, y: init.y.slice(), weights: init.weights?.slice() };
		return { init: copy, transfer: [copy.matrix.columns.buffer, copy.matrix.slots.buffer, copy.y.buffer] as ArrayBuffer[] };
	});
	const sessions = await ThreadSessions.open(threads, 'forest', openings);
	const each = treesPerRequest(m.rows);
	return {
		batch: N * each,
		async grow(from, to) {
			const shares = Array.from({ length: N }, (_, i) => [Math.min(to, from + i * each), Math.min(to, from + (i + 1) * each)]);
			const replies = await Promise.all(shares.map(([a, b], i) => (a < b ? sessions.call(i, { op: 'grow', from: a, to: b }) : Promise.resolve([]))));
			return (replies as PackedTree[][]).flat().map((packed) => TrainTree.unpack(packed));
		},
		close: () => sessions.close()
	};
}
