// What the benchmark drives in-process: the engine exactly as the CLI and the extension bundle it,
// plus the same `yaml` parser for the floor. Built by bench/run.mjs to bench/.work/engine.cjs.
export { Engine } from '../src/core/engine';
export { nodeFileSystem } from '../src/core/nodeFs';
export { systemClock } from '../src/core/host';
export { BUILTIN_STANDARDS, BUILTIN_FILE_PREFIX, loadStandardText } from '../src/core/standard/loadStandard';
export { parseDocument } from 'yaml';
