/**
 * The model catalogue: what the workbench knows about every model kind, as
 * plain frozen data (no learner, no TensorFlow.js), so menus, checks, CLI
 * flags, explanation switches and messages derive from one list. Keys are
 * persisted in notebooks, model files and results: never rename one.
 *
 * Adding a tabular kind: its folder `models/<kind>/` exporting a `ModelSpec`
 * (`index.ts`) and its search space (`space.ts`), one entry here, and one line
 * in `models/index.ts` (the learners load TensorFlow.js, which this file must
 * not; the types ask for that line).
 */
import { forestSpace } from './forest/space';
import { gbdtSpace } from './gbdt/space';
import { logisticSpace } from './logistic/space';
import { mlpSpace } from './mlp/space';
import type { SearchSpace } from './shared/search-space';

/** What a kind is for; each family has its own trainer and cells. */
export type ModelFamily = 'tabular' | 'text' | 'cluster' | 'value' | 'recommend' | 'survival';

/** Prediction tasks a kind handles. */
export type TaskType = 'binary' | 'multiclass' | 'segmentation';

/**
 * How per-customer SHAP values are computed: exact TreeSHAP, exact linear SHAP,
 * Kernel SHAP (any model, sampled), or the mean of the blend's members.
 */
export type ShapMethod = 'tree' | 'linear' | 'kernel' | 'members';

/**
 * Early stopping on held-out rows: always (networks), when the params ask for it
 * (`earlyStoppingRounds` above 0), or never.
 */
export type EarlyStopping = 'always' | 'optional' | 'none';

/** Which scored customers get reasons: every row (exact, fast methods) or only the riskiest. */
export type ReasonRows = 'every' | 'riskiest';

/**
 * What a fitted model of the kind can be written as: a model file, a scored table, segment labels,
 * an ONNX graph with its preprocessing, XGBoost's JSON model (the production bundle's files).
 */
export type ExportFormat = 'model-file' | 'scored-table' | 'segments' | 'onnx' | 'xgboost-json';

export interface CatalogEntry {
	/** The one English name of the kind, in menus, leaderboards, progress and errors. */
	label: string;
	family: ModelFamily;
	tasks: readonly TaskType[];
	/** True for a blend of other kinds' fitted models (no learner of its own). */
	blend: boolean;
	/**
	 * Place in the automatic tabular search (the usual winner first, the slowest last); null
	 * when not searched (then `search` is null too).
	 */
	searchOrder: number | null;
	/** Where the automatic mode searches the kind (declared in its folder's `space.ts`); null when not searched. */
	search: SearchSpace | null;
	/**
	 * Relative share of a run's time within its family: the automatic tabular search splits
	 * its budget by it, the text trainer its progress bar. Only ratios matter.
	 */
	budgetShare: number;
	shap: ShapMethod | null;
	earlyStopping: EarlyStopping;
	reasons: ReasonRows | null;
	exports: readonly ExportFormat[];
}

const TABULAR_TASKS = ['binary', 'multiclass'] as const;
const TABULAR_EXPORTS = ['model-file', 'scored-table', 'onnx'] as const;
const RECOMMEND = { family: 'recommend', tasks: [], searchOrder: null, search: null, shap: null, earlyStopping: 'none', reasons: null, exports: [] } as const;
const VALUE = { family: 'value', tasks: [], blend: false, searchOrder: null, search: null, shap: null, earlyStopping: 'none', reasons: null, exports: ['scored-table'] } as const;
const SURVIVAL = { family: 'survival', tasks: [], blend: false, searchOrder: null, search: null, shap: null, earlyStopping: 'none', reasons: null, exports: ['scored-table'] } as const;
const TEXT = { family: 'text', tasks: TABULAR_TASKS, searchOrder: null, search: null, shap: null, reasons: null, exports: ['scored-table'] } as const;

