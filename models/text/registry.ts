/**
 * The text-model registry: one line per model. Keys are persisted in
 * notebooks and model files: never rename one.
 */
import { lexiconModel } from './lexicon';
import { tfidfModel } from './tfidf';
import { rnnModel } from './neural/rnn';
import { transformerModel } from './neural/transformer';
import { pretrainedModel } from './pretrained';
import type { TextKind } from '../catalog';
import type { Prediction, TermWeight, TextDataset, TextExplanation, TextFitContext, TextModelState } from './types';

export const TEXT_MODELS = {
	lexicon: lexiconModel,
	tfidf: tfidfModel,
	rnn: rnnModel,
	transformer: transformerModel,
	pretrained: pretrainedModel
} as const satisfies Record<TextKind, unknown>;

/** The registry seen through the contract alone (params and states as plain records). */
export interface AnyTextModel {
	kind: string;
	label: string;
	learns: boolean;
	defaults: Record<string, unknown>;
	fit(data: TextDataset, params: Record<string, unknown>, ctx: TextFitContext): Promise<TextModelState>;
	predict(state: TextModelState, texts: string[]): Promise<Prediction>;
	explainText(state: TextModelState, text: string, classIndex: number): Promise<TextExplanation>;
	topTerms(state: TextModelState, classIndex: number, n: number, texts: string[]): Promise<TermWeight[]>;
}

export function textModelOf(kind: string): AnyTextModel {
	if (!Object.hasOwn(TEXT_MODELS, kind)) throw new Error(`invalid text model kind: ${kind}`);
	return TEXT_MODELS[kind as TextKind] as unknown as AnyTextModel;
}

export * from './types';
