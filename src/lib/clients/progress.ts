/**
 * Progress callbacks that cross to a worker and go quiet once their job ends.
 * Comlink delivers a callback's calls on their own message channel, so the
 * worker's last report ("Done", 100 %) often arrives after the job's result:
 * a cell that had already cleared its bar would show it again, for good.
 */
import * as Comlink from 'comlink';

export interface LiveProgress<P> {
	/** The callback to hand to the worker (undefined when nobody listens). */
	proxy: ((p: P) => void) | undefined;
	/** Stops forwarding: call it when the job settles, before the caller sees the result. */
	end: () => void;
}

export function liveProgress<P>(onProgress?: (p: P) => void): LiveProgress<P> {
	let live = true;
	// Returns nothing: the return value would travel back to the worker, and a Svelte
	// state proxy (what `progress = p` evaluates to) cannot be cloned.
	const proxy = onProgress ? Comlink.proxy((p: P) => void (live && onProgress(p))) : undefined;
	return { proxy, end: () => (live = false) };
}

/** Runs `call` with a progress callback that is silenced as soon as it settles (done, failed or cancelled). */
export async function withProgress<P, T>(onProgress: ((p: P) => void) | undefined, call: (progress: ((p: P) => void) | undefined) => Promise<T>): Promise<T> {
	const progress = liveProgress(onProgress);
	try {
		return await call(progress.proxy);
	} finally {
		progress.end();
	}
}
