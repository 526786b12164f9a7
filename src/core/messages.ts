// The engine's words besides each diagnostic code's own (defined in its rule file, src/core/rules/): reasons,
// the details a message is built from, schema wording. In zh-CN and en; templates use {name} placeholders.
import type { AssessmentKind, DeductionGround, Lang, LocalizedText } from './types';

const M = {
  // Scoring reasons and summaries (a diagnostic's own words are in its rule file, src/core/rules/).
  'reason-missing': { en: 'No entry in the pack', 'zh-CN': '证据包中没有条目' },
  'reason-excluded': { en: 'Excluded: {justification}', 'zh-CN': '已删减：{justification}' },
  'reason-nonconforming': { en: 'Marked non-conforming', 'zh-CN': '标记为不符合' },
  'reason-awarded': { en: 'Awarded {awarded} of {points} by the assessor', 'zh-CN': '评审给分 {awarded}/{points}' },
  'reason-incomplete': { en: 'Missing counting evidence: {kinds}', 'zh-CN': '缺少有效证据：{kinds}' },
  'reason-sampled': {
    en: '{nonconforming} of {size} samples non-conforming: {points} × (1 − {nonconforming}/{size})',
    'zh-CN': '{size} 个样本中 {nonconforming} 个不合格：{points} × (1 − {nonconforming}/{size})',
  },
  'reason-met': { en: 'All required evidence present', 'zh-CN': '所需证据齐全' },
  'excluded-missing-justification': { en: '(no justification)', 'zh-CN': '（未说明理由）' },
  'sheet-unknown-clause': { en: 'clause {clause} is not a leaf of the standard', 'zh-CN': '条款 {clause} 不是标准的末级条款' },
  'sheet-row-duplicate-clause': { en: 'row {row} is already a clause of the standard', 'zh-CN': '行 {row} 已是标准中的条款' },
  'sheet-row-duplicate': { en: 'row {row} appears twice', 'zh-CN': '行 {row} 重复出现' },
  'sheet-row-cycle': { en: 'rows form a cycle of parents: {rows}', 'zh-CN': '行的上级条款互相引用，形成循环：{rows}' },
  'sheet-row-parent-unknown': {
    en: 'row {row}: parent {parent} is neither a clause of the standard nor a row of the sheet',
    'zh-CN': '行 {row}：上级条款 {parent} 既不是标准中的条款，也不是评分表中的行',
  },
  'sheet-row-parent-not-leaf': {
    en: 'row {row}: parent {parent} already has sub-clauses ({children}); rows go below a leaf clause',
    'zh-CN': '行 {row}：上级条款 {parent} 已有子条款（{children}）；行只能细分末级条款',
  },
  'sheet-row-too-deep': {
    en: 'row {row} is more than {max} levels below a leaf of the standard',
    'zh-CN': '行 {row} 比标准的末级条款深 {max} 级以上',
  },
  'sheet-rows-all-excludable': {
    en: 'every row under {parent} is excludable ({rows}) but {parent} is not: a pack could exclude the whole clause through its rows; mark at least one row excludable: false',
    'zh-CN':
      '{parent} 之下的行（{rows}）全部可删减，而 {parent} 本身不可删减：证据包可借细分行删减整个条款；请至少将一行标为 excludable: false',
  },
  'sheet-row-kind': { en: 'row {row} requires undefined kind "{kind}"', 'zh-CN': '行 {row} 要求未定义的证据类型“{kind}”' },
  'sheet-set-by': { en: 'points set by the sheet: {ids}', 'zh-CN': '评分表设定分值的条款：{ids}' },
  'sheet-standard': {
    en: 'the sheet is for standard {sheet}, the pack uses {standard}',
    'zh-CN': '评分表适用于标准 {sheet}，而证据包使用 {standard}',
  },
  'sheet-total': { en: 'leaf points sum to {sum}, the rating scale is {scale}', 'zh-CN': '末级条款分值合计 {sum}，评分满分为 {scale}' },
  'standard-points': {
    en: 'the leaves sum to {sum} points, the rating scale is {scale}',
    'zh-CN': '末级条款合计 {sum} 分，评分满分为 {scale}',
  },
  // Schema problems, said in the reader's words (src/core/schemaCheck.ts); {at} is the key path.
  'schema.required': { en: '{at}: missing required property "{name}"', 'zh-CN': '{at}：缺少必填字段“{name}”' },
  'schema.additional': { en: '{at}: unexpected property "{name}"', 'zh-CN': '{at}：不允许的字段“{name}”' },
  'schema.enum': { en: '{at}: must be one of {values}', 'zh-CN': '{at}：取值必须是 {values} 之一' },
  'schema.const': { en: '{at}: must be {value}', 'zh-CN': '{at}：取值必须是 {value}' },
  'schema.type': { en: '{at}: must be {type}', 'zh-CN': '{at}：类型应为{type}' },
  'schema.typeName.string': { en: 'text', 'zh-CN': '文字' },
  'schema.typeName.number': { en: 'a number', 'zh-CN': '数字' },
  'schema.typeName.integer': { en: 'a whole number', 'zh-CN': '整数' },
  'schema.typeName.boolean': { en: 'true or false', 'zh-CN': 'true 或 false' },
  'schema.typeName.object': { en: 'a mapping (key: value)', 'zh-CN': '映射（键: 值）' },
  'schema.typeName.array': { en: 'a list (- item)', 'zh-CN': '列表（- 项）' },
  'schema.typeName.null': { en: 'empty', 'zh-CN': '空值' },
  'schema.typeName.or': { en: ' or ', 'zh-CN': '或' },
  // Never a regex to a user: the schemas' patterns in words.
  'schema.pattern': { en: '{at}: is not written in the expected form', 'zh-CN': '{at}：格式不符' },
  'schema.pattern.url': { en: '{at}: must start with http:// or https://', 'zh-CN': '{at}：应以 http:// 或 https:// 开头' },
  'schema.pattern.id': {
    en: '{at}: must start with a letter and hold only letters, digits, - and _',
    'zh-CN': '{at}：应以字母开头，只含字母、数字、- 和 _',
  },
  // Where a fault is, in words: `status of clause entry 2`, `第 2 个条款的 status`.
  'schema.at.file': { en: 'The file', 'zh-CN': '文件' },
  'schema.at.of': { en: '{inner} of {outer}', 'zh-CN': '{outer}的{inner}' },
  'schema.at.item': { en: '{name} {n}', 'zh-CN': '第 {n} {name}' },
  'schema.at.itemOf': { en: 'item {n} of {list}', 'zh-CN': '{list} 的第 {n} 项' },
  'schema.at.index': { en: 'item {n}', 'zh-CN': '第 {n} 项' },
  'schema.item.clauses': { en: 'clause entry', 'zh-CN': '个条款' },
  'schema.item.evidence': { en: 'evidence item', 'zh-CN': '项证据' },
  'schema.item.kinds': { en: 'kind', 'zh-CN': '个证据类型' },
  'schema.item.bands': { en: 'band', 'zh-CN': '个评级' },
  'schema.item.children': { en: 'sub-clause', 'zh-CN': '个子条款' },
  'schema.item.specialDeductions': { en: 'special deduction', 'zh-CN': '个特别扣分项' },
  'schema.item.specialBonus': { en: 'special bonus', 'zh-CN': '个特别加分项' },
  'schema.limit': { en: '{at}: must be {comparison} {limit}', 'zh-CN': '{at}：数值应 {comparison} {limit}' },
  'schema.minItems': { en: '{at}: needs at least {limit} item(s)', 'zh-CN': '{at}：至少需要 {limit} 项' },
  'schema.maxItems': { en: '{at}: at most {limit} item(s)', 'zh-CN': '{at}：最多 {limit} 项' },
  'schema.minLength': { en: '{at}: must not be empty', 'zh-CN': '{at}：不能为空' },
  'schema.other': { en: '{at}: {detail}', 'zh-CN': '{at}：不符合结构要求（{keyword}）' },
  'schema.emptyFile': {
    en: 'The file is empty: an evidence file starts with `clauses:`',
    'zh-CN': '文件为空：证据文件应以 `clauses:` 开头',
  },
  'schema.globTooComplex': {
    en: 'evidence: the glob "{glob}" is too complex (at most {max} wildcards, {perSegment} per path segment); it is ignored',
    'zh-CN': 'evidence：通配模式“{glob}”过于复杂（最多 {max} 个通配符，每段最多 {perSegment} 个），已忽略',
  },
  'standard-duplicate-clause': { en: 'Duplicate clause id "{id}"', 'zh-CN': '条款编号“{id}”重复' },
  'standard-undefined-kind': { en: 'Clause {id} requires undefined kind "{kind}"', 'zh-CN': '条款 {id} 要求未定义的证据类型“{kind}”' },
  'date.forms': {
    en: '2026-10-15, 2026/10/15, 2026.10.15 or 2026年10月15日',
    'zh-CN': '2026-10-15、2026/10/15、2026.10.15 或 2026年10月15日',
  },
  'status.choices': { en: '{labels} (or Not applicable)', 'zh-CN': '{labels}（或 不适用）' },
  // What init writes into a new pack's files (src/core/init.ts).
  'init.points': { en: '{points} points', 'zh-CN': '{points} 分' },
  'init.sampled': { en: ' (sampled)', 'zh-CN': '（抽样）' },
  'init.excludable': { en: ' (excludable)', 'zh-CN': '（可删减）' },
  'init.requires': { en: 'requires: {kinds}', 'zh-CN': '需要：{kinds}' },
  'init.fileHint': {
    en: 'Add evidence to each clause. A clause that does not apply may be excluded where the standard allows it: write `status: excluded` and a justification.',
    'zh-CN': '为每个条款补充证据。不适用的条款可写 status: excluded 并说明理由（justification），仅限可删减条款。',
  },
  'init.manifestTitle': { en: '# Evidence pack manifest — {title}', 'zh-CN': '# 证据包清单 — {title}' },
  'init.replaceOrganization': {
    en: 'Replace "Company name" with the name of the organisation assessed: it is printed on the report\'s cover.',
    'zh-CN': '请把“公司名称”换成受评组织的名称：它会出现在报告封面上。',
  },
  // sheet import (src/core/sheetImport.ts, src/present/formats/sheetFile.ts)
  'import.noHeader': {
    en: 'No header row found: one row must name a clause column (条款 / 条款号 / 指标编号 / 编号 / clause) and a points column (分值 / 标准分 / 满分 / points)',
    'zh-CN': '找不到表头：需要一行同时含有条款列（条款 / 条款号 / 指标编号 / 编号 / clause）和分值列（分值 / 标准分 / 满分 / points）',
  },
  'import.tooManyRows': { en: 'More than {max} rows: this is not a scoring sheet', 'zh-CN': '行数超过 {max}，不像评分表' },
  'import.notClauseId': { en: '"{text}" is not a clause id', 'zh-CN': '“{text}”不是条款编号' },
  'import.pointsNotNumber': { en: 'Points "{text}" are not a number', 'zh-CN': '分值“{text}”不是数字' },
  'import.pointsNegative': { en: 'Points {value} cannot be negative', 'zh-CN': '分值 {value} 不能为负数' },
  'import.duplicate': { en: 'Clause {id} appears twice (first at {first})', 'zh-CN': '条款 {id} 重复（先见于 {first}）' },
  'import.notPlaced': {
    en: 'Clause {id} is neither in standard {standard} nor below one of its leaves',
    'zh-CN': '条款 {id} 既不在标准 {standard} 中，也不在其某个末级条款之下',
  },
  'import.header': {
    en: '# Written by evidence-pack sheet import from "{source}" (sheet {sheet}).\n# Check body and version; set weights: official once the points are confirmed as the body\'s own.',
    'zh-CN':
      '# 由 evidence-pack sheet import 从“{source}”（工作表 {sheet}）生成。\n# 请核对 body、version；确认分值为认证机构正式分值后，将 weights 改为 official。',
  },
  'import.noRows': { en: 'No clause rows below the header', 'zh-CN': '表头之下没有可用的条款行' },
  'import.formulaNoValue': {
    en: 'The formula ={formula} has no saved value (formulas are not calculated here): open the workbook in a spreadsheet program and save it, or type the value',
    'zh-CN': '公式 ={formula} 没有保存的计算结果（此处不计算公式）：请用电子表格软件打开并保存该工作簿，或直接填写数值',
  },
  'import.fileTooLarge': { en: 'Larger than {max} MB: not a scoring sheet', 'zh-CN': '超过 {max} MB，不像评分表' },
  'import.notUtf8': { en: 'Not UTF-8 text (save it as CSV UTF-8)', 'zh-CN': '不是 UTF-8 文本（请另存为 CSV UTF-8）' },
  'import.notSheetFile': {
    en: 'Only .xlsx and .csv sheets can be imported: save the sheet as Excel Workbook (.xlsx) or CSV (UTF-8) from your spreadsheet program first',
    'zh-CN': '只能导入 .xlsx 或 .csv 评分表：请先在电子表格软件中另存为 Excel 工作簿（.xlsx）或 CSV（UTF-8）',
  },
  'import.notZip': { en: 'Not an XLSX workbook (not a readable zip archive)', 'zh-CN': '不是 XLSX 工作簿（不是可读取的 zip 压缩包）' },
  'import.zipUnsupported': {
    en: 'Entry {entry} is encrypted, compressed in a way a workbook never is, or over 4 GB (zip64): not a plain XLSX workbook',
    'zh-CN': '条目 {entry} 已加密、压缩方式不是工作簿所用的，或超过 4 GB（zip64）：不是普通的 XLSX 工作簿',
  },
  'import.tooManyEntries': {
    en: 'More than {max} entries in its zip archive: not a scoring sheet',
    'zh-CN': 'zip 压缩包中条目超过 {max} 个，不像评分表',
  },
  'import.unpackedTooLarge': {
    en: 'Unpacks to more than {max} MB: not a scoring sheet (stopped before unpacking the rest)',
    'zh-CN': '解压后超过 {max} MB，不像评分表（已在解压其余部分之前停止）',
  },
  'import.tooManyElements': {
    en: 'More than {max} XML elements: not a scoring sheet (a sheet of 10,000 rows has about 200,000)',
    'zh-CN': 'XML 元素超过 {max} 个，不像评分表（10,000 行的评分表约有 200,000 个）',
  },
  'import.tooDeep': {
    en: 'XML in {entry} is nested more than {max} levels deep: not a workbook',
    'zh-CN': '{entry} 中的 XML 嵌套超过 {max} 层，不是工作簿',
  },
  'import.unreadable': { en: 'Could not be read as a workbook: {detail}', 'zh-CN': '无法作为工作簿读取：{detail}' },
  'import.workbookNeedsNode': {
    en: 'Reading an XLSX workbook needs the desktop VS Code or the command line (evidence-pack sheet import); here, save the sheet as CSV (UTF-8) and import that',
    'zh-CN': '读取 XLSX 工作簿需要桌面版 VS Code 或命令行（evidence-pack sheet import）；在此处请把评分表另存为 CSV（UTF-8）后导入',
  },
  // Lists inside a message.
  'list-separator': { en: ', ', 'zh-CN': '、' },
  'scheme-item': { en: '{title} ({id})', 'zh-CN': '{title}（{id}）' },
} satisfies Record<string, LocalizedText>;

