/**
 * The words of what an import did to a file (notes under the data cell) and
 * why it refused one, in the page's language. Every row of a file either
 * becomes a table row or is named here, by the line a text editor shows for it.
 */
import { formatBytes, formatCount, messages } from '../shared/language';
import type { RejectError } from './csv-rejects';

/** Line numbers shown in full before "and N more". */
const LISTED_LINES = 10;

const n = (value: number) => formatCount(value);
const quoted = (names: string[]) => names.map((c) => `"${c}"`).join(', ');
/** "a", "a and b", "a, b and c" (`and`: the language's word). */
const joined = (items: string[], and: string) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`);
const MB = 1_000_000;
/** A size rounded as a note says it: GB to one decimal, MB and kB whole ("756 MB", "8 kB"). */
const roughBytes = (bytes: number) =>
	formatBytes(bytes >= 1e9 ? Math.round(bytes / 1e8) * 1e8 : bytes >= MB ? Math.round(bytes / MB) * MB : Math.max(1, Math.round(bytes / 1e3)) * 1e3);

type TypeWord = 'integer' | 'number' | 'date' | 'timestamp' | 'time' | 'boolean';

export const N = messages(
	{
		/** "1 row", "2 rows": `one`/`many` are English words the callers pass. */
		count: (value: number, one: string, many: string) => `${n(value)} ${value === 1 ? one : many}`,
		lines: (shown: string[], total: number, more: number) => `${total === 1 ? 'line' : 'lines'} ${shown.join(', ')}${more > 0 ? ` and ${n(more)} more` : ''}`,
		types: { integer: 'whole numbers', number: 'numbers', date: 'dates', timestamp: 'dates and times', time: 'times', boolean: 'true/false values' } as Record<TypeWord, string>,
		longRow: 'more fields than the header',
		valueMisfit: (column: string, holds: string) => `a value does not fit column "${column}", which holds ${holds}`,
		shortAnd: (misfit: string) => `fewer fields than the header, and ${misfit}`,
		lineTooLong: 'the line is too long',
		badBytes: 'bytes that are not valid text',
		unknownError: 'unknown error',
		leftOut: (total: number, parts: string[]) => `${n(total)} ${total === 1 ? 'row' : 'rows'} could not be read and ${total === 1 ? 'was' : 'were'} left out: ${parts.join('; ')}.`,
		padded: (rows: number, lineList: string) => `${n(rows)} ${rows === 1 ? 'row had' : 'rows had'} fewer fields than the header (${lineList}); the missing fields are empty.`,
		unaccounted: (missing: number, fileRows: number, tableRows: number) =>
			`${n(missing)} ${missing === 1 ? 'row' : 'rows'} of the file could not be read and ${missing === 1 ? 'was' : 'were'} left out (the file has ${n(fileRows)} data rows, the table ${n(tableRows)}); check the file for irregular rows.`,
		textColumns: (columns: string[]) => `${quoted(columns)} read as text: some values further down the file are not numbers or dates.`,
		renamedOne: (from: string, position: number, to: string) => `"${from}" (column ${position}) is now "${to}"`,
		renamedUnnamed: (position: number, to: string) => `column ${position} had no name and is now "${to}"`,
		renamed: (count: number, list: string[]) => `Column names must be unique (ignoring case) and not empty, so ${count === 1 ? 'one was' : 'some were'} renamed: ${list.join(', ')}.`,
		longLine: (fileName: string, line: number, field: string, row: string | null, limit: string) =>
			`Could not read "${fileName}": line ${n(line)} has a field of ${field}${row ? ` (the whole row is ${row})` : ''}, longer than the ${limit} a row may hold. Shorten or remove that value and try again (if it should not be that long, look for a stray quote before it).`,
		unclosedQuote: (fileName: string, line: number) =>
			`Could not read "${fileName}": unclosed quote near line ${n(line)}: a quote (") opened there is never closed. Fix or remove that quote in the file and try again.`,
		numbersFromText: (column: string, blanks: number) =>
			`"${column}" was read as numbers: its ${n(blanks)} ${blanks === 1 ? 'cell' : 'cells'} of blank spaces ${blanks === 1 ? 'is a missing value' : 'are missing values'}.`,
		blankCells: (columns: string[]) => `Cells of blank spaces in ${quoted(columns)} are read as missing values.`,
		castFailures: (column: string, holds: string, failed: number, example: string) =>
			`${n(failed)} ${failed === 1 ? 'value' : 'values'} of "${column}" ${failed === 1 ? 'is' : 'are'} not ${holds} (e.g. "${example}") and ${failed === 1 ? 'was' : 'were'} read as missing.`,
		unknownTyped: (columns: string[]) => `The type chosen for ${quoted(columns)} was not applied: this file has no such column.`,
		and: 'and',
		removed: (what: string) => `${what} removed`,
		thousands: 'thousands separators',
		currencyCode: (code: string) => `the currency code ${code}`,
		currencySign: (sign: string) => `the ${sign} sign`,
		percentSign: 'the percent sign',
		decimalCommas: 'decimal commas read as decimal points',
		negatives: (amounts: number) => `${n(amounts)} ${amounts === 1 ? 'amount' : 'amounts'} in parentheses read as negative`,
		markerCells: (cells: number, token: string) => `${n(cells)} ${cells === 1 ? 'cell' : 'cells'} "${token}"`,
		blankMarkerCells: (cells: number) => `${n(cells)} ${cells === 1 ? 'cell' : 'cells'} of blank spaces`,
		readAsMissing: (what: string) => `${what} read as missing`,
		textNumbers: (column: string, parts: string[]) =>
			`Column "${column}" was read as numbers${parts.length ? `: ${parts.join(', ')}` : ''}. Choose "text" under Reading options to keep it as written.`,
		stages: {
			checkingEncoding: 'Checking encoding',
			detectingFormat: 'Detecting format',
			importing: 'Importing into DuckDB',
			readingWorkbook: 'Reading the workbook',
			readingParquet: 'Reading the Parquet file',
			readingJson: 'Reading JSON',
			readingFile: 'Reading file',
			countingRows: 'Counting rows',
			keeping: 'Keeping a copy in this browser',
			done: 'Done'
		},
		fileGone: (file: string) => `The file "${file}" is no longer in this browser's storage; drop it again.`,
		fileEmpty: (file: string) => `The file "${file}" is empty.`,
		headerOnly: (file: string) => `The file "${file}" has only a header row, no data rows.`,
		notKept: (why: string) => `Could not keep a copy in this browser's storage (${why}); after a reload, drop the file again.`,
		partial: (file: string, loaded: string, whole: string, rows: number) =>
			`Only the first ${loaded} of the ${whole} of the file ${file} were loaded (${n(rows)} rows, up to the last whole line): the whole file would not fit in this tab's memory. Summarise or filter it where it lives to use all of it.`
	},
	{
		fr: {
			count: (value, one, many) => `${n(value)} ${value === 1 ? one : many}`,
			lines: (shown, total, more) => `${total === 1 ? 'ligne' : 'lignes'} ${shown.join(', ')}${more > 0 ? ` et ${n(more)} autres` : ''}`,
			types: { integer: 'des nombres entiers', number: 'des nombres', date: 'des dates', timestamp: 'des dates et heures', time: 'des heures', boolean: 'des valeurs vrai/faux' },
			longRow: 'plus de champs que l’en-tête',
			valueMisfit: (column, holds) => `une valeur ne convient pas à la colonne « ${column} », qui contient ${holds}`,
			shortAnd: (misfit) => `moins de champs que l’en-tête, et ${misfit}`,
			lineTooLong: 'la ligne est trop longue',
			badBytes: 'des octets qui ne sont pas du texte valide',
			unknownError: 'erreur inconnue',
			leftOut: (total, parts) => `${n(total)} ${total === 1 ? 'ligne n’a pas pu être lue et a été écartée' : 'lignes n’ont pas pu être lues et ont été écartées'} : ${parts.join(' ; ')}.`,
			padded: (rows, lineList) => `${n(rows)} ${rows === 1 ? 'ligne avait' : 'lignes avaient'} moins de champs que l’en-tête (${lineList}) ; les champs manquants sont vides.`,
			unaccounted: (missing, fileRows, tableRows) =>
				`${n(missing)} ${missing === 1 ? 'ligne du fichier n’a pas pu être lue et a été écartée' : 'lignes du fichier n’ont pas pu être lues et ont été écartées'} (le fichier a ${n(fileRows)} lignes de données, la table ${n(tableRows)}) ; vérifiez les lignes irrégulières du fichier.`,
			textColumns: (columns) => `${quoted(columns)} ${columns.length === 1 ? 'lue' : 'lues'} comme du texte : certaines valeurs plus bas dans le fichier ne sont ni des nombres ni des dates.`,
			renamedOne: (from, position, to) => `« ${from} » (colonne ${position}) devient « ${to} »`,
			renamedUnnamed: (position, to) => `la colonne ${position} n’avait pas de nom et devient « ${to} »`,
			renamed: (count, list) => `Les noms de colonnes doivent être uniques (sans tenir compte de la casse) et non vides : ${count === 1 ? 'un a été renommé' : 'certains ont été renommés'} : ${list.join(', ')}.`,
			longLine: (fileName, line, field, row, limit) =>
				`Impossible de lire « ${fileName} » : la ligne ${n(line)} contient un champ de ${field}${row ? ` (la ligne entière fait ${row})` : ''}, plus que les ${limit} qu’une ligne peut contenir. Raccourcissez ou supprimez cette valeur et réessayez (si elle ne devrait pas être si longue, cherchez un guillemet égaré avant elle).`,
			unclosedQuote: (fileName, line) =>
				`Impossible de lire « ${fileName} » : guillemet non fermé vers la ligne ${n(line)} : un guillemet (") ouvert là n’est jamais fermé. Corrigez ou supprimez ce guillemet dans le fichier et réessayez.`,
			numbersFromText: (column, blanks) =>
				`« ${column} » a été lue comme des nombres : ${blanks === 1 ? 'sa cellule faite d’espaces est une valeur manquante' : `ses ${n(blanks)} cellules faites d’espaces sont des valeurs manquantes`}.`,
			blankCells: (columns) => `Les cellules faites d’espaces dans ${quoted(columns)} sont lues comme des valeurs manquantes.`,
			castFailures: (column, holds, failed, example) =>
				failed === 1
					? `1 valeur de « ${column} » ne correspond pas à ${holds} (par ex. « ${example} ») et a été lue comme manquante.`
					: `${n(failed)} valeurs de « ${column} » ne correspondent pas à ${holds} (par ex. « ${example} ») et ont été lues comme manquantes.`,
			unknownTyped: (columns) => `Le type choisi pour ${quoted(columns)} n’a pas été appliqué : ce fichier n’a pas cette colonne.`,
			and: 'et',
			removed: (what) => `retirés : ${what}`,
			thousands: 'les séparateurs de milliers',
			currencyCode: (code) => `le code devise ${code}`,
			currencySign: (sign) => `le signe ${sign}`,
			percentSign: 'le signe pour cent',
			decimalCommas: 'virgules décimales lues comme des points décimaux',
			negatives: (amounts) => `${n(amounts)} ${amounts === 1 ? 'montant entre parenthèses lu comme négatif' : 'montants entre parenthèses lus comme négatifs'}`,
			markerCells: (cells, token) => `${n(cells)} ${cells === 1 ? 'cellule' : 'cellules'} « ${token} »`,
			blankMarkerCells: (cells) => `${n(cells)} ${cells === 1 ? 'cellule faite' : 'cellules faites'} d’espaces`,
			readAsMissing: (what) => `${what} lues comme manquantes`,
			textNumbers: (column, parts) =>
				`La colonne « ${column} » a été lue comme des nombres${parts.length ? ` : ${parts.join(', ')}` : ''}. Choisissez « texte » dans les options de lecture pour la garder telle qu’écrite.`,
			stages: {
				checkingEncoding: 'Vérification de l’encodage',
				detectingFormat: 'Détection du format',
				importing: 'Import dans DuckDB',
				readingWorkbook: 'Lecture du classeur',
				readingParquet: 'Lecture du fichier Parquet',
				readingJson: 'Lecture du JSON',
				readingFile: 'Lecture du fichier',
				countingRows: 'Comptage des lignes',
				keeping: 'Copie conservée dans ce navigateur',
				done: 'Terminé'
			},
			fileGone: (file) => `Le fichier « ${file} » n’est plus dans le stockage de ce navigateur ; déposez-le à nouveau.`,
			fileEmpty: (file) => `Le fichier « ${file} » est vide.`,
			headerOnly: (file) => `Le fichier « ${file} » n’a qu’une ligne d’en-tête, aucune ligne de données.`,
			notKept: (why) => `Impossible de garder une copie dans le stockage de ce navigateur (${why}) ; après un rechargement, déposez à nouveau le fichier.`,
			partial: (file, loaded, whole, rows) =>
				`Seuls les ${loaded} premiers des ${whole} du fichier ${file} ont été chargés (${n(rows)} lignes, jusqu’à la dernière ligne entière) : le fichier entier ne tiendrait pas dans la mémoire de cet onglet. Résumez-le ou filtrez-le là où il se trouve pour tout utiliser.`
		}
	}
);

