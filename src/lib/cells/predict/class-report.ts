/** Per-class precision and recall and the confusion matrix of a multiclass test set. */
import { argmaxRows, confusionMatrix } from '$models/shared';

export interface ClassReport {
	classes: string[];
	/** matrix[actual][predicted] counts. */
	matrix: number[][];
	perClass: { label: string; precision: number; recall: number; support: number }[];
}

export function classReport(classes: string[], labels: number[], probabilities: number[]): ClassReport {
	const k = classes.length;
	const predicted = argmaxRows(probabilities, k);
	const matrix = confusionMatrix(labels, predicted, k);
	const perClass = classes.map((label, c) => {
		const tp = matrix[c][c];
		const predictedAs = matrix.reduce((s, row) => s + row[c], 0);
		const support = matrix[c].reduce((s, v) => s + v, 0);
		return { label, precision: predictedAs ? tp / predictedAs : 0, recall: support ? tp / support : 0, support };
	});
	return { classes, matrix, perClass };
}
