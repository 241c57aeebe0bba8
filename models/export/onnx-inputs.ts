/**
 * The graph's inputs: one per feature column, raw as the table holds it —
 * numbers as double [N,1] (NaN = missing), categories as text [N,1]
 * ("" = missing) — and the lookups that turn a category's text into numbers.
 * As in the workbench, a category outside the training levels counts as missing.
 */
import type { ModelState } from '../types';
import { GraphBuilder, ML } from './onnx-graph';
import { onnxInputNames } from './input-names';

/** Feature name → the graph input holding it. */
export type FeatureInputs = Map<string, string>;

export function declareInputs(g: GraphBuilder, features: ModelState['features']): FeatureInputs {
	const names = onnxInputNames(features.map((f) => f.name));
	return new Map(features.map((f, i) => [f.name, g.input(names[i], f.kind === 'numeric' ? 'double' : 'string', ['N', 1])]));
}

/** Text → int64 per `map` (level → number), `otherwise` for every other text and for "" (missing). */
export function textToIndex(g: GraphBuilder, input: string, map: Map<string, number>, otherwise: number): string {
	return g.op('LabelEncoder', [input], { keys_strings: { strings: [...map.keys()] }, values_int64s: { ints: [...map.values()] }, default_int64: { i: otherwise } }, ML);
}

/** Text → double per `map`, NaN (missing) for every other text and for "". */
export function textToNumber(g: GraphBuilder, input: string, map: Map<string, number>): string {
	const number = g.op('LabelEncoder', [input], { keys_strings: { strings: [...map.keys()] }, values_floats: { floats: [...map.values()] }, default_float: { f: NaN } }, ML);
	return g.op('Cast', [number], { to: { i: 11 } });
}
