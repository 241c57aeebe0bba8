/**
 * RFM segmentation in SQL: recency, frequency and monetary value per customer
 * from a transactions table, tie-respecting quintile scores and named segments
 * from the R and F scores, evaluated in a fixed priority order.
 */
import type { RfmRequest, RfmResult, RfmSegmentRule } from './api';
import type { Db } from './db';
import { fail } from './errors';
import { maybeDate, plural, purchaseLog } from './purchases';
import { describeRelation } from './relations';
import { quoteIdent, quoteString } from './sql-quote';
import { firstRow, num } from './values';
import { PW } from './purchase-words';

/** A segment rule with the SQL condition it stands for; `when: null` catches everyone left. */
interface SegmentRuleSql extends RfmSegmentRule {
	when: string | null;
}

/**
 * Segments on the R × F grid, in priority order: the first matching rule wins,
 * so the narrow rules (New customers, Cannot lose them, Lost) come before the
 * broad ones that would swallow them. Together they cover all 25 cells.
 */
export const RFM_SEGMENT_RULES: readonly SegmentRuleSql[] = [
	// Champions take only the most recent fifth (R = 5): with R ≥ 4 they swallowed every frequent
	// buyer of the last two fifths, a third of a CD store's customers with a mean recency of 5 months.
	{ segment: 'Champions', rule: 'R = 5 and F ≥ 4', when: 'r = 5 AND f >= 4', description: 'Bought very recently and often: reward them.' },
	{ segment: 'Cannot lose them', rule: 'R = 1 and F = 5', when: 'r = 1 AND f = 5', description: 'Were among the most frequent buyers but have not bought for a long time: win them back.' },
	{ segment: 'Loyal', rule: 'R ≥ 3 and F ≥ 4', when: 'r >= 3 AND f >= 4', description: 'Buy often and fairly recently: offer loyalty programmes and upsell.' },
	{ segment: 'New customers', rule: 'R = 5 and F = 1', when: 'r = 5 AND f = 1', description: 'Bought for the first time very recently: onboard them.' },
	{ segment: 'Potential loyalists', rule: 'R ≥ 4 and F ≤ 3', when: 'r >= 4 AND f <= 3', description: 'Recent buyers with a few purchases: nurture them towards loyalty.' },
	{ segment: 'Lost', rule: 'R = 1 and F = 1', when: 'r = 1 AND f = 1', description: 'Bought once, long ago: low priority.' },
	{ segment: 'At risk', rule: 'R ≤ 2 and F ≥ 3', when: 'r <= 2 AND f >= 3', description: 'Used to buy often but not lately: reach out before they churn.' },
	{ segment: 'Hibernating', rule: 'R ≤ 2 and F ≤ 2', when: 'r <= 2 AND f <= 2', description: 'Few purchases, long ago: reactivate with offers.' },
	{ segment: 'Need attention', rule: 'none of the above (R = 3 and F ≤ 3)', when: null, description: 'Average recency and frequency: keep them engaged.' }
];

/**
 * The SQL for a 1–5 score over `order` (worst first): 1 + ⌊5 × the share of
 * customers strictly worse⌋. Equal values have equal ranks, so they always share
 * a score; with all values distinct this is `ntile(5)`.
 *
 * Why not `ntile(5)`: it cuts the ordered list into five equal parts and splits
 * a run of equal values between them, so on a log where half the customers
 * bought once, identical one-purchase customers got F = 1, 2 or 3 by their id.
 * RFM practice keeps ties together by scoring on value thresholds at the
 * quintiles (the R package rfm, `rfm_table_order`, bins values in
 * [threshold, next threshold)), at the price of scores that may go unused: here
 * the one-purchase half all get F = 1 and the next score used is F = 3.
 * Integer arithmetic, so no rounding decides a boundary.
 */
function quintileScore(order: string): string {
	return `CAST(1 + least(4, (5 * (rank() OVER (ORDER BY ${order}) - 1)) // count(*) OVER ()) AS INTEGER)`;
}

/** Builds table `outName` (one row per customer) and its segment summary. */
export function rfmSegments(db: Db, request: RfmRequest): RfmResult {
	const { source, outName } = request;
	if (!outName) fail('invalid outName: (empty)');
	if (outName.toLowerCase() === source.toLowerCase()) fail(PW.rfmName(source));
	const explicitAsOf = maybeDate(db, request.asOf, 'asOf');
	const log = purchaseLog(db, source, request);
	const notes = log.notes;
	if (log.nextDay == null) fail(PW.noCustomerAndDate(source));
	const asOf = explicitAsOf ?? log.nextDay;
	if (!explicitAsOf) notes.push(PW.recencyUpTo(asOf));
	const parsed = log.sql;
	const asOfSql = `DATE ${quoteString(asOf)}`;
	const later = num(
		firstRow(db.query(`SELECT count(*) AS n FROM (${parsed}) WHERE customer IS NOT NULL AND purchased_on > ${asOfSql}`)).n
	);
	if (later) notes.push(`${plural(later, 'purchase is', 'purchases are')} after ${asOf} and left out.`);

	const segment = `CASE ${RFM_SEGMENT_RULES.filter((r) => r.when)
		.map((r) => `WHEN ${r.when} THEN ${quoteString(r.segment)}`)
		.join(' ')} ELSE ${quoteString(RFM_SEGMENT_RULES[RFM_SEGMENT_RULES.length - 1].segment)} END`;
	db.query(
		`CREATE OR REPLACE TABLE ${quoteIdent(outName)} AS
		 WITH purchases AS (
			SELECT customer, purchased_on, amount FROM (${parsed})
			WHERE customer IS NOT NULL AND purchased_on IS NOT NULL AND purchased_on <= ${asOfSql}
		 ), per_customer AS (
			SELECT customer, CAST(date_diff('day', max(purchased_on), ${asOfSql}) AS INTEGER) AS recency_days,
				CAST(count(*) AS INTEGER) AS frequency, CAST(coalesce(sum(amount), 0) AS DOUBLE) AS monetary
			FROM purchases GROUP BY customer
		 ), scored AS (
			SELECT *, ${quintileScore('recency_days DESC')} AS r, ${quintileScore('frequency')} AS f, ${quintileScore('monetary')} AS m
			FROM per_customer
		 )
		 SELECT customer, recency_days, frequency, monetary, r AS r_score, f AS f_score, m AS m_score,
			concat(r, f, m) AS rfm_score, ${segment} AS segment
		 FROM scored ORDER BY customer`
	);

	const info = describeRelation(db, outName);
	const summary = db
		.query(
			`SELECT segment, count(*) AS customers, avg(recency_days) AS recency, avg(frequency) AS frequency, avg(monetary) AS monetary
			 FROM ${quoteIdent(outName)} GROUP BY segment`
		)
		.toArray()
		.map((row) => ({
			segment: String(row.segment),
			customers: num(row.customers),
			share: info.rowCount ? num(row.customers) / info.rowCount : 0,
			recency: num(row.recency),
			frequency: num(row.frequency),
			monetary: num(row.monetary)
		}));
	const order = (name: string) => RFM_SEGMENT_RULES.findIndex((r) => r.segment === name);
	summary.sort((a, b) => order(a.segment) - order(b.segment));
	const rules = RFM_SEGMENT_RULES.map(({ segment, rule, description }) => ({ segment, rule, description }));
	return { info, asOf, rules, segments: summary, unparsedDates: log.unparsedDates, notes };
}
