import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataEngine } from '$workers/data';
import { load, newEngine } from './engine-fixture';

let engine: DataEngine;

beforeAll(async () => {
	({ engine } = await newEngine());
});
afterAll(async () => {
	await engine.setLocale('en');
});

describe('the data worker speaks the language the page sends', () => {
	it('words its notes and refusals in French once told "fr", and in English again after "en"', async () => {
		await engine.setLocale('fr');
		const headerOnly = await load(engine, 'vide.csv', 'client,montant\n', 'vide');
		expect(headerOnly.warnings).toContain('Le fichier « vide.csv » n’a qu’une ligne d’en-tête, aucune ligne de données.');
		const amounts = await load(engine, 'montants.csv', 'client;montant\nA;1 234,50 €\nB;12,00 €\nC;N/A\n', 'montants');
		expect(amounts.warnings.join(' ')).toMatch(/La colonne « montant » a été lue comme des nombres : retirés : .*le signe €.*1 cellule « N\/A » lues comme manquantes/);
		await expect(load(engine, 'rien.csv', '   \n', 'rien')).rejects.toThrow('Le fichier « rien.csv » est vide.');
		const png = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0);
		await expect(load(engine, 'photo.csv', png, 'photo')).rejects.toThrow('photo.csv: Ceci ressemble à une image PNG, pas à du texte CSV.');
		await expect(engine.runSql('SELECT * FROM absente', 'q')).rejects.toThrow(/^Il n’y a pas de table ni de vue nommée absente\. Tables connues : /);

		await engine.setLocale('en');
		const again = await load(engine, 'empty.csv', 'client,amount\n', 'empty');
		expect(again.warnings).toContain('The file "empty.csv" has only a header row, no data rows.');
		await engine.setLocale('xx'); // an unknown language leaves English
		await expect(load(engine, 'blank.csv', '   \n', 'blank')).rejects.toThrow('The file "blank.csv" is empty.');
	});
});
