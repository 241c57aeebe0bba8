/**
 * Texts drawn by the chart builders: axis labels, series names, legends.
 */
import { messages } from '$lib/i18n';

export const M = messages({
	// Churn evaluation charts (churn-charts.ts).
	churn: {
		fpr: 'False positive rate',
		tpr: 'True positive rate',
		recall: 'Recall',
		precision: 'Precision',
		meanPredicted: 'Mean predicted probability',
		fractionPositive: 'Observed churn rate',
		contacted: 'Customers contacted (best scores first)',
		captured: 'Churners captured',
		lift: 'Lift',
		score: 'Predicted churn probability',
		customers: 'Customers',
		threshold: 'Threshold',
		profit: 'Expected profit',
		step: 'Step',
		loss: 'Loss',
		training: 'Training',
		validation: 'Validation',
		random: 'Random',
		stayed: 'Stayed',
		churned: 'Churned',
		withAuc: (label: string, auc: number) => `${label} (AUC ${Number.isFinite(auc) ? auc.toFixed(3) : '–'})`,
		withAp: (label: string, ap: number) => `${label} (AP ${Number.isFinite(ap) ? ap.toFixed(3) : '–'})`
	},
	// SHAP charts and reasons in words (explain-charts.ts, reasons.ts).
	explain: {
		missing: 'missing',
		reason: (feature: string, value: string, points: string) =>
			`${feature} = ${value}: ${points} ${/^[+-]?1$/.test(points) ? 'point' : 'points'}`,
		meanAbsAxis: 'Mean |SHAP| (points of churn probability)',
		shapAxis: 'SHAP value (points of churn probability)',
		valueRank: 'Column value (low → high)',
		low: 'low',
		high: 'high',
		column: 'Column',
		byRank: (feature: string) => `${feature} (low → high)`,
		value: 'Value',
		points: 'Points',
		probabilityAxis: 'Churn probability (%)',
		baseRate: 'Base rate',
		prediction: 'Churn probability',
		otherColumns: (n: number) => `${n} other ${n === 1 ? 'column' : 'columns'}`,
		gap: 'Approximation gap'
	},
	// Recommendation evaluation (recommend-charts.ts).
	recommend: {
		score: 'Share of test customers (0–1)',
		hitRate: (k: number) => `Hit rate@${k}`,
		ndcg: (k: number) => `NDCG@${k}`,
		measure: 'Measure'
	}
});
