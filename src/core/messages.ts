// Every string the engine produces, in zh-CN and en. Templates use {name} placeholders.
import type { AssessmentKind, DeductionGround, DiagnosticCode, Lang, LocalizedText, Severity } from './types';

export interface RuleInfo { severity: Severity; description: LocalizedText }

/** One entry per diagnostic code: its default severity and what it means (SARIF rules, docs). */
export const RULES: Record<DiagnosticCode, RuleInfo> = {
  'yaml-syntax': { severity: 'error', description: { en: 'The YAML or Markdown front matter does not parse.', 'zh-CN': 'YAML 或 Markdown 前置元数据无法解析。' } },
  schema: { severity: 'error', description: { en: 'The file breaks its JSON Schema.', 'zh-CN': '文件不符合其 JSON Schema。' } },
  'unknown-clause': { severity: 'error', description: { en: 'The clause id is not in the standard.', 'zh-CN': '条款编号不在标准中。' } },
  'clause-not-leaf': { severity: 'error', description: { en: 'Evidence is attached to a clause that has sub-clauses; only leaf clauses take evidence.', 'zh-CN': '证据挂在了含有子条款的条款上；只有末级条款才能挂证据。' } },
  'unknown-kind': { severity: 'error', description: { en: 'The evidence kind is not a kind of the standard.', 'zh-CN': '证据类型不是标准中定义的类型。' } },
  'broken-link': { severity: 'error', description: { en: 'The linked file does not exist.', 'zh-CN': '链接的文件不存在。' } },
  'outside-workspace': { severity: 'error', description: { en: 'The link resolves outside the workspace; it is not read.', 'zh-CN': '链接指向工作区之外；不会读取。' } },
  'missing-clause': { severity: 'warning', description: { en: 'A leaf clause has no entry anywhere in the pack.', 'zh-CN': '某个末级条款在证据包中没有任何条目。' } },
  'missing-evidence': { severity: 'warning', description: { en: 'A required evidence kind has no counting item.', 'zh-CN': '某个必需的证据类型没有有效证据。' } },
  'stale-evidence': { severity: 'warning', description: { en: 'The evidence is dated before the assessment window.', 'zh-CN': '证据日期早于评价周期。' } },
  'future-evidence': { severity: 'error', description: { en: 'The evidence is dated after the assessment date.', 'zh-CN': '证据日期晚于评价日期。' } },
  'undated-evidence': { severity: 'warning', description: { en: 'Evidence of a dated kind has no date; it does not count until it has one.', 'zh-CN': '应注明日期的证据没有日期；注明日期前不计为有效证据。' } },
  'invalid-date': { severity: 'error', description: { en: 'Text written as a date is not a valid date (accepted: 2026-10-15, 2026/10/15, 2026.10.15, 2026年10月15日).', 'zh-CN': '按日期书写的文字不是有效日期（可写作 2026-10-15、2026/10/15、2026.10.15、2026年10月15日）。' } },
  'conflicting-status': { severity: 'error', description: { en: 'Two entries give one leaf different explicit statuses.', 'zh-CN': '同一末级条款的多个条目给出了不同的状态。' } },
  'exclusion-not-allowed': { severity: 'error', description: { en: 'The clause is excluded but the standard does not allow excluding it.', 'zh-CN': '该条款被删减，但标准不允许删减。' } },
  'exclusion-needs-justification': { severity: 'error', description: { en: 'An excluded clause needs a justification.', 'zh-CN': '删减的条款需要说明理由。' } },
  'partial-needs-samples': { severity: 'error', description: { en: 'A partial status on a sampled clause needs samples.', 'zh-CN': '抽样条款为部分符合时需要给出抽样数据。' } },
  'samples-invalid': { severity: 'error', description: { en: 'The samples are invalid (size ≤ 0 or non-conforming outside 0..size).', 'zh-CN': '抽样数据无效（样本量 ≤ 0 或不合格数超出 0..样本量）。' } },
  'awarded-out-of-range': { severity: 'error', description: { en: 'Awarded points are outside 0..points.', 'zh-CN': '给分超出 0..分值 范围。' } },
  'points-mismatch': { severity: 'error', description: { en: "A parent's points differ from the sum of its leaves, or a scoring sheet breaks the totals.", 'zh-CN': '上级条款分值与下级分值之和不符，或评分表破坏了总分。' } },
  'unrectified-deduction': { severity: 'warning', description: { en: 'A special deduction has not been rectified.', 'zh-CN': '特别扣分项尚未整改。' } },
  'bonus-limit': { severity: 'error', description: { en: 'More special bonuses than the standard allows.', 'zh-CN': '特别加分项超过标准允许的数量。' } },
  'special-deductions-fail': { severity: 'error', description: { en: 'Special deductions reach the number that fails the assessment.', 'zh-CN': '特别扣分项数量达到不合格线。' } },
  'open-action': { severity: 'info', description: { en: 'An open action item in a clause section.', 'zh-CN': '条款章节中有未完成的待办事项。' } },
  'file-too-large': { severity: 'warning', description: { en: 'A file above the size limit was skipped.', 'zh-CN': '文件超过大小限制，已跳过。' } },
  'manifest-invalid': { severity: 'error', description: { en: 'The pack manifest cannot be used as written: unreadable, no usable standard, or a target that is not a rating band.', 'zh-CN': '证据包清单无法按所写内容使用：无法读取、没有可用的标准，或目标等级不是标准中的评级。' } },
  'standard-invalid': { severity: 'error', description: { en: 'The standard or scoring sheet file is invalid.', 'zh-CN': '标准文件或评分表无效。' } },
  'file-unreadable': { severity: 'error', description: { en: 'The file cannot be read as UTF-8 text.', 'zh-CN': '文件无法作为 UTF-8 文本读取。' } },
  'placeholder-organization': { severity: 'warning', description: { en: 'The manifest still names the placeholder organisation that init wrote ("Company name", "公司名称"); it would be printed on the report\'s cover.', 'zh-CN': '清单中的受评组织仍是新建证据包时写入的占位名称（“公司名称”“Company name”），它会被印在报告封面上。' } },
  'initial-cap': { severity: 'info', description: { en: 'At an initial certification the rating is capped at the lowest band unless the results are outstanding (with a justification).', 'zh-CN': '初次认证时等级以最低等级为上限，除非成绩突出（须说明理由）。' } },
  'rating-by-rounding': { severity: 'info', description: { en: 'The rating is reached only because the score is rounded.', 'zh-CN': '该等级仅因得分四舍五入而达到。' } },
  'missing-prerequisite': { severity: 'info', description: { en: 'Prerequisites for applying (资格条件) without counting evidence: one info per pack, counting and naming them; they do not change the score.', 'zh-CN': '申请资格条件没有有效证据：每个证据包一条提示，列出数量和名称；不影响得分。' } },
  'missing-dossier-item': { severity: 'info', description: { en: 'Items of the application dossier (申请材料) without counting evidence: one info per pack, counting and naming them; they do not change the score.', 'zh-CN': '申请材料缺少有效证据：每个证据包一条提示，列出数量和名称；不影响得分。' } },
  'short-operation': { severity: 'warning', description: { en: 'The earliest dated record is less than 3 months before the assessment: bodies expect the system to have run 3 months.', 'zh-CN': '最早的带日期记录距评价日期不足三个月：认证机构要求体系运行满三个月。' } },
};

