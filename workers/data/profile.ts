/**
 * Column profile of a table or view, computed by a few SQL passes:
 * 1. counts, distinct counts and numeric summaries of every column at once;
 * 2. duplicated rows; 3. outliers and histograms of numeric columns at once;
 * 4. top values per text-like column; 5. all Pearson correlations at once.
 */
import type { ColumnInfo, ColumnProfile, ProgressFn, TableProfile } from './api';
import type { Db } from './db';
import { fewValued, flagsOf, kindOf, markTargets } from './profile-flags';
import { personalDataPass } from './personal-data';
import { columnsOf } from './relations';
import { quoteIdent } from './sql-quote';
import { firstRow, num } from './values';
import { EW } from './error-words';

const BINS = 20;
const TOP = 8;
/** Numbers with at most this many distinct values also get top values. */
const LOW_CARDINALITY = 20;
/** Correlation matrix size cap: k columns cost k(k-1)/2 aggregates. */
const MAX_CORRELATED = 50;

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

function summaryPass(db: Db, from: string, columns: ColumnInfo[]): Record<string, unknown> {
	const parts = ['count(*) AS total'];
	columns.forEach((c, i) => {
		const id = quoteIdent(c.name);
		parts.push(`count(${id}) AS n${i}`, `count(DISTINCT ${id}) AS d${i}`);
		if (kindOf(c.type) === 'numeric') {
			const x = `CAST(${id} AS DOUBLE)`;
			parts.push(
				`min(${x}) AS min${i}`,
				`max(${x}) AS max${i}`,
				`avg(${x}) AS mean${i}`,
				`stddev_samp(${x}) AS std${i}`,
				`quantile_cont(${x}, [0.25, 0.5, 0.75]) AS q${i}`
			);
		}
	});
	return firstRow(db.query(`SELECT ${parts.join(', ')} FROM ${from}`));
}

/** A DuckDB LIST result as numbers. */
function numbers(value: unknown): number[] {
	if (!value || typeof value !== 'object' || !('toArray' in value)) return [];
	return Array.from((value as { toArray(): ArrayLike<number> }).toArray(), Number);
}

/**
 * Outlier counts of every numeric column in one scan, then 20-bin histograms
 * as one GROUP BY per column (UNION ALL): measured faster on 1M rows than the
 * `histogram()` aggregate (0.7 s vs 1.0 s for 11 columns).
 */
function distributionPass(db: Db, from: string, numeric: { index: number; profile: ColumnProfile }[], rowCount: number): void {
	const ready = numeric.filter(({ profile: p }) => p.numeric && Number.isFinite(p.numeric.min));
	if (!ready.length) return;
	const x = (p: ColumnProfile) => `CAST(${quoteIdent(p.name)} AS DOUBLE)`;
	// Few-valued columns (0/1 flags, ratings 1-5) keep outliers 0: the IQR rule is meaningless there.
	const measured = ready.filter(({ profile: p }) => !fewValued(p, rowCount));
	const outliers = measured.map(({ index: i, profile: p }) => {
		const s = p.numeric!;
		const iqr = s.q3 - s.q1;
		return `count(*) FILTER (WHERE ${x(p)} < ${s.q1 - 1.5 * iqr} OR ${x(p)} > ${s.q3 + 1.5 * iqr}) AS o${i}`;
	});
	const row = outliers.length ? firstRow(db.query(`SELECT ${outliers.join(', ')} FROM ${from}`)) : {};
	const spread = ready.filter(({ profile: p }) => p.numeric!.max > p.numeric!.min);
	const bins = new Map<number, number[]>(spread.map(({ index }) => [index, new Array<number>(BINS).fill(0)]));
	if (spread.length) {
		const queries = spread.map(({ index: i, profile: p }) => {
			const { min, max } = p.numeric!;
			const bin = `CAST(least(floor((${x(p)} - ${min}) / ${(max - min) / BINS}), ${BINS - 1}) AS INTEGER)`;
			return `SELECT ${i} AS k, ${bin} AS b, count(*) AS n FROM ${from} WHERE ${x(p)} IS NOT NULL GROUP BY b`;
		});
		for (const r of db.query(queries.join(' UNION ALL ')).toArray()) bins.get(num(r.k))![num(r.b)] = num(r.n);
	}
	for (const { index: i, profile: p } of ready) {
		const s = p.numeric!;
		s.outliers = fewValued(p, rowCount) ? 0 : num(row[`o${i}`]);
		const counts = bins.get(i);
		if (!counts) {
			p.histogram = [{ x0: s.min, x1: s.max, count: rowCount - p.missing }];
			continue;
		}
		const width = (s.max - s.min) / BINS;
		p.histogram = counts.map((count, b) => ({ x0: s.min + b * width, x1: b === BINS - 1 ? s.max : s.min + (b + 1) * width, count }));
	}
}

