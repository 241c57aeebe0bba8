/**
 * Dates as Excel stores them: a number of days (the fraction is the time of
 * day) in the 1900 date system, counted in UTC so a file written anywhere
 * shows the same date.
 */

const DAY_MS = 86_400_000;
/** Serial 0 is 1899-12-30 from 1900-03-01 on: Excel counts a 29 February 1900 that never was. */
const EPOCH = Date.UTC(1899, 11, 30);
const LEAP_BUG_END = Date.UTC(1900, 2, 1);
const FIRST = Date.UTC(1900, 0, 1);
const LAST = Date.UTC(10000, 0, 1);

/** The Excel serial of `date`, or null where Excel has none (before 1900, after 9999, invalid). */
export function excelSerial(date: Date): number | null {
	const ms = date.getTime();
	if (!(ms >= FIRST && ms < LAST)) return null;
	const days = (ms - EPOCH) / DAY_MS;
	return ms < LEAP_BUG_END ? days - 1 : days;
}
