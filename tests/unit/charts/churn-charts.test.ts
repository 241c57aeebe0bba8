import { describe, expect, test } from 'vitest';
import { loadChurnCharts } from '$lib/charts';
import { calibrationBins, gainsCurve, prCurve, profitCurve, rocCurve, scoreHistogram } from '$models/shared/metrics';

const {
	calibrationOptions,
	gainsOptions,
	importanceOptions,
	liftOptions,
	prOptions,
	profitOptions,
	rocOptions,
	scoreDistributionOptions,
	TOP_FEATURES,
	trainingCurveOptions
} = await loadChurnCharts();

interface MarkLike {
	ariaLabel?: string;
	data?: unknown;
	channels?: Record<string, unknown>;
}
const marksOf = (options: { marks?: unknown[] }) => (options.marks ?? []).flat(2) as MarkLike[];
const kinds = (options: { marks?: unknown[] }) => marksOf(options).map((m) => m.ariaLabel);
/** Whether a mark shows a tooltip: Plot adds a `tip` mark initialiser, visible as the option. */
const tipped = (mark: MarkLike) => (mark as { tip?: unknown }).tip !== undefined && (mark as { tip?: unknown }).tip !== false;

const LIGHT = { dark: false, width: 600 };
const LABELS = [0, 0, 1, 1, 0, 1, 0, 0];
const SCORES = [0.1, 0.4, 0.35, 0.8, 0.2, 0.9, 0.65, 0.05];

describe('rocOptions', () => {
	const curve = { label: 'GBDT', points: rocCurve(LABELS, SCORES), auc: 0.8 };

	test('rocOptions([one model]) draws the diagonal and one curve with a tooltip on unit axes', () => {
		const options = rocOptions([curve], LIGHT);
		expect(kinds(options)).toEqual(['line', 'line']);
		expect(options.x).toMatchObject({ domain: [0, 1], label: 'False positive rate' });
		expect(options.y).toMatchObject({ domain: [0, 1], label: 'True positive rate' });
		expect(tipped(marksOf(options)[1])).toBe(true);
		expect(options.color).toBeUndefined();
	});

	test('rocOptions([two models]) colours by model with a legend naming each AUC', () => {
		const options = rocOptions([curve, { ...curve, label: 'Logistic', auc: 0.71 }], { dark: true, width: 500 });
		expect(options.color).toMatchObject({ legend: true });
		const rows = marksOf(options)[1].data as { model: string }[];
		expect(new Set(rows.map((r) => r.model))).toEqual(new Set(['GBDT (AUC 0.800)', 'Logistic (AUC 0.710)']));
	});

	test('rocOptions(curve) blanks the Infinity threshold of the first point', () => {
		const rows = marksOf(rocOptions([curve], LIGHT))[1].data as { threshold: number | null }[];
		expect(rows[0].threshold).toBeNull();
	});
});

describe('prOptions', () => {
	test('prOptions(curve, theme, 0.375) adds the no-skill baseline', () => {
		const options = prOptions([{ label: 'GBDT', points: prCurve(LABELS, SCORES), ap: 0.7 }], LIGHT, 0.375);
		expect(kinds(options)).toEqual(['rule', 'line']);
		expect(options.x).toMatchObject({ domain: [0, 1], label: 'Recall' });
		expect(marksOf(options)[0].data).toEqual([0.375]);
	});
});

describe('calibrationOptions', () => {
	test('calibrationOptions(bins) draws the y = x diagonal, a line and tooltipped dots', () => {
		const options = calibrationOptions(calibrationBins(LABELS, SCORES, 5), LIGHT);
		expect(kinds(options)).toEqual(['line', 'line', 'dot']);
		expect(marksOf(options)[0].data).toEqual([
			{ x: 0, y: 0 },
			{ x: 1, y: 1 }
		]);
		expect(tipped(marksOf(options)[2])).toBe(true);
	});
});

describe('gainsOptions and liftOptions', () => {
	const points = gainsCurve(LABELS, SCORES);

	test('gainsOptions(points) draws the random diagonal and the gains line in percent', () => {
		const options = gainsOptions(points, LIGHT);
		expect(kinds(options)).toEqual(['line', 'line']);
		expect(options.x).toMatchObject({ domain: [0, 100], percent: true });
		expect(tipped(marksOf(options)[1])).toBe(true);
	});

	test('liftOptions(points) draws the lift line over a rule at 1', () => {
		const options = liftOptions(points, LIGHT);
		expect(kinds(options)).toEqual(['rule', 'line']);
		expect(marksOf(options)[0].data).toEqual([1]);
	});
});

