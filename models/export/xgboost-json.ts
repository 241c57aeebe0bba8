/**
 * A gradient-boosted trees state as an XGBoost JSON model (what
 * `Booster.save_model('model.json')` writes and `Booster.load_model` reads),
 * for XGBoost 1.7 and later: a data team scores it natively (Python, R, JVM,
 * Spark, Dask) with the same results as the workbench, to float32 precision.
 *
 * How our trees map onto XGBoost's (each checked against XGBoost 1.7.4 by
 * `tests/unit/models/export/xgboost-json.test.ts`):
 * - Numeric splits: ours send `x < threshold` left in float64; XGBoost casts
 *   its input to float32 and sends `float32(x) < split_condition` left. Our
 *   thresholds are training values, and we write `split_condition =
 *   float32(threshold)`: every x ≥ threshold still goes right (rounding is
 *   monotone) and every x < threshold goes left unless float32 cannot tell x
 *   from the threshold at all (a value within ~6e-8 relative of it), where no
 *   float32 condition could separate them. Data with at most 7 significant
 *   digits is therefore split exactly.
 * - Categorical splits (`split_type` 1): a category is its index in the
 *   feature's `levels`. XGBoost sends the listed categories to the RIGHT child
 *   and other categories left, so we list our left-going codes and swap the
 *   children (and the default direction) of the node. Missing values follow
 *   `default_left`; categories outside `levels` must be given as missing (a
 *   pandas category dtype with exactly `levels` as categories does that).
 * - Base score: binary models use `binary:logistic`, whose `base_score` XGBoost
 *   stores as a probability (it takes the logit when scoring), so we write
 *   sigmoid(baseScore). Multiclass models use `multi:softprob`, where XGBoost
 *   1.7 has one scalar `base_score` (a margin) for every class; ours differ per
 *   class, so `base_score` is 0 and a first round of one-leaf trees carries
 *   each class's starting margin (tree_info gives each tree's class).
 * - XGBoost's JSON reader tells floats from integers by their spelling
 *   (`1` is an integer, `1.0` a float) and refuses an integer where a float
 *   belongs. `JSON.stringify` writes 1.0 as `1`, so the float fields of
 *   `xgboostJson` hold, for an integral value, the next double away from
 *   zero (1.0000000000000002), which XGBoost reads back as the same float32;
 *   `xgboostJsonText` writes them as `1.0` instead and is the safe way to
 *   write the file (it also covers integral values beyond 2^53).
 */
import type { GbdtState } from '../gbdt';
import { checkGbdtState } from '../gbdt/state';

/** The XGBoost release whose format is written (loadable by it and by later ones). */
export const XGBOOST_FORMAT_VERSION = [1, 7, 4] as const;
/** XGBoost's "no parent" of a root node. */
const NO_PARENT = 2147483647;
/** Keys whose arrays (or values) XGBoost reads as floats. */
const FLOAT_KEYS = new Set(['base_weights', 'loss_changes', 'split_conditions', 'sum_hessian']);

interface XgbTree {
	base_weights: number[];
	categories: number[];
	categories_nodes: number[];
	categories_segments: number[];
	categories_sizes: number[];
	default_left: number[];
	id: number;
	left_children: number[];
	loss_changes: number[];
	parents: number[];
	right_children: number[];
	split_conditions: number[];
	split_indices: number[];
	split_type: number[];
	sum_hessian: number[];
	tree_param: { num_deleted: string; num_feature: string; num_nodes: string; size_leaf_vector: string };
}

/** A float field's value that `JSON.stringify` spells as a float XGBoost reads back as float32(v). */
function floatish(v: number): number {
	const f = Math.fround(v);
	if (!Number.isInteger(f) || Math.abs(f) >= 2 ** 53) return f;
	if (f === 0) return 1e-300; // read as float32 0
	return f + f * Number.EPSILON; // the next double away from zero: not integral, same float32
}

/** Floats as XGBoost spells them: always with a decimal point or an exponent. */
function floatText(v: number): string {
	if (!Number.isFinite(v)) throw new Error(`invalid float: ${v}`);
	const f = Math.fround(v);
	return Number.isInteger(f) && Math.abs(f) < 1e21 ? f.toFixed(1) : String(f);
}

function tree(id: number, features: number, nodes: Omit<XgbTree, 'id' | 'tree_param' | 'parents'>): XgbTree {
	const n = nodes.left_children.length;
	const parents = new Array<number>(n).fill(NO_PARENT);
	for (let i = 0; i < n; i++) {
		if (nodes.left_children[i] >= 0) parents[nodes.left_children[i]] = i;
		if (nodes.right_children[i] >= 0) parents[nodes.right_children[i]] = i;
	}
	return {
		...nodes,
		id,
		parents,
		tree_param: { num_deleted: '0', num_feature: String(features), num_nodes: String(n), size_leaf_vector: '0' }
	};
}

/** A one-leaf tree adding `value` to every row's margin. */
function constantTree(id: number, features: number, value: number): XgbTree {
	return tree(id, features, {
		base_weights: [value],
		categories: [],
		categories_nodes: [],
		categories_segments: [],
		categories_sizes: [],
		default_left: [0],
		left_children: [-1],
		loss_changes: [0],
		right_children: [-1],
		split_conditions: [value],
		split_indices: [0],
		split_type: [0],
		sum_hessian: [0]
	});
}

