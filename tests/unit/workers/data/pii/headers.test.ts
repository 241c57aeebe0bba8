import { describe, expect, it } from 'vitest';
import { headerKind, isSurnameHeader } from '$workers/data/pii';

describe('headerKind(name)', () => {
	it.each([
		['courriel', 'email'],
		['E-mail', 'email'],
		['adresse_mail', 'email'],
		['customerEmail', 'email'],
		['téléphone', 'phone'],
		['Tél.', 'phone'],
		['mobile', 'phone'],
		['portable', 'phone'],
		['phone_number', 'phone'],
		['nom', 'person_name'],
		['Prénom', 'person_name'],
		['last_name', 'person_name'],
		['nom_de_famille', 'person_name'],
		['adresse', 'address'],
		['rue', 'address'],
		['adresse_livraison', 'address'],
		['user_email', 'email'],
		['address_line1', 'address'],
		['code postal', 'postcode'],
		['CP', 'postcode'],
		['zip_code', 'postcode'],
		['date de naissance', 'birth_date'],
		['né le', 'birth_date'],
		['dob', 'birth_date'],
		['BirthDate', 'birth_date'],
		['iban', 'iban'],
		['RIB', 'iban'],
		['numero_carte', 'card_number'],
		['NIR', 'national_id'],
		['numéro de sécurité sociale', 'national_id'],
		['adresse_ip', 'ip_address'],
		['ip', 'ip_address']
	])('headerKind(%j) is %s', (name, kind) => expect(headerKind(name)).toBe(kind));

	it.each(['nom_produit', 'product_name', 'nom_ville', 'phone_service', 'mobile_plan', 'nb_appels_mobile', 'carte_fidelite', 'ville', 'civilite', 'id_client', 'customer_id', 'montant', 'pointure', 'date_achat', 'order_date', 'segment', 'churn', 'multiple_lines', 'commentaire'])(
		'headerKind(%j) is null',
		(name) => expect(headerKind(name)).toBeNull()
	);
});

describe('isSurnameHeader(name)', () => {
	it.each(['nom', 'Nom de famille', 'last_name', 'lastName', 'surname', 'patronyme', 'nom_client'])('isSurnameHeader(%j) is true', (name) => expect(isSurnameHeader(name)).toBe(true));
	it.each(['name', 'prenom', 'first_name', 'contact', 'nom_produit', 'company_name'])('isSurnameHeader(%j) is false', (name) => expect(isSurnameHeader(name)).toBe(false));
});