describe('scoreDistributionOptions', () => {
	test('scoreDistributionOptions(bins, 0.3) overlays both classes with a rule at the threshold', () => {
		const options = scoreDistributionOptions(scoreHistogram(LABELS, SCORES, 10), 0.3, LIGHT);
		expect(kinds(options)).toEqual(['rect', 'rule', 'rule']);
		expect(marksOf(options)[2].data).toEqual([0.3]);
		expect(options.color).toMatchObject({ legend: true, domain: ['Stayed', 'Churned'] });
		expect(options.x).toMatchObject({ domain: [0, 1] });
		// Two rows (one per class) per bin.
		expect(marksOf(options)[0].data).toHaveLength(20);
		expect(tipped(marksOf(options)[0])).toBe(true);
	});

	test('scoreDistributionOptions(…, classes) uses the target\u2019s own class names', () => {
		const options = scoreDistributionOptions(scoreHistogram(LABELS, SCORES), 0.5, LIGHT, { negative: 'No', positive: 'Yes' });
		expect(options.color).toMatchObject({ domain: ['No', 'Yes'] });
	});
});

describe('profitOptions', () => {
	const curve = profitCurve(LABELS, SCORES, { valuePerRetained: 500, costPerContact: 20, successRate: 0.3 });

	test('profitOptions(curve, 0.31, theme, 0.5) marks break-even, current and suggested thresholds', () => {
		const options = profitOptions(curve, 0.31, LIGHT, 0.5);
		expect(kinds(options)).toEqual(['rule', 'rule', 'rule', 'line']);
		expect(marksOf(options).map((m) => m.data).slice(0, 3)).toEqual([[0], [0.5], [0.31]]);
		expect(options.x).toMatchObject({ domain: [0, 1] });
		expect(tipped(marksOf(options)[3])).toBe(true);
	});

	test('profitOptions(curve, null) leaves out the suggested rule', () => {
		expect(kinds(profitOptions(curve, null, LIGHT))).toEqual(['rule', 'line']);
	});
});

describe('trainingCurveOptions', () => {
	test('trainingCurveOptions(steps with validation) draws both series, in long form', () => {
		const options = trainingCurveOptions(
			[
				{ step: 1, trainLoss: 0.6, validLoss: 0.62 },
				{ step: 2, trainLoss: 0.5, validLoss: 0.55 },
				{ step: 3, trainLoss: 0.45 }
			],
			LIGHT
		);
		expect(kinds(options)).toEqual(['line']);
		const rows = marksOf(options)[0].data as { series: string }[];
		expect(rows.map((r) => r.series)).toEqual(['Training', 'Validation', 'Training', 'Validation', 'Training']);
		expect(options.color).toMatchObject({ domain: ['Training', 'Validation'] });
	});
});

describe('importanceOptions', () => {
	test('importanceOptions(25 features, title) keeps the top 20, largest first, titled on x', () => {
		const items = Array.from({ length: 25 }, (_, i) => ({ feature: `f${i}`, value: (i * 7) % 25 }));
		const options = importanceOptions(items, 'Permutation importance (drop in AUC)', LIGHT);
		const domain = (options.y as { domain: string[] }).domain;
		expect(domain).toHaveLength(TOP_FEATURES);
		const values = domain.map((f) => items.find((i) => i.feature === f)!.value);
		expect(values).toEqual([...values].sort((a, b) => b - a));
		expect(values[0]).toBe(24);
		expect(options.x).toMatchObject({ label: 'Permutation importance (drop in AUC)' });
		expect(kinds(options)).toEqual(['bar', 'rule']);
		expect(tipped(marksOf(options)[0])).toBe(true);
	});

	test('importanceOptions(items) does not reorder its input', () => {
		const items = [
			{ feature: 'tenure', value: 0.1 },
			{ feature: 'Contract', value: 0.3 }
		];
		importanceOptions(items, 'Split-gain importance', LIGHT);
		expect(items.map((i) => i.feature)).toEqual(['tenure', 'Contract']);
	});
});
