/**
 * The transformer text classifier (kind 'transformer'): a small encoder
 * (see `attention.ts`) trained from scratch on the user's labels with early
 * stopping. The pretrained model runs the same architecture from shipped weights.
 */
import { transformerArchitecture, type TransformerConfig } from './attention';
import { neuralTextModel, type NeuralState } from './model';
import { TRAINING_DEFAULTS, type NeuralParams } from './params';
import { MODEL_CATALOG } from '../../catalog';

export interface TransformerParams extends NeuralParams {
	/** Attention heads per layer; `embeddingDim` must divide by it. Default 2. */
	heads: number;
	/** Encoder layers. Default 2. */
	layers: number;
	/** Hidden units of each feed-forward block. Default 64. */
	ffUnits: number;
}

export type TransformerState = NeuralState<TransformerConfig>;

export const TRANSFORMER_DEFAULTS: TransformerParams = {
	...TRAINING_DEFAULTS,
	// Small widths: on a few thousand texts wider layers only overfit sooner (and cost more time).
	embeddingDim: 32,
	heads: 2,
	layers: 2,
	ffUnits: 64
};

export function checkTransformerConfig(c: TransformerConfig, what = 'transformer'): void {
	const ok = (v: unknown) => Number.isInteger(v) && (v as number) >= 1;
	if (!(c && ok(c.dim) && ok(c.heads) && ok(c.layers) && ok(c.ffUnits) && ok(c.maxLength) && c.dim % c.heads === 0)) {
		throw new Error(`invalid ${what} config: ${JSON.stringify(c)} (embedding width must divide by the number of heads)`);
	}
}

export const transformerModel = neuralTextModel<TransformerParams, TransformerConfig>({
	kind: 'transformer',
	label: MODEL_CATALOG.transformer.label,
	defaults: TRANSFORMER_DEFAULTS,
	arch: transformerArchitecture,
	configOf: (p) => ({ dim: p.embeddingDim, heads: p.heads, layers: p.layers, ffUnits: p.ffUnits, maxLength: p.maxLength }),
	checkParams(p) {
		checkTransformerConfig({ dim: p.embeddingDim, heads: p.heads, layers: p.layers, ffUnits: p.ffUnits, maxLength: p.maxLength });
	},
	checkConfig: (c) => checkTransformerConfig(c)
});
