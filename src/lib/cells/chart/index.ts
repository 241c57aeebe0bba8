import { DEFAULT_CHART_SPEC, type ChartAggregate, type ChartMark, type ChartSpec } from '$lib/charts/types';
import { param } from '$lib/notebook';
import { M } from './messages';
import { defineCell } from '../types';

/** A chart cell: Observable Plot over a table or a SQL cell's view. */
export const chartCell = defineCell<ChartSpec>({
	type: 'chart',
	label: () => M.label,
	add: { text: () => M.add, order: 4 },
	params: {
		relation: param.text('', { name: 'table name' }),
		mark: param.oneOf<ChartMark>(['bar', 'histogram', 'line', 'dot', 'box'], DEFAULT_CHART_SPEC.mark, { name: 'chart type' }),
		x: param.nullable(param.text('', { name: 'x column' })),
		y: param.nullable(param.text('', { name: 'y column' })),
		color: param.nullable(param.text('', { name: 'color column' })),
		facet: param.nullable(param.text('', { name: 'facet column' })),
		aggregate: param.oneOf<ChartAggregate>(['count', 'sum', 'mean', 'median'], DEFAULT_CHART_SPEC.aggregate, { name: 'aggregate' })
	},
	reads: (p) => (p.relation ? [p.relation] : []),
	writes: () => [],
	start: ({ source }) => (source ? { relation: source } : {})
});
