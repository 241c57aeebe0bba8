/**
 * Lets "Delete all local data" wait until no other tab can still write.
 * Every tab holds the lock `crm-workbench:presence` in shared mode while it
 * may write; the erasing tab asks the others to stop (they save nothing more,
 * stop their data worker and let go), then takes the lock exclusively, so it
 * erases only once they all have. A tab that does not answer in time (hung)
 * has the lock taken from it.
 */
import { browserLocks } from './tab-lock';

const PRESENCE = 'crm-workbench:presence';
const WAIT_MS = 5000;

let leave: (() => void) | null = null;

/** This tab may write from now on (page start, after an erase). */
export function joinPresence(): void {
	const manager = browserLocks();
	if (!manager || leave) return;
	const held = new Promise<void>((resolve) => (leave = resolve));
	// Rejected when an erasing tab had to take the lock by force: this tab is stopping then anyway.
	manager.request(PRESENCE, { mode: 'shared' }, () => held).catch(() => (leave = null));
}

/** This tab writes nothing more (it was asked to stop, or it erases itself). */
export function leavePresence(): void {
	leave?.();
	leave = null;
}

/** Runs `erase` once every other tab has left (or after a few seconds, taking the lock from those that have not). */
export async function whenAlone(erase: () => Promise<void>): Promise<void> {
	const manager = browserLocks();
	if (!manager) return erase();
	leavePresence();
	let started = false;
	const run = () => ((started = true), erase());
	try {
		await manager.request(PRESENCE, { signal: AbortSignal.timeout(WAIT_MS) }, run);
	} catch (e) {
		// Only a wait that timed out falls back to force; an error of the erase itself is the caller's.
		if (started || (e as DOMException)?.name !== 'TimeoutError') throw e;
		await manager.request(PRESENCE, { steal: true }, run);
	}
}
