/**
 * The Gauss hypergeometric function ₂F₁(a, b; c; z) for real z < 1, which the
 * BG/NBD expectations need (Fader, Hardie & Lee 2005, eq. 7 and 10).
 *
 * - 0 ≤ z < 1: the power series, summed until the tail bound (not just the
 *   last term) is below 1e-16 of the sum: when a + b > c + 1 the terms grow
 *   before they shrink, so a small early term proves nothing.
 * - z < 0: Pfaff's transformation ₂F₁(a, b; c; z) = (1 − z)^(−a) ₂F₁(a, c − b; c; z/(z − 1))
 *   maps z to [0, 1): the series there has terms of one sign (or one sign change), where
 *   the direct series for z < −1 would not converge and for −1 ≤ z < 0 alternates.
 *
 * Near z = 1 the series needs about −37 / ln z terms (≈ 3,700 at z = 0.99); the BG/NBD code
 * passes Euler-transformed parameters whose series converges even at z = 1 (see bgnbd.ts).
 */
import { inputError } from '../shared/input-error';

const MAX_TERMS = 10_000_000;
const EPS = 1e-16;

export function hyp2f1(a: number, b: number, c: number, z: number): number {
	if (![a, b, c, z].every(Number.isFinite)) return NaN;
	if (c <= 0 && Number.isInteger(c)) throw inputError(`invalid c: ${c} (₂F₁ is undefined for c = 0, −1, −2, …)`);
	if (z >= 1) throw inputError(`invalid z: ${z} (₂F₁ is computed for z < 1 only)`);
	if (z === 0 || a === 0 || b === 0) return 1;
	if (z < 0) {
		const w = z / (z - 1);
		// Either parameter may be kept. Kept a, the terms go like n^(a − b − 1) wⁿ: keeping the
		// smaller one makes them decay fastest (and keeps a terminating polynomial one).
		return a <= b
			? Math.pow(1 - z, -a) * hyp2f1Series(a, c - b, c, w)
			: Math.pow(1 - z, -b) * hyp2f1Series(c - a, b, c, w);
	}
	return hyp2f1Series(a, b, c, z);
}

/** Σ (a)_n (b)_n / ((c)_n n!) zⁿ for 0 ≤ z < 1. */
export function hyp2f1Series(a: number, b: number, c: number, z: number): number {
	return sumFrom(1, 0, a, b, c, z);
}

/**
 * (₂F₁(a, b; c; z) − 1) / b, summed as Σₙ≥₁ (a)_n (b + 1)_{n−1} / ((c)_n n!) zⁿ
 * without dividing by b: exact when b is near 0, where
 * ₂F₁ − 1 would lose every digit (the BG/NBD expectations at a ≈ 1). 0 ≤ z < 1.
 */
export function hyp2f1ExcessOverB(a: number, b: number, c: number, z: number): number {
	if (z === 0) return 0;
	return sumFrom((a / c) * z, 1, a, b, c, z);
}

/**
 * Σ of the terms from index n0 on, starting at `term` (the n0-th), each the last times
 * (a + n)(b + n) z / ((c + n)(n + 1)).
 */
function sumFrom(term: number, n0: number, a: number, b: number, c: number, z: number): number {
	let sum = term;
	for (let n = n0; n < n0 + MAX_TERMS; n++) {
		const ratio = ((a + n) * (b + n)) / ((c + n) * (n + 1));
		term *= ratio * z;
		sum += term;
		if (term === 0) return sum; // a or b a non-positive integer: a polynomial
		// Once n is past the parameters the ratio moves monotonically towards 1 (times z):
		// bound the tail by a geometric series of rate max(|ratio z|, z) once that is below 1.
		const rate = Math.max(Math.abs(ratio * z), z);
		if (rate < 1 && n > Math.abs(a) + Math.abs(b) + Math.abs(c) && Math.abs(term) * (rate / (1 - rate)) <= EPS * Math.abs(sum)) return sum;
	}
	throw inputError(`₂F₁(${a}, ${b}; ${c}; ${z}) did not converge in ${MAX_TERMS} terms`);
}
