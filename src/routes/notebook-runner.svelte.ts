/**
 * Runs a notebook's cells: all of them one at a time on opening and for "Run
 * all" (tables, then the views over them, then results: see `runOrder`), a
 * single cell on request, and re-runs of the cells that read a table or view
 * whenever it changes (a reloaded file, an edited query).
 */
import { cellReads, offeredBy } from '$lib/cells/definitions';
import { runOrder } from '$lib/cells/run-order';
import type { NotebookCell, OfferKind, Offered } from '$lib/notebook';

export type CellStatus = 'idle' | 'running' | 'done' | 'error';

export class NotebookRunner {
	/** Per-cell state shown in each cell header. */
	status = $state<Record<string, CellStatus>>({});
	/** Tables and views DuckDB knows now (for the table pickers). */
	relations = $state<string[]>([]);

	#runs = new Map<string, () => Promise<void>>();
	#reportedReads = new Map<string, string[]>();
	#runningAll = false;
	#cells: () => NotebookCell[];
	#listRelations: () => Promise<string[]>;
	#trusted: () => boolean;
	#ran: (cellId: string) => void;

	/**
	 * @param trusted false while the notebook came from a file and the user has
	 * not trusted it: then nothing runs by itself (no re-runs of readers), only
	 * what the user runs by hand
	 * @param ran told of each run that ended well (the record of processing notes it)
	 */
	constructor(cells: () => NotebookCell[], listRelations: () => Promise<string[]>, trusted: () => boolean = () => true, ran: (cellId: string) => void = () => {}) {
		this.#cells = cells;
		this.#listRelations = listRelations;
		this.#trusted = trusted;
		this.#ran = ran;
	}

	/** What the notebook's cells offer of `kind` (see `CellDefinition.offers`). */
	offered<K extends OfferKind>(kind: K): Offered<K>[] {
		return offeredBy(this.#cells(), kind);
	}

	register(cellId: string, run: () => Promise<void>): void {
		this.#runs.set(cellId, run);
	}

	forget(cellId: string): void {
		this.#runs.delete(cellId);
		this.#reportedReads.delete(cellId);
		delete this.status[cellId];
	}

	reportReads(cellId: string, reads: string[]): void {
		this.#reportedReads.set(cellId, reads.map((r) => r.toLowerCase()));
	}

	async run(cellId: string): Promise<void> {
		const run = this.#runs.get(cellId);
		if (!run) return;
		this.status[cellId] = 'running';
		try {
			await run();
			this.status[cellId] = 'done';
			this.#ran(cellId);
		} catch {
			// Cells show their own errors; the runner only records the outcome.
			this.status[cellId] = 'error';
		}
	}

	/**
	 * Runs every cell once, each after the cells that write what it reads (see
	 * `runOrder`); changes made meanwhile do not trigger extra re-runs.
	 */
	async runAll(): Promise<void> {
		this.#runningAll = true;
		try {
			for (const cell of runOrder(this.#cells())) await this.run(cell.id);
		} finally {
			this.#runningAll = false;
			await this.refreshRelations();
		}
	}

	/** A cell changed `relation`: re-run, in order, the other cells that read it. */
	async touched(relation: string, sourceId: string): Promise<void> {
		await this.refreshRelations();
		if (this.#runningAll || !this.#trusted()) return;
		const name = relation.toLowerCase();
		for (const cell of this.#cells()) {
			if (cell.id === sourceId) continue;
			// What a query read on its last run is exact; one that has not run yet (or failed for want of
			// this table) has only its text to go by. Text alone never re-runs a query that ran, so two
			// queries naming each other in comments cannot re-run each other for ever.
			const reported = this.#reportedReads.get(cell.id);
			const reads = [...cellReads(cell.type, cell.params, reported ? [] : [relation]), ...(reported ?? [])];
			if (reads.some((r) => r.toLowerCase() === name)) await this.run(cell.id);
		}
	}

	async refreshRelations(): Promise<void> {
		try {
			this.relations = await this.#listRelations();
		} catch {
			// DuckDB not started yet: the pickers stay as they are.
		}
	}
}
