/**
 * Birth dates: a date column is one when its header says so, or when its dates lie 18 to 100
 * years back with a spread of ages. Purchase, order and sign-up dates are recent and clustered.
 */

/** Years since `when` at `today` (fractional). */
function yearsBetween(when: Date, today: Date): number {
	return (today.getTime() - when.getTime()) / (365.2425 * 24 * 3600 * 1000);
}

/**
 * The calendar date a value writes, or null: ISO "1985-03-12" (a time may follow), "1985/03/12",
 * day-first "12/03/1985", "12-03-1985", "12.03.1985" (month-first when the day-first reading is
 * impossible). Only the age matters here, so a day/month mix-up is harmless.
 */
export function parseDate(value: string): Date | null {
	const v = value.trim();
	let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s].*)?$/.exec(v);
	if (m) return calendar(+m[1], +m[2], +m[3]);
	m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:\s.*)?$/.exec(v);
	if (m) return calendar(+m[3], +m[2], +m[1]) ?? calendar(+m[3], +m[1], +m[2]);
	return null;
}

function calendar(year: number, month: number, day: number): Date | null {
	if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1800 || year > 2300) return null;
	const d = new Date(Date.UTC(year, month - 1, day));
	return d.getUTCMonth() === month - 1 ? d : null;
}

/** A year of birth written alone ("1985"), as in `annee_naissance`. */
export function parseBirthYear(value: string): Date | null {
	const v = value.trim().replace(/\.0+$/, '');
	return /^(1[89]\d{2}|20\d{2})$/.test(v) ? new Date(Date.UTC(Number(v), 6, 1)) : null;
}

/** How a set of dates reads as ages at `today`. */
export interface AgeSpread {
	/** Values that are dates. */
	dates: number;
	/** Of those, the dates 18 to 100 years back. */
	adultAges: number;
	/** Of those, the dates 0 to 120 years back (any living person). */
	livingAges: number;
	/** Years between the 10th and 90th percentile of the dates. */
	spreadYears: number;
}

export function ageSpread(dates: Date[], today: Date): AgeSpread {
	const ages = dates.map((d) => yearsBetween(d, today)).sort((a, b) => a - b);
	const at = (q: number) => ages[Math.min(ages.length - 1, Math.floor(q * ages.length))] ?? 0;
	return {
		dates: ages.length,
		adultAges: ages.filter((a) => a >= 18 && a <= 100).length,
		livingAges: ages.filter((a) => a >= 0 && a <= 120).length,
		spreadYears: ages.length ? at(0.9) - at(0.1) : 0
	};
}
