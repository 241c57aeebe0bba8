import { describe, expect, it } from 'vitest';
import { NotebookLock, notebookLockName, type LockManagerLike } from '$lib/storage/tab-lock';

/** An in-memory stand-in for `navigator.locks` (exclusive locks, FIFO), shared by the "tabs" of one test. */
class FakeLocks implements LockManagerLike {
	#held = new Map<string, { stolen: (e: Error) => void }>();
	#waiting = new Map<string, (() => void)[]>();

	request(name: string, options: { ifAvailable?: boolean; steal?: boolean; signal?: AbortSignal }, callback: (lock: unknown) => unknown): Promise<unknown> {
		return new Promise((resolve, reject) => {
			const grant = () => {
				const entry = { stolen: reject };
				this.#held.set(name, entry);
				Promise.resolve(callback({ name })).then(
					(value) => (this.#free(name, entry), resolve(value)),
					(error) => (this.#free(name, entry), reject(error))
				);
			};
			if (options.steal) {
				this.#held.get(name)?.stolen(new DOMException('The lock was stolen.', 'AbortError'));
				this.#held.delete(name);
				return grant();
			}
			if (!this.#held.has(name)) return grant();
			if (options.ifAvailable) return void Promise.resolve(callback(null)).then(resolve, reject);
			const queue = this.#waiting.get(name) ?? [];
			queue.push(grant);
			this.#waiting.set(name, queue);
			options.signal?.addEventListener('abort', () => {
				queue.splice(queue.indexOf(grant), 1);
				reject(options.signal!.reason);
			});
		});
	}

	#free(name: string, entry: object) {
		if (this.#held.get(name) !== entry) return; // stolen meanwhile
		this.#held.delete(name);
		this.#waiting.get(name)?.shift()?.();
	}
}

describe('NotebookLock', () => {
	it('take(id) succeeds in one tab only; the other sees it held', async () => {
		const locks = new FakeLocks();
		const tabA = new NotebookLock(locks);
		const tabB = new NotebookLock(locks);
		expect(await tabA.take('nb_1')).toBe(true);
		expect(await tabB.take('nb_1')).toBe(false);
		expect(tabA.holds('nb_1')).toBe(true);
		expect(tabB.holds('nb_1')).toBe(false);
		expect(await tabB.take('nb_2')).toBe(true);
	});

	it('take(other) lets go of the notebook held before', async () => {
		const locks = new FakeLocks();
		const tabA = new NotebookLock(locks);
		await tabA.take('nb_1');
		await tabA.take('nb_2');
		expect(tabA.holds('nb_1')).toBe(false);
		expect(await new NotebookLock(locks).take('nb_1')).toBe(true);
	});

	it('take(id, {waitMs}) gets the lock once the holder releases it (a hand-over)', async () => {
		const locks = new FakeLocks();
		const tabA = new NotebookLock(locks);
		const tabB = new NotebookLock(locks);
		await tabA.take('nb_1');
		const waiting = tabB.take('nb_1', { waitMs: 5000 });
		tabA.release();
		expect(await waiting).toBe(true);
		expect(tabB.holds('nb_1')).toBe(true);
	});

	it('take(id, {steal: true}) after a timeout takes it from a tab that did not answer, which is told', async () => {
		const locks = new FakeLocks();
		const lost: string[] = [];
		const tabA = new NotebookLock(locks, (id) => lost.push(id));
		const tabB = new NotebookLock(locks);
		await tabA.take('nb_1');
		expect(await tabB.take('nb_1', { waitMs: 10 })).toBe(false);
		expect(await tabB.take('nb_1', { steal: true })).toBe(true);
		await Promise.resolve();
		expect(lost).toEqual(['nb_1']);
		expect(tabA.holds('nb_1')).toBe(false);
		expect(tabB.holds('nb_1')).toBe(true);
	});

	it('a grant that comes after the tab opened something else is handed back at once', async () => {
		const locks = new FakeLocks();
		const tabA = new NotebookLock(locks);
		const tabB = new NotebookLock(locks);
		await tabA.take('nb_1');
		const late = tabB.take('nb_1', { waitMs: 5000 });
		await tabB.take('nb_2');
		tabA.release();
		expect(await late).toBe(false);
		expect(tabB.holds('nb_1')).toBe(false);
		expect(await new NotebookLock(locks).take('nb_1', { waitMs: 1000 })).toBe(true);
	});

	it('whileFree(id, write) writes a notebook no tab holds, and not one that a tab holds', async () => {
		const locks = new FakeLocks();
		const tabA = new NotebookLock(locks);
		const tabB = new NotebookLock(locks);
		await tabA.take('nb_1');
		const writes: string[] = [];
		expect(await tabB.whileFree('nb_1', async () => void writes.push('nb_1'))).toBe(false);
		expect(await tabB.whileFree('nb_2', async () => void writes.push('nb_2'))).toBe(true);
		expect(writes).toEqual(['nb_2']);
	});

	it('without a lock manager every notebook counts as held (one tab, as before)', async () => {
		const lock = new NotebookLock(null);
		expect(lock.holds('nb_1')).toBe(true);
		expect(await lock.take('nb_1')).toBe(true);
	});

	it('notebookLockName(id) names the lock after the notebook', () => {
		expect(notebookLockName('nb_1')).toBe('crm-notebook:nb_1');
	});
});
