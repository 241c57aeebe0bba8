/**
 * The open notebook and the list of notebooks, with every user action on
 * them. Each edit is a pure op from `$lib/notebook`; every change is saved to
 * IndexedDB at once (coalesced while a save is in flight). A notebook open in
 * several tabs is edited in one of them, the one holding its lock; the others
 * show it read-only and are told (via `notify`) when it changes.
 */
import {
	addCell,
	deleteCell,
	deletedCell,
	distrust,
	duplicateCell,
	emptyNotebook,
	moveCell,
	newId,
	renameCell,
	renameNotebook,
	restoreCell,
	serializeNotebook,
	withoutSecrets,
	setCollapsed,
	trust,
	updateParams,
	lastSignature,
	recordStep,
	type ProcessingEntry,
	type ProcessingKind,
	type DeletedCell,
	type LoadedNotebook,
	type Notebook,
	type NotebookCell,
	type NotebookSummary
} from '$lib/notebook';
import { cellSchemas, cellWrites, copyParams, newCell, type CellType, type ParamsOf } from '$lib/cells';
import * as store from '$lib/storage/notebooks';
import type { TabMessage } from '$lib/storage/tab-channel';
import { browserLocks, NotebookLock, type LockManagerLike } from '$lib/storage/tab-lock';
import { writesAllowed } from '$lib/storage/write-guard';
import { T } from '$lib/ui/messages';
import { releaseNotebook } from './owned-data';

/** `prefix` followed by the smallest number not taken (case-insensitive, as DuckDB names are). */
export function uniqueName(prefix: string, taken: string[]): string {
	const lower = new Set(taken.map((t) => t.toLowerCase()));
	let n = 1;
	while (lower.has(`${prefix}${n}`.toLowerCase())) n++;
	return `${prefix}${n}`;
}

/** How long "Edit here instead" waits for the editing tab to let go before taking the notebook from it. */
const HANDOVER_WAIT_MS = 5000;

export class Workbench {
	doc = $state<Notebook | null>(null);
	notebooks = $state<NotebookSummary[]>([]);
	/** Id of the selected cell (keyboard navigation, insertion point). */
	selected = $state<string | null>(null);
	/** Bumped when a different notebook is opened, so its cells mount afresh and run. */
	generation = $state(0);
	loaded = $state(false);
	/** Why the last open notebook could not be opened at start ('' when it could). */
	startProblem = $state('');
	/** What was left out of the notebook last read from this browser (params this version does not know). */
	notes = $state<string[]>([]);
	/**
	 * True while another tab edits the open notebook: it shows here, edits are
	 * refused and nothing of it is written from this tab.
	 */
	readOnly = $state(false);
	/** Tells the other tabs what this one changed (the tab channel's post; nothing until connected). */
	notify: (message: TabMessage) => void = () => {};

	#lock: NotebookLock;
	#saving: Promise<void> | null = null;
	#dirty = false;

