/**
 * Builds an ONNX graph step by step: each step returns the name of the
 * tensor it produces, so exporters read like the computation they mirror.
 * Names get a prefix per model so a blend's members share one graph.
 */
import type { Attribute, AttributeValue, DataType, Graph, Node, Tensor, ValueInfo } from './onnx-proto';

export const ML = 'ai.onnx.ml';

export class GraphBuilder {
	readonly nodes: Node[] = [];
	readonly initializers: Tensor[] = [];
	readonly inputs: ValueInfo[] = [];
	readonly outputs: ValueInfo[] = [];
	private count = 0;
	prefix = '';

	private fresh(hint: string): string {
		return `${this.prefix}${hint}_${this.count++}`;
	}

	/** A constant tensor (an initializer). */
	constant(type: DataType, dims: number[], values: ArrayLike<number> | string[], hint = 'const'): string {
		const name = this.fresh(hint);
		this.initializers.push({ name, type, dims, values });
		return name;
	}

	/** One operator; returns its (first) output. */
	op(op: string, inputs: string[], attributes: Record<string, AttributeValue> = {}, domain?: string): string {
		const output = this.fresh(op.toLowerCase());
		this.nodes.push({ op, domain, inputs, outputs: [output], name: `${output}_node`, attributes: Object.entries(attributes).map(([name, a]) => ({ name, ...a }) as Attribute) });
		return output;
	}

	/** Copies `from` to the graph output `name` (Identity), so outputs keep fixed names. */
	output(from: string, name: string, type: DataType, dims: (number | string)[]): void {
		this.nodes.push({ op: 'Identity', inputs: [from], outputs: [name], name: `${name}_node`, attributes: [] });
		this.outputs.push({ name, type, dims });
	}

	input(name: string, type: DataType, dims: (number | string)[]): string {
		this.inputs.push({ name, type, dims });
		return name;
	}

	graph(name: string): Graph {
		return { name, nodes: this.nodes, initializers: this.initializers, inputs: this.inputs, outputs: this.outputs };
	}
}
