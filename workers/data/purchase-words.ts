/**
 * The words of the purchase-log readers (RFM, customer value) and of the
 * pseudonymisation, in the page's language.
 */
import { messages } from '../shared/language';

export type PurchaseRole = 'customer' | 'date' | 'amount';

export const PW = messages(
	{
		roles: { customer: 'customer', date: 'date', amount: 'amount' } as Record<PurchaseRole, string>,
		chooseColumn: (role: string) => `Choose the ${role} column.`,
		noColumn: (name: string, source: string) => `There is no column named "${name}" in ${source}.`,
		emptyColumn: (column: string) => `The column "${column}" is empty.`,
		noDates: (column: string, sample: string) => `The column "${column}" has no values that look like dates (e.g. "${sample}").`,
		monthFirst: (column: string, every: boolean) => `Dates in "${column}" were read as month/day/year (US), the only order that fits ${every ? 'every' : 'most'} value.`,
		ambiguousDates: (column: string, sample: string) => `Dates in "${column}" such as "${sample}" fit both day/month/year and month/day/year; they were read as day/month/year.`,
		notAmounts: (column: string, type: string) => `The column "${column}" holds ${type} values, not amounts.`,
		noAmounts: (column: string, sample: string) => `The column "${column}" has no values that look like amounts (e.g. "${sample}").`,
		noRows: (source: string) => `The table "${source}" has no rows.`,
		noCustomerAndDate: (source: string) => `No row of "${source}" has both a customer and a date.`,
		rfmName: (source: string) => `The RFM table needs a name other than "${source}", the transactions table.`,
		recencyUpTo: (asOf: string) => `Recency is counted up to ${asOf}, the day after the latest purchase.`,
		calibrationTooEarly: (end: string, first: string) => `The calibration end ${end} is before the first purchase (${first}): pick a later date.`,
		holdoutTooEarly: (holdout: string, calibration: string) => `The holdout end ${holdout} must come after the calibration end ${calibration}.`,
		noFirstPurchase: (source: string, end: string) => `No customer of "${source}" made a first purchase by ${end}.`,
		pseudonymName: (source: string) => `The pseudonymised table needs a name other than "${source}".`,
		allDropped: 'Every column would be dropped: keep at least one.'
	},
	{
		fr: {
			roles: { customer: 'client', date: 'date', amount: 'montant' },
			chooseColumn: (role) => `Choisissez la colonne ${role}.`,
			noColumn: (name, source) => `Il n’y a pas de colonne nommée « ${name} » dans ${source}.`,
			emptyColumn: (column) => `La colonne « ${column} » est vide.`,
			noDates: (column, sample) => `La colonne « ${column} » n’a aucune valeur qui ressemble à une date (par ex. « ${sample} »).`,
			monthFirst: (column, every) =>
				`Les dates de « ${column} » ont été lues comme mois/jour/année (États-Unis), le seul ordre qui convient à ${every ? 'toutes les valeurs' : 'la plupart des valeurs'}.`,
			ambiguousDates: (column, sample) =>
				`Des dates de « ${column} » comme « ${sample} » conviennent aux deux ordres jour/mois/année et mois/jour/année ; elles ont été lues comme jour/mois/année.`,
			notAmounts: (column, type) => `La colonne « ${column} » contient des valeurs ${type}, pas des montants.`,
			noAmounts: (column, sample) => `La colonne « ${column} » n’a aucune valeur qui ressemble à un montant (par ex. « ${sample} »).`,
			noRows: (source) => `La table « ${source} » n’a aucune ligne.`,
			noCustomerAndDate: (source) => `Aucune ligne de « ${source} » n’a à la fois un client et une date.`,
			rfmName: (source) => `La table RFM doit porter un autre nom que « ${source} », la table des transactions.`,
			recencyUpTo: (asOf) => `La récence est comptée jusqu’au ${asOf}, le lendemain du dernier achat.`,
			calibrationTooEarly: (end, first) => `La fin de calibration ${end} précède le premier achat (${first}) : choisissez une date plus tardive.`,
			holdoutTooEarly: (holdout, calibration) => `La fin de la période de contrôle ${holdout} doit suivre la fin de calibration ${calibration}.`,
			noFirstPurchase: (source, end) => `Aucun client de « ${source} » n’a fait de premier achat avant le ${end}.`,
			pseudonymName: (source) => `La table pseudonymisée doit porter un autre nom que « ${source} ».`,
			allDropped: 'Toutes les colonnes seraient supprimées : gardez-en au moins une.'
		}
	}
);
