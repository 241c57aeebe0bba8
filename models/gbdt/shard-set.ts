/**
 * All shards of one fit, addressed as one: every request goes to each shard,
 * histograms come back summed. Blocks are contiguous rows, as many as the
 * pool has threads: all but the last on helper threads, the last on this
 * thread, which would otherwise only wait (the whole table stays here when
 * there are no threads or the table is small). Sums are exact (gradients on a grid, see shard.ts), so the
 * number of shards never changes a tree.
 */
import type { BinnedMatrix } from '../shared/tree';
import type { ThreadPool } from '../types';
import { gradientScale, type ShardInit, type ShardSplit } from './shard';
import { localShard, shardOpening, threadShard, type ShardLink, type ShardRequest } from './shard-link';
import { ThreadSessions } from '../shared/thread-sessions';

export interface ShardData {
	m: BinnedMatrix;
	y: Int32Array;
	weights?: Float64Array;
	base: number[];
	outputs: number;
}

export class ShardSet {
	/** Histogram buffers the coordinator is done with, handed back to shards with their next request. */
	private spare: Float64Array[] = [];
	/** Requests sent without waiting (rounds, finished trees), settled by the next answer awaited. */
	private pending: Promise<unknown>[] = [];

	/** `blocks[s]` = [first row, end row) of shard s; `sessions`: the helper threads' (none on this thread). */
	private constructor(
		private readonly links: ShardLink[],
		private readonly blocks: [number, number][],
		private readonly sessions: ThreadSessions | null
	) {}

	static async open(data: ShardData, threads: ThreadPool | undefined): Promise<ShardSet> {
		const { m, y, weights } = data;
		let maxWeight = 1;
		if (weights) for (let r = 0; r < weights.length; r++) maxWeight = Math.max(maxWeight, weights[r]);
		const common = { base: data.base, outputs: data.outputs, scale: gradientScale(m.rows, maxWeight) };
		if (!threads || threads.size < 2 || m.rows < threads.minRows) return new ShardSet([localShard({ ...common, matrix: m, y, weights, offset: 0 })], [[0, m.rows]], null);
		const N = Math.min(threads.size, m.rows);
		const blocks = Array.from({ length: N }, (_, t): [number, number] => [Math.floor((t * m.rows) / N), Math.floor(((t + 1) * m.rows) / N)]);
		const inits = blocks.map(([from, to]): ShardInit => ({ ...common, matrix: rowBlock(m, from, to), y: y.slice(from, to), weights: weights?.slice(from, to), offset: from }));
		// The last block stays on this thread, which would otherwise wait: its link comes last, so the
		// helper threads get their requests before this thread works through its own.
		const opening = ThreadSessions.open(threads, 'gbdt', inits.slice(0, -1).map(shardOpening));
		// This thread's shard is set up while the helpers set up theirs.
		const local = localShard(inits[N - 1]);
		const sessions = await opening;
		const links = blocks.slice(0, -1).map((_, t) => threadShard(sessions, t));
		return new ShardSet([...links, local], blocks, sessions);
	}

	/** Starts a round; `sample` marks the rows it uses (null: every row). Sent without waiting. */
	round(sample: Uint8Array | null): void {
		const one = this.links.length === 1;
		this.later(this.links.map((send, s) => send({ op: 'round', sample: sample && !one ? sample.slice(...this.blocks[s]) : sample })));
	}

	/** The root histogram of output `output`'s tree over the round's rows. */
	async tree(output: number): Promise<Float64Array> {
		return this.sum((await this.answers({ op: 'tree', output })) as Float64Array[]);
	}

	/** Applies the splits in every shard and returns the summed histograms of the `build` nodes. */
	async grow(splits: ShardSplit[], build: number[]): Promise<Float64Array[]> {
		const share = Math.ceil(this.spare.length / this.links.length);
		const replies = (await this.answers(() => ({ op: 'grow', splits, build, recycle: this.spare.splice(0, share) }))) as Float64Array[][];
		return build.map((_, i) => this.sum(replies.map((r) => r[i])));
	}

	/** Adds the finished tree's leaf values to every shard's margins. Sent without waiting. */
	finish(values: Float64Array): void {
		this.later(this.links.map((send) => send({ op: 'finish', values })));
	}

	/** Weighted mean logloss over every `stride`-th training row. */
	async loss(stride: number): Promise<number> {
		const parts = (await this.answers({ op: 'loss', stride })) as { total: number; weight: number }[];
		let total = 0;
		let weight = 0;
		for (const p of parts) {
			total += p.total;
			weight += p.weight;
		}
		return weight > 0 ? total / weight : 0;
	}

	/** A histogram the coordinator no longer needs. */
	release(hist: Float64Array | null): void {
		if (hist) this.spare.push(hist);
	}

	async close(): Promise<void> {
		// Requests sent without waiting finish first (their failure is not this close's concern).
		await Promise.allSettled(this.pending.splice(0));
		await this.sessions?.close();
	}

	/** Keeps requests sent without waiting; marked handled so that a failure waits for the next answer instead of going unhandled. */
	private later(requests: Promise<unknown>[]): void {
		for (const request of requests) request.catch(() => {});
		this.pending.push(...requests);
	}

	/**
	 * Every shard's answer to one request (a function: one request per shard).
	 * Each shard answers in the order it was sent requests, so waiting for
	 * this answer also waits for the requests sent without waiting: their
	 * failures surface here.
	 */
	private async answers(request: ShardRequest | (() => ShardRequest)): Promise<unknown[]> {
		const replies = this.links.map((send) => send(typeof request === 'function' ? request() : request));
		const earlier = this.pending.splice(0);
		return (await Promise.all([...earlier, ...replies])).slice(earlier.length);
	}

	private sum(hists: Float64Array[]): Float64Array {
		const total = hists[0];
		for (let s = 1; s < hists.length; s++) {
			const h = hists[s];
			for (let i = 0; i < total.length; i++) total[i] += h[i];
			this.spare.push(h);
		}
		return total;
	}
}

/** Rows `[from, to)` of a binned matrix as a matrix of their own, without slots (copies: it crosses to a helper thread). */
function rowBlock(m: BinnedMatrix, from: number, to: number): BinnedMatrix {
	const rows = to - from;
	const F = m.features;
	const columns = new Uint8Array(rows * F);
	for (let f = 0; f < F; f++) columns.set(m.columns.subarray(f * m.rows + from, f * m.rows + to), f * rows);
	return { ...m, rows, columns, slots: new Uint16Array(0) };
}
