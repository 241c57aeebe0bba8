/**
 * Maximum likelihood for the few-parameter value models: BFGS on the
 * log-parameters (so every parameter stays positive without bounds) from
 * several starting points, a Newton polish (of the best) with a finite-difference Hessian of
 * the analytic gradient, and standard errors from that Hessian.
 *
 * The shared L-BFGS (models/shared/lbfgs.ts) is async and tuned for thousands
 * of coordinates; with 3–4 parameters a dense BFGS plus a Newton step is both
 * simpler and reaches the gradient to 1e-10, which the paper-level accuracy
 * (four significant digits) needs.
 */
import { throwIfAborted } from '../shared/cancel';

/** Σ ln L over the customers and its gradient, in log-parameters. */
export type LogLikelihood = (logParams: Float64Array) => { ll: number; grad: Float64Array };

export interface MaximumLikelihood {
	logParams: Float64Array;
	/** Standard errors of the natural parameters (null when the Hessian is not positive definite). */
	standardErrors: number[] | null;
	logLikelihood: number;
	converged: boolean;
}

/**
 * Maximises Σ ln L over n customers: minimises −(Σ ln L)/n + penalizer Σθ² (lifetimes'
 * `penalizer_coef`, on the natural parameters θ = e^φ; 0 gives the plain MLE), then takes
 * standard errors from the Hessian of −Σ ln L without the penalty.
 */
export function maximumLikelihood(logLikelihood: LogLikelihood, customers: number, starts: Float64Array[], penalizer: number, signal?: AbortSignal): MaximumLikelihood {
	const objective: LogObjective = (logParams) => {
		throwIfAborted(signal);
		const { ll, grad } = logLikelihood(logParams);
		let loss = -ll / customers;
		const g = grad.map((v) => -v / customers);
		for (let i = 0; i < logParams.length; i++) {
			const theta = Math.exp(logParams[i]);
			loss += penalizer * theta * theta;
			g[i] += 2 * penalizer * theta * theta;
		}
		return { loss, grad: g };
	};
	const found = minimizeFromStarts(objective, starts, signal);
	const H = numericalHessian((p) => logLikelihood(p).grad.map((v) => -v), found.logParams);
	return {
		logParams: found.logParams,
		standardErrors: standardErrorsFromLogHessian(H, found.logParams),
		logLikelihood: logLikelihood(found.logParams).ll,
		converged: found.converged
	};
}

/** Loss (a mean negative log-likelihood) and its gradient, both in log-parameters. */
export type LogObjective = (logParams: Float64Array) => { loss: number; grad: Float64Array };

export interface MinimumFound {
	logParams: Float64Array;
	loss: number;
	converged: boolean;
}

/** Largest |log-parameter|: beyond e^±30 a parameter has run off to 0 or ∞ and the start failed. */
const LOG_LIMIT = 30;
const GRADIENT_TOLERANCE = 1e-9;
/** A start counts as converged when its largest gradient component (per customer) is below this. */
const CONVERGED_GRADIENT = 1e-6;

const maxAbs = (v: Float64Array) => v.reduce((m, x) => Math.max(m, Math.abs(x)), 0);

/** Evaluates, treating runaway parameters or non-finite results as +∞ (the line search then backs off). */
function guarded(f: LogObjective): LogObjective {
	return (x) => {
		if (maxAbs(x) > LOG_LIMIT) return { loss: Infinity, grad: new Float64Array(x.length) };
		const out = f(x);
		return Number.isFinite(out.loss) && out.grad.every(Number.isFinite) ? out : { loss: Infinity, grad: out.grad };
	};
}

/**
 * Runs BFGS from each start, then polishes the lowest optimum with Newton steps (the starts
 * nearly always meet at one optimum; polishing each would cost four times as much).
 */
export function minimizeFromStarts(objective: LogObjective, starts: Float64Array[], signal?: AbortSignal): MinimumFound {
	const f = guarded(objective);
	let best: { x: Float64Array; loss: number } | null = null;
	for (const start of starts) {
		throwIfAborted(signal);
		const x = bfgs(f, start);
		const loss = f(x).loss;
		if (Number.isFinite(loss) && (best === null || loss < best.loss)) best = { x, loss };
	}
	if (best === null) return { logParams: starts[0], loss: Infinity, converged: false };
	return newtonPolish(f, best.x);
}

function bfgs(f: LogObjective, x0: Float64Array, maxIterations = 500): Float64Array {
	const n = x0.length;
	let x = Float64Array.from(x0);
	let { loss, grad } = f(x);
	if (!Number.isFinite(loss)) return x;
	let H = identity(n);
	for (let iteration = 0; iteration < maxIterations && maxAbs(grad) > GRADIENT_TOLERANCE; iteration++) {
		let d = matVec(H, grad).map((v) => -v);
		if (dot(d, grad) >= 0) {
			H = identity(n);
			d = grad.map((v) => -v);
		}
		// Steps of more than e^3 in one parameter overshoot into flat, overflowing regions.
		const scale = Math.min(1, 3 / maxAbs(d));
		const step = lineSearch(f, x, loss, grad, d.map((v) => v * scale));
		if (step === null) break;
		const s = step.x.map((v, i) => v - x[i]);
		const y = step.grad.map((v, i) => v - grad[i]);
		const sy = dot(s, y);
		if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
			// First accepted pair: scale the identity to the curvature seen (Nocedal & Wright 6.20).
			if (iteration === 0) H = identity(n).map((row) => row.map((v) => (v * sy) / dot(y, y)));
			H = bfgsUpdate(H, s, y, sy);
		}
		const decrease = loss - step.loss;
		x = step.x;
		loss = step.loss;
		grad = step.grad;
		if (decrease <= 1e-16 * Math.abs(loss) && maxAbs(grad) < CONVERGED_GRADIENT) break;
	}
	return x;
}

