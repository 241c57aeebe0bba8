/**
 * The recommendations table `<table>_recommendations`, one row per customer
 * and recommended item, for SQL and other cells:
 * customer id (the id column's name, else `customer_row`), rank, item, score,
 * p_accept, and the next-best-offer columns churn_risk, risk_with_item,
 * expected_benefit, offer_rank (1 = the customer's next-best offer) and
 * reason, empty for customers not at risk. A customer's offers beyond the
 * first `topN` ranks are listed too, so every offer can be read back.
 */
import { getData, writeScoredTable } from '$lib/clients/data';
import type { RecommendResult } from '$lib/clients/train';
import { offerReason, type Offer } from './offer';

export interface WrittenOffers {
	risk: Float64Array;
	ranked: { user: number; offers: Offer[] }[];
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Writes the table; returns its number of rows. */
export async function writeRecommendations(outName: string, idName: string, result: RecommendResult, topN: number, offers: WrittenOffers | null): Promise<number> {
	const { top, users, items } = result;
	const byPair = new Map<number, { offer: Offer; rank: number }>();
	for (const { user, offers: list } of offers?.ranked ?? []) list.forEach((offer, i) => byPair.set(user * items.length + offer.item, { offer, rank: i + 1 }));
	const ids: string[] = [];
	const rank: number[] = [];
	const item: string[] = [];
	const score: number[] = [];
	const pAccept: number[] = [];
	const churnRisk: number[] = [];
	const riskWith: number[] = [];
	const benefit: number[] = [];
	const offerRank: number[] = [];
	const reason: string[] = [];
	for (let u = 0; u < users.length; u++) {
		for (let j = 0; j < top.n; j++) {
			const i = top.item[u * top.n + j];
			if (i < 0) continue;
			const offered = byPair.get(u * items.length + i);
			if (j >= topN && !offered) continue;
			ids.push(users[u]);
			rank.push(j + 1);
			item.push(items[i]);
			score.push(top.score[u * top.n + j]);
			pAccept.push(top.pAccept[u * top.n + j]);
			churnRisk.push(offers ? offers.risk[u] : NaN);
			riskWith.push(offered?.offer.riskWith ?? NaN);
			benefit.push(offered?.offer.benefit ?? NaN);
			offerRank.push(offered?.rank ?? NaN);
			reason.push(offered ? offerReason(offered.offer, items[i]) : '');
		}
	}
	const rows = ids.length;
	const raw = '__recommendations_raw';
	const blank = '__recommendations_rows';
	// writeScored pairs prediction columns with a source's rows: a source of as many empty rows, whose one column is replaced.
	await getData().runSql(`SELECT NULL AS customer FROM range(${rows})`, blank);
	try {
		const f = (values: number[]) => Float64Array.from(values);
		await writeScoredTable(blank, raw, {
			customer: ids,
			rank: f(rank),
			item,
			score: f(score),
			p_accept: f(pAccept),
			churn_risk: f(churnRisk),
			risk_with_item: f(riskWith),
			expected_benefit: f(benefit),
			offer_rank: f(offerRank),
			reason
		});
		const num = (c: string) => `CASE WHEN isnan(${c}) THEN NULL ELSE ${c} END`;
		await getData().runSql(
			`CREATE OR REPLACE TABLE ${ident(outName)} AS SELECT customer AS ${ident(idName)}, CAST(rank AS INTEGER) AS rank, item, score, p_accept, ` +
				`${num('churn_risk')} AS churn_risk, ${num('risk_with_item')} AS risk_with_item, ${num('expected_benefit')} AS expected_benefit, ` +
				`CAST(${num('offer_rank')} AS INTEGER) AS offer_rank, NULLIF(reason, '') AS reason FROM ${raw}`,
			''
		);
	} finally {
		await getData().dropRelation(raw);
		await getData().dropRelation(blank);
	}
	return rows;
}
