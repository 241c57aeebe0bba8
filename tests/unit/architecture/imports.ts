/**
 * The import graph of the project's source, and the boundary rules it must
 * keep (see README "Layout"): layers point one way (routes → lib → clients →
 * workers → models), only the clients reach the workers, models are reached
 * only through their public entries, the shared folders of `src/lib` depend
 * on no cell, and no two `src/lib` folders depend on each other in a cycle.
 *
 * Pure: it works on a map of repository-relative paths to source text, so the
 * rules are tested on small in-memory projects as well as on the real one.
 */
import ts from 'typescript';

/** Repository-relative path (forward slashes) → source text ('' for files that are not parsed). */
export type SourceFiles = ReadonlyMap<string, string>;

/** One import, export-from or dynamic `import()` of a project file. */
export interface ImportEdge {
	from: string;
	specifier: string;
	/** The project file it names; null for a package. */
	to: string | null;
}

export interface BoundaryRules {
	/** Model files importable from outside `models/`. */
	publicModelEntries: readonly string[];
	/** `src/lib` folders that must not import `src/lib/cells`. */
	sharedFolders: readonly string[];
}

export interface BoundaryReport {
	/** One readable line per import that breaks a rule. */
	violations: string[];
	/** One readable line per folder cycle in `src/lib`. */
	cycles: string[];
}

const ALIASES: Record<string, string> = { $lib: 'src/lib', $models: 'models', $workers: 'workers' };
const PARSED = /\.(ts|svelte)$/;
const SCRIPT = /<script\b[^>]*>([\s\S]*?)<\/script>/g;

/** Every module specifier a file names (imports, exports from, `import()`), comments and strings aside. */
export function specifiersOf(path: string, source: string): string[] {
	const code = path.endsWith('.svelte') ? [...source.matchAll(SCRIPT)].map((m) => m[1]).join('\n') : source;
	return ts.preProcessFile(code, true, true).importedFiles.map((f) => f.fileName);
}

/** The project file `specifier` names from `from`, or null for a package; undefined when it names a missing file. */
export function resolveSpecifier(from: string, specifier: string, files: SourceFiles): string | null | undefined {
	const bare = specifier.replace(/\?.*$/, '');
	const alias = Object.keys(ALIASES).find((a) => bare === a || bare.startsWith(`${a}/`));
	let base: string;
	if (alias) base = ALIASES[alias] + bare.slice(alias.length);
	else if (bare.startsWith('.')) base = joinPath(dirOf(from), bare);
	else return null;
	const candidates = [base, `${base}.ts`, `${base}.js`, `${base}/index.ts`, `${base}/index.js`];
	return candidates.find((c) => files.has(c));
}

/** Every import of every parsed file, resolved. */
export function importsOf(files: SourceFiles): { edges: ImportEdge[]; unresolved: string[] } {
	const edges: ImportEdge[] = [];
	const unresolved: string[] = [];
	for (const [path, source] of files) {
		if (!PARSED.test(path)) continue;
		for (const specifier of specifiersOf(path, source)) {
			const to = resolveSpecifier(path, specifier, files);
			if (to === undefined) unresolved.push(`${path}: cannot resolve '${specifier}'`);
			else edges.push({ from: path, specifier, to });
		}
	}
	return { edges, unresolved };
}

/**
 * Layers from the top; a file may import its own layer or a lower one. The
 * interface language (`src/lib/i18n`: the locale and message catalogues) is
 * the lowest, so the workers and models word their messages too.
 */
const LAYERS = ['routes', 'lib', 'clients', 'workers', 'models', 'language'] as const;
type Layer = (typeof LAYERS)[number];

function layerOf(path: string): Layer | null {
	if (path.startsWith('src/lib/i18n/')) return 'language';
	if (path.startsWith('src/lib/clients/')) return 'clients';
	if (path.startsWith('src/lib/')) return 'lib';
	if (path.startsWith('src/')) return 'routes';
	if (path.startsWith('workers/')) return 'workers';
	if (path.startsWith('models/')) return 'models';
	return null; // scripts/: command-line tools on top of everything
}

/** The `src/lib` folder a file belongs to ("cells", "ui", …), or null. */
export function libFolderOf(path: string): string | null {
	const m = /^src\/lib\/([^/]+)\//.exec(path);
	return m ? m[1] : null;
}

/** Checks every rule on `files`. */
export function checkBoundaries(files: SourceFiles, rules: BoundaryRules): BoundaryReport {
	const { edges, unresolved } = importsOf(files);
	const violations = [...unresolved];
	const publicEntries = new Set(rules.publicModelEntries);
	const shared = new Set(rules.sharedFolders);
	for (const { from, specifier, to } of edges) {
		if (to === null) continue;
		const line = (rule: string) => violations.push(`${from}: '${specifier}' — ${rule}`);
		const fromLayer = layerOf(from);
		const toLayer = layerOf(to);
		if (fromLayer && toLayer && LAYERS.indexOf(toLayer) < LAYERS.indexOf(fromLayer)) {
			line(`layers point one way (${LAYERS.join(' → ')}): ${fromLayer} must not import ${toLayer}`);
		}
		if (from.startsWith('src/') && fromLayer !== 'clients' && to.startsWith('workers/')) {
			line('only src/lib/clients imports workers (types too: the clients re-export them)');
		}
		if (!from.startsWith('models/') && to.startsWith('models/') && !publicEntries.has(to)) {
			line(`models are imported through their public entries (${to} is not one)`);
		}
		const folder = libFolderOf(from);
		if (folder && shared.has(folder) && to.startsWith('src/lib/cells/')) {
			line(`the shared folder src/lib/${folder} must not import src/lib/cells`);
		}
	}
	return { violations: [...new Set(violations)], cycles: folderCycles(edges) };
}

/**
 * Every elementary cycle among `src/lib` folders, each written as its path
 * with one import that makes each step: "charts → cells → charts
 * (src/lib/charts/a.ts imports src/lib/cells/b.ts; …)".
 */
export function folderCycles(edges: readonly ImportEdge[]): string[] {
	const graph = new Map<string, Map<string, ImportEdge>>();
	for (const edge of edges) {
		const a = libFolderOf(edge.from);
		const b = edge.to && libFolderOf(edge.to);
		if (!a || !b || a === b) continue;
		if (!graph.has(a)) graph.set(a, new Map());
		if (!graph.get(a)!.has(b)) graph.get(a)!.set(b, edge);
	}
	const nodes = [...graph.keys()].sort();
	const cycles: string[] = [];
	// Each cycle is found once, from its smallest folder, through larger ones only.
	for (const start of nodes) {
		const visit = (node: string, path: string[]) => {
			for (const next of [...(graph.get(node)?.keys() ?? [])].sort()) {
				if (next === start) cycles.push(describeCycle([...path, start], graph));
				else if (next > start && !path.includes(next)) visit(next, [...path, next]);
			}
		};
		visit(start, [start]);
	}
	return cycles;
}

function describeCycle(path: string[], graph: Map<string, Map<string, ImportEdge>>): string {
	const steps = path.slice(1).map((to, i) => {
		const edge = graph.get(path[i])!.get(to)!;
		return `${edge.from} imports ${edge.to}`;
	});
	return `${path.join(' → ')} (${steps.join('; ')})`;
}

function dirOf(path: string): string {
	return path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
}

function joinPath(dir: string, relative: string): string {
	const parts = dir ? dir.split('/') : [];
	for (const part of relative.split('/')) {
		if (part === '..') parts.pop();
		else if (part !== '.' && part !== '') parts.push(part);
	}
	return parts.join('/');
}
