/**
 * The editing lock of a notebook (Web Locks API): the one tab holding
 * `crm-notebook:<id>` may write that notebook; any other tab showing it is
 * read-only. A tab holds at most one such lock, for as long as the notebook
 * is open in it; the browser releases it when the tab closes or crashes.
 */

/** The part of `navigator.locks` used here (a fake one stands in for it in unit tests). */
export interface LockManagerLike {
	request(
		name: string,
		options: { mode?: 'shared' | 'exclusive'; ifAvailable?: boolean; steal?: boolean; signal?: AbortSignal },
		callback: (lock: unknown) => unknown
	): Promise<unknown>;
}

export function notebookLockName(id: string): string {
	return `crm-notebook:${id}`;
}

/** How to take a lock another tab may hold. */
export interface TakeOptions {
	/** Wait up to this many ms for the holder to release it (default: don't wait). */
	waitMs?: number;
	/** Take it from the holder (a tab that did not answer a hand-over). */
	steal?: boolean;
}

export class NotebookLock {
	#locks: LockManagerLike | null;
	#held: { id: string; release: () => void } | null = null;
	/** Bumped by every take and release, so a late grant for an older request is handed back. */
	#turn = 0;
	#onLost: (id: string) => void;

	/**
	 * @param locks the lock manager; null where the browser has none (then
	 * every notebook counts as held: one tab, as before locks existed)
	 * @param onLost called when another tab stole the lock this tab held
	 */
	constructor(locks: LockManagerLike | null, onLost: (id: string) => void = () => {}) {
		this.#locks = locks;
		this.#onLost = onLost;
	}

	/** True when this tab may write notebook `id`. */
	holds(id: string): boolean {
		return !this.#locks || this.#held?.id === id;
	}

	/** Takes the lock of `id`, releasing the one held before; false when another tab keeps it. */
	take(id: string, options: TakeOptions = {}): Promise<boolean> {
		this.release();
		const locks = this.#locks;
		if (!locks) return Promise.resolve(true);
		const turn = this.#turn;
		let release = () => {};
		const held = new Promise<void>((resolve) => (release = resolve));
		const request: { ifAvailable?: boolean; steal?: boolean; signal?: AbortSignal } = options.steal
			? { steal: true }
			: options.waitMs
				? { signal: AbortSignal.timeout(options.waitMs) }
				: { ifAvailable: true };
		return new Promise<boolean>((resolve) => {
			locks
				.request(notebookLockName(id), request, (lock) => {
					if (!lock) return resolve(false);
					if (turn !== this.#turn) {
						resolve(false); // opened something else meanwhile
						return;
					}
					this.#held = { id, release };
					resolve(true);
					return held;
				})
				.catch(() => {
					// A timeout (resolves false), or another tab stole the lock while this one held it.
					if (this.#held?.release === release) {
						this.#held = null;
						this.#onLost(id);
					}
					resolve(false);
				});
		});
	}

	/**
	 * Runs `write` holding the lock of `id` when no tab holds it (a notebook in
	 * the list that is not open anywhere); false, running nothing, when one does.
	 * Not for the notebook this tab holds: that one it may write at once.
	 */
	async whileFree(id: string, write: () => Promise<void>): Promise<boolean> {
		if (!this.#locks) {
			await write();
			return true;
		}
		const done = await this.#locks.request(notebookLockName(id), { ifAvailable: true }, async (lock) => {
			if (!lock) return false;
			await write();
			return true;
		});
		return done === true;
	}

	release(): void {
		this.#turn++;
		this.#held?.release();
		this.#held = null;
	}
}

/** The browser's lock manager, or null where there is none. */
export function browserLocks(): LockManagerLike | null {
	return (globalThis.navigator?.locks as LockManagerLike | undefined) ?? null;
}
