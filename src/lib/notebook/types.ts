/**
 * The notebook document: plain JSON, saved in IndexedDB and exported as a
 * `.json` file. Outputs (tables, views, fitted models) are recomputed from the
 * cells, never inlined, so a document stays small.
 */

import type { ProcessingRecord } from './record';

/** Bumped whenever the document shape changes; `serialize.ts` migrates older files. */
export const NOTEBOOK_VERSION = 1;

/** One cell: `type` is a key of the cell registry (`src/lib/cells/index.ts`) and is persisted. */
export interface NotebookCell<T extends string = string, P = Record<string, unknown>> {
	id: string;
	type: T;
	/** Name shown in the cell header; empty means the type's label. */
	title: string;
	collapsed: boolean;
	params: P;
}

export interface Notebook {
	version: number;
	id: string;
	title: string;
	cells: NotebookCell[];
	/**
	 * Set on a notebook opened from a file: nothing in it runs until the user
	 * says so (as Jupyter does for untrusted notebooks). Kept in this browser
	 * only; an exported file never carries it, and an imported one always gets it.
	 */
	untrusted?: true;
	/** What the notebook did with data (see `record.ts`); absent until its first step. */
	record?: ProcessingRecord;
}

/** What the notebook list shows without loading every document. */
export interface NotebookSummary {
	id: string;
	title: string;
	cellCount: number;
	/** Milliseconds since epoch of the last save (a number, not a Date, to stay plain JSON). */
	updatedAt: number;
}
