/**
 * Parameter recovery: fit the models on data drawn from the paper's estimates.
 * With 20,000 customers the standard errors are about a third of CDNOW's 2,357
 * (r ±0.004, α ±0.13, a ±0.06, b ±0.23 at these values), so each estimate is
 * asked to lie within 4 of its own Hessian standard errors of the truth (a
 * 1-in-16,000 miss per parameter if the errors are right) and within 25 % — a
 * check of the estimator and of the standard errors together. Seeds are fixed.
 */
import { describe, expect, it } from 'vitest';
import { fitBgNbd, fitGammaGamma, simulateBgNbd, simulateGammaGamma, type BgNbdParams, type GammaGammaParams } from '../../../../models/value';

const PAPER: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const NOTE: GammaGammaParams = { p: 6.25, q: 3.74, v: 15.44 };
const CUSTOMERS = 20_000;
/** CDNOW-like ages: first purchases spread over the 12 first weeks of a 39-week calibration, whole days. */
const AGES = Float64Array.from({ length: CUSTOMERS }, (_, i) => (273 - (i % 84)) / 7);

function expectRecovered<P extends object>(truth: P, estimate: P, se: P | null) {
	expect(se).not.toBeNull();
	for (const name of Object.keys(truth) as (keyof P)[]) {
		const t = truth[name] as number, e = estimate[name] as number, s = se![name] as number;
		expect(Math.abs(e - t), `${String(name)}: ${e} vs ${t} (se ${s})`).toBeLessThan(4 * s);
		expect(Math.abs(e / t - 1)).toBeLessThan(0.25);
	}
}

describe('parameter recovery', () => {
	const simulated = simulateBgNbd(PAPER, CUSTOMERS, AGES, 2005);
	it('fitBgNbd recovers r, α, a, b from 20,000 simulated customers', () => {
		const fit = fitBgNbd(simulated);
		expect(fit.converged).toBe(true);
		expectRecovered(PAPER, fit.params, fit.standardErrors);
	});
	it('fitGammaGamma recovers p, q, γ from the simulated repeat customers’ spend', () => {
		const monetary = simulateGammaGamma(NOTE, simulated.frequency, 2013);
		const fit = fitGammaGamma(simulated.frequency, monetary);
		expect(fit.customers).toBeGreaterThan(5000);
		expectRecovered(NOTE, fit.params, fit.standardErrors);
	});
	it('simulateBgNbd is deterministic for a seed', () => {
		const again = simulateBgNbd(PAPER, 100, 39, 1);
		expect(Array.from(again.frequency)).toEqual(Array.from(simulateBgNbd(PAPER, 100, 39, 1).frequency));
		expect(again.recency.every((tx, i) => tx <= again.age[i] && (again.frequency[i] > 0) === tx > 0)).toBe(true);
	});
});
