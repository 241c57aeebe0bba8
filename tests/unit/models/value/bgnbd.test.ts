import { describe, expect, it } from 'vitest';
import {
	bgnbdLogLikelihood,
	conditionalExpectedPurchases,
	expectedPurchases,
	fitBgNbd,
	probabilityAlive,
	probabilityAliveMatrix,
	simulateBgNbd,
	type BgNbdParams
} from '../../../../models/value';
import reference from './r-reference.json';
import { cdnowSummary } from './cdnow';

const [r, alpha, a, b] = reference.bgnbd_params;
const PAPER: BgNbdParams = { r, alpha, a, b };
const close = (actual: number, expected: number, rel: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(expected)));

describe('bgnbdLogLikelihood', () => {
	// R's lgamma/lbeta, paper eq. 6 (reference.R).
	it.each(reference.bgnbd_loglik)('x = %f, t_x = %f, T = %f → %f', (x, tx, T, expected) => close(bgnbdLogLikelihood(PAPER, x, tx, T), expected, 1e-12));
	it('sums to the paper’s −9582.4 on its own CDNOW summary at its estimates (rounded to 3 digits)', () => {
		const s = cdnowSummary();
		let ll = 0;
		for (let i = 0; i < s.frequency.length; i++) ll += bgnbdLogLikelihood(PAPER, s.frequency[i], s.recency[i], s.age[i]);
		expect(ll).toBeCloseTo(-9582.4, 0);
	});
});

describe('fitBgNbd', () => {
	const fit = fitBgNbd(cdnowSummary());
	// Fader, Hardie & Lee (2005), section 5: r = 0.243, α = 4.414, a = 0.793, b = 2.426, LL = −9582.4.
	it.each([
		['r', 0.243],
		['alpha', 4.414],
		['a', 0.793],
		['b', 2.426]
	] as const)('fitBgNbd(cdnow_summary).params.%s is the paper’s %f within 1 %', (name, paper) => {
		expect(Math.abs(fit.params[name] / paper - 1)).toBeLessThan(0.01);
	});
	it('reaches the paper’s log-likelihood and converges from every start kept', () => {
		expect(fit.logLikelihood).toBeCloseTo(-9582.43, 1);
		expect(fit.converged).toBe(true);
		expect(fit.customers).toBe(2357);
		expect(fit.starts).toBeGreaterThanOrEqual(3);
	});
	it('matches R’s optim (BFGS, reltol 1e-15) to 1e-5 and its optimHess standard errors to 1e-3', () => {
		const names = ['r', 'alpha', 'a', 'b'] as const;
		names.forEach((name, i) => {
			expect(Math.abs(fit.params[name] / reference.bgnbd_fit.params[i] - 1)).toBeLessThan(1e-5);
			expect(Math.abs(fit.standardErrors![name] / reference.bgnbd_fit.se[i] - 1)).toBeLessThan(1e-3);
		});
		close(fit.logLikelihood, reference.bgnbd_fit.loglik, 1e-10);
	});
	it('refuses a summary without repeat purchases', () => {
		const none = new Float64Array(3);
		expect(() => fitBgNbd({ frequency: none, recency: none, age: Float64Array.of(5, 6, 7) })).toThrow(/repeat purchases/);
	});
	it('stops when its signal is aborted', () => {
		const controller = new AbortController();
		controller.abort();
		expect(() => fitBgNbd(cdnowSummary(), { signal: controller.signal })).toThrow(/Cancelled/);
	});
});

describe('probabilityAlive and expectations', () => {
	it('P(alive) is 1 for a customer without repeat purchases', () => {
		expect(probabilityAlive(PAPER, 0, 0, 38.86)).toBe(1);
	});
	// R: posterior integrals over p (the x = 400 customer would need ₂F₁ ≈ 1e120 in the paper's form) with λ integrated out in closed form (reference.R), no 2F1.
	it.each(reference.conditional)('x = %f, t_x = %f, T = %f, t = %f: P(alive) %f, E[Y(t)] %f', (x, tx, T, t, alive, expected) => {
		close(probabilityAlive(PAPER, x, tx, T), alive, 1e-12);
		close(conditionalExpectedPurchases(PAPER, t, x, tx, T), expected, 1e-10);
	});
	it('reproduces the paper’s worked example: 1.226 purchases in the next 39 weeks for x = 2, t_x = 30.43, T = 38.86', () => {
		expect(conditionalExpectedPurchases(PAPER, 39, 2, 30.43, 38.86)).toBeCloseTo(1.226, 3);
	});
	it.each(reference.unconditional)('E[X(%f)] = R %f', (t, expected) => close(expectedPurchases(PAPER, t), expected, 1e-10));
	it('is stable when a = 1 exactly and continuous around it', () => {
		const p = { ...PAPER, a: 1 };
		const at = conditionalExpectedPurchases(p, 39, 3, 20, 38);
		close(conditionalExpectedPurchases({ ...p, a: 1 + 1e-9 }, 39, 3, 20, 38), at, 1e-8);
		close(expectedPurchases({ ...p, a: 1 - 1e-9 }, 52), expectedPurchases(p, 52), 1e-8);
	});
	it('E[X(t)] matches the mean count of 40,000 simulated customers (Monte Carlo, 4 standard errors)', () => {
		const t = 39;
		const s = simulateBgNbd(PAPER, 40_000, t, 7);
		const n = s.frequency.length;
		const mean = s.frequency.reduce((u, v) => u + v, 0) / n;
		const sd = Math.sqrt(s.frequency.reduce((u, v) => u + (v - mean) ** 2, 0) / (n - 1));
		expect(Math.abs(mean - expectedPurchases(PAPER, t))).toBeLessThan((4 * sd) / Math.sqrt(n));
	});
	it('probabilityAliveMatrix is frequency-major, recency 0..T in `steps` steps', () => {
		const m = probabilityAliveMatrix(PAPER, 3, 39, 13);
		expect(m.frequency).toEqual([0, 1, 2, 3]);
		expect(m.recency).toHaveLength(14);
		expect(m.recency[13]).toBe(39);
		expect(m.value[0]).toBe(1);
		expect(m.value[2 * 14 + 5]).toBe(probabilityAlive(PAPER, 2, m.recency[5], 39));
		expect(m.value[3 * 14 + 13]).toBeGreaterThan(m.value[3 * 14 + 1]);
	});
});