/** "1 row", "2 rows": a count with its noun, grouped as the page's language writes numbers. */
export const count = (value: number, one: string, many: string) => N.count(value, one, many);

/** "line 3", "lines 3, 5", "lines 3, 5, … and 4 more". */
export function lineList(lines: number[]): string {
	const sorted = [...lines].sort((a, b) => a - b);
	const shown = sorted.slice(0, LISTED_LINES).map(n);
	return N.lines(shown, sorted.length, sorted.length - shown.length);
}

/** Plain words for the values a DuckDB type holds. */
function typeWords(type: string): string {
	if (/INT/.test(type)) return N.types.integer;
	if (/^(DOUBLE|FLOAT|REAL|DECIMAL)/.test(type)) return N.types.number;
	if (type === 'DATE') return N.types.date;
	if (type.startsWith('TIMESTAMP')) return N.types.timestamp;
	if (type === 'TIME') return N.types.time;
	if (type === 'BOOLEAN') return N.types.boolean;
	return type.toLowerCase();
}

/** Why a line was left out, from DuckDB's errors there; lines with the same words are listed together. */
export function rejectReason(errors: RejectError[], shape: 'short' | 'long' | 'regular'): string {
	if (shape === 'long') return N.longRow;
	const [error] = errors;
	if (error?.type === 'CAST' && error.column) {
		const fit = N.valueMisfit(error.column, typeWords(error.expected ?? ''));
		return shape === 'short' ? N.shortAnd(fit) : fit;
	}
	if (error?.type === 'TOO MANY COLUMNS') return N.longRow;
	if (error?.type === 'LINE SIZE OVER MAXIMUM') return N.lineTooLong;
	if (error?.type === 'INVALID UNICODE') return N.badBytes;
	return error?.type ? error.type.toLowerCase() : N.unknownError;
}

