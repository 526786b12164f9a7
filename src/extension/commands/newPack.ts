// "New evidence pack": the same files as `evidence-pack init` (core planInit on the built-in
// standard). The command creates them through an undoable WorkspaceEdit and never overwrites.
import { planInit, type InitOptions, type PlannedFile } from '../../core/init';
import { builtinStandard } from '../../core/standard/builtin';
import { systemClock } from '../../core/host';
import type { Lang } from '../../core/types';

export const DEFAULT_STANDARD = 'gbt27922-2011';

/** The files of a new pack, relative to its folder; undefined when the built-in fails to load. */
export function planNewPack(lang: Lang, options: InitOptions = { date: systemClock.today() }, standardId = DEFAULT_STANDARD): PlannedFile[] | undefined {
  const standard = builtinStandard(standardId);
  return standard ? planInit(standard, standardId, lang, options) : undefined;
}
