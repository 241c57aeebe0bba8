import { statSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPretrainedState, pretrainedModel, PRETRAINED_DEFAULTS, type PretrainedParams, type PretrainedState } from '../../../../models/text/pretrained';
import { transformerModel } from '../../../../models/text/neural/transformer';
import { decodeState, encodeState } from '../../../../models/shared/state-json';
import { rejection, useBackend } from '../logistic/csv-fixture';
import { accuracy, quietContext, reviewSplit, toyCorpus } from './neural-fixture';

const MODEL_FILE = 'models/pretrained/sentiment-en/model.json';
/** Few epochs and a higher rate: the toy tasks below need the head to move fast. */
const QUICK: PretrainedParams = { ...PRETRAINED_DEFAULTS, epochs: 4, learningRate: 0.003, validationFraction: 0, minCount: 1, averageDecay: 0 };

beforeAll(() => useBackend('wasm'));
afterAll(() => useBackend('cpu'));

describe('the pretrained model as shipped', () => {
	let shipped: PretrainedState;

	it('loads from the repository without any network request', async () => {
		const original = globalThis.fetch;
		let calls = 0;
		globalThis.fetch = (() => {
			calls++;
			throw new Error('no network in this test');
		}) as typeof fetch;
		try {
			shipped = await loadPretrainedState();
			await pretrainedModel.predict(shipped, ['The tea was lovely.']);
		} finally {
			globalThis.fetch = original;
		}
		expect(calls).toBe(0);
		expect(shipped.kind).toBe('pretrained');
		expect(shipped.classes).toEqual(['negative', 'positive']);
		expect(shipped.vocab.length).toBeGreaterThan(1000);
		expect(statSync(MODEL_FILE).size).toBeLessThan(3.2e6);
	});

	it('scores ≥ 0.78 accuracy on the 1,000 test reviews of the split out of the box (never trained on them)', async () => {
		const { test } = reviewSplit();
		const prediction = await pretrainedModel.predict(shipped, test.texts);
		expect(accuracy(test.y, prediction.probabilities, 2)).toBeGreaterThanOrEqual(0.78);
	});

	it('reads plain sentences the right way round, also with words from the lexicons only', async () => {
		const p = (await pretrainedModel.predict(shipped, [
			'Absolutely delicious, my kids love it. Will buy again!',
			'Stale, tasteless and overpriced. What a waste of money.',
			'The support agent was wonderful and very helpful.',
			'The delivery was a disaster and the staff were rude.'
		])).probabilities;
		expect(p[1]).toBeGreaterThan(0.5);
		expect(p[3]).toBeLessThan(0.5);
		expect(p[5]).toBeGreaterThan(p[7]);
	});

	it('explains by occlusion with words pushing each way', async () => {
		const e = await pretrainedModel.explainText(shipped, 'Delicious coffee, but the bag arrived <br /> torn and stale.', 1);
		expect(e.text).toBe('Delicious coffee, but the bag arrived torn and stale.');
		const weight = (w: string) => e.tokens.find((t) => t.text.toLowerCase() === w)!.weight;
		expect(weight('delicious')).toBeGreaterThan(0);
		expect(weight('stale')).toBeLessThan(0);
	});

	it('hands out a fresh copy each time', async () => {
		const a = await loadPretrainedState();
		a.weights.embedding.values.fill(0);
		a.vocab.length = 2;
		const b = await loadPretrainedState();
		expect(b.vocab.length).toBe(shipped.vocab.length);
		expect(b.weights.embedding.values).toEqual(shipped.weights.embedding.values);
	});
});

