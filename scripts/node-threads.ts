/**
 * Helper threads for Node (the benches, `npm run evaluate`, tests): the same
 * pool and thread server as the browser's Web Workers, over worker_threads.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { MessageThreadPool } from '../workers/shared/thread-pool';
import type { ThreadAnswer } from '../models/threads';

const boot = new URL('./thread-boot.mjs', import.meta.url);
const entry = new URL('./thread-worker.ts', import.meta.url).href;

/** A pool of `size` worker threads (default: the machine's cores); `minRows` = 0 uses them on any table. */
export function nodeThreads(size = availableParallelism(), minRows = 0): MessageThreadPool {
	return new MessageThreadPool(size, minRows, () => {
		const worker = new Worker(boot, { workerData: { entry } });
		return {
			post: (envelope, transfer) => worker.postMessage(envelope, transfer),
			listen: (onAnswer, onFailure) => {
				worker.on('message', (answer: ThreadAnswer) => onAnswer(answer));
				worker.on('error', onFailure);
			},
			terminate: () => void worker.terminate()
		};
	});
}
