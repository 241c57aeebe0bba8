import { describe, expect, it } from 'vitest';
import { parseModelFile, serializeModel } from '$lib/cells/churn/model-file';

const good = {
	kind: 'gbdt',
	label: 'Gradient-boosted trees',
	target: 'churn',
	classes: ['No', 'Yes'],
	features: [{ name: 'tenure', kind: 'numeric' as const }],
	state: { kind: 'gbdt', version: 1 },
	metrics: { auc: 0.84 }
};

describe('model files', () => {
	it('parseModelFile(serializeModel(model)) round-trips', () => {
		expect(parseModelFile(serializeModel(good))).toMatchObject(good);
	});

	it.each([
		['not JSON', '{', 'not valid JSON'],
		['a notebook', JSON.stringify({ format: 'crm-workbench-notebook' }), 'not a CRM Workbench model'],
		['an unknown kind', serializeModel({ ...good, kind: 'svm' }), 'unknown model kind (svm)'],
		['weights of another kind', serializeModel({ ...good, state: { kind: 'mlp' } }), 'belong to another kind'],
		['one class', serializeModel({ ...good, classes: ['Yes'] }), 'target or classes are missing']
	])('parseModelFile(%s) is refused with a clear message', (_case, text, message) => {
		expect(() => parseModelFile(text)).toThrow(message);
	});
});
