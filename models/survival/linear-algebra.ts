/**
 * Symmetric solves for the Cox information matrix and the log-rank variance,
 * as R's survival package does them (`cholesky2`, `chsolve2`): an LDLᵀ
 * factorisation whose pivots below a relative tolerance count as zero, so a
 * redundant covariate gets a zero step (R reports it as NA) instead of
 * blowing the fit up.
 */

/** R's `coxph.control()$toler.chol`: .Machine$double.eps ^ 0.75. */
export const CHOLESKY_TOLERANCE = Math.pow(2.220446049250313e-16, 0.75);

/** Factorises the row-major n×n `matrix` in place (lower triangle: L below the diagonal, D on it); returns the rank. */
export function cholesky(matrix: Float64Array, n: number, tolerance = CHOLESKY_TOLERANCE): number {
	let eps = 0;
	for (let i = 0; i < n; i++) eps = Math.max(eps, Math.abs(matrix[i * n + i]));
	eps = eps === 0 ? tolerance : eps * tolerance;
	let rank = 0;
	for (let i = 0; i < n; i++) {
		const pivot = matrix[i * n + i];
		if (!Number.isFinite(pivot) || pivot < eps) {
			matrix[i * n + i] = 0;
			continue;
		}
		rank++;
		for (let j = i + 1; j < n; j++) {
			const temp = matrix[j * n + i] / pivot;
			matrix[j * n + i] = temp;
			matrix[j * n + j] -= temp * temp * pivot;
			for (let k = j + 1; k < n; k++) matrix[k * n + j] -= temp * matrix[k * n + i];
		}
	}
	return rank;
}

/** Solves with a factor from `cholesky`, overwriting `y`; zero pivots give zero components. */
export function solveFactored(factor: Float64Array, n: number, y: Float64Array): Float64Array {
	for (let i = 0; i < n; i++) {
		let temp = y[i];
		for (let j = 0; j < i; j++) temp -= y[j] * factor[i * n + j];
		y[i] = temp;
	}
	for (let i = n - 1; i >= 0; i--) {
		const d = factor[i * n + i];
		if (d === 0) {
			y[i] = 0;
			continue;
		}
		let temp = y[i] / d;
		for (let j = i + 1; j < n; j++) temp -= y[j] * factor[j * n + i];
		y[i] = temp;
	}
	return y;
}

/** A⁻¹ b for symmetric positive (semi)definite A (row-major k×k); leaves A and b alone. */
export function choleskySolve(a: Float64Array, k: number, b: Float64Array): Float64Array {
	const factor = Float64Array.from(a);
	cholesky(factor, k);
	return solveFactored(factor, k, Float64Array.from(b));
}

/** The (generalised) inverse from a factor: columns of zero pivots stay zero. */
export function inverseFactored(factor: Float64Array, n: number): Float64Array {
	const inverse = new Float64Array(n * n);
	const unit = new Float64Array(n);
	for (let c = 0; c < n; c++) {
		unit.fill(0);
		unit[c] = 1;
		solveFactored(factor, n, unit);
		for (let r = 0; r < n; r++) inverse[r * n + c] = factor[r * n + r] === 0 || factor[c * n + c] === 0 ? 0 : unit[r];
	}
	return inverse;
}
