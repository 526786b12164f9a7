// What reading a file can find before any rule runs: it does not parse, breaks its schema, cannot be read as
// text, or is too large. Reported by the engine (src/core/engine.ts, analyze.ts), src/core/schemaCheck.ts and
// the manifest, standard and scoring-sheet readers; `schema` also by ./unknownStatus.ts.
import { defineCode } from '../diagnostic';

export const YAML_SYNTAX = defineCode({
  code: 'yaml-syntax',
  severity: 'error',
  description: { en: 'The YAML or Markdown front matter does not parse.', 'zh-CN': 'YAML 或 Markdown 前置元数据无法解析。' },
  message: { en: 'YAML syntax error: {detail}', 'zh-CN': 'YAML 语法错误：{detail}' },
});

export const SCHEMA = defineCode({
  code: 'schema',
  severity: 'error',
  description: { en: 'The file breaks its JSON Schema.', 'zh-CN': '文件不符合其 JSON Schema。' },
  message: { en: '{detail}', 'zh-CN': '{detail}' },
  variants: {
    unknownStatus: {
      en: 'Clause {clause}: "{status}" is not a status; write {statuses}',
      'zh-CN': '条款 {clause}：“{status}”不是有效的状态；可写 {statuses}',
    },
  },
});

export const FILE_UNREADABLE = defineCode({
  code: 'file-unreadable',
  severity: 'error',
  description: { en: 'The file cannot be read as UTF-8 text.', 'zh-CN': '文件无法作为 UTF-8 文本读取。' },
  message: { en: 'Cannot read the file as UTF-8 text: {detail}', 'zh-CN': '无法以 UTF-8 文本读取文件：{detail}' },
});

export const FILE_TOO_LARGE = defineCode({
  code: 'file-too-large',
  severity: 'warning',
  description: { en: 'A file above the size limit was skipped.', 'zh-CN': '文件超过大小限制，已跳过。' },
  message: { en: 'File skipped: {size} bytes is above the limit of {limit}', 'zh-CN': '文件已跳过：{size} 字节超过上限 {limit}' },
});
