/**
 * A purchase log summarised per customer from Node exactly as the lifetime
 * value cell does it: the data worker's SQL (`purchaseSummary`: RFM's date and
 * amount parsing, same-day purchases merged) on Node's DuckDB. Shared by
 * `evaluate clv` and `bench:value`.
 */
import type { PurchaseSummary } from '../models/value';
import type { PurchaseSummaryResult, ValueUnit } from '../workers/data/api';
import { loadEngine, relationColumns } from './load-table';

export interface SummaryRequest {
	customer: string;
	date: string;
	amount: string;
	calibrationEnd: string | null;
	holdoutEnd: string | null;
	unit: ValueUnit;
}

export interface FileSummary {
	summary: PurchaseSummary;
	/** Repeat purchase days in the holdout per customer; null without a holdout. */
	holdoutFrequency: Float64Array | null;
	report: PurchaseSummaryResult;
}

export async function summariseFile(file: string, request: SummaryRequest): Promise<FileSummary> {
	const engine = await loadEngine(file, 'transactions');
	const report = await engine.purchaseSummary({ source: 'transactions', ...request, outName: 'purchase_summary' });
	const columns = await relationColumns(engine, 'purchase_summary');
	const numeric = (name: string) => {
		const column = columns.find((c) => c.name === name);
		if (column?.type !== 'numeric') throw new Error(`purchase summary: no numeric column ${name}`);
		return column.values;
	};
	return {
		summary: { frequency: numeric('frequency'), recency: numeric('recency'), age: numeric('T'), monetary: numeric('monetary_value') },
		holdoutFrequency: report.holdoutEnd === null ? null : numeric('holdout_frequency'),
		report
	};
}
