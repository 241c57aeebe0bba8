/**
 * "Delete all local data": tables and kept files (data worker), notebooks
 * (IndexedDB), preferences (localStorage) and Cache Storage entries. The
 * offline copy of the workbench's own files stays (it holds no customer data),
 * so the app still opens without a network afterwards.
 */
import { getData } from '$lib/clients/data';
import { eraseNotebooks } from '$lib/storage/notebooks';

/** Prefix of the offline copy's caches (scripts/write-service-worker.mjs). */
const APP_CACHE_ID = 'crm-workbench-app';

export async function eraseAllLocalData(): Promise<void> {
	await getData().eraseAll();
	await eraseNotebooks();
	localStorage.clear();
	sessionStorage.clear();
	if ('caches' in globalThis) {
		for (const key of await caches.keys()) if (!key.startsWith(APP_CACHE_ID)) await caches.delete(key);
	}
}