/** "2 rows could not be read and were left out: lines 4, 9 (more fields than the header); line 3 (…)." */
export function leftOutNote(byReason: Map<string, number[]>): string {
	const total = [...byReason.values()].reduce((sum, lines) => sum + lines.length, 0);
	return N.leftOut(total, [...byReason].map(([reason, lines]) => `${lineList(lines)} (${reason})`));
}

export const paddedNote = (lines: number[]) => N.padded(lines.length, lineList(lines));

/** The safety net: rows missing from the table that no rejects table or check accounted for. */
export const unaccountedNote = (missing: number, fileRows: number, tableRows: number) => N.unaccounted(missing, fileRows, tableRows);

export const textColumnsNote = (columns: string[]) => N.textColumns(columns);

/** One sentence for every header name DuckDB changed (a repeated or empty name). */
export function renamedNote(renames: { from: string; to: string; position: number }[]): string {
	return N.renamed(renames.length, renames.map((r) => (r.from ? N.renamedOne(r.from, r.position, r.to) : N.renamedUnnamed(r.position, r.to))));
}


export const longLineRefusal = (fileName: string, line: number, fieldBytes: number, lineBytes: number, limit: number) =>
	N.longLine(fileName, line, formatBytes(fieldBytes), lineBytes - fieldBytes > MB / 10 ? formatBytes(lineBytes) : null, formatBytes(limit));

