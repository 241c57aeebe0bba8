import { isString, type CellDefinition } from '../types';

/** A SQL cell: its query result is saved as view `view` for later cells. */
export interface SqlParams {
	sql: string;
	view: string;
}

export const sqlCell: CellDefinition<SqlParams> = {
	type: 'sql',
	label: 'SQL',
	defaults: () => ({ sql: '', view: '' }),
	check: (p) => (isString(p.sql) && isString(p.view) ? null : 'its SQL text or result name is missing'),
	// What a query reads is known only once DuckDB has parsed it: the view reports it after each run.
	reads: () => [],
	writes: (p) => (p.view ? [p.view] : [])
};
