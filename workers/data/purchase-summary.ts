/**
 * The purchase summary the BG/NBD and Gamma-Gamma models read, in SQL: one
 * row per customer with frequency (repeat purchase days), recency and age T
 * in the chosen unit, and the mean spend of the repeat purchase days, up to a
 * calibration end; the repeat purchase days after it (the holdout) beside
 * them. Same-day purchases are one purchase (Fader, Hardie & Lee count
 * "repeat transactions" of distinct days), with their amounts added up.
 */
import type { PurchaseSummaryRequest, PurchaseSummaryResult, ValueUnit } from './api';
import type { Db } from './db';
import { fail } from './errors';
import { maybeDate, plural, purchaseLog } from './purchases';
import { describeRelation } from './relations';
import { quoteIdent, quoteString } from './sql-quote';
import { firstRow, num } from './values';
import { PW } from './purchase-words';

/** Days in one unit of time: recency, T and the holdout are counted in it. */
/** Working table of one summary: the log's purchase days. */
const DAYS = '__purchase_days';
const MS_PER_DAY = 86_400_000;

export const UNIT_DAYS: Record<ValueUnit, number> = { day: 1, week: 7, month: 365.25 / 12 };

/** Builds table `request.outName` (ordered by customer) and the figures the value views need. */
export function purchaseSummary(db: Db, request: PurchaseSummaryRequest): PurchaseSummaryResult {
	const { source, outName } = request;
	if (!outName || outName.toLowerCase() === source.toLowerCase()) fail(`invalid outName: ${outName || '(empty)'}`);
	const unitDays = UNIT_DAYS[request.unit] ?? fail(`invalid unit: ${request.unit}`);
	const log = purchaseLog(db, source, request);
	if (log.lastDay == null || log.firstDay == null) fail(PW.noCustomerAndDate(source));
	const notes = log.notes;
	const calibrationEnd = maybeDate(db, request.calibrationEnd, 'calibration end') ?? log.lastDay;
	if (calibrationEnd < log.firstDay) fail(PW.calibrationTooEarly(calibrationEnd, log.firstDay));
	let holdoutEnd = maybeDate(db, request.holdoutEnd, 'holdout end');
	if (holdoutEnd == null && calibrationEnd < log.lastDay) holdoutEnd = log.lastDay;
	if (holdoutEnd != null && holdoutEnd <= calibrationEnd) fail(PW.holdoutTooEarly(holdoutEnd, calibrationEnd));

	const cal = `DATE ${quoteString(calibrationEnd)}`;
	const end = holdoutEnd == null ? cal : `DATE ${quoteString(holdoutEnd)}`;
	const id = quoteIdent(request.customer);
	const holdout = holdoutEnd == null ? '' : `, CAST(count(*) FILTER (WHERE day > ${cal}) AS INTEGER) AS holdout_frequency`;
	// The log is parsed once into purchase days (one row per customer and day, amounts added up, each
	// customer's first day beside them); the summary, the notes and the tracking chart read that.
	db.query(
		`CREATE OR REPLACE TEMP TABLE ${DAYS} AS
		 SELECT customer, day, amount, min(day) OVER (PARTITION BY customer) AS first_day FROM (
			SELECT customer, purchased_on AS day, sum(coalesce(amount, 0)) AS amount FROM (${log.sql})
			WHERE customer IS NOT NULL AND purchased_on IS NOT NULL GROUP BY 1, 2
		 )`
	);
	try {
		const calibrated = `FROM ${DAYS} WHERE day <= ${end} AND first_day <= ${cal}`;
		db.query(
			`CREATE OR REPLACE TABLE ${quoteIdent(outName)} AS
			 SELECT customer AS ${id}, first_day AS first_purchase,
				CAST(count(*) FILTER (WHERE day > first_day AND day <= ${cal}) AS INTEGER) AS frequency,
				date_diff('day', first_day, max(day) FILTER (WHERE day <= ${cal})) / ${unitDays} AS recency,
				date_diff('day', first_day, ${cal}) / ${unitDays} AS T,
				coalesce(avg(amount) FILTER (WHERE day > first_day AND day <= ${cal}), 0) AS monetary_value${holdout}
			 ${calibrated} GROUP BY customer, first_day ORDER BY customer`
		);
		const info = describeRelation(db, outName);
		if (info.rowCount === 0) fail(PW.noFirstPurchase(source, calibrationEnd));

		const counts = firstRow(db.query(`SELECT count(DISTINCT customer) FILTER (WHERE first_day > ${cal}) AS later, count(*) FILTER (WHERE day > ${end}) AS after_end FROM ${DAYS}`));
		const later = num(counts.later);
		if (later) notes.push(`${plural(later, 'customer', 'customers')} first bought after ${calibrationEnd} and ${later === 1 ? 'is' : 'are'} not in the calibration.`);
		const afterEnd = num(counts.after_end);
		if (afterEnd) notes.push(`${plural(afterEnd, 'purchase day is', 'purchase days are')} after ${holdoutEnd ?? calibrationEnd} and left out.`);

		// The tracking chart: every customer's first day, and the repeat purchase days by unit since the first purchase of the log.
		const start = `DATE ${quoteString(log.firstDay)}`;
		const births = db
			.query(`SELECT date_diff('day', ${start}, first_purchase) / ${unitDays} AS at, count(*)::DOUBLE AS customers FROM ${quoteIdent(outName)} GROUP BY 1 ORDER BY 1`)
			.toArray()
			.map((r) => ({ at: num(r.at), customers: num(r.customers) }));
		const repeats = db
			.query(`SELECT CAST(floor(date_diff('day', ${start}, day) / ${unitDays}) AS INTEGER) AS period, count(*)::DOUBLE AS repeats ${calibrated} AND day > first_day GROUP BY 1 ORDER BY 1`)
			.toArray()
			.map((r) => ({ period: num(r.period), repeats: num(r.repeats) }));
		const firstDay = log.firstDay;
		const span = (d: string) => (Date.parse(`${d}T00:00:00Z`) - Date.parse(`${firstDay}T00:00:00Z`)) / MS_PER_DAY / unitDays;
		return {
			info,
			calibrationEnd,
			holdoutEnd,
			unitDays,
			firstDay,
			calibrationPeriods: span(calibrationEnd),
			holdoutPeriods: holdoutEnd == null ? null : span(holdoutEnd) - span(calibrationEnd),
			births,
			repeats,
			notes
		};
	} finally {
		db.query(`DROP TABLE IF EXISTS ${DAYS}`);
	}
}
