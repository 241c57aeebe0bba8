import * as Plot from '@observablehq/plot';
import { describe, expect, it } from 'vitest';
import { chartData } from '$lib/ui/chart-data';

describe('chartData', () => {
	it('gives a bar chart its categories and values, under the axis labels', () => {
		const data = [
			{ contract: 'Month-to-month', rate: 0.43 },
			{ contract: 'One year', rate: 0.11 },
			{ contract: 'Two year', rate: 0.03 }
		];
		const table = chartData({ x: { label: 'Contract' }, y: { label: 'Churn rate' }, marks: [Plot.ruleY([0]), Plot.barY(data, { x: 'contract', y: 'rate' })] });
		expect(table?.columns).toEqual(['Contract', 'Churn rate']);
		expect(table?.rows).toEqual([
			['Month-to-month', 0.43],
			['One year', 0.11],
			['Two year', 0.03]
		]);
		expect(table?.total).toBe(3);
	});

	it('gives a histogram its bins and counts, not the raw rows', () => {
		const tenure = Array.from({ length: 1000 }, (_, i) => i % 72);
		const table = chartData({ marks: [Plot.rectY(tenure, Plot.binX({ y: 'count' }, { thresholds: [0, 24, 48, 72] }))] });
		expect(table?.total).toBe(3);
		const counts = table!.rows.map((r) => r[r.length - 1]);
		expect(counts.reduce((a, b) => Number(a) + Number(b), 0)).toBe(1000);
	});

	it('caps the rows and says how many there are', () => {
		const points = Array.from({ length: 500 }, (_, i) => ({ fpr: i / 500, tpr: Math.sqrt(i / 500) }));
		const table = chartData({ marks: [Plot.line(points, { x: 'fpr', y: 'tpr' })] }, 50);
		expect(table?.rows).toHaveLength(50);
		expect(table?.total).toBe(500);
	});

	it('finds nothing in a chart of annotations only', () => {
		expect(chartData({ marks: [Plot.ruleY([0]), Plot.frame()] })).toBeNull();
	});
});
