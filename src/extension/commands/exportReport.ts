// What "Export Report…" offers: every report format of the registry (src/present/formats), each with the
// words the registry gives it in the user's language; a format this host cannot write (the workbook in a
// web worker) is offered with the reason instead of failing when chosen. No vscode import: unit-tested.
import type { Lang } from '../../core/types';
import { formatsFor, type Formatter } from '../../present/formats';

export interface ExportChoice {
  format: Formatter;
  /** Quick pick label: the format's file type, e.g. `XLSX`. */
  label: string;
  /** `.xlsx` */
  description: string;
  /** What it is, or why it cannot be written here. */
  detail: string;
  /** Why this host cannot write it; undefined when it can. */
  unavailable?: string;
}

export function exportChoices(lang: Lang): ExportChoice[] {
  return formatsFor('report').map((format) => {
    const unavailable = format.unavailable?.(lang);
    return {
      format,
      label: `${unavailable ? '$(circle-slash) ' : ''}${format.id.toUpperCase()}`,
      description: `.${format.fileExtension}`,
      detail: unavailable ?? format.description[lang],
      ...(unavailable ? { unavailable } : {}),
    };
  });
}

/** The report format a command argument names (`{format: 'xlsx'}`), if it names one. */
export function formatArgument(arg: unknown): string | undefined {
  if (typeof arg !== 'object' || arg === null) return undefined;
  const { format } = arg as Record<string, unknown>;
  return typeof format === 'string' && formatsFor('report').some((f) => f.id === format) ? format : undefined;
}

/** The file name the save dialog proposes, and its filter: only files of that format. */
export function saveDialogFor(format: Formatter, packRoot: string): { defaultPath: string; filters: Record<string, string[]> } {
  return {
    defaultPath: `${packRoot}/evidence-pack-report.${format.fileExtension}`,
    filters: { [format.id.toUpperCase()]: [format.fileExtension] },
  };
}
