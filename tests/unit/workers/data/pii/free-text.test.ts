import { describe, expect, it } from 'vitest';
import { piiInText, textContainsPii } from '$workers/data/pii';

describe('textContainsPii(text)', () => {
	it.each([
		['Merci de me rappeler au 06 12 34 56 78 après 18h', 'phone'],
		['Joignable au +213 5 55 12 34 56 ou au bureau', 'phone'],
		['Client injoignable, écrire à jean.dupont@gmail.com pour la facture', 'email'],
		['Virement sur FR76 3000 6000 0112 3456 7890 189 demandé', 'iban'],
		['Payé avec la carte 4111 1111 1111 1111 hier', 'card_number'],
		['Numéro de sécu 2 55 08 14 168 025 38 transmis', 'national_id']
	])('textContainsPii(%j) finds a %s', (text, kind) => {
		expect(textContainsPii(text)).toBe(true);
		expect(piiInText(text).map((h) => h.kind)).toContain(kind);
	});

	it.each([
		'Livraison rapide, produit conforme',
		'Commande CMD-2024-00042 reçue le 12/03/2024',
		'Remboursement de 1 234,50 € effectué',
		'Taille 42 trop petite, échange demandé',
		'Produit SKU-8841 en rupture, attente 3 semaines',
		'Demande de facture pour la commande du 25/03/2024',
		'Client depuis 2015, 12 commandes, panier moyen 85 €'
	])('textContainsPii(%j) is false', (text) => expect(textContainsPii(text)).toBe(false));
});
