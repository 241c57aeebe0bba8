/**
 * One fit's sessions on the helper threads: one session name on threads
 * 0 .. N − 1, each opened with its own data and closed together. If one
 * thread cannot open its session, those that did are closed before the error
 * goes on; closing never hides the error a fit is already failing with.
 */
import type { ThreadPool, ThreadWatch } from '../types';

let opened = 0;

export class ThreadSessions {
	private constructor(
		private readonly pool: ThreadPool,
		private readonly task: string,
		private readonly session: string,
		readonly size: number
	) {}

	/** Opens session `task-n` on one thread per entry of `inits`; `transfer` lists the buffers that move there. */
	static async open(pool: ThreadPool, task: string, inits: { init: unknown; transfer: ArrayBuffer[] }[]): Promise<ThreadSessions> {
		const sessions = new ThreadSessions(pool, task, `${task}-${++opened}`, inits.length);
		const results = await Promise.allSettled(inits.map(({ init, transfer }, t) => sessions.call(t, { op: 'open', init }, transfer)));
		const failed = results.find((r) => r.status === 'rejected');
		if (failed) {
			await sessions.close();
			throw failed.reason;
		}
		return sessions;
	}

	call(thread: number, request: unknown, transfer: ArrayBuffer[] = [], watch?: ThreadWatch): Promise<unknown> {
		return this.pool.request(thread, { task: this.task, session: this.session, request }, transfer, watch);
	}

	async close(): Promise<void> {
		await Promise.allSettled(Array.from({ length: this.size }, (_, t) => this.call(t, { op: 'close' })));
	}
}
