/**
 * Newton's method for the binary objective: with a few dozen encoded columns
 * the Hessian is tiny, and Newton reaches the optimum in about ten steps
 * where L-BFGS crawls along the flat directions that collinear one-hot
 * columns (e.g. seven "No internet service" indicators) create.
 */
import type { LbfgsOptions, LbfgsResult, Objective } from '../shared/lbfgs';

/** Solves `A x = b` for symmetric positive-definite `A` (n×n row-major) by Cholesky; null when not positive definite. */
export function solveCholesky(A: Float64Array, b: Float64Array): Float64Array | null {
	const n = b.length;
	const L = new Float64Array(n * n);
	for (let i = 0; i < n; i++) {
		for (let j = 0; j <= i; j++) {
			let sum = A[i * n + j];
			for (let k = 0; k < j; k++) sum -= L[i * n + k] * L[j * n + k];
			if (i === j) {
				if (!(sum > 0)) return null;
				L[i * n + i] = Math.sqrt(sum);
			} else L[i * n + j] = sum / L[j * n + j];
		}
	}
	const y = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		let sum = b[i];
		for (let k = 0; k < i; k++) sum -= L[i * n + k] * y[k];
		y[i] = sum / L[i * n + i];
	}
	const x = new Float64Array(n);
	for (let i = n - 1; i >= 0; i--) {
		let sum = y[i];
		for (let k = i + 1; k < n; k++) sum -= L[k * n + i] * x[k];
		x[i] = sum / L[i * n + i];
	}
	return x;
}

const maxAbs = (a: Float64Array) => a.reduce((m, v) => Math.max(m, Math.abs(v)), 0);

/** Damped Newton with an Armijo line search; `null` when the Hessian is unusable (the caller falls back to L-BFGS). */
export async function minimizeNewton(
	f: Objective,
	hessian: (x: Float64Array) => Float64Array,
	x0: Float64Array,
	opts: LbfgsOptions
): Promise<LbfgsResult | null> {
	let x = Float64Array.from(x0);
	let { loss, grad } = f(x);
	let iterations = 0;
	let converged = maxAbs(grad) < opts.tolerance;
	while (!converged && iterations < opts.maxIterations) {
		const H = hessian(x);
		// A whisper of ridge keeps the unpenalised intercept block solvable.
		for (let i = 0; i < grad.length; i++) H[i * grad.length + i] += 1e-10;
		const d = solveCholesky(H, Float64Array.from(grad, (g) => -g));
		if (!d) return null;
		let slope = 0;
		for (let i = 0; i < d.length; i++) slope += grad[i] * d[i];
		let step = 1;
		let accepted: { loss: number; grad: Float64Array; x: Float64Array } | null = null;
		for (let tries = 0; tries < 30 && slope < 0; tries++) {
			const xNext = Float64Array.from(x, (v, i) => v + step * d[i]);
			const trial = f(xNext);
			if (Number.isFinite(trial.loss) && trial.loss <= loss + 1e-4 * step * slope) {
				accepted = { ...trial, x: xNext };
				break;
			}
			step /= 2;
		}
		iterations++;
		if (!accepted) {
			converged = true; // no further decrease at float32 precision
			break;
		}
		x = Float64Array.from(accepted.x);
		loss = accepted.loss;
		grad = accepted.grad;
		converged = maxAbs(grad) < opts.tolerance;
		await opts.onIteration?.(iterations, loss);
	}
	return { x, loss, iterations, converged };
}
