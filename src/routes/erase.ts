/**
 * "Delete all local data": tables and kept files (data worker), notebooks
 * (IndexedDB), preferences (localStorage) and any Cache Storage entries.
 */
import { getData } from '$lib/clients/data';
import { eraseNotebooks } from '$lib/storage/notebooks';

export async function eraseAllLocalData(): Promise<void> {
	await getData().eraseAll();
	await eraseNotebooks();
	localStorage.clear();
	sessionStorage.clear();
	if ('caches' in globalThis) {
		for (const key of await caches.keys()) await caches.delete(key);
	}
}
