/**
 * Notebooks are kept in this browser's IndexedDB (database `crm-workbench`):
 * one entry per document plus an index for the list. Nothing leaves the tab.
 */
import { clear, createStore, del, get, set, type UseStore } from 'idb-keyval';
import type { Notebook, NotebookSummary } from '$lib/notebook';

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

export async function loadNotebook(id: string): Promise<Notebook | null> {
	return (await get<Notebook>(docKey(id), db())) ?? null;
}

// Saves are chained so a burst of edits is written in order, never interleaved.
let queue: Promise<unknown> = Promise.resolve();

export function saveNotebook(doc: Notebook): Promise<void> {
	const snapshot = plainCopy(doc);
	const write = async () => {
		await set(docKey(snapshot.id), snapshot, db());
		const index = (await get<NotebookSummary[]>(INDEX_KEY, db())) ?? [];
		const summary: NotebookSummary = {
			id: snapshot.id,
			title: snapshot.title,
			cellCount: snapshot.cells.length,
			updatedAt: Date.now()
		};
		await set(INDEX_KEY, [...index.filter((n) => n.id !== snapshot.id), summary], db());
	};
	const next = queue.then(write, write);
	queue = next;
	return next;
}

export async function deleteNotebook(id: string): Promise<void> {
	await queue;
	await del(docKey(id), db());
	const index = (await get<NotebookSummary[]>(INDEX_KEY, db())) ?? [];
	await set(INDEX_KEY, index.filter((n) => n.id !== id), db());
}

export async function getLastOpen(): Promise<string | null> {
	return (await get<string>(LAST_OPEN_KEY, db())) ?? null;
}

export async function setLastOpen(id: string): Promise<void> {
	await set(LAST_OPEN_KEY, id, db());
}

/** Empties the notebook store (part of "Delete all local data"). */
export async function eraseNotebooks(): Promise<void> {
	await queue.catch(() => undefined);
	await clear(db());
}

/** A plain deep copy: documents may arrive as Svelte state proxies, which IndexedDB cannot clone. */
function plainCopy(doc: Notebook): Notebook {
	return JSON.parse(JSON.stringify(doc)) as Notebook;
}