export const unclosedQuoteRefusal = (fileName: string, line: number) => N.unclosedQuote(fileName, line);

/** A column of numbers that DuckDB read as text because some cells held only spaces. */
export const numbersFromTextNote = (column: string, blanks: number) => N.numbersFromText(column, blanks);

/** Text columns where cells of blank spaces became missing values. */
export const blankCellsNote = (columns: string[]) => N.blankCells(columns);

/** A type the user chose that some values do not fit. */
export const castFailuresNote = (column: string, type: string, failed: number, example: string) => N.castFailures(column, typeWords(type), failed, example);

/** Types chosen under "Reading options" for columns the file does not have. */
export const unknownTypedColumnsNote = (columns: string[]) => N.unknownTyped(columns);

/** What reading a text column as numbers did to its values. */
export interface TextNumbersDone {
	/** "thousands separators", "the € sign", "the currency code DA", "the percent sign". */
	removed: string[];
	/** Decimal commas in a file whose other numbers use a point. */
	decimalCommas: boolean;
	/** Amounts written in parentheses, read as negative. */
	negatives: number;
	/** Missing markers as written ("N/A", "-"), with their cells. */
	markers: { token: string; cells: number }[];
	/** Cells of blank spaces. */
	blanks: number;
}

/** A text column of numbers written with separators, a currency or percent sign, or missing markers, now read as numbers. */
export function textNumbersNote(column: string, done: TextNumbersDone): string {
	const parts: string[] = [];
	if (done.removed.length) parts.push(N.removed(joined(done.removed, N.and)));
	if (done.decimalCommas) parts.push(N.decimalCommas);
	if (done.negatives) parts.push(N.negatives(done.negatives));
	const missing = done.markers.map((m) => N.markerCells(m.cells, m.token));
	if (done.blanks) missing.push(N.blankMarkerCells(done.blanks));
	if (missing.length) parts.push(N.readAsMissing(joined(missing, N.and)));
	return N.textNumbers(column, parts);
}

/** Only the start of a file too large for the tab was loaded (Reading options, "Load only the first … MB"). */
export function partialFileNote(file: string, loaded: number, whole: number, rows: number): string {
	return N.partial(file, roughBytes(loaded), roughBytes(whole), rows);
}
