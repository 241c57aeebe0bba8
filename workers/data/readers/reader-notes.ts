/**
 * The words of the workbook, JSON and Parquet readers (their notes and
 * refusals), in the page's language.
 */
import { formatCount, messages } from '../../shared/language';

const n = (value: number) => formatCount(value);

export const W = messages(
	{
		noSuchSheet: (file: string, wanted: string, sheets: string) => `The workbook "${file}" has no sheet named "${wanted}". Its sheets: ${sheets}.`,
		emptySheets: (file: string, sheets: string) => `The workbook "${file}" has no data: its sheets ${sheets} are empty.`,
		noSheets: (file: string) => `The workbook "${file}" has no sheets.`,
		emptySheet: (sheet: string, file: string) => `The sheet "${sheet}" of "${file}" has no data.`,
		sheetChosen: (sheet: string, others: string) => `Read the sheet "${sheet}", the one with the most data (the workbook also has ${others}).`,
		titleRows: (header: number) => (header === 1 ? 'Row 1 above the header was left out (a title).' : `Rows 1–${header} above the header were left out (a title).`),
		rows: (list: string, count: number) => `${count === 1 ? 'row' : 'rows'} ${list}`,
		mergedHeader: (count: number, list: string) =>
			`${count === 1 ? 'The merged header cell' : 'The merged header cells'} ${list} ${count === 1 ? 'names' : 'name'} each column ${count === 1 ? 'it covers' : 'they cover'}; repeated names are numbered (_2, _3).`,
		mergedCells: (list: string) => `Merged cells give their value to every cell they cover, as Excel shows them: ${list}.`,
		emptyRows: (count: number, rows: string) => `${n(count)} ${count === 1 ? 'empty row' : 'empty rows'} between the data ${count === 1 ? 'was' : 'were'} left out (${rows}).`,
		emptyColumns: (count: number, list: string) => `Empty ${count === 1 ? 'column' : 'columns'} ${list} (no name, no values) ${count === 1 ? 'was' : 'were'} left out.`,
		errorIn: (text: string, cells: string) => `${text} in ${cells}`,
		recordsUnder: (count: number, path: string, others: string) =>
			`Read the ${n(count)} ${count === 1 ? 'record' : 'records'} under "${path}"${others ? `; the other fields (${others}) were left out` : ''}.`,
		bigIntegers: (count: number) => `${n(count)} ${count === 1 ? 'whole number is' : 'whole numbers are'} too large for a 64-bit integer column and kept as text, with all digits.`,
		columnsLeftOut: (names: string) => `Columns left out, as this workbench cannot read their type: ${names}.`,
		utcTimes: (names: string) => `Dates and times in ${names} carry a time zone in the file; they are shown in UTC.`,
		errorCells: (count: number, parts: string[]) =>
			`${n(count)} ${count === 1 ? 'cell showed a spreadsheet error and is' : 'cells showed spreadsheet errors and are'} empty in the table: ${parts.join('; ')}.`
	},
	{
		fr: {
			noSuchSheet: (file, wanted, sheets) => `Le classeur « ${file} » n’a pas de feuille nommée « ${wanted} ». Ses feuilles : ${sheets}.`,
			emptySheets: (file, sheets) => `Le classeur « ${file} » ne contient pas de données : ses feuilles ${sheets} sont vides.`,
			noSheets: (file) => `Le classeur « ${file} » n’a aucune feuille.`,
			emptySheet: (sheet, file) => `La feuille « ${sheet} » de « ${file} » ne contient pas de données.`,
			sheetChosen: (sheet, others) => `Feuille « ${sheet} » lue, celle qui contient le plus de données (le classeur a aussi ${others}).`,
			titleRows: (header) => (header === 1 ? 'La ligne 1 au-dessus de l’en-tête a été écartée (un titre).' : `Les lignes 1 à ${header} au-dessus de l’en-tête ont été écartées (un titre).`),
			rows: (list, count) => `${count === 1 ? 'ligne' : 'lignes'} ${list}`,
			mergedHeader: (count, list) =>
				`${count === 1 ? 'La cellule d’en-tête fusionnée' : 'Les cellules d’en-tête fusionnées'} ${list} ${count === 1 ? 'nomme' : 'nomment'} chaque colonne qu’${count === 1 ? 'elle couvre' : 'elles couvrent'} ; les noms répétés sont numérotés (_2, _3).`,
			mergedCells: (list) => `Les cellules fusionnées donnent leur valeur à chaque cellule qu’elles couvrent, comme Excel les affiche : ${list}.`,
			emptyRows: (count, rows) => `${n(count)} ${count === 1 ? 'ligne vide entre les données a été écartée' : 'lignes vides entre les données ont été écartées'} (${rows}).`,
			emptyColumns: (count, list) => `${count === 1 ? 'La colonne vide' : 'Les colonnes vides'} ${list} (sans nom ni valeur) ${count === 1 ? 'a été écartée' : 'ont été écartées'}.`,
			errorIn: (text, cells) => `${text} en ${cells}`,
			recordsUnder: (count, path, others) =>
				`${count === 1 ? 'Enregistrement lu' : `${n(count)} enregistrements lus`} sous « ${path} »${others ? ` ; les autres champs (${others}) ont été écartés` : ''}.`,
			bigIntegers: (count) => `${n(count)} ${count === 1 ? 'nombre entier est trop grand' : 'nombres entiers sont trop grands'} pour une colonne d’entiers 64 bits : ${count === 1 ? 'il est gardé' : 'ils sont gardés'} comme texte, avec tous les chiffres.`,
			columnsLeftOut: (names) => `Colonnes écartées, car l’atelier ne sait pas lire leur type : ${names}.`,
			utcTimes: (names) => `Les dates et heures de ${names} portent un fuseau horaire dans le fichier ; elles sont affichées en UTC.`,
			errorCells: (count, parts) =>
				`${n(count)} ${count === 1 ? 'cellule affichait une erreur de tableur et est vide' : 'cellules affichaient des erreurs de tableur et sont vides'} dans la table : ${parts.join(' ; ')}.`
		}
	}
);
