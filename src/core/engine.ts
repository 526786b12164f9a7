// The engine's public face: find packs, check and score them, keep per-file results cached.
// Implementation in progress — signatures are the contract for the CLI and the extension.
import type { Host } from './host';
import type { PackResult, Standard } from './types';

export const MANIFEST_NAME = 'evidence-pack.yaml';
export const DEFAULT_EVIDENCE_GLOBS = ['**/*.evidence.yaml', '**/*.evidence.yml', '**/*.evidence.md'];

export class Engine {
  constructor(readonly host: Host) {}

  /** Pack roots at or below `dir` (nested packs included), sorted; or the pack enclosing `dir`. */
  async findPacks(_dir: string): Promise<string[]> { throw new Error('not yet'); }

  /** The root of the pack a file belongs to: the nearest folder above it holding a manifest. */
  async packOf(_file: string): Promise<string | undefined> { throw new Error('not yet'); }

  /** Whether a path is an evidence file of the pack at `root` (matches its globs). */
  isEvidenceFile(_root: string, _file: string): boolean { throw new Error('not yet'); }

  /** Reads, validates and scores one pack. Unchanged files come from the cache. */
  async checkPack(_root: string): Promise<PackResult> { throw new Error('not yet'); }

  /** A file changed (on disk or in an editor buffer): drop what was cached for it,
   *  and for every evidence file that links to it. */
  invalidate(_path: string): void {}

  /** The standard a pack uses (built-in or its own file), loaded and checked. */
  async loadStandard(_root: string): Promise<Standard | undefined> { throw new Error('not yet'); }
}
