/**
 * RFM scores respect ties: customers with equal recency, frequency or
 * monetary value get equal scores, whatever their ids (issue "Dependable
 * journeys": `ntile(5)` gave identical one-purchase customers F = 1, 2 or 3).
 */
import { describe, expect, it } from 'vitest';
import type { DataEngine } from '$workers/data';
import { cohortLogCsv } from '../../../shared/cohort-log';
import { load, newEngine } from './engine-fixture';

/** A customer's purchases as `'YYYY-MM-DD:amount'` items. */
type History = [customer: string, purchases: string[]];

/** `n` customers with distinct histories: customer i bought i + 1 times, 10 days apart, 10 × (i + 1) each. */
function distinct(n: number, prefix = 'D'): History[] {
	return Array.from({ length: n }, (_, i) => [
		`${prefix}${i}`,
		Array.from({ length: i + 1 }, (_, p) => `2024-0${1 + (p % 3)}-${String(1 + ((i + p * 10) % 28)).padStart(2, '0')}:${10 * (i + 1)}`)
	]);
}

/** `ids` customers with the very same history. */
function twins(ids: string[], purchases: string[]): History[] {
	return ids.map((id) => [id, purchases]);
}

/** Each case: a log, and the customers that must share every score and the segment. */
const CASES: [name: string, log: History[], same: string[]][] = [
	['three one-purchase customers among ten', [...twins(['T1', 'T2', 'T3'], ['2024-02-01:20']), ...distinct(7)], ['T1', 'T2', 'T3']],
	['ids that sort apart (A… and Z…)', [...twins(['A', 'Z'], ['2024-01-15:35', '2024-03-01:35']), ...distinct(8, 'M')], ['A', 'Z']],
	['four customers with the same three purchases, mid-table', [...distinct(4, 'L'), ...twins(['Q1', 'Q2', 'Q3', 'Q4'], ['2024-01-05:10', '2024-02-05:10', '2024-03-05:10']), ...distinct(4, 'U')], ['Q1', 'Q2', 'Q3', 'Q4']],
	['the same spend on different days', [...twins(['S1', 'S2'], ['2024-03-20:50']), ['S3', ['2024-01-02:50']], ...distinct(7)], ['S1', 'S2']],
	['every customer alike', twins(['E1', 'E2', 'E3', 'E4', 'E5', 'E6'], ['2024-02-10:15', '2024-03-10:15']), ['E1', 'E2', 'E3', 'E4', 'E5', 'E6']]
];

function csvOf(log: History[]): string {
	return ['customer,date,amount', ...log.flatMap(([id, purchases]) => purchases.map((p) => `${id},${p.replace(':', ',')}`))].join('\n') + '\n';
}

/** Values of `column` that more than one score was given to (none when ties are respected). */
async function splitTies(engine: DataEngine, table: string, column: string, score: string): Promise<number> {
	await engine.runSql(`SELECT ${column} FROM ${table} GROUP BY ${column} HAVING count(DISTINCT ${score}) > 1`, 'split');
	return (await engine.describe('split')).rowCount;
}

async function expectTiesRespected(engine: DataEngine, table: string): Promise<void> {
	expect(await splitTies(engine, table, 'recency_days', 'r_score')).toBe(0);
	expect(await splitTies(engine, table, 'frequency', 'f_score')).toBe(0);
	expect(await splitTies(engine, table, 'monetary', 'm_score')).toBe(0);
	expect(await splitTies(engine, table, 'recency_days, frequency, monetary', 'segment')).toBe(0);
}

describe('rfm ties', () => {
	it.each(CASES)('rfm(request) with %s gives them one score and segment', async (_, log, same) => {
		const { engine } = await newEngine();
		await load(engine, 'tx.csv', csvOf(log), 'tx');
		await engine.rfm({ source: 'tx', customer: 'customer', date: 'date', amount: 'amount', outName: 'rfm' });
		const rows = (await engine.page('rfm', 0, 100)).rows.filter((r) => same.includes(String(r[0])));
		expect(rows).toHaveLength(same.length);
		// recency … segment: everything but the id.
		expect(new Set(rows.map((r) => JSON.stringify(r.slice(1)))).size).toBe(1);
		await expectTiesRespected(engine, 'rfm');
	});

	it('rfm(request) on a cohort log where most bought once: one F score for all of them, plausible segments', async () => {
		const { engine } = await newEngine();
		await load(engine, 'cohort.csv', cohortLogCsv(), 'cohort');
		const result = await engine.rfm({ source: 'cohort', customer: 'customer', date: 'date', amount: 'amount', outName: 'cohort_rfm' });
		await expectTiesRespected(engine, 'cohort_rfm');
		await engine.runSql(
			`SELECT count(DISTINCT f_score) FILTER (WHERE frequency = 1) AS once_scores, min(f_score) FILTER (WHERE frequency = 1) AS once_f,
			 count(*) FILTER (WHERE frequency = 1) / count(*) AS once_share, avg(recency_days) AS recency FROM cohort_rfm`,
			'q'
		);
		const [onceScores, onceF, onceShare, recency] = (await engine.page('q', 0, 1)).rows[0].map(Number);
		expect(onceShare).toBeGreaterThan(0.4); // the shape that broke ntile(5)
		expect([onceScores, onceF]).toEqual([1, 1]);
		// ntile(5) made Champions a third of such a log with a mean recency near half the population's.
		const champions = result.segments.find((s) => s.segment === 'Champions')!;
		expect(champions.share).toBeGreaterThan(0.05);
		expect(champions.share).toBeLessThanOrEqual(0.2);
		expect(champions.recency).toBeLessThan(recency / 3);
		expect(Math.max(...result.segments.map((s) => s.share))).toBeLessThan(0.3);
	});
});
