/**
 * Limited-memory BFGS over a plain Float64Array: TF.js has no L-BFGS, and
 * full-batch quasi-Newton converges to the same optimum scikit-learn's
 * `lbfgs` solver finds in tens of iterations (Adam would need thousands).
 * The objective (computed with TF.js ops by the caller) returns loss and gradient.
 */

export interface Objective {
	(x: Float64Array): { loss: number; grad: Float64Array };
}

export interface LbfgsOptions {
	maxIterations: number;
	/** Stop when the largest gradient component is below this. */
	tolerance: number;
	/** Pairs of (step, gradient change) remembered. */
	memory?: number;
	/** Called after each iteration; may await (to yield, report progress or throw on cancel). */
	onIteration?: (iteration: number, loss: number) => void | Promise<void>;
}

export interface LbfgsResult {
	x: Float64Array;
	loss: number;
	iterations: number;
	converged: boolean;
}

const dot = (a: Float64Array, b: Float64Array) => {
	let s = 0;
	for (let i = 0; i < a.length; i++) s += a[i] * b[i];
	return s;
};
const maxAbs = (a: Float64Array) => a.reduce((m, v) => Math.max(m, Math.abs(v)), 0);

/** Minimises `f` from `x0` (not mutated). */
export async function minimizeLbfgs(f: Objective, x0: Float64Array, opts: LbfgsOptions): Promise<LbfgsResult> {
	const memory = opts.memory ?? 10;
	const n = x0.length;
	let x = Float64Array.from(x0);
	let { loss, grad } = f(x);
	const S: Float64Array[] = [];
	const Y: Float64Array[] = [];
	const rho: number[] = [];
	const alpha = new Float64Array(memory);
	let iterations = 0;
	let converged = maxAbs(grad) < opts.tolerance;
	while (!converged && iterations < opts.maxIterations) {
		// Two-loop recursion: direction = -H·grad.
		const d = Float64Array.from(grad, (g) => -g);
		for (let k = S.length - 1; k >= 0; k--) {
			alpha[k] = rho[k] * dot(S[k], d);
			for (let i = 0; i < n; i++) d[i] -= alpha[k] * Y[k][i];
		}
		if (S.length) {
			const last = S.length - 1;
			const gamma = dot(S[last], Y[last]) / dot(Y[last], Y[last]);
			for (let i = 0; i < n; i++) d[i] *= gamma;
		} else {
			// First step: a unit-length move, the scale is unknown yet.
			const scale = 1 / Math.max(Math.sqrt(dot(d, d)), 1e-12);
			for (let i = 0; i < n; i++) d[i] *= scale;
		}
		let slope = dot(grad, d);
		if (slope >= 0) {
			// Not a descent direction (curvature pairs went stale): restart from steepest descent.
			S.length = Y.length = rho.length = 0;
			for (let i = 0; i < n; i++) d[i] = -grad[i];
			slope = dot(grad, d);
		}
		// Backtracking line search with the Armijo condition.
		let step = 1;
		let next: { loss: number; grad: Float64Array } | null = null;
		let xNext = x;
		for (let tries = 0; tries < 30; tries++) {
			xNext = Float64Array.from(x, (v, i) => v + step * d[i]);
			const trial = f(xNext);
			if (Number.isFinite(trial.loss) && trial.loss <= loss + 1e-4 * step * slope) {
				next = trial;
				break;
			}
			step /= 2;
		}
		iterations++;
		// No decrease found: we are at float32 precision of the optimum.
		if (!next) {
			converged = true;
			break;
		}
		const s = Float64Array.from(xNext, (v, i) => v - x[i]);
		const y = Float64Array.from(next.grad, (g, i) => g - grad[i]);
		const sy = dot(s, y);
		if (sy > 1e-12) {
			if (S.length === memory) S.shift(), Y.shift(), rho.shift();
			S.push(s), Y.push(y), rho.push(1 / sy);
		}
		const decrease = loss - next.loss;
		x = xNext;
		loss = next.loss;
		grad = next.grad;
		converged = maxAbs(grad) < opts.tolerance || decrease <= 1e-9 * Math.max(1, Math.abs(loss));
		await opts.onIteration?.(iterations, loss);
	}
	return { x, loss, iterations, converged };
}
