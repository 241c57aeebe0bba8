/**
 * Recommendation evaluation: hit rate@k and NDCG@k of each model side by
 * side, popularity (the baseline) as a rule to beat.
 */
import * as Plot from '@observablehq/plot';
import type { PlotOptions } from '@observablehq/plot';
import type { RecommendMetric } from '$lib/clients/train';
import { M } from './messages';
import { CATEGORICAL_SCHEME, themeStyle, type ChartTheme } from './theme';

const T = M.recommend;

/** One bar per model and measure (hit rate@k, NDCG@k), grouped by model; popularity's hit rate as a dashed rule. */
export function recommendMetricsOptions(metrics: RecommendMetric[], k: number, theme: ChartTheme): PlotOptions {
	const rows = metrics.flatMap((m) => [
		{ model: m.label, measure: T.hitRate(k), value: m.hitRate },
		{ model: m.label, measure: T.ndcg(k), value: m.ndcg }
	]);
	const baseline = metrics.find((m) => m.model === 'popularity');
	return {
		width: theme.width,
		height: 70 + 44 * metrics.length,
		marginLeft: 210,
		style: themeStyle(theme.dark),
		x: { label: T.score, domain: [0, 1], grid: true },
		y: { label: null, axis: null },
		fy: { label: null },
		color: { type: 'categorical', scheme: CATEGORICAL_SCHEME, legend: true, label: T.measure },
		marks: [
			Plot.barX(rows, { fy: 'model', y: 'measure', x: 'value', fill: 'measure', tip: true }),
			...(baseline ? [Plot.ruleX([baseline.hitRate], { strokeDasharray: '4,3', stroke: 'currentColor' })] : [])
		]
	};
}
