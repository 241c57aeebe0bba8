/**
 * What a helper thread runs: it keeps sessions (one per fit) and answers
 * their requests: boosting shards (blocks of rows), forest growers
 * (batches of trees), tree SHAP of a block of customers, cross-validation folds
 * and k-means' row passes (blocks of rows). The same code serves Web Workers in the browser and
 * worker threads in Node; only the transport around it differs.
 * Plain arithmetic: no TensorFlow.js, so a helper thread starts light.
 */
import type { ThreadMessage } from '../types';
import { BoostShard, type ShardInit } from '../gbdt/shard';
import { answerShard, type ShardRequest } from '../gbdt/shard-link';
import { ForestGrower, type ForestInit } from '../forest/grower';
import { answerForest, type ForestRequest } from '../forest/crew';
import { answerShapRows, type ShapRowsRequest } from '../explain/shap-rows';
import { FoldSession, type FoldInit, type FoldRequest } from '../auto/fold-threads';
import { CentroidBlock } from '../cluster/centroid-block';
import { answerCentroidBlock, type CentroidBlockInit, type CentroidBlockRequest } from '../cluster/centroid-blocks';

/** A request as it travels, numbered so the answer finds its caller; or the cancel of request `id`. */
export type ThreadEnvelope = { id: number; message: ThreadMessage } | { id: number; cancel: true };

/** The answer to envelope `id`: a value, or the error's name and message; before it, any number of progress reports. */
export type ThreadAnswer = { id: number; value: unknown } | { id: number; error: { name: string; message: string } } | { id: number; progress: number };

type Answer = { reply: unknown; transfer: ArrayBuffer[] };
type Progress = (fraction: number) => void;

/** Each task: how a session starts (none: every request stands alone), and how it answers a request. */
const TASKS: Record<string, { open?(init: never): unknown; answer(session: never, request: never, progress: Progress, signal: AbortSignal): Answer | Promise<Answer> }> = {
	gbdt: { open: (init: ShardInit) => new BoostShard(init), answer: (s: BoostShard, r: ShardRequest) => answerShard(s, r) },
	forest: { open: (init: ForestInit) => new ForestGrower(init), answer: (s: ForestGrower, r: ForestRequest) => answerForest(s, r) },
	shap: { answer: (_: null, r: ShapRowsRequest, progress: Progress, signal: AbortSignal) => answerShapRows(r, progress, signal) },
	fold: { open: (init: FoldInit) => new FoldSession(init), answer: (s: FoldSession, r: FoldRequest, _: Progress, signal: AbortSignal) => s.fold(r, signal) },
	kmeans: { open: (i: CentroidBlockInit) => new CentroidBlock(i.data, i.rows, i.cols, i.k), answer: (b: CentroidBlock, r: CentroidBlockRequest) => answerCentroidBlock(b, r) }
};

const sessions = new Map<string, unknown>();
/** Requests still being answered (the asynchronous ones pause, so a cancel can arrive). */
const running = new Map<number, AbortController>();

function answer(message: ThreadMessage, progress: Progress, signal: AbortSignal): Answer | Promise<Answer> {
	const task = Object.hasOwn(TASKS, message.task) ? TASKS[message.task] : undefined;
	if (!task) throw new Error(`unknown thread task: ${message.task}`);
	const request = message.request as { op: string; init?: unknown };
	if (!task.open) return task.answer(null as never, request as never, progress, signal);
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
	return task.answer(session as never, request as never, progress, signal);
}

/**
 * Answers one envelope through `post` (progress reports first, then the
 * answer); the transfer list moves the answer's buffers instead of copying them.
 */
export async function serveThread(envelope: ThreadEnvelope, post: (answer: ThreadAnswer, transfer: ArrayBuffer[]) => void): Promise<void> {
	const { id } = envelope;
	if ('cancel' in envelope) return void running.get(id)?.abort();
	const controller = new AbortController();
	running.set(id, controller);
	try {
		const { reply, transfer } = await answer(envelope.message, (progress) => post({ id, progress }, []), controller.signal);
		post({ id, value: reply }, transfer);
	} catch (e) {
		const error = e instanceof Error ? e : new Error(String(e));
		post({ id, error: { name: error.name, message: error.message } }, []);
	} finally {
		running.delete(id);
	}
}
