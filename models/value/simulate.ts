/**
 * Data drawn from the value models, for parameter-recovery tests and the
 * benchmark: seeded (models/shared/random.ts), so the same seed gives the same
 * customers.
 */
import { createRng } from '../shared/random';
import { inputError } from '../shared/input-error';
import type { BgNbdParams, GammaGammaParams, PurchaseSummary } from './types';

/** Standard normal by Box–Muller (one of the pair is enough here). */
function normal(rng: () => number): number {
	return Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}

/** Gamma(shape, rate) by Marsaglia & Tsang (2000); shape < 1 via Gamma(shape + 1) · U^(1/shape). */
export function sampleGamma(rng: () => number, shape: number, rate: number): number {
	if (shape < 1) return sampleGamma(rng, shape + 1, rate) * Math.pow(1 - rng(), 1 / shape);
	const d = shape - 1 / 3;
	const c = 1 / Math.sqrt(9 * d);
	for (;;) {
		let z: number, v: number;
		do {
			z = normal(rng);
			v = 1 + c * z;
		} while (v <= 0);
		v = v * v * v;
		const u = 1 - rng();
		if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) return (d * v) / rate;
	}
}

function sampleBeta(rng: () => number, a: number, b: number): number {
	const g = sampleGamma(rng, a, 1);
	return g / (g + sampleGamma(rng, b, 1));
}

/**
 * BG/NBD customers observed for T units after their first purchase (at time 0):
 * λ ~ Gamma(r, α), p ~ Beta(a, b); purchases at Poisson rate λ, and after each
 * repeat purchase the customer leaves with probability p (the first, at time 0,
 * never ends a relationship: the paper's likelihood for x = 0 is e^(−λT)).
 */
export function simulateBgNbd(p: BgNbdParams, customers: number, T: number | Float64Array, seed: number): Pick<PurchaseSummary, 'frequency' | 'recency' | 'age'> {
	if (typeof T !== 'number' && T.length !== customers) throw inputError(`invalid ages: ${T.length} for ${customers} customers`);
	const rng = createRng(seed);
	const frequency = new Float64Array(customers), recency = new Float64Array(customers), age = new Float64Array(customers);
	for (let i = 0; i < customers; i++) {
		const observed = typeof T === 'number' ? T : T[i];
		const lambda = sampleGamma(rng, p.r, p.alpha);
		const dropout = sampleBeta(rng, p.a, p.b);
		let t = 0, x = 0, tx = 0;
		for (;;) {
			t += -Math.log(1 - rng()) / lambda;
			if (t > observed) break;
			x++;
			tx = t;
			if (rng() < dropout) break;
		}
		frequency[i] = x;
		recency[i] = tx;
		age[i] = observed;
	}
	return { frequency, recency, age };
}

/**
 * Mean spend of each customer's `frequency` repeat purchases: ν ~ Gamma(q, γ), each
 * purchase Gamma(p, ν), so their sum is Gamma(p x, ν); 0 when x = 0.
 */
export function simulateGammaGamma(p: GammaGammaParams, frequency: Float64Array, seed: number): Float64Array {
	const rng = createRng(seed);
	return Float64Array.from(frequency, (x) => {
		if (!(x > 0)) return 0;
		const nu = sampleGamma(rng, p.q, p.v);
		return sampleGamma(rng, p.p * x, nu) / x;
	});
}
