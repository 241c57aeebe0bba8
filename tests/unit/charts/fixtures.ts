import { DEFAULT_CHART_SPEC, type ChartSpec } from '$lib/charts';

/** Ten customers: enough for every mark, small enough to read. */
export const CUSTOMERS = [
	{ plan: 'basic', tenure: 3, revenue: 20.5, churn: 'yes', region: 'north', signup: new Date('2024-01-05') },
	{ plan: 'basic', tenure: 14, revenue: 22, churn: 'no', region: 'south', signup: new Date('2024-02-01') },
	{ plan: 'pro', tenure: 30, revenue: 75.25, churn: 'no', region: 'north', signup: new Date('2024-02-11') },
	{ plan: 'pro', tenure: 2, revenue: 70, churn: 'yes', region: 'east', signup: new Date('2024-03-15') },
	{ plan: 'enterprise', tenure: 60, revenue: 310, churn: 'no', region: 'west', signup: new Date('2024-03-20') },
	{ plan: 'basic', tenure: 8, revenue: 19.9, churn: 'no', region: 'south', signup: new Date('2024-04-01') },
	{ plan: 'pro', tenure: 41, revenue: 80, churn: 'no', region: 'east', signup: new Date('2024-04-12') },
	{ plan: 'enterprise', tenure: 12, revenue: 290, churn: 'yes', region: 'north', signup: new Date('2024-05-02') },
	{ plan: 'basic', tenure: null, revenue: 21, churn: 'no', region: 'west', signup: new Date('2024-05-30') },
	{ plan: 'pro', tenure: 25, revenue: 72.5, churn: 'no', region: 'south', signup: new Date('2024-06-18') }
];

/** The same table's columns as DuckDB describes them. */
export const COLUMNS = [
	{ name: 'plan', type: 'VARCHAR' },
	{ name: 'tenure', type: 'BIGINT' },
	{ name: 'revenue', type: 'DOUBLE' },
	{ name: 'churn', type: 'VARCHAR' },
	{ name: 'region', type: 'VARCHAR' },
	{ name: 'signup', type: 'TIMESTAMP' }
];

export function spec(change: Partial<ChartSpec>): ChartSpec {
	return { ...DEFAULT_CHART_SPEC, relation: 'customers', ...change };
}

export const LIGHT = { dark: false, width: 640 };
