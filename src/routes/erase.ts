/**
 * "Delete all local data": tables and kept files (data worker), notebooks
 * (IndexedDB), preferences (localStorage) and Cache Storage entries, in every
 * tab: the other tabs are stopped first so none writes anything back. The
 * offline copy of the workbench's own files stays (it holds no customer data),
 * so the app still opens without a network afterwards.
 */
import { getData } from '$lib/clients/data';
import { joinPresence, whenAlone } from '$lib/storage/erase-barrier';
import { eraseNotebooks } from '$lib/storage/notebooks';
import type { TabChannel } from '$lib/storage/tab-channel';
import { resumeWrites, stopWrites } from '$lib/storage/write-guard';

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

/**
 * Erases all local data once every tab has stopped writing: the other tabs
 * are told over `channel` first, and again when it is done, so they start
 * afresh. This tab writes nothing meanwhile; it drops what it shows
 * (`forget`) before it may write again.
 */
export async function eraseInEveryTab(channel: TabChannel, forget: () => void): Promise<void> {
	stopWrites();
	channel.post({ type: 'erasing' });
	try {
		await whenAlone(eraseAllLocalData);
	} finally {
		forget();
		resumeWrites();
		joinPresence();
		channel.post({ type: 'erased' });
	}
}
