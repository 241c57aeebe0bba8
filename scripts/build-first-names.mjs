// First names for the personal data detector (workers/data/pii): French and English first names
// from the npm package @faker-js/faker (MIT), locales fr and en (female, male and generic lists),
// plus our own lists: common Maghreb first names in Latin script with their usual spellings, and
// common French first names that faker's fr lists lack.
//
//   node scripts/build-first-names.mjs <faker package dir>   # datasets/first_names.csv, then the module
//   node scripts/build-first-names.mjs                       # the module from the CSV
//
// To get the package: `npm pack @faker-js/faker@10.6.0 && tar xzf faker-js-faker-10.6.0.tgz` in a
// temporary folder (it is not a dependency of the project): the package dir is then `package`.
// The module is generated TypeScript, not the CSV, so the detector runs in the worker and in Node
// without reading files; names are accent- and case-folded there, as the detector folds values.
import { writeFileSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const CSV = 'datasets/first_names.csv';
const TARGET = 'workers/data/pii/first-names.ts';

// Common first names of Algeria, Morocco and Tunisia as written in French-language registers,
// customer files and the press: several spellings each (ou/u, ch/sh, dj/j, e/i, double letters).
const MAGHREB = `Mohamed Mohammed Mohamad Muhammad Mohammad Mhamed Hamid Hamed Ahmed Ahmad Hmed Mahmoud Mahmud
Karim Kareem Abdelkarim Yacine Yassine Yasin Yassin Amine Amin Lamine Mehdi Mahdi Sofiane Soufiane Sofian
Fatima Fatma Fatiha Fatim Khadija Khadidja Khedidja Amina Aminata Nadia Nadja Samira Samia Leila Layla Leyla Laila
Yasmine Yasmina Jasmine Meriem Myriam Maryam Mariem Nour Nora Noura Nour-el-houda Imane Iman Imene Salma Selma
Rachid Rachida Rached Said Saïd Saida Saad Youssef Youcef Yousef Youssouf Omar Omer Ali Alia Hamza Bilal Billel
Walid Oualid Nabil Nabila Farid Farida Hakim Hakima Djamel Jamel Jamal Djamila Jamila Abdelkader Abdelkrim
Abdellah Abdallah Abdullah Abdelaziz Abdelhak Abdelhamid Abdelmalek Abderrahmane Abderrahim Abdeslam Abdelali
Mourad Murad Morad Samir Sami Hichem Hicham Hisham Islem Islam Ines Inès Rania Sara Sarah Hiba Heba Asma Asmaa
Wafa Zineb Zeineb Zaynab Zainab Houda Hoda Malika Malik Aicha Aïcha Aisha Aïsha Kenza Khaled Khalid Redouane
Ridouane Ridha Reda Riad Riyad Ryad Tarek Tarik Tariq Anis Anes Ayoub Ayyoub Adel Adil Aymen Aymane Ayman
Nassim Nacim Nasser Naceur Nacer Nadir Nadjib Najib Noureddine Nourredine Nordine Nadjet Najet Nesrine Nesrin
Mounir Mounira Mustapha Mustafa Moustafa Mostafa Othmane Othman Otmane Oussama Ousama Usama Zakaria Zakariya
Zakarya Zoubir Zoheir Zouheir Zohra Zahra Zahia Zina Zoulikha Lakhdar Larbi Lahcen Lahoucine Houcine Hocine
Hussein Hassan Hassen Hassane Hassina Hafid Hafida Hadj Hadjer Hajar Hajer Habib Habiba Fouad Fethi Faycal
Fayçal Faisal Fares Farès Faouzi Fawzi Fawzia Ilyes Ilyas Elias Idir Ismail Ismaël Ismael Jalil Kamel Kamal
Kamila Kheira Kheireddine Khalil Lotfi Lyes Lynda Lamia Lina Loubna Latifa Mehdi Messaoud Mokhtar Mokrane
Mohand Moussa Mouloud Nawel Naoual Nawal Nadine Rabah Rabia Radia Rafik Rahim Rahma Ramzi Ramy Rym Rim Rima
Sabrina Sabri Safia Saliha Salim Salima Salah Salaheddine Samy Sana Sanaa Sihem Siham Slimane Sliman Souad
Soumia Soumaya Sonia Taha Tahar Taoufik Tawfik Toufik Wassim Wassila Wiam Widad Wided Yamina Yahia Yahya
Younes Younès Youness Yanis Yannis Yazid Zakia Ziad Zied Zinedine Zine Chaima Chaimae Chahinez Dounia Donia
Djazia Ghania Ghizlane Ghita Hanane Hanene Hayat Ibtissam Ikram Ilham Karima Kawtar Kaouther Kaoutar Khaoula
Lalla Maha Manel Manal Meryem Mouna Mounia Naima Najat Nassima Nihad Nisrine Oumaima Ouiame Rajae Rokia Rkia
Sofia Soukaina Wissal Yousra Youssra Zahira Houssem Hamdi Hedi Hédi Mongi Moncef Slim Skander Chokri Chedly
Seif Seifeddine Mehrez Montassar Aziz Azzedine Azeddine Brahim Ibrahim Abdou Bachir Boualem Boubaker Belkacem
Chakib Cherif Chafik Djillali Djilali Driss Elhadj Ferhat Ghani Hamoud Kaddour Kouider Madjid Majid Mehdi
Merouane Marouane Miloud Mouad Mouhamed Rayan Rayane Smail Tayeb Wahid Wahiba Yamine Zoubida Amel Amal Assia
Besma Basma Dalila Djihane Faiza Fella Ghalia Hayet Hind Ikhlas Insaf Kahina Katia Linda Meriam Nedjma Ouarda
Radhia Rachida Salwa Samiha Sawsen Sawsan Sonia Souhila Thouraya Wahiba Yousria Zoulikha Emna Olfa Hela Yosra
Marwa Marwen Eya Oumayma Syrine Dorra Ahlem Chiraz Khouloud Firas Ghassen Haythem Haithem Bassem Hatem Lassaad
Nizar Najla Lobna Faten Rabeb Saber Jihane Badr Anass Anas Achraf Thinhinane Massinissa Amar Akli Lounis Amira`;

// Common French first names that faker's fr lists lack (checked against them): ours too.
const FRENCH_EXTRA = `Mathieu Matthieu Margaux Aurélien Mickaël Mickael Laetitia Laëtitia Maëlys Maelys Maëlle Mila Enzo Mathis
Matthis Timéo Kylian Kilian Killian Ginette Loïc Gaëlle Gaëtan Yannick Yann Erwan Ronan Nolwenn Maïwenn Jordan Dylan
Steven Kevin Jessica Cindy Priscilla Ludivine Sylvain Fabrice Franck Régis Joël Gérard Jean-Luc Jean-Marc`;

// Entries of faker's en lists that are everyday English words far more often than first names in a
// customer file ("Name", "General", "Brown"): left out, so a column of such words is not a name column.
const NOT_NAMES = new Set(
	`name general major king queen sister baby princess prince golden green brown pink price unique miracle river stone
missouri london america easter sincere precious royal loyal ransom lucious okey sage will`.split(/\s+/)
);

const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

const source = process.argv[2];
if (source) {
	const rows = new Map(); // folded name → [name as written, origin]
	const add = (name, origin) => {
		const clean = name.trim();
		if (!/^[\p{L}][\p{L}' -]*$/u.test(clean)) return;
		if (!rows.has(fold(clean))) rows.set(fold(clean), [clean, origin]);
	};
	for (const name of MAGHREB.split(/\s+/).filter(Boolean)) add(name, 'maghreb');
	for (const name of FRENCH_EXTRA.split(/\s+/).filter(Boolean)) add(name, 'french-extra');
	for (const locale of ['fr', 'en']) {
		const { faker } = await import(pathToFileURL(resolve(source, 'dist/locale', `${locale}.js`)).href);
		const lists = faker.rawDefinitions.person.first_name;
		for (const list of Object.values(lists)) for (const name of list) if (!NOT_NAMES.has(fold(name))) add(name, `faker-${locale}`);
	}
	const sorted = [...rows.values()].sort(([a], [b]) => fold(a).localeCompare(fold(b)));
	writeFileSync(CSV, 'name,origin\n' + sorted.map(([n, o]) => `${n},${o}`).join('\n') + '\n');
	const count = (o) => sorted.filter(([, origin]) => origin === o).length;
	console.log(`${CSV}: ${sorted.length} names (maghreb ${count('maghreb')}, french-extra ${count('french-extra')}, faker-fr ${count('faker-fr')}, faker-en ${count('faker-en')})`);
}

const lines = readFileSync(CSV, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
if (lines.shift() !== 'name,origin') throw new Error(`${CSV}: unexpected header`);
const names = new Set();
for (const line of lines) {
	const [name, origin] = line.split(',');
	if (!name || !origin) throw new Error(`${CSV}: cannot read line ${JSON.stringify(line)}`);
	names.add(fold(name));
}
const out = `// GENERATED by scripts/build-first-names.mjs from ${CSV}: do not edit.
// French and English first names of @faker-js/faker 10.6.0 (MIT) and our own lists of Maghreb and French first
// names in Latin script; provenance in datasets/PROVENANCE.md. ${names.size} names, accent- and
// case-folded, separated by spaces (names of several words keep theirs as hyphens).

export const FIRST_NAMES: ReadonlySet<string> = new Set(${JSON.stringify([...names].map((n) => n.replace(/ /g, '-')).join(' '))}.split(' '));
`;
writeFileSync(TARGET, out);
console.log(`${TARGET}: ${names.size} names`);
