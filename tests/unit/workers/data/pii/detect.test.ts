import { describe, expect, it } from 'vitest';
import { detectPersonalData, type PersonalDataKind } from '$workers/data/pii';

const TODAY = new Date(Date.UTC(2026, 5, 1));
const detect = (name: string, values: string[], type = 'VARCHAR', distinctRatio?: number) => detectPersonalData({ name, type, values, distinctRatio }, { today: TODAY });
/** `n` values from `make(i)`. */
const many = (n: number, make: (i: number) => string) => Array.from({ length: n }, (_, i) => make(i));
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

const FIRST = ['Jean', 'Marie', 'Fatima', 'Yacine', 'Khadija', 'Mehdi', 'Camille', 'Amine', 'Sophie', 'Nadia', 'Omar', 'Léa'];
const LAST = ['Dupont', 'Benali', 'Martin', 'Trabelsi', 'Alaoui', 'Durand', 'Haddad', 'Moreau', 'Bennani', 'Gharbi', 'Roux', 'Meziane'];

describe('detectPersonalData(column): each kind from its values', () => {
	it.each([
		['courriel', many(40, (i) => `client${i}@exemple.fr`), 'email'],
		['contact', many(40, (i) => `c${i}@gmail.com`), 'email'],
		['telephone', many(40, (i) => `06 ${pad(i)} 34 56 ${pad(i + 10)}`), 'phone'],
		['col_7', many(40, (i) => `+213 5 55 ${pad(i)} 34 56`), 'phone'],
		['tel', many(40, (i) => `2${i % 10}${pad(i, 6)}`), 'phone'], // bare Tunisian numbers, a phone header
		['prenom', FIRST, 'person_name'],
		['client', many(40, (i) => `${FIRST[i % 12]} ${LAST[(i * 5) % 12]}`), 'person_name'],
		['titulaire', many(40, (i) => `${LAST[i % 12].toUpperCase()} ${FIRST[(i * 7) % 12]}`), 'person_name'],
		['nom', many(40, (i) => `${LAST[i % 12]}${i >= 12 ? ['a', 'i', 'y'][i % 3] : ''}`), 'person_name'], // surnames under a name header
		['adresse', many(40, (i) => `${i + 1} rue des Lilas`), 'address'],
		['code_postal', many(40, (i) => String(75001 + i)), 'postcode'],
		['date_naissance', many(40, (i) => `${1950 + i}-0${(i % 9) + 1}-1${i % 10}`), 'birth_date'],
		['col_9', many(40, (i) => `1${i % 10}/0${(i % 9) + 1}/${1945 + i}`), 'birth_date'], // no header: ages 41–81, spread
		['nir', ['2 55 08 14 168 025 38', '1 85 05 78 006 084 91', '1 40 05 2A 456 250 20'], 'national_id'],
		['iban', ['FR76 3000 6000 0112 3456 7890 189', 'GB82 WEST 1234 5698 7654 32', 'DE89 3704 0044 0532 0130 00', 'TN59 1000 6035 1835 9847 8831'], 'iban'],
		['carte', ['4111 1111 1111 1111', '5500 0000 0000 0004', '378282246310005', '6011111111111117'], 'card_number'],
		['ip', many(40, (i) => `10.0.${i}.${i + 1}`), 'ip_address'],
		['commentaire', [...many(20, (i) => `Livraison rapide, commande ${i} conforme`), 'Merci de me rappeler au 06 12 34 56 78 svp', 'Écrire à jean.dupont@gmail.com pour la facture'], 'free_text_with_pii']
	] as [string, string[], PersonalDataKind][])('detectPersonalData({name: %j, …}) is %s', (name, values, kind) => {
		const flag = detect(name, values);
		expect(flag?.kind).toBe(kind);
		expect(flag!.confidence).toBeGreaterThan(0.5);
		expect(flag!.confidence).toBeLessThanOrEqual(1);
		expect(flag!.examples.length).toBeGreaterThan(0);
		expect(flag!.examples.length).toBeLessThanOrEqual(3);
		for (const example of flag!.examples) expect(values).not.toContain(example);
		expect(flag!.reason).toMatch(/sampled values/);
	});

	it('detectPersonalData: a phone header over integers reads 9 digits as numbers that lost their 0', () => {
		expect(detect('telephone', many(40, (i) => `6${pad(i, 8)}`), 'BIGINT')?.kind).toBe('phone');
		expect(detect('customer_id', many(40, (i) => `6${pad(i, 8)}`), 'BIGINT')).toBeNull();
	});

	it('detectPersonalData: a birth header over DATE values is a birth date', () => {
		expect(detect('date_of_birth', many(40, (i) => `${1960 + i}-05-0${(i % 9) + 1}`), 'DATE')?.kind).toBe('birth_date');
		expect(detect('annee_naissance', many(40, (i) => String(1950 + i)), 'BIGINT')?.kind).toBe('birth_date');
	});

	it('detectPersonalData: values and header together are surer than values alone', () => {
		const emails = many(40, (i) => `client${i}@exemple.fr`);
		expect(detect('courriel', emails)!.confidence).toBeGreaterThan(detect('colonne_3', emails)!.confidence);
		expect(detect('courriel', emails)!.reason).toContain("header 'courriel'");
	});
});

