/**
 * Partial dependence (the average churn probability as one column changes)
 * with ICE curves (one thin line per sampled customer), as Plot options.
 */
import * as Plot from '@observablehq/plot';
import type { PlotOptions } from '@observablehq/plot';
import type { DependenceResult } from '$models/explain';
import { themeStyle, type ChartTheme } from './theme';

export function dependenceCurveOptions(d: DependenceResult, theme: ChartTheme): PlotOptions {
	const pct = (p: number) => p * 100;
	const ice = d.ice.flatMap((curve, id) => curve.map((p, i) => ({ id, x: d.grid[i], y: pct(p) })));
	const average = d.average.map((p, i) => ({ x: d.grid[i], y: pct(p) }));
	const categorical = d.kind === 'categorical';
	return {
		width: theme.width,
		height: 300,
		marginLeft: 50,
		marginBottom: categorical ? 70 : 40,
		style: themeStyle(theme.dark),
		x: { label: d.feature, ...(categorical ? { type: 'point' as const, tickRotate: -25 } : {}) },
		y: { label: 'Churn probability (%)', grid: true },
		marks: [
			Plot.line(ice, { x: 'x', y: 'y', z: 'id', stroke: 'currentColor', strokeOpacity: 0.15, strokeWidth: 1 }),
			Plot.line(average, { x: 'x', y: 'y', stroke: theme.dark ? '#ff9f5a' : '#d9480f', strokeWidth: 3, tip: true }),
			Plot.dot(average, { x: 'x', y: 'y', fill: theme.dark ? '#ff9f5a' : '#d9480f', r: 3 })
		]
	};
}
