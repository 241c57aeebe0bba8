/**
 * ONNX input names of a model's feature columns: the column's name with every
 * character outside [A-Za-z0-9_] replaced by "_", made unique, so tools that
 * expect identifiers (ONNX Runtime in Java, C#, Spark) accept them.
 * `features.json` maps each column to its input.
 */
export function onnxInputNames(columns: readonly string[]): string[] {
	const used = new Set<string>();
	return columns.map((column) => {
		const base = column.replace(/[^A-Za-z0-9_]/g, '_').replace(/^(?=[0-9]|$)/, 'c_');
		let name = base;
		for (let i = 2; used.has(name); i++) name = `${base}_${i}`;
		used.add(name);
		return name;
	});
}
