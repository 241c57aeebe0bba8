/**
 * The cell registry: one line per cell type, pairing its definition with its
 * view. A new cell type (churn, segments, sentiment, …) plugs in here.
 */
import type { Component } from 'svelte';
import type { CellType, ParamsOf } from './definitions';
import type { CellView, CellViewProps } from './types';

/** A cell type's view module, loaded when a cell of that type is first shown. */
type ViewModule<K extends CellType> = Promise<{ default: CellView<ParamsOf<K>> }>;

/**
 * Each cell type's view, typed by its params (a view for other params does not compile here),
 * loaded on demand: the welcome screen loads none, a notebook only the views it shows.
 */
export const CELL_VIEWS: { [K in CellType]: () => ViewModule<K> } = {
	markdown: () => import('./markdown/MarkdownCell.svelte'),
	data: () => import('./data/DataCell.svelte'),
	sql: () => import('./sql/SqlCell.svelte'),
	profile: () => import('./profile/ProfileCell.svelte'),
	chart: () => import('./chart/ChartCell.svelte'),
	churn: () => import('./churn/ChurnCell.svelte'),
	segments: () => import('./segments/SegmentsCell.svelte'),
	rfm: () => import('./rfm/RfmCell.svelte'),
	predict: () => import('./predict/PredictCell.svelte'),
	text: () => import('./text/TextCell.svelte'),
	dashboard: () => import('./dashboard/DashboardCell.svelte'),
	recommend: () => import('./recommend/RecommendCell.svelte'),
	value: () => import('./value/ValueCell.svelte'),
	survival: () => import('./survival/SurvivalCell.svelte'),
	privacy: () => import('./privacy/PrivacyCell.svelte')
};

/** The view the notebook page renders: it holds cells of every type with untyped params. */
export type AnyCellView = Component<CellViewProps<Record<string, unknown>>>;

const views = new Map<CellType, Promise<AnyCellView>>();

/**
 * The view of a cell of `type`, loaded once: the one place the params' types are loosened (the
 * validator read them against the same type's schema, so the view gets what it declares).
 */
export function viewOf(type: CellType): Promise<AnyCellView> {
	let view = views.get(type);
	if (!view) {
		view = CELL_VIEWS[type]().then((module) => module.default as unknown as AnyCellView);
		// A failed load (the offline copy not ready yet) may be tried again.
		view.catch(() => views.delete(type));
		views.set(type, view);
	}
	return view;
}

export {
	CELL_DEFINITIONS,
	addEntries,
	cellFromFile,
	cellKeeps,
	cellLabel,
	cellPhase,
	cellProcessing,
	cellReads,
	cellRuns,
	cellSchemas,
	cellWrites,
	copyParams,
	definitionOf,
	isCellType,
	newCell,
	offeredBy,
	startParams
} from './definitions';
export type { CellType, ParamsOf } from './definitions';
export type { AddEntry, CellDefinition, CellKeeps, CellPhase, CellView, CellViewProps, StartContext } from './types';
export { defaultSource, notebookSources } from './default-source';
export { combine, exclusive, holdingsOf, keptFileName, needsOf, type Holdings } from './holdings';
export { runOrder } from './run-order';
export { churnDemoCells } from './demo';
export { notebookActions, type CellAction } from './actions';
