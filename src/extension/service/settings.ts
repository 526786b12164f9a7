// Reads the extension's settings and picks the display language.
import * as vscode from 'vscode';
import type { Lang } from '../../core/types';
import { DEFAULT_MAX_FILE_SIZE } from '../../core/host';
import { STRINGS, format, resolveLang, type StringId } from '../strings';

export interface Settings {
  language: 'auto' | Lang;
  lang: Lang;
  debounceMs: number;
  maxFileSize: number;
}

export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const c = vscode.workspace.getConfiguration('evidencePack', scope);
  const raw = c.get<string>('language', 'auto');
  const language = raw === 'zh-CN' || raw === 'en' ? raw : 'auto';
  const debounce = c.get<number>('debounceMs', 300);
  const mb = c.get<number>('maxFileSizeMB', 10);
  return {
    language,
    lang: resolveLang(language, vscode.env.language),
    debounceMs: Number.isFinite(debounce) ? Math.max(0, Math.min(5000, debounce)) : 300,
    maxFileSize: Number.isFinite(mb) && mb > 0 ? Math.min(mb, 1024) * 1024 * 1024 : DEFAULT_MAX_FILE_SIZE,
  };
}

/**
 * A runtime string in the display language. With `auto`, VS Code's l10n bundle is used when it
 * has one (the standard path); a forced language, or a display language without a bundle,
 * takes the string from our own table.
 */
export function tr(id: StringId, args: Record<string, string | number> = {}): string {
  const s = readSettings();
  if (s.language === 'auto' && vscode.l10n.bundle) return vscode.l10n.t(STRINGS[id].en, args);
  return format(STRINGS[id][s.lang], args);
}
