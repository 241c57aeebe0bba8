/**
 * The lifetime value and survival jobs as the cells run them: the data worker's
 * tables (Node DuckDB) sent as Arrow bytes to the training engine, and what
 * comes back for the views and the written tables.
 */
import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TrainEngine } from '../../../../workers/train/engine';
import { predictSurvivalCurve, encodeCovariates } from '../../../../models/survival';
import { load, newEngine } from '../data/engine-fixture';

const train = new TrainEngine({ tf, probe: async () => [{ name: 'cpu', available: true, hardware: false }] });

describe('customerValue(job)', () => {
	it('on the CDNOW sample: the paper\'s fit, 1,653 expected holdout purchases, a rising tracking curve and the P(alive) matrix', async () => {
		const { engine } = await newEngine();
		await load(engine, 'cdnow_sample.csv', readFileSync('datasets/cdnow_sample.csv'), 'tx');
		const s = await engine.purchaseSummary({ source: 'tx', customer: 'customer_id', date: 'date', amount: 'amount', calibrationEnd: '1997-09-30', unit: 'week', outName: 'summary' });
		const request = { horizonMonths: 12, monthlyDiscountRate: 0.01, daysPerUnit: s.unitDays, predictionPeriods: 52, holdoutPeriods: s.holdoutPeriods, births: s.births, trackingPeriods: s.calibrationPeriods + (s.holdoutPeriods ?? 0) };
		const result = await train.customerValue({ jobId: 'v-1', table: { ipc: (await engine.exportArrow('summary')).ipc }, request });
		expect(result.bgnbd.params.r).toBeCloseTo(0.2426, 3);
		expect(result.clv).toHaveLength(2357);
		expect(result.holdoutExpected!.reduce((a, b) => a + b, 0)).toBeCloseTo(1653.4, 0);
		const { expected, period } = result.tracking;
		expect(period).toHaveLength(78);
		for (let i = 1; i < expected.length; i++) expect(expected[i]).toBeGreaterThanOrEqual(expected[i - 1]);
		// The paper's cumulative repeat purchases at week 78: about 4,000 predicted, our actual 1,882 holdout + 2,457 calibration.
		expect(expected.at(-1)).toBeGreaterThan(3800);
		expect(expected.at(-1)).toBeLessThan(4500);
		expect(result.matrix.value).toHaveLength(result.matrix.frequency.length * result.matrix.recency.length);
		// A customer who never bought again is alive for sure; one who bought often long ago, hardly.
		expect(result.matrix.value[0]).toBe(1);
		expect(result.matrix.value[result.matrix.recency.length * (result.matrix.frequency.length - 1)]).toBeLessThan(0.05);
	});
});

describe('survival(job)', () => {
	it('on the telco table with a missing tenure: curves by contract, a Cox model, and each customer\'s predicted survival in source order', async () => {
		const { engine } = await newEngine();
		const [header, ...rows] = readFileSync('datasets/wa_churn.csv', 'utf8').trimEnd().split('\n');
		const tenure = header.split(',').map((h) => h.replaceAll('"', '')).indexOf('tenure');
		const blanked = rows.map((row, i) => (i === 3 ? row.split(',').map((v, k) => (k === tenure ? '' : v)).join(',') : row));
		await load(engine, 'wa_churn.csv', [header, ...blanked].join('\n') + '\n', 'wa_churn');
		const request = { duration: 'tenure', event: 'churn', eventValue: 'Yes', group: 'contract', covariates: ['contract', 'monthly_charges'], times: [12, 24] };
		const result = await train.survival({ jobId: 's-1', table: { ipc: (await engine.exportArrow('wa_churn')).ipc }, request });
		expect(result.customers).toBe(7042);
		expect(result.notes.join(' ')).toContain('1 customer has no duration or event status and is left out.');
		expect(result.groups.map((g) => g.label)).toEqual(['Month-to-month', 'One year', 'Two year']);
		expect(result.logRank!.df).toBe(2);
		const { relativeRisk, median, at } = result.perCustomer;
		expect(Number.isNaN(relativeRisk[3]) && Number.isNaN(at[0][3])).toBe(true);
		// Row 0 as the model predicts it directly.
		const cox = result.cox!;
		const first = encodeCovariates(
			[
				{ name: 'contract', type: 'text', values: ['Month-to-month', 'One year', 'Two year'] },
				{ name: 'monthly_charges', type: 'numeric', values: Float64Array.from([29.85, 0, 0]) }
			],
			['contract', 'monthly_charges']
		);
		const curve = predictSurvivalCurve(cox, first.X.subarray(0, cox.names.length));
		const s12 = curve.survival[curve.time.findLastIndex((t) => t <= 12)];
		expect(at[0][0]).toBeCloseTo(s12, 10);
		for (let r = 0; r < relativeRisk.length; r++) if (r !== 3) expect(at[1][r]).toBeLessThanOrEqual(at[0][r]);
		expect(median.some(Number.isFinite)).toBe(true);
	});
});