describe('fine-tuning the pretrained model (fit)', () => {
	/** Labels carried by made-up words the shipped vocabulary cannot know. */
	function novelCorpus(n: number, seed: number) {
		const base = toyCorpus(n, seed);
		const texts = base.texts.map((t, i) => `${t} ${base.y[i] === 1 ? 'zorbly' : 'quaxish'}`.replace(/great|delicious|love|excellent|perfect|tasty|awful|stale|hate|terrible|bland|disgusting/g, 'fine'));
		return { ...base, texts, y: Int32Array.from(base.y, (v) => v) };
	}

	it('extends the vocabulary with new frequent words, keeps the binary head and learns them; deterministic', async () => {
		// New words start as <unk>: they need more steps than a new head on known words.
		const NOVEL: PretrainedParams = { ...QUICK, epochs: 20 };
		const train = novelCorpus(48, 3);
		const shipped = await loadPretrainedState();
		const state = await pretrainedModel.fit(train, NOVEL, quietContext(1));
		expect(state.vocab.slice(0, shipped.vocab.length)).toEqual(shipped.vocab);
		expect(state.vocab).toContain('zorbly');
		expect(state.vocab).toContain('quaxish');
		expect(state.weights.headWeights.shape).toEqual(shipped.weights.headWeights.shape);
		expect(state.classes).toEqual(['bad', 'good']);
		const test = novelCorpus(24, 42);
		expect(accuracy(test.y, (await pretrainedModel.predict(state, test.texts)).probabilities, 2)).toBe(1);
		const again = await pretrainedModel.fit(train, NOVEL, quietContext(1));
		expect(again.weights).toEqual(state.weights);
		const revived = decodeState<PretrainedState>(JSON.parse(JSON.stringify(encodeState(state))));
		expect((await pretrainedModel.predict(revived, test.texts)).probabilities).toEqual((await pretrainedModel.predict(state, test.texts)).probabilities);
	});

	it('gets a new head for several classes, fitted alone first (linear probing), then fine-tuned', async () => {
		const three = toyCorpus(60, 5, 3);
		const start = tf.memory().numTensors;
		const seen: { stage: string; fraction: number }[] = [];
		const state = await pretrainedModel.fit(three, { ...QUICK, epochs: 6 }, { ...quietContext(1), progress: (p) => seen.push(p) });
		expect(tf.memory().numTensors).toBe(start);
		expect(seen.some((p) => p.stage.startsWith('Head epoch'))).toBe(true);
		expect(seen.findIndex((p) => p.stage.startsWith('Fine-tuning epoch'))).toBeGreaterThan(seen.findIndex((p) => p.stage.startsWith('Head epoch')));
		// One progress bar for both steps: it never goes back and ends full.
		expect(seen.map((p) => p.fraction)).toEqual([...seen.map((p) => p.fraction)].sort((a, b) => a - b));
		expect(Math.max(...seen.map((p) => p.fraction))).toBeLessThanOrEqual(1);
		expect(state.outputs).toBe(3);
		expect(state.weights.headWeights.shape[1]).toBe(3);
		const test = toyCorpus(30, 77, 3);
		expect(accuracy(test.y, (await pretrainedModel.predict(state, test.texts)).probabilities, 3)).toBeGreaterThanOrEqual(0.9);
	});

	it('keeps tensors flat, cancels with CancelledError and refuses bad input', async () => {
		const start = tf.memory().numTensors;
		const s = await pretrainedModel.fit(toyCorpus(40, 2), { ...QUICK, epochs: 1, validationFraction: 0.5 }, quietContext(1));
		await pretrainedModel.topTerms(s, 1, 4, toyCorpus(8, 9).texts);
		expect(tf.memory().numTensors).toBe(start);
		const controller = new AbortController();
		const p = pretrainedModel.fit(toyCorpus(48, 3), { ...QUICK, epochs: 20 }, { ...quietContext(1, controller.signal), progress: () => controller.abort() });
		expect((await rejection(p)).name).toBe('CancelledError');
		await expect(pretrainedModel.fit({ texts: [], y: new Int32Array(0), classes: ['a', 'b'] }, QUICK, quietContext())).rejects.toThrow(/empty/);
		await expect(pretrainedModel.fit(toyCorpus(10, 1), { ...QUICK, learningRate: 0 }, quietContext())).rejects.toThrow(/learningRate/);
	});
});

describe.skipIf(!process.env.SLOW)('pretrained fine-tuning quality (SLOW=1; review split; ~12 min)', () => {
	// One 1,000-row test accuracy moves by ±1.3 points from the seed alone (from scratch: 0.776 to 0.811),
	// so the comparison with training from scratch is on the mean of three seeds.
	it('fine-tuned on the train reviews: ≥ 0.78, and on average over seeds at least as accurate as the transformer from scratch', async () => {
		const { train, test } = reviewSplit();
		const score = async (model: typeof pretrainedModel | typeof transformerModel, state: Parameters<typeof model.predict>[0]) =>
			accuracy(test.y, (await model.predict(state as never, test.texts)).probabilities, 2);
		const tuned: number[] = [];
		const scratch: number[] = [];
		for (const seed of [42, 7, 1]) {
			tuned.push(await score(pretrainedModel, await pretrainedModel.fit(train, pretrainedModel.defaults, quietContext(seed))));
			scratch.push(await score(transformerModel, await transformerModel.fit(train, transformerModel.defaults, quietContext(seed))));
		}
		const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
		console.log(`fine-tuned ${tuned.map((a) => a.toFixed(3)).join(', ')} (mean ${mean(tuned).toFixed(3)}); from scratch ${scratch.map((a) => a.toFixed(3)).join(', ')} (mean ${mean(scratch).toFixed(3)})`);
		expect(Math.min(...tuned)).toBeGreaterThanOrEqual(0.78);
		expect(mean(tuned)).toBeGreaterThanOrEqual(mean(scratch));
	}, 3_600_000);
});
