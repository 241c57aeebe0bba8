/**
 * A realistic customer file with French headers, generated from a seed: French, Algerian,
 * Moroccan and Tunisian customers with names, e-mails, phones in every national and
 * international format, addresses, postcodes, birth dates, IBANs, card numbers, IP addresses and
 * comments (some with a phone or an e-mail inside), beside the columns that are not personal
 * data and must not be flagged: order references, product codes and names, amounts, shoe sizes,
 * counts, purchase and sign-up dates, segment and churn.
 *
 * To write it out for `npm run evaluate -- pii --data /tmp/french_customers.csv`:
 *   npx tsx -e "import {frenchCustomers, toCsv} from './tests/shared/french-customers'; import {writeFileSync} from 'node:fs'; writeFileSync('/tmp/french_customers.csv', toCsv(frenchCustomers()))"
 */
import { isCardNumber, type PersonalDataKind } from '../../workers/data/pii';

/** The personal columns of the file and the kind each must be found as; every other column is a decoy. */
export const FRENCH_CUSTOMER_KINDS: Record<string, PersonalDataKind> = {
	prenom: 'person_name',
	nom: 'person_name',
	nom_complet: 'person_name',
	courriel: 'email',
	telephone: 'phone',
	adresse: 'address',
	code_postal: 'postcode',
	date_naissance: 'birth_date',
	numero_securite_sociale: 'national_id',
	iban: 'iban',
	numero_carte: 'card_number',
	adresse_ip: 'ip_address',
	commentaire: 'free_text_with_pii'
};

/** The DuckDB type each column gets when the CSV is read (ids, sizes and counts are integers, dates are dates). */
export const FRENCH_CUSTOMER_TYPES: Record<string, string> = {
	id_client: 'BIGINT',
	pointure: 'BIGINT',
	nb_achats: 'BIGINT',
	date_naissance: 'DATE',
	date_inscription: 'DATE',
	date_dernier_achat: 'DATE'
};

export interface CustomerFile {
	columns: string[];
	rows: string[][];
}

/** `rows` customers (default 500) from `seed`: same seed, same file. */
export function frenchCustomers(rows = 500, seed = 16): CustomerFile {
	const rand = mulberry32(seed);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
	const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
	const digits = (n: number) => Array.from({ length: n }, () => int(0, 9)).join('');
	const columns = [
		'id_client', 'civilite', 'prenom', 'nom', 'nom_complet', 'courriel', 'telephone', 'adresse', 'code_postal', 'ville',
		'date_naissance', 'numero_securite_sociale', 'date_inscription', 'iban', 'numero_carte', 'adresse_ip', 'commentaire',
		'ref_commande', 'code_produit', 'nom_produit', 'montant', 'pointure', 'nb_achats', 'date_dernier_achat', 'segment', 'churn'
	];
	const out: string[][] = [];
	for (let i = 0; i < rows; i++) {
		const origin = pick<Origin>(['fr', 'fr', 'dz', 'ma', 'tn']);
		const female = rand() < 0.5;
		const first = pick(FIRST[origin][female ? 1 : 0]);
		const last = pick(LAST[origin]);
		const place = pick(PLACES[origin]);
		const birthYear = int(1940, 2005);
		const birth = `${birthYear}-${pad(int(1, 12))}-${pad(int(1, 28))}`;
		const phone = phoneOf(origin, rand, int, digits);
		out.push([
			String(1000 + i),
			female ? 'Mme' : 'M.',
			first,
			rand() < 0.2 ? last.toUpperCase() : last,
			pick([`${first} ${last}`, `${last.toUpperCase()} ${first}`, `${female ? 'Mme' : 'M.'} ${first} ${last}`]),
			emailOf(first, last, i, pick),
			phone,
			addressOf(origin, pick, int),
			place[0],
			place[1],
			birth,
			nirOf(female, birthYear, int, digits),
			`${int(2018, 2025)}-${pad(int(1, 12))}-${pad(int(1, 28))}`,
			ibanOf(origin === 'tn' ? 'TN' : origin === 'ma' ? 'MA' : 'FR', digits),
			cardOf(pick(['4970', '4532', '5132', '5412', '4012']), digits),
			rand() < 0.8 ? `${int(2, 223)}.${int(0, 255)}.${int(0, 255)}.${int(1, 254)}` : `2a01:cb00:${int(1, 0xfff).toString(16)}:${int(1, 0xffff).toString(16)}::${int(1, 0xfff).toString(16)}`,
			commentOf(rand, pick, phone, first, i),
			`CMD-${int(2022, 2025)}-${String(int(1, 99999)).padStart(5, '0')}`,
			pick([`SKU-${int(1000, 9999)}`, `REF ${int(1, 99)}${pick(['A', 'B', 'C'])}`, `P${int(10000, 99999)}`]),
			pick(PRODUCTS),
			amountOf(int),
			String(int(36, 46)),
			String(int(1, 40)),
			`${int(2024, 2025)}-${pad(int(1, 12))}-${pad(int(1, 28))}`,
			pick(['Premium', 'Fidèle', 'Occasionnel', 'Nouveau', 'À risque']),
			rand() < 0.27 ? 'Oui' : 'Non'
		]);
	}
	return { columns, rows: out };
}

