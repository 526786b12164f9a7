// `evidence-pack score --diff REV`: the working tree's score against the pack at a git revision.
import type { Lang, PackResult, Score } from '../core/types';

export interface ScoreDiff { pack: string; before?: Score; after?: Score; text: string }

export async function scoreDiff(opts: {
  dir: string; rev: string; lang: Lang;
  check: (dir: string, workspaceRoot: string) => Promise<PackResult[]>;
}): Promise<ScoreDiff[]> {
  void opts;
  return [];
}
