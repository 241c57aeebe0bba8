/** Helpers shared by the TF.js model tests: contexts, a 3-class task, backend choice. */
import * as tf from '@tensorflow/tfjs';
import type { Dataset } from '../../../../models/types';
export { loadSplit, rocAuc } from '../split-fixture';

export const positiveScores = (probabilities: Float64Array): Float64Array => probabilities.filter((_, i) => i % 2 === 1);

/** A context that records progress and never cancels. */
export function quietContext(seed = 1, signal: AbortSignal = new AbortController().signal) {
	return { seed, signal, progress: () => {} };
}

/** A small 3-class task: class by the sign pattern of two numbers, plus a noisy categorical. */
export function threeClassTask(rows = 300, seed = 7): Dataset {
	let s = seed;
	const rand = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
	const a = new Float64Array(rows);
	const b = new Float64Array(rows);
	const codes = new Int32Array(rows);
	const y = new Int32Array(rows);
	for (let r = 0; r < rows; r++) {
		y[r] = r % 3;
		a[r] = (y[r] === 0 ? -2 : y[r] === 1 ? 0 : 2) + rand();
		b[r] = (y[r] === 1 ? 2 : -1) + rand();
		codes[r] = rand() < 0.8 ? y[r] : Math.floor(rand() * 3);
	}
	return {
		X: { rows, columns: [{ name: 'usage', kind: 'numeric', values: a }, { name: 'tickets', kind: 'numeric', values: b }, { name: 'plan', kind: 'categorical', codes, levels: ['basic', 'plus', 'pro'] }] },
		y,
		classes: ['low', 'mid', 'high']
	};
}

/**
 * Switches TF.js backend for a test: 'wasm' (single-threaded, much faster in
 * Node) for the quality floors, 'cpu' for determinism and memory checks.
 */
export async function useBackend(name: 'cpu' | 'wasm'): Promise<void> {
	if (name === 'wasm') {
		await import('@tensorflow/tfjs-backend-wasm');
		tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
	}
	await tf.setBackend(name);
	await tf.ready();
}

/** What `p` rejected with (fails the test when it resolves). */
export async function rejection(p: Promise<unknown>): Promise<Error> {
	try {
		await p;
	} catch (e) {
		return e as Error;
	}
	throw new Error('expected a rejection');
}