/** The file as CSV text (RFC 4180 quoting, LF line ends). */
export function toCsv(file: CustomerFile): string {
	const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
	return [file.columns, ...file.rows].map((r) => r.map(cell).join(',')).join('\n') + '\n';
}

const pad = (n: number) => String(n).padStart(2, '0');

type Origin = 'fr' | 'dz' | 'ma' | 'tn';

const FIRST: Record<Origin, readonly [readonly string[], readonly string[]]> = {
	fr: [
		['Jean', 'Pierre', 'Louis', 'Nicolas', 'Julien', 'Thomas', 'Antoine', 'Mathieu', 'François', 'Jean-Pierre', 'Hugo', 'Lucas', 'Théo', 'Baptiste', 'Guillaume'],
		['Marie', 'Camille', 'Julie', 'Sophie', 'Claire', 'Léa', 'Manon', 'Chloé', 'Isabelle', 'Nathalie', 'Céline', 'Émilie', 'Margaux', 'Anne-Sophie', 'Élodie']
	],
	dz: [
		['Mohamed', 'Yacine', 'Amine', 'Sofiane', 'Karim', 'Djamel', 'Abdelkader', 'Mourad', 'Hichem', 'Islem', 'Nabil', 'Walid', 'Farid', 'Billel', 'Lyes'],
		['Fatima', 'Amina', 'Meriem', 'Imane', 'Nadia', 'Samira', 'Yasmine', 'Ines', 'Rania', 'Hiba', 'Asma', 'Kenza', 'Khadidja', 'Sihem', 'Nawel']
	],
	ma: [
		['Mohammed', 'Youssef', 'Hamza', 'Mehdi', 'Omar', 'Rachid', 'Said', 'Abdellah', 'Ayoub', 'Othmane', 'Zakaria', 'Hicham', 'Driss', 'Khalid', 'Ilyas'],
		['Khadija', 'Fatima', 'Zineb', 'Salma', 'Houda', 'Malika', 'Aicha', 'Nour', 'Leila', 'Soukaina', 'Ghizlane', 'Kawtar', 'Hanane', 'Loubna', 'Sara']
	],
	tn: [
		['Ahmed', 'Ali', 'Sami', 'Bilal', 'Hakim', 'Anis', 'Aymen', 'Wassim', 'Skander', 'Mehrez', 'Slim', 'Moncef', 'Seifeddine', 'Hedi', 'Tarek'],
		['Wafa', 'Asma', 'Ines', 'Rim', 'Sana', 'Mouna', 'Nesrine', 'Sonia', 'Amel', 'Besma', 'Sawsen', 'Emna', 'Olfa', 'Hela', 'Salma']
	]
};

const LAST: Record<Origin, readonly string[]> = {
	fr: ['Martin', 'Bernard', 'Dubois', 'Durand', 'Leroy', 'Moreau', 'Laurent', 'Lefebvre', 'Garcia', 'Bertrand', 'Roux', 'Fournier', 'Morel', 'Girard', 'Mercier', 'Dupont', 'Lambert', 'Bonnet', 'Chevalier', 'Rousseau', 'Blanc', 'Guerin', 'Muller', 'Henry', 'Roussel', 'Perrin', 'Morin', 'Mathieu', 'Clément', 'Gauthier'],
	dz: ['Benali', 'Belkacem', 'Bouzid', 'Haddad', 'Mansouri', 'Saidi', 'Khelifi', 'Meziane', 'Boumediene', 'Zerrouki', 'Cherif', 'Ait Ahmed', 'Benyahia', 'Hamidi', 'Boudiaf', 'Rahmani', 'Belaid', 'Brahimi', 'Kaci', 'Ouali'],
	ma: ['Amrani', 'El Idrissi', 'Benjelloun', 'Alaoui', 'Tazi', 'Bennani', 'Chraibi', 'Berrada', 'El Fassi', 'Ouazzani', 'Lahlou', 'Sqalli', 'Bennis', 'Zniber', 'Kettani', 'Tahiri', 'El Mansouri', 'Naciri', 'Filali', 'Benkirane'],
	tn: ['Ben Salah', 'Trabelsi', 'Gharbi', 'Jaziri', 'Hamdi', 'Ben Ammar', 'Ferchichi', 'Mejri', 'Jlassi', 'Ayari', 'Bouazizi', 'Dridi', 'Chaouachi', 'Sassi', 'Ben Youssef', 'Karoui', 'Mabrouk', 'Zouari', 'Hammami', 'Khemiri']
};

