/**
 * Texts of the data cell: reading options and column types.
 */
import { messages } from '$lib/i18n';

export const M = messages({
	/** The cell kind's name in cell headers and lists. */
	label: 'Data',
	add: 'Data file',
	action: (fileName: string, table: string) => `loads the file "${fileName}" as table ${table}`,
	delimiter: 'Delimiter',
	decimal: 'Decimal mark',
	encoding: 'Encoding',
	reload: 'Reload with these options',
	replaceFile: 'Use another file:',
	from: 'from',
	readingOptions: 'Reading options',
	columnTypes: 'Column types',
	columnTypeOf: (column: string) => `Type of ${column}`,
	columnTypeDetected: 'detected',
	columnTypeLabels: { text: 'text', integer: 'whole number', decimal: 'decimal number', date: 'date' },
	readAs: (delimiter: string, decimal: string, encoding: string, bom: boolean) =>
		`Read as ${delimiter}-separated, decimal ${decimal}, ${encoding}${bom ? ' (with BOM)' : ''}.`,
	delimiterLabels: { auto: 'auto', ',': 'comma ,', ';': 'semicolon ;', '\t': 'tab', '|': 'pipe |' },
	decimalLabels: { auto: 'auto', '.': 'point 1.5', ',': 'comma 1,5' },
	encodingLabels: { auto: 'auto', 'utf-8': 'UTF-8', 'windows-1252': 'Windows-1252 / Latin-1' },
	tooLarge: (file: string, size: string, need: string, room: string) =>
		`The file "${file}" (${size}) would need about ${need} in this tab, which can take ${room} more: loading it whole would stop the tab, so it was not read. Load its start, or summarise or filter it where it lives first (fewer columns, one row per customer).`,
	loadStart: (size: string) => `Load its first ${size}`,
	maxMegabytes: 'Load only the first (MB)',
	wholeFile: 'whole file',
	sheet: 'Sheet',
	addSheet: (sheet: string) => `+ sheet “${sheet}” as its own table`,
	sheetSize: (name: string, rows: number, columns: number) => `${name} (${rows.toLocaleString('en-US')} rows × ${columns} columns)`
}, {
	fr: {
		label: 'Données',
		add: 'Fichier de données',
		action: (fileName, table) => `charge le fichier « ${fileName} » comme table ${table}`,
		delimiter: 'Séparateur de colonnes',
		decimal: 'Séparateur décimal',
		encoding: 'Encodage',
		reload: 'Recharger avec ces options',
		replaceFile: 'Utiliser un autre fichier :',
		from: 'issue de',
		readingOptions: 'Options de lecture',
		columnTypes: 'Types des colonnes',
		columnTypeOf: (column) => `Type de ${column}`,
		columnTypeDetected: 'détecté',
		columnTypeLabels: { text: 'texte', integer: 'nombre entier', decimal: 'nombre décimal', date: 'date' },
		readAs: (delimiter, decimal, encoding, bom) =>
			`Lu avec le séparateur de colonnes ${delimiter}, le séparateur décimal ${decimal} et l’encodage ${encoding}${bom ? ' (avec BOM)' : ''}.`,
		delimiterLabels: { auto: 'automatique', ',': 'virgule ,', ';': 'point-virgule ;', '\t': 'tabulation', '|': 'barre verticale |' },
		decimalLabels: { auto: 'automatique', '.': 'point 1.5', ',': 'virgule 1,5' },
		encodingLabels: { auto: 'automatique', 'utf-8': 'UTF-8', 'windows-1252': 'Windows-1252 / Latin-1' },
		tooLarge: (file, size, need, room) =>
			`Le fichier « ${file} » (${size}) demanderait environ ${need} dans cet onglet, qui ne dispose plus que de ${room} : le charger en entier ferait planter l’onglet, il n’a donc pas été lu. Chargez seulement son début, ou résumez-le ou filtrez-le d’abord à la source (moins de colonnes, une ligne par client).`,
		loadStart: (size) => `Charger seulement le début (${size})`,
		maxMegabytes: 'Ne charger que le début (Mo)',
		wholeFile: 'fichier entier',
		sheet: 'Feuille',
		addSheet: (sheet) => `+ feuille « ${sheet} » comme table à part`,
		sheetSize: (name, rows, columns) => `${name} (${rows.toLocaleString('fr-FR')} lignes × ${columns} colonnes)`
	}
});
