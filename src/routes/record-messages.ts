/**
 * Texts of the record of processing: its panel, its printable page and the
 * sentences of the steps the notebook itself takes (exports, imports).
 */
import { messages } from '$lib/i18n';

export const R = messages(
	{
		open: 'Record',
		title: 'Record of processing',
		intro: 'Every dataset this notebook loaded, each transformation, model fitted and export, with its time. It is kept with the notebook and travels in its files.',
		empty: 'Nothing recorded yet: load a file or run a cell.',
		dropped: (n: number) => `${n} older ${n === 1 ? 'step was' : 'steps were'} removed to keep the record under its size limit.`,
		when: 'When',
		step: 'Step',
		what: 'What',
		tables: 'Tables',
		kinds: { dataset: 'Dataset loaded', transformation: 'Transformation', model: 'Model fitted', export: 'Export', import: 'Opened from a file' },
		table: (name: string, rows: string, columns: number) => `${name}: ${rows} rows × ${columns} columns`,
		personal: 'Personal data',
		noPersonal: 'no personal data found',
		file: (name: string, size: string) => `File ${name} (${size})`,
		summaryTitle: 'Summary',
		categories: 'Categories of personal data seen',
		noCategories: 'none found',
		where: 'Where the data was processed',
		whereText: 'In this browser only: no server received it, no transfer took place. Files, tables and models are stored in this browser (IndexedDB, Origin Private File System).',
		exportsCount: (n: number) => `${n} ${n === 1 ? 'export' : 'exports'} to files (listed below).`,
		notebook: 'Notebook',
		printedAt: (date: string) => `Printed ${date}`,
		downloadJson: 'Download JSON',
		downloadPage: 'Download printable page',
		print: 'Print',
		close: 'Close',
		exported: (name: string) => `Saved ${name} to a file.`,
		imported: (name: string) => `Opened the notebook from the file ${name}.`,
		personalKinds: {
			email: 'e-mail addresses',
			phone: 'phone numbers',
			person_name: 'person names',
			address: 'postal addresses',
			postcode: 'postcodes',
			birth_date: 'dates of birth',
			national_id: 'national identifiers',
			iban: 'bank account numbers (IBAN)',
			card_number: 'payment card numbers',
			ip_address: 'IP addresses',
			free_text_with_pii: 'free text holding personal data'
		} as Record<string, string>
	},
	{
		fr: {
			open: 'Registre',
			title: 'Registre des traitements',
			intro: 'Chaque jeu de données chargé par ce notebook, chaque transformation, modèle ajusté et export, avec son heure. Il est conservé avec le notebook et voyage dans ses fichiers.',
			empty: 'Rien n’est encore enregistré : chargez un fichier ou exécutez une cellule.',
			dropped: (n: number) => `${n} ${n === 1 ? 'étape ancienne a été retirée' : 'étapes anciennes ont été retirées'} pour garder le registre sous sa taille maximale.`,
			when: 'Quand',
			step: 'Étape',
			what: 'Quoi',
			tables: 'Tables',
			kinds: { dataset: 'Données chargées', transformation: 'Transformation', model: 'Modèle ajusté', export: 'Export', import: 'Ouvert depuis un fichier' },
			table: (name: string, rows: string, columns: number) => `${name} : ${rows} lignes × ${columns} colonnes`,
			personal: 'Données personnelles',
			noPersonal: 'aucune donnée personnelle trouvée',
			file: (name: string, size: string) => `Fichier ${name} (${size})`,
			summaryTitle: 'Synthèse',
			categories: 'Catégories de données personnelles vues',
			noCategories: 'aucune',
			where: 'Lieu du traitement',
			whereText: 'Dans ce navigateur uniquement : aucun serveur ne les a reçues, aucun transfert n’a eu lieu. Fichiers, tables et modèles sont stockés dans ce navigateur (IndexedDB, Origin Private File System).',
			exportsCount: (n: number) => `${n} ${n === 1 ? 'export' : 'exports'} vers des fichiers (listés ci-dessous).`,
			notebook: 'Notebook',
			printedAt: (date: string) => `Imprimé le ${date}`,
			downloadJson: 'Télécharger en JSON',
			downloadPage: 'Télécharger la page imprimable',
			print: 'Imprimer',
			close: 'Fermer',
			exported: (name: string) => `Enregistrement de ${name} dans un fichier.`,
			imported: (name: string) => `Ouverture du notebook depuis le fichier ${name}.`,
			personalKinds: {
				email: 'adresses e-mail',
				phone: 'numéros de téléphone',
				person_name: 'noms de personnes',
				address: 'adresses postales',
				postcode: 'codes postaux',
				birth_date: 'dates de naissance',
				national_id: 'identifiants nationaux',
				iban: 'numéros de compte (IBAN)',
				card_number: 'numéros de carte de paiement',
				ip_address: 'adresses IP',
				free_text_with_pii: 'texte libre contenant des données personnelles'
			}
		}
	}
);
