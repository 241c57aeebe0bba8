/**
 * Texts of the predict-segment cell.
 */
import { formatCount, messages } from '$lib/i18n';

export const M = messages({
	/** The cell kind's name in cell headers and lists. */
	label: 'Predict segment',
	add: 'Predict segment',
	known: 'Customers with a known segment',
	target: 'Segment column',
	chooseTarget: 'Choose the column to learn…',
	split: 'Split column',
	stratified: 'none: stratified split',
	budget: 'Time budget (s)',
	train: 'Train',
	cancel: 'Cancel training',
	starting: 'Starting the training worker',
	stale: 'The table or the settings changed since this training: train again to update the model.',
	unchanged: 'Same table and settings as the kept result: nothing to retrain.',
	summary: (model: string, accuracy: string, macroF1: string, n: number) =>
		`${model}: accuracy ${accuracy}, macro-F1 ${macroF1} on ${n.toLocaleString('en-US')} test customers.`,
	perClass: 'Precision and recall per segment',
	confusion: 'Confusion matrix',
	actualPredicted: 'actual \\ predicted',
	segment: 'Segment',
	precision: 'Precision',
	recall: 'Recall',
	support: 'Customers',
	newCustomers: 'New customers',
	download: 'Download CSV',
	written: (n: number, table: string) => `${n.toLocaleString('en-US')} new customers labelled in table ${table}, with a probability per segment.`,
	targetEmpty: (target: string) => `The segment column "${target}" is empty in every row: the model needs customers of at least two known segments.`,
	targetOneClass: (target: string, value: string) =>
		`The segment column "${target}" has only one value ("${value}"): the model needs customers of at least two known segments to learn from.`
}, {
	fr: {
		label: 'Prédire un segment',
		add: 'Prédire le segment',
		known: 'Clients au segment connu',
		target: 'Colonne de segment',
		chooseTarget: 'Choisissez la colonne à apprendre…',
		split: 'Colonne de partition',
		stratified: 'aucune : partition stratifiée',
		budget: 'Budget de temps (s)',
		train: 'Entraîner',
		cancel: 'Annuler l’entraînement',
		starting: 'Lancement du processus d’entraînement',
		stale: 'La table ou les réglages ont changé depuis cet entraînement : entraînez à nouveau pour mettre le modèle à jour.',
		unchanged: 'Même table et mêmes réglages que le résultat conservé : rien à réentraîner.',
		summary: (model, accuracy, macroF1, n) =>
			`${model} : exactitude ${accuracy}, macro-F1 ${macroF1} sur ${formatCount(n)} ${n >= 2 ? 'clients' : 'client'} de test.`,
		perClass: 'Précision et rappel par segment',
		confusion: 'Matrice de confusion',
		actualPredicted: 'réel \\ prédit',
		segment: 'Segment',
		precision: 'Précision',
		recall: 'Rappel',
		support: 'Clients',
		newCustomers: 'Nouveaux clients',
		download: 'Télécharger le CSV',
		written: (n, table) =>
			`${formatCount(n)} ${n >= 2 ? 'nouveaux clients étiquetés' : 'nouveau client étiqueté'} dans la table ${table}, avec une probabilité par segment.`,
		targetEmpty: (target) =>
			`La colonne de segment « ${target} » est vide sur toutes les lignes : le modèle a besoin de clients d’au moins deux segments connus.`,
		targetOneClass: (target, value) =>
			`La colonne de segment « ${target} » n’a qu’une seule valeur (« ${value} ») : pour apprendre, le modèle a besoin de clients d’au moins deux segments connus.`
	}
});
