/**
 * The cell registry: one line per cell type, pairing its definition with its
 * view. A new cell type (churn, segments, sentiment, …) plugs in here.
 */
import type { Component } from 'svelte';
import { CELL_DEFINITIONS, type CellType } from './definitions';
import ChartCell from './chart/ChartCell.svelte';
import ChurnCell from './churn/ChurnCell.svelte';
import SegmentsCell from './segments/SegmentsCell.svelte';
import RfmCell from './rfm/RfmCell.svelte';
import PredictCell from './predict/PredictCell.svelte';
import DataCell from './data/DataCell.svelte';
import MarkdownCell from './markdown/MarkdownCell.svelte';
import ProfileCell from './profile/ProfileCell.svelte';
import SqlCell from './sql/SqlCell.svelte';
import TextCell from './text/TextCell.svelte';

// Views take their cell's params; the notebook passes them untyped, so the map is loosely typed here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyCellView = Component<any>;

export const CELL_VIEWS: Record<CellType, AnyCellView> = {
	markdown: MarkdownCell,
	data: DataCell,
	sql: SqlCell,
	profile: ProfileCell,
	chart: ChartCell,
	churn: ChurnCell,
	segments: SegmentsCell,
	rfm: RfmCell,
	predict: PredictCell,
	text: TextCell
};

export { CELL_DEFINITIONS, cellDefaults, checkCell, cellKeeps, cellPhase, cellReads, cellWrites, isCellType, startParams } from './definitions';
export type { CellType, ParamsOf } from './definitions';
export type { CellDefinition, CellKeeps, CellPhase, CellViewProps } from './types';
export { defaultSource } from './default-source';
export { combine, exclusive, holdingsOf, needsOf, type Holdings } from './holdings';
export { runOrder } from './run-order';
