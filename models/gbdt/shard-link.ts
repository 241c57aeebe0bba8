/**
 * The requests a shard answers (the same in this thread and in a helper
 * thread), and the two ways of reaching one: a direct call, or a message to
 * the helper thread that holds it.
 */
import type { ThreadPool } from '../types';
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

/** One shard as the coordinator sees it. */
export interface ShardLink {
	send(req: ShardRequest): Promise<unknown>;
	close(): Promise<void>;
}

/** A shard on this thread: requests are plain calls (buffers are shared, not moved). */
export function localShard(init: ShardInit): ShardLink {
	const shard = new BoostShard(init);
	return { send: async (req) => answerShard(shard, req).reply, close: async () => undefined };
}

let sessions = 0;

/** A shard held by helper thread `thread` of `pool`; its rows cross once, at opening. */
export async function threadShard(pool: ThreadPool, thread: number, init: ShardInit): Promise<ShardLink> {
	const session = `gbdt-${++sessions}`;
	const m = init.matrix;
	const transfer = [m.columns.buffer, m.slots.buffer, init.y.buffer, ...(init.weights ? [init.weights.buffer] : [])] as ArrayBuffer[];
	await pool.request(thread, { task: 'gbdt', session, request: { op: 'open', init } }, transfer);
	return {
		send: (req) => pool.request(thread, { task: 'gbdt', session, request: req }, req.op === 'grow' ? req.recycle.map((h) => h.buffer as ArrayBuffer) : []),
		close: async () => void (await pool.request(thread, { task: 'gbdt', session, request: { op: 'close' } }))
	};
}
