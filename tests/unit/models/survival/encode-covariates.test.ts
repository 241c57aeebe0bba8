/** Covariate coding for the Cox model: R's treatment contrasts through the tabular engine's encoder. */
import { describe, expect, it } from 'vitest';
import { encodeCovariates } from '../../../../models/survival';
import type { RawColumn } from '../../../../models/shared';

const columns: RawColumn[] = [
	{ name: 'monthly_charges', type: 'numeric', values: Float64Array.from([20, NaN, 40, 60]) },
	{ name: 'contract', type: 'text', values: ['Two year', 'Month-to-month', 'One year', 'Month-to-month'] },
	{ name: 'region', type: 'text', values: ['north', 'north', 'north', 'north'] },
	{ name: 'internet', type: 'text', values: ['DSL', null, 'Fiber optic', 'DSL'] }
];

describe('encodeCovariates', () => {
	it('drops R\'s first level (code-point order), keeps numbers in double precision and imputes the mean', () => {
		const encoded = encodeCovariates(columns, ['monthly_charges', 'contract']);
		expect(encoded.names).toEqual(['monthly_charges', 'contract=One year', 'contract=Two year']);
		expect(Array.from(encoded.X)).toEqual([20, 0, 1, 40, 0, 0, 40, 1, 0, 60, 0, 0]);
		expect(encoded.rows).toBe(4);
		expect(encoded.notes).toEqual(['monthly_charges: 1 missing values replaced by the mean (40).', 'contract: hazard ratios against contract = Month-to-month.']);
	});

	it('keeps 0.1-precision charges exact (no Float32 rounding)', () => {
		const encoded = encodeCovariates([{ name: 'monthly_charges', type: 'numeric', values: Float64Array.from([29.85, 56.95]) }], ['monthly_charges']);
		expect(Array.from(encoded.X)).toEqual([29.85, 56.95]);
	});

	it('leaves out a one-value column, and gives missing text its own level', () => {
		const encoded = encodeCovariates(columns, ['region', 'internet']);
		expect(encoded.names).toEqual(['internet=(missing)', 'internet=Fiber optic']);
		expect(encoded.notes).toContain('region has one value only: left out of the Cox model.');
		expect(encoded.notes).toContain('internet: missing values form their own level "(missing)".');
	});

	it('names a missing column clearly', () => {
		expect(() => encodeCovariates(columns, ['tenure'])).toThrow('There is no column "tenure" to use as a covariate.');
	});
});
