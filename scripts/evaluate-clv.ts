/**
 * `npm run evaluate -- clv --data <tx.csv> --customer <col> --date <col> --amount <col>
 *     --calibration-end <YYYY-MM-DD> [--holdout-end <YYYY-MM-DD>] [--unit week|day|month]`
 *
 * Reads a transaction log and summarises it up to the calibration end with the lifetime value
 * cell's own SQL (on Node's DuckDB: ISO, day-first and US dates, decimal commas), fits BG/NBD and
 * Gamma-Gamma and prints one JSON object per line:
 *   {"model":"bgnbd","r":…,"alpha":…,"a":…,"b":…,"log_likelihood":…}
 *   {"model":"gamma_gamma","p":…,"q":…,"v":…}
 *   {"model":"holdout","predicted_total":…,"actual_total":…}   (with --holdout-end)
 * predicted_total = Σ over customers of the conditional expected repeat purchase days between
 * the calibration end and the holdout end (default: the latest purchase); actual_total = the
 * repeat purchase days there. Notes on the data (rows left out, date order) go to stderr.
 */
import { runCustomerValue } from '../models/value';
import type { ValueUnit } from '../workers/data/api';
import { summariseFile, type SummaryRequest } from './purchase-summary';

const UNITS: readonly ValueUnit[] = ['week', 'day', 'month'];

export interface ClvArgs extends SummaryRequest {
	data: string;
}

export function parseClvArgs(rest: string[], fail: (message: string) => never): ClvArgs {
	const flags = new Map<string, string>();
	for (let i = 0; i < rest.length; i += 2) {
		if (!rest[i].startsWith('--') || rest[i + 1] === undefined || rest[i + 1].startsWith('--')) fail(`invalid argument: ${rest[i]}`);
		flags.set(rest[i].slice(2), rest[i + 1]);
	}
	const required = (name: string, what: string) => flags.get(name) ?? fail(`--${name} <${what}> is required`);
	const unit = flags.get('unit') ?? 'week';
	if (!(UNITS as readonly string[]).includes(unit)) fail(`invalid unit: ${unit} (choose among ${UNITS.join(', ')})`);
	return {
		data: required('data', 'tx.csv'),
		customer: required('customer', 'column'),
		date: required('date', 'column'),
		amount: required('amount', 'column'),
		calibrationEnd: required('calibration-end', 'YYYY-MM-DD'),
		holdoutEnd: flags.get('holdout-end') ?? null,
		unit: unit as ValueUnit
	};
}

const sig = (x: number) => Number(x.toPrecision(7));

export async function runClvEvaluation(args: ClvArgs): Promise<void> {
	const { summary, holdoutFrequency, report } = await summariseFile(args.data, args);
	for (const note of report.notes) console.error(note);
	const holdoutUnits = report.holdoutPeriods ?? 0;
	const result = await runCustomerValue(summary, { horizonMonths: 12, monthlyDiscountRate: 0.01, daysPerUnit: report.unitDays, predictionPeriods: Math.max(holdoutUnits, 1) });
	const bg = result.bgnbd;
	console.log(JSON.stringify({ model: 'bgnbd', r: sig(bg.params.r), alpha: sig(bg.params.alpha), a: sig(bg.params.a), b: sig(bg.params.b), log_likelihood: sig(bg.logLikelihood) }));
	const gg = result.gammaGamma;
	console.log(JSON.stringify(gg ? { model: 'gamma_gamma', p: sig(gg.params.p), q: sig(gg.params.q), v: sig(gg.params.v) } : { model: 'gamma_gamma', p: null, q: null, v: null, note: result.notes.join(' ') }));
	if (holdoutFrequency) {
		const predicted = result.expectedPurchases.reduce((s, v) => s + v, 0);
		const actual = holdoutFrequency.reduce((s, v) => s + v, 0);
		console.log(JSON.stringify({ model: 'holdout', predicted_total: sig(predicted), actual_total: actual }));
	}
}

/** The `clv` task of scripts/evaluate.ts. */
export async function runClvCommand(rest: string[], fail: (message: string) => never): Promise<void> {
	await runClvEvaluation(parseClvArgs(rest, fail));
}
