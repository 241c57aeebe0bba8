/**
 * What a helper thread runs: it keeps sessions (one per fit) and answers
 * their requests: boosting shards (blocks of rows) and forest growers
 * (batches of trees). The same code serves Web Workers in the browser and
 * worker threads in Node; only the transport around it differs.
 * Plain arithmetic: no TensorFlow.js, so a helper thread starts light.
 */
import type { ThreadMessage } from '../types';
import { BoostShard, type ShardInit } from '../gbdt/shard';
import { answerShard, type ShardRequest } from '../gbdt/shard-link';
import { ForestGrower, type ForestInit } from '../forest/grower';
import { answerForest, type ForestRequest } from '../forest/crew';

/** A request as it travels, numbered so the answer finds its caller. */
export interface ThreadEnvelope {
	id: number;
	message: ThreadMessage;
}

/** The answer to envelope `id`: a value, or the error's name and message. */
export type ThreadAnswer = { id: number; value: unknown } | { id: number; error: { name: string; message: string } };

type Answer = { reply: unknown; transfer: ArrayBuffer[] };

/** Each task: how a session starts, and how it answers a request. */
const TASKS: Record<string, { open(init: never): unknown; answer(session: never, request: never): Answer }> = {
	gbdt: { open: (init: ShardInit) => new BoostShard(init), answer: (s: BoostShard, r: ShardRequest) => answerShard(s, r) },
	forest: { open: (init: ForestInit) => new ForestGrower(init), answer: (s: ForestGrower, r: ForestRequest) => answerForest(s, r) }
};

const sessions = new Map<string, unknown>();

function answer(message: ThreadMessage): Answer {
	const task = Object.hasOwn(TASKS, message.task) ? TASKS[message.task] : undefined;
	if (!task) throw new Error(`unknown thread task: ${message.task}`);
	const request = message.request as { op: string; init?: unknown };
	if (request.op === 'open') {
		sessions.set(message.session, task.open(request.init as never));
		return { reply: null, transfer: [] };
	}
	if (request.op === 'close') {
		sessions.delete(message.session);
		return { reply: null, transfer: [] };
	}
	const session = sessions.get(message.session);
	if (session === undefined) throw new Error(`no session ${message.session} on this thread`);
	return task.answer(session as never, request as never);
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
