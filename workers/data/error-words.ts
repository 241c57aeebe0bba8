/**
 * The data worker's refusals of a file that is not CSV text and its plain
 * words for DuckDB's SQL errors, in the page's language.
 */
import { messages } from '../shared/language';

export type BinaryKind = 'zip' | 'xls' | 'pdf' | 'png' | 'jpeg' | 'gif' | 'gzip' | 'sqlite';

export const EW = messages(
	{
		saveAs: 'Open it in its program and save it as CSV (for Excel: File › Save As › "CSV UTF-8"), then drop the .csv file.',
		binary: {
			zip: 'This looks like an Excel or ZIP file, not CSV text.',
			xls: 'This looks like an old Excel (.xls) or Office file, not CSV text.',
			pdf: 'This looks like a PDF document, not CSV text. Export the data as CSV instead.',
			png: 'This looks like a PNG image, not CSV text.',
			jpeg: 'This looks like a JPEG image, not CSV text.',
			gif: 'This looks like a GIF image, not CSV text.',
			gzip: 'This looks like a compressed (gzip) file, not CSV text. Decompress it first.',
			sqlite: 'This looks like a SQLite database, not CSV text.'
		} as Record<BinaryKind, string>,
		nulBytes: 'this file contains binary data (NUL bytes), not CSV text. Export the data as CSV and try again.',
		utf16: 'The file was saved as UTF-16 ("Unicode text"); it was converted to UTF-8.',
		replaced: 'Some bytes are not valid UTF-8; they were replaced with "\uFFFD". Try the Windows-1252 encoding.',
		windows1252: 'The file is not valid UTF-8; it was decoded as Windows-1252 (Latin-1).',
		tab: 'tab',
		ragged: (file: string, delimiter: string) =>
			`Could not read "${file}" as CSV: its rows do not share one structure with the "${delimiter}" delimiter. Try choosing the delimiter by hand.`,
		notCsv: (file: string, plain: string) => `Could not read "${file}" as CSV: ${plain}`,
		knownTables: (names: string[]) => `Known tables: ${names.join(', ')}.`,
		noTables: 'No tables are loaded yet.',
		noTable: (name: string, list: string) => `There is no table or view named ${name}. ${list}`,
		syntaxNear: (near: string) => `near ${near}`,
		syntaxAtEnd: 'at the end of the query (is something missing?)',
		syntax: (where: string) => `SQL syntax error ${where}.`,
		didYouMean: (names: string) => ` Did you mean ${names}?`,
		noColumn: (name: string, hint: string) => `There is no column named ${name}.${hint}`,
		conversion: (detail: string) => `A value could not be converted: ${detail}`,
		noOutsideCode: 'this workbench never reads or writes other hosts and loads no code or databases from them',
		notAvailable: (what: string, why: string) => `${what} is not available: ${why}.`,
		remote: (url: string) => `This workbench never reads or writes other hosts: "${url}" was not contacted. Download the file yourself and drop it here; it then becomes a table.`,
		localFile: (file: string) =>
			`This workbench reads only the files you load into it, and writes none: "${file}" is not one of them. Drop the file here (or "+ Data file") and query its table by name; to save a result, use its download button.`,
		extensions: 'Extensions',
		lockedSetting: (name: string) => `The setting "${name}" is fixed here: DuckDB stays locked to this tab (no other hosts, no extensions, no files outside the notebook).`,
		needsExtension: (what: string, extension: string) =>
			`${what} needs DuckDB's ${extension} extension, which this workbench does not load (extensions come from another host). CSV and TSV files load as tables: drop them here.`,
		readsItself: (view: string) => `This query reads "${view}", which is the name of its own result; give the result another name.`,
		executed: (n: number) => (n === 1 ? 'Statement executed.' : `${n} statements executed.`),
		profileStages: { counting: 'Counting values', duplicates: 'Finding duplicate rows', histograms: 'Histograms and outliers' },
		topValues: (column: string) => `Top values of ${column}`,
		outOfMemory:
			"The browser ran out of memory for this operation (this tab's data may take about 4 GB at most). Filter first (WHERE) or keep fewer columns, aggregate to one row per customer before joining, or work on a sample (FROM t USING SAMPLE 10 %)."
	},
	{
		fr: {
			saveAs: 'Ouvrez-le dans son logiciel et enregistrez-le en CSV (dans Excel : Fichier › Enregistrer sous › « CSV UTF-8 »), puis déposez le fichier .csv.',
			binary: {
				zip: 'Ceci ressemble à un fichier Excel ou ZIP, pas à du texte CSV.',
				xls: 'Ceci ressemble à un ancien fichier Excel (.xls) ou Office, pas à du texte CSV.',
				pdf: 'Ceci ressemble à un document PDF, pas à du texte CSV. Exportez plutôt les données en CSV.',
				png: 'Ceci ressemble à une image PNG, pas à du texte CSV.',
				jpeg: 'Ceci ressemble à une image JPEG, pas à du texte CSV.',
				gif: 'Ceci ressemble à une image GIF, pas à du texte CSV.',
				gzip: 'Ceci ressemble à un fichier compressé (gzip), pas à du texte CSV. Décompressez-le d’abord.',
				sqlite: 'Ceci ressemble à une base SQLite, pas à du texte CSV.'
			},
			nulBytes: 'ce fichier contient des données binaires (octets NUL), pas du texte CSV. Exportez les données en CSV et réessayez.',
			utf16: 'Le fichier était enregistré en UTF-16 (« texte Unicode ») ; il a été converti en UTF-8.',
			replaced: 'Certains octets ne sont pas de l’UTF-8 valide ; ils ont été remplacés par « \uFFFD ». Essayez l’encodage Windows-1252.',
			windows1252: 'Le fichier n’est pas de l’UTF-8 valide ; il a été décodé en Windows-1252 (Latin-1).',
			tab: 'tabulation',
			ragged: (file, delimiter) =>
				`Impossible de lire « ${file} » en CSV : ses lignes n’ont pas une même structure avec le séparateur « ${delimiter} ». Essayez de choisir le séparateur à la main.`,
			notCsv: (file, plain) => `Impossible de lire « ${file} » en CSV : ${plain}`,
			knownTables: (names) => `Tables connues : ${names.join(', ')}.`,
			noTables: 'Aucune table n’est encore chargée.',
			noTable: (name, list) => `Il n’y a pas de table ni de vue nommée ${name}. ${list}`,
			syntaxNear: (near) => `près de ${near}`,
			syntaxAtEnd: 'à la fin de la requête (manque-t-il quelque chose ?)',
			syntax: (where) => `Erreur de syntaxe SQL ${where}.`,
			didYouMean: (names) => ` Vouliez-vous dire ${names} ?`,
			noColumn: (name, hint) => `Il n’y a pas de colonne nommée ${name}.${hint}`,
			conversion: (detail) => `Une valeur n’a pas pu être convertie : ${detail}`,
			noOutsideCode: 'cet atelier ne lit ni n’écrit jamais sur d’autres hôtes et n’en charge ni code ni base de données',
			notAvailable: (what, why) => `${what} n’est pas disponible : ${why}.`,
			remote: (url) => `Cet atelier ne lit ni n’écrit jamais sur d’autres hôtes : « ${url} » n’a pas été contacté. Téléchargez le fichier vous-même et déposez-le ici ; il deviendra une table.`,
			localFile: (file) =>
				`Cet atelier ne lit que les fichiers que vous y chargez, et n’en écrit aucun : « ${file} » n’en fait pas partie. Déposez le fichier ici (ou « + Fichier de données ») et interrogez sa table par son nom ; pour enregistrer un résultat, utilisez son bouton de téléchargement.`,
			extensions: 'Les extensions',
			lockedSetting: (name) => `Le réglage « ${name} » est fixé ici : DuckDB reste verrouillé dans cet onglet (pas d’autres hôtes, pas d’extensions, pas de fichiers hors du notebook).`,
			needsExtension: (what, extension) =>
				`${what} demande l’extension ${extension} de DuckDB, que cet atelier ne charge pas (les extensions viennent d’un autre hôte). Les fichiers CSV et TSV se chargent comme des tables : déposez-les ici.`,
			readsItself: (view) => `Cette requête lit « ${view} », le nom de son propre résultat ; donnez un autre nom au résultat.`,
			executed: (n) => (n === 1 ? 'Instruction exécutée.' : `${n} instructions exécutées.`),
			profileStages: { counting: 'Comptage des valeurs', duplicates: 'Recherche des lignes en double', histograms: 'Histogrammes et valeurs extrêmes' },
			topValues: (column) => `Valeurs les plus fréquentes de ${column}`,
			outOfMemory:
				'Le navigateur a manqué de mémoire pour cette opération (les données de cet onglet peuvent occuper environ 4 Go au plus). Filtrez d’abord (WHERE) ou gardez moins de colonnes, agrégez à une ligne par client avant les jointures, ou travaillez sur un échantillon (FROM t USING SAMPLE 10 %).'
		}
	}
);
