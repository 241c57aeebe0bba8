/**
 * Segmentation charts: elbow and silhouette by k, silhouette values per
 * segment, the z-score heatmap of segment profiles and the PCA map.
 */
import * as Plot from '@observablehq/plot';
import type { PlotOptions } from '@observablehq/plot';
import type { SegmentResult } from '$lib/clients/train';
import { formatNumber } from '$lib/i18n';
import { CATEGORICAL_SCHEME, seriesColour, themeStyle, type ChartTheme } from './theme';

type Names = (segment: number) => string;

/** Inertia (elbow) or mean silhouette for each k, the chosen k marked. */
export function byKOptions(result: SegmentResult, metric: 'inertia' | 'silhouette', theme: ChartTheme): PlotOptions {
	return {
		width: theme.width,
		height: 220,
		style: themeStyle(theme.dark),
		x: { label: 'k (number of segments)', ticks: result.candidates.map((c) => c.k), tickFormat: 'd' },
		y: { label: metric === 'inertia' ? 'Inertia (within-segment spread)' : 'Mean silhouette', grid: true },
		marks: [
			Plot.line(result.candidates, { x: 'k', y: metric, stroke: seriesColour(theme.dark) }),
			Plot.dot(result.candidates, { x: 'k', y: metric, fill: (d) => (d.k === result.k ? '#d9480f' : seriesColour(theme.dark)), r: 4, tip: true })
		]
	};
}

/** Each customer's silhouette, grouped by segment (the silhouette plot). */
export function silhouettePlotOptions(result: SegmentResult, names: Names, theme: ChartTheme): PlotOptions {
	return {
		width: theme.width,
		height: 60 + 30 * result.k,
		marginLeft: 120,
		style: themeStyle(theme.dark),
		x: { label: 'Silhouette (−1 … 1)', domain: [-0.5, 1], grid: true },
		y: { label: null },
		color: { type: 'categorical', scheme: CATEGORICAL_SCHEME },
		marks: [Plot.tickX(result.silhouette, { x: 'value', y: (d) => names(d.segment), stroke: (d) => names(d.segment), strokeOpacity: 0.35 }), Plot.ruleX([0])]
	};
}

/**
 * Segment × numeric column: coloured by the segment's mean as a z-score against all customers
 * (comparable across columns), labelled with the mean itself in the column's unit (tenure in
 * months); results kept before means existed show the z-score.
 */
export function profileHeatmapOptions(result: SegmentResult, names: Names, theme: ChartTheme): PlotOptions {
	const cells = result.profiles.flatMap((p) =>
		result.numeric.map((column) => {
			const mean = p.mean?.[column];
			return { segment: names(p.segment), column, z: p.z[column], mean, label: mean === undefined ? p.z[column].toFixed(1) : formatNumber(mean) };
		})
	);
	return {
		width: theme.width,
		height: 60 + 34 * result.k,
		marginLeft: 120,
		marginBottom: 90,
		style: themeStyle(theme.dark),
		x: { label: null, tickRotate: -35 },
		y: { label: null },
		color: { type: 'diverging', scheme: 'rdbu', domain: [2, -2], legend: true, label: 'z-score of the mean' },
		marks: [
			Plot.cell(cells, { x: 'column', y: 'segment', fill: 'z', tip: true, channels: { mean: { value: 'mean', label: 'mean' } } }),
			Plot.text(cells, { x: 'column', y: 'segment', text: 'label', fill: 'black', fontSize: 10 })
		]
	};
}

/** Customers on the first two principal components, coloured by segment. */
export function segmentMapOptions(result: SegmentResult, names: Names, theme: ChartTheme): PlotOptions {
	const pct = (r: number) => `${(r * 100).toFixed(0)} %`;
	return mapOptions(result.map, names, theme, `PC 1 (${pct(result.explained[0])} of variance)`, `PC 2 (${pct(result.explained[1])})`);
}

/** Customers on a UMAP embedding, coloured by their segment. */
export function umapMapOptions(points: { row: number; x: number; y: number }[], labels: number[], names: Names, theme: ChartTheme): PlotOptions {
	return mapOptions(points.map((p) => ({ ...p, segment: labels[p.row] })), names, theme, 'UMAP 1', 'UMAP 2');
}

function mapOptions(points: { row: number; x: number; y: number; segment: number }[], names: Names, theme: ChartTheme, xLabel: string, yLabel: string): PlotOptions {
	return {
		width: theme.width,
		height: 360,
		style: themeStyle(theme.dark),
		x: { label: xLabel },
		y: { label: yLabel },
		color: { type: 'categorical', scheme: CATEGORICAL_SCHEME, legend: true },
		marks: [
			Plot.dot(points, {
				x: 'x',
				y: 'y',
				fill: (d) => names(d.segment),
				r: 2,
				fillOpacity: 0.6,
				channels: { customer: { value: (d) => `row ${d.row + 1}`, label: 'Customer' } },
				tip: true
			})
		]
	};
}
