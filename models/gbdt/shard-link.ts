/**
 * The requests a shard answers (the same in this thread and in a helper
 * thread), and the two ways of reaching one: a direct call, or a message to
 * the helper thread that holds it.
 */
import type { ThreadSessions } from '../shared/thread-sessions';
import { BoostShard, type ShardInit, type ShardSplit } from './shard';

export type ShardRequest =
	| { op: 'round'; sample: Uint8Array | null }
	| { op: 'tree'; output: number }
	| { op: 'grow'; splits: ShardSplit[]; build: number[]; recycle: Float64Array[] }
	| { op: 'finish'; values: Float64Array }
	| { op: 'loss'; stride: number };

/** A shard's answer and the buffers that move with it (histograms change owner, never get copied). */
interface ShardAnswer {
	reply: unknown;
	transfer: ArrayBuffer[];
}

const none: ShardAnswer = { reply: null, transfer: [] };

export function answerShard(shard: BoostShard, req: ShardRequest): ShardAnswer {
	switch (req.op) {
		case 'round':
			shard.round(req.sample);
			return none;
		case 'tree': {
			const hist = shard.tree(req.output);
			return { reply: hist, transfer: [hist.buffer as ArrayBuffer] };
		}
		case 'grow': {
			const hists = shard.grow(req.splits, req.build, req.recycle);
			return { reply: hists, transfer: hists.map((h) => h.buffer as ArrayBuffer) };
		}
		case 'finish':
			shard.finish(req.values);
			return none;
		case 'loss':
			return { reply: shard.loss(req.stride), transfer: [] };
	}
}

/** One shard as the coordinator sees it: where its requests go. */
export type ShardLink = (req: ShardRequest) => Promise<unknown>;

/** A shard on this thread: requests are plain calls (buffers are shared, not moved). */
export function localShard(init: ShardInit): ShardLink {
	const shard = new BoostShard(init);
	return async (req) => answerShard(shard, req).reply;
}

/** The shard of thread `thread`'s session (histogram buffers handed back move with the request). */
export function threadShard(sessions: ThreadSessions, thread: number): ShardLink {
	return (req) => sessions.call(thread, req, req.op === 'grow' ? req.recycle.map((h) => h.buffer as ArrayBuffer) : []);
}

/** What a thread is sent to open a shard: its rows, which move there (copies made for it). */
export function shardOpening(init: ShardInit): { init: ShardInit; transfer: ArrayBuffer[] } {
	const m = init.matrix;
	return { init, transfer: [m.columns.buffer, m.slots.buffer, init.y.buffer, ...(init.weights ? [init.weights.buffer] : [])] as ArrayBuffer[] };
}
