/**
 * `npx tsx scripts/bench-recommend.ts [file.csv] [--items a,b,c]`: the recommendation job in Node
 * (TF.js wasm backend, as in the browser): per model the evaluation fit and the scoring of every
 * customer, then the whole job (evaluation, tuning, final fits, top items) for all customers.
 */
import { RECOMMEND_LEARNER_KINDS } from '../models/catalog';
import { prepareRecommendData, recommenderOf, runRecommend, type RecommendRequest } from '../models/recommend';
import { loadTable } from './load-table';
import { useFastestNodeBackend } from './node-backend';

const TELCO = 'phone_service,multiple_lines,internet_service,online_security,online_backup,device_protection,tech_support,streaming_tv,streaming_movies';

async function main() {
	const args = process.argv.slice(2);
	const file = args.find((a) => !a.startsWith('--') && args[args.indexOf(a) - 1] !== '--items') ?? 'datasets/wa_churn.csv';
	const items = (args.includes('--items') ? args[args.indexOf('--items') + 1] : TELCO).split(',');
	const backend = await useFastestNodeBackend();
	const raw = await loadTable(file);
	const request: RecommendRequest = { layout: 'wide', items, userColumn: null, itemColumn: null, quantityColumn: null, k: 3, seed: 42, models: ['popularity', 'item_knn', 'als', 'propensity', 'hybrid'], hybridWeights: null, topN: 3 };
	let started = performance.now();
	const data = prepareRecommendData(raw, request);
	console.log(JSON.stringify({ bench: 'recommend', step: 'prepare', backend, users: data.matrix.users.length, items: items.length, ms: Math.round(performance.now() - started) }));
	for (const kind of RECOMMEND_LEARNER_KINDS) {
		const model = recommenderOf(kind);
		started = performance.now();
		const state = await model.fit(data, model.defaults, { seed: 42 });
		const fitMs = performance.now() - started;
		started = performance.now();
		await model.score(state, data);
		console.log(JSON.stringify({ bench: 'recommend', model: kind, fit_ms: Math.round(fitMs), score_all_ms: Math.round(performance.now() - started) }));
	}
	started = performance.now();
	await runRecommend(data, request);
	console.log(JSON.stringify({ bench: 'recommend', step: 'whole job (evaluation, tuning, final fits, top 3 for every customer)', ms: Math.round(performance.now() - started) }));
}

main().catch((e: Error) => {
	console.error(`bench-recommend: ${e.message}`);
	process.exit(1);
});
