/**
 * One customer at a time, in the training worker: what-if scoring, LIME,
 * counterfactual search over actionable columns, and partial dependence on
 * the model's background sample. Customers arrive as plain values (no table
 * transfer needed for a single row).
 */
import type { Features, ModelState } from '../../models';
import { buildFeatures, type RawColumn, decodeState } from '../../models/shared';
import { predictAny } from '../../models/auto';
import { limeExplain, partialDependence, searchCounterfactuals, type Predictor } from '../../models/explain';
import type { CustomerJob, CustomerValues, TabularProgress } from './api';
import { loadState } from './tabular';
import { trainError } from './errors';
import { TW } from './train-words';

/** Churn probability (last class) of every row. */
function predictorOf(state: ModelState): Predictor {
	return async (X: Features) => {
		const p = await predictAny(state, X);
		const k = p.classes.length;
		return Float64Array.from({ length: X.rows }, (_, r) => p.probabilities[r * k + k - 1]);
	};
}

/** One customer as model features; values are read as the model's column kinds. */
export function customerFeatures(state: ModelState, customer: CustomerValues): Features {
	const raw: RawColumn[] = state.features.map((f) => {
		const v = customer[f.name];
		if (v === undefined) throw trainError(TW.noValue(f.name));
		if (f.kind === 'numeric') return { name: f.name, type: 'numeric', values: Float64Array.of(v === null || v === '' ? NaN : Number(v)) };
		return { name: f.name, type: 'text', values: [v === null ? null : String(v)] };
	});
	return buildFeatures(raw, state.features);
}

function background(job: { background: unknown }): Features {
	if (!job.background) throw trainError(TW.noBackground);
	return decodeState<Features>(job.background);
}

/** Numeric candidates for counterfactuals: quantiles of the background; categorical: the model's levels. */
function candidatesOf(state: ModelState, bg: Features, actionable: string[]): Record<string, (number | string)[]> {
	const out: Record<string, (number | string)[]> = {};
	for (const name of actionable) {
		const at = state.features.findIndex((f) => f.name === name);
		if (at < 0) throw trainError(`"${name}" is not one of the model's columns.`);
		const f = state.features[at];
		const column = bg.columns[at];
		if (f.kind === 'categorical') out[name] = [...(f.levels ?? [])];
		else if (column.kind === 'numeric') {
			const sorted = Array.from(column.values).filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
			out[name] = [...new Set([0.05, 0.25, 0.5, 0.75, 0.95].map((q) => sorted[Math.floor(q * (sorted.length - 1))]))];
		}
	}
	return out;
}

export async function whatIf(job: CustomerJob & { changes: CustomerValues }): Promise<number> {
	const state = loadState(job.state);
	const [p] = await predictorOf(state)(customerFeatures(state, { ...job.customer, ...job.changes }));
	return p;
}

export async function lime(job: CustomerJob & { seed: number }, signal: AbortSignal) {
	const state = loadState(job.state);
	return limeExplain(predictorOf(state), customerFeatures(state, job.customer), background(job), { seed: job.seed, signal });
}

export async function counterfactuals(job: CustomerJob & { actionable: string[]; target: number }, signal: AbortSignal) {
	const state = loadState(job.state);
	const seen = background(job);
	const candidates = candidatesOf(state, seen, job.actionable);
	// Up to four changes: a retention offer often bundles contract, billing and a service or two.
	// The background customers say which values go together (no DSL with "No internet service").
	return searchCounterfactuals(predictorOf(state), customerFeatures(state, job.customer), { actionable: job.actionable, target: job.target, candidates, maxChanges: 4, seen, signal });
}

export async function dependence(
	job: Omit<CustomerJob, 'customer'> & { feature: string },
	signal: AbortSignal,
	onProgress?: (p: TabularProgress) => void
) {
	const state = loadState(job.state);
	const at = state.features.findIndex((f) => f.name === job.feature);
	if (at < 0) throw trainError(`"${job.feature}" is not one of the model's columns.`);
	return partialDependence(predictorOf(state), background(job), at, {
		signal,
		progress: (fraction) => onProgress?.({ jobId: job.jobId, stage: TW.partialDependence, fraction })
	});
}
