// The formatter contract: every output format (what `check --format`, `score --format`, `report` and the
// extension's Export Report write) is one file that exports a `Formatter`, listed in ./index.ts. The CLI
// and the extension look formats up here; neither knows a format by name. Recipe: CONTRIBUTING.md.
import type { Lang, LocalizedText, PackResult } from '../../core/types';

/** What a formatter is given: the checked packs and how to name things. It computes no score itself. */
export interface FormatInput {
  results: PackResult[];
  /** Paths in the output are relative to this folder (the CLI's DIR, the extension's workspace folder). */
  baseDir: string;
  /** The folder the user runs from: text lines name files from here, as a terminal expects. */
  cwd: string;
  lang: Lang;
  /** `check` lists diagnostics; `score` shows the score in detail. */
  command: 'check' | 'score';
  toolVersion: string;
  /** ISO time of the run (the report prints it); today when absent. */
  generatedAt?: string;
}

export interface Formatter {
  /** The `--format` value (`text`, `json`, `sarif`…). */
  id: string;
  /** What it is for, in both languages (help text, the extension's format picker). */
  description: LocalizedText;
  /** The commands whose `--format` accepts it; `report` formats are written to a file (`--out`). */
  commands: ReadonlyArray<'check' | 'score' | 'report'>;
  /** The file extension of a saved output, without the dot. */
  fileExtension: string;
  /** Why this host cannot write it (a web worker has no exceljs), in the user's language; undefined when it can. */
  unavailable?(lang: Lang): string | undefined;
  /** Text (written as UTF-8) or bytes (a workbook, a document). */
  render(input: FormatInput): string | Uint8Array | Promise<string | Uint8Array>;
}

const formatters = new Map<string, Formatter>();

export function registerFormatter(formatter: Formatter): void {
  if (formatters.has(formatter.id)) throw new Error(`format "${formatter.id}" is registered twice`);
  formatters.set(formatter.id, formatter);
}

export function getFormatter(id: string): Formatter | undefined {
  return formatters.get(id);
}

/** The registered formats a command accepts, in registration order. */
export function formatsFor(command: 'check' | 'score' | 'report'): Formatter[] {
  return [...formatters.values()].filter((f) => f.commands.includes(command));
}