/** Backtracking (Armijo) from a unit step. */
function lineSearch(f: LogObjective, x: Float64Array, loss: number, grad: Float64Array, d: Float64Array) {
	const slope = dot(grad, d);
	for (let t = 1; t > 1e-12; t *= 0.5) {
		const xn = x.map((v, i) => v + t * d[i]);
		const out = f(xn);
		if (out.loss <= loss + 1e-4 * t * slope) return { x: xn, ...out };
	}
	return null;
}

/**
 * Newton steps with the finite-difference Hessian: quadratic convergence for the last digits.
 * A step is kept when the loss does not rise beyond rounding (near the optimum the loss is flat
 * to 1e-16 and an Armijo test would reject exact steps); the first that does ends the polish.
 */
function newtonPolish(f: LogObjective, x0: Float64Array, maxSteps = 5): MinimumFound {
	let x = x0;
	let { loss, grad } = f(x);
	for (let step = 0; step < maxSteps && Number.isFinite(loss) && maxAbs(grad) > GRADIENT_TOLERANCE * 1e-3; step++) {
		const d = solvePositiveDefinite(numericalHessian((p) => f(p).grad, x), grad.map((v) => -v));
		if (d === null) break;
		const xn = x.map((v, i) => v + d[i]);
		const next = f(xn);
		if (!(next.loss <= loss + 1e-14 * Math.abs(loss))) break;
		x = xn;
		loss = next.loss;
		grad = next.grad;
	}
	return { logParams: x, loss, converged: Number.isFinite(loss) && maxAbs(grad) < CONVERGED_GRADIENT };
}

/** Central differences of an analytic gradient, symmetrised. */
export function numericalHessian(gradient: (x: Float64Array) => Float64Array, x: Float64Array, h = 1e-5): number[][] {
	const n = x.length;
	const H = Array.from({ length: n }, () => new Array<number>(n).fill(0));
	for (let j = 0; j < n; j++) {
		const step = h * Math.max(1, Math.abs(x[j]));
		const up = Float64Array.from(x);
		const down = Float64Array.from(x);
		up[j] += step;
		down[j] -= step;
		const gu = gradient(up);
		const gd = gradient(down);
		for (let i = 0; i < n; i++) H[i][j] = (gu[i] - gd[i]) / (2 * step);
	}
	for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) H[i][j] = H[j][i] = (H[i][j] + H[j][i]) / 2;
	return H;
}

/**
 * Standard errors of the natural parameters θ = e^φ from the Hessian of the summed
 * negative log-likelihood in φ: at the optimum H_θ = J⁻¹ H_φ J⁻¹ with J = diag(θ), so
 * Var θᵢ = θᵢ² (H_φ⁻¹)ᵢᵢ (the delta method, exact here because the gradient is zero).
 * Null when the Hessian is not positive definite (a flat or boundary optimum).
 */
export function standardErrorsFromLogHessian(H: number[][], logParams: Float64Array): number[] | null {
	const n = logParams.length;
	const out: number[] = [];
	for (let i = 0; i < n; i++) {
		const e = new Float64Array(n);
		e[i] = 1;
		const column = solvePositiveDefinite(H, e);
		if (column === null || !(column[i] > 0)) return null;
		out.push(Math.exp(logParams[i]) * Math.sqrt(column[i]));
	}
	return out;
}

/** Cholesky solve; null when A is not positive definite. */
function solvePositiveDefinite(A: number[][], rhs: Float64Array): Float64Array | null {
	const n = rhs.length;
	const L = Array.from({ length: n }, () => new Array<number>(n).fill(0));
	for (let i = 0; i < n; i++) {
		for (let j = 0; j <= i; j++) {
			let s = A[i][j];
			for (let k = 0; k < j; k++) s -= L[i][k] * L[j][k];
			if (i === j) {
				if (!(s > 0)) return null;
				L[i][i] = Math.sqrt(s);
			} else L[i][j] = s / L[j][j];
		}
	}
	const y = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		let s = rhs[i];
		for (let k = 0; k < i; k++) s -= L[i][k] * y[k];
		y[i] = s / L[i][i];
	}
	const x = new Float64Array(n);
	for (let i = n - 1; i >= 0; i--) {
		let s = y[i];
		for (let k = i + 1; k < n; k++) s -= L[k][i] * x[k];
		x[i] = s / L[i][i];
	}
	return x;
}

function identity(n: number): number[][] {
	return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
}

function matVec(M: number[][], v: Float64Array): Float64Array {
	return Float64Array.from(M, (row) => row.reduce((s, m, j) => s + m * v[j], 0));
}

function dot(a: Float64Array, b: Float64Array): number {
	let s = 0;
	for (let i = 0; i < a.length; i++) s += a[i] * b[i];
	return s;
}

/** H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ, ρ = 1 / sᵀy. */
function bfgsUpdate(H: number[][], s: Float64Array, y: Float64Array, sy: number): number[][] {
	const n = s.length;
	const rho = 1 / sy;
	const Hy = matVec(H, y);
	const yHy = dot(y, Hy);
	return H.map((row, i) => row.map((h, j) => h - rho * (Hy[i] * s[j] + s[i] * Hy[j]) + (rho * rho * yHy + rho) * s[i] * s[j]));
}
