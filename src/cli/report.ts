// The self-contained, printable HTML report (`evidence-pack report`, extension "Export Report").
import type { Lang, PackResult } from '../core/types';

export function renderReport(results: PackResult[], opts: { baseDir: string; lang: Lang; generatedAt?: string }): string {
  void results; void opts;
  return '<!doctype html><html><head><meta charset="utf-8"><title>Evidence Pack</title></head><body></body></html>';
}
