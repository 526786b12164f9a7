// "New evidence pack": delegates to the core's init (the same as `evidence-pack init`), which
// never overwrites an existing file.
import type { Lang } from '../core/types';

export type NewPackOutcome =
  | { kind: 'created'; manifest: string }
  | { kind: 'exists' }
  | { kind: 'unavailable' }
  | { kind: 'failed'; detail: string };

export async function createPack(dir: string, lang: Lang): Promise<NewPackOutcome> {
  void dir; void lang;
  // Wired to src/core/init.ts once the core exports initPack.
  return { kind: 'unavailable' };
}