/** [postcode, city]: French 5 digits (Corsica 20xxx, Ain 01xxx), Algerian and Moroccan 5, Tunisian 4. */
const PLACES: Record<Origin, readonly (readonly [string, string])[]> = {
	fr: [['75011', 'Paris'], ['69003', 'Lyon'], ['13008', 'Marseille'], ['01000', 'Bourg-en-Bresse'], ['20000', 'Ajaccio'], ['31000', 'Toulouse'], ['59000', 'Lille'], ['33000', 'Bordeaux'], ['44000', 'Nantes'], ['67000', 'Strasbourg'], ['06000', 'Nice'], ['93200', 'Saint-Denis']],
	dz: [['16000', 'Alger'], ['31000', 'Oran'], ['25000', 'Constantine'], ['23000', 'Annaba'], ['09000', 'Blida'], ['06000', 'Béjaïa']],
	ma: [['20000', 'Casablanca'], ['10000', 'Rabat'], ['40000', 'Marrakech'], ['30000', 'Fès'], ['90000', 'Tanger'], ['80000', 'Agadir']],
	tn: [['1000', 'Tunis'], ['3000', 'Sfax'], ['4000', 'Sousse'], ['2080', 'Ariana'], ['5000', 'Monastir'], ['8000', 'Nabeul']]
};

const PRODUCTS = ['Chaussure Running Homme', 'Sac à dos urbain 20 L', 'T-shirt coton bio', 'Veste imperméable femme', 'Baskets cuir blanches', 'Montre connectée Sport', 'Casquette brodée', 'Chaussettes lot de 3', 'Sandales été enfant', 'Sweat à capuche gris'];

type Rand = () => number;
type Int = (lo: number, hi: number) => number;
type Digits = (n: number) => string;
type Pick = <T>(list: readonly T[]) => T;

/** A phone in one of the formats people type for their country. */
function phoneOf(origin: Origin, rand: Rand, int: Int, digits: Digits): string {
	const pairs = (s: string) => s.match(/.{2}/g)!.join(' ');
	const style = rand();
	if (origin === 'fr') {
		const national = `0${int(1, 7)}${digits(8)}`;
		if (style < 0.4) return pairs(national);
		if (style < 0.6) return `+33 ${national[1]} ${pairs(national.slice(2))}`;
		if (style < 0.8) return national.match(/.{2}/g)!.join('.');
		return national;
	}
	if (origin === 'dz') {
		const mobile = `0${int(5, 7)}${digits(8)}`;
		if (style < 0.35) return pairs(mobile);
		if (style < 0.7) return `+213 ${mobile[1]} ${pairs(mobile.slice(2))}`;
		if (style < 0.85) return mobile;
		return `+213 ${int(21, 49)} ${pairs(digits(6))}`; // a fixed line, 8 digits after the code
	}
	if (origin === 'ma') {
		const mobile = `0${int(6, 7)}${digits(8)}`;
		if (style < 0.4) return pairs(mobile);
		if (style < 0.75) return `+212 ${mobile[1]}${mobile.slice(2, 4)}-${mobile.slice(4, 6)}-${mobile.slice(6, 8)}-${mobile.slice(8)}`;
		return `0${int(5, 5)}22-${digits(2)}-${digits(2)}-${digits(2)}`; // a Casablanca fixed line
	}
	const tn = `${pick2(rand, ['2', '5', '9', '7'])}${int(0, 9)}${digits(6)}`;
	if (style < 0.5) return `+216 ${tn.slice(0, 2)} ${tn.slice(2, 5)} ${tn.slice(5)}`;
	return `${tn.slice(0, 2)} ${tn.slice(2, 5)} ${tn.slice(5)}`;
}

const pick2 = (rand: Rand, list: string[]) => list[Math.floor(rand() * list.length)];

function emailOf(first: string, last: string, i: number, pick: Pick): string {
	const ascii = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z]/g, '');
	const user = pick([`${ascii(first)}.${ascii(last)}`, `${ascii(first)[0]}${ascii(last)}${i % 100}`, `${ascii(first)}_${i}`]);
	return `${user}@${pick(['gmail.com', 'yahoo.fr', 'orange.fr', 'hotmail.com', 'outlook.fr', 'free.fr', 'menara.ma', 'topnet.tn'])}`;
}

