/**
 * `npm run evaluate -- recommend --data <file.csv> --items <col1,col2,…> [--user-column <id>] [--k 3] [--seed 42]
 *     [--models popularity,item_knn,als,propensity,hybrid] [--validation]`
 * or `--long --user-column <id> --item-column <col> [--quantity-column <col>]`: one JSON line per
 * model with hit rate@k, NDCG@k and coverage on the test customers (half of those owning two
 * items or more; one item hidden each, seeded), the customers evaluated and the fit time.
 * `--validation` adds the same figures on the validation customers (where the hybrid is tuned).
 */
import { RECOMMEND_KINDS, type RecommendKind } from '../models/catalog';
import { prepareRecommendData, runRecommend, type RecommendRequest } from '../models/recommend';
import type { RawColumn } from '../models/shared';

export interface RecommendArgs {
	data: string;
	request: RecommendRequest;
	validation: boolean;
}

const BOOLEAN = new Set(['--long', '--validation']);

export function parseRecommendArgs(rest: string[], fail: (message: string) => never): RecommendArgs {
	const flags = new Map<string, string>();
	const booleans = new Set<string>();
	for (let i = 0; i < rest.length; i++) {
		if (BOOLEAN.has(rest[i])) {
			booleans.add(rest[i].slice(2));
			continue;
		}
		if (!rest[i].startsWith('--') || rest[i + 1] === undefined || rest[i + 1].startsWith('--')) fail(`invalid argument: ${rest[i]}`);
		flags.set(rest[i].slice(2), rest[++i]);
	}
	const long = booleans.has('long');
	const list = (name: string) => flags.get(name)?.split(',').map((c) => c.trim()).filter(Boolean);
	const items = list('items') ?? [];
	if (!long && items.length < 2) fail('--items <col1,col2,…> (two item columns at least) is required, or --long');
	const models = (list('models') ?? [...RECOMMEND_KINDS]) as RecommendKind[];
	for (const m of models) if (!RECOMMEND_KINDS.includes(m)) fail(`invalid model: ${m} (choose among ${RECOMMEND_KINDS.join(', ')})`);
	return {
		data: flags.get('data') ?? fail('--data <file.csv> is required'),
		validation: booleans.has('validation'),
		request: {
			layout: long ? 'long' : 'wide',
			items,
			userColumn: flags.get('user-column') ?? (long ? fail('--long needs --user-column <id>') : null),
			itemColumn: flags.get('item-column') ?? (long ? fail('--long needs --item-column <col>') : null),
			quantityColumn: flags.get('quantity-column') ?? null,
			k: Number(flags.get('k') ?? 3),
			seed: Number(flags.get('seed') ?? 42),
			models,
			hybridWeights: null,
			topN: Number(flags.get('k') ?? 3)
		}
	};
}

const round = (x: number) => Number(x.toFixed(4));

export async function runRecommendEvaluation(raw: RawColumn[], args: RecommendArgs): Promise<void> {
	const result = await runRecommend(prepareRecommendData(raw, args.request), args.request);
	result.metrics.forEach((m, i) => {
		const v = result.validation[i];
		const validation = args.validation ? { validation_hit_rate_at_k: round(v.hitRate), validation_ndcg_at_k: round(v.ndcg), validation_users: v.users } : {};
		const extra = m.model === 'item_knn' ? { similarity: result.similarity } : m.model === 'hybrid' ? { weights: result.hybrid.weights } : {};
		console.log(JSON.stringify({ task: 'recommend', model: m.model, k: args.request.k, hit_rate_at_k: round(m.hitRate), ndcg_at_k: round(m.ndcg), coverage: round(m.coverage), users: m.users, fit_ms: m.fitMs, ...validation, ...extra }));
	});
}
