/** Texts of "Export for production" (the churn and segment-prediction cells). */
import { messages } from '$lib/i18n';

export const M = messages(
	{
		button: 'Export for production (.zip)',
		busy: 'Building the bundle…',
		hint: 'ONNX and XGBoost models, features.json, the notebook’s SQL for DuckDB and score.py (pandas, Dask, Spark): to score every customer outside the browser.',
		done: (name: string) => `${name} saved: unzip it and read its README.md.`,
		failed: (reason: string) => `The bundle could not be built: ${reason}`
	},
	{
		fr: {
			button: 'Exporter pour la production (.zip)',
			busy: 'Préparation de l’archive…',
			hint: 'Modèles ONNX et XGBoost, features.json, le SQL du notebook pour DuckDB et score.py (pandas, Dask, Spark) : pour noter tous les clients hors du navigateur.',
			done: (name: string) => `${name} enregistré : décompressez-le et lisez son README.md.`,
			failed: (reason: string) => `L’archive n’a pas pu être préparée : ${reason}`
		}
	}
);
