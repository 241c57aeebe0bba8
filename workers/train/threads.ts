/**
 * The training worker's helper threads (Web Workers it starts itself, under
 * the page's policy), created on the first fit large enough to use them.
 */
import threadScript from './thread.worker.ts?worker&url';
import { MessageThreadPool, SHARD_MIN_ROWS } from '../shared/thread-pool';
import { startPolicyWorker } from '../shared/policy-worker';
import type { ThreadAnswer } from '../../models/threads';

/** One thread per core, at most one per GB of memory the browser reports (each holds its block of rows) and 8. */
export function browserThreads(): MessageThreadPool {
	const cores = navigator.hardwareConcurrency || 2;
	const memoryGb = (navigator as Navigator & { deviceMemory?: number }).deviceMemory ?? 4;
	const size = Math.max(1, Math.min(cores, 8, Math.floor(memoryGb)));
	return new MessageThreadPool(size, SHARD_MIN_ROWS, (i) => {
		const worker = startPolicyWorker(threadScript, `helper ${i + 1}`);
		return {
			post: (envelope, transfer) => worker.postMessage(envelope, transfer),
			listen: (onAnswer, onFailure) => {
				worker.onmessage = (e: MessageEvent<ThreadAnswer>) => onAnswer(e.data);
				worker.onerror = (e) => onFailure(new Error(e.message || 'A helper thread stopped.'));
				worker.onmessageerror = () => onFailure(new Error('A helper thread sent a message that could not be read.'));
			},
			terminate: () => worker.terminate()
		};
	});
}
