/**
 * One action that can still be undone for a while (a deleted cell). Its
 * clean-up (`commit`: letting go of the cell's file and results) waits until
 * the time is up, a newer action takes the slot, or the notebook closes
 * (`flush`), so that Undo brings back a cell that still has its data.
 */

/** How long a deleted cell can be brought back. */
export const UNDO_MS = 10_000;

interface Timers {
	set(run: () => void, ms: number): unknown;
	clear(handle: unknown): void;
}

const BROWSER_TIMERS: Timers = {
	set: (run, ms) => setTimeout(run, ms),
	clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>)
};

export class UndoSlot<T> {
	/** The pending action and its wording, shown with an Undo button; null when none. */
	current = $state.raw<{ item: T; label: string } | null>(null);
	#commit: ((item: T) => void) | null = null;
	#timer: unknown = null;

	constructor(
		private readonly ms: number = UNDO_MS,
		private readonly timers: Timers = BROWSER_TIMERS
	) {}

	/** Offers `item` for undo; `commit` runs once when it can no longer be undone. An older item commits now. */
	offer(item: T, label: string, commit: (item: T) => void): void {
		this.flush();
		this.current = { item, label };
		this.#commit = commit;
		this.#timer = this.timers.set(() => this.flush(), this.ms);
	}

	/** Cancels the pending clean-up and hands the item back (null when nothing can be undone). */
	undo(): T | null {
		const pending = this.current;
		this.#stop();
		return pending?.item ?? null;
	}

	/** Commits the pending item now (time up, a newer action, the notebook closes). */
	flush(): void {
		const pending = this.current;
		const commit = this.#commit;
		this.#stop();
		if (pending && commit) commit(pending.item);
	}

	#stop(): void {
		if (this.#timer !== null) this.timers.clear(this.#timer);
		this.#timer = null;
		this.#commit = null;
		this.current = null;
	}
}
