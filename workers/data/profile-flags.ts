/** Rules that flag columns worth a second look before modelling. */
import { targetNameRank } from '../../models/shared';
import type { ColumnFlag, ColumnProfile } from './api';

/** An outcome has a few classes; more values than this is a measure, not a target. */
const TARGET_MAX_VALUES = 10;
/** At most this many columns of a table are flagged as targets: a flag on every Yes/No column says nothing. */
const MAX_TARGETS = 2;
/** A numeric column with at most this many values, each repeated, holds levels (0/1, ratings 1-5), not measures. */
const FEW_VALUES = 10;
const INTEGER = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT)$/i;

/** Kind of a DuckDB type, for choosing statistics and charts. */
export function kindOf(type: string): ColumnProfile['kind'] {
	const t = type.toUpperCase();
	if (/^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|REAL|DOUBLE|DECIMAL|NUMERIC)/.test(t)) return 'numeric';
	if (t === 'BOOLEAN') return 'boolean';
	if (/^(DATE|TIME|TIMESTAMP)/.test(t)) return 'temporal';
	if (t === 'VARCHAR' || t.startsWith('ENUM')) return 'text';
	return 'other';
}

/**
 * Whether a numeric column holds a few repeated levels (0/1 flags, ratings)
 * rather than measures: at most 2 values, or at most 10 values that repeat
 * (twice as many rows as values). Such columns get no outlier count: on a 0/1
 * column the IQR is 0 and every minority value would be an "outlier".
 */
export function fewValued(c: Pick<ColumnProfile, 'missing' | 'distinct'>, rowCount: number): boolean {
	return c.distinct <= 2 || (c.distinct <= FEW_VALUES && 2 * c.distinct <= rowCount - c.missing);
}

/**
 * Flags of a column from its counts.
 * - constant: at most one distinct non-missing value
 * - id-like: every row has its own value (text or integer columns, 2+ rows)
 * - mostly-missing: over half missing; all-missing: every value missing
 * (target-like is decided over the whole table: see `markTargets`)
 */
export function flagsOf(c: Pick<ColumnProfile, 'name' | 'type' | 'kind' | 'missing' | 'distinct'>, rowCount: number): ColumnFlag[] {
	const flags: ColumnFlag[] = [];
	const present = rowCount - c.missing;
	if (c.distinct <= 1) flags.push('constant');
	if (rowCount > 1 && c.distinct === present && present === rowCount && (c.kind === 'text' || INTEGER.test(c.type))) flags.push('id-like');
	if (rowCount > 0 && c.missing === rowCount) flags.push('all-missing');
	if (rowCount > 0 && c.missing / rowCount > 0.5) flags.push('mostly-missing');
	return flags;
}

/**
 * Adds 'target-like' to the columns whose name reads like an outcome (churn,
 * exited, résilié, status…) and that hold 2 to 10 values: at most two per
 * table, strongest names first, then in column order. A binary column with a
 * neutral name (partner, senior_citizen) is a feature, not a target.
 */
export function markTargets(columns: ColumnProfile[]): void {
	const candidates = columns
		.map((c, order) => ({ c, order, rank: targetNameRank(c.name) }))
		.filter(({ c, rank }) => rank > 0 && c.distinct >= 2 && c.distinct <= TARGET_MAX_VALUES)
		.sort((a, b) => b.rank - a.rank || a.order - b.order);
	for (const { c } of candidates.slice(0, MAX_TARGETS)) c.flags.push('target-like');
}
