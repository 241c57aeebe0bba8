/**
 * Explanations in the training worker: SHAP values of a table's customers
 * with a fitted model, turned into the probability view the charts draw,
 * plus each customer's top reasons in words.
 */
import type { Features, ThreadPool } from '../../models';
import { buildFeatures, decodeState } from '../../models/shared';
import { explainShap, formatReason, topReasons, toProbabilityView } from '../../models/explain';
import type { ArrowTableBytes, ExplainData, ExplainJob, ExplainResult, TabularProgress } from './api';
import { columnsOf, loadState } from './tabular';

/** Each column's values per row as the views show them. */
function featureValues(X: Features): (number | string | null)[][] {
	return X.columns.map((c) =>
		c.kind === 'numeric'
			? Array.from(c.values, (v) => (Number.isNaN(v) ? null : v))
			: Array.from(c.codes, (code) => (code < 0 ? null : (c.levels[code] ?? null)))
	);
}

/** Seconds left at `fraction` done, from the pace so far (none until there is a pace to go by). */
function timeLeftS(started: number, fraction: number): number | undefined {
	if (fraction <= 0.02) return undefined;
	return ((performance.now() - started) / 1000 / fraction) * (1 - fraction);
}

export async function explainTable(job: ExplainJob, signal: AbortSignal, onProgress?: (p: TabularProgress) => void, threads?: ThreadPool): Promise<ExplainResult> {
	const state = loadState(job.state);
	const raw = columnsOf(job.table as ArrowTableBytes);
	const X = buildFeatures(raw, state.features, job.rows ? Int32Array.from(job.rows) : undefined);
	const background = job.background ? decodeState<Features>(job.background) : undefined;
	const started = performance.now();
	const shap = await explainShap(state, X, {
		background,
		backgroundSize: job.backgroundSize,
		samples: job.samples,
		seed: 42,
		signal,
		threads,
		progress: (fraction) => onProgress?.({ jobId: job.jobId, stage: 'Explaining', fraction, etaS: timeLeftS(started, fraction) })
	});
	const view = shap.space === 'log-odds' ? toProbabilityView(shap) : shap;
	const data: ExplainData = {
		features: view.features,
		values: Array.from(view.values),
		base: view.base,
		outputs: Array.from(view.outputs),
		rows: view.rows,
		featureValues: featureValues(X),
		kinds: X.columns.map((c) => c.kind),
		method: shap.method
	};
	if (!job.reasons) return { data };
	return { data, reasons: topReasons(shap, X, 3).map((row) => row.map(formatReason)) };
}
