/**
 * Cox proportional hazards against R's coxph on wa_churn:
 *   coxph(Surv(tenure, churn == "Yes") ~ monthly_charges + contract + senior_citizen + internet_service
 *         + paperless_billing + payment_method, ties = "efron" | "breslow")
 * and a small case with tied churn times (values from reference.R:
 * Rscript tests/unit/models/survival/reference.R > tests/unit/models/survival/r-reference.json).
 * Coefficients to 1e-4 (the tolerance); the rest as noted.
 */
import { describe, expect, it } from 'vitest';
import { concordanceIndex, coxLinearPredictor, encodeCovariates, fitCox, predictSurvivalCurve, type CoxTies } from '../../../../models/survival';
import { COX_COVARIATES, maxDifference, readWaChurn, reference } from './fixture';

const COEFFICIENT_TOLERANCE = 1e-4;

describe.each([
	['efron', reference.cox_efron],
	['breslow', reference.cox_breslow]
] as const)('fitCox(…, {ties: "%s"}) on wa_churn', (ties, R) => {
	const wa = readWaChurn();
	const encoded = encodeCovariates(wa.columns, COX_COVARIATES);
	const model = fitCox(wa.duration, wa.event, encoded.X, encoded.names, { ties: ties as CoxTies });

	it('codes the covariates as R\'s formula does (same columns, reference levels dropped)', () => {
		expect(encoded.names.map((n) => n.replace('=', ''))).toEqual(R.names);
	});

	it('matches R\'s coefficients, standard errors, hazard ratios, intervals and p-values', () => {
		expect(maxDifference(model.coefficients, R.coefficients)).toBeLessThan(COEFFICIENT_TOLERANCE);
		expect(maxDifference(model.standardErrors, R.standard_errors)).toBeLessThan(1e-6);
		expect(maxDifference(model.hazardRatios, R.hazard_ratios)).toBeLessThan(1e-6);
		expect(maxDifference(model.lower, R.lower)).toBeLessThan(1e-6);
		expect(maxDifference(model.upper, R.upper)).toBeLessThan(1e-6);
		expect(maxDifference(model.p, R.p)).toBeLessThan(1e-8);
	});

	it('matches R\'s log-likelihoods, iterations, concordance and centring values', () => {
		expect(Math.abs(model.nullLogLikelihood - R.loglik[0])).toBeLessThan(1e-6);
		expect(Math.abs(model.logLikelihood - R.loglik[1])).toBeLessThan(1e-6);
		expect(model.converged).toBe(true);
		expect(model.iterations).toBe(R.iterations);
		expect(Math.abs(model.concordance - R.concordance)).toBeLessThan(1e-8);
		expect(maxDifference(model.means, R.means)).toBeLessThan(1e-8);
	});

	it('matches survfit(fit): the baseline cumulative hazard, and survfit(fit, newdata) for customers 1–3', () => {
		expect(model.baseline.time).toEqual(R.baseline_time);
		expect(maxDifference(model.baseline.cumulativeHazard, R.baseline_cumhaz)).toBeLessThan(1e-6);
		const p = encoded.names.length;
		const predicted = [0, 1, 2].flatMap((row) => {
			const curve = predictSurvivalCurve(model, encoded.X.subarray(row * p, (row + 1) * p));
			return [12, 24, 48].map((t) => curve.survival[curve.time.findLastIndex((time) => time <= t)]);
		});
		expect(maxDifference(predicted, R.predicted_survival)).toBeLessThan(1e-6);
	});
});

describe('fitCox on a small case with tied churn times (R values)', () => {
	const time = [1, 1, 2, 3, 4, 4, 5, 6];
	const status = [1, 1, 1, 1, 0, 1, 1, 0];
	const x = Float64Array.from([0.5, 1, 0, 2, 1, 1.5, 0, 0.2]);

	it.each([
		['efron', reference.small.cox_efron],
		['breslow', reference.small.cox_breslow]
	] as const)('ties = %s', (ties, R) => {
		const model = fitCox(time, status, x, ['x'], { ties: ties as CoxTies });
		expect(Math.abs(model.coefficients[0] - R.coefficient)).toBeLessThan(1e-9);
		expect(Math.abs(model.standardErrors[0] - R.se)).toBeLessThan(1e-9);
		expect(maxDifference([model.nullLogLikelihood, model.logLikelihood], R.loglik)).toBeLessThan(1e-9);
	});

	it('concordance as R reports it', () => {
		const model = fitCox(time, status, x, ['x']);
		expect(model.concordance).toBeCloseTo(reference.small.cox_efron.concordance, 12);
	});

	it('coxLinearPredictor is centred on the means', () => {
		const model = fitCox(time, status, x, ['x']);
		expect(coxLinearPredictor(model, [model.means[0]])).toBe(0);
		expect(coxLinearPredictor(model, [model.means[0] + 1])).toBeCloseTo(model.coefficients[0], 14);
	});

	it('a redundant covariate gets no coefficient (R: NA) and the other keeps its fit', () => {
		const twice = Float64Array.from(Array.from(x).flatMap((v) => [v, 2 * v]));
		const model = fitCox(time, status, twice, ['x', 'x doubled']);
		expect(model.coefficients[0]).toBeCloseTo(reference.small.cox_efron.coefficient, 9);
		expect(Number.isNaN(model.coefficients[1])).toBe(true);
	});

	it('stops on an aborted signal', () => {
		const controller = new AbortController();
		controller.abort();
		expect(() => fitCox(time, status, x, ['x'], { signal: controller.signal })).toThrow('Cancelled.');
	});

	it.each([
		{ events: [0, 0, 0, 0, 0, 0, 0, 0], names: ['x'], message: 'No customer churned' },
		{ events: status, names: [], message: 'at least one covariate' }
	])('rejects bad input: $message', ({ events, names, message }) => {
		expect(() => fitCox(time, events, names.length ? x : new Float64Array(0), names)).toThrow(message);
	});
});

describe('concordanceIndex', () => {
	/** Every pair, as the definition reads: the shorter time churned; a customer active at that time counts as longer. */
	function bruteForce(time: number[], status: number[], risk: number[]): number {
		let agree = 0;
		let pairs = 0;
		for (let i = 0; i < time.length; i++)
			for (let j = 0; j < time.length; j++) {
				if (!status[i] || !(time[j] > time[i] || (time[j] === time[i] && !status[j]))) continue;
				pairs++;
				agree += risk[i] > risk[j] ? 1 : risk[i] === risk[j] ? 0.5 : 0;
			}
		return agree / pairs;
	}

	it('equals the pairwise count with ties in time and in risk', () => {
		let seed = 7;
		const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
		const time = Array.from({ length: 300 }, () => Math.floor(next() * 20));
		const status = time.map(() => (next() < 0.6 ? 1 : 0));
		const risk = time.map(() => Math.floor(next() * 10));
		expect(concordanceIndex(time, status, risk)).toBeCloseTo(bruteForce(time, status, risk), 12);
	});

	it('a risk that orders churn perfectly scores 1, its opposite 0', () => {
		const time = [1, 2, 3, 4, 5];
		expect(concordanceIndex(time, [1, 1, 1, 1, 0], [5, 4, 3, 2, 1])).toBe(1);
		expect(concordanceIndex(time, [1, 1, 1, 1, 0], [1, 2, 3, 4, 5])).toBe(0);
	});
});
