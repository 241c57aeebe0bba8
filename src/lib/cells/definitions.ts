/**
 * The cell registry without views: one line per cell type. Keys are persisted
 * in notebooks; never rename one (add a migration in notebook/serialize.ts).
 */
import { newId, type CellSchemas, type NotebookCell, type OfferKind, type Offered } from '$lib/notebook';
import type { CellDefinition, CellKeeps, CellPhase, StartContext } from './types';
import { chartCell } from './chart';
import { churnCell } from './churn';
import { segmentsCell } from './segments';
import { rfmCell } from './rfm';
import { predictCell } from './predict';
import { dataCell } from './data';
import { markdownCell } from './markdown';
import { profileCell } from './profile';
import { sqlCell } from './sql';
import { textCell } from './text';
import { dashboardCell } from './dashboard';
import { recommendCell } from './recommend';
import { valueCell } from './value';
import { survivalCell } from './survival';
import { privacyCell } from './privacy';

export const CELL_DEFINITIONS = {
	markdown: markdownCell,
	data: dataCell,
	sql: sqlCell,
	profile: profileCell,
	chart: chartCell,
	churn: churnCell,
	segments: segmentsCell,
	rfm: rfmCell,
	predict: predictCell,
	text: textCell,
	dashboard: dashboardCell,
	recommend: recommendCell,
	value: valueCell,
	survival: survivalCell,
	privacy: privacyCell
} as const;

export type CellType = keyof typeof CELL_DEFINITIONS;

/** Params of cell type `K`, derived from the registry. */
export type ParamsOf<K extends CellType> = ReturnType<(typeof CELL_DEFINITIONS)[K]['defaults']>;

/** Every definition, without its params' type (what code looping over types sees). */
type AnyDefinition = CellDefinition<Record<string, unknown>>;

export function isCellType(type: string): type is CellType {
	return Object.hasOwn(CELL_DEFINITIONS, type);
}

/** Definition of `type`, params untyped; null for a type this version does not know. */
export function definitionOf(type: string): AnyDefinition | null {
	// Each definition's functions take its own params; called on a cell of its type, they get them.
	return isCellType(type) ? (CELL_DEFINITIONS[type] as unknown as AnyDefinition) : null;
}

/** The param schema of a cell type, for the document validator (`$lib/notebook`, which knows no cell). */
export const cellSchemas: CellSchemas = (type) => definitionOf(type)?.params ?? null;

/** The name of a cell type in menus and cell titles (an unknown type shows as itself). */
export function cellLabel(type: string): string {
	return definitionOf(type)?.label() ?? type;
}

/** The add bar: each cell type that offers a button, in order. */
export function addEntries(): { type: CellType; text: string; picksFiles: boolean }[] {
	return (Object.keys(CELL_DEFINITIONS) as CellType[])
		.map((type) => ({ type, def: definitionOf(type)! }))
		.filter(({ def }) => def.add)
		.sort((a, b) => a.def.add!.order - b.def.add!.order)
		.map(({ type, def }) => ({ type, text: def.add!.text(), picksFiles: Boolean(def.fromFile) }));
}

/** A new cell of `type`: the type's defaults overridden by `params`. */
export function newCell<K extends CellType>(type: K, params: Partial<ParamsOf<K>> = {}): NotebookCell {
	return { id: newId('c_'), type, title: '', collapsed: false, params: { ...CELL_DEFINITIONS[type].defaults(), ...params } };
}

/** Params of a new cell of `type` added to a notebook (over its defaults), from what is around it. */
export function startParams(type: CellType, ctx: StartContext): Record<string, unknown> {
	return definitionOf(type)!.start?.(ctx) ?? {};
}

/** Params a copy of a cell changes (its own result name), none for most types. */
export function copyParams(cell: NotebookCell, ctx: StartContext): Record<string, unknown> {
	return definitionOf(cell.type)?.copy?.(cell.params, ctx) ?? {};
}

/** The cell type that reads a file dropped or picked, and its params for `file` (the data cell). */
export function cellFromFile(file: { fileKey: string; fileName: string; table: string }): { type: CellType; params: Record<string, unknown> } {
	const type = (Object.keys(CELL_DEFINITIONS) as CellType[]).find((t) => definitionOf(t)!.fromFile);
	if (!type) throw new Error('No cell type reads files.');
	return { type, params: definitionOf(type)!.fromFile!(file) };
}

/** Whether a cell of `type` runs (Markdown only shows its text): added, restored, or before trust. */
export function cellRuns(type: string): boolean {
	return definitionOf(type)?.runs ?? true;
}

/**
 * Relations a cell reads or writes, by its registry definition. `known`: names
 * to ask a SQL cell about, whose reads are otherwise known only after it ran.
 */
export function cellReads(type: string, params: object, known?: string[]): string[] {
	return definitionOf(type)?.reads(params as Record<string, unknown>, known) ?? [];
}

export function cellWrites(type: string, params: object): string[] {
	return definitionOf(type)?.writes(params as Record<string, unknown>) ?? [];
}

/** When a cell runs on opening its notebook (see `CellDefinition.phase`). */
export function cellPhase(type: string): CellPhase {
	return definitionOf(type)?.phase ?? 'analyse';
}

/** Keys of what a cell keeps in browser storage, by its registry definition. */
export function cellKeeps(type: string, params: object): Required<CellKeeps> {
	const keeps = definitionOf(type)?.keeps?.(params as Record<string, unknown>);
	return { files: keeps?.files ?? [], results: keeps?.results ?? [] };
}

/** What the cells of a notebook offer of `kind` (a churn model…), in notebook order, each named by its cell's title. */
export function offeredBy<K extends OfferKind>(cells: NotebookCell[], kind: K): Offered<K>[] {
	return cells.flatMap((cell) => {
		const value = definitionOf(cell.type)?.offers?.(cell.params)[kind];
		return value ? [{ cellId: cell.id, title: cell.title || cellLabel(cell.type), value: value as Offered<K>['value'] }] : [];
	});
}

/** What a run of a cell of `type` is in the record of processing (see `CellDefinition.processing`); null = not recorded. */
export function cellProcessing(type: string): 'dataset' | 'transformation' | 'model' | null {
	return definitionOf(type)?.processing ?? null;
}
