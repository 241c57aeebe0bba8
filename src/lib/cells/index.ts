/**
 * The cell registry: each cell type's definition (definitions.ts); its view
 * is registered beside it in views.ts, which only the notebook view imports,
 * so the welcome screen loads no cell's code. A new cell type (churn,
 * segments, sentiment, …) plugs in at those two places.
 */
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
