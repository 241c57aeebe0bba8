import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBoundaries, type BoundaryRules } from './imports';

/**
 * The only model files imported from outside `models/`: the registry, the
 * catalogue and one `index.ts` per public folder. Where a folder's `index.ts`
 * loads TensorFlow.js, a `light.ts` beside it offers the part the page's main
 * thread needs without it (type-only imports may use `index.ts`: they vanish
 * from the bundle). A new entry here is a decision about the models' public
 * surface, not a way around it.
 */
export const PUBLIC_MODEL_ENTRIES = [
	'models/index.ts', // $models: the learner registry and the model contract
	'models/catalog.ts', // $models/catalog: kinds and labels, without TensorFlow.js
	'models/labels.ts', // $models/labels: kinds' names in the interface's language
	'models/auto/index.ts', // $models/auto: automatic mode (search, blend, trainer)
	'models/cluster/index.ts', // $models/cluster: k-means, silhouette, PCA
	'models/cluster/light.ts', // $models/cluster/light: default clustering columns, without TensorFlow.js
	'models/explain/index.ts', // $models/explain: SHAP, LIME, dependence, counterfactuals, explanation types
	'models/export/index.ts', // $models/export: ONNX, XGBoost JSON, features.json and the production bundle
	'models/export/score-script.ts', // $models/export/score-script: score.py's text, for the worker (Vite's ?raw)
	'models/explain/light.ts', // $models/explain/light: the plausibility rule of counterfactuals (pairs of values real customers have), without TensorFlow.js
	'models/recommend/index.ts', // $models/recommend: recommenders, hidden-item evaluation, the recommendation job
	'models/recommend/light.ts', // $models/recommend/light: request/result types and the "owned" rule, without TensorFlow.js
	'models/shared/index.ts', // $models/shared: columns, features, metrics, splits, cancellation
	'models/survival/index.ts', // $models/survival: Kaplan–Meier, log-rank, Cox (plain arithmetic)
	'models/text/index.ts', // $models/text: the text learners and their types
	'models/threads/index.ts', // $models/threads: what a helper thread runs (boosting shards, forest trees, SHAP rows, CV folds), plain arithmetic
	'models/text/light.ts', // $models/text/light: text kinds, labels, cleaning, without TensorFlow.js
	'models/value/index.ts' // $models/value: BG/NBD, Gamma-Gamma, CLV (plain arithmetic)
] as const;

/** `src/lib` folders every cell may use, which therefore use no cell. */
export const SHARED_FOLDERS = ['ui', 'charts', 'storage', 'clients', 'notebook'] as const;

const RULES: BoundaryRules = { publicModelEntries: PUBLIC_MODEL_ENTRIES, sharedFolders: SHARED_FOLDERS };

const ROOT = join(import.meta.dirname, '../../..');
const SOURCE_ROOTS = ['src', 'workers', 'models', 'scripts'];

/** Every file under the source roots; only .ts and .svelte files are read. */
function projectFiles(): Map<string, string> {
	const files = new Map<string, string>();
	const walk = (dir: string) => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const path = join(dir, entry.name);
			if (entry.isDirectory()) walk(path);
			else files.set(relative(ROOT, path).split(sep).join('/'), /\.(ts|svelte)$/.test(entry.name) ? readFileSync(path, 'utf8') : '');
		}
	};
	for (const root of SOURCE_ROOTS) walk(join(ROOT, root));
	return files;
}

describe('import boundaries', () => {
	const report = checkBoundaries(projectFiles(), RULES);

	it('no import goes around a layer, the clients or a public model entry', () => {
		expect(report.violations.join('\n')).toBe('');
	});

	it('no folder cycle among src/lib folders', () => {
		expect(report.cycles.join('\n')).toBe('');
	});
});

describe('checkBoundaries(files, rules)', () => {
	const project = (sources: Record<string, string>) => new Map(Object.entries(sources));

	it('reports each rule broken, naming the file and the import', () => {
		const report = checkBoundaries(
			project({
				'src/lib/cells/churn/Panel.svelte': `<script lang="ts">\n\timport type { Api } from '$workers/train/api';\n\timport { rocAuc } from '$models/shared/metrics';\n</script>`,
				'src/lib/ui/Chart.svelte': `<script>import { churnCell } from '$lib/cells/churn';</script>`,
				'src/lib/cells/churn/index.ts': `export const churnCell = {};`,
				'src/lib/clients/train.ts': `export type { Api } from '$workers/train/api';\nimport worker from '$workers/train/worker.ts?worker&url';`,
				'workers/train/api.ts': `import type { Page } from '../../src/routes/page';\nexport interface Api {}`,
				'workers/train/worker.ts': `import { MODELS } from '../../models';`,
				'models/index.ts': `export const MODELS = {};`,
				'models/shared/metrics.ts': `export const rocAuc = () => 0.5;\nconst later = () => import('$lib/ui/format');`,
				'src/routes/page.ts': `export interface Page {}`,
				'src/lib/ui/format.ts': `export const f = 1;`
			}),
			RULES
		);
		expect(report.violations).toEqual([
			"src/lib/cells/churn/Panel.svelte: '$workers/train/api' — only src/lib/clients imports workers (types too: the clients re-export them)",
			"src/lib/cells/churn/Panel.svelte: '$models/shared/metrics' — models are imported through their public entries (models/shared/metrics.ts is not one)",
			"src/lib/ui/Chart.svelte: '$lib/cells/churn' — the shared folder src/lib/ui must not import src/lib/cells",
			"workers/train/api.ts: '../../src/routes/page' — layers point one way (routes → lib → clients → workers → models → language): workers must not import routes",
			"models/shared/metrics.ts: '$lib/ui/format' — layers point one way (routes → lib → clients → workers → models → language): models must not import lib"
		]);
		expect(report.cycles).toEqual([]);
	});

	it('reports a folder cycle as its path and the imports that close it', () => {
		const report = checkBoundaries(
			project({
				'src/lib/charts/explain.ts': `import type { ExplainData } from '$lib/cells/churn/explain/types';`,
				'src/lib/cells/churn/explain/types.ts': `export interface ExplainData {}`,
				'src/lib/cells/churn/View.svelte': `<script lang="ts">import { MESSAGES } from '$lib/ui/messages';</script>`,
				'src/lib/ui/messages.ts': `import { formatCount } from '../charts';`,
				'src/lib/charts/index.ts': `export const formatCount = String;`
			}),
			{ ...RULES, sharedFolders: [] }
		);
		expect(report.cycles).toEqual([
			'cells → ui → charts → cells (src/lib/cells/churn/View.svelte imports src/lib/ui/messages.ts; src/lib/ui/messages.ts imports src/lib/charts/index.ts; src/lib/charts/explain.ts imports src/lib/cells/churn/explain/types.ts)'
		]);
	});

	it('resolves rune modules, index files and query suffixes, and reports a missing file', () => {
		const report = checkBoundaries(
			project({
				'src/routes/View.svelte': `<script>import { Runner } from './runner.svelte';\nimport url from '$lib/clients?url';\nimport x from './gone';</script>`,
				'src/routes/runner.svelte.ts': `export class Runner {}`,
				'src/lib/clients/index.ts': ``
			}),
			RULES
		);
		expect(report.violations).toEqual(["src/routes/View.svelte: cannot resolve './gone'"]);
	});
});
