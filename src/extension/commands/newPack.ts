// "New Evidence Pack": the same files as `evidence-pack init` (core planInit on the built-in
// standard), after four questions — organisation, its type, target band, assessment date — each with
// a default. Escape at any step cancels: nothing is planned, so nothing is written. The command
// (commands.ts) creates the files through an undoable WorkspaceEdit and never overwrites.
// No `vscode` import: the questions go through NewPackUi, which the command implements with
// showInputBox / showQuickPick and the unit tests with scripted answers.
import { ORGANIZATION_TYPES, defaultTarget, planInit, type InitOptions, type OrganizationType, type PlannedFile } from '../../core/init';
import { isValidDate } from '../../core/manifest';
import { pick } from '../../core/messages';
import { builtinStandard } from '../../core/standard/builtin';
import { systemClock } from '../../core/host';
import type { Lang, Standard } from '../../core/types';
import { t } from '../strings';

export const DEFAULT_STANDARD = 'gbt27922-2011';

export interface InputStep {
  title: string;
  prompt: string;
  placeHolder: string;
  value: string;
  validate?: (value: string) => string | undefined;
}
export interface PickItem<T> {
  label: string;
  description?: string;
  value: T;
}
export interface PickStep<T> {
  title: string;
  placeHolder: string;
  items: PickItem<T>[];
}

/** The questions; `undefined` is the user pressing Escape. A pick offers its first item as the default. */
export interface NewPackUi {
  input(step: InputStep): Promise<string | undefined>;
  pick<T>(step: PickStep<T>): Promise<T | undefined>;
}

/** The built-in standard a new pack uses. */
export function loadBuiltin(standardId = DEFAULT_STANDARD): Standard | undefined {
  return builtinStandard(standardId);
}

/** The four questions, in order; undefined as soon as one is cancelled. */
export async function askNewPack(ui: NewPackUi, standard: Standard, lang: Lang, today: string): Promise<InitOptions | undefined> {
  const title = (step: number) => t(lang, 'newPack.title', { step, steps: 4 });
  const organization = await ui.input({
    title: title(1),
    prompt: t(lang, 'newPack.orgPrompt'),
    placeHolder: t(lang, 'newPack.orgPlaceholder'),
    value: '',
  });
  if (organization === undefined) return undefined;

  const type = await ui.pick<OrganizationType>({
    title: title(2),
    placeHolder: t(lang, 'newPack.typePlaceholder'),
    items: ORGANIZATION_TYPES.map((o) => ({ label: pick(o.label, lang), value: o.id })),
  });
  if (type === undefined) return undefined;

  const preferred = defaultTarget(standard);
  const bands = [...standard.rating.bands].sort((a, b) => (a === preferred ? -1 : b === preferred ? 1 : 0));
  const target = await ui.pick<string>({
    title: title(3),
    placeHolder: t(lang, 'newPack.targetPlaceholder'),
    items: bands.map((b) => ({
      label: `${b.stars > 0 ? '★'.repeat(b.stars) + ' ' : ''}${pick(b.label, lang)}`,
      description: t(lang, 'newPack.targetFrom', { min: b.min }),
      value: b.id,
    })),
  });
  if (target === undefined) return undefined;

  const date = await ui.input({
    title: title(4),
    prompt: t(lang, 'newPack.datePrompt'),
    placeHolder: today,
    value: today,
    validate: (v) => (isValidDate(v.trim()) ? undefined : t(lang, 'newPack.dateInvalid', { value: v.trim() })),
  });
  if (date === undefined) return undefined;

  return { organization: organization.trim() || undefined, type, target, date: date.trim() };
}

/** The paths a new pack's files take in its folder (they do not depend on the answers). */
export function newPackPaths(standard: Standard, lang: Lang, standardId = DEFAULT_STANDARD): string[] {
  return planInit(standard, standardId, lang, { date: systemClock.today() }).map((f) => f.path);
}

/** The files of a new pack after asking; undefined when a question was escaped. */
export async function planNewPack(
  ui: NewPackUi,
  standard: Standard,
  lang: Lang,
  today = systemClock.today(),
  standardId = DEFAULT_STANDARD,
): Promise<PlannedFile[] | undefined> {
  const options = await askNewPack(ui, standard, lang, today);
  return options && planInit(standard, standardId, lang, options);
}
