/**
 * Texts of the chart cell: its settings and the drawn chart.
 */
import type { ChartSpec } from '$lib/charts';
import { messages } from '$lib/i18n';

export const M = messages({
	add: 'Chart',
	chartType: 'Chart',
	chartHeight: 'Height',
	chartMarks: { bar: 'Bar', histogram: 'Histogram', line: 'Line', dot: 'Scatter (dots)', box: 'Box plot' },
	chartAggregates: { count: 'count of rows', sum: 'sum of y', mean: 'mean of y', median: 'median of y' },
	chartChannels: { x: 'X', y: 'Y', color: 'Colour', facet: 'Facet' },
	chartPickColumns: 'Choose the columns to draw.',
	chartSampled: (n: number) => `Drawn from a reproducible sample of ${n.toLocaleString('en-US')} rows.`,
	exportSvg: 'Export SVG',
	exportPng: 'Export PNG',
	exportFailed: 'Export failed:',
	noRows: 'There are no rows to chart.',
	loading: 'Loading the chart library…',
	chartOf: (spec: ChartSpec) =>
		`${spec.mark} chart of ${[spec.x, spec.y].filter(Boolean).join(' and ') || 'no column'} in ${spec.relation}`
});
