/**
 * Logistic regression and the neural network as graph steps on the encoded
 * matrix: dense layers (MatMul + Add, ReLU between), then sigmoid or softmax,
 * in float32 as TensorFlow.js computes them in the workbench.
 */
import type { LogisticState } from '../logistic';
import type { MlpState } from '../mlp';
import type { GraphBuilder } from './onnx-graph';
import { encodedMatrix } from './onnx-encoder';
import type { FeatureInputs } from './onnx-inputs';

function dense(g: GraphBuilder, x: string, weights: Float32Array, bias: Float32Array, inputs: number, units: number): string {
	return g.op('Add', [g.op('MatMul', [x, g.constant('float', [inputs, units], weights, 'weights')]), g.constant('float', [units], bias, 'bias')]);
}

/** Probabilities [N, classes] from logits [N, outputs]: one output is the positive class's sigmoid. */
export function logitsToProbabilities(g: GraphBuilder, logits: string, outputs: number): string {
	if (outputs > 1) return g.op('Softmax', [logits], { axis: { i: 1 } });
	const p = g.op('Sigmoid', [logits]);
	return g.op('Concat', [g.op('Sub', [g.constant('float', [], [1]), p]), p], { axis: { i: 1 } });
}

export function logisticGraph(g: GraphBuilder, state: LogisticState, inputs: FeatureInputs): string {
	const x = encodedMatrix(g, state.encoder, state.features, inputs);
	const cols = state.encoder.names.length;
	return logitsToProbabilities(g, dense(g, x, state.weights, state.bias, cols, state.outputs), state.outputs);
}

export function mlpGraph(g: GraphBuilder, state: MlpState, inputs: FeatureInputs): string {
	let h = encodedMatrix(g, state.encoder, state.features, inputs);
	state.layers.forEach((layer, i) => {
		h = dense(g, h, layer.weights, layer.bias, layer.inputs, layer.units);
		if (i < state.layers.length - 1) h = g.op('Relu', [h]);
	});
	return logitsToProbabilities(g, h, state.outputs);
}
