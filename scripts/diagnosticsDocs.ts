// Writes docs/diagnostics.md and docs/diagnostics.zh-CN.md: every diagnostic code with its default
// severity, what it means and the message it prints, from the rules themselves (src/core/messages.ts and
// the rule files in src/core/rules/). Run: npm run docs:diagnostics
// (test/unit/diagnostics-docs.test.ts fails when the documents drift from the rules.)
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MESSAGES, RULES } from '../src/core/messages';
import type { DiagnosticCode, Lang } from '../src/core/types';
import { severityWord } from '../src/present/vocabulary';

const ROOT = join(__dirname, '..');

/** The rule file that reports each code (its `codes: [...]`); codes reported by the engine itself have none. */
export function ruleFiles(): Map<string, string> {
  const dir = join(ROOT, 'src', 'core', 'rules');
  const out = new Map<string, string>();
  for (const name of readdirSync(dir).sort()) {
    const m = /codes:\s*\[([^\]]*)\]/.exec(readFileSync(join(dir, name), 'utf8'));
    for (const code of m ? m[1].match(/'[^']+'/g) ?? [] : []) out.set(code.slice(1, -1), `src/core/rules/${name}`);
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
    source: 'Reported by',
    engine: 'the engine (reading, parsing and checking files)',
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
    source: '报告者',
    engine: '引擎本身（读取、解析与检查文件时）',
  },
} as const;

export function renderDiagnosticsDoc(lang: Lang): string {
  const text = TEXT[lang];
  const files = ruleFiles();
  const codes = Object.keys(RULES) as DiagnosticCode[];
  const lines: string[] = [text.title, '', ...text.intro, '', text.table, '|---|---|---|'];
  for (const code of codes) lines.push(`| [\`${code}\`](#${code}) | ${severityWord(RULES[code].severity, lang)} | ${RULES[code].description[lang]} |`);
  for (const code of codes) {
    const message = (MESSAGES as Record<string, { en: string; 'zh-CN': string } | undefined>)[code];
    lines.push('', `## ${code}`, '', RULES[code].description[lang], '');
    lines.push(`- ${text.severity}: ${severityWord(RULES[code].severity, lang)}`);
    if (message) lines.push(`- ${text.message}: \`${message[lang]}\``);
    const file = files.get(code);
    lines.push(`- ${text.source}: ${file ? `[\`${file}\`](../${file})` : text.engine}`);
  }
  return lines.join('\n') + '\n';
}

if (require.main === module) {
  writeFileSync(join(ROOT, 'docs', 'diagnostics.md'), renderDiagnosticsDoc('en'));
  writeFileSync(join(ROOT, 'docs', 'diagnostics.zh-CN.md'), renderDiagnosticsDoc('zh-CN'));
}
