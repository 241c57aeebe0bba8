/**
 * Deleting a notebook or a cell lets go of what it alone holds: its kept
 * files (OPFS, through the data worker), its kept results (IndexedDB) and the
 * tables and views it created in this tab's DuckDB.
 *
 * What another stored notebook still needs stays: the same keys (a notebook
 * opened twice from one file), and any relation name it creates, reads or
 * mentions in SQL. Table names are global in the tab's one DuckDB, and the
 * notebook open now may share a name with the one deleted; we cannot tell
 * which notebooks this tab has run, so every stored one counts. At worst a
 * table stays in memory until the tab reloads; a table is never dropped
 * under a notebook that uses it.
 */
import { cellSchemas, combine, exclusive, holdingsOf, needsOf, type Holdings } from '$lib/cells';
import { getData, isDataStarted } from '$lib/clients/data';
import type { Notebook, NotebookCell } from '$lib/notebook';
import { listNotebooks, loadNotebook } from '$lib/storage/notebooks';
import { deleteResult } from '$lib/storage/results';

/** The cells of every stored notebook except `exceptId`. */
async function otherNotebooksCells(exceptId: string): Promise<NotebookCell[]> {
	const others = (await listNotebooks()).filter((n) => n.id !== exceptId);
	const docs = await Promise.all(others.map((n) => loadNotebook(n.id, cellSchemas)));
	return docs.flatMap((loaded) => loaded?.doc.cells ?? []);
}

/** Deletes what `held` names, except what `needed` still uses; returns what was let go. */
async function release(held: Holdings, needed: Holdings): Promise<Holdings> {
	const gone = exclusive(held, needed);
	for (const key of gone.files) await getData().deleteStoredFile(key);
	for (const key of gone.results) await deleteResult(key);
	// No DuckDB started in this tab: it holds no table (and starting it only to drop nothing would cost seconds).
	if (isDataStarted()) for (const name of gone.relations) await getData().dropRelation(name);
	return gone;
}

/** After notebook `doc` was deleted from storage: lets go of everything it held alone. */
export async function releaseNotebook(doc: Notebook): Promise<Holdings> {
	const held = holdingsOf(doc.cells);
	return release(held, needsOf(await otherNotebooksCells(doc.id), held.relations));
}

/** Cell `cellId` of `doc` (as it was before the delete) is deleted: lets go of what it alone held. */
export async function releaseCell(doc: Notebook, cellId: string): Promise<Holdings> {
	const cell = doc.cells.find((c) => c.id === cellId);
	if (!cell) return holdingsOf([]);
	const held = holdingsOf([cell]);
	// In its own notebook only what the other cells create keeps a relation: a chart still reading a
	// deleted data cell's table shows an error on its next run, as it would after a reload.
	const siblings = holdingsOf(doc.cells.filter((c) => c.id !== cellId));
	return release(held, combine(siblings, needsOf(await otherNotebooksCells(doc.id), held.relations)));
}
