import { DEFAULT_CHART_SPEC, type ChartSpec } from '$lib/charts/types';
import { isNullableString, isString, type CellDefinition } from '../types';

const MARKS = ['bar', 'histogram', 'line', 'dot', 'box'];
const AGGREGATES = ['count', 'sum', 'mean', 'median'];

/** A chart cell: Observable Plot over a table or a SQL cell's view. */
export const chartCell: CellDefinition<ChartSpec> = {
	type: 'chart',
	label: 'Chart',
	defaults: () => ({ ...DEFAULT_CHART_SPEC }),
	check: (p) => {
		if (!isString(p.relation)) return 'its table name is missing';
		if (!MARKS.includes(p.mark as string)) return `invalid chart type: ${String(p.mark)}`;
		if (!AGGREGATES.includes(p.aggregate as string)) return `invalid aggregate: ${String(p.aggregate)}`;
		for (const key of ['x', 'y', 'color', 'facet']) {
			if (!isNullableString(p[key])) return `invalid ${key} column: ${String(p[key])}`;
		}
		return null;
	},
	reads: (p) => (p.relation ? [p.relation] : []),
	writes: () => [],
	startFrom: (relation) => ({ relation })
};
