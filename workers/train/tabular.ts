/**
 * Tabular jobs in the training worker: decode the transferred Arrow table,
 * run the trainer (the same one `npm run evaluate` runs), and score tables
 * with a fitted model.
 */
import { tableFromIPC } from 'apache-arrow';
import { modelOf, type ModelState, type ThreadPool } from '../../models';
import { buildFeatures, decodeState } from '../../models/shared';
import { trainTabular, isEnsemble, predictAny, type TabularResult } from '../../models/auto';
import type { ArrowTableBytes, ScoreResult, TabularJob, TabularProgress } from './api';
import { rawColumnsFromArrow } from './arrow-columns';
import { trainError } from './errors';
import { TW } from './train-words';

export function columnsOf(table: ArrowTableBytes) {
	if (!(table?.ipc instanceof Uint8Array)) throw trainError('invalid table: expected Arrow IPC bytes');
	return rawColumnsFromArrow(tableFromIPC(table.ipc));
}

export async function runTabular(job: TabularJob, signal: AbortSignal, onProgress?: (p: TabularProgress) => void, threads?: ThreadPool): Promise<TabularResult> {
	const raw = columnsOf(job.table);
	return trainTabular(raw, job.request, {
		signal,
		threads,
		progress: (p) => onProgress?.({ jobId: job.jobId, ...p })
	});
}

/** A model file or saved state back into a state; a wrong or damaged one is refused in words. */
export function loadState(encoded: unknown): ModelState {
	let state: ModelState;
	try {
		state = decodeState<ModelState>(encoded);
	} catch {
		throw trainError(TW.damaged);
	}
	if (!state || typeof state !== 'object' || typeof state.kind !== 'string' || !Array.isArray(state.features) || !Array.isArray(state.classes)) {
		throw trainError(TW.notAModel);
	}
	if (!isEnsemble(state)) modelOf(state.kind); // throws "invalid model kind" for an unknown kind
	return state;
}

/** Probabilities for every row of `table`, checking that the model's columns are there with the right kind. */
export async function scoreTable(table: ArrowTableBytes, encoded: unknown): Promise<ScoreResult> {
	const state = loadState(encoded);
	const raw = columnsOf(table);
	const missing = state.features.filter((f) => !raw.some((c) => c.name === f.name)).map((f) => f.name);
	if (missing.length) {
		throw trainError(TW.missingColumns(missing));
	}
	const mistyped = state.features.filter((f) => f.kind === 'numeric' && raw.find((c) => c.name === f.name)?.type !== 'numeric');
	if (mistyped.length) {
		throw trainError(TW.textNotNumbers(mistyped.map((f) => f.name)));
	}
	const X = buildFeatures(raw, state.features);
	const prediction = await predictAny(state, X);
	return { classes: prediction.classes, probabilities: prediction.probabilities, rows: X.rows };
}
