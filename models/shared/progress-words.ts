/**
 * The progress lines of training, in the page's language (the train worker
 * is told it): "Random forest: trial 3, fold 2/5", « Forêt aléatoire :
 * essai 3, pli 2/5 ».
 */
import { messages } from '../../src/lib/i18n/messages';

export const P = messages(
	{
		step: (model: string, stage: string) => `${model}: ${stage}`,
		trial: (n: number) => `trial ${n}`,
		fold: (stage: string, fold: number, folds: number) => `${stage}, fold ${fold}/${folds}`,
		foldsAtOnce: (stage: string, folds: number) => `${stage}, ${folds} folds at once`,
		finalFit: 'final fit',
		testRows: 'test rows',
		done: 'Done',
		leftOut: (model: string, budgetS: number) => `${model} left out: the ${budgetS} s budget had no room for it.`,
		round: (n: number, of: number) => `Boosting round ${n}/${of}`,
		tree: (n: number, of: number) => `Tree ${n}/${of}`,
		iteration: (n: number, of: number) => `Iteration ${n}/${of}`,
		converged: (n: number) => `Converged after ${n} iterations`,
		stopped: (n: number) => `Stopped after ${n} iterations`,
		epoch: 'Epoch',
		evaluating: (model: string) => `Evaluating ${model}`,
		evaluated: (model: string) => `Evaluated ${model}`,
		tuningHybrid: 'Tuning the hybrid',
		hybridTuned: 'Hybrid tuned',
		recommending: (model: string) => `Recommending with ${model}`,
		recommended: (model: string) => `Recommended with ${model}`,
		fittingValue: 'Fitting BG/NBD and Gamma-Gamma',
		holdout: 'Calibration and holdout',
		loadingPretrained: 'Pretrained model: loading'
	},
	{
		fr: {
			step: (model, stage) => `${model} : ${stage}`,
			trial: (n) => `essai ${n}`,
			fold: (stage, fold, folds) => `${stage}, pli ${fold}/${folds}`,
			foldsAtOnce: (stage, folds) => `${stage}, ${folds} plis à la fois`,
			finalFit: 'ajustement final',
			testRows: 'lignes de test',
			done: 'Terminé',
			leftOut: (model, budgetS) => `${model} écarté : le budget de ${budgetS} s ne lui laissait pas de place.`,
			round: (n, of) => `Tour de boosting ${n}/${of}`,
			tree: (n, of) => `Arbre ${n}/${of}`,
			iteration: (n, of) => `Itération ${n}/${of}`,
			converged: (n) => `Convergence après ${n} itérations`,
			stopped: (n) => `Arrêt après ${n} itérations`,
			epoch: 'Époque',
			evaluating: (model) => `Évaluation : ${model}`,
			evaluated: (model) => `Évalué : ${model}`,
			tuningHybrid: 'Réglage du mélange hybride',
			hybridTuned: 'Mélange hybride réglé',
			recommending: (model) => `Recommandations avec ${model}`,
			recommended: (model) => `Recommandations faites avec ${model}`,
			fittingValue: 'Ajustement de BG/NBD et Gamma-Gamma',
			holdout: 'Calibration et période de contrôle',
			loadingPretrained: 'Modèle pré-entraîné : chargement'
		}
	}
);