const M = {
  'yaml-syntax': { en: 'YAML syntax error: {detail}', 'zh-CN': 'YAML 语法错误：{detail}' },
  schema: { en: '{detail}', 'zh-CN': '{detail}' },
  'unknown-clause': { en: 'Unknown clause "{clause}" in standard {standard}', 'zh-CN': '标准 {standard} 中没有条款“{clause}”' },
  'clause-not-leaf': { en: 'Clause {clause} has sub-clauses ({children}); put evidence on a leaf clause', 'zh-CN': '条款 {clause} 含有子条款（{children}），请把证据挂在末级条款上' },
  'unknown-status': { en: 'Clause {clause}: "{status}" is not a status; write {statuses}', 'zh-CN': '条款 {clause}：“{status}”不是有效的状态；可写 {statuses}' },
  'unknown-kind': { en: 'Unknown evidence kind "{kind}"; use one of: {kinds}', 'zh-CN': '未知的证据类型“{kind}”；可用类型：{kinds}' },
  'broken-link': { en: 'File not found: {target}', 'zh-CN': '找不到文件：{target}' },
  'outside-workspace': { en: 'Link points outside the workspace: {target}', 'zh-CN': '链接指向工作区之外：{target}' },
  'missing-clause': { en: 'Clause {clause} {title} has no entry in this pack ({points} points)', 'zh-CN': '条款 {clause} {title} 在本证据包中没有条目（{points} 分）' },
  'missing-evidence': { en: 'Clause {clause} lacks counting evidence of kind: {kinds}', 'zh-CN': '条款 {clause} 缺少有效证据，类型：{kinds}' },
  'stale-evidence': { en: 'Dated {date}, before the assessment window starting {from}', 'zh-CN': '日期 {date} 早于评价周期起始日 {from}' },
  'future-evidence': { en: 'Dated {date}, after the assessment date {to}', 'zh-CN': '日期 {date} 晚于评价日期 {to}' },
  'undated-evidence': { en: '{kind} evidence needs a date: without one it does not count', 'zh-CN': '{kind}类证据须注明日期，未注明日期不计为有效证据' },
  'invalid-date': { en: '"{date}" is not a valid date; write a date as {forms}', 'zh-CN': '“{date}”不是有效日期；日期可写作 {forms}' },
  'conflicting-status': { en: 'Clause {clause} has status "{status}" here but "{other}" in {otherFile}', 'zh-CN': '条款 {clause} 此处状态为“{status}”，但在 {otherFile} 中为“{other}”' },
  'exclusion-not-allowed': { en: 'Clause {clause} cannot be excluded under {standard}', 'zh-CN': '按 {standard}，条款 {clause} 不允许删减' },
  'exclusion-needs-justification': { en: 'Excluded clause {clause} needs a justification', 'zh-CN': '删减条款 {clause} 需要说明理由（justification）' },
  'partial-needs-samples': { en: 'Clause {clause} is sampled: a partial status needs samples {size, nonconforming}', 'zh-CN': '条款 {clause} 为抽样条款：部分符合时需要 samples {size, nonconforming}' },
  'samples-invalid': { en: 'Invalid samples: size {size}, non-conforming {nonconforming}', 'zh-CN': '抽样数据无效：样本量 {size}，不合格数 {nonconforming}' },
  'awarded-out-of-range': { en: 'Awarded {awarded} is outside 0..{points}; counted as {clamped}', 'zh-CN': '给分 {awarded} 超出 0..{points}；按 {clamped} 计' },
  'points-mismatch': { en: 'Clause {clause} states {stated} points but its sub-clauses sum to {sum}', 'zh-CN': '条款 {clause} 标明 {stated} 分，但其子条款合计 {sum} 分' },
  'points-mismatch-sheet': { en: 'Scoring sheet: {detail}', 'zh-CN': '评分表：{detail}' },
  'unrectified-deduction': { en: 'Special deduction {id} has not been rectified', 'zh-CN': '特别扣分项 {id} 尚未整改' },
  'bonus-limit': { en: 'At most {max} special bonus counts', 'zh-CN': '特别加分项最多计 {max} 项' },
  'special-deductions-fail': { en: '{count} special deductions: {failAt} or more fail the assessment', 'zh-CN': '特别扣分项 {count} 项：达到 {failAt} 项即评为不合格' },
  'open-action': { en: 'Open action: {text}', 'zh-CN': '待办：{text}' },
  'file-too-large': { en: 'File skipped: {size} bytes is above the limit of {limit}', 'zh-CN': '文件已跳过：{size} 字节超过上限 {limit}' },
  'manifest-invalid': { en: '{detail}', 'zh-CN': '{detail}' },
  'standard-invalid': { en: '{detail}', 'zh-CN': '{detail}' },
  'file-unreadable': { en: 'Cannot read the file as UTF-8 text: {detail}', 'zh-CN': '无法以 UTF-8 文本读取文件：{detail}' },
  'placeholder-organization': { en: 'The organisation is still the placeholder "{name}": write the name of the organisation assessed (it is printed on the report\'s cover)', 'zh-CN': '受评组织仍是占位名称“{name}”：请填写受评组织的名称（它会印在报告封面上）' },
  'initial-cap': { en: 'Initial certification: the rating is capped at {band} (the score earns {uncapped}). Bodies award stars after a year at {band}, unless the results are outstanding: set assessment.outstanding: true with a justification', 'zh-CN': '初次认证：等级以{band}为上限（按得分可达{uncapped}）。认证机构通常在{band}一年后才授予星级，成绩突出者除外：可设 assessment.outstanding: true 并说明理由' },
  'initial-cap-no-justification': { en: 'Initial certification: the rating is capped at {band} (the score earns {uncapped}); outstanding: true needs assessment.justification saying why', 'zh-CN': '初次认证：等级以{band}为上限（按得分可达{uncapped}）；outstanding: true 须在 assessment.justification 中说明理由' },
  'rating-by-rounding': { en: 'Rating {band} is reached only by rounding: {exact} is below {min} and rounds to {score}', 'zh-CN': '{band}仅因四舍五入而达到：{exact} 低于 {min}，取整后为 {score}' },
  'missing-prerequisite': { en: 'Prerequisites: {provided} of {total} shown; not yet: {items} — they do not change the score, but the body checks them before accepting the application', 'zh-CN': '资格条件 {provided}/{total} 项已提供证据；尚缺：{items}——不影响得分，但认证机构受理申请前会核查' },
  'missing-dossier-item': { en: 'Application dossier: {provided} of {total} items ready; missing: {items} — they do not change the score', 'zh-CN': '申请材料 {provided}/{total} 项已备；缺少：{items}——不影响得分' },
  'short-operation': { en: 'The earliest dated record is {date}, less than 3 months before the assessment date {assessment}: bodies expect the after-sales system to have run at least 3 months', 'zh-CN': '最早的带日期记录为 {date}，距评价日期 {assessment} 不足三个月：体系运行不足三个月，认证机构要求至少运行三个月' },
  // Not diagnostics: scoring reasons and summaries.
  'reason-missing': { en: 'No entry in the pack', 'zh-CN': '证据包中没有条目' },
  'reason-excluded': { en: 'Excluded: {justification}', 'zh-CN': '已删减：{justification}' },
  'reason-nonconforming': { en: 'Marked non-conforming', 'zh-CN': '标记为不符合' },
  'reason-awarded': { en: 'Awarded {awarded} of {points} by the assessor', 'zh-CN': '评审给分 {awarded}/{points}' },
  'reason-incomplete': { en: 'Missing counting evidence: {kinds}', 'zh-CN': '缺少有效证据：{kinds}' },
  'reason-sampled': { en: '{nonconforming} of {size} samples non-conforming: {points} × (1 − {nonconforming}/{size})', 'zh-CN': '{size} 个样本中 {nonconforming} 个不合格：{points} × (1 − {nonconforming}/{size})' },
  'reason-met': { en: 'All required evidence present', 'zh-CN': '所需证据齐全' },
  'excluded-missing-justification': { en: '(no justification)', 'zh-CN': '（未说明理由）' },
  'manifest-unreadable': { en: 'Cannot read the pack manifest: {detail}', 'zh-CN': '无法读取证据包清单：{detail}' },
  'standard-unknown': { en: 'Unknown standard "{standard}": not a built-in id ({builtins}) and no such file', 'zh-CN': '未知标准“{standard}”：既不是内置标准（{builtins}），也没有此文件' },
  'unknown-target': { en: 'target: "{target}" is not a rating band of the standard; write one of {bands}', 'zh-CN': 'target：“{target}”不是标准中的评级；可写 {bands}' },
  'internal-error': { en: 'evidence-pack could not read this file (a fault of evidence-pack, please report it): {detail}', 'zh-CN': 'evidence-pack 无法读取此文件（这是 evidence-pack 自身的缺陷，请报告）：{detail}' },
  'manifest-no-standard': { en: 'The manifest must name a standard (standard: gbt27922-2011 or a file path)', 'zh-CN': '清单必须指明标准（standard: gbt27922-2011 或文件路径）' },
  'sheet-unknown-clause': { en: 'clause {clause} is not a leaf of the standard', 'zh-CN': '条款 {clause} 不是标准的末级条款' },
  'sheet-row-duplicate-clause': { en: 'row {row} is already a clause of the standard', 'zh-CN': '行 {row} 已是标准中的条款' },
  'sheet-row-duplicate': { en: 'row {row} appears twice', 'zh-CN': '行 {row} 重复出现' },
  'sheet-row-cycle': { en: 'rows form a cycle of parents: {rows}', 'zh-CN': '行的上级条款互相引用，形成循环：{rows}' },
  'sheet-row-parent-unknown': { en: 'row {row}: parent {parent} is neither a clause of the standard nor a row of the sheet', 'zh-CN': '行 {row}：上级条款 {parent} 既不是标准中的条款，也不是评分表中的行' },
  'sheet-row-parent-not-leaf': { en: 'row {row}: parent {parent} already has sub-clauses ({children}); rows go below a leaf clause', 'zh-CN': '行 {row}：上级条款 {parent} 已有子条款（{children}）；行只能细分末级条款' },
  'sheet-row-too-deep': { en: 'row {row} is more than {max} levels below a leaf of the standard', 'zh-CN': '行 {row} 比标准的末级条款深 {max} 级以上' },
  'sheet-rows-all-excludable': {
    en: 'every row under {parent} is excludable ({rows}) but {parent} is not: a pack could exclude the whole clause through its rows; mark at least one row excludable: false',
    'zh-CN': '{parent} 之下的行（{rows}）全部可删减，而 {parent} 本身不可删减：证据包可借细分行删减整个条款；请至少将一行标为 excludable: false',
  },
  'sheet-row-kind': { en: 'row {row} requires undefined kind "{kind}"', 'zh-CN': '行 {row} 要求未定义的证据类型“{kind}”' },
  'sheet-set-by': { en: 'points set by the sheet: {ids}', 'zh-CN': '评分表设定分值的条款：{ids}' },
  'sheet-standard': { en: 'the sheet is for standard {sheet}, the pack uses {standard}', 'zh-CN': '评分表适用于标准 {sheet}，而证据包使用 {standard}' },
  'sheet-total': { en: 'leaf points sum to {sum}, the rating scale is {scale}', 'zh-CN': '末级条款分值合计 {sum}，评分满分为 {scale}' },
  'standard-points': { en: 'the leaves sum to {sum} points, the rating scale is {scale}', 'zh-CN': '末级条款合计 {sum} 分，评分满分为 {scale}' },
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
  'schema.pattern.id': { en: '{at}: must start with a letter and hold only letters, digits, - and _', 'zh-CN': '{at}：应以字母开头，只含字母、数字、- 和 _' },
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
  'schema.emptyFile': { en: 'The file is empty: an evidence file starts with `clauses:`', 'zh-CN': '文件为空：证据文件应以 `clauses:` 开头' },
  'schema.globTooComplex': {
    en: 'evidence: the glob "{glob}" is too complex (at most {max} wildcards, {perSegment} per path segment); it is ignored',
    'zh-CN': 'evidence：通配模式“{glob}”过于复杂（最多 {max} 个通配符，每段最多 {perSegment} 个），已忽略',
  },
  'standard-duplicate-clause': { en: 'Duplicate clause id "{id}"', 'zh-CN': '条款编号“{id}”重复' },
  'standard-undefined-kind': { en: 'Clause {id} requires undefined kind "{kind}"', 'zh-CN': '条款 {id} 要求未定义的证据类型“{kind}”' },
  'date.forms': { en: '2026-10-15, 2026/10/15, 2026.10.15 or 2026年10月15日', 'zh-CN': '2026-10-15、2026/10/15、2026.10.15 或 2026年10月15日' },
  'status.choices': { en: '{labels} (or Not applicable)', 'zh-CN': '{labels}（或 不适用）' },
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
export function deductionsByGround<T extends { ground?: DeductionGround }>(list: readonly T[]): { ground: DeductionGround | 'none'; items: T[] }[] {
  return (Object.keys(GROUND_LABEL) as (DeductionGround | 'none')[])
    .map((ground) => ({ ground, items: list.filter((d) => (d.ground ?? 'none') === ground) }))
    .filter((g) => g.items.length > 0);
}

/** Fills `{name}` placeholders from `args` (own keys only); an unknown name stays as written. */
export function fillTemplate(template: string, args: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(args, name) ? String(args[name]) : whole);
}

export function msg(lang: Lang, id: MessageId, args: Record<string, string | number> = {}): string {
  return fillTemplate(M[id][lang], args);
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
