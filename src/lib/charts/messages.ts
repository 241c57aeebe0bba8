/**
 * Texts drawn by the chart builders: axis labels, series names, legends.
 */
import { messages } from '$lib/i18n';

/** A number with `digits` decimals, French style: "0,853". */
const frFixed = (n: number, digits: number) => n.toLocaleString('fr-FR', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export const M = messages(
	{
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
		},
		// Profile and chart-cell charts (profile-charts.ts, chart-options.ts).
		table: {
			correlation: 'Correlation (r)',
			count: 'Count',
			aggregateOf: (aggregate: 'sum' | 'mean' | 'median', column: string) => `${{ sum: 'Sum', mean: 'Mean', median: 'Median' }[aggregate]} of ${column}`
		}
	},
	{
		fr: {
			churn: {
				fpr: 'Taux de faux positifs',
				tpr: 'Taux de vrais positifs',
				recall: 'Rappel',
				precision: 'Précision',
				meanPredicted: 'Probabilité prédite moyenne',
				fractionPositive: 'Taux de churn observé',
				contacted: 'Clients contactés (meilleurs scores d’abord)',
				captured: 'Churners détectés',
				lift: 'Lift',
				score: 'Probabilité de churn prédite',
				customers: 'Clients',
				threshold: 'Seuil',
				profit: 'Profit attendu',
				step: 'Itération',
				loss: 'Perte',
				training: 'Entraînement',
				validation: 'Validation',
				random: 'Aléatoire',
				stayed: 'Restés',
				churned: 'Partis',
				withAuc: (label, auc) => `${label} (AUC ${Number.isFinite(auc) ? frFixed(auc, 3) : '–'})`,
				withAp: (label, ap) => `${label} (AP ${Number.isFinite(ap) ? frFixed(ap, 3) : '–'})`
			},
			explain: {
				missing: 'manquant',
				reason: (feature, value, points) => {
					const shown = points.replace('.', ',');
					return `${feature} = ${value} : ${shown} ${Math.abs(Number(points)) < 2 ? 'point' : 'points'}`;
				},
				meanAbsAxis: '|SHAP| moyen (points de probabilité de churn)',
				shapAxis: 'Valeur SHAP (points de probabilité de churn)',
				valueRank: 'Valeur de la colonne (basse → haute)',
				low: 'basse',
				high: 'haute',
				column: 'Colonne',
				byRank: (feature) => `${feature} (basse → haute)`,
				value: 'Valeur',
				points: 'Points',
				probabilityAxis: 'Probabilité de churn (%)',
				baseRate: 'Taux de base',
				prediction: 'Probabilité de churn',
				otherColumns: (n) => `${n} ${n < 2 ? 'autre colonne' : 'autres colonnes'}`,
				gap: 'Écart d’approximation'
			},
			recommend: {
				score: 'Part des clients de test (0–1)',
				hitRate: (k) => `Taux de succès@${k}`,
				ndcg: (k) => `NDCG@${k}`,
				measure: 'Mesure'
			},
			table: {
				correlation: 'Corrélation (r)',
				count: 'Nombre',
				aggregateOf: (aggregate, column) => `${{ sum: 'Somme', mean: 'Moyenne', median: 'Médiane' }[aggregate]} de ${column}`
			}
		}
	}
);
