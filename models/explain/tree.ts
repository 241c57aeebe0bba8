/**
 * Tree SHAP for the two tree learners: gradient boosting in margin
 * (log-odds) space, random forests in probability space (the forest's
 * output is a mean of leaf class frequencies, so that is where it is additive).
 */
import type { Features } from '../types';
import type { ForestState } from '../forest';
import type { GbdtState } from '../gbdt';
import { alignFeatures, createYielder, type AlignedRows } from '../shared/tree';
import { LeafPathShap } from './leaf-paths';
import { LinearTreeShap, linearShapApplies } from './linear-treeshap';
import { addBlock } from './row-block';
import { SubtreeShap, subtreeShapApplies } from './subtree-shap';
import { TreeShap, type TreeTarget } from './treeshap';
import type { ShapOptions, ShapResult } from './types';

/**
 * Rows between progress reports / abort checks of the per-row methods: a
 * deep forest took ~25 ms a row by Linear TreeSHAP, so 50 rows keep a cancel
 * prompt and the progress line moving (the subtree memo reports per tree).
 */
const CHUNK = 50;

function defaultClass(classes: string[], options: ShapOptions): number {
	const k = options.classIndex ?? classes.length - 1;
	if (!(Number.isInteger(k) && k >= 0 && k < classes.length)) throw new Error(`invalid classIndex: ${k}`);
	return k;
}

/** The trees and leaf value that make up the explained output of a gbdt or forest. */
export function treeTarget(state: GbdtState | ForestState, classIndex: number): TreeTarget {
	const e = state.trees;
	const count = e.treeStart.length - 1;
	if (state.kind === 'gbdt') {
		const T = state.treesPerRound;
		// Binary boosters have one output (the positive class's margin); class 0's log-odds is its negation.
		const k = T === 1 ? 0 : classIndex;
		const trees = Int32Array.from({ length: Math.ceil((count - k) / T) }, (_, i) => k + i * T);
		return { trees, valueIndex: 0, scale: T === 1 && classIndex === 0 ? -1 : 1, complement: false };
	}
	const trees = Int32Array.from({ length: count }, (_, i) => i);
	const binary = e.valueSize === 1;
	return { trees, valueIndex: binary ? 0 : classIndex, scale: 1 / Math.max(count, 1), complement: binary && classIndex === 0 };
}

/** Exact TreeSHAP for every row of `X`. */
export async function explainTrees(
	state: GbdtState | ForestState,
	X: Features,
	/** `recursive` (Algorithm 2's recursion) or `method`: force an algorithm instead of the fastest (same values; tests cross-check them). */
	options: ShapOptions & { recursive?: boolean; method?: TreeMethod } = {}
): Promise<ShapResult> {
	const classIndex = defaultClass(state.classes, options);
	const a = alignFeatures(state.features, X);
	const target = treeTarget(state, classIndex);
	const method = options.recursive ? 'recursive' : (options.method ?? pickMethod(state, target, a.rows));
	const recursive = method === 'recursive' ? new TreeShap(state.trees, target, a.categorical) : null;
	const linear = method === 'linear' ? new LinearTreeShap(state.trees, target, a.categorical, a.features) : null;
	const leafPaths = method === 'tables' ? new LeafPathShap(state.trees, target, a.categorical, a.rows) : null;
	const F = a.features;
	const values = new Float64Array(a.rows * F);
	const outputs = new Float64Array(a.rows);
	let base = new TreeShap(state.trees, target, a.categorical).expectedValue();
	let offset = 0;
	if (state.kind === 'gbdt') {
		offset = state.treesPerRound === 1 ? state.baseScore[0] * (classIndex === 0 ? -1 : 1) : state.baseScore[classIndex];
		base += offset;
	}
	// Yields now and then so the worker's message loop can deliver an abort.
	const pause = createYielder(options.signal);
	outputs.fill(offset);
	if (method === 'subtree') await explainBySubtrees(new SubtreeShap(state.trees, target, a.categorical), a, values, outputs, pause, options.progress);
	else for (let from = 0; from < a.rows; from += CHUNK) {
		if (from > 0) options.progress?.(from / a.rows);
		await pause();
		const to = Math.min(a.rows, from + CHUNK);
		if (leafPaths) leafPaths.explainRows(a.values, F, from, to, values, outputs);
		else if (linear) linear.explainRows(a.values, F, from, to, values, outputs);
		else for (let r = from; r < to; r++) outputs[r] += recursive!.explainRow(a.values, r * F, values, r * F);
	}
	options.progress?.(1);
	return {
		features: state.features.map((f) => f.name),
		values,
		base,
		outputs,
		space: state.kind === 'gbdt' ? 'log-odds' : 'probability',
		classIndex,
		method: 'tree',
		tolerance: 0,
		rows: a.rows
	};
}

/** The exact algorithms `explainTrees` can use (same values; `pickMethod` chooses the fastest). */
export const TREE_METHODS = ['recursive', 'tables', 'linear', 'subtree'] as const;
export type TreeMethod = (typeof TREE_METHODS)[number];

/**
 * Tree by tree over blocks of rows (the subtree memo is shared by a tree's
 * rows, so the more rows at once the better), yielding between trees.
 */
async function explainBySubtrees(
	shap: SubtreeShap,
	a: AlignedRows,
	values: Float64Array,
	outputs: Float64Array,
	pause: () => Promise<void>,
	progress: ((fraction: number) => void) | undefined
): Promise<void> {
	const trees = shap.treeCount;
	for (let from = 0; from < a.rows; from += SUBTREE_BLOCK) {
		const to = Math.min(a.rows, from + SUBTREE_BLOCK);
		const block = shap.block(a, from, to);
		for (let t = 0; t < trees; t++) {
			if (from + t > 0) progress?.((from + ((to - from) * t) / trees) / a.rows);
			await pause();
			shap.explainTrees(block, t, t + 1);
		}
		addBlock(block, a.features, values, outputs);
	}
}

/** Rows explained together by the subtree memo (memory: a few arrays of this many values per tree level). */
const SUBTREE_BLOCK = 16384;

/**
 * Per-leaf tables when the trees are shallow (boosting); for deep trees
 * (forests, whose leaves would exceed the tables' cap) the subtree memo on
 * many rows, Linear TreeSHAP on a few; the recursion when a split has an
 * uncovered child.
 */
function pickMethod(state: GbdtState | ForestState, target: TreeTarget, rows: number): TreeMethod {
	const e = state.trees;
	let maxDepth = 0;
	for (const t of target.trees) {
		const start = e.treeStart[t];
		const stack = [start, 0];
		while (stack.length) {
			const d = stack.pop()!;
			const n = stack.pop()!;
			if (e.feature[n] < 0) maxDepth = Math.max(maxDepth, d);
			else stack.push(start + e.left[n], d + 1, start + e.right[n], d + 1);
		}
	}
	if (maxDepth <= LINEAR_MIN_DEPTH) return 'tables';
	if (rows >= SUBTREE_MIN_ROWS && subtreeShapApplies(e, target)) return 'subtree';
	return linearShapApplies(e, target) ? 'linear' : 'tables';
}

/** Below this many rows the subtree memo has too little to share: Linear TreeSHAP is faster. */
const SUBTREE_MIN_ROWS = 32;

/** Deeper than this, Linear TreeSHAP beats the per-leaf tables. */
const LINEAR_MIN_DEPTH = 8;

export { defaultClass };
