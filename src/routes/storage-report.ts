/**
 * What each notebook keeps in this browser, for the privacy panel: its files
 * (OPFS) with their sizes and how many trained results (IndexedDB) it has,
 * plus what belongs to no notebook any more (left by an interrupted delete or
 * an older version), which "Delete all local data" removes.
 */
import { cellKeeps, cellSchemas, holdingsOf } from '$lib/cells';
import { getData, type StoredFile } from '$lib/clients/data';
import type { Notebook } from '$lib/notebook';
import { listNotebooks, loadNotebook } from '$lib/storage/notebooks';
import { keptResultKeys } from '$lib/storage/results';

export interface NotebookStorage {
	id: string;
	title: string;
	files: { name: string; bytes: number }[];
	results: number;
}

export interface StorageReport {
	notebooks: NotebookStorage[];
	/** Kept files and results no notebook refers to. */
	loose: { files: number; bytes: number; results: number };
}

/** Joins the notebooks with what is kept (pure: the panel's reading is in `readStorage`). */
export function storageReport(docs: Notebook[], files: StoredFile[], resultKeys: string[]): StorageReport {
	const kept = new Map(files.map((f) => [f.key, f.bytes]));
	const results = new Set(resultKeys);
	const owned = new Set<string>();
	const notebooks = docs.map((doc) => {
		const held = holdingsOf(doc.cells);
		held.files.forEach((key) => owned.add(key));
		held.results.forEach((key) => owned.add(key));
		// A file is named by the cell that keeps it (a data cell's file name), else by its key.
		const nameOf = (key: string) => {
			const cell = doc.cells.find((c) => cellKeeps(c.type, c.params).files.includes(key));
			return String(cell?.params.fileName || key);
		};
		return {
			id: doc.id,
			title: doc.title,
			files: held.files.filter((key) => kept.has(key)).map((key) => ({ name: nameOf(key), bytes: kept.get(key)! })),
			results: held.results.filter((key) => results.has(key)).length
		};
	});
	const looseFiles = files.filter((f) => !owned.has(f.key));
	return {
		notebooks,
		loose: { files: looseFiles.length, bytes: looseFiles.reduce((sum, f) => sum + f.bytes, 0), results: resultKeys.filter((k) => !owned.has(k)).length }
	};
}

/** Reads the notebooks, the kept files (from the data worker, without starting DuckDB) and the kept results. */
export async function readStorage(): Promise<StorageReport> {
	const loaded = await Promise.all((await listNotebooks()).map((n) => loadNotebook(n.id, cellSchemas)));
	const docs = loaded.flatMap((l) => (l ? [l.doc] : []));
	const [files, resultKeys] = await Promise.all([getData().storedFiles(), keptResultKeys()]);
	return storageReport(docs, files, resultKeys);
}
