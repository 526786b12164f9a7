// What the benchmark drives in-process: the engine exactly as the CLI and the extension bundle it,
// plus the same `yaml` parser for the floor. Built by bench/run.mjs to bench/.work/engine.cjs.
// Loaded in a worker thread by startParallelAnalyzer, it serves file analyses instead.
import { runAnalyzerWorkerIfAsked } from '../src/node/parallel';
runAnalyzerWorkerIfAsked();
export { startParallelAnalyzer } from '../src/node/parallel';
export { Engine } from '../src/core/engine';
export { nodeFileSystem } from '../src/node/nodeFs';
export { systemClock } from '../src/core/host';
export { BUILTIN_FILE_PREFIX, loadStandardText } from '../src/core/standard/loadStandard';
export { builtinStandard } from '../src/core/standard/builtin';
export { parseDocument } from 'yaml';
// Pieces of one file's analysis, for bench/profile.mjs's breakdown.
export { analyzeEvidenceText } from '../src/core/analyze';
export { parseYaml } from '../src/core/parse/yamlSource';
export { fastParseYaml } from '../src/core/parse/fastYaml';
export { entriesFromYaml } from '../src/core/parse/evidenceYaml';
export { schemaDiagnostics } from '../src/core/schemaCheck';
export { makeContext } from '../src/core/context';
export { LineIndex } from '../src/core/text';
export { mergeLeaves } from '../src/core/leafFacts';
export { scorePack } from '../src/core/score';
export { PACK_RULES } from '../src/core/rules';
export { sortDiagnostics } from '../src/core/engine';
