/**
 * The open notebook and the list of notebooks, with every user action on
 * them. Each edit is a pure op from `$lib/notebook`; every change is saved to
 * IndexedDB at once (coalesced while a save is in flight).
 */
import {
	addCell,
	deleteCell,
	distrust,
	duplicateCell,
	emptyNotebook,
	moveCell,
	newId,
	parseNotebook,
	renameCell,
	renameNotebook,
	serializeNotebook,
	setCollapsed,
	trust,
	updateParams,
	type Notebook,
	type NotebookCell,
	type NotebookSummary
} from '$lib/notebook';
import { CELL_DEFINITIONS, checkCell, cellWrites, type CellType, type ParamsOf } from '$lib/cells';
import * as store from '$lib/storage/notebooks';
import { T } from '$lib/ui/messages';

/** A new cell of `type`: the type's defaults overridden by `params`. */
export function makeCell<K extends CellType>(type: K, params: Partial<ParamsOf<K>> = {}): NotebookCell {
	return { id: newId('c_'), type, title: '', collapsed: false, params: { ...CELL_DEFINITIONS[type].defaults(), ...params } };
}

/** `prefix` followed by the smallest number not taken (case-insensitive, as DuckDB names are). */
export function uniqueName(prefix: string, taken: string[]): string {
	const lower = new Set(taken.map((t) => t.toLowerCase()));
	let n = 1;
	while (lower.has(`${prefix}${n}`.toLowerCase())) n++;
	return `${prefix}${n}`;
}

export class Workbench {
	doc = $state<Notebook | null>(null);
	notebooks = $state<NotebookSummary[]>([]);
	/** Id of the selected cell (keyboard navigation, insertion point). */
	selected = $state<string | null>(null);
	/** Bumped when a different notebook is opened, so its cells mount afresh and run. */
	generation = $state(0);
	loaded = $state(false);

	#saving = false;
	#dirty = false;

	async start(): Promise<void> {
		this.notebooks = await store.listNotebooks();
		const last = await store.getLastOpen();
		const id = last && this.notebooks.some((n) => n.id === last) ? last : this.notebooks[0]?.id;
		if (id) await this.open(id);
		this.loaded = true;
	}

	/** Replaces the open document and saves it. */
	edit(change: (doc: Notebook) => Notebook): void {
		if (!this.doc) return;
		this.doc = change(this.doc);
		void this.save();
	}

	async save(): Promise<void> {
		if (!this.doc) return;
		if (this.#saving) {
			this.#dirty = true;
			return;
		}
		this.#saving = true;
		try {
			do {
				this.#dirty = false;
				await store.saveNotebook(this.doc);
			} while (this.#dirty);
			this.notebooks = await store.listNotebooks();
		} finally {
			this.#saving = false;
		}
	}

	/** Saves `doc` and makes it the open notebook: stored first, so a reload at once reopens it as shown. */
	async show(doc: Notebook): Promise<void> {
		await store.saveNotebook(doc);
		await store.setLastOpen(doc.id);
		this.doc = doc;
		this.selected = doc.cells[0]?.id ?? null;
		this.generation++;
		this.notebooks = await store.listNotebooks();
	}

	async open(id: string): Promise<void> {
		const doc = await store.loadNotebook(id);
		if (doc) await this.show(doc);
	}

	async create(title: string = T.untitled): Promise<Notebook> {
		const doc = emptyNotebook(title);
		await this.show(doc);
		return doc;
	}

	rename(title: string): void {
		this.edit((d) => renameNotebook(d, title));
	}

	async renameOther(id: string, title: string): Promise<void> {
		if (this.doc?.id === id) return this.rename(title);
		const doc = await store.loadNotebook(id);
		if (doc) await store.saveNotebook(renameNotebook(doc, title));
		this.notebooks = await store.listNotebooks();
	}

	async remove(id: string): Promise<void> {
		await store.deleteNotebook(id);
		this.notebooks = await store.listNotebooks();
		if (this.doc?.id === id) {
			this.doc = null;
			if (this.notebooks[0]) await this.open(this.notebooks[0].id);
		}
	}

	/**
	 * Opens an exported notebook file, untrusted: its cells show but none runs
	 * until the user trusts it. A bad file throws a worded error and changes nothing.
	 */
	async importFile(text: string): Promise<Notebook> {
		const parsed = distrust(parseNotebook(text, checkCell));
		// A file opened twice becomes a second notebook rather than overwriting the first.
		const doc = this.notebooks.some((n) => n.id === parsed.id) ? { ...parsed, id: newId('nb_') } : parsed;
		await this.show(doc);
		return doc;
	}

	/** True when the open notebook may run its cells by itself (opening, re-runs). */
	get trusted(): boolean {
		return !this.doc?.untrusted;
	}

	/** The user trusts the open notebook (it came from a file): from now on it runs like any other. */
	trust(): void {
		if (this.doc?.untrusted) this.edit(trust);
	}

	exportText(): string {
		if (!this.doc) throw new Error('No notebook is open.');
		return serializeNotebook($state.snapshot(this.doc) as Notebook);
	}

	/** Opens a new notebook made of `cells` (the demo, templates). */
	async createWith(title: string, cells: NotebookCell[]): Promise<Notebook> {
		const doc = { ...emptyNotebook(title), cells };
		await this.show(doc);
		return doc;
	}

	/** Adds a cell of `type` after the selected one (or at the end) and selects it. */
	addCell<K extends CellType>(type: K, params: Partial<ParamsOf<K>> = {}): NotebookCell {
		const cell = makeCell(type, params);
		const at = this.doc && this.selected ? this.doc.cells.findIndex((c) => c.id === this.selected) + 1 : undefined;
		this.edit((d) => addCell(d, cell, at && at > 0 ? at : d.cells.length));
		this.selected = cell.id;
		return cell;
	}

	deleteCell(id: string): void {
		const cells = this.doc?.cells ?? [];
		const at = cells.findIndex((c) => c.id === id);
		this.edit((d) => deleteCell(d, id));
		if (this.selected === id) this.selected = cells[at + 1]?.id ?? cells[at - 1]?.id ?? null;
	}

	/** Duplicates a cell; a SQL copy gets its own result name so the two never overwrite one view. */
	duplicateCell(id: string): string {
		const copyId = newId('c_');
		this.edit((d) => duplicateCell(d, id, copyId));
		const copy = this.doc?.cells.find((c) => c.id === copyId);
		if (copy?.type === 'sql') {
			const view = String(copy.params.view || 'q');
			this.updateParams(copyId, { view: uniqueName(`${view}_`, this.usedNames()) });
		}
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

	/** Forgets everything after "Delete all local data". */
	reset(): void {
		this.doc = null;
		this.notebooks = [];
		this.selected = null;
		this.generation++;
	}
}
