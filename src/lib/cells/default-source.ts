/**
 * The table or view a new cell starts from. DuckDB's list of relations holds
 * every notebook opened in this tab (names are global in the one database),
 * so the choice is made from what this notebook's own cells write, by their
 * registry definitions, never from that list.
 */
import type { NotebookCell } from '$lib/notebook';
import { cellWrites } from './definitions';

/**
 * The relation written by the nearest cell above `at` (where the new cell
 * goes), else the last one the notebook writes below it; '' when the notebook
 * writes none. Among those, one DuckDB holds now (`loaded`) comes first, so
 * the name of a query that failed or has not run is passed over.
 *
 * @example defaultSource([dataCell('customers'), sqlCell('q1')], 2, ['customers', 'q1']) // 'q1'
 */
export function defaultSource(cells: NotebookCell[], at: number, loaded: string[] = []): string {
	return notebookSources(cells, at, loaded)[0] ?? '';
}

/**
 * Every relation the notebook's cells write, in the order `defaultSource`
 * prefers them (nearest above `at` first, those DuckDB holds before the
 * others): a new cell that needs a particular kind of table (a scored one)
 * takes the first that fits.
 */
export function notebookSources(cells: NotebookCell[], at: number, loaded: string[] = []): string[] {
	const nearestFirst = [...cells.slice(0, at).reverse(), ...cells.slice(at).reverse()];
	// A cell writing several relations: its last one is the most recent.
	const candidates = nearestFirst.flatMap((c) => cellWrites(c.type, c.params).slice().reverse());
	const held = new Set(loaded.map((name) => name.toLowerCase()));
	return [...candidates.filter((name) => held.has(name.toLowerCase())), ...candidates.filter((name) => !held.has(name.toLowerCase()))];
}
