import { isString, type CellDefinition } from '../types';
import { mentionedIn } from './mentions';

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
	// What a query reads is known for sure only once DuckDB has parsed it (the view reports it after
	// each run); before that, the names it mentions stand in.
	reads: (p, known = []) => mentionedIn(p.sql, known),
	writes: (p) => (p.view ? [p.view] : []),
	phase: 'derive',
	startFrom: (source) => ({ sql: `SELECT * FROM ${source} LIMIT 100` })
};
