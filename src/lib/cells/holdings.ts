/**
 * What a notebook, or one of its cells, holds in this browser: the relations
 * it creates in DuckDB, its kept files (OPFS) and its kept results
 * (IndexedDB). Deleting it lets go of what nothing else still uses: a
 * notebook opened twice from one file, or a duplicated cell, shares keys with
 * its copy, and table names are global in the tab's one DuckDB.
 */
import type { NotebookCell } from '$lib/notebook';
import { cellKeeps, cellReads, cellWrites } from './definitions';

export interface Holdings {
	relations: string[];
	files: string[];
	results: string[];
}

const unique = (values: string[]) => [...new Set(values)];

/** What `cells` create in DuckDB and keep in browser storage. */
export function holdingsOf(cells: NotebookCell[]): Holdings {
	return {
		relations: unique(cells.flatMap((c) => cellWrites(c.type, c.params))),
		files: unique(cells.flatMap((c) => cellKeeps(c.type, c.params).files)),
		results: unique(cells.flatMap((c) => cellKeeps(c.type, c.params).results))
	};
}

/**
 * What `cells` need: what they hold, and the relations among `names` they read
 * or (SQL) mention, so a table that another notebook reads is not dropped under it.
 */
export function needsOf(cells: NotebookCell[], names: string[]): Holdings {
	const reads = cells.flatMap((c) => cellReads(c.type, c.params, names));
	return combine(holdingsOf(cells), { relations: reads, files: [], results: [] });
}

/** Everything any of `parts` holds. */
export function combine(...parts: Holdings[]): Holdings {
	return {
		relations: unique(parts.flatMap((p) => p.relations)),
		files: unique(parts.flatMap((p) => p.files)),
		results: unique(parts.flatMap((p) => p.results))
	};
}

/** `held` less what `needed` still uses (relation names compare case-insensitively, as DuckDB's do). */
export function exclusive(held: Holdings, needed: Holdings): Holdings {
	const neededRelations = new Set(needed.relations.map((name) => name.toLowerCase()));
	return {
		relations: held.relations.filter((name) => !neededRelations.has(name.toLowerCase())),
		files: held.files.filter((key) => !needed.files.includes(key)),
		results: held.results.filter((key) => !needed.results.includes(key))
	};
}

/** The name a kept file is shown by: the file name of the cell that keeps it, else its key. */
export function keptFileName(cells: NotebookCell[], key: string): string {
	const cell = cells.find((c) => cellKeeps(c.type, c.params).files.includes(key));
	return String(cell?.params.fileName || key);
}