const ENTRIES = {
	gbdt: { label: 'Gradient-boosted trees', family: 'tabular', tasks: TABULAR_TASKS, blend: false, searchOrder: 1, search: gbdtSpace, budgetShare: 0.4, shap: 'tree', earlyStopping: 'optional', reasons: 'every', exports: [...TABULAR_EXPORTS, 'xgboost-json'] },
	forest: { label: 'Random forest', family: 'tabular', tasks: TABULAR_TASKS, blend: false, searchOrder: 3, search: forestSpace, budgetShare: 0.25, shap: 'tree', earlyStopping: 'none', reasons: 'every', exports: TABULAR_EXPORTS },
	logistic: { label: 'Logistic regression', family: 'tabular', tasks: TABULAR_TASKS, blend: false, searchOrder: 2, search: logisticSpace, budgetShare: 0.1, shap: 'linear', earlyStopping: 'none', reasons: 'every', exports: TABULAR_EXPORTS },
	mlp: { label: 'Neural network (MLP)', family: 'tabular', tasks: TABULAR_TASKS, blend: false, searchOrder: 4, search: mlpSpace, budgetShare: 0.25, shap: 'kernel', earlyStopping: 'always', reasons: 'riskiest', exports: TABULAR_EXPORTS },
	ensemble: { label: 'Ensemble', family: 'tabular', tasks: TABULAR_TASKS, blend: true, searchOrder: null, search: null, budgetShare: 0, shap: 'members', earlyStopping: 'none', reasons: 'riskiest', exports: TABULAR_EXPORTS },
	lexicon: { ...TEXT, label: 'Lexicon', blend: false, budgetShare: 1, earlyStopping: 'none' },
	tfidf: { ...TEXT, label: 'TF-IDF + logistic regression', blend: false, budgetShare: 3, earlyStopping: 'none' },
	rnn: { ...TEXT, label: 'Recurrent network (BiGRU)', blend: false, budgetShare: 12, earlyStopping: 'always' },
	transformer: { ...TEXT, label: 'Transformer encoder', blend: false, budgetShare: 10, earlyStopping: 'always' },
	pretrained: { ...TEXT, label: 'Pretrained, fine-tuned', blend: false, budgetShare: 8, earlyStopping: 'always' },
	/** The text cell's blend of its best models (its persisted kind is 'auto'). */
	auto: { ...TEXT, label: 'Blend of the best', blend: true, budgetShare: 0, earlyStopping: 'none' },
	kmeans: { label: 'k-means', family: 'cluster', tasks: ['segmentation'], blend: false, searchOrder: null, search: null, budgetShare: 0, shap: null, earlyStopping: 'none', reasons: null, exports: ['segments'] },
	/** Recommenders of customer × item ownership (budget shares: the recommendation job's progress bar). */
	popularity: { ...RECOMMEND, label: 'Popularity', blend: false, budgetShare: 0.5 },
	item_knn: { ...RECOMMEND, label: 'Item similarity (co-ownership)', blend: false, budgetShare: 1 },
	als: { ...RECOMMEND, label: 'Matrix factorisation (ALS)', blend: false, budgetShare: 4 },
	propensity: { ...RECOMMEND, label: 'Propensity (one classifier per item)', blend: false, budgetShare: 6 },
	hybrid: { ...RECOMMEND, label: 'Hybrid blend', blend: true, budgetShare: 1 },
	/** Customer value from a purchase log: how many more purchases (BG/NBD) and how much each (Gamma-Gamma). */
	bgnbd: { ...VALUE, label: 'BG/NBD (purchases and P(alive))', budgetShare: 1 },
	gamma_gamma: { ...VALUE, label: 'Gamma-Gamma (spend per purchase)', budgetShare: 0.2 },
	/** Churn timing from durations and churn events. */
	kaplan_meier: { ...SURVIVAL, label: 'Kaplan–Meier', budgetShare: 0.2 },
	cox: { ...SURVIVAL, label: 'Cox proportional hazards', budgetShare: 1 }
} as const satisfies Record<string, CatalogEntry>;

type Entries = typeof ENTRIES;
/** Every kind of the catalogue, learners and blends. */
export type CatalogKind = keyof Entries;
type KindsWhere<F extends ModelFamily, B extends boolean> = { [K in CatalogKind]: Entries[K] extends { family: F; blend: B } ? K : never }[CatalogKind];

/** Learners of customer tables (the churn and segment-prediction cells). */
export type TabularKind = KindsWhere<'tabular', false>;
/** The tabular blend's kind ('ensemble'). */
export type TabularBlendKind = KindsWhere<'tabular', true>;
/** Sentiment models of the text cell. */
export type TextKind = KindsWhere<'text', false>;
/** The text cell's blend ('auto'). */
export type TextBlendKind = KindsWhere<'text', true>;
export type ClusterKind = KindsWhere<'cluster', false>;
/** Recommenders with a learner of their own (popularity, item_knn, als, propensity). */
export type RecommendLearnerKind = KindsWhere<'recommend', false>;
/** The recommenders' blend ('hybrid'). */
export type RecommendBlendKind = KindsWhere<'recommend', true>;
/** Every recommendation kind a request may ask for, the blend included. */
export type RecommendKind = RecommendLearnerKind | RecommendBlendKind;
/** Purchase and spend models of the lifetime value cell (bgnbd, gamma_gamma). */
export type ValueKind = KindsWhere<'value', false>;
/** Churn-timing models of the survival cell (kaplan_meier, cox). */
export type SurvivalKind = KindsWhere<'survival', false>;

