import { describe, expect, test } from 'vitest';
import type { ColumnProfile } from '$workers/data/api';
import { loadProfileCharts } from '$lib/charts';

const { correlationHeatmapOptions, histogramOptions, SPARK_HEIGHT, SPARK_WIDTH } = await loadProfileCharts();

const marksOf = (options: { marks?: unknown[] }) => (options.marks ?? []).flat(2) as { ariaLabel?: string }[];

const TENURE: ColumnProfile = {
	name: 'tenure',
	type: 'BIGINT',
	kind: 'numeric',
	missing: 0,
	missingPct: 0,
	distinct: 72,
	numeric: { min: 0, max: 72, mean: 32.4, std: 24.6, q1: 9, median: 29, q3: 55, outliers: 0 },
	histogram: [
		{ x0: 0, x1: 24, count: 3000 },
		{ x0: 24, x1: 48, count: 1900 },
		{ x0: 48, x1: 72, count: 2143 }
	],
	flags: []
};

const CONTRACT: ColumnProfile = {
	name: 'Contract',
	type: 'VARCHAR',
	kind: 'text',
	missing: 0,
	missingPct: 0,
	distinct: 3,
	topValues: [
		{ value: 'Month-to-month', count: 3875 },
		{ value: 'Two year', count: 1695 },
		{ value: 'One year', count: 1473 }
	],
	flags: []
};

describe('histogramOptions', () => {
	test('histogramOptions(numeric column) draws its bins as a sparkline without axes', () => {
		const options = histogramOptions(TENURE, { dark: false })!;
		expect(marksOf(options).map((m) => m.ariaLabel)).toEqual(['rect']);
		expect(options).toMatchObject({ width: SPARK_WIDTH, height: SPARK_HEIGHT, axis: null });
		expect(options.x).toMatchObject({ domain: [0, 72] });
	});

	test('histogramOptions(text column) draws its top values as bars', () => {
		const options = histogramOptions(CONTRACT, { dark: true })!;
		expect(marksOf(options).map((m) => m.ariaLabel)).toEqual(['bar']);
		expect(options.x).toMatchObject({ type: 'band', domain: [0, 1, 2] });
	});

	test('histogramOptions(column without histogram or top values) is null', () => {
		expect(histogramOptions({ ...CONTRACT, topValues: [] }, { dark: false })).toBeNull();
	});
});

describe('correlationHeatmapOptions', () => {
	const correlation = {
		columns: ['tenure', 'MonthlyCharges', 'TotalCharges'],
		matrix: [
			[1, 0.25, 0.83],
			[0.25, 1, null],
			[0.83, null, 1]
		]
	};

	test('correlationHeatmapOptions(correlation) uses a diverging scheme over [-1, 1]', () => {
		const options = correlationHeatmapOptions(correlation, { dark: false, width: 800 });
		expect(options.color).toMatchObject({ type: 'linear', scheme: 'rdbu', domain: [-1, 1], legend: true });
		expect(options.x).toMatchObject({ domain: correlation.columns });
		expect(options.y).toMatchObject({ domain: correlation.columns });
	});

	test('correlationHeatmapOptions(wide room) labels cells; narrow room drops the labels', () => {
		const wide = marksOf(correlationHeatmapOptions(correlation, { dark: false, width: 800 })).map((m) => m.ariaLabel);
		expect(wide).toEqual(['cell', 'cell', 'text', 'text']);
		const many = Array.from({ length: 40 }, (_, i) => `c${i}`);
		const narrow = correlationHeatmapOptions(
			{ columns: many, matrix: many.map(() => many.map(() => 0.1)) },
			{ dark: true, width: 400 }
		);
		expect(marksOf(narrow).map((m) => m.ariaLabel)).toEqual(['cell', 'cell']);
	});
});
