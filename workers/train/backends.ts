/**
 * Backend probing and choice. Pure code plus browser feature checks: no
 * TensorFlow.js import here, so unit tests can load it in Node.
 *
 * Why not `tf.ready()`: with `--enable-unsafe-webgpu` and no GPU, Chromium
 * hands out a SwiftShader WebGPU adapter and TF.js picks it, which is ~100x
 * slower than WASM SIMD (measured in headless Chromium on 2 cores). So we probe, then choose.
 */
import type { BackendName, BackendProbe } from './api';

/** Fastest first on real hardware. */
export const BACKEND_ORDER: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

export const BACKEND_LABELS: Record<BackendName, string> = {
	webgpu: 'WebGPU',
	webgl: 'WebGL',
	wasm: 'WASM',
	cpu: 'CPU'
};

/** Renderer or adapter names of software rasterisers (not worth using for maths). */
const SOFTWARE_RE = /swiftshader|llvmpipe|softpipe|lavapipe|software|basic render driver/i;

export function isSoftwareDevice(description: string | undefined): boolean {
	return !!description && SOFTWARE_RE.test(description);
}

export interface BackendChoice {
	backend: BackendName;
	/** True when the user's explicit choice is the one used. */
	overridden: boolean;
	/** Why the user's choice was not honoured, when it was not. */
	note?: string;
}

/**
 * Picks the backend: the user's choice when it is available, else a hardware
 * WebGPU adapter, else hardware WebGL, else WASM, else CPU.
 *
 * @example chooseBackend(probes, 'auto') // { backend: 'wasm', overridden: false }
 */
export function chooseBackend(
	probes: readonly BackendProbe[],
	preferred: BackendName | 'auto' = 'auto'
): BackendChoice {
	const byName = new Map(probes.map((p) => [p.name, p]));
	let note: string | undefined;
	if (preferred !== 'auto') {
		if (byName.get(preferred)?.available) return { backend: preferred, overridden: true };
		note = `${BACKEND_LABELS[preferred]} is not available here`;
	}
	const usable = (name: BackendName): boolean => {
		const p = byName.get(name);
		if (!p?.available) return false;
		// GPU backends only count when a real GPU is behind them.
		return name === 'webgpu' || name === 'webgl' ? p.hardware : true;
	};
	// cpu always works in TF.js, even if a probe list forgot it.
	const backend = BACKEND_ORDER.find(usable) ?? 'cpu';
	return note
		? { backend, overridden: false, note: `${note}; using ${BACKEND_LABELS[backend]} instead.` }
		: { backend, overridden: false };
}

// ---- Browser probes (module workers have navigator.gpu and OffscreenCanvas) ----

/** The part of the WebGPU adapter we read; typed locally because the app's tsconfig omits @webgpu/types. */
interface AdapterInfoLike {
	vendor?: string;
	architecture?: string;
	device?: string;
	description?: string;
	isFallbackAdapter?: boolean;
}
interface AdapterLike {
	info?: AdapterInfoLike;
	isFallbackAdapter?: boolean;
	requestAdapterInfo?: () => Promise<AdapterInfoLike>;
}
interface GpuLike {
	requestAdapter(opts?: { powerPreference?: string }): Promise<AdapterLike | null>;
}

export async function probeWebGpu(): Promise<BackendProbe> {
	const gpu = (globalThis.navigator as { gpu?: GpuLike } | undefined)?.gpu;
	if (!gpu) return { name: 'webgpu', available: false, hardware: false, note: 'WebGPU is not supported by this browser' };
	let adapter: AdapterLike | null = null;
	try {
		// Same options as TF.js uses, so we judge the adapter it will get.
		adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
	} catch {
		adapter = null;
	}
	// navigator.gpu can exist while requestAdapter() gives null (Chromium without a usable GPU).
	if (!adapter) return { name: 'webgpu', available: false, hardware: false, note: 'no WebGPU adapter' };
	let info: AdapterInfoLike = adapter.info ?? {};
	if (!adapter.info && adapter.requestAdapterInfo) info = await adapter.requestAdapterInfo().catch(() => ({}));
	const device = [info.vendor, info.architecture, info.device, info.description].filter(Boolean).join(' ').trim();
	const fallback = info.isFallbackAdapter === true || adapter.isFallbackAdapter === true || isSoftwareDevice(device);
	return {
		name: 'webgpu',
		available: true,
		hardware: !fallback,
		device: device || undefined,
		note: fallback ? 'software WebGPU adapter (SwiftShader): slower than WASM' : undefined
	};
}

export function probeWebGl(): BackendProbe {
	if (typeof OffscreenCanvas === 'undefined') {
		return { name: 'webgl', available: false, hardware: false, note: 'OffscreenCanvas is not supported' };
	}
	let gl: WebGL2RenderingContext | null = null;
	try {
		gl = new OffscreenCanvas(1, 1).getContext('webgl2');
	} catch {
		gl = null;
	}
	if (!gl) return { name: 'webgl', available: false, hardware: false, note: 'WebGL 2 is not available' };
	const debug = gl.getExtension('WEBGL_debug_renderer_info');
	// Recent Chromium unmasks RENDERER itself and deprecates the extension; try both.
	const renderer = String(gl.getParameter(debug ? debug.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
	// Free the probe's context now: browsers cap live WebGL contexts and TF.js needs one.
	gl.getExtension('WEBGL_lose_context')?.loseContext();
	// Unknown renderer: stay cautious; WASM is a safe, fast default.
	const hardware = renderer !== '' && !isSoftwareDevice(renderer);
	return {
		name: 'webgl',
		available: true,
		hardware,
		device: renderer || undefined,
		note: hardware ? undefined : renderer ? 'software renderer: slower than WASM' : 'renderer unknown'
	};
}

/** Smallest module using a v128 op; from wasm-feature-detect's SIMD check. */
const SIMD_PROBE = new Uint8Array([
	0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11
]);

export function probeWasm(): BackendProbe {
	if (typeof WebAssembly !== 'object') {
		return { name: 'wasm', available: false, hardware: false, note: 'WebAssembly is not available' };
	}
	const simd = WebAssembly.validate(SIMD_PROBE);
	return {
		name: 'wasm',
		available: true,
		// hardware means "GPU-accelerated"; the chooser only asks it of GPU backends.
		hardware: false,
		device: simd ? 'WebAssembly SIMD' : 'WebAssembly (no SIMD)',
		note: simd ? undefined : 'no SIMD: slower'
	};
}

/** Probes every backend this browser might run, in BACKEND_ORDER. */
export async function probeBrowser(): Promise<BackendProbe[]> {
	return [
		await probeWebGpu(),
		probeWebGl(),
		probeWasm(),
		{ name: 'cpu', available: true, hardware: false, device: 'JavaScript' }
	];
}
