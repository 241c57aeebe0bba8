import { describe, expect, it } from 'vitest';
import { param } from '$lib/notebook';

const schema = {
	table: param.text(),
	budgetS: param.number(60, { min: 1 }),
	k: param.nullable(param.number(2, { min: 2, max: 20, integer: true })),
	auto: param.flag(true),
	mode: param.oneOf(['auto', 'gbdt'], 'auto'),
	columns: param.textList(),
	names: param.textRecord(),
	umapKey: param.optional(param.text()),
	mark: param.oneOf(['bar', 'line'], 'bar', { name: 'chart type' })
};

describe('param schemas', () => {
	it('paramDefaults(schema) gives every initial value and leaves optional params out', () => {
		expect(param.paramDefaults(schema)).toEqual({ table: '', budgetS: 60, k: null, auto: true, mode: 'auto', columns: [], names: {}, mark: 'bar' });
	});

	it('paramDefaults(schema) returns fresh lists and records each time', () => {
		const a = param.paramDefaults(schema);
		a.columns.push('plan');
		expect(param.paramDefaults(schema).columns).toEqual([]);
	});

	it.each([
		['table', 3, 'invalid table: 3'],
		['budgetS', 0, 'invalid budgetS: 0'],
		['budgetS', Number.NaN, 'invalid budgetS: null'],
		['k', 2.5, 'invalid k: 2.5'],
		['k', 21, 'invalid k: 21'],
		['auto', 'yes', 'invalid auto: yes'],
		['mode', 'svm', 'invalid mode: svm'],
		['columns', ['plan', 1], 'invalid columns: ["plan",1]'],
		['names', { 0: 7 }, 'invalid names: {"0":7}'],
		['umapKey', 5, 'invalid umapKey: 5'],
		['mark', 'pie', 'invalid chart type: pie']
	])('paramProblem(schema, {%s: %j}) says %s', (key, value, problem) => {
		expect(param.paramProblem(schema, { ...param.paramDefaults(schema), [key]: value })).toBe(problem);
	});

	it('paramProblem(schema, good params) is null: null for nullable, absent for optional', () => {
		expect(param.paramProblem(schema, { ...param.paramDefaults(schema), k: 4, umapKey: 'r_1' })).toBeNull();
		expect(param.paramProblem(schema, param.paramDefaults(schema))).toBeNull();
	});

	it('readParams(schema, saved) defaults what is missing and lists what is unknown', () => {
		const read = param.readParams(schema, { table: 'customers', budgetS: 30, legacy: 1 });
		expect(read).toEqual({ params: { ...param.paramDefaults(schema), table: 'customers', budgetS: 30 }, unknown: ['legacy'], problem: null });
	});
});
