/**
 * Texts of the predict-segment cell.
 */
import { messages } from '$lib/i18n';

export const M = messages({
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
});
