/**
 * What each notebook keeps in this browser, for the privacy panel: its files
 * (OPFS) with their sizes, its trained results and its document (IndexedDB)
 * with about how many bytes they take,
 * plus what belongs to no notebook any more (left by an interrupted delete or
 * an older version), which "Delete all local data" removes.
 */
import { cellSchemas, holdingsOf, keptFileName } from '$lib/cells';
import { getData, type StoredFile } from '$lib/clients/data';
import type { Notebook } from '$lib/notebook';
import { listNotebooks, loadNotebook } from '$lib/storage/notebooks';
import { keptResultSizes } from '$lib/storage/results';

export interface NotebookStorage {
	id: string;
	title: string;
	files: { name: string; bytes: number }[];
	results: number;
	/** About how many bytes its kept results take (IndexedDB). */
	resultBytes: number;
	/** The bytes of its document (cells, settings, record of processing) as JSON. */
	documentBytes: number;
	/** Everything it keeps: files, results and document. */
	totalBytes: number;
}

export interface StorageReport {
	notebooks: NotebookStorage[];
	/** Kept files and results no notebook refers to. */
	loose: { files: number; bytes: number; results: number };
}

/** Joins the notebooks with what is kept (pure: the panel's reading is in `readStorage`). */
export function storageReport(docs: Notebook[], files: StoredFile[], results: Map<string, number>): StorageReport {
	const kept = new Map(files.map((f) => [f.key, f.bytes]));
	const owned = new Set<string>();
	const notebooks = docs.map((doc) => {
		const held = holdingsOf(doc.cells);
		held.files.forEach((key) => owned.add(key));
		held.results.forEach((key) => owned.add(key));
		const keptFiles = held.files.filter((key) => kept.has(key)).map((key) => ({ name: keptFileName(doc.cells, key), bytes: kept.get(key)! }));
		const keptResults = held.results.filter((key) => results.has(key));
		const resultBytes = keptResults.reduce((sum, key) => sum + results.get(key)!, 0);
		const documentBytes = new TextEncoder().encode(JSON.stringify(doc)).length;
		const fileBytes = keptFiles.reduce((sum, f) => sum + f.bytes, 0);
		return { id: doc.id, title: doc.title, files: keptFiles, results: keptResults.length, resultBytes, documentBytes, totalBytes: fileBytes + resultBytes + documentBytes };
	});
	const looseFiles = files.filter((f) => !owned.has(f.key));
	return {
		notebooks,
		loose: { files: looseFiles.length, bytes: looseFiles.reduce((sum, f) => sum + f.bytes, 0), results: [...results.keys()].filter((k) => !owned.has(k)).length }
	};
}

/** Reads the notebooks, the kept files (from the data worker, without starting DuckDB) and the kept results. */
export async function readStorage(): Promise<StorageReport> {
	const loaded = await Promise.all((await listNotebooks()).map((n) => loadNotebook(n.id, cellSchemas)));
	const docs = loaded.flatMap((l) => (l ? [l.doc] : []));
	const [files, results] = await Promise.all([getData().storedFiles(), keptResultSizes()]);
	return storageReport(docs, files, results);
}
