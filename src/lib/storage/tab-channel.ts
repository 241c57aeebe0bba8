/**
 * What the tabs of this workbench tell each other over the BroadcastChannel
 * `crm-workbench`, and what a tab does on each message. The decision is a
 * pure function (`reactionsTo`) so it can be tested without a browser.
 */

export const CHANNEL_NAME = 'crm-workbench';

/** One message between tabs; notebooks are named by id, never sent whole. */
export type TabMessage =
	/** Notebook `id` was written to IndexedDB (content or title changed, or it was created). */
	| { type: 'saved'; id: string }
	/** The list of notebooks changed without a save (a notebook was deleted). */
	| { type: 'list' }
	/** A tab asks the tab editing `id` to save, release its lock and turn read-only. */
	| { type: 'handover'; id: string }
	/** A tab asks the tab editing `id` to rename it (only the editor may write it). */
	| { type: 'rename'; id: string; title: string }
	/** A tab asks the tab editing `id` to delete it. */
	| { type: 'delete'; id: string }
	/** "Delete all local data" starts in another tab: stop writing, drop everything. */
	| { type: 'erasing' }
	/** ... and is done: start afresh. */
	| { type: 'erased' };

/** What a tab does in answer to a message. */
export type TabReaction =
	| 'refresh-list'
	| 'reload-doc'
	| 'hand-over'
	| 'rename'
	| 'delete'
	| 'stop'
	| 'restart';

/** What a tab shows now, as far as the messages care. */
export interface TabView {
	/** Id of the notebook it shows, or null. */
	openId: string | null;
	/** True when it holds that notebook's editing lock. */
	editing: boolean;
}

/**
 * The reactions of a tab in state `view` to `message`, in order. Only the
 * editing tab of a notebook answers requests about it; read-only tabs reload
 * what the editor saved.
 *
 * @example reactionsTo({ type: 'saved', id: 'nb_1' }, { openId: 'nb_1', editing: false })
 * // → ['refresh-list', 'reload-doc']
 */
export function reactionsTo(message: TabMessage, view: TabView): TabReaction[] {
	const mine = message.type !== 'list' && 'id' in message && view.openId === message.id;
	switch (message.type) {
		case 'saved':
			return mine && !view.editing ? ['refresh-list', 'reload-doc'] : ['refresh-list'];
		case 'list':
			return ['refresh-list'];
		case 'handover':
			return mine && view.editing ? ['hand-over'] : [];
		case 'rename':
			return mine && view.editing ? ['rename'] : [];
		case 'delete':
			return mine && view.editing ? ['delete'] : [];
		case 'erasing':
			return ['stop'];
		case 'erased':
			return ['restart'];
	}
}

/** `data` as a TabMessage, or null when it is not one (another version of the app, a stray post). */
export function parseTabMessage(data: unknown): TabMessage | null {
	if (typeof data !== 'object' || data === null) return null;
	const m = data as Record<string, unknown>;
	const hasId = typeof m.id === 'string' && m.id !== '';
	switch (m.type) {
		case 'saved':
		case 'handover':
		case 'delete':
			return hasId ? { type: m.type, id: m.id as string } : null;
		case 'rename':
			return hasId && typeof m.title === 'string' ? { type: 'rename', id: m.id as string, title: m.title } : null;
		case 'list':
		case 'erasing':
		case 'erased':
			return { type: m.type };
		default:
			return null;
	}
}

export interface TabChannel {
	post(message: TabMessage): void;
	close(): void;
}

/**
 * Opens the channel; `onmessage` gets every valid message from the other tabs
 * (a tab never receives its own posts). Without BroadcastChannel, posts go nowhere.
 */
export function openTabChannel(onmessage: (message: TabMessage) => void): TabChannel {
	if (typeof BroadcastChannel === 'undefined') return { post() {}, close() {} };
	const channel = new BroadcastChannel(CHANNEL_NAME);
	channel.onmessage = (e: MessageEvent) => {
		const message = parseTabMessage(e.data);
		if (message) onmessage(message);
	};
	return { post: (message) => channel.postMessage(message), close: () => channel.close() };
}
