/**
 * The cell registry without views: one line per cell type. Keys are persisted
 * in notebooks; never rename one (add a migration in notebook/serialize.ts).
 */
import type { CellCheck, CellDefaults } from '$lib/notebook';
import type { CellKeeps, CellPhase } from './types';
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
	text: textCell
} as const;

export type CellType = keyof typeof CELL_DEFINITIONS;

/** Params of cell type `K`, derived from the registry. */
export type ParamsOf<K extends CellType> = ReturnType<(typeof CELL_DEFINITIONS)[K]['defaults']>;

export function isCellType(type: string): type is CellType {
	return Object.hasOwn(CELL_DEFINITIONS, type);
}

/** Validates a saved cell against the registry (used when opening notebook files). */
export const checkCell: CellCheck = (type, params) => {
	if (!isCellType(type)) return `unknown cell type "${type}"`;
	return CELL_DEFINITIONS[type].check(params);
};

/** A cell type's default params, for documents written before a parameter existed. */
export const cellDefaults: CellDefaults = (type) => (isCellType(type) ? (CELL_DEFINITIONS[type].defaults() as unknown as Record<string, unknown>) : null);

/**
 * Relations a cell reads or writes, by its registry definition. `known`: names
 * to ask a SQL cell about, whose reads are otherwise known only after it ran.
 */
export function cellReads(type: string, params: object, known?: string[]): string[] {
	return isCellType(type) ? (CELL_DEFINITIONS[type].reads as (p: object, known?: string[]) => string[])(params, known) : [];
}

export function cellWrites(type: string, params: object): string[] {
	return isCellType(type) ? (CELL_DEFINITIONS[type].writes as (p: object) => string[])(params) : [];
}

/** When a cell runs on opening its notebook (see `CellDefinition.phase`). */
export function cellPhase(type: string): CellPhase {
	return (isCellType(type) && (CELL_DEFINITIONS[type] as { phase?: CellPhase }).phase) || 'analyse';
}

/** Keys of what a cell keeps in browser storage, by its registry definition. */
export function cellKeeps(type: string, params: object): Required<CellKeeps> {
	const keeps = isCellType(type) ? (CELL_DEFINITIONS[type] as { keeps?: (p: object) => CellKeeps }).keeps?.(params) : undefined;
	return { files: keeps?.files ?? [], results: keeps?.results ?? [] };
}

/** Params of a new cell of `type` reading `source` ('' = none: the type's defaults). */
export function startParams(type: CellType, source: string): Record<string, unknown> {
	const startFrom = (CELL_DEFINITIONS[type] as { startFrom?: (s: string) => Record<string, unknown> }).startFrom;
	return source && startFrom ? startFrom(source) : {};
}
