/**
 * Helper threads behind the models' `ThreadPool`: numbered requests, answers
 * matched to their callers, a thread's failure rejecting what waits on it.
 * The transport (a Web Worker, a Node worker thread) is given by `spawn`.
 */
import type { ThreadMessage, ThreadPool, ThreadWatch } from '../../models';
import type { ThreadAnswer, ThreadEnvelope } from '../../models/threads';

/** One helper thread as this pool needs it. */
export interface ThreadEndpoint {
	post(envelope: ThreadEnvelope, transfer: ArrayBuffer[]): void;
	/** Registers the handlers of answers and of the thread's failure. */
	listen(onAnswer: (answer: ThreadAnswer) => void, onFailure: (error: Error) => void): void;
	terminate(): void;
}

/**
 * Rows from which a boosted fit spreads over the threads (the pool's
 * `minRows` in the browser and in `evaluate --workers`): each tree level
 * costs one message round (about a millisecond); below this its histograms take less.
 */
export const SHARD_MIN_ROWS = 50_000;

interface Waiting {
	resolve(value: unknown): void;
	reject(error: Error): void;
	progress?(fraction: number): void;
}

export class MessageThreadPool implements ThreadPool {
	private readonly threads: ThreadEndpoint[] = [];
	private readonly waiting = new Map<number, Waiting>();
	private next = 0;

	constructor(
		readonly size: number,
		readonly minRows: number,
		private readonly spawn: (index: number) => ThreadEndpoint
	) {}

	request(thread: number, message: ThreadMessage, transfer: ArrayBuffer[] = [], watch: ThreadWatch = {}): Promise<unknown> {
		if (!(thread >= 0 && thread < this.size)) return Promise.reject(new Error(`invalid thread: ${thread}`));
		const id = ++this.next;
		const { progress, signal } = watch;
		const cancel = () => this.threads[thread]?.post({ id, cancel: true }, []);
		signal?.addEventListener('abort', cancel, { once: true });
		return new Promise<unknown>((resolve, reject) => {
			this.waiting.set(id, { resolve, reject, progress });
			this.endpoint(thread).post({ id, message }, transfer);
		}).finally(() => signal?.removeEventListener('abort', cancel));
	}

	/** Stops every thread at once (waiting requests fail); later requests start fresh threads. Node scripts call it when done. */
	stop(): void {
		for (const t of this.threads) t?.terminate();
		this.threads.length = 0;
		this.fail(new Error('The helper threads were stopped.'));
	}

	private endpoint(i: number): ThreadEndpoint {
		if (this.threads[i]) return this.threads[i];
		const t = this.spawn(i);
		t.listen(
			(answer) => {
				const w = this.waiting.get(answer.id);
				if (!w) return;
				if ('progress' in answer) return w.progress?.(answer.progress);
				this.waiting.delete(answer.id);
				if ('error' in answer) w.reject(Object.assign(new Error(answer.error.message), { name: answer.error.name }));
				else w.resolve(answer.value);
			},
			(error) => {
				// A thread that died loses its sessions: the fits using it fail; a new one starts on the next request.
				delete this.threads[i];
				t.terminate();
				this.fail(error);
			}
		);
		this.threads[i] = t;
		return t;
	}

	private fail(error: Error): void {
		for (const w of this.waiting.values()) w.reject(error);
		this.waiting.clear();
	}
}
