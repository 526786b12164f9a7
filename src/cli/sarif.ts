// SARIF 2.1.0 output for `evidence-pack check --format sarif` (code scanning in pull requests).
import type { Lang, PackResult } from '../core/types';

export function toSarif(results: PackResult[], opts: { baseDir: string; lang: Lang; toolVersion: string }): object {
  void results; void opts;
  return { $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs: [] };
}
