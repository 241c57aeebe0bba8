/**
 * The cell registry without views: one line per cell type. Keys are persisted
 * in notebooks; never rename one (add a migration in notebook/serialize.ts).
 */
import type { CellCheck } from '$lib/notebook';
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

/** Relations a cell reads or writes, by its registry definition. */
export function cellReads(type: string, params: object): string[] {
	return isCellType(type) ? (CELL_DEFINITIONS[type].reads as (p: object) => string[])(params) : [];
}

export function cellWrites(type: string, params: object): string[] {
	return isCellType(type) ? (CELL_DEFINITIONS[type].writes as (p: object) => string[])(params) : [];
}
