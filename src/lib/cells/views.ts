/**
 * Each cell type's view, beside its definition (index.ts). Only the notebook
 * view imports this file, and the page imports the notebook view when a
 * notebook opens: the welcome screen carries no cell's code.
 */
import type { Component } from 'svelte';
import type { CellType, ParamsOf } from './definitions';
import type { CellView, CellViewProps } from './types';
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
import DashboardCell from './dashboard/DashboardCell.svelte';
import RecommendCell from './recommend/RecommendCell.svelte';
import ValueCell from './value/ValueCell.svelte';
import SurvivalCell from './survival/SurvivalCell.svelte';
import PrivacyCell from './privacy/PrivacyCell.svelte';

/** Each cell type's view, typed by its params: a view for other params does not compile here. */
export const CELL_VIEWS: { [K in CellType]: CellView<ParamsOf<K>> } = {
	markdown: MarkdownCell,
	data: DataCell,
	sql: SqlCell,
	profile: ProfileCell,
	chart: ChartCell,
	churn: ChurnCell,
	segments: SegmentsCell,
	rfm: RfmCell,
	predict: PredictCell,
	text: TextCell,
	dashboard: DashboardCell,
	recommend: RecommendCell,
	value: ValueCell,
	survival: SurvivalCell,
	privacy: PrivacyCell
};

/**
 * The view of a cell of `type`, for the notebook page, which holds cells of
 * every type with untyped params: the one place their types are loosened.
 * The validator read those params against the same type's schema, so the
 * view gets what it declares.
 */
export function viewOf(type: CellType): Component<CellViewProps<Record<string, unknown>>> {
	return CELL_VIEWS[type] as unknown as Component<CellViewProps<Record<string, unknown>>>;
}

