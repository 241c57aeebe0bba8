/**
 * Customer value in the training worker: the purchase summary (Arrow, one row
 * per customer, as the data worker wrote it) fitted with BG/NBD and
 * Gamma-Gamma, each customer's P(alive), expected purchases, spend and CLV,
 * and the figures of the calibration-vs-holdout views.
 */
import { conditionalExpectedPurchases, expectedPurchases, probabilityAliveMatrix, runCustomerValue } from '../../models/value';
import type { PurchaseSummary } from '../../models/value';
import { inputError, type RawColumn } from '../../models/shared';
import type { TabularProgress, ValueJob, ValueJobResult } from './api';
import { columnsOf } from './tabular';
import { PROGRESS as P } from '../../models/shared';

/** Cells of the P(alive) matrix along recency. */
const MATRIX_STEPS = 40;
/** The matrix's frequency axis stops at this share of customers (a few heavy buyers would squash it). */
const MATRIX_FREQUENCY_QUANTILE = 0.99;

function numeric(columns: RawColumn[], name: string): Float64Array {
	const column = columns.find((c) => c.name.toLowerCase() === name.toLowerCase());
	if (!column || column.type !== 'numeric') throw inputError(`The purchase summary has no numeric column "${name}".`);
	return column.values;
}

function quantile(values: Float64Array, q: number): number {
	const sorted = Float64Array.from(values).sort();
	return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

export async function customerValueTable(job: ValueJob, signal: AbortSignal, onProgress?: (p: TabularProgress) => void): Promise<ValueJobResult> {
	const started = performance.now();
	const columns = columnsOf(job.table);
	const summary: PurchaseSummary = { frequency: numeric(columns, 'frequency'), recency: numeric(columns, 'recency'), age: numeric(columns, 'T'), monetary: numeric(columns, 'monetary_value') };
	const { request } = job;
	const report = (stage: string, fraction: number) => onProgress?.({ jobId: job.jobId, stage, fraction });
	const result = await runCustomerValue(summary, request, { signal, progress: (share) => report(P.fittingValue, share * 0.9) });
	const params = result.bgnbd.params;
	report(P.holdout, 0.95);

	// Expected repeat purchase days in the holdout, per customer, given each one's calibration history.
	const holdout = request.holdoutPeriods;
	const holdoutExpected =
		holdout == null ? null : summary.frequency.map((x, i) => conditionalExpectedPurchases(params, holdout, x, summary.recency[i], summary.age[i]));

	// Cumulative repeat purchases of the cohort: each customer contributes E[X(t − first purchase)] (Fader, Hardie & Lee, fig. 2).
	const periods = Math.ceil(request.trackingPeriods);
	const period: number[] = [];
	const expected: number[] = [];
	for (let t = 1; t <= periods; t++) {
		let total = 0;
		for (const b of request.births) if (t > b.at) total += b.customers * expectedPurchases(params, t - b.at);
		period.push(t);
		expected.push(total);
	}
	const maxFrequency = Math.max(1, Math.round(quantile(summary.frequency, MATRIX_FREQUENCY_QUANTILE)));
	const matrix = probabilityAliveMatrix(params, maxFrequency, summary.age.reduce((m, v) => Math.max(m, v), 0), MATRIX_STEPS);
	report(P.done, 1);
	return { ...result, holdoutExpected, tracking: { period, expected }, matrix, elapsedMs: performance.now() - started };
}