export type MessageId = keyof typeof M;
export const MESSAGES: Readonly<Record<MessageId, LocalizedText>> = M;

/** Grounds of a special deduction, in the order views group them ('none': no ground given). */
export const GROUND_LABEL: Record<DeductionGround | 'none', LocalizedText> = {
  law: { en: 'Breach of law', 'zh-CN': '违反法律法规' },
  'own-rules': { en: "Breach of the company's own service rules", 'zh-CN': '违反企业自身服务规定' },
  industry: { en: 'Breach of industry requirements', 'zh-CN': '违反行业要求' },
  'system-operation': { en: "Harm to the service system's operation", 'zh-CN': '影响服务体系运行' },
  none: { en: 'Ground not stated', 'zh-CN': '未注明依据' },
};

export const ASSESSMENT_KIND_LABEL: Record<AssessmentKind, LocalizedText> = {
  initial: { en: 'Initial certification', 'zh-CN': '初次认证' },
  surveillance: { en: 'Surveillance audit', 'zh-CN': '监督审核' },
  recertification: { en: 'Recertification', 'zh-CN': '再认证' },
};

/** Deductions grouped by ground, in GROUND_LABEL's order; groups without deductions are left out. */
export function deductionsByGround<T extends { ground?: DeductionGround }>(
  list: readonly T[],
): { ground: DeductionGround | 'none'; items: T[] }[] {
  return (Object.keys(GROUND_LABEL) as (DeductionGround | 'none')[])
    .map((ground) => ({ ground, items: list.filter((d) => (d.ground ?? 'none') === ground) }))
    .filter((g) => g.items.length > 0);
}

/** Fills `{name}` placeholders from `args` (own keys only); an unknown name stays as written. */
export function fillTemplate(template: string, args: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(args, name) ? String(args[name]) : whole,
  );
}

export function msg(lang: Lang, id: MessageId, args: Record<string, string | number> = {}): string {
  return fillTemplate(M[id][lang], args);
}

/** The language's list separator: `记录、文件` / `record, document` (every layer's lists). */
export function joinList(items: readonly string[], lang: Lang): string {
  return items.join(M['list-separator'][lang]);
}

export function pick(text: LocalizedText | undefined, lang: Lang): string {
  if (!text) return '';
  return text[lang] || text.en || text['zh-CN'] || '';
}

/** The other of the two languages (hovers show a title in both). */
export function otherLang(lang: Lang): Lang {
  return LANGS.find((l) => l !== lang) ?? lang;
}
const LANGS: readonly Lang[] = ['zh-CN', 'en'];

/** `LANG=zh_CN.UTF-8` → zh-CN; anything else → en. */
export function langFromEnv(value: string | undefined): Lang {
  return value && /^zh/i.test(value) ? 'zh-CN' : 'en';
}