describe('detectPersonalData(column): decoys are not personal data', () => {
	it.each([
		['ref_commande', many(60, (i) => `CMD-2024-${pad(i, 5)}`)],
		['code_produit', many(60, (i) => (i % 2 ? `SKU-${8800 + i}` : `REF ${i}A`))],
		['montant', many(60, (i) => `${i + 1} ${pad(i * 7, 3)},50`)],
		['date_achat', many(60, (i) => `2024-${pad((i % 12) + 1)}-${pad((i % 28) + 1)}`)],
		['order_date', many(60, (i) => `${pad((i % 28) + 1)}/${pad((i % 12) + 1)}/2023`)],
		['date_inscription', many(60, (i) => `${1990 + (i % 30)}-${pad((i % 12) + 1)}-15`)], // old sign-ups, but the header says event
		['col_5', many(60, (i) => `2025-${pad((i % 12) + 1)}-${pad((i % 28) + 1)}`)], // recent dates, no header: purchases
		['montant_dzd', many(40, (i) => `${20 + i} ${pad(i * 13, 3)} 500`)], // Algerian dinar amounts group like Tunisian phones (XX XXX XXX)
		['col_12', many(40, (i) => `${20 + i} ${pad(i * 7, 3)} 000`)], // round amounts, no header
		['pointure', many(11, (i) => String(36 + i))],
		['nb_achats', many(40, (i) => String(i))],
		['customer_id', many(60, (i) => String(100000 + i * 37))],
		['id_magasin', many(60, (i) => String(75001 + i))], // zip-like numeric ids
		['nom', ['Chaussure Running Homme', 'T-shirt coton bio', 'Sac à dos urbain 20 L', 'Veste imperméable femme', 'Montre connectée Sport', 'Casquette brodée']], // product names under `nom`
		['nom', ['Premium', 'Fidèle', 'Occasionnel', 'Nouveau'], 'VARCHAR', 0.001], // a segment under `nom`: few values repeated
		['name', ['Acme Corp', 'Globex', 'Initech', 'Umbrella', 'Stark Industries', 'Wayne Enterprises']], // companies under the generic `name`
		['city', ['Paris', 'Florence', 'Victoria', 'Madison', 'Austin', 'Lyon']], // cities that are also first names
		['couleur_article', ['Rose', 'Jade', 'Ruby', 'Olive', 'Amber', 'Violet', 'Ivy']], // first names, but the header names a product
		['telephone', ['Oui', 'Non']], // a phone header alone is not enough
		['email', many(20, (i) => `contact ${i}`)],
		['churn', ['Yes', 'No']],
		['churn', ['Oui', 'Non']],
		['phone_service', ['Yes', 'No']],
		['multiple_lines', ['No phone service', 'No', 'Yes']],
		['payment_method', ['Electronic check', 'Mailed check', 'Bank transfer (automatic)', 'Credit card (automatic)']],
		['contract', ['Month-to-month', 'One year', 'Two year']],
		['tenure', many(72, (i) => String(i + 1)), 'BIGINT'],
		['monthly_charges', many(60, (i) => (18.25 + i * 1.7).toFixed(2)), 'DOUBLE'],
		['commentaire', ['Livraison rapide, produit conforme', 'Commande CMD-2024-00042 reçue le 12/03/2024', 'Remboursement de 1 234,50 € effectué', 'Taille 42 trop petite, échange demandé', 'Demande de facture pour la commande du 25/03/2024']],
		['courriel', many(40, (i) => `a3f9${pad(i, 4)}c0de9b1e77d2`)] // pseudonymised tokens under an e-mail header
	] as [string, string[], string?, number?][])('detectPersonalData({name: %j, …}) is null', (name, values, type = 'VARCHAR', ratio) => {
		expect(detect(name, values, type, ratio)).toBeNull();
	});

	it('detectPersonalData: an empty sample is null', () => {
		expect(detect('courriel', [])).toBeNull();
		expect(detect('courriel', ['', '  '])).toBeNull();
	});
});
