/**
 * A chart cell's parameters: plain JSON saved in the notebook.
 * `relation` is a table or a SQL cell's view; columns are chosen by name.
 */
export type ChartMark = 'bar' | 'histogram' | 'line' | 'dot' | 'box';

/** How bar and line charts combine `y` values per `x`. 'count' ignores `y`. */
export type ChartAggregate = 'count' | 'sum' | 'mean' | 'median';

export interface ChartSpec {
	relation: string;
	mark: ChartMark;
	x: string | null;
	y: string | null;
	color: string | null;
	facet: string | null;
	aggregate: ChartAggregate;
}

export const DEFAULT_CHART_SPEC: ChartSpec = {
	relation: '',
	mark: 'bar',
	x: null,
	y: null,
	color: null,
	facet: null,
	aggregate: 'count'
};
