/**
 * Propensity: one classifier per item predicting ownership from the customer's
 * profile columns and the other items they own (the tabular engine's logistic
 * regression with fixed params), scored as P(owns the item).
 */
import { MODEL_CATALOG } from '../catalog';
import { logisticModel, type LogisticParams, type LogisticState } from '../logistic';
import { yieldAndCheck } from '../shared/cancel';
import type { FeatureInfo } from '../shared/features';
import type { Features, NumericColumn } from '../types';
import { checkData, checkItems, checkState } from './state';
import type { RecommendData, Recommender, RecommenderState } from './types';

export interface PropensityParams {
	/** The logistic regression's params (the tabular engine's defaults otherwise). */
	logistic: Partial<LogisticParams>;
}

export interface PropensityState extends RecommenderState {
	kind: 'propensity';
	version: 1;
	items: number;
	/** Profile columns the classifiers read (names and kinds), before the item columns. */
	profile: FeatureInfo[];
	/** One fitted classifier per item; null where every customer (or none) owns it. */
	models: (LogisticState | null)[];
	/** Share of owners per item: the score of an item without a classifier. */
	share: Float64Array;
}

/** Item columns as features: "owns <item>" = 0/1. */
function itemColumn(data: RecommendData, item: number): NumericColumn {
	const { owned, items } = data.matrix;
	const values = new Float64Array(data.matrix.users.length);
	for (let u = 0; u < values.length; u++) values[u] = owned[u * items.length + item];
	return { name: `owns ${items[item]}`, kind: 'numeric', values };
}

/** Profile + every item but `target`. */
function featuresFor(data: RecommendData, target: number, itemColumns: NumericColumn[]): Features {
	return { rows: data.matrix.users.length, columns: [...(data.profile?.columns ?? []), ...itemColumns.filter((_, j) => j !== target)] };
}

export const propensityModel: Recommender<PropensityParams, PropensityState> = {
	kind: 'propensity',
	label: MODEL_CATALOG.propensity.label,
	defaults: { logistic: { C: 1, maxIterations: 100 } },
	async fit(data, params, ctx) {
		const { users, items } = checkData(data);
		const logistic = { ...logisticModel.defaults, ...propensityModel.defaults.logistic, ...params.logistic };
		const itemColumns = Array.from({ length: items }, (_, j) => itemColumn(data, j));
		const share = new Float64Array(items);
		const models: (LogisticState | null)[] = [];
		const signal = ctx.signal ?? new AbortController().signal;
		for (let j = 0; j < items; j++) {
			const y = Int32Array.from(itemColumns[j].values);
			const owners = y.reduce((s, v) => s + v, 0);
			share[j] = owners / Math.max(users, 1);
			if (owners === 0 || owners === users) {
				models.push(null);
				continue;
			}
			const dataset = { X: featuresFor(data, j, itemColumns), y, classes: ['0', '1'] };
			models.push(await logisticModel.fit(dataset, logistic, { seed: ctx.seed, signal, progress: () => undefined }));
			ctx.progress?.((j + 1) / items);
			await yieldAndCheck(ctx.signal);
		}
		const profile = (data.profile?.columns ?? []).map((c): FeatureInfo => (c.kind === 'numeric' ? { name: c.name, kind: 'numeric' } : { name: c.name, kind: 'categorical', levels: [...c.levels] }));
		return { kind: 'propensity', version: 1, items, profile, models, share };
	},
	async score(state, data) {
		checkState(state, 'propensity', 1);
		const { users, items } = checkData(data);
		checkItems(state.items, data);
		const names = (data.profile?.columns ?? []).map((c) => c.name);
		if (names.join('\u0000') !== state.profile.map((f) => f.name).join('\u0000')) throw new Error(`invalid profile: columns ${names.join(', ')}, the model was fitted on ${state.profile.map((f) => f.name).join(', ')}`);
		const itemColumns = Array.from({ length: items }, (_, j) => itemColumn(data, j));
		const scores = new Float32Array(users * items);
		for (let j = 0; j < items; j++) {
			const model = state.models[j];
			if (!model) {
				for (let u = 0; u < users; u++) scores[u * items + j] = state.share[j];
				continue;
			}
			const { probabilities } = await logisticModel.predict(model, featuresFor(data, j, itemColumns));
			for (let u = 0; u < users; u++) scores[u * items + j] = probabilities[u * 2 + 1];
		}
		return scores;
	}
};
