import { describe, expect, test } from 'vitest';
import { tableFromArrays } from 'apache-arrow';
import { CATEGORICAL_SCHEME, loadChartOptions } from '$lib/charts';
import { CUSTOMERS, LIGHT, spec } from './fixtures';

const { chartOptions } = await loadChartOptions();

/** A Plot mark as these tests read it: its type and channel names. */
interface MarkLike {
	ariaLabel?: string;
	channels: Record<string, { value: unknown } | undefined>;
	fx?: unknown;
	fy?: unknown;
	tip?: unknown;
}
const marksOf = (options: { marks?: unknown[] }) => (options.marks ?? []).flat(2) as MarkLike[];
const labels = (options: { marks?: unknown[] }) => marksOf(options).map((m) => m.ariaLabel);

describe('chartOptions', () => {
	test("chartOptions({mark: 'bar'}) counts rows per x with a tooltip", () => {
		const options = chartOptions(spec({ mark: 'bar', x: 'plan' }), CUSTOMERS, LIGHT);
		expect(labels(options)).toEqual(['bar', 'rule']);
		const [bar] = marksOf(options);
		expect(Object.keys(bar.channels)).toEqual(expect.arrayContaining(['x', 'y1', 'y2']));
		expect(bar.tip).toBeTruthy();
		expect(options.y).toMatchObject({ label: 'Count' });
		expect(options.x).toMatchObject({ label: 'plan' });
		expect(options.color).toBeUndefined();
	});

	test("chartOptions({mark: 'bar', aggregate: 'sum', color}) stacks sums with a colour legend", () => {
		const options = chartOptions(spec({ mark: 'bar', x: 'plan', y: 'revenue', aggregate: 'sum', color: 'churn' }), CUSTOMERS, LIGHT);
		const [bar] = marksOf(options);
		expect(Object.keys(bar.channels)).toEqual(expect.arrayContaining(['x', 'y1', 'y2', 'fill']));
		expect(options.y).toMatchObject({ label: 'Sum of revenue' });
		expect(options.color).toMatchObject({ legend: true, scheme: CATEGORICAL_SCHEME, label: 'churn' });
	});

	test("chartOptions({mark: 'bar', x: date}) bins dates instead of one band per day", () => {
		const options = chartOptions(spec({ mark: 'bar', x: 'signup', y: 'revenue', aggregate: 'mean' }), CUSTOMERS, LIGHT);
		expect(labels(options)).toEqual(['rect', 'rule']);
		expect(options.y).toMatchObject({ label: 'Mean of revenue' });
	});

	test("chartOptions({mark: 'histogram'}) bins x", () => {
		const options = chartOptions(spec({ mark: 'histogram', x: 'tenure', color: 'churn' }), CUSTOMERS, LIGHT);
		expect(labels(options)).toEqual(['rect', 'rule']);
		const [rect] = marksOf(options);
		expect(Object.keys(rect.channels)).toEqual(expect.arrayContaining(['x1', 'x2', 'y1', 'y2', 'fill']));
		expect(options.x).toMatchObject({ label: 'tenure' });
	});

	test("chartOptions({mark: 'line'}) draws raw y in x order, or reduces per x", () => {
		const raw = marksOf(chartOptions(spec({ mark: 'line', x: 'signup', y: 'revenue' }), CUSTOMERS, LIGHT));
		expect(raw.map((m) => m.ariaLabel)).toEqual(['line']);
		expect(Object.keys(raw[0].channels)).toEqual(expect.arrayContaining(['x', 'y']));
		expect(chartOptions(spec({ mark: 'line', x: 'signup', y: 'revenue' }), CUSTOMERS, LIGHT).y).toMatchObject({ label: 'revenue' });
		const mean = chartOptions(spec({ mark: 'line', x: 'plan', y: 'revenue', aggregate: 'mean', color: 'churn' }), CUSTOMERS, LIGHT);
		expect(Object.keys(marksOf(mean)[0].channels)).toEqual(expect.arrayContaining(['x', 'y', 'stroke']));
		expect(mean.y).toMatchObject({ label: 'Mean of revenue' });
	});

	test("chartOptions({mark: 'dot'}) plots x against y, filled by colour", () => {
		const options = chartOptions(spec({ mark: 'dot', x: 'tenure', y: 'revenue', color: 'revenue' }), CUSTOMERS, LIGHT);
		expect(labels(options)).toEqual(['dot']);
		expect(Object.keys(marksOf(options)[0].channels)).toEqual(expect.arrayContaining(['x', 'y', 'fill']));
		// A numeric colour gets a continuous ramp, not the categorical scheme.
		expect(options.color).toMatchObject({ legend: true });
		expect((options.color as { scheme?: string }).scheme).not.toBe(CATEGORICAL_SCHEME);
	});

	test("chartOptions({mark: 'box'}) draws vertical boxes of y by x, horizontal ones of x alone", () => {
		const vertical = chartOptions(spec({ mark: 'box', x: 'plan', y: 'revenue' }), CUSTOMERS, LIGHT);
		expect(labels(vertical)).toEqual(['rule', 'bar', 'tick', 'dot']);
		expect(marksOf(vertical)[1].channels.x).toBeDefined();
		const horizontal = chartOptions(spec({ mark: 'box', x: 'tenure' }), CUSTOMERS, LIGHT);
		expect(labels(horizontal)).toEqual(['rule', 'bar', 'tick', 'dot']);
		expect(marksOf(horizontal)[1].channels.x1).toBeDefined();
	});

	test('chartOptions({facet}) facets by fx for a few values, fy for many', () => {
		const few = chartOptions(spec({ mark: 'bar', x: 'plan', facet: 'churn' }), CUSTOMERS, LIGHT);
		expect(marksOf(few)[0].fx).toBeDefined();
		expect(few.fx).toMatchObject({ label: 'churn' });
		const many = chartOptions(spec({ mark: 'histogram', x: 'revenue', facet: 'tenure' }), CUSTOMERS, LIGHT);
		expect(marksOf(many)[0].fy).toBeDefined();
		expect(many.height).toBeGreaterThan(few.height!);
	});

	test('chartOptions(…, {dark}) keeps the background transparent and text readable', () => {
		const dark = chartOptions(spec({ x: 'plan' }), CUSTOMERS, { dark: true, width: 500 });
		const light = chartOptions(spec({ x: 'plan' }), CUSTOMERS, LIGHT);
		expect(dark.style).toMatchObject({ background: 'transparent', color: '#e6e6e6' });
		expect(light.style).toMatchObject({ background: 'transparent', color: '#1f2328' });
		expect(dark.width).toBe(500);
	});

	test('chartOptions(bar over many long categories) turns the tick labels', () => {
		const rows = Array.from({ length: 30 }, (_, i) => ({ account: `Account manager number ${i}` }));
		const options = chartOptions(spec({ x: 'account' }), rows, LIGHT);
		expect(options.x).toMatchObject({ tickRotate: -45 });
		expect(options.marginBottom).toBeGreaterThan(60);
		const fewShort = chartOptions(spec({ x: 'plan' }), CUSTOMERS, LIGHT);
		expect(fewShort.x).toMatchObject({ tickRotate: 0 });
	});

	test('chartOptions(spec, arrowTable) reads Arrow: BIGINT as numbers, column types from the schema', () => {
		const table = tableFromArrays({
			tenure: BigInt64Array.from([1n, 5n, 5n, 12n]),
			plan: ['basic', 'pro', 'pro', 'basic']
		});
		const options = chartOptions(spec({ mark: 'dot', x: 'tenure', y: 'plan' }), table, LIGHT);
		const [dot] = marksOf(options);
		expect(dot.ariaLabel).toBe('dot');
		// Text y is ordinal: its margin fits the labels and ticks are shortened, not numeric.
		expect(options.y).toMatchObject({ label: 'plan' });
		expect((options.y as { tickFormat?: unknown }).tickFormat).toBeTypeOf('function');
	});

	test('chartOptions({color: "gold"}) reads a colour-named column as data, not a constant', () => {
		const rows = CUSTOMERS.map((r) => ({ ...r, gold: r.plan }));
		const [bar] = marksOf(chartOptions(spec({ x: 'plan', color: 'gold' }), rows, LIGHT));
		expect(bar.channels.fill).toBeDefined();
	});
});
