/**
 * Cooperative cancellation, one way for every learner, explainer and worker
 * job: an aborted `signal` ends the work with an error named
 * 'CancelledError', which the UI shows as "cancelled", never as a failure.
 */
import { nextTask } from './next-task';

/** The error work rejects with when its signal aborts. */
export function cancelledError(): Error {
	const error = new Error('Cancelled.');
	error.name = 'CancelledError';
	return error;
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
	if (signal?.aborted) throw cancelledError();
}

/**
 * Yields to the event loop, then throws if the signal aborted meanwhile: a
 * worker only receives a cancel message while it is not running.
 */
export async function yieldAndCheck(signal: AbortSignal | undefined): Promise<void> {
	await nextTask();
	throwIfAborted(signal);
}

/**
 * Yields to the event loop when more than `everyMs` passed since the last
 * yield: an abort (posted from the UI thread) can only be delivered while we
 * are not running, but yielding every round would cost ~1 ms per round.
 */
export function createYielder(signal: AbortSignal | undefined, everyMs = 50): () => Promise<void> {
	let last = performance.now();
	return async () => {
		throwIfAborted(signal);
		if (performance.now() - last < everyMs) return;
		await nextTask();
		last = performance.now();
		throwIfAborted(signal);
	};
}

/** True for the error of cancelled work (also after it crossed a worker boundary as `{name, message}`). */
export function isCancelled(e: unknown): boolean {
	return (e as { name?: unknown } | null)?.name === 'CancelledError';
}
