/**
 * The whole churn-timing job the survival cell and `evaluate survival` run:
 * retention curves per group with their medians and chosen horizons, the
 * log-rank test across groups, and a Cox model on the chosen covariates.
 */
import { yieldAndCheck } from '../shared/cancel';
import type { RawColumn } from '../shared/columns';
import { inputError } from '../shared/input-error';
import { fitCox, type CoxModel } from './cox';
import { byCodePoint, encodeCovariates } from './encode-covariates';
import { kaplanMeier, medianSurvival, survivalAt, type SurvivalCurve } from './kaplan-meier';
import { logRank, type LogRankResult } from './log-rank';

export interface SurvivalRequest {
	/** Horizons to read every curve at (e.g. 12, 24, 48 months). */
	times: number[];
	/** Columns for the Cox model; none: no Cox model. */
	covariates: string[];
	/** Column whose values split the customers into curves; null: one curve. */
	group: string | null;
}

export interface SurvivalGroup {
	label: string;
	customers: number;
	events: number;
	curve: SurvivalCurve;
	median: number | null;
	at: { time: number; survival: number; lower: number; upper: number }[];
}

export interface SurvivalResult {
	groups: SurvivalGroup[];
	/** Null without a group column, or with one group. */
	logRank: LogRankResult | null;
	/** Null without covariates. */
	cox: CoxModel | null;
	notes: string[];
}

/** More groups than this make an unreadable chart and a meaningless test. */
export const MAX_GROUPS = 20;
export const ALL_CUSTOMERS = 'All customers';

/**
 * `event`: 1 churned, 0 still a customer, anything else missing; `duration`: NaN missing.
 * `covariates` holds the columns the request names (other columns are ignored), row-aligned with `duration`.
 */
export async function runSurvival(
	duration: Float64Array,
	event: Uint8Array,
	group: (string | null)[] | null,
	covariates: RawColumn[],
	request: SurvivalRequest,
	opts: { signal?: AbortSignal } = {}
): Promise<SurvivalResult> {
	const n = duration.length;
	if (event.length !== n || (group && group.length !== n)) throw new Error(`invalid survival data: ${n} durations, ${event.length} churn flags, ${group?.length ?? n} groups`);
	for (const t of request.times) if (!(Number.isFinite(t) && t >= 0)) throw inputError(`invalid time: ${t}; horizons are durations of 0 or more.`);
	const notes: string[] = [];
	const kept: number[] = [];
	for (let i = 0; i < n; i++) {
		const t = duration[i];
		if (Number.isNaN(t) || (event[i] !== 0 && event[i] !== 1)) continue;
		if (t < 0 || !Number.isFinite(t)) throw inputError(`invalid duration: ${t} (row ${i + 1}); durations are times since the start, 0 or more.`);
		kept.push(i);
	}
	if (kept.length < n) notes.push(`${n - kept.length} customers without a duration or a churn flag are left out.`);
	if (kept.length === 0) throw inputError('No customer has both a duration and a churn flag.');
	const keptDuration = Float64Array.from(kept, (i) => duration[i]);
	const keptEvent = Uint8Array.from(kept, (i) => event[i]);

	// Groups: labels in code-point order (as R's factor levels); customers without one are left out of the curves and the test.
	const labels = group ? [...new Set(kept.map((i) => group[i]).filter((g): g is string => g !== null))].sort(byCodePoint) : [ALL_CUSTOMERS];
	if (group && request.group && labels.length > MAX_GROUPS) throw inputError(`${request.group} has ${labels.length} values: choose a column with ${MAX_GROUPS} groups or fewer to compare retention curves.`);
	if (labels.length === 0) throw inputError(`${request.group ?? 'The group column'} has no values for these customers.`);
	const index = new Map(labels.map((label, g) => [label, g]));
	const groupOf = Int32Array.from(kept, (i) => (group ? (group[i] === null ? -1 : index.get(group[i]!)!) : 0));
	const ungrouped = groupOf.filter((g) => g < 0).length;
	if (ungrouped > 0) notes.push(`${ungrouped} customers without a ${request.group ?? 'group'} value are left out of the curves and the log-rank test.`);

	const groups: SurvivalGroup[] = [];
	for (let g = 0; g < labels.length; g++) {
		await yieldAndCheck(opts.signal);
		const rows = groupOf.reduce<number[]>((acc, v, k) => (v === g ? (acc.push(k), acc) : acc), []);
		const curve = kaplanMeier(
			Float64Array.from(rows, (k) => keptDuration[k]),
			Uint8Array.from(rows, (k) => keptEvent[k])
		);
		const events = curve.events.reduce((a, b) => a + b, 0);
		groups.push({ label: labels[g], customers: rows.length, events, curve, median: medianSurvival(curve), at: request.times.map((time) => ({ time, ...survivalAt(curve, time) })) });
	}

	await yieldAndCheck(opts.signal);
	let test: LogRankResult | null = null;
	if (labels.length >= 2) {
		const rows = groupOf.reduce<number[]>((acc, v, k) => (v >= 0 ? (acc.push(k), acc) : acc), []);
		test = logRank(
			Float64Array.from(rows, (k) => keptDuration[k]),
			Uint8Array.from(rows, (k) => keptEvent[k]),
			Int32Array.from(rows, (k) => groupOf[k]),
			labels.length
		);
	}

	let cox: CoxModel | null = null;
	if (request.covariates.length > 0) {
		await yieldAndCheck(opts.signal);
		const columns = request.covariates.map((name) => {
			const column = covariates.find((c) => c.name === name);
			if (!column) throw inputError(`There is no column "${name}" to use as a covariate.`);
			return column.type === 'numeric'
				? { name, type: 'numeric' as const, values: Float64Array.from(kept, (i) => column.values[i]) }
				: { name, type: 'text' as const, values: kept.map((i) => column.values[i]) };
		});
		const encoded = encodeCovariates(columns, request.covariates);
		notes.push(...encoded.notes);
		if (encoded.names.length === 0) notes.push('No usable covariate: no Cox model.');
		else if (!keptEvent.some((e) => e === 1)) notes.push('No customer churned: no Cox model.');
		else {
			cox = fitCox(keptDuration, keptEvent, encoded.X, encoded.names, { signal: opts.signal });
			if (!cox.converged) notes.push(`The Cox model did not converge in ${cox.iterations} iterations: a covariate may separate churners perfectly; its hazard ratio is not reliable.`);
			const redundant = cox.names.filter((_, j) => Number.isNaN(cox!.coefficients[j]));
			if (redundant.length) notes.push(`Redundant given the other covariates, no hazard ratio: ${redundant.join(', ')}.`);
		}
	}
	return { groups, logRank: test, cox, notes };
}
