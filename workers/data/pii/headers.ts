/**
 * What a column's header says about personal data, in English and French. The header only
 * supports what the values show (see detect.ts): `nom` over product names is not a name column.
 */
import { headerWords } from './fold';
import type { PersonalDataKind } from './kinds';

/**
 * Header phrases (folded words, in order) per kind, most specific first: "adresse mail" is an
 * e-mail and "adresse ip" an IP address before "adresse" is a postal address.
 */
const PHRASES: [PersonalDataKind, string[]][] = [
	['email', ['email', 'e mail', 'mail', 'courriel', 'mel', 'emailaddress', 'adresse mail', 'adresse electronique']],
	['ip_address', ['ip', 'ipv4', 'ipv6', 'ip address', 'adresse ip', 'ipaddress', 'ip addr']],
	['iban', ['iban', 'rib', 'compte bancaire', 'bank account', 'numero de compte', 'account number']],
	['card_number', ['carte', 'carte bancaire', 'cb', 'card', 'card number', 'credit card', 'pan', 'cardnumber', 'numero carte']],
	['national_id', ['nir', 'securite sociale', 'secu', 'ss', 'ssn', 'insee', 'social security', 'national id', 'nin', 'cin', 'cni', 'passport', 'passeport', 'carte identite', 'id card']],
	['birth_date', ['naissance', 'date de naissance', 'ne le', 'nee le', 'birth', 'birthdate', 'birthday', 'dob', 'date of birth', 'ddn', 'anniversaire', 'birth year', 'year of birth']],
	['postcode', ['code postal', 'codepostal', 'cp', 'postcode', 'postal code', 'postalcode', 'zip', 'zipcode', 'zip code', 'npa', 'plz']],
	['phone', ['telephone', 'tel', 'phone', 'phone number', 'phonenumber', 'mobile', 'portable', 'gsm', 'cell', 'cellphone', 'fixe', 'fax', 'whatsapp']],
	['address', ['adresse', 'address', 'addr', 'rue', 'street', 'voie', 'domicile', 'adresse postale', 'address line', 'addressline']],
	['person_name', ['nom', 'prenom', 'name', 'firstname', 'first name', 'lastname', 'last name', 'surname', 'given name', 'forename', 'fullname', 'full name', 'nom complet', 'nom de famille', 'patronyme', 'titulaire', 'contact']]
];

/**
 * Words that make a header about something else than a person: `product_name`, `nom_ville`,
 * `phone_service`, `nb_appels`, `carte_fidelite`, `ip_pays`, `mobile_plan`. Checked on the words
 * left once the kind's phrase is taken out, so `code postal` stays a postcode.
 */
const OTHER_THINGS = new Set(
	`produit product article item sku ref reference code magasin store shop boutique enseigne agence ville city commune
pays country region departement campagne campaign categorie category offre offer plan forfait abonnement contrat
contract segment fichier file table colonne column marque brand societe company entreprise fournisseur supplier vendor
banque bank domaine domain host serveur server modele model service services lines line type types canal channel
source projet project equipe team evenement event groupe group variable feature champ field app application device
appareil operateur operator nb nbr nombre count total montant amount fidelite loyalty cadeau gift commande order
achat purchase inscription signup creation created updated maj statut status protection streaming internet prix price
sujet subject objet template`.split(/\s+/)
);

/** Whether the header names something that is not a person (`nom_produit`, `couleur_article`): first names there are product names. */
export function namesOtherThing(name: string): boolean {
	return headerWords(name).some((w) => OTHER_THINGS.has(w));
}

/**
 * Whether the header names a surname: `nom`, `nom_de_famille`, `last_name`, `surname`, `patronyme`.
 * Not the generic English `name`, which as often holds a company, a product or a file.
 */
export function isSurnameHeader(name: string): boolean {
	const words = headerWords(name);
	const has = (...phrase: string[]) => findPhrase(words, phrase) >= 0;
	return headerKind(name) === 'person_name' && (has('nom') || has('surname') || has('lastname') || has('last', 'name') || has('family', 'name') || has('patronyme'));
}

/** The kind a header names (`courriel` → email, `code_postal` → postcode), or null. */
export function headerKind(name: string): PersonalDataKind | null {
	const words = headerWords(name);
	if (!words.length) return null;
	for (const [kind, phrases] of PHRASES) {
		// Longest phrases first: "zip code" before "zip", so "code" is not read as a product code.
		for (const phrase of [...phrases].sort((a, b) => b.split(' ').length - a.split(' ').length)) {
			const at = findPhrase(words, phrase.split(' '));
			if (at < 0) continue;
			const rest = [...words.slice(0, at), ...words.slice(at + phrase.split(' ').length)];
			if (rest.some((w) => OTHER_THINGS.has(w))) return null;
			return kind;
		}
	}
	return null;
}

/** Whether the header names a date that is not a birth date: an order, a purchase, a sign-up… */
export function isEventDateHeader(name: string): boolean {
	return headerWords(name).some((w) => EVENT_DATE_WORDS.has(w));
}

const EVENT_DATE_WORDS = new Set(
	`achat achats commande order orders purchase purchased transaction facture invoice livraison delivery shipped shipping
inscription signup registration registered creation created updated modification maj dernier derniere last premier
premiere first visite visit connexion login paiement payment resiliation churn fin end debut start souscription
subscription contrat contract echeance due expiration expiry`.split(/\s+/)
);

function findPhrase(words: string[], phrase: string[]): number {
	for (let i = 0; i + phrase.length <= words.length; i++) {
		if (phrase.every((p, j) => words[i + j] === p)) return i;
	}
	return -1;
}