function addressOf(origin: Origin, pick: Pick, int: Int): string {
	if (origin === 'fr') return `${int(1, 180)}${pick(['', '', ' bis'])} ${pick(['rue', 'avenue', 'boulevard', 'impasse', 'allée', 'place', 'chemin'])} ${pick(['des Lilas', 'Victor Hugo', 'de la République', 'Jean Jaurès', 'du Moulin', 'Pasteur', 'des Écoles'])}`;
	if (origin === 'dz') return pick([`Cité ${int(100, 1200)} logements, bloc ${pick(['A', 'B', 'C'])} n° ${int(1, 60)}`, `${int(1, 90)} rue Didouche Mourad`, `Lotissement ${int(1, 300)}, ${pick(['Bab Ezzouar', 'Kouba', 'Hydra'])}`, `${int(1, 40)} boulevard Zighout Youcef`]);
	if (origin === 'ma') return pick([`${int(1, 200)} boulevard Mohammed V`, `Hay Riad, rue ${int(1, 80)} n° ${int(1, 30)}`, `${int(1, 99)} avenue Hassan II`, `Résidence Al Manar, rue ${int(1, 40)}`]);
	return pick([`${int(1, 120)} avenue Habib Bourguiba`, `${int(1, 60)} rue de Marseille`, `Cité El Khadra, rue ${int(1, 90)}`, `${int(1, 30)} rue Ibn Khaldoun`]);
}

/** A French NIR with its key: sex, year, month, department (2A/2B for Corsica), commune, order, key. */
function nirOf(female: boolean, year: number, int: Int, digits: Digits): string {
	const dept = int(0, 10) === 0 ? (int(0, 1) ? '2A' : '2B') : pad(int(1, 95)).replace('20', '21');
	const body = `${female ? 2 : 1}${String(year).slice(2)}${pad(int(1, 12))}${dept}${digits(3)}${digits(3)}`;
	const numeric = body.replace('2A', '19').replace('2B', '18');
	const key = 97 - Number(BigInt(numeric) % 97n);
	return `${body[0]} ${body.slice(1, 3)} ${body.slice(3, 5)} ${body.slice(5, 7)} ${body.slice(7, 10)} ${body.slice(10, 13)} ${pad(key)}`;
}

/** An IBAN with valid check digits, printed in groups of 4: FR (27 chars), MA (28), TN (24). */
function ibanOf(country: 'FR' | 'MA' | 'TN', digits: Digits): string {
	const bban = digits(country === 'FR' ? 23 : country === 'MA' ? 24 : 20);
	const letters = [...country].map((c) => String(c.charCodeAt(0) - 55)).join('');
	const check = 98 - Number(BigInt(bban + letters + '00') % 97n);
	return `${country}${pad(check)}${bban}`.match(/.{1,4}/g)!.join(' ');
}

/** A 16-digit card number of a real network prefix with its Luhn digit (the one of 0–9 the detector accepts), grouped by 4 or not. */
function cardOf(prefix: string, digits: Digits): string {
	const body = prefix + digits(11);
	const number = body + ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'].find((d) => isCardNumber(body + d));
	return prefix.startsWith('4') ? number : number.match(/.{4}/g)!.join(' ');
}

function amountOf(int: Int): string {
	const euros = int(5, 2500);
	const text = euros >= 1000 ? `${Math.floor(euros / 1000)} ${String(euros % 1000).padStart(3, '0')}` : String(euros);
	return `${text},${pad(int(0, 99))}`;
}

/** Most comments are about orders; about one in five leaves a phone or an e-mail. */
function commentOf(rand: Rand, pick: Pick, phone: string, first: string, i: number): string {
	const r = rand();
	if (r < 0.12) return `Merci de me rappeler au ${phone} après 18h`;
	if (r < 0.2) return `Client injoignable, écrire à ${first.toLowerCase().replace(/[^a-z]/g, '')}.${i}@gmail.com pour la facture`;
	return pick([
		'Livraison rapide, produit conforme',
		'Taille 42 trop petite, échange demandé',
		'Commande CMD-2024-00042 reçue le 12/03/2024',
		'Remboursement de 1 234,50 € effectué',
		'Colis abîmé, retour accepté sous 14 jours',
		'Très satisfait du service client',
		'Produit SKU-8841 en rupture, attente 3 semaines',
		'Demande de facture pour la commande du 25/03/2024'
	]);
}

/** mulberry32: a small seeded generator, so the file is the same on every machine. */
function mulberry32(seed: number): Rand {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