	/** @param locks the Web Locks manager (null: a browser without it, or a test) */
	constructor(locks: LockManagerLike | null = browserLocks()) {
		this.#lock = new NotebookLock(locks, (id) => {
			// Another tab took the notebook without an answer from this one (it was busy): show it read-only.
			if (this.doc?.id === id) this.readOnly = true;
		});
	}

	async start(): Promise<void> {
		this.notebooks = await store.listNotebooks();
		const last = await store.getLastOpen();
		const id = last && this.notebooks.some((n) => n.id === last) ? last : this.notebooks[0]?.id;
		try {
			if (id) await this.open(id);
		} catch (e) {
			// The workbench still opens (the list, the other notebooks), and says why this one did not.
			this.startProblem = (e as Error).message;
		}
		this.loaded = true;
	}

	/** Replaces the open document and saves it; refused while it is read-only here. */
	edit(change: (doc: Notebook) => Notebook): void {
		if (!this.doc || this.readOnly) return;
		const next = change(this.doc);
		if (next === this.doc) return; // nothing changed (a step the record has already): nothing to save
		this.doc = next;
		void this.save();
	}

	/** Adds a step to the open notebook's record of processing (see `recordStep`); `force` even when it repeats the last. */
	record(entry: ProcessingEntry, force = false): void {
		this.edit((d) => recordStep(d, entry, force));
	}

	/** The signature of the last step of `kind` by cell `cellId` in the open notebook's record ('' when none). */
	lastStep(cellId: string, kind: ProcessingKind): string {
		return lastSignature(this.doc?.record, cellId, kind);
	}

	/** Writes the open notebook (edits during a write are coalesced into one more). */
	save(): Promise<void> {
		if (this.#saving) {
			this.#dirty = true;
			return this.#saving;
		}
		this.#saving = this.#writeUntilClean().finally(() => (this.#saving = null));
		return this.#saving;
	}

	async #writeUntilClean(): Promise<void> {
		do {
			this.#dirty = false;
			const doc = this.doc;
			// Only the tab holding a notebook's lock writes it, so two tabs never overwrite each other.
			if (!doc || !this.#lock.holds(doc.id) || !writesAllowed()) return;
			await store.saveNotebook(doc);
			this.notify({ type: 'saved', id: doc.id });
			// Inside the loop: an edit made while the list is read marks the document dirty and is
			// written by the next turn (after the loop it was dropped: the save it joined had ended).
			this.notebooks = await store.listNotebooks();
		} while (this.#dirty);
	}

	/** Resolves once the edits made so far are written. */
	async settle(): Promise<void> {
		await this.#saving;
	}

	/** Makes `doc` the open notebook, as it is now: editable or read-only. */
	#present(doc: Notebook, readOnly: boolean): void {
		this.doc = doc;
		this.readOnly = readOnly;
		this.selected = doc.cells[0]?.id ?? null;
		this.generation++;
	}

	/** Makes a new notebook the open one: stored first, so a reload at once reopens it as shown. */
	async show(doc: Notebook): Promise<void> {
		await this.settle(); // the notebook open before keeps its last edit
		await this.#lock.take(doc.id); // a new id: no other tab has it
		await store.saveNotebook(doc);
		await store.setLastOpen(doc.id);
		this.#present(doc, false);
		this.notify({ type: 'saved', id: doc.id });
		this.notebooks = await store.listNotebooks();
	}

	/** Opens a stored notebook: editable when no other tab edits it, else read-only. */
	/**
	 * Notebook `id` as stored, checked and upgraded like a file (defaults for parameters added
	 * since, unknown ones left out: `notes` says which); null when gone.
	 */
	async #read(id: string): Promise<Notebook | null> {
		const loaded = await store.loadNotebook(id, cellSchemas);
		this.notes = loaded?.notes ?? [];
		return loaded?.doc ?? null;
	}

	async open(id: string): Promise<void> {
		await this.settle();
		// The lock first, then the document: what is read is then what the last editor saved.
		const editing = await this.#lock.take(id);
		let doc: Notebook | null;
		try {
			doc = await this.#read(id);
		} catch (e) {
			this.#lock.release(); // a damaged notebook is not opened: nothing holds it
			throw e;
		}
		if (!doc || !writesAllowed()) {
			// Gone (deleted in another tab) or being erased. The notebook shown before has lost its
			// lock with the take above, so it must not stay on screen as if it could still be edited.
			this.#lock.release();
			this.doc = null;
			this.readOnly = false;
			this.generation++;
			this.notebooks = await store.listNotebooks();
			return;
		}
		this.#present(doc, !editing);
		await store.setLastOpen(id);
	}

	/**
	 * "Edit here instead": asks the tab editing the open notebook to save and
	 * let go, then edits here what it saved last. A tab that does not answer in
	 * a few seconds has the notebook taken from it.
	 */
	async editHere(): Promise<void> {
		const id = this.doc?.id;
		if (!id || !this.readOnly) return;
		this.notify({ type: 'handover', id });
		const taken = (await this.#lock.take(id, { waitMs: HANDOVER_WAIT_MS })) || (await this.#lock.take(id, { steal: true }));
		if (!taken || this.doc?.id !== id) return;
		const doc = await this.#read(id);
		if (!doc) return this.#dropOpen();
		this.doc = doc;
		this.readOnly = false;
	}

	/** Another tab asked for notebook `id`: save what is pending, let go of it and show it read-only here. */
	async handOver(id: string): Promise<void> {
		if (this.doc?.id !== id || this.readOnly) return;
		this.readOnly = true; // refuse edits from now on ...
		await this.settle(); // ... write those already made ...
		this.#lock.release(); // ... and only then let the other tab read and take it
	}

	/** Shows the latest stored state of the open read-only notebook (the editing tab saved it). */
	async reload(): Promise<void> {
		const id = this.doc?.id;
		if (!id || !this.readOnly) return;
		const doc = await this.#read(id);
		if (this.doc?.id !== id || !this.readOnly) return; // something else happened meanwhile
		if (doc) this.doc = doc;
		else await this.#dropOpen();
	}

	/** Re-reads the list (another tab changed it); a read-only notebook deleted there is closed here. */
	async refreshList(): Promise<void> {
		this.notebooks = await store.listNotebooks();
		if (this.doc && this.readOnly && !this.notebooks.some((n) => n.id === this.doc?.id)) await this.#dropOpen();
	}

	/** The open notebook is gone (deleted in another tab): open the first one left, or none. */
	async #dropOpen(): Promise<void> {
		const gone = this.doc;
		this.#lock.release();
		this.doc = null;
		// The deleting tab let go of its files and results; the tables it loaded here live in this tab's DuckDB.
		if (gone) await releaseNotebook($state.snapshot(gone) as Notebook);
		this.readOnly = false;
		this.generation++;
		if (this.notebooks[0]) await this.open(this.notebooks[0].id);
	}

	async create(title: string = T.untitled): Promise<Notebook> {
		const doc = emptyNotebook(title);
		await this.show(doc);
		return doc;
	}

	rename(title: string): void {
		this.edit((d) => renameNotebook(d, title));
	}

	/** Renames a notebook from the list; one edited in another tab is renamed by that tab. */
	async renameOther(id: string, title: string): Promise<void> {
		if (this.doc?.id === id && !this.readOnly) return this.rename(title);
		const done = await this.#lock.whileFree(id, async () => {
			const loaded = await store.loadNotebook(id, cellSchemas);
			if (loaded) await store.saveNotebook(renameNotebook(loaded.doc, title));
		});
		this.notify(done ? { type: 'saved', id } : { type: 'rename', id, title });
		this.notebooks = await store.listNotebooks();
	}

	/**
	 * Deletes a notebook and what it alone keeps (files, results, tables: see
	 * `releaseNotebook`); one edited in another tab is deleted by that tab.
	 */
	async remove(id: string): Promise<void> {
		let deleted: Notebook | null = null;
		if (this.doc?.id === id && !this.readOnly) {
			deleted = $state.snapshot(this.doc) as Notebook;
			this.doc = null; // no edit can queue a save after the delete
			await this.settle();
			await store.deleteNotebook(id);
			this.#lock.release();
			this.readOnly = false;
		} else {
			// No tab edits it: read it and delete it while holding its lock, so no tab opens it meanwhile.
			const deletedHere = await this.#lock.whileFree(id, async () => {
				// A damaged notebook is deleted too; what it kept then shows in About & privacy as part of no notebook.
				deleted = (await store.loadNotebook(id, cellSchemas).catch(() => null))?.doc ?? null;
				await store.deleteNotebook(id);
			});
			if (!deletedHere) {
				this.notify({ type: 'delete', id });
				return;
			}
		}
		this.notify({ type: 'list' });
		this.notebooks = await store.listNotebooks();
		if (!this.doc && this.notebooks[0]) await this.open(this.notebooks[0].id);
		else if (this.doc?.id === id) await this.#dropOpen();
		// Last: the list is right even if letting go of a file fails (the error is shown).
		if (deleted) await releaseNotebook(deleted);
	}

	/**
	 * Opens a notebook read from a file (checked: see `readNotebookFile`),
	 * untrusted: its cells show but none runs until the user trusts it.
	 * `beforeShow` puts back what the file carries (its tables' files, its
	 * models) before the notebook opens.
	 */
	async importLoaded({ doc: read, notes }: LoadedNotebook, beforeShow: () => Promise<void> = async () => {}): Promise<LoadedNotebook> {
		const parsed = distrust(read);
		// A file opened twice becomes a second notebook rather than overwriting the first.
		const doc = this.notebooks.some((n) => n.id === parsed.id) ? { ...parsed, id: newId('nb_') } : parsed;
		await beforeShow();
		await this.show(doc);
		return { doc, notes };
	}

	/** True when the open notebook may run its cells by itself (opening, re-runs). */
	get trusted(): boolean {
		return !this.doc?.untrusted;
	}

	/** The user trusts the open notebook (it came from a file): from now on it runs like any other. */
	trust(): void {
		if (this.doc?.untrusted) this.edit(trust);
	}

	/** The open notebook as a file's JSON text; its secret keys only when the file will be encrypted. */
	exportText(options: { secrets?: boolean } = {}): string {
		if (!this.doc) throw new Error('No notebook is open.');
		const doc = $state.snapshot(this.doc) as Notebook;
		return serializeNotebook(options.secrets ? doc : withoutSecrets(doc, cellSchemas));
	}

	/** Opens a new notebook made of `cells` (the demo, templates). */
	async createWith(title: string, cells: NotebookCell[]): Promise<Notebook> {
		const doc = { ...emptyNotebook(title), cells };
		await this.show(doc);
		return doc;
	}

	/** Where a new cell goes: after the selected one, or at the end. */
	insertionIndex(): number {
		const cells = this.doc?.cells ?? [];
		const at = cells.findIndex((c) => c.id === this.selected) + 1;
		return at > 0 ? at : cells.length;
	}

	/** Adds a cell of `type` at `insertionIndex()` and selects it. */
	addCell<K extends CellType>(type: K, params: Partial<ParamsOf<K>> = {}): NotebookCell {
		const cell = newCell(type, params);
		const at = this.insertionIndex();
		this.edit((d) => addCell(d, cell, at));
		this.selected = cell.id;
		return cell;
	}

	/** Deletes a cell; returns it and its place for `restoreCell` (null when nothing was deleted). */
	deleteCell(id: string): DeletedCell | null {
		if (!this.doc || this.readOnly) return null;
		const cells = this.doc.cells;
		const deleted = deletedCell($state.snapshot(this.doc) as Notebook, id);
		this.edit((d) => deleteCell(d, id));
		if (this.selected === id) this.selected = cells[deleted.at + 1]?.id ?? cells[deleted.at - 1]?.id ?? null;
		return deleted;
	}

	/** Undo of `deleteCell`: the cell comes back at its place, with its params, and is selected. */
	restoreCell(deleted: DeletedCell): boolean {
		if (!this.doc || this.readOnly) return false;
		this.edit((d) => restoreCell(d, deleted));
		this.selected = deleted.cell.id;
		return true;
	}

	/** Duplicates a cell; its definition may change the copy's params (a SQL copy gets its own result name). */
	duplicateCell(id: string): string {
		const copyId = newId('c_');
		this.edit((d) => duplicateCell(d, id, copyId));
		const copy = this.doc?.cells.find((c) => c.id === copyId);
		const change = copy ? copyParams(copy, { source: '', freeName: (prefix) => uniqueName(prefix, this.usedNames()) }) : {};
		if (Object.keys(change).length) this.updateParams(copyId, change);
		this.selected = copyId;
		return copyId;
	}

	moveCell(id: string, delta: number): void {
		this.edit((d) => moveCell(d, id, delta));
	}

	renameCell(id: string, title: string): void {
		this.edit((d) => renameCell(d, id, title));
	}

	toggleCollapsed(id: string): void {
		const cell = this.doc?.cells.find((c) => c.id === id);
		if (cell) this.edit((d) => setCollapsed(d, id, !cell.collapsed));
	}

	updateParams(id: string, change: Record<string, unknown>): void {
		this.edit((d) => updateParams(d, id, change));
	}

	/** Moves the selection by `delta` cells; returns the newly selected id. */
	selectNext(delta: number): string | null {
		const cells = this.doc?.cells ?? [];
		const at = cells.findIndex((c) => c.id === this.selected);
		const next = cells[Math.max(0, Math.min(cells.length - 1, at + delta))];
		this.selected = next?.id ?? null;
		return this.selected;
	}

	/** Names already produced by this notebook's cells (to keep new names unique). */
	usedNames(): string[] {
		return (this.doc?.cells ?? []).flatMap((c) => cellWrites(c.type, c.params));
	}

	/** Forgets everything ("Delete all local data", here or in another tab). */
	reset(): void {
		this.#lock.release();
		this.readOnly = false;
		this.doc = null;
		this.notebooks = [];
		this.selected = null;
		this.generation++;
	}
}
