/**
 * Churn timing in the training worker: Kaplan–Meier curves per group, the
 * log-rank test and a Cox model on the customer table (Arrow), plus each
 * customer's predicted survival for the written table.
 */
import { coxLinearPredictor, encodeCovariates, runSurvival, stepsUpTo } from '../../models/survival';
import { inputError, textAt, type RawColumn } from '../../models/shared';
import type { SurvivalJob, SurvivalJobResult, TabularProgress } from './api';
import { columnsOf } from './tabular';
import { TW } from './train-words';

function columnNamed(columns: RawColumn[], name: string): RawColumn {
	const column = columns.find((c) => c.name === name) ?? columns.find((c) => c.name.toLowerCase() === name.toLowerCase());
	if (!column) throw inputError(TW.noColumn(name));
	return column;
}

/** A duration as a number: numeric columns as they are, text read with a decimal point or comma; NaN when missing. */
function durationAt(column: RawColumn, row: number): number {
	if (column.type === 'numeric') return column.values[row];
	const text = column.values[row];
	return text == null ? NaN : Number(text.trim().replace(',', '.'));
}

export async function survivalTable(job: SurvivalJob, signal: AbortSignal, onProgress?: (p: TabularProgress) => void): Promise<SurvivalJobResult> {
	const started = performance.now();
	const { request } = job;
	const all = columnsOf(job.table);
	const durationColumn = columnNamed(all, request.duration);
	const eventColumn = columnNamed(all, request.event);
	const groupColumn = request.group ? columnNamed(all, request.group) : null;
	const covariateColumns = request.covariates.map((name) => columnNamed(all, name));
	const rows = durationColumn.values.length;
	onProgress?.({ jobId: job.jobId, stage: TW.readingDurations, fraction: 0.05 });

	// Rows without a duration or an event status cannot be placed on the time axis: left out (and said).
	const kept: number[] = [];
	let negative = 0;
	for (let r = 0; r < rows; r++) {
		const d = durationAt(durationColumn, r);
		if (Number.isFinite(d) && d < 0) negative++;
		else if (Number.isFinite(d) && textAt(eventColumn, r) != null) kept.push(r);
	}
	if (kept.length === 0) throw inputError(TW.noDurationEvent(request.duration, request.event));
	const duration = Float64Array.from(kept, (r) => durationAt(durationColumn, r));
	const event = Uint8Array.from(kept, (r) => (textAt(eventColumn, r) === request.eventValue ? 1 : 0));
	if (!event.some((e) => e === 1)) throw inputError(TW.noEventValue(String(request.eventValue), request.event));
	const group = groupColumn ? kept.map((r) => textAt(groupColumn, r)) : null;
	const pick = (c: RawColumn): RawColumn => (c.type === 'numeric' ? { ...c, values: Float64Array.from(kept, (r) => c.values[r]) } : { ...c, values: kept.map((r) => c.values[r]) });
	const covariates = covariateColumns.map(pick);

	const result = await runSurvival(duration, event, group, covariates, { times: request.times, covariates: request.covariates, group: request.group }, { signal });
	if (negative) result.notes.push(`${negative} ${negative === 1 ? 'customer has' : 'customers have'} a negative duration and ${negative === 1 ? 'is' : 'are'} left out.`);
	const missing = rows - kept.length - negative;
	if (missing) result.notes.push(`${missing} ${missing === 1 ? 'customer has' : 'customers have'} no duration or event status and ${missing === 1 ? 'is' : 'are'} left out.`);
	onProgress?.({ jobId: job.jobId, stage: TW.predictingSurvival, fraction: 0.9 });

	// Per customer (source rows, NaN for those left out): relative risk exp(lp), median and survival at the chosen times.
	const perCustomer = { relativeRisk: new Float64Array(rows).fill(NaN), median: new Float64Array(rows).fill(NaN), at: request.times.map(() => new Float64Array(rows).fill(NaN)) };
	const cox = result.cox;
	if (cox) {
		// S(t) = exp(−H₀(t) × relative risk) (the model's predicted curve): H₀ read once per time, not one curve per customer.
		const { X } = encodeCovariates(covariates, request.covariates);
		const p = cox.names.length;
		const { time, cumulativeHazard } = cox.baseline;
		const hazards = request.times.map((t) => {
			const steps = stepsUpTo(time, t);
			return steps === 0 ? 0 : cumulativeHazard[steps - 1];
		});
		kept.forEach((r, i) => {
			const risk = Math.exp(coxLinearPredictor(cox, X.subarray(i * p, (i + 1) * p)));
			perCustomer.relativeRisk[r] = risk;
			// The median: the first time S ≤ 0.5, i.e. H₀ × risk ≥ ln 2 (NaN when never reached).
			const at = cumulativeHazard.findIndex((h) => h * risk >= Math.LN2);
			perCustomer.median[r] = at < 0 ? NaN : time[at];
			hazards.forEach((h, k) => (perCustomer.at[k][r] = Math.exp(-h * risk)));
		});
	}
	onProgress?.({ jobId: job.jobId, stage: 'Done', fraction: 1 });
	return { ...result, times: [...request.times], customers: kept.length, perCustomer, elapsedMs: performance.now() - started };
}
