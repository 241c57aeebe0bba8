/** The workbench's helper threads as the browser benches' pages start them: Web Workers running `/thread.js`. */
import { MessageThreadPool } from '../workers/shared/thread-pool';
import type { ThreadAnswer } from '../models/threads';

export function webThreads(size: number, minRows = 0): MessageThreadPool {
	return new MessageThreadPool(size, minRows, () => {
		const worker = new Worker('/thread.js');
		return {
			post: (envelope, transfer) => worker.postMessage(envelope, transfer),
			listen: (onAnswer, onFailure) => {
				worker.onmessage = (e: MessageEvent<ThreadAnswer>) => onAnswer(e.data);
				worker.onerror = (e) => onFailure(new Error(e.message));
			},
			terminate: () => worker.terminate()
		};
	});
}
