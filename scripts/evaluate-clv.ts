/**
 * `npm run evaluate -- clv --data <tx.csv> --customer <col> --date <col> --amount <col>
 *     --calibration-end <YYYY-MM-DD> [--holdout-end <YYYY-MM-DD>] [--unit week|day|month]`
 *
 * Reads a transaction log through DuckDB (as the workbench does), summarises it up to the
 * calibration end (models/value's `summarisePurchases`, the SQL summary's TS twin), fits
 * BG/NBD and Gamma-Gamma and prints one JSON object per line:
 *   {"model":"bgnbd","r":…,"alpha":…,"a":…,"b":…,"log_likelihood":…}
 *   {"model":"gamma_gamma","p":…,"q":…,"v":…}
 *   {"model":"holdout","predicted_total":…,"actual_total":…}   (with --holdout-end)
 * predicted_total = Σ over customers of the conditional expected repeat purchase days between
 * the calibration end and the holdout end; actual_total = the repeat purchase days there.
 */
import { runCustomerValue, summarisePurchases, DAYS_PER_MONTH } from '../models/value';
import type { RawColumn } from '../models/shared';
import { loadTable } from './load-table';

const UNITS = { week: 7, day: 1, month: DAYS_PER_MONTH } as const;
type Unit = keyof typeof UNITS;

export interface ClvArgs {
	data: string;
	customer: string;
	date: string;
	amount: string;
	calibrationEndDay: number;
	holdoutEndDay: number | null;
	unit: Unit;
}

const MS_PER_DAY = 86_400_000;

/** Day number (days since 1970-01-01, UTC) of a YYYY-MM-DD flag; NaN when it is not one. */
function isoDay(text: string): number {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
	return match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / MS_PER_DAY : NaN;
}

export function parseClvArgs(rest: string[], fail: (message: string) => never): ClvArgs {
	const flags = new Map<string, string>();
	for (let i = 0; i < rest.length; i += 2) {
		if (!rest[i].startsWith('--') || rest[i + 1] === undefined || rest[i + 1].startsWith('--')) fail(`invalid argument: ${rest[i]}`);
		flags.set(rest[i].slice(2), rest[i + 1]);
	}
	const required = (name: string, what: string) => flags.get(name) ?? fail(`--${name} <${what}> is required`);
	const day = (name: string, text: string) => {
		const d = isoDay(text);
		return Number.isNaN(d) ? fail(`invalid --${name}: ${text} (use YYYY-MM-DD)`) : d;
	};
	const unit = flags.get('unit') ?? 'week';
	if (!(unit in UNITS)) fail(`invalid unit: ${unit} (choose among ${Object.keys(UNITS).join(', ')})`);
	const holdout = flags.get('holdout-end');
	return {
		data: required('data', 'tx.csv'),
		customer: required('customer', 'column'),
		date: required('date', 'column'),
		amount: required('amount', 'column'),
		calibrationEndDay: day('calibration-end', required('calibration-end', 'YYYY-MM-DD')),
		holdoutEndDay: holdout === undefined ? null : day('holdout-end', holdout),
		unit: unit as Unit
	};
}

/**
 * Purchase dates as day numbers: DuckDB hands DATE/TIMESTAMP columns over as epoch
 * milliseconds (text here), a VARCHAR column stays ISO text; both map to UTC days.
 */
function dayNumbers(column: RawColumn): Float64Array {
	if (column.type === 'numeric') throw new Error(`invalid date column: ${column.name} holds numbers, not dates`);
	return Float64Array.from(column.values, (text) => {
		if (text === null) return NaN;
		if (/^-?\d+$/.test(text)) return Math.floor(Number(text) / MS_PER_DAY);
		const iso = Date.parse(text.length === 10 ? `${text}T00:00:00Z` : text);
		if (Number.isNaN(iso)) throw new Error(`invalid date: ${text} in column ${column.name} (ISO dates only here)`);
		return Math.floor(iso / MS_PER_DAY);
	});
}

const sig = (x: number) => Number(x.toPrecision(7));

export async function runClvEvaluation(raw: RawColumn[], args: ClvArgs): Promise<void> {
	const column = (name: string) => {
		const found = raw.find((c) => c.name === name);
		if (!found) throw new Error(`no column named ${name} (columns: ${raw.map((c) => c.name).join(', ')})`);
		return found;
	};
	const customers = column(args.customer);
	const amount = column(args.amount);
	if (amount.type !== 'numeric') throw new Error(`invalid amount column: ${args.amount} is not numeric`);
	const daysPerUnit = UNITS[args.unit];
	const { summary, holdoutFrequency } = summarisePurchases(customers.values, dayNumbers(column(args.date)), amount.values, args.calibrationEndDay, args.holdoutEndDay, daysPerUnit);
	const holdoutUnits = args.holdoutEndDay === null ? 0 : (args.holdoutEndDay - args.calibrationEndDay) / daysPerUnit;
	const result = await runCustomerValue(summary, { horizonMonths: 12, monthlyDiscountRate: 0.01, daysPerUnit, predictionPeriods: holdoutUnits });
	const bg = result.bgnbd;
	console.log(JSON.stringify({ model: 'bgnbd', r: sig(bg.params.r), alpha: sig(bg.params.alpha), a: sig(bg.params.a), b: sig(bg.params.b), log_likelihood: sig(bg.logLikelihood) }));
	const gg = result.gammaGamma;
	console.log(JSON.stringify(gg ? { model: 'gamma_gamma', p: sig(gg.params.p), q: sig(gg.params.q), v: sig(gg.params.v) } : { model: 'gamma_gamma', p: null, q: null, v: null, note: result.notes.join(' ') }));
	if (args.holdoutEndDay !== null) {
		const predicted = result.expectedPurchases.reduce((s, v) => s + v, 0);
		const actual = holdoutFrequency.reduce((s, v) => s + v, 0);
		console.log(JSON.stringify({ model: 'holdout', predicted_total: sig(predicted), actual_total: actual }));
	}
}

/** The `clv` task of scripts/evaluate.ts. */
export async function runClvCommand(rest: string[], fail: (message: string) => never): Promise<void> {
	const args = parseClvArgs(rest, fail);
	await runClvEvaluation(await loadTable(args.data), args);
}
