/** Pseudonymisation on DuckDB: keyed tokens, masks, generalisation, dropped columns, k-anonymity. */
import { describe, expect, it } from 'vitest';
import { hmacTokens } from '$workers/data/pseudonymise';
import { load, newEngine } from './engine-fixture';

const SECRET = '00112233445566778899aabbccddeeff';
const OTHER = 'ffeeddccbbaa99887766554433221100';
const CSV = ['email,nom,age,naissance,code_postal,montant', 'a@x.fr,Dupont,34,1990-05-12,75011,10.5', 'b@y.fr,Benali,37,1987-11-02,13001,20', 'a@x.fr,Dupont,34,1990-05-12,75011,5', 'c@z.ma,Alaoui,52,1973-01-30,75012,'].join('\n') + '\n';

describe('hmacTokens(secret, values)', () => {
	it('are stable for one secret, differ across secrets and values, and match HMAC-SHA-256', async () => {
		const [a1, b1] = await hmacTokens(SECRET, ['a@x.fr', 'b@y.fr']);
		const [a2] = await hmacTokens(SECRET, ['a@x.fr']);
		const [a3] = await hmacTokens(OTHER, ['a@x.fr']);
		expect(a1).toBe(a2);
		expect(a1).not.toBe(b1);
		expect(a1).not.toBe(a3);
		const { createHmac } = await import('node:crypto');
		expect(a1).toBe(`tok_${createHmac('sha256', Buffer.from(SECRET, 'hex')).update('a@x.fr').digest('hex').slice(0, 20)}`);
		await expect(hmacTokens('short', ['x'])).rejects.toThrow('invalid secret');
	});
});

describe('pseudonymise(request)', () => {
	it('tokens join across tables, masks, generalises dates, ages and postcodes, drops columns, and counts k', async () => {
		const { engine } = await newEngine();
		await load(engine, 'clients.csv', CSV, 'clients');
		const result = await engine.pseudonymise({
			source: 'clients',
			outName: 'clients_pseudo',
			secret: SECRET,
			actions: { email: 'token', nom: 'mask', age: 'generalise', naissance: 'generalise', code_postal: 'generalise', montant: 'keep' },
			quasiIdentifiers: ['age', 'code_postal']
		});
		expect(result.info.columns.map((c) => c.name)).toEqual(['email', 'nom', 'age', 'naissance', 'code_postal', 'montant']);
		const { rows } = await engine.queryRows('SELECT * FROM clients_pseudo', 10);
		const [token] = await hmacTokens(SECRET, ['a@x.fr']);
		expect(rows[0]).toEqual([token, 'D***', '30–39', '1990-05', '75***', 10.5]);
		expect(rows[2][0]).toBe(token); // the same customer, the same token
		expect(rows[3]).toEqual([(await hmacTokens(SECRET, ['c@z.ma']))[0], 'A***', '50–59', '1973-01', '75***', null]);
		// (30–39, 75***) × 2, (30–39, 13***) × 1, (50–59, 75***) × 1: k = 1, two unique rows.
		expect(result.kAnonymity).toEqual({ columns: ['age', 'code_postal'], k: 1, uniqueRows: 2, groups: 3 });
		const dropped = await engine.pseudonymise({ source: 'clients', outName: 'clients_min', secret: SECRET, actions: { email: 'drop', nom: 'drop' }, quasiIdentifiers: [] });
		expect(dropped.info.columns.map((c) => c.name)).toEqual(['age', 'naissance', 'code_postal', 'montant']);
		expect(dropped.kAnonymity).toBeNull();
		await expect(engine.pseudonymise({ source: 'clients', outName: 'clients', secret: SECRET, actions: {}, quasiIdentifiers: [] })).rejects.toThrow('a name other than');
	});
});
