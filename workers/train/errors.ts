/**
 * Errors that cross the worker boundary. Comlink sends a thrown Error as
 * `{name, message, stack}` and rebuilds an Error on the main thread, so we only
 * throw plain `Error`s whose `name` says what happened and whose `message` a
 * user can read in the UI as is.
 */
import type { BackendName } from './api';
import { BACKEND_LABELS } from './backends';
import { isInputError, cancelledError, isCancelled, throwIfAborted } from '../../models/shared';

/** Name of errors already worded for users (not wrapped again). */
export const TRAIN_ERROR = 'TrainError';

export { cancelledError, isCancelled, throwIfAborted as throwIfCancelled };

export function trainError(message: string): Error {
	const e = new Error(message);
	e.name = TRAIN_ERROR;
	return e;
}

/** The bare text of anything thrown, for embedding in a user-facing sentence. */
export function describeError(e: unknown): string {
	const text = e instanceof Error ? e.message : typeof e === 'string' ? e : String(e);
	return text.trim().replace(/\.+$/, '') || 'unknown error';
}

/**
 * Rewords an error for users; cancellations and already-worded errors pass
 * through, and so do the models' input errors (one class, a missing column):
 * blaming the backend for those would send users to switch it in vain.
 * @example toUserError(new Error('device lost'), 'webgpu')
 *   // "The WebGPU backend failed: device lost. Switch to WASM in the status bar."
 */
export function toUserError(e: unknown, backend: BackendName): Error {
	if (isCancelled(e)) return cancelledError();
	if (e instanceof Error && e.name === TRAIN_ERROR) return e;
	if (isInputError(e)) return trainError((e as Error).message);
	const hint = backend === 'wasm' ? ' Try CPU in the status bar.' : ' Switch to WASM in the status bar.';
	return trainError(`The ${BACKEND_LABELS[backend]} backend failed: ${describeError(e)}.${hint}`);
}
