import { describe, expect, it } from 'vitest';
import type { BackendName, BackendProbe } from '../../../../workers/train/api';
import { chooseBackend, isSoftwareDevice } from '../../../../workers/train/backends';

/** Probe lists as a browser would report them. */
const gpu = (name: 'webgpu' | 'webgl', hardware: boolean, device = hardware ? 'NVIDIA RTX' : 'SwiftShader'): BackendProbe =>
	({ name, available: true, hardware, device });
const off = (name: BackendName): BackendProbe => ({ name, available: false, hardware: false });
const on = (name: 'wasm' | 'cpu'): BackendProbe => ({ name, available: true, hardware: false });

const REAL_GPU = [gpu('webgpu', true), gpu('webgl', true), on('wasm'), on('cpu')];
const FALLBACK_ADAPTER = [gpu('webgpu', false), gpu('webgl', true), on('wasm'), on('cpu')];
const ALL_SWIFTSHADER = [gpu('webgpu', false), gpu('webgl', false), on('wasm'), on('cpu')];
const NO_WASM = [off('webgpu'), gpu('webgl', false), off('wasm'), on('cpu')];

describe('chooseBackend(probes, preferred)', () => {
	it.each([
		['prefers a hardware WebGPU adapter', REAL_GPU, 'auto', 'webgpu'],
		['takes hardware WebGL over a fallback WebGPU adapter', FALLBACK_ADAPTER, 'auto', 'webgl'],
		['takes WASM when every GPU path is SwiftShader', ALL_SWIFTSHADER, 'auto', 'wasm'],
		['takes CPU when WASM is missing and WebGL is software', NO_WASM, 'auto', 'cpu'],
		['takes CPU from an empty probe list', [], 'auto', 'cpu']
	] as const)('chooseBackend(probes) %s', (_name, probes, preferred, expected) => {
		expect(chooseBackend(probes, preferred)).toEqual({ backend: expected, overridden: false });
	});

	it.each([
		['software webgpu', ALL_SWIFTSHADER, 'webgpu'],
		['cpu on a real GPU', REAL_GPU, 'cpu'],
		['software webgl', ALL_SWIFTSHADER, 'webgl']
	] as const)('chooseBackend(probes, preferred) respects the user override: %s', (_name, probes, preferred) => {
		expect(chooseBackend(probes, preferred)).toEqual({ backend: preferred, overridden: true });
	});

	it('chooseBackend(probes, "wasm") falls back with a note when WASM is unavailable', () => {
		const choice = chooseBackend(NO_WASM, 'wasm');
		expect(choice.backend).toBe('cpu');
		expect(choice.overridden).toBe(false);
		expect(choice.note).toBe('WASM is not available here; using CPU instead.');
	});

	it('chooseBackend(probes, "webgpu") falls back to the automatic choice when there is no adapter', () => {
		const probes = [off('webgpu'), gpu('webgl', true), on('wasm'), on('cpu')];
		expect(chooseBackend(probes, 'webgpu')).toMatchObject({ backend: 'webgl', overridden: false, note: expect.stringContaining('WebGPU') });
	});
});

describe('isSoftwareDevice(description)', () => {
	it.each([
		['Google SwiftShader', true],
		['ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)', true],
		['llvmpipe (LLVM 15.0.6, 256 bits)', true],
		['Microsoft Basic Render Driver', true],
		['ANGLE (NVIDIA, NVIDIA GeForce RTX 3080 Direct3D11 vs_5_0 ps_5_0)', false],
		['Apple GPU', false],
		['', false]
	])('isSoftwareDevice(%j) is %s', (description, expected) => {
		expect(isSoftwareDevice(description)).toBe(expected);
	});
});
