import * as tf from '@tensorflow/tfjs';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TabularProgress, TextRequest } from '../../../../workers/train/api';
import { TrainEngine } from '../../../../workers/train/engine';
import { DEFAULT_TEXT_REQUEST } from '../../../../models/text/job';

/** The engine on TF.js's cpu backend, as in Node tests elsewhere. */
const engine = new TrainEngine({ tf, probe: async () => [{ name: 'cpu', available: true, hardware: false }] });

const GOOD = ['great taste, love it', 'delicious and fresh', 'excellent snack, my kids love it', 'perfect, will buy again', 'tasty and great value'];
const BAD = ['awful, stale and bland', 'terrible taste, waste of money', 'bad packaging, broken', 'disgusting, never again', 'horrible and too salty'];

/** 40 reviews of two products, half great, as Arrow bytes (a fresh copy each call: the engine may keep them). */
function reviews(): Uint8Array {
	const review: string[] = [];
	const score: string[] = [];
	const product: string[] = [];
	for (let i = 0; i < 40; i++) {
		const good = i % 2 === 0;
		review.push(`${(good ? GOOD : BAD)[i % 5]}<br />review ${i}`);
		score.push(good ? 'great' : 'other');
		product.push(i < 20 ? 'A' : 'B');
	}
	return tableToIPC(tableFromArrays({ product, review, score, stars: Float64Array.from({ length: 40 }, (_, i) => i % 5) }), 'stream');
}

const request = (over: Partial<TextRequest> = {}): TextRequest => ({ ...DEFAULT_TEXT_REQUEST, text: 'review', target: 'score', models: ['lexicon', 'tfidf'], auto: false, ...over });

beforeAll(async () => {
	await engine.init('cpu');
});

describe('text jobs in the training worker', () => {
	it('trainText(job) compares the models, reports progress, and its states score and explain texts', async () => {
		const seen: TabularProgress[] = [];
		const result = await engine.trainText({ jobId: 'text-1', table: { ipc: reviews() }, request: request() }, (p) => seen.push(p));
		expect(result.classes).toEqual(['other', 'great']);
		expect(result.rows.map((r) => r.kind)).toEqual(['lexicon', 'tfidf']);
		expect(result.rows.find((r) => r.kind === 'tfidf')!.accuracy).toBeGreaterThanOrEqual(0.8);
		expect(seen.length).toBeGreaterThan(0);
		expect(seen.every((p) => p.jobId === 'text-1' && p.fraction >= 0 && p.fraction <= 1)).toBe(true);

		const scored = await engine.scoreText({ jobId: 'text-2', table: { ipc: reviews() }, textColumn: 'review', state: result.states.tfidf });
		expect(scored.rows).toBe(40);
		expect(scored.probabilities).toHaveLength(80);

		const explained = await engine.explainText({ state: result.states.tfidf, text: 'Delicious, my kids <b>love</b> it', classIndex: null });
		expect(explained.classes).toEqual(['other', 'great']);
		expect(explained.explanation.classIndex).toBe(1);
		expect(explained.explanation.text).not.toContain('<b>');
		expect(explained.probabilities[1]).toBeGreaterThan(0.5);
	});

	it('trainText(no label column) readies the lexicon and the pretrained model without training', async () => {
		const result = await engine.trainText({ jobId: 'text-3', table: { ipc: reviews() }, request: request({ target: null }) });
		expect(result.nTest).toBe(0);
		expect(Object.keys(result.states).sort()).toEqual(['lexicon', 'pretrained']);
	});

	it.each([
		[{ text: 'stars' }, /holds numbers, not texts/],
		[{ text: 'comment' }, /no column "comment"/]
	])('trainText(%j) refuses bad columns in words', async (over, message) => {
		await expect(engine.trainText({ jobId: `bad-${over.text}`, table: { ipc: reviews() }, request: request(over) })).rejects.toThrow(message);
	});

	it('trainText errors from the models keep their wording (no backend blame)', async () => {
		const oneLabel = tableToIPC(tableFromArrays({ review: ['good', 'bad', 'fine'], score: ['x', 'x', 'x'] }), 'stream');
		const error = await engine.trainText({ jobId: 'one', table: { ipc: oneLabel }, request: request() }).catch((e: Error) => e);
		expect((error as Error).name).toBe('TrainError');
		expect((error as Error).message).not.toMatch(/backend failed/);
	});

	it('parseWordList(csv) reads word,score lines and refuses a file without scores', async () => {
		await expect(engine.parseWordList('word,score\nformidable,3\nnul,-2\n')).resolves.toEqual([
			{ word: 'formidable', score: 3 },
			{ word: 'nul', score: -2 }
		]);
		await expect(engine.parseWordList('just some text')).rejects.toMatchObject({ name: 'TrainError' });
	});
});
