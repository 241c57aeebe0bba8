/**
 * What a notebook will do when it runs, cell by cell, in words: shown before
 * an untrusted notebook (opened from a file) runs anything. Collapsed cells
 * are listed like the others, and SQL is shown in full, since a collapsed
 * query is exactly what a hostile file would hide.
 */
import type { NotebookCell } from '$lib/notebook';
import { T } from '$lib/ui/messages';
import { cellLabel, cellReads, cellRuns, cellWrites, definitionOf } from './definitions';

export interface CellAction {
	cellId: string;
	/** The cell's title, else its type's label. */
	name: string;
	collapsed: boolean;
	/** One sentence: what running it does. */
	summary: string;
	/** The code it runs (a SQL cell's query), shown in full. */
	code?: string;
}

/** Every cell that does something when run (Markdown only shows text), in its definition's words. */
export function notebookActions(cells: NotebookCell[]): CellAction[] {
	return cells
		.filter((cell) => definitionOf(cell.type) && cellRuns(cell.type))
		.map((cell) => {
			const base = { cellId: cell.id, name: cell.title || cellLabel(cell.type), collapsed: cell.collapsed };
			const described = definitionOf(cell.type)!.describe?.(cell.params);
			if (described) return { ...base, ...described };
			const reads = cellReads(cell.type, cell.params);
			const writes = cellWrites(cell.type, cell.params);
			const parts = [reads.length ? T.actionReads(reads) : '', writes.length ? T.actionWrites(writes) : ''].filter(Boolean);
			return { ...base, summary: parts.join('; ') || T.actionRuns };
		});
}
