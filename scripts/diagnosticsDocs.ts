// Writes docs/diagnostics.md and docs/diagnostics.zh-CN.md: every diagnostic code with its default
// severity, what it means and the messages it prints, from the definitions in the rule files themselves
// (src/core/rules/*.ts, listed in src/core/rules/codes.ts). Run: npm run docs:diagnostics
// (test/unit/diagnostics-docs.test.ts fails when the documents drift from the rules.)
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeDefinition } from '../src/core/diagnostic';
import { CODES } from '../src/core/rules/codes';
import type { DiagnosticCode, Lang } from '../src/core/types';
import { severityWord } from '../src/present/vocabulary';

const ROOT = join(__dirname, '..');

/** The rule file that defines each code: the module in src/core/rules/ that exports its definition. */
export function ruleFiles(): Map<DiagnosticCode, string> {
  const dir = join(ROOT, 'src', 'core', 'rules');
  const defs = new Set<unknown>(Object.values(CODES));
  const out = new Map<DiagnosticCode, string>();
  for (const name of readdirSync(dir).sort()) {
    if (name === 'codes.ts') continue;
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- each rule file, loaded to see what it exports
    for (const value of Object.values(require(join(dir, name)) as Record<string, unknown>)) {
      if (defs.has(value)) out.set((value as CodeDefinition).code, `src/core/rules/${name}`);
    }
  }
  return out;
}

const TEXT = {
  en: {
    title: '# Diagnostic codes',
    intro: [
      'Every problem `evidence-pack` reports has a stable code (shown in the editor, the CLI, SARIF and JUnit).',
      'Codes are never renamed. This page is generated from the rules (`npm run docs:diagnostics`); do not edit it.',
      '(中文版：[diagnostics.zh-CN.md](diagnostics.zh-CN.md))',
    ],
    table: '| code | default severity | meaning |',
    severity: 'Default severity',
    message: 'Message',
    variant: 'Also',
    source: 'Defined in',
  },
  'zh-CN': {
    title: '# 诊断代码',
    intro: [
      '`evidence-pack` 报告的每个问题都有一个固定的代码（编辑器、命令行、SARIF 与 JUnit 中均显示）。',
      '代码不会更名。本页由规则自动生成（`npm run docs:diagnostics`），请勿手工编辑。',
      '(English: [diagnostics.md](diagnostics.md))',
    ],
    table: '| 代码 | 默认级别 | 含义 |',
    severity: '默认级别',
    message: '信息',
    variant: '另有',
    source: '定义于',
  },
} as const;

export function renderDiagnosticsDoc(lang: Lang): string {
  const text = TEXT[lang];
  const files = ruleFiles();
  const defs = Object.values(CODES);
  const lines: string[] = [text.title, '', ...text.intro, '', text.table, '|---|---|---|'];
  for (const d of defs) lines.push(`| [\`${d.code}\`](#${d.code}) | ${severityWord(d.severity, lang)} | ${d.description[lang]} |`);
  for (const d of defs) {
    lines.push('', `## ${d.code}`, '', d.description[lang], '');
    lines.push(`- ${text.severity}: ${severityWord(d.severity, lang)}`);
    lines.push(`- ${text.message}: \`${d.message[lang]}\``);
    for (const variant of Object.values(d.variants ?? {})) lines.push(`- ${text.variant}: \`${variant[lang]}\``);
    const file = files.get(d.code);
    if (!file) throw new Error(`${d.code}: no file in src/core/rules/ exports its definition`);
    lines.push(`- ${text.source}: [\`${file}\`](../${file})`);
  }
  return lines.join('\n') + '\n';
}

if (require.main === module) {
  writeFileSync(join(ROOT, 'docs', 'diagnostics.md'), renderDiagnosticsDoc('en'));
  writeFileSync(join(ROOT, 'docs', 'diagnostics.zh-CN.md'), renderDiagnosticsDoc('zh-CN'));
}