function deepFreeze<T>(value: T): T {
	if (value && typeof value === 'object' && !Object.isFrozen(value)) {
		for (const v of Object.values(value)) deepFreeze(v);
		Object.freeze(value);
	}
	return value;
}

export const MODEL_CATALOG: { readonly [K in CatalogKind]: CatalogEntry & Entries[K] } = deepFreeze(ENTRIES);

/** Every kind the catalogue names. */
export const KINDS = Object.keys(ENTRIES) as CatalogKind[];
const kindsWhere = <K extends CatalogKind>(family: ModelFamily, blend: boolean) =>
	Object.freeze(KINDS.filter((k) => MODEL_CATALOG[k].family === family && MODEL_CATALOG[k].blend === blend)) as readonly K[];

export const TABULAR_KINDS = kindsWhere<TabularKind>('tabular', false);
export const TEXT_KINDS = kindsWhere<TextKind>('text', false);
export const CLUSTER_KINDS = kindsWhere<ClusterKind>('cluster', false);
export const RECOMMEND_LEARNER_KINDS = kindsWhere<RecommendLearnerKind>('recommend', false);
export const RECOMMEND_BLEND_KIND: RecommendBlendKind = kindsWhere<RecommendBlendKind>('recommend', true)[0];
/** The recommendation kinds in catalogue order, the blend last. */
export const RECOMMEND_KINDS: readonly RecommendKind[] = Object.freeze([...RECOMMEND_LEARNER_KINDS, RECOMMEND_BLEND_KIND]);
export const VALUE_KINDS = kindsWhere<ValueKind>('value', false);
export const SURVIVAL_KINDS = kindsWhere<SurvivalKind>('survival', false);
export const TABULAR_BLEND_KIND: TabularBlendKind = kindsWhere<TabularBlendKind>('tabular', true)[0];
export const TEXT_BLEND_KIND: TextBlendKind = kindsWhere<TextBlendKind>('text', true)[0];
/** The automatic mode's kinds in search order: the usual winner first, the slowest last. */
export const AUTO_KINDS: readonly TabularKind[] = Object.freeze([...TABULAR_KINDS].sort((a, b) => MODEL_CATALOG[a].searchOrder - MODEL_CATALOG[b].searchOrder));

export const isCatalogKind = (kind: unknown): kind is CatalogKind => typeof kind === 'string' && Object.hasOwn(MODEL_CATALOG, kind);
export const isTabularKind = (kind: unknown): kind is TabularKind => (TABULAR_KINDS as readonly unknown[]).includes(kind);
export const isTextKind = (kind: unknown): kind is TextKind => (TEXT_KINDS as readonly unknown[]).includes(kind);
export const isRecommendKind = (kind: unknown): kind is RecommendKind => (RECOMMEND_KINDS as readonly unknown[]).includes(kind);
export const isClusterKind = (kind: unknown): kind is ClusterKind => (CLUSTER_KINDS as readonly unknown[]).includes(kind);

/** The catalogue label of `kind`; an unknown kind reads as itself. */
export function labelOf(kind: string): string {
	return isCatalogKind(kind) ? MODEL_CATALOG[kind].label : kind;
}

/** Labels of `kinds`, keyed by kind. */
export function labelsOf<K extends CatalogKind>(kinds: readonly K[]): Record<K, string> {
	return Object.fromEntries(kinds.map((k) => [k, MODEL_CATALOG[k].label])) as Record<K, string>;
}

/** Kinds whose entries satisfy `test` (e.g. the kinds a model file may hold). */
export function kindsWith(test: (entry: CatalogEntry) => boolean): CatalogKind[] {
	return KINDS.filter((k) => test(MODEL_CATALOG[k]));
}

/** True when a fit of `kind` with `params` holds rows out for early stopping. */
export function usesEarlyStopping(kind: string, params: Record<string, unknown>): boolean {
	const mode = isCatalogKind(kind) ? MODEL_CATALOG[kind].earlyStopping : 'none';
	return mode === 'always' || (mode === 'optional' && Number(params.earlyStoppingRounds ?? 0) > 0);
}

/** True when the churn cell explains every scored customer of `kind` (exact, fast SHAP), not only the riskiest. */
export function explainsEveryRow(kind: string): boolean {
	return isCatalogKind(kind) && MODEL_CATALOG[kind].reasons === 'every';
}
