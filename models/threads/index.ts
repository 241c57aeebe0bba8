/**
 * What a helper thread runs: it keeps sessions (one per fit and shard) and
 * answers their requests. The same code serves Web Workers in the browser
 * and worker threads in Node; only the transport around it differs.
 * Plain arithmetic: no TensorFlow.js, so a helper thread starts light.
 */
import type { ThreadMessage } from '../types';
import { BoostShard, type ShardInit } from '../gbdt/shard';
import { answerShard, type ShardAnswer, type ShardRequest } from '../gbdt/shard-link';

/** A request as it travels, numbered so the answer finds its caller. */
export interface ThreadEnvelope {
	id: number;
	message: ThreadMessage;
}

/** The answer to envelope `id`: a value, or the error's name and message. */
export type ThreadAnswer = { id: number; value: unknown } | { id: number; error: { name: string; message: string } };

type Opening = { op: 'open'; init: ShardInit } | { op: 'close' };

const shards = new Map<string, BoostShard>();

function answer(message: ThreadMessage): ShardAnswer {
	if (message.task !== 'gbdt') throw new Error(`unknown thread task: ${message.task}`);
	const request = message.request as ShardRequest | Opening;
	if (request.op === 'open') {
		shards.set(message.session, new BoostShard(request.init));
		return { reply: null, transfer: [] };
	}
	if (request.op === 'close') {
		shards.delete(message.session);
		return { reply: null, transfer: [] };
	}
	const shard = shards.get(message.session);
	if (!shard) throw new Error(`no session ${message.session} on this thread`);
	return answerShard(shard, request);
}

/** Answers one envelope; the transfer list moves the answer's buffers instead of copying them. */
export function serveThread(envelope: ThreadEnvelope): { answer: ThreadAnswer; transfer: ArrayBuffer[] } {
	try {
		const { reply, transfer } = answer(envelope.message);
		return { answer: { id: envelope.id, value: reply }, transfer };
	} catch (e) {
		const error = e instanceof Error ? e : new Error(String(e));
		return { answer: { id: envelope.id, error: { name: error.name, message: error.message } }, transfer: [] };
	}
}
