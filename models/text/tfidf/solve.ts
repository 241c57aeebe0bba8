/**
 * Fitting the sparse logistic regression: L-BFGS (models/shared/lbfgs, plain float64)
 * with cancellation and yielding between iterations, and class
 * probabilities from fitted parameters.
 */
import { cancelledError } from '../../shared/cancel';
import { minimizeLbfgs, type LbfgsResult } from '../../shared/lbfgs';
import type { SparseRows } from './features';
import { evaluate, rowLogits, softmaxInPlace, type Problem } from './objective';
import { nextTask } from '../../shared/next-task';

export interface SolveOptions {
	maxIterations: number;
	/** Converged when every gradient component of the averaged objective is below this. */
	tolerance: number;
	signal: AbortSignal;
	onIteration?: (iteration: number, loss: number) => void;
}

/** Yield to the event loop at least this often (ms) so an abort message can arrive. */
const YIELD_EVERY_MS = 50;

/** Cooperative pauses: `await pause()` yields when the last yield is older than YIELD_EVERY_MS, then checks the signal. */
export function pauser(signal: AbortSignal): () => Promise<void> {
	let last = Date.now();
	return async () => {
		if (Date.now() - last >= YIELD_EVERY_MS) {
			await nextTask();
			last = Date.now();
		}
		if (signal.aborted) throw cancelledError();
	};
}

/** Above this many parameters (many classes × a large vocabulary) L-BFGS keeps fewer curvature pairs, to bound memory. */
const LARGE_PROBLEM = 1_000_000;

/** Minimises the problem from `theta0` (warm start; not mutated). */
export async function solve(problem: Problem, theta0: Float64Array, options: SolveOptions): Promise<LbfgsResult> {
	if (options.signal.aborted) throw cancelledError();
	const pause = pauser(options.signal);
	return minimizeLbfgs((theta) => evaluate(problem, theta), theta0, {
		memory: theta0.length > LARGE_PROBLEM ? 5 : 10,
		maxIterations: options.maxIterations,
		tolerance: options.tolerance,
		onIteration: async (iteration, loss) => {
			options.onIteration?.(iteration, loss);
			await pause();
		}
	});
}

/** Class probabilities (row-major, `classes` per row) of every row of X. */
export function probabilities(X: SparseRows, theta: ArrayLike<number>, classes: number): Float64Array {
	const outputs = classes === 2 ? 1 : classes;
	const out = new Float64Array(X.rows * classes);
	const z = new Float64Array(outputs);
	for (let r = 0; r < X.rows; r++) {
		rowLogits(X, r, theta, outputs, z);
		if (outputs === 1) {
			const p = 1 / (1 + Math.exp(-z[0]));
			out[r * 2] = 1 - p;
			out[r * 2 + 1] = p;
		} else {
			softmaxInPlace(z, outputs);
			out.set(z, r * classes);
		}
	}
	return out;
}
