/**
 * Notebooks are kept in this browser's IndexedDB (database `crm-workbench`):
 * one entry per document plus an index for the list. Nothing leaves the tab.
 */
import { clear, createStore, del, get, set, type UseStore } from 'idb-keyval';
import { readStoredNotebook, type CellSchemas, type LoadedNotebook, type Notebook, type NotebookSummary } from '$lib/notebook';
import { writesAllowed } from './write-guard';

export const DB_NAME = 'crm-workbench';
const INDEX_KEY = 'index';
const LAST_OPEN_KEY = 'last-open';

let store: UseStore | null = null;
/** The one IndexedDB store of the workbench (notebooks, and cell results under their own keys). */
export function db(): UseStore {
	store ??= createStore(DB_NAME, 'notebooks');
	return store;
}

function docKey(id: string): string {
	return `notebook:${id}`;
}

export async function listNotebooks(): Promise<NotebookSummary[]> {
	const index = (await get<NotebookSummary[]>(INDEX_KEY, db())) ?? [];
	return index.slice().sort((a, b) => b.updatedAt - a.updatedAt);
}

/**
 * Notebook `id` as stored, through the same validator as a file (migrations,
 * defaults for params added since, unknown ones left out with a note); null
 * when gone. A damaged one throws a `NotebookFileError` in words.
 */
export async function loadNotebook(id: string, schemas: CellSchemas): Promise<LoadedNotebook | null> {
	const stored = await get<unknown>(docKey(id), db());
	return stored === undefined ? null : readStoredNotebook(stored, schemas);
}

// Saves and deletes are chained so a burst of edits is written in order, never interleaved.
let queue: Promise<unknown> = Promise.resolve();

/** Runs `write` after every write queued before it; nothing once writes are stopped (erase-all). */
function queued(write: () => Promise<void>): Promise<void> {
	const guarded = async () => {
		if (writesAllowed()) await write();
	};
	const next = queue.then(guarded, guarded);
	queue = next;
	return next;
}

/** Resolves once every write queued so far is done (or failed). */
export async function writesSettled(): Promise<void> {
	await queue.catch(() => undefined);
}

export function saveNotebook(doc: Notebook): Promise<void> {
	const snapshot = plainCopy(doc);
	return queued(async () => {
		await set(docKey(snapshot.id), snapshot, db());
		const index = (await get<NotebookSummary[]>(INDEX_KEY, db())) ?? [];
		const summary: NotebookSummary = {
			id: snapshot.id,
			title: snapshot.title,
			cellCount: snapshot.cells.length,
			updatedAt: Date.now()
		};
		await set(INDEX_KEY, [...index.filter((n) => n.id !== snapshot.id), summary], db());
	});
}

export function deleteNotebook(id: string): Promise<void> {
	return queued(async () => {
		await del(docKey(id), db());
		const index = (await get<NotebookSummary[]>(INDEX_KEY, db())) ?? [];
		await set(INDEX_KEY, index.filter((n) => n.id !== id), db());
	});
}

export async function getLastOpen(): Promise<string | null> {
	return (await get<string>(LAST_OPEN_KEY, db())) ?? null;
}

export async function setLastOpen(id: string): Promise<void> {
	if (writesAllowed()) await set(LAST_OPEN_KEY, id, db());
}

/** Empties the notebook store (part of "Delete all local data"). */
export async function eraseNotebooks(): Promise<void> {
	await writesSettled();
	await clear(db());
}

/** A plain deep copy: documents may arrive as Svelte state proxies, which IndexedDB cannot clone. */
function plainCopy(doc: Notebook): Notebook {
	return JSON.parse(JSON.stringify(doc)) as Notebook;
}
