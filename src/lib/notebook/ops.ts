/**
 * Pure edits of a notebook: each returns a new document and leaves its input
 * untouched, so undo, autosave and Svelte reactivity stay simple.
 */
import { newId } from './ids';
import { appendEntry, emptyRecord, type ProcessingEntry } from './record';
import { NOTEBOOK_VERSION, type Notebook, type NotebookCell } from './types';

export function emptyNotebook(title: string, id: string = newId('nb_')): Notebook {
	return { version: NOTEBOOK_VERSION, id, title, cells: [] };
}

function indexOf(doc: Notebook, cellId: string): number {
	const at = doc.cells.findIndex((c) => c.id === cellId);
	if (at < 0) throw new Error(`invalid cell id: ${cellId}`);
	return at;
}

/** Inserts `cell` at position `at` (default: the end). */
export function addCell(doc: Notebook, cell: NotebookCell, at: number = doc.cells.length): Notebook {
	const cells = doc.cells.slice();
	cells.splice(Math.max(0, Math.min(at, cells.length)), 0, cell);
	return { ...doc, cells };
}

export function deleteCell(doc: Notebook, cellId: string): Notebook {
	indexOf(doc, cellId);
	return { ...doc, cells: doc.cells.filter((c) => c.id !== cellId) };
}

/** A deleted cell and where it was, so that Undo can put it back. */
export interface DeletedCell {
	cell: NotebookCell;
	/** Its index before the delete. */
	at: number;
	/** Id of the cell just above it (null: it was first), which places it even if cells moved meanwhile. */
	after: string | null;
}

/** Cell `cellId` of `doc` and its place, taken before `deleteCell` removes it. */
export function deletedCell(doc: Notebook, cellId: string): DeletedCell {
	const at = indexOf(doc, cellId);
	return { cell: doc.cells[at], at, after: doc.cells[at - 1]?.id ?? null };
}

/**
 * Puts a deleted cell back with its params: below the cell that was above it
 * when that one is still there, else at its old index. A notebook that holds
 * the cell already is returned as it is (Undo twice restores once).
 */
export function restoreCell(doc: Notebook, deleted: DeletedCell): Notebook {
	if (doc.cells.some((c) => c.id === deleted.cell.id)) return doc;
	const above = deleted.after === null ? -1 : doc.cells.findIndex((c) => c.id === deleted.after);
	const at = deleted.after === null ? 0 : above >= 0 ? above + 1 : deleted.at;
	return addCell(doc, deleted.cell, at);
}

/** Copies a cell (deep, with a fresh id) right below it. */
export function duplicateCell(doc: Notebook, cellId: string, id: string = newId('c_')): Notebook {
	const at = indexOf(doc, cellId);
	// A JSON round trip: the document is JSON by contract, and cells may arrive as reactive proxies
	// that structuredClone refuses.
	const copy: NotebookCell = { ...(JSON.parse(JSON.stringify(doc.cells[at])) as NotebookCell), id };
	return addCell(doc, copy, at + 1);
}

/** Moves a cell by `delta` places (-1 up, +1 down); a move past either end does nothing. */
export function moveCell(doc: Notebook, cellId: string, delta: number): Notebook {
	const from = indexOf(doc, cellId);
	const to = from + delta;
	if (to < 0 || to >= doc.cells.length) return doc;
	const cells = doc.cells.slice();
	const [cell] = cells.splice(from, 1);
	cells.splice(to, 0, cell);
	return { ...doc, cells };
}

/** Applies `change` to one cell. */
export function updateCell(doc: Notebook, cellId: string, change: Partial<Omit<NotebookCell, 'id' | 'type'>>): Notebook {
	const at = indexOf(doc, cellId);
	const cells = doc.cells.slice();
	cells[at] = { ...cells[at], ...change };
	return { ...doc, cells };
}

export function renameCell(doc: Notebook, cellId: string, title: string): Notebook {
	return updateCell(doc, cellId, { title: title.trim() });
}

export function setCollapsed(doc: Notebook, cellId: string, collapsed: boolean): Notebook {
	return updateCell(doc, cellId, { collapsed });
}

/** Merges `params` into a cell's parameters. */
export function updateParams(doc: Notebook, cellId: string, params: Record<string, unknown>): Notebook {
	const cell = doc.cells[indexOf(doc, cellId)];
	return updateCell(doc, cellId, { params: { ...cell.params, ...params } });
}

export function renameNotebook(doc: Notebook, title: string): Notebook {
	return { ...doc, title: title.trim() || doc.title };
}

/** Marks a notebook opened from a file as untrusted: it shows its cells and runs none. */
export function distrust(doc: Notebook): Notebook {
	return { ...doc, untrusted: true };
}

/** The user trusts the notebook: its cells may run, now and after a reload. */
export function trust(doc: Notebook): Notebook {
	const { untrusted: _, ...trusted } = doc;
	return trusted;
}

/** Adds a step to the notebook's record of processing; `doc` itself when the step repeats the last one of its cell (see `appendEntry`). */
export function recordStep(doc: Notebook, entry: ProcessingEntry, force = false): Notebook {
	const before = doc.record ?? emptyRecord();
	const record = appendEntry(before, entry, force);
	return record === before ? doc : { ...doc, record };
}