/** Tree `t` of the ensemble in XGBoost's layout (numbers exact; `floatish` comes later). */
function ensembleTree(state: GbdtState, t: number, id: number): XgbTree {
	const e = state.trees;
	const start = e.treeStart[t];
	const n = e.treeStart[t + 1] - start;
	const V = e.valueSize;
	const out: Omit<XgbTree, 'id' | 'tree_param' | 'parents'> = {
		base_weights: [],
		categories: [],
		categories_nodes: [],
		categories_segments: [],
		categories_sizes: [],
		default_left: [],
		left_children: [],
		loss_changes: [],
		right_children: [],
		split_conditions: [],
		split_indices: [],
		split_type: [],
		sum_hessian: []
	};
	for (let i = 0; i < n; i++) {
		const g = start + i;
		const f = e.feature[g];
		const value = e.value[g * V];
		out.base_weights.push(value);
		out.loss_changes.push(f < 0 ? 0 : e.gain[g]);
		out.sum_hessian.push(e.cover[g]);
		if (f < 0) {
			out.left_children.push(-1);
			out.right_children.push(-1);
			out.default_left.push(0);
			out.split_indices.push(0);
			out.split_type.push(0);
			out.split_conditions.push(value); // a leaf's split condition is its value
			continue;
		}
		out.split_indices.push(f);
		if (state.features[f].kind === 'categorical') {
			// XGBoost sends the listed categories right: list ours (left-going) and swap the children.
			out.left_children.push(e.right[g]);
			out.right_children.push(e.left[g]);
			out.default_left.push(e.defaultLeft[g] ? 0 : 1);
			out.split_type.push(1);
			out.split_conditions.push(0); // unused by categorical splits (XGBoost writes NaN, which JSON lacks)
			out.categories_nodes.push(i);
			out.categories_segments.push(out.categories.length);
			out.categories_sizes.push(e.catCount[g]);
			for (let c = 0; c < e.catCount[g]; c++) out.categories.push(e.catCodes[e.catStart[g] + c]);
		} else {
			out.left_children.push(e.left[g]);
			out.right_children.push(e.right[g]);
			out.default_left.push(e.defaultLeft[g] ? 1 : 0);
			out.split_type.push(0);
			out.split_conditions.push(e.threshold[g]); // written as float32(threshold): see the header
		}
	}
	return tree(id, state.features.length, out);
}

/** Float fields made safe for `JSON.stringify` (see the header). */
function withFloatish(t: XgbTree): XgbTree {
	const copy = { ...t };
	for (const key of FLOAT_KEYS) (copy as unknown as Record<string, number[]>)[key] = (t as unknown as Record<string, number[]>)[key].map(floatish);
	return copy;
}

/** Column names as XGBoost feature names: it refuses "[", "]" and "<" in them (score.py matches features by position). */
function featureNames(columns: string[]): string[] {
	const used = new Set<string>();
	return columns.map((column) => {
		const base = column.replace(/[[\]<]/g, '_');
		let name = base;
		for (let i = 2; used.has(name); i++) name = `${base}_${i}`;
		used.add(name);
		return name;
	});
}

function model(state: GbdtState): { json: object; trees: XgbTree[] } {
	checkGbdtState(state);
	const K = state.treesPerRound;
	const F = state.features.length;
	const multiclass = K > 1;
	const trees: XgbTree[] = [];
	const treeInfo: number[] = [];
	if (multiclass) {
		// XGBoost 1.7 has one base score for all classes: a first round carries each class's own.
		for (let k = 0; k < K; k++) trees.push(constantTree(trees.length, F, state.baseScore[k])), treeInfo.push(k);
	}
	const count = state.trees.treeStart.length - 1;
	for (let t = 0; t < count; t++) trees.push(ensembleTree(state, t, trees.length)), treeInfo.push(t % K);
	// binary:logistic keeps base_score as a probability (XGBoost takes its logit when scoring).
	const baseScore = multiclass ? 0 : 1 / (1 + Math.exp(-state.baseScore[0]));
	const json = {
		learner: {
			attributes: {},
			feature_names: featureNames(state.features.map((f) => f.name)),
			feature_types: state.features.map((f) => (f.kind === 'categorical' ? 'c' : 'q')),
			gradient_booster: {
				model: {
					gbtree_model_param: { num_parallel_tree: '1', num_trees: String(trees.length), size_leaf_vector: '0' },
					tree_info: treeInfo,
					trees
				},
				name: 'gbtree'
			},
			learner_model_param: {
				base_score: Math.fround(baseScore).toExponential(8).toUpperCase(),
				boost_from_average: '1',
				num_class: multiclass ? String(K) : '0',
				num_feature: String(F),
				num_target: '1'
			},
			objective: multiclass
				? { name: 'multi:softprob', softmax_multiclass_param: { num_class: String(K) } }
				: { name: 'binary:logistic', reg_loss_param: { scale_pos_weight: '1' } }
		},
		version: [...XGBOOST_FORMAT_VERSION]
	};
	return { json, trees };
}

/** The model as an XGBoost JSON object; `JSON.stringify` of it loads in XGBoost (see the header for its one limit). */
export function xgboostJson(state: GbdtState): object {
	const { json, trees } = model(state);
	const booster = (json as { learner: { gradient_booster: { model: { trees: XgbTree[] } } } }).learner.gradient_booster.model;
	booster.trees = trees.map(withFloatish);
	return json;
}

/** The text of `model.xgboost.json`: every float spelled as a float, exactly float32. */
export function xgboostJsonText(state: GbdtState): string {
	const { json } = model(state);
	// Floats go through a marker string, unquoted afterwards: JSON.stringify has no way to write 1.0.
	const text = JSON.stringify(json, (key, value) =>
		FLOAT_KEYS.has(key) && Array.isArray(value) ? value.map((v: number) => `\u0000${floatText(v)}`) : value
	);
	return text.replace(/"\\u0000([^"]*)"/g, '$1');
}
