import { param } from '$lib/notebook';
import { M } from './messages';
import { defineCell } from '../types';
import { mentionedIn } from './mentions';

/** A SQL cell: its query result is saved as view `view` for later cells. */
export interface SqlParams {
	sql: string;
	view: string;
}

export const sqlCell = defineCell<SqlParams>({
	type: 'sql',
	label: () => M.label,
	add: { text: () => M.add, order: 2 },
	params: { sql: param.text('', { name: 'SQL text' }), view: param.text('', { name: 'result name' }) },
	// What a query reads is known for sure only once DuckDB has parsed it (the view reports it after
	// each run); before that, the names it mentions stand in.
	processing: 'transformation',
	reads: (p, known = []) => mentionedIn(p.sql, known),
	writes: (p) => (p.view ? [p.view] : []),
	phase: 'derive',
	// Names are global in DuckDB: a new view's name is free in every notebook this tab has run,
	// and a copy gets its own so the two never overwrite one view.
	start: ({ source, freeName }) => ({ ...(source ? { sql: `SELECT * FROM ${source} LIMIT 100` } : {}), view: freeName('q') }),
	copy: (p, { freeName }) => ({ view: freeName(`${p.view || 'q'}_`) }),
	describe: (p) => ({ summary: M.action(p.view), code: p.sql })
});
