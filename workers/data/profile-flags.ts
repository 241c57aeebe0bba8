/** Rules that flag columns worth a second look before modelling. */
import type { ColumnFlag, ColumnProfile } from './api';

/** Names that usually hold the outcome a CRM model predicts. */
const TARGET_NAME = /churn|attrition|target|label|status|exited/i;
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
 * Flags of a column from its counts.
 * - constant: at most one distinct non-missing value
 * - id-like: every row has its own value (text or integer columns, 2+ rows)
 * - mostly-missing: over half missing; all-missing: every value missing
 * - target-like: exactly two values (Yes/No, 0/1) or a churn-like name with at most 10 values
 */
export function flagsOf(c: Pick<ColumnProfile, 'name' | 'type' | 'kind' | 'missing' | 'distinct'>, rowCount: number): ColumnFlag[] {
	const flags: ColumnFlag[] = [];
	const present = rowCount - c.missing;
	if (c.distinct <= 1) flags.push('constant');
	if (rowCount > 1 && c.distinct === present && present === rowCount && (c.kind === 'text' || INTEGER.test(c.type))) flags.push('id-like');
	if (rowCount > 0 && c.missing === rowCount) flags.push('all-missing');
	if (rowCount > 0 && c.missing / rowCount > 0.5) flags.push('mostly-missing');
	if (c.distinct === 2 || (TARGET_NAME.test(c.name) && c.distinct >= 2 && c.distinct <= 10)) flags.push('target-like');
	return flags;
}
