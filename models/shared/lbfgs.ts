/**
 * Limited-memory BFGS over a plain Float64Array, with a weak-Wolfe line
 * search: TF.js has no L-BFGS, and full-batch quasi-Newton reaches the
 * optimum scikit-learn's `lbfgs` solver finds in tens of iterations (Adam
 * would need thousands). Used by the tabular logistic regression and the
 * sparse TF-IDF one; the caller's objective returns loss and gradient.
 *
 * A curvature pair is kept when sᵀy is positive relative to |s||y| (the
 * Wolfe step guarantees it), not above an absolute floor: averaged losses
 * over tens of thousands of TF-IDF columns have per-coordinate gradients
 * near 1e-5, and an absolute 1e-12 floor discarded nearly every pair.
 */

export interface Objective {
	(x: Float64Array): { loss: number; grad: Float64Array };
}

export interface LbfgsOptions {
	maxIterations: number;
	/** Stop when the largest gradient component is below this. */
	tolerance: number;
	/** Stop when an iteration lowers the loss by less than this, relative to the loss. Default 1e-12. */
	relativeDecrease?: number;
	/** Curvature pairs remembered. Default 10. */
	memory?: number;
	/** Called after each iteration; may await (yield, report progress, throw on cancel). */
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
const maxAbs = (a: Float64Array) => {
	let m = 0;
	for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]));
	return m;
};

/** Armijo and curvature constants (the usual quasi-Newton choices). */
const C1 = 1e-4;
const C2 = 0.9;
const LINE_SEARCH_TRIES = 40;

interface Point {
	x: Float64Array;
	loss: number;
	grad: Float64Array;
}

/**
 * A step along `d` meeting the weak Wolfe conditions, by bracketing: too long
 * (no sufficient decrease) halves towards the last good step, too short (slope
 * still steep) doubles. Returns the best sufficient-decrease point found, or null.
 */
function lineSearch(f: Objective, at: Point, d: Float64Array, slope: number): Point | null {
	let lo = 0;
	let hi = Infinity;
	let t = 1;
	let fallback: Point | null = null;
	for (let tries = 0; tries < LINE_SEARCH_TRIES; tries++) {
		const x = Float64Array.from(at.x, (v, i) => v + t * d[i]);
		const { loss, grad } = f(x);
		if (!Number.isFinite(loss) || loss > at.loss + C1 * t * slope) {
			hi = t;
		} else if (dot(grad, d) < C2 * slope) {
			fallback = { x, loss, grad };
			lo = t;
		} else {
			return { x, loss, grad };
		}
		t = hi === Infinity ? 2 * t : (lo + hi) / 2;
	}
	return fallback;
}

/** Minimises `f` from `x0` (not mutated). */
export async function minimizeLbfgs(f: Objective, x0: Float64Array, opts: LbfgsOptions): Promise<LbfgsResult> {
	const memory = opts.memory ?? 10;
	const relativeDecrease = opts.relativeDecrease ?? 1e-12;
	const n = x0.length;
	let here: Point = { x: Float64Array.from(x0), ...f(Float64Array.from(x0)) };
	const S: Float64Array[] = [];
	const Y: Float64Array[] = [];
	const rho: number[] = [];
	const alpha = new Float64Array(memory);
	let iterations = 0;
	let converged = maxAbs(here.grad) < opts.tolerance;
	while (!converged && iterations < opts.maxIterations) {
		// Two-loop recursion: d = -H·grad.
		const d = Float64Array.from(here.grad, (g) => -g);
		for (let k = S.length - 1; k >= 0; k--) {
			alpha[k] = rho[k] * dot(S[k], d);
			for (let i = 0; i < n; i++) d[i] -= alpha[k] * Y[k][i];
		}
		const last = S.length - 1;
		// Initial scaling: sᵀy / yᵀy of the newest pair; with none yet, a step of length 1.
		const gamma = last >= 0 ? 1 / (rho[last] * dot(Y[last], Y[last])) : 1 / Math.max(Math.sqrt(dot(d, d)), 1e-300);
		for (let i = 0; i < n; i++) d[i] *= gamma;
		for (let k = 0; k < S.length; k++) {
			const beta = rho[k] * dot(Y[k], d);
			for (let i = 0; i < n; i++) d[i] += S[k][i] * (alpha[k] - beta);
		}
		let slope = dot(here.grad, d);
		if (!(slope < 0)) {
			// Not a descent direction (rounding): forget the pairs and use steepest descent.
			S.length = Y.length = rho.length = 0;
			const scale = 1 / Math.max(Math.sqrt(dot(here.grad, here.grad)), 1e-300);
			for (let i = 0; i < n; i++) d[i] = -here.grad[i] * scale;
			slope = dot(here.grad, d);
		}
		const next = lineSearch(f, here, d, slope);
		iterations++;
		if (!next) {
			// No decrease along a descent direction: we are at the optimum to rounding precision.
			converged = true;
			break;
		}
		const s = Float64Array.from(next.x, (v, i) => v - here.x[i]);
		const y = Float64Array.from(next.grad, (g, i) => g - here.grad[i]);
		const sy = dot(s, y);
		if (sy > 1e-10 * Math.sqrt(dot(s, s) * dot(y, y))) {
			if (S.length === memory) S.shift(), Y.shift(), rho.shift();
			S.push(s), Y.push(y), rho.push(1 / sy);
		}
		const decrease = here.loss - next.loss;
		here = next;
		converged = maxAbs(here.grad) < opts.tolerance || decrease <= relativeDecrease * Math.max(Math.abs(here.loss), 1e-300);
		await opts.onIteration?.(iterations, here.loss);
	}
	return { x: here.x, loss: here.loss, iterations, converged };
}
