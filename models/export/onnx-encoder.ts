/**
 * The linear and neural models' preprocessing (`models/shared/encode.ts`) as
 * graph steps: median imputation, missing indicators, standardisation, and
 * one-hot categories with "(other)" and "(missing)" columns. The result is the
 * same float32 matrix `encode` builds, `rows × encoded columns`.
 */
import type { CategoricalEncoding, EncoderState, NumericEncoding } from '../shared/encode';
import type { ModelState } from '../types';
import type { GraphBuilder } from './onnx-graph';
import { DT } from './onnx-proto';
import { textToIndex, type FeatureInputs } from './onnx-inputs';

function numeric(g: GraphBuilder, x: string, e: NumericEncoding, standardize: boolean): string[] {
	const missing = g.op('IsNaN', [x]);
	const imputed = g.op('Where', [missing, g.constant('double', [], [e.median]), x]);
	// (v − mean) × (1 / std) in double, then float32: the order `encode` computes in.
	const scaled = standardize ? g.op('Mul', [g.op('Sub', [imputed, g.constant('double', [], [e.mean])]), g.constant('double', [], [1 / e.std])]) : imputed;
	const parts = [g.op('Cast', [scaled], { to: { i: DT.float } })];
	if (e.missingIndicator) parts.push(g.op('Cast', [missing], { to: { i: DT.float } }));
	return parts;
}

function categorical(g: GraphBuilder, text: string, e: CategoricalEncoding, levels: string[]): string[] {
	// Each training level → its one-hot slot: a kept level its own, a rare one "(other)" (or none);
	// missing and unseen text → "(missing)" (or none), as `buildFeatures` then `encode` do.
	const kept = new Map(e.levels.map((level, i) => [level, i]));
	const otherAt = e.other ? e.levels.length : -1;
	const missingAt = e.missing ? e.levels.length + (e.other ? 1 : 0) : -1;
	const slots = e.levels.length + (e.other ? 1 : 0) + (e.missing ? 1 : 0);
	const slot = textToIndex(g, text, new Map(levels.map((level) => [level, kept.get(level) ?? otherAt])), missingAt);
	const range = g.constant('int64', [slots], Array.from({ length: slots }, (_, i) => i));
	return [g.op('Cast', [g.op('Equal', [slot, range])], { to: { i: DT.float } })];
}

/** The encoded matrix (float [N, encoded columns]) of a fitted encoder. */
export function encodedMatrix(g: GraphBuilder, encoder: EncoderState, features: ModelState['features'], inputs: FeatureInputs): string {
	const parts = encoder.columns.flatMap((e) => {
		const input = inputs.get(e.name);
		if (!input) throw new Error(`invalid state: the encoder's column "${e.name}" is not a feature`);
		if (e.kind === 'numeric') return numeric(g, input, e, encoder.standardize);
		const levels = features.find((f) => f.name === e.name)?.levels ?? [];
		return categorical(g, input, e, levels);
	});
	return parts.length === 1 ? parts[0] : g.op('Concat', parts, { axis: { i: 1 } });
}
