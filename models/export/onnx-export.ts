/**
 * A fitted tabular model (any kind of the catalogue, or the automatic mode's
 * blend) as an ONNX file: raw columns in, class probabilities out, with the
 * preprocessing inside the graph. See `features.json` (pipeline-spec.ts) for
 * the inputs' names and types.
 */
import type { ForestState } from '../forest';
import type { GbdtState } from '../gbdt';
import type { LogisticState } from '../logistic';
import type { MlpState } from '../mlp';
import type { ModelState } from '../types';
import { isEnsemble } from '../auto/ensemble';
import { logisticGraph, mlpGraph } from './onnx-dense';
import { GraphBuilder, ML } from './onnx-graph';
import { declareInputs, type FeatureInputs } from './onnx-inputs';
import { encodeModel } from './onnx-proto';
import { forestGraph, gbdtGraph } from './onnx-trees';
import { exportsAs, ONNX_OUTPUT } from './pipeline-spec';

/** One graph builder per learner kind that the catalogue says exports ONNX (the blend is built from its members). */
const KIND_GRAPHS: Record<string, (g: GraphBuilder, state: never, inputs: FeatureInputs) => string> = {
	gbdt: (g, s: GbdtState, i) => gbdtGraph(g, s, i),
	forest: (g, s: ForestState, i) => forestGraph(g, s, i),
	logistic: (g, s: LogisticState, i) => logisticGraph(g, s, i),
	mlp: (g, s: MlpState, i) => mlpGraph(g, s, i)
};

function modelGraph(g: GraphBuilder, state: ModelState, inputs: FeatureInputs): string {
	const build = KIND_GRAPHS[state.kind];
	if (!build || !exportsAs(state.kind, 'onnx')) throw new Error(`A ${state.kind} model cannot be exported to ONNX.`);
	return build(g, state as never, inputs);
}

/**
 * The blend rule (`averagePredictions`): the normalised geometric mean of the members'
 * probabilities, i.e. the softmax of their mean log-probability (floored at 1e-12).
 */
function blendGraph(g: GraphBuilder, members: { kind: string; state: ModelState }[], inputs: FeatureInputs): string {
	const floor = g.constant('float', [], [1e-12]);
	const logs = members.map((m, i) => {
		g.prefix = `m${i}_${m.kind}_`;
		return g.op('Log', [g.op('Max', [modelGraph(g, m.state, inputs), floor])]);
	});
	g.prefix = '';
	const sum = logs.reduce((a, b) => g.op('Add', [a, b]));
	return g.op('Softmax', [g.op('Mul', [sum, g.constant('float', [], [1 / members.length])])], { axis: { i: 1 } });
}

export function exportOnnx(state: ModelState, meta: { label: string; target: string }): Uint8Array {
	const g = new GraphBuilder();
	const inputs = declareInputs(g, state.features);
	const probabilities = isEnsemble(state) ? blendGraph(g, state.members, inputs) : modelGraph(g, state, inputs);
	g.output(probabilities, ONNX_OUTPUT, 'float', ['N', state.classes.length]);
	return encodeModel({
		graph: g.graph(meta.label.replace(/[^A-Za-z0-9_]+/g, '_')),
		opsets: [
			{ domain: '', version: 13 },
			{ domain: ML, version: 3 }
		],
		producer: 'crm-workbench',
		doc: `${meta.label}: P(${meta.target}) per class (${state.classes.join(', ')}) from the raw customer columns.`,
		metadata: { target: meta.target, classes: JSON.stringify(state.classes), kind: state.kind }
	});
}
