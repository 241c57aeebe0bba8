import { describe, expect, test } from 'vitest';
import { loadExplainCharts } from '$lib/charts';
import type { ExplainData } from '$models/explain';

const {
	beeswarmOptions,
	dependenceOptions,
	MAX_DOTS,
	meanAbsShap,
	quantileRanks,
	reasonsText,
	strongestInteraction,
	summaryBarOptions,
	TOP_FEATURES,
	waterfallOptions,
	waterfallSteps
} = await loadExplainCharts();

interface MarkLike {
	ariaLabel?: string;
	data?: unknown;
}
const marksOf = (options: { marks?: unknown[] }) => (options.marks ?? []).flat(2) as MarkLike[];
const kinds = (options: { marks?: unknown[] }) => marksOf(options).map((m) => m.ariaLabel);
const tipped = (mark: MarkLike) => (mark as { tip?: unknown }).tip !== undefined && (mark as { tip?: unknown }).tip !== false;

const LIGHT = { dark: false, width: 640 };

/** A seeded generator in [0, 1) (mulberry32). */
function random(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = Math.imul(a ^ (a >>> 15), a | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Builds ExplainData from columns: per feature its values and its SHAP values (probability units). */
function explainData(base: number, columns: { name: string; kind: 'numeric' | 'categorical'; values: (number | string | null)[]; shap: number[] }[]): ExplainData {
	const rows = columns[0].shap.length;
	const values: number[] = [];
	const outputs: number[] = [];
	for (let r = 0; r < rows; r++) {
		let sum = base;
		for (const c of columns) {
			values.push(c.shap[r]);
			sum += c.shap[r];
		}
		outputs.push(sum);
	}
	return { features: columns.map((c) => c.name), values, base, outputs, rows, featureValues: columns.map((c) => c.values), kinds: columns.map((c) => c.kind), method: 'tree' };
}

/** One telco customer: the README's example. */
const CUSTOMER = explainData(0.27, [
	{ name: 'contract', kind: 'categorical', values: ['Month-to-month'], shap: [0.18] },
	{ name: 'tenure', kind: 'numeric', values: [2], shap: [0.09] },
	{ name: 'total_charges', kind: 'numeric', values: [108.15], shap: [0.04] },
	{ name: 'paperless', kind: 'categorical', values: ['No'], shap: [-0.05] },
	{ name: 'senior', kind: 'numeric', values: [null], shap: [0.01] }
]);

/** `n` features with mean |SHAP| growing with the index, over 50 customers. */
function wide(n: number): ExplainData {
	const rand = random(7);
	return explainData(
		0.3,
		Array.from({ length: n }, (_, f) => {
			const values = Array.from({ length: 50 }, () => Math.round(rand() * 100));
			return { name: `col_${String(f).padStart(2, '0')}`, kind: 'numeric' as const, values, shap: values.map((v) => ((f + 1) * (v - 50)) / 50000) };
		})
	);
}

/** x's SHAP is x·z: z decides its sign. noise and region are unrelated. */
function planted(zKind: 'numeric' | 'categorical', rows = 400): ExplainData {
	const rand = random(42);
	const x = Array.from({ length: rows }, () => rand() * 2 - 1);
	const z = Array.from({ length: rows }, () => (rand() < 0.5 ? -1 : 1));
	const noise = Array.from({ length: rows }, () => rand());
	const region = Array.from({ length: rows }, () => ['north', 'south', 'east', 'west'][Math.floor(rand() * 4)]);
	return explainData(0.25, [
		{ name: 'x', kind: 'numeric', values: x, shap: x.map((v, i) => 0.1 * v * z[i]) },
		{ name: 'noise', kind: 'numeric', values: noise, shap: noise.map((v) => 0.01 * (v - 0.5)) },
		{ name: 'region', kind: 'categorical', values: region, shap: region.map(() => 0) },
		{ name: 'z', kind: zKind, values: zKind === 'numeric' ? z : z.map((v) => (v > 0 ? 'yes' : 'no')), shap: z.map((v) => 0.02 * v) }
	]);
}

describe('reasonsText', () => {
	test('reasonsText(customer, 0) lists the three largest pushes up, largest first', () => {
		expect(reasonsText(CUSTOMER, 0)).toBe('contract = Month-to-month: +18 points; tenure = 2: +9 points; total_charges = 108.15: +4 points');
	});

	test('reasonsText(customer, 0, 6) follows the positives with the negatives, signed', () => {
		expect(reasonsText(CUSTOMER, 0, 6)).toBe(
			'contract = Month-to-month: +18 points; tenure = 2: +9 points; total_charges = 108.15: +4 points; senior = missing: +1 point; paperless = No: -5 points'
		);
	});

	test('reasonsText(data, 3) throws for a row that is not there', () => {
		expect(() => reasonsText(CUSTOMER, 3)).toThrow('invalid row: 3');
	});
});

describe('summaryBarOptions', () => {
	test('summaryBarOptions(data) sorts columns by mean |SHAP| in points, top 20 only', () => {
		const options = summaryBarOptions(wide(25), LIGHT);
		expect(kinds(options)).toEqual(['bar', 'rule']);
		const domain = (options.y as { domain: string[] }).domain;
		expect(domain).toHaveLength(TOP_FEATURES);
		expect(domain.slice(0, 3)).toEqual(['col_24', 'col_23', 'col_22']);
		const bars = marksOf(options)[0].data as { points: number }[];
		expect(bars.map((b) => b.points)).toEqual([...bars.map((b) => b.points)].sort((a, b) => b - a));
		expect(tipped(marksOf(options)[0])).toBe(true);
	});

	test('meanAbsShap(customer) is in points', () => {
		expect(meanAbsShap(CUSTOMER)[0]).toMatchObject({ feature: 'contract', points: expect.closeTo(18, 9) });
	});
});

describe('beeswarmOptions', () => {
	test('beeswarmOptions(data) puts one row per column, most important on top, coloured by rank', () => {
		const data = planted('categorical');
		const options = beeswarmOptions(data, LIGHT);
		expect(kinds(options)).toEqual(['rule', 'dot', 'dot']);
		const [, grey, coloured] = marksOf(options).map((m) => m.data as { feature: string; y: number; rank: number | null }[]);
		const order = meanAbsShap(data).map((m) => m.feature);
		for (const d of [...grey, ...coloured]) expect(Math.abs(d.y - order.indexOf(d.feature))).toBeLessThanOrEqual(0.4);
		expect(new Set(grey.map((d) => d.feature))).toEqual(new Set(['region', 'z']));
		expect(coloured.every((d) => d.rank !== null && d.rank >= 0 && d.rank <= 1)).toBe(true);
		expect(options.color).toMatchObject({ domain: [0, 1], scheme: 'RdBu', reverse: true });
		expect(tipped(marksOf(options)[2])).toBe(true);
	});

	test('beeswarmOptions(data) jitters the same way every time and caps dots per column', () => {
		const data = planted('numeric', 2000);
		const once = marksOf(beeswarmOptions(data, LIGHT))[2].data as { feature: string; y: number }[];
		expect(marksOf(beeswarmOptions(data, LIGHT))[2].data).toEqual(once);
		expect(once.filter((d) => d.feature === 'x').length).toBeLessThanOrEqual(MAX_DOTS);
	});

	test('quantileRanks([3, 1, null, 1, "a"]) shares ranks between ties and skips non-numbers', () => {
		expect(quantileRanks([3, 1, null, 1, 'a'])).toEqual([1, 0.25, null, 0.25, null]);
	});
});

describe('strongestInteraction', () => {
	test.each(['numeric', 'categorical'] as const)('strongestInteraction(data, "x") finds the planted %s z', (kind) => {
		expect(strongestInteraction(planted(kind), 'x')).toBe('z');
	});

	test('strongestInteraction(data with one column, …) is null; an unknown column throws', () => {
		expect(strongestInteraction(explainData(0.2, [{ name: 'a', kind: 'numeric', values: [1, 2, 3], shap: [0.1, 0, -0.1] }]), 'a')).toBeNull();
		expect(() => strongestInteraction(CUSTOMER, 'nope')).toThrow('invalid feature: nope');
	});
});

describe('dependenceOptions', () => {
	test('dependenceOptions(data, "x") plots SHAP points against x, coloured by z', () => {
		const options = dependenceOptions(planted('categorical'), 'x', LIGHT);
		expect(kinds(options)).toEqual(['rule', 'dot']);
		expect(options.color).toMatchObject({ legend: true, label: 'z' });
		const dots = marksOf(options)[1].data as { x: number; points: number; colour: string }[];
		expect(new Set(dots.map((d) => d.colour))).toEqual(new Set(['yes', 'no']));
		expect(dots.every((d) => Math.abs(d.points) <= 10)).toBe(true);
	});

	test('dependenceOptions(data, "region") puts each level in its own band', () => {
		const options = dependenceOptions(planted('numeric'), 'region', LIGHT);
		expect((options.x as { ticks: number[] }).ticks).toEqual([0, 1, 2, 3]);
		const dots = marksOf(options).flatMap((m) => (m.ariaLabel === 'dot' ? (m.data as { x: number; value: string }[]) : []));
		const levels = ['east', 'north', 'south', 'west'];
		for (const d of dots) expect(Math.abs(d.x - levels.indexOf(d.value))).toBeLessThanOrEqual(0.3);
	});
});

describe('waterfallSteps', () => {
	test('waterfallSteps(customer, 0) runs from the base rate to the probability, largest |points| first', () => {
		const steps = waterfallSteps(CUSTOMER, 0);
		expect(steps.map((s) => s.label)).toEqual([
			'Base rate',
			'contract = Month-to-month',
			'tenure = 2',
			'paperless = No',
			'total_charges = 108.15',
			'senior = missing',
			'Churn probability'
		]);
		expect(steps[0]).toMatchObject({ start: 0, end: expect.closeTo(27, 9) });
		for (let i = 1; i < steps.length - 1; i++) expect(steps[i].start).toBe(steps[i - 1].end);
		expect(steps.at(-2)?.end).toBe(CUSTOMER.outputs[0] * 100);
		expect(steps.at(-1)).toMatchObject({ kind: 'output', start: 0, end: CUSTOMER.outputs[0] * 100 });
	});

	test('waterfallSteps(data, row, 10) groups the smallest columns into "N other columns"', () => {
		const data = wide(25);
		const steps = waterfallSteps(data, 3, 10);
		const middle = steps.slice(1, -1);
		expect(middle).toHaveLength(10);
		expect(middle.at(-1)).toMatchObject({ kind: 'other', label: '16 other columns' });
		const sizes = middle.slice(0, -1).map((s) => Math.abs(s.points));
		expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
		expect(middle.at(-1)?.end).toBe(data.outputs[3] * 100);
		const total = data.base * 100 + middle.reduce((s, m) => s + m.points, 0);
		expect(total).toBeCloseTo(data.outputs[3] * 100, 9);
	});

	test('waterfallSteps(data whose sum misses the output, 0) shows the gap', () => {
		const data = { ...CUSTOMER, outputs: [CUSTOMER.outputs[0] + 0.01] };
		const steps = waterfallSteps(data, 0);
		expect(steps.at(-2)).toMatchObject({ kind: 'gap', points: expect.closeTo(1, 9), end: data.outputs[0] * 100 });
	});

	test('waterfallOptions(customer, 0) draws floating bars with their points', () => {
		const options = waterfallOptions(CUSTOMER, 0, LIGHT);
		expect(kinds(options)).toEqual(['bar', 'text', 'rule']);
		const labels = (marksOf(options)[1].data as { text: string }[]).map((r) => r.text);
		expect(labels).toEqual(['27\u202f%', '+18', '+9', '-5', '+4', '+1', '54\u202f%']);
		expect((options.y as { domain: string[] }).domain).toHaveLength(7);
	});
});
