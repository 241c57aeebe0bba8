import { describe, expect, it } from 'vitest';
import { conditionalExpectedSpend, fitGammaGamma, frequencyMonetaryCorrelation, gammaGammaLogLikelihood, type GammaGammaParams } from '../../../../models/value';
import reference from './r-reference.json';
import { cdnowSummary } from './cdnow';

const [p, q, v] = reference.gamma_gamma_params;
const NOTE: GammaGammaParams = { p, q, v };
const close = (actual: number, expected: number, rel: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(expected)));

describe('gammaGammaLogLikelihood', () => {
	it.each(reference.gamma_gamma_loglik)('x = %f, m = %f → R %f', (x, m, expected) => close(gammaGammaLogLikelihood(NOTE, x, m), expected, 1e-12));
});

describe('fitGammaGamma', () => {
	const s = cdnowSummary();
	const fit = fitGammaGamma(s.frequency, s.monetary);
	// Fader & Hardie (2013), "The Gamma-Gamma model of monetary value": p = 6.25, q = 3.74, γ = 15.44 on 946 repeat customers.
	it.each([
		['p', 6.25],
		['q', 3.74],
		['v', 15.44]
	] as const)('fitGammaGamma(cdnow_summary).params.%s is the note’s %f within 1 %', (name, note) => {
		expect(Math.abs(fit.params[name] / note - 1)).toBeLessThan(0.01);
	});
	it('matches R’s optim to 1e-5 and optimHess standard errors to 1e-3, on the 946 repeat customers', () => {
		(['p', 'q', 'v'] as const).forEach((name, i) => {
			expect(Math.abs(fit.params[name] / reference.gamma_gamma_fit.params[i] - 1)).toBeLessThan(1e-5);
			expect(Math.abs(fit.standardErrors![name] / reference.gamma_gamma_fit.se[i] - 1)).toBeLessThan(1e-3);
		});
		close(fit.logLikelihood, reference.gamma_gamma_fit.loglik, 1e-10);
		expect(fit.customers).toBe(reference.gamma_gamma_fit.customers);
		expect(fit.converged).toBe(true);
	});
	it('refuses fewer than two spending repeat customers', () => {
		expect(() => fitGammaGamma(Float64Array.of(0, 2), Float64Array.of(0, 10))).toThrow(/repeat customers/);
	});
});

describe('conditionalExpectedSpend', () => {
	it('is the population mean pγ/(q − 1) without repeat purchases', () => {
		expect(conditionalExpectedSpend(NOTE, 0, 0)).toBeCloseTo((p * v) / (q - 1), 12);
	});
	it('weighs the customer’s mean against the population’s by p x', () => {
		// The note's example: x = 2, m = 22.35 → (p γ + p x m)/(p x + q − 1).
		close(conditionalExpectedSpend(NOTE, 2, 22.35), (p * v + p * 2 * 22.35) / (p * 2 + q - 1), 1e-14);
		expect(conditionalExpectedSpend(NOTE, 50, 22.35)).toBeCloseTo(22.35, 0);
	});
});

describe('frequencyMonetaryCorrelation', () => {
	it('is small on CDNOW (the note reports 0.11)', () => {
		const s = cdnowSummary();
		expect(frequencyMonetaryCorrelation(s.frequency, s.monetary)).toBeCloseTo(0.11, 2);
	});
	it('is NaN below two spending repeat customers', () => {
		expect(frequencyMonetaryCorrelation(Float64Array.of(1, 0), Float64Array.of(3, 0))).toBeNaN();
	});
});
