import { describe, expect, it } from 'vitest';
import { idLikeName, nameWords, targetNameRank } from '../../../../models/shared/column-names';

describe('column names', () => {
	it.each([
		['customerID', ['customer', 'id']],
		['Code client', ['code', 'client']],
		['résilié', ['resilie']],
		['CustomerIDNumber', ['customer', 'id', 'number']],
		['total_charges', ['total', 'charges']]
	])('nameWords(%s) is %j', (name, words) => {
		expect(nameWords(name)).toEqual(words);
	});

	it.each([
		['churn', 2], ['Churn Value', 2], ['is_churned', 2], ['Exited', 2], ['Attrition_Flag', 2],
		['résilié', 2], ['désabonné', 2], ['parti', 2], ['label', 2],
		['status', 1], ['statut', 1], ['y', 1], ['left', 1],
		['partner', 0], ['senior_citizen', 0], ['paperless_billing', 0], ['loyalty', 0], ['leftover_credit', 0], ['phone_service', 0]
	] as const)('targetNameRank(%s) is %i', (name, rank) => {
		expect(targetNameRank(name)).toBe(rank);
	});

	it.each([
		['id', true], ['customer_id', true], ['customerID', true], ['CustomerId', true], ['client', true], ['Code client', true],
		['account number', true], ['uuid', true], ['numero_contrat', true], ['N° client', true], ['contract', false], ['account', false],
		['tenure', false], ['paid', false], ['video_streams', false], ['client_age', false], ['monthly_charges', false]
	] as const)('idLikeName(%s) is %s', (name, expected) => {
		expect(idLikeName(name)).toBe(expected);
	});
});
