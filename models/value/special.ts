/**
 * Log-gamma and digamma for the BG/NBD and Gamma-Gamma likelihoods and their
 * gradients: JavaScript has neither, and the models' parameters (r, a, b, p, q)
 * live between 0.01 and a few hundred, where a Lanczos sum is accurate to
 * about 1e-15 and the asymptotic series of ψ converges after shifting x up.
 */

// Lanczos coefficients for g = 7, n = 9 (Numerical Recipes / Boost's choice for doubles).
const LANCZOS_G = 7;
const LANCZOS = [
	0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
	12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7
];
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** ln Γ(x) for x > 0 (the likelihoods never need negative arguments). */
export function lgamma(x: number): number {
	if (!(x > 0)) return x === 0 ? Infinity : NaN;
	// Below 0.5 the reflection-free route loses accuracy; Γ(x) = Γ(x + 1) / x keeps it.
	if (x < 0.5) return lgamma(x + 1) - Math.log(x);
	if (x > 1e7) return (x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI + 1 / (12 * x);
	const z = x - 1;
	let sum = LANCZOS[0];
	for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i] / (z + i);
	const t = z + LANCZOS_G + 0.5;
	return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** ψ(x) = d ln Γ(x) / dx for x > 0: recurrence up to x ≥ 10, then the asymptotic series. */
export function digamma(x: number): number {
	if (!(x > 0)) return NaN;
	let shift = 0;
	while (x < 10) {
		shift -= 1 / x;
		x += 1;
	}
	const inv2 = 1 / (x * x);
	// Σ B₂ₖ / (2k x²ᵏ), k = 1..7: the next term is below 1e-16 for x ≥ 10.
	const series = inv2 * (1 / 12 - inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 * (1 / 132 - inv2 * (691 / 32760 - inv2 / 12))))));
	return shift + Math.log(x) - 0.5 / x - series;
}

/** ln(e^u + e^v) without overflow or underflow (either may be −Infinity). */
export function logAddExp(u: number, v: number): number {
	const m = Math.max(u, v);
	if (m === -Infinity) return -Infinity;
	return m + Math.log(Math.exp(u - m) + Math.exp(v - m));
}