function topValues(db: Db, from: string, column: string): { value: string; count: number }[] {
	const id = quoteIdent(column);
	const table = db.query(
		`SELECT CAST(${id} AS VARCHAR) AS v, count(*) AS n FROM ${from} WHERE ${id} IS NOT NULL
		 GROUP BY ${id} ORDER BY n DESC, v LIMIT ${TOP}`
	);
	return table.toArray().map((r) => ({ value: String(r.v), count: num(r.n) }));
}

function correlationPass(db: Db, from: string, names: string[]): (number | null)[][] {
	const matrix = names.map((_, i) => names.map((__, j) => (i === j ? 1 : null)) as (number | null)[]);
	const parts: string[] = [];
	for (let i = 0; i < names.length; i++) {
		for (let j = i + 1; j < names.length; j++) parts.push(`corr(CAST(${quoteIdent(names[i])} AS DOUBLE), CAST(${quoteIdent(names[j])} AS DOUBLE)) AS r${i}_${j}`);
	}
	if (!parts.length) return matrix;
	const row = firstRow(db.query(`SELECT ${parts.join(', ')} FROM ${from}`));
	for (let i = 0; i < names.length; i++) {
		for (let j = i + 1; j < names.length; j++) matrix[i][j] = matrix[j][i] = finite(num(row[`r${i}_${j}`]));
	}
	return matrix;
}

/** Profile of every column of `relation`; `onProgress` hears each pass. */
export function profileRelation(db: Db, relation: string, onProgress?: ProgressFn): TableProfile {
	const started = performance.now();
	const from = quoteIdent(relation);
	const columns = columnsOf(db, relation);
	onProgress?.({ stage: EW.profileStages.counting, fraction: 0 });
	const summary = summaryPass(db, from, columns);
	const rowCount = num(summary.total);
	const profiles: ColumnProfile[] = columns.map((c, i) => {
		const present = num(summary[`n${i}`]);
		const kind = kindOf(c.type);
		const missing = rowCount - present;
		const p: ColumnProfile = { name: c.name, type: c.type, kind, missing, missingPct: rowCount ? (100 * missing) / rowCount : 0, distinct: num(summary[`d${i}`]), flags: [] };
		if (kind === 'numeric' && present > 0) {
			const [q1 = NaN, median = NaN, q3 = NaN] = numbers(summary[`q${i}`]);
			p.numeric = { min: num(summary[`min${i}`]), max: num(summary[`max${i}`]), mean: num(summary[`mean${i}`]), std: finite(num(summary[`std${i}`])) ?? 0, q1, median, q3, outliers: 0 };
		}
		p.flags = flagsOf(p, rowCount);
		return p;
	});
	markTargets(profiles);
	onProgress?.({ stage: EW.profileStages.duplicates, fraction: 0.3 });
	const distinctRows = columns.length ? num(firstRow(db.query(`SELECT count(*) AS n FROM (SELECT DISTINCT * FROM ${from})`)).n) : rowCount;
	onProgress?.({ stage: EW.profileStages.histograms, fraction: 0.45 });
	const numeric = profiles.map((profile, index) => ({ index, profile })).filter((x) => x.profile.numeric);
	distributionPass(db, from, numeric, rowCount);
	const wantsTop = profiles.filter(
		(p) => p.distinct > 0 && (p.kind === 'text' || p.kind === 'boolean' || p.distinct <= LOW_CARDINALITY) && !(p.flags.includes('id-like') && p.distinct > LOW_CARDINALITY)
	);
	wantsTop.forEach((p, k) => {
		onProgress?.({ stage: EW.topValues(p.name), fraction: 0.6 + (0.2 * k) / wantsTop.length });
		p.topValues = topValues(db, from, p.name);
	});
	personalDataPass(db, from, profiles, rowCount, onProgress, 0.8, 0.1);
	onProgress?.({ stage: 'Correlations', fraction: 0.9 });
	const correlated = numeric.map((x) => x.profile).filter((p) => p.distinct > 1).slice(0, MAX_CORRELATED).map((p) => p.name);
	const matrix = correlationPass(db, from, correlated);
	onProgress?.({ stage: 'Done', fraction: 1 });
	return {
		table: relation,
		rowCount,
		duplicateRows: rowCount - distinctRows,
		columns: profiles,
		correlation: { columns: correlated, matrix },
		elapsedMs: performance.now() - started
	};
}
