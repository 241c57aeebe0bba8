/**
 * The order a notebook's cells run in when it opens (and on "Run all"):
 * DuckDB starts empty on every visit, so tables come back from the kept files
 * first, then the views defined over them, then the cells that restore their
 * kept results from those. Within that, each cell waits for the cells that
 * write what it reads, whatever their place in the document: a view reading
 * a view defined further down, or a query over a churn cell's scored table.
 */
import type { NotebookCell } from '$lib/notebook';
import type { CellPhase } from './types';
import { cellPhase, cellReads, cellWrites } from './definitions';

const PHASES: readonly CellPhase[] = ['load', 'derive', 'analyse'];

/**
 * `cells` in running order: of the cells whose writers have run, the earliest
 * phase first, then document order. A cycle (two queries reading each other)
 * is broken the same way, so every cell runs exactly once.
 */
export function runOrder(cells: NotebookCell[]): NotebookCell[] {
	const writes = cells.map((c) => cellWrites(c.type, c.params).map((name) => name.toLowerCase()));
	const names = [...new Set(writes.flat())];
	const writers = cells.map((c, i) => {
		const reads = new Set(cellReads(c.type, c.params, names).map((name) => name.toLowerCase()));
		return cells.flatMap((_, j) => (j !== i && writes[j].some((name) => reads.has(name)) ? [j] : []));
	});
	const rank = (i: number) => PHASES.indexOf(cellPhase(cells[i].type));
	const first = (indices: number[]) => indices.reduce((a, b) => (rank(b) < rank(a) || (rank(b) === rank(a) && b < a) ? b : a));

	const done = new Set<number>();
	let pending = cells.map((_, i) => i);
	while (pending.length) {
		const ready = pending.filter((i) => writers[i].every((j) => done.has(j)));
		const next = first(ready.length ? ready : pending);
		done.add(next);
		pending = pending.filter((i) => i !== next);
	}
	return [...done].map((i) => cells[i]);
}
