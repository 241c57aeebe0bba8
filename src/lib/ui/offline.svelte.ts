/**
 * The offline copy of the workbench: registers the service worker written by
 * `scripts/write-service-worker.mjs` and tells the status bar whether the app
 * would open with the network off, whether the network is there, and when a
 * new version waits. Nothing here sends data anywhere: the worker only keeps
 * this site's own files.
 */
import { Workbox } from 'workbox-window';
import { base } from '$app/paths';
import { dev } from '$app/environment';

/** `unavailable`: no service worker (dev server, or the browser refuses one on this address). */
export type OfflinePhase = 'preparing' | 'ready' | 'unavailable';

class OfflineCopy {
	phase = $state<OfflinePhase>('preparing');
	/** Why there is no offline copy, when `phase` is `unavailable`. */
	reason = $state('');
	online = $state(true);
	/** A new version is installed and waits for "Update now". */
	updateWaiting = $state(false);
	#workbox: Workbox | null = null;

	start(): void {
		this.online = navigator.onLine;
		addEventListener('online', () => (this.online = true));
		addEventListener('offline', () => (this.online = false));
		if (dev || !('serviceWorker' in navigator)) {
			this.phase = 'unavailable';
			return;
		}
		const workbox = new Workbox(`${base}/sw.js`, { scope: `${base}/` });
		this.#workbox = workbox;
		workbox.addEventListener('waiting', () => (this.updateWaiting = true));
		// Whichever tab chose "Update now", every tab reloads onto the new version at once,
		// so no page keeps running old code against the new version's files. The first
		// change of controller (none -> the first version, on a first visit) is not an update.
		let controlled = Boolean(navigator.serviceWorker.controller);
		navigator.serviceWorker.addEventListener('controllerchange', () => {
			if (controlled) location.reload();
			controlled = true;
		});
		workbox
			.register()
			.then(() => navigator.serviceWorker.ready)
			.then(() => (this.phase = 'ready'))
			.catch((e: Error) => {
				this.phase = 'unavailable';
				this.reason = e.message;
			});
	}

	/** Switches to the waiting version; the `controlling` handler reloads the page. */
	update(): void {
		this.#workbox?.messageSkipWaiting();
	}
}

export const offline = new OfflineCopy();
