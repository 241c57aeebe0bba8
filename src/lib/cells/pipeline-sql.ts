/**
 * A notebook's data steps as one `pipeline.sql` for native DuckDB: the data
 * cells' loads and the SQL cells a table depends on, each once, in the order
 * the notebook runs them, so a production job rebuilds the table a model was
 * trained on from the full files (issue 19, "scale-out exports").
 *
 * @example
 * const sql = await exportPipelineSql(notebook, 'wa_churn'); // for the production bundle
 */
import type { Notebook, NotebookCell } from '$lib/notebook';
import { dataLoadSql, loadSql, sqlCellStatements, sqlComment, type LoadSource } from '$lib/clients/pipeline';
import { quoteIdent } from '$lib/clients/data';
import { cellLabel, cellReads, cellRuns, cellWrites } from './definitions';
import { runOrder } from './run-order';
import type { DataParams } from './data';
import type { SqlParams } from './sql';

const lower = (name: string) => name.toLowerCase();

/**
 * The cells `table` depends on: those that write it, then, transitively, those
 * that write what they read; in running order (`runOrder`), each once.
 * Throws `invalid table: <name>` when no cell writes `table`.
 */
export function pipelineCells(cells: NotebookCell[], table: string): NotebookCell[] {
	const running = runOrder(cells.filter((c) => cellRuns(c.type)));
	const writes = new Map(running.map((c) => [c, cellWrites(c.type, c.params).map(lower)]));
	const names = [...new Set([...writes.values()].flat())];
	if (!names.includes(lower(table))) throw new Error(`invalid table: ${table}`);
	const needed = new Set([lower(table)]);
	const chosen = new Set<NotebookCell>();
	for (let grew = true; grew; ) {
		grew = false;
		for (const cell of running) {
			if (chosen.has(cell) || !writes.get(cell)!.some((name) => needed.has(name))) continue;
			chosen.add(cell);
			grew = true;
			const own = new Set(writes.get(cell));
			for (const name of cellReads(cell.type, cell.params, names).map(lower)) if (!own.has(name)) needed.add(name);
		}
	}
	return running.filter((c) => chosen.has(c));
}

/** A data cell's params as the load needs them. */
function sourceOf(cell: NotebookCell): LoadSource {
	const p = cell.params as unknown as DataParams;
	return { fileKey: p.fileKey, fileName: p.fileName, table: p.table, options: p.options };
}

const titleOf = (cell: NotebookCell) => (cell.title || cellLabel(cell.type)).replace(/[\r\n]+/g, ' ');

/** One cell's step: its load, its statements, or a comment saying why SQL cannot rebuild it. */
function stepOf(cell: NotebookCell, loads: Readonly<Record<string, string>>): string {
	if (cell.type === 'data') {
		const p = cell.params as unknown as DataParams;
		if (p.refused) return sqlComment(`Data cell "${titleOf(cell)}": the workbench refused "${p.fileName}" (${p.refused}); table ${p.table} is not built.`);
		return loads[cell.id] ?? loadSql(null, sourceOf(cell), null);
	}
	if (cell.type === 'sql') {
		const p = cell.params as unknown as SqlParams;
		const statements = sqlCellStatements(p.sql, p.view);
		return [sqlComment(`SQL cell "${titleOf(cell)}"${p.view ? ` → ${p.view}` : ''}.`), ...statements].join('\n');
	}
	const names = cellWrites(cell.type, cell.params).join(', ');
	return sqlComment(
		`Cell "${titleOf(cell)}" (${cell.type}) writes ${names}: the workbench computes it in JavaScript, not SQL, so this pipeline cannot rebuild it.\n` +
			'Export that table from the workbench (CSV or Parquet) and load it here in its place.'
	);
}

/**
 * `pipeline.sql` for `table`: a header (what it is, how to run it), then
 * each step `table` depends on (`pipelineCells`).
 * @param loads each data cell's load by cell id (`dataLoadSql`); a data cell
 *   missing here gets a load from its reading options alone, marked NOT CHECKED
 */
export function pipelineSql(notebook: Notebook | NotebookCell[], table: string, loads: Readonly<Record<string, string>> = {}): string {
	const cells = Array.isArray(notebook) ? notebook : notebook.cells;
	const title = Array.isArray(notebook) ? '' : notebook.title.replace(/[\r\n]+/g, ' ');
	const steps = pipelineCells(cells, table).map((cell) => stepOf(cell, loads));
	const header = sqlComment(
		[
			`pipeline.sql: the data steps${title ? ` of notebook "${title}"` : ''} that build table ${table}, in the order the notebook runs them.`,
			'Written by the CRM Workbench for native DuckDB (the CLI or @duckdb/node-api), to rebuild that table from the full files.',
			'File paths are relative to the folder DuckDB runs in: run it next to the data files, or edit the paths.',
			'Run:  duckdb my.db < pipeline.sql   or   duckdb my.db -c ".read pipeline.sql"',
			`Then: SELECT * FROM ${quoteIdent(table).replace(/[\r\n]+/g, ' ')};`
		].join('\n')
	);
	return `${[header, ...steps].join('\n\n')}\n`;
}

/**
 * `pipelineSql` with each data cell's load asked of the data worker (its kept
 * file and its table's columns): what the "Export for production" button calls.
 * @param load a data cell's load; the worker's by default (tests pass a `DataEngine`'s)
 */
export async function exportPipelineSql(
	notebook: Notebook | NotebookCell[],
	table: string,
	load: (source: LoadSource) => Promise<string> = dataLoadSql
): Promise<string> {
	const cells = Array.isArray(notebook) ? notebook : notebook.cells;
	// A model trained elsewhere (an imported model file) or on a table whose cell is gone: the bundle still
	// holds the model; its SQL says where the table must come from.
	if (!cells.some((c) => cellRuns(c.type) && cellWrites(c.type, c.params).some((name) => lower(name) === lower(table)))) {
		return `${sqlComment(`No cell of this notebook builds table ${table}: load it into DuckDB under that name (or export it from the workbench as Parquet) before scoring.`)}\n`;
	}
	const loads: Record<string, string> = {};
	for (const cell of pipelineCells(cells, table)) if (cell.type === 'data' && !(cell.params as unknown as DataParams).refused) loads[cell.id] = await load(sourceOf(cell));
	return pipelineSql(notebook, table, loads);
}
