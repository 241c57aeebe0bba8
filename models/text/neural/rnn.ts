/**
 * The recurrent text classifier (kind 'rnn'): a bidirectional GRU over
 * learned embeddings with a bag-of-embeddings side path, trained from scratch
 * on the user's labels with early stopping. See `gru.ts` for the network.
 */
import { gruArchitecture, type GruConfig } from './gru';
import { neuralTextModel, type NeuralState } from './model';
import { TRAINING_DEFAULTS, type NeuralParams } from './params';
import { MODEL_CATALOG } from '../../catalog';

export interface RnnParams extends NeuralParams {
	/** GRU units per direction. Default 48. */
	hiddenUnits: number;
}

export type RnnState = NeuralState<GruConfig>;

export const RNN_DEFAULTS: RnnParams = {
	...TRAINING_DEFAULTS,
	embeddingDim: 64,
	hiddenUnits: 48,
	dropout: 0.4
};

export const rnnModel = neuralTextModel<RnnParams, GruConfig>({
	kind: 'rnn',
	label: MODEL_CATALOG.rnn.label,
	defaults: RNN_DEFAULTS,
	arch: gruArchitecture,
	configOf: (p) => ({ embeddingDim: p.embeddingDim, hiddenUnits: p.hiddenUnits }),
	checkParams(p) {
		if (!(Number.isInteger(p.hiddenUnits) && p.hiddenUnits >= 1)) throw new Error(`invalid hiddenUnits: ${p.hiddenUnits}`);
	},
	checkConfig(c) {
		if (!(c && c.embeddingDim >= 1 && c.hiddenUnits >= 1)) throw new Error(`invalid rnn state: config ${JSON.stringify(c)}`);
	}
});
