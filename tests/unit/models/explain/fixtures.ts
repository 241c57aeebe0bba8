/** Small fixtures for the SHAP tests: a churn-like table and hand-built trees. */
import type { Dataset, FitContext, Features } from '../../../../models/types';
import type { TreeEnsemble } from '../../../../models/shared/tree';
import { createRng } from '../../../../models/shared/random';
import { goesLeft, leftShare, type TreeTarget } from '../../../../models/explain/treeshap';

export function context(seed = 1): FitContext {
	return { seed, progress: () => {}, signal: new AbortController().signal };
}

/** 4 columns (tenure, charges with gaps, contract categorical, noise); churn depends on the first three. */
export function churnTable(rows: number, seed: number, classes = 2): Dataset {
	const rng = createRng(seed);
	const tenure = new Float64Array(rows);
	const charges = new Float64Array(rows);
	const noise = new Float64Array(rows);
	const contract = new Int32Array(rows);
	const y = new Int32Array(rows);
	for (let r = 0; r < rows; r++) {
		tenure[r] = Math.floor(rng() * 72);
		charges[r] = rng() < 0.1 ? NaN : 20 + rng() * 100;
		contract[r] = rng() < 0.05 ? -1 : Math.floor(rng() * 3);
		noise[r] = rng();
		const z = -tenure[r] / 20 + (Number.isNaN(charges[r]) ? 0.5 : charges[r] / 50) + (contract[r] === 0 ? 1.5 : 0) - 1 + (rng() - 0.5) * 2;
		y[r] = classes === 2 ? (z > 0 ? 1 : 0) : z > 0.7 ? 2 : z > -0.7 ? 1 : 0;
	}
	const X: Features = {
		rows,
		columns: [
			{ name: 'tenure', kind: 'numeric', values: tenure },
			{ name: 'charges', kind: 'numeric', values: charges },
			{ name: 'contract', kind: 'categorical', codes: contract, levels: ['Month-to-month', 'One year', 'Two year'] },
			{ name: 'noise', kind: 'numeric', values: noise }
		]
	};
	return { X, y, classes: classes === 2 ? ['No', 'Yes'] : ['low', 'mid', 'high'] };
}

/** The first `n` rows of `X`. */
export function head(X: Features, n: number): Features {
	return {
		rows: n,
		columns: X.columns.map((c) => (c.kind === 'numeric' ? { ...c, values: c.values.slice(0, n) } : { ...c, codes: c.codes.slice(0, n) }))
	};
}

type HandNode = { leaf: number; cover: number } | { feature: number; threshold: number; left: HandNode; right: HandNode; defaultLeft?: boolean };

/** A numeric-split ensemble from nested nodes (covers of internal nodes are the children's sum). */
export function handEnsemble(trees: HandNode[]): TreeEnsemble {
	const nodes: { n: HandNode; tree: number; local: number; left: number; right: number; cover: number }[] = [];
	const treeStart: number[] = [];
	trees.forEach((root, t) => {
		treeStart.push(nodes.length);
		const start = nodes.length;
		const add = (n: HandNode): number => {
			const at = nodes.length;
			nodes.push({ n, tree: t, local: at - start, left: -1, right: -1, cover: 0 });
			if ('leaf' in n) nodes[at].cover = n.cover;
			else {
				nodes[at].left = add(n.left) - start;
				nodes[at].right = add(n.right) - start;
				nodes[at].cover = nodes[start + nodes[at].left].cover + nodes[start + nodes[at].right].cover;
			}
			return at;
		};
		add(root);
	});
	treeStart.push(nodes.length);
	const N = nodes.length;
	return {
		valueSize: 1,
		treeStart: Int32Array.from(treeStart),
		feature: Int32Array.from(nodes, (x) => ('leaf' in x.n ? -1 : x.n.feature)),
		threshold: Float64Array.from(nodes, (x) => ('leaf' in x.n ? 0 : x.n.threshold)),
		left: Int32Array.from(nodes, (x) => x.left),
		right: Int32Array.from(nodes, (x) => x.right),
		defaultLeft: Uint8Array.from(nodes, (x) => ('leaf' in x.n ? 0 : x.n.defaultLeft ? 1 : 0)),
		value: Float64Array.from(nodes, (x) => ('leaf' in x.n ? x.n.leaf : 0)),
		gain: new Float64Array(N),
		cover: Float64Array.from(nodes, (x) => x.cover),
		catStart: new Int32Array(N),
		catCount: new Int32Array(N),
		catCodes: new Int32Array(0)
	};
}

/**
 * Brute-force Shapley values of one row with the path-dependent value function:
 * v(S) = Σ over trees of E[f | x_S], features outside S integrated out by cover.
 */
export function bruteForceShap(e: TreeEnsemble, target: TreeTarget, categorical: Uint8Array, x: Float64Array, F: number): Float64Array {
	const V = e.valueSize;
	const leaf = (n: number) => {
		const v = e.value[n * V + target.valueIndex];
		return (target.complement ? 1 - v : v) * target.scale;
	};
	const expect = (start: number, n: number, S: number): number => {
		const f = e.feature[n];
		if (f < 0) return leaf(n);
		const l = start + e.left[n];
		const r = start + e.right[n];
		if ((S >> f) & 1) return expect(start, goesLeft(e, n, categorical[f] === 1, x[f]) ? l : r, S);
		const w = leftShare(e, l, r);
		return w * expect(start, l, S) + (1 - w) * expect(start, r, S);
	};
	const v = (S: number) => Array.from(target.trees).reduce((s, t) => s + expect(e.treeStart[t], e.treeStart[t], S), 0);
	const fact = (n: number): number => (n <= 1 ? 1 : n * fact(n - 1));
	const phi = new Float64Array(F);
	for (let i = 0; i < F; i++)
		for (let S = 0; S < 1 << F; S++) {
			if ((S >> i) & 1) continue;
			let size = 0;
			for (let j = 0; j < F; j++) size += (S >> j) & 1;
			phi[i] += ((fact(size) * fact(F - size - 1)) / fact(F)) * (v(S | (1 << i)) - v(S));
		}
	return phi;
}
