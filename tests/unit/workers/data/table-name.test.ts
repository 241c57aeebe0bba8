import { describe, expect, it } from 'vitest';
import { sanitizeTableName } from '$workers/data';

describe('sanitizeTableName', () => {
	it.each([
		['wa_churn.csv', [], 'wa_churn'],
		['Clients été 2024.CSV', [], 'clients_ete_2024'],
		['2024 sales.tsv', [], 't_2024_sales'],
		['Ventes (Q1) - Île-de-France.txt', [], 'ventes_q1_ile_de_france'],
		['C:\\exports\\My File.csv', [], 'my_file'],
		['...csv', [], 'table'],
		['wa_churn.csv', ['wa_churn'], 'wa_churn_2'],
		['WA churn.csv', ['wa_churn', 'WA_CHURN_2'], 'wa_churn_3'],
		['Clients mars.xlsx', [], 'clients_mars'],
		['achats.parquet', [], 'achats'],
		['events.ndjson', [], 'events']
	])('sanitizeTableName(%j, %j) is %j', (file, existing, expected) => {
		expect(sanitizeTableName(file, existing)).toBe(expected);
	});
});
