/**
 * What a notebook will do when it runs, cell by cell, in words: shown before
 * an untrusted notebook (opened from a file) runs anything. Collapsed cells
 * are listed like the others, and SQL is shown in full, since a collapsed
 * query is exactly what a hostile file would hide.
 */
import type { NotebookCell } from '$lib/notebook';
import { T } from '$lib/ui/messages';
import { CELL_DEFINITIONS, cellReads, cellWrites, isCellType } from './definitions';

export interface CellAction {
	cellId: string;
	/** The cell's title, else its type's label. */
	name: string;
	collapsed: boolean;
	/** One sentence: what running it does. */
	summary: string;
	/** The SQL it runs, when it is a SQL cell. */
	sql?: string;
}

/** Every cell that does something when run (Markdown only shows text). */
export function notebookActions(cells: NotebookCell[]): CellAction[] {
	return cells
		.filter((cell) => isCellType(cell.type) && cell.type !== 'markdown')
		.map((cell) => {
			const name = cell.title || (isCellType(cell.type) ? CELL_DEFINITIONS[cell.type].label : cell.type);
			const base = { cellId: cell.id, name, collapsed: cell.collapsed };
			const p = cell.params as Record<string, unknown>;
			if (cell.type === 'data') return { ...base, summary: T.actionLoads(String(p.fileName ?? ''), String(p.table ?? '')) };
			if (cell.type === 'sql') return { ...base, summary: T.actionSql(String(p.view ?? '')), sql: String(p.sql ?? '') };
			const reads = cellReads(cell.type, p);
			const writes = cellWrites(cell.type, p);
			const parts = [reads.length ? T.actionReads(reads) : '', writes.length ? T.actionWrites(writes) : ''].filter(Boolean);
			return { ...base, summary: parts.join('; ') || T.actionRuns };
		});
}
