/**
 * Tree ensembles (boosted trees and forests) as one ai.onnx.ml
 * TreeEnsembleRegressor. Its inputs are doubles and its thresholds
 * double tensors, so every comparison is the workbench's own (`x < threshold`
 * goes left, missing values follow the learned direction).
 *
 * A categorical split sends a set of categories left; the operator (opset 3)
 * only compares numbers, so each distinct (column, set) becomes one input
 * column: 0 for categories in the set, 1 for the others, NaN for missing and
 * unseen ones, split at 0.5.
 */
import type { ForestState } from '../forest';
import type { GbdtState } from '../gbdt';
import type { TreeEnsemble } from '../shared/tree';
import type { ModelState } from '../types';
import { GraphBuilder, ML } from './onnx-graph';
import { textToNumber, type FeatureInputs } from './onnx-inputs';
import { logitsToProbabilities } from './onnx-dense';

/** The regressor's input matrix: numeric features as they are, one column per categorical split set. */
function splitColumns(g: GraphBuilder, e: TreeEnsemble, features: ModelState['features'], inputs: FeatureInputs) {
	const columns: string[] = [];
	const numericAt = new Map<number, number>();
	const setAt = new Map<string, number>();
	/** Regressor input column of each node (-1 for leaves). */
	const column = new Int32Array(e.feature.length).fill(-1);
	for (let n = 0; n < e.feature.length; n++) {
		const f = e.feature[n];
		if (f < 0) continue;
		const feature = features[f];
		const input = inputs.get(feature.name)!;
		if (feature.kind === 'numeric') {
			if (!numericAt.has(f)) numericAt.set(f, columns.push(input) - 1);
			column[n] = numericAt.get(f)!;
			continue;
		}
		const left = new Set(e.catCodes.subarray(e.catStart[n], e.catStart[n] + e.catCount[n]));
		const key = `${f}:${[...left].join(',')}`;
		if (!setAt.has(key)) {
			const side = new Map((feature.levels ?? []).map((level, code) => [level, left.has(code) ? 0 : 1]));
			setAt.set(key, columns.push(textToNumber(g, input, side)) - 1);
		}
		column[n] = setAt.get(key)!;
	}
	// Trees that never split (a single leaf each) still need an input column: the first feature's, never compared.
	if (columns.length === 0) {
		const first = inputs.get(features[0].name)!;
		columns.push(features[0].kind === 'numeric' ? first : textToNumber(g, first, new Map()));
	}
	const x = columns.length === 1 ? columns[0] : g.op('Concat', columns, { axis: { i: 1 } });
	return { x, column, categorical: (n: number) => features[e.feature[n]]?.kind === 'categorical' };
}

/**
 * Sum (boosting: margins) or mean (forest: class frequencies) of the trees' leaves, `targets` per row,
 * tree t adding to target t % targetsPerTree when each leaf holds one value.
 */
function ensembleOutput(g: GraphBuilder, e: TreeEnsemble, features: ModelState['features'], inputs: FeatureInputs, targets: number, base: number[], aggregate: 'SUM' | 'AVERAGE'): string {
	const { x, column, categorical } = splitColumns(g, e, features, inputs);
	const trees = e.treeStart.length - 1;
	const V = e.valueSize;
	const n = { tree: [] as number[], node: [] as number[], feature: [] as number[], value: [] as number[], mode: [] as string[], yes: [] as number[], no: [] as number[], missing: [] as number[] };
	const leaf = { tree: [] as number[], node: [] as number[], target: [] as number[], weight: [] as number[] };
	for (let t = 0; t < trees; t++) {
		const start = e.treeStart[t];
		for (let i = start; i < e.treeStart[t + 1]; i++) {
			const split = e.feature[i] >= 0;
			n.tree.push(t);
			n.node.push(i - start);
			n.feature.push(split ? column[i] : 0);
			n.value.push(split ? (categorical(i) ? 0.5 : e.threshold[i]) : 0);
			n.mode.push(split ? 'BRANCH_LT' : 'LEAF');
			n.yes.push(split ? e.left[i] : 0);
			n.no.push(split ? e.right[i] : 0);
			n.missing.push(split ? e.defaultLeft[i] : 0);
			if (split) continue;
			for (let v = 0; v < V; v++) {
				leaf.tree.push(t);
				leaf.node.push(i - start);
				leaf.target.push(V === 1 ? t % targets : v);
				leaf.weight.push(e.value[i * V + v]);
			}
		}
	}
	return g.op(
		'TreeEnsembleRegressor',
		[x],
		{
			n_targets: { i: targets },
			aggregate_function: { s: aggregate },
			post_transform: { s: 'NONE' },
			base_values_as_tensor: { t: { name: 'base', type: 'double', dims: [targets], values: base } },
			nodes_treeids: { ints: n.tree },
			nodes_nodeids: { ints: n.node },
			nodes_featureids: { ints: n.feature },
			nodes_values_as_tensor: { t: { name: 'thresholds', type: 'double', dims: [n.value.length], values: n.value } },
			nodes_modes: { strings: n.mode },
			nodes_truenodeids: { ints: n.yes },
			nodes_falsenodeids: { ints: n.no },
			nodes_missing_value_tracks_true: { ints: n.missing },
			target_treeids: { ints: leaf.tree },
			target_nodeids: { ints: leaf.node },
			target_ids: { ints: leaf.target },
			target_weights_as_tensor: { t: { name: 'leaves', type: 'double', dims: [leaf.weight.length], values: leaf.weight } }
		},
		ML
	);
}

/** Boosted trees: margins per class (base score plus the trees), then sigmoid or softmax. */
export function gbdtGraph(g: GraphBuilder, state: GbdtState, inputs: FeatureInputs): string {
	const margins = ensembleOutput(g, state.trees, state.features, inputs, state.treesPerRound, state.baseScore, 'SUM');
	return logitsToProbabilities(g, margins, state.treesPerRound);
}

/** Forest: the mean of the leaves' class frequencies (one value per leaf: the positive class's). */
export function forestGraph(g: GraphBuilder, state: ForestState, inputs: FeatureInputs): string {
	const V = state.trees.valueSize;
	const mean = ensembleOutput(g, state.trees, state.features, inputs, V, new Array(V).fill(0), 'AVERAGE');
	if (V > 1) return mean;
	return g.op('Concat', [g.op('Sub', [g.constant('float', [], [1]), mean]), mean], { axis: { i: 1 } });
}
