// Every string the extension shows at run time, in en and zh-CN. The setting
// `evidencePack.language` can force a language different from VS Code's display language,
// so strings are chosen from this table by the resolved language; the l10n bundles
// (l10n/bundle.l10n*.json) are generated from it and checked for drift by a unit test.
// No `vscode` import here: the table is unit-tested.
import { fillTemplate } from '../core/messages';
import type { Lang } from '../core/types';

const S = {
  // status bar
  'status.provisional': { en: 'provisional', 'zh-CN': '暂定' },
  'status.tooltip': {
    en: 'Evidence pack {pack}: {score} points of {scale}, rating {band} ({stars} of {maxStars} stars). Click to open the score panel.',
    'zh-CN': '证据包 {pack}：{score} 分（满分 {scale}），评级 {band}（{stars}/{maxStars} 星）。点击打开评分面板。',
  },
  'status.tooltipProvisional': {
    en: 'The point weights of {standard} are provisional: the standard does not publish per-clause points, so these are estimates until a scoring sheet is used.',
    'zh-CN': '{standard} 的分值为暂定：标准未公开各条款分值，在使用评分表之前这些分值只是估计。',
  },
  'status.target': { en: 'target {band}', 'zh-CN': '目标 {band}' },
  'status.targetInvalid': { en: 'target not a band', 'zh-CN': '目标等级无效' },
  'status.tooltipTarget': {
    en: 'Target: {band} (target: in evidence-pack.yaml; check fails below it).',
    'zh-CN': '目标等级：{band}（取自 evidence-pack.yaml 的 target；低于此等级时 check 不通过）。',
  },
  'status.tooltipTargetInvalid': {
    en: 'target: "{target}" in evidence-pack.yaml is not a rating band: see the Problems view.',
    'zh-CN': 'evidence-pack.yaml 中的 target“{target}”不是评级：请查看“问题”视图。',
  },
  'status.tooltipFail': { en: 'The pack fails the assessment.', 'zh-CN': '该证据包评价不合格。' },
  'status.noScore': {
    en: 'Evidence pack {pack} cannot be scored: see the Problems view.',
    'zh-CN': '证据包 {pack} 无法评分：请查看“问题”视图。',
  },
  'status.checking': { en: 'Checking evidence packs…', 'zh-CN': '正在检查证据包…' },
  'status.staleChecking': { en: 'Checking again: this score is from the previous check.', 'zh-CN': '正在重新检查：此得分来自上一次检查。' },
  'status.staleFailed': {
    en: 'The last check failed ({detail}): this score is from an earlier check and may be out of date.',
    'zh-CN': '上一次检查失败（{detail}）：此得分来自更早的检查，可能已过时。',
  },
  // panel
  'panel.title': { en: 'Evidence Pack Score', 'zh-CN': '证据包评分' },
  'panel.score': { en: 'Score', 'zh-CN': '得分' },
  'panel.stars': { en: 'Stars', 'zh-CN': '星级' },
  'panel.band': { en: 'Rating', 'zh-CN': '评级' },
  'panel.provisional': {
    en: 'Provisional weights: {standard} does not publish per-clause points; these points are estimates until the pack uses a scoring sheet (scoring: in evidence-pack.yaml).',
    'zh-CN': '暂定分值：{standard} 未公开各条款分值；在证据包使用评分表（evidence-pack.yaml 中的 scoring:）之前，这些分值只是估计。',
  },
  'panel.sections': { en: 'Sections', 'zh-CN': '章节' },
  'panel.clauses': { en: 'Clauses', 'zh-CN': '条款' },
  'panel.clause': { en: 'Clause', 'zh-CN': '条款' },
  'panel.titleColumn': { en: 'Title', 'zh-CN': '名称' },
  'panel.state': { en: 'State', 'zh-CN': '状态' },
  'panel.points': { en: 'Points', 'zh-CN': '分值' },
  'panel.earned': { en: 'Earned', 'zh-CN': '得分' },
  'panel.missing': { en: 'What is missing', 'zh-CN': '所缺内容' },
  'panel.specials': { en: 'Special deductions and bonus', 'zh-CN': '特别扣分项与加分项' },
  'panel.deductions': { en: 'Special deductions: {count} (−{points})', 'zh-CN': '特别扣分项：{count} 项（−{points}）' },
  'panel.noDeductions': { en: 'Special deductions: none', 'zh-CN': '特别扣分项：无' },
  'panel.noBonus': { en: 'Special bonus: none', 'zh-CN': '特别加分项：无' },
  'panel.bonus': { en: 'Special bonus: {count} (+{points})', 'zh-CN': '特别加分项：{count} 项（+{points}）' },
  'panel.next': { en: 'Next rating: {band} (from {min})', 'zh-CN': '下一评级：{band}（{min} 分起）' },
  'panel.needed': { en: '{needed} more points needed', 'zh-CN': '还需 {needed} 分' },
  'panel.suggestions': { en: 'Largest gains first', 'zh-CN': '按可得分从高到低' },
  'panel.topBand': { en: 'This is the highest rating.', 'zh-CN': '已是最高评级。' },
  'panel.why': { en: 'Why this score', 'zh-CN': '得分说明' },
  'panel.formula': {
    en: 'score = earned / applicable × scale − deductions × {deduction} + bonus × {bonus}',
    'zh-CN': '得分 = 实得分 / 适用总分 × 满分 − 扣分项数 × {deduction} + 加分项数 × {bonus}',
  },
  'panel.whyNumbers': {
    en: '{earned} / {applicable} × {scale} − {deductions} × {deduction} + {bonus} × {bonusPoints} = {exact} → {score}',
    'zh-CN': '{earned} / {applicable} × {scale} − {deductions} × {deduction} + {bonus} × {bonusPoints} = {exact} → {score}',
  },
  'panel.whyRounding': {
    en: 'Rounded half-up to {rounding} decimals; clamped to 0..{scale}.',
    'zh-CN': '四舍五入保留 {rounding} 位小数；限定在 0..{scale} 之间。',
  },
  'panel.whyExcluded': {
    en: 'Excluded clauses ({count}) are left out of the applicable total.',
    'zh-CN': '删减的条款（{count} 项）不计入适用总分。',
  },
  'panel.whyRating': {
    en: 'Rating: {band} — the highest band whose minimum ({min}) the score reaches.',
    'zh-CN': '评级：{band} —— 得分达到的最高档（{min} 分起）。',
  },
  'panel.whyFail': {
    en: 'Rating: {band} — the score is below {min}, or special deductions reach {failAt}.',
    'zh-CN': '评级：{band} —— 得分低于 {min}，或特别扣分项达到 {failAt} 项。',
  },
  'panel.pickPack': { en: 'Switch pack…', 'zh-CN': '切换证据包…' },
  'panel.exportReport': { en: 'Export report…', 'zh-CN': '导出报告…' },
  'panel.noScore': { en: 'This pack cannot be scored yet: see the Problems view.', 'zh-CN': '该证据包暂时无法评分：请查看“问题”视图。' },
  'panel.revealHint': { en: 'Click to reveal the entry', 'zh-CN': '点击定位到条目' },
  'panel.addHint': { en: 'No entry yet: click to add one', 'zh-CN': '尚无条目：点击添加' },
  'panel.starsLabel': { en: '{stars} stars', 'zh-CN': '{stars} 星' },
  'panel.cap': {
    en: 'Initial certification: the rating is capped at {band}; the score alone earns {uncapped}.',
    'zh-CN': '初次认证：等级以{band}为上限；仅按得分可达{uncapped}。',
  },
  'panel.schemeTitle': { en: 'Eligibility and application dossier', 'zh-CN': '申请资格与申请材料' },
  'panel.schemeNote': {
    en: 'Apart from the score: the certification body checks these before it accepts the application.',
    'zh-CN': '不影响得分：认证机构在受理申请前核查。',
  },
  'panel.prerequisites': { en: 'Prerequisites: {provided} of {total} shown', 'zh-CN': '资格条件：已提供 {provided}/{total} 项' },
  'panel.dossier': { en: 'Application dossier: {provided} of {total} items', 'zh-CN': '申请材料：已备齐 {provided}/{total} 项' },
  'panel.bonusBasis': { en: '{reason} (basis: {basis})', 'zh-CN': '{reason}（依据：{basis}）' },
  'panel.evidenceColumn': { en: 'Evidence', 'zh-CN': '证据' },
  'panel.sheet': { en: 'Points from the scoring sheet: {sheet}', 'zh-CN': '分值来自评分表：{sheet}' },
  'panel.provisionalSheet': {
    en: 'Provisional weights: the scoring sheet is not marked official (weights: official), or it leaves some clauses at the estimated points of {standard}.',
    'zh-CN': '暂定分值：评分表未标明为正式分值（weights: official），或仍有条款沿用 {standard} 的估计分值。',
  },
  'panel.refines': { en: 'row of {clause}', 'zh-CN': '细分自 {clause}' },
  'panel.evidence': { en: '{counting} of {count} counting', 'zh-CN': '有效 {counting}/{count}' },
  // commands and prompts
  'cmd.noPack': { en: 'No evidence pack (evidence-pack.yaml) in this workspace.', 'zh-CN': '此工作区中没有证据包（evidence-pack.yaml）。' },
  'cmd.pickPack': { en: 'Choose an evidence pack', 'zh-CN': '选择证据包' },
  'cmd.addEntryPrompt': {
    en: 'Clause {clause} has no entry in this pack. Add one to {file}?',
    'zh-CN': '条款 {clause} 在本证据包中没有条目。是否添加到 {file}？',
  },
  'cmd.addEntry': { en: 'Add entry', 'zh-CN': '添加条目' },
  'cmd.noEvidenceFile': {
    en: 'The pack has no evidence file to add the entry to; create one named *.evidence.yaml first.',
    'zh-CN': '证据包中没有可添加条目的证据文件；请先创建一个 *.evidence.yaml 文件。',
  },
  'cmd.newPackFolder': { en: 'Create the evidence pack here', 'zh-CN': '在此创建证据包' },
  'cmd.newPackDone': { en: 'Created the evidence pack in {folder}.', 'zh-CN': '已在 {folder} 创建证据包。' },
  'cmd.newPackExists': {
    en: '{folder} already holds an evidence pack; nothing was overwritten.',
    'zh-CN': '{folder} 已有证据包；未覆盖任何文件。',
  },
  'cmd.newPackUnavailable': {
    en: 'The built-in standard could not be loaded; no pack was created.',
    'zh-CN': '无法加载内置标准；未创建证据包。',
  },
  'cmd.newPackFailed': { en: 'Could not create the pack: {detail}', 'zh-CN': '无法创建证据包：{detail}' },
  'importSheet.pick': { en: 'Import this scoring sheet', 'zh-CN': '导入此评分表' },
  'importSheet.filter': { en: 'Scoring sheets (.xlsx, .csv)', 'zh-CN': '评分表（.xlsx、.csv）' },
  'importSheet.done': {
    en: 'Imported {file} as {name}: {points} leaf points, {rows} rows; the manifest names it now (scoring:). Undo takes the edit back.',
    'zh-CN': '已将 {file} 导入为 {name}：{points} 个末级条款分值，{rows} 个细分行；清单已通过 scoring: 引用它。撤销即可撤回此次编辑。',
  },
  'importSheet.failed': {
    en: 'Scoring sheet not imported, nothing was written. {errors}',
    'zh-CN': '评分表未导入，未写入任何文件。{errors}',
  },
  'importSheet.more': { en: '(and {count} more)', 'zh-CN': '（另有 {count} 处）' },
  'importSheet.notBuiltin': {
    en: 'Sheet import works with the built-in standards ({ids}); this pack uses {standard}',
    'zh-CN': '评分表导入仅适用于内置标准（{ids}）；此证据包使用 {standard}',
  },
  'importSheet.applyFailed': {
    en: 'Could not write the scoring sheet or change the manifest: {detail}',
    'zh-CN': '无法写入评分表或修改清单：{detail}',
  },
  'newPack.title': { en: 'New Evidence Pack ({step}/{steps})', 'zh-CN': '新建证据包（{step}/{steps}）' },
  'newPack.orgPrompt': {
    en: "The organisation assessed, as printed on the report's cover (Enter to fill it in later)",
    'zh-CN': '受评组织名称，将印在报告封面上（直接回车可稍后填写）',
  },
  'newPack.orgPlaceholder': { en: 'e.g. Haichuan Appliances Co., Ltd.', 'zh-CN': '例如：海川家电有限公司' },
  'newPack.typePlaceholder': { en: 'What kind of organisation is it?', 'zh-CN': '组织类型' },
  'newPack.targetPlaceholder': {
    en: 'The rating aimed at (the gate for evidence-pack check)',
    'zh-CN': '目标评级（evidence-pack check 的门槛）',
  },
  'newPack.targetFrom': { en: 'from {min} points', 'zh-CN': '{min} 分起' },
  'newPack.datePrompt': {
    en: 'The assessment date (YYYY-MM-DD): evidence is dated against it',
    'zh-CN': '评价日期（YYYY-MM-DD）：证据日期以此为准',
  },
  'newPack.dateInvalid': {
    en: '"{value}" is not a date written YYYY-MM-DD, e.g. 2026-10-15',
    'zh-CN': '“{value}”不是 YYYY-MM-DD 格式的有效日期，例如 2026-10-15',
  },
  'cmd.revalidated': { en: 'Checked {count} evidence pack(s).', 'zh-CN': '已检查 {count} 个证据包。' },
  'cmd.reportSave': { en: 'Save report', 'zh-CN': '保存报告' },
  'cmd.reportTitle': { en: 'Export Report', 'zh-CN': '导出报告' },
  'cmd.reportPickFormat': {
    en: "Which format? (HTML to read and print, XLSX for the certification body's scoring sheet…)",
    'zh-CN': '选择格式（HTML 便于阅读和打印，XLSX 为认证机构评分表……）',
  },
  'cmd.reportUnavailable': { en: '{format} cannot be written here: {reason}', 'zh-CN': '此处无法生成 {format}：{reason}' },
  'cmd.reportSaved': { en: 'Report saved to {path}.', 'zh-CN': '报告已保存到 {path}。' },
  'cmd.reportOpen': { en: 'Open', 'zh-CN': '打开' },
  'cmd.reportFailed': { en: 'Could not write the report: {detail}', 'zh-CN': '无法写入报告：{detail}' },
  'cmd.noStandard': {
    en: 'The pack has no usable standard: see the Problems view.',
    'zh-CN': '该证据包没有可用的标准：请查看“问题”视图。',
  },
  // quick fixes
  'fix.addEntry': { en: 'Add an entry for clause {clause} to {file}', 'zh-CN': '在 {file} 中添加条款 {clause} 的条目' },
  'fix.justification': { en: 'Add a justification', 'zh-CN': '添加删减理由' },
  'fix.quote': { en: 'Quote the clause id: "{id}"', 'zh-CN': '给条款编号加引号："{id}"' },
  'fix.replaceClause': { en: 'Change to clause {id} {title}', 'zh-CN': '改为条款 {id} {title}' },
  'fix.replaceKind': { en: 'Change the kind to "{label}"', 'zh-CN': '改为类型“{label}”' },
  'fix.addEvidence': { en: 'Add a "{label}" evidence item', 'zh-CN': '添加“{label}”证据' },
  'stub.requires': { en: 'requires: {kinds}', 'zh-CN': '需要：{kinds}' },
  'stub.todo': { en: '- [ ] {label}: (title, link, date)', 'zh-CN': '- [ ] {label}：（名称、链接、日期）' },
  'fix.addAllEvidence': { en: 'Add evidence items for every missing kind ({kinds})', 'zh-CN': '为所有缺少的类型添加证据（{kinds}）' },
  // hover, code lens, symbols, completion
  'hover.points': { en: 'Points', 'zh-CN': '分值' },
  'hover.requires': { en: 'Required evidence', 'zh-CN': '所需证据' },
  'hover.state': { en: 'Current state', 'zh-CN': '当前状态' },
  'hover.earned': { en: 'Earned', 'zh-CN': '得分' },
  'hover.guidance': { en: 'Guidance', 'zh-CN': '指引' },
  'hover.excludable': { en: 'May be excluded', 'zh-CN': '可删减' },
  'hover.sampled': { en: 'Sampled', 'zh-CN': '抽样' },
  'hover.parent': { en: 'Has sub-clauses: {children}', 'zh-CN': '含子条款：{children}' },
  'hover.kindDated': { en: 'Dated kind: give a date within the assessment window.', 'zh-CN': '需注明日期：日期须在评价周期内。' },
  'hover.kindUsedBy': { en: 'Required by: {clauses}', 'zh-CN': '需要此类证据的条款：{clauses}' },
  'hover.prerequisite': {
    en: 'Prerequisite (资格条件): checked before an application is accepted; not scored',
    'zh-CN': '资格条件：受理申请前审查，不计分',
  },
  'hover.dossier': {
    en: 'Application dossier item (申请材料): handed in with the application; not scored',
    'zh-CN': '申请材料：随申请提交，不计分',
  },
  'hover.provided': { en: 'Provided in this pack (an entry with counting evidence)', 'zh-CN': '本证据包已提供（条目中有有效证据）' },
  'hover.notProvided': { en: 'Not provided in this pack yet', 'zh-CN': '本证据包尚未提供' },
  'lens.summary': { en: '{earned} / {points} · {count} evidence · {state}', 'zh-CN': '{earned} / {points} · {count} 项证据 · {state}' },
  'lens.excluded': { en: 'excluded · {count} evidence', 'zh-CN': '已删减 · {count} 项证据' },
  'completion.dated': { en: 'dated', 'zh-CN': '需注明日期' },
  'completion.status.conforming': { en: 'Conforming: scored on its evidence', 'zh-CN': '符合：按证据计分' },
  'completion.status.partial': {
    en: 'Partially conforming (sampled clauses: give samples)',
    'zh-CN': '部分符合（抽样条款需给出 samples）',
  },
  'completion.status.nonconforming': { en: 'Non-conforming: 0 points', 'zh-CN': '不符合：0 分' },
  'completion.status.excluded': {
    en: 'Excluded (删减): left out of the applicable total; needs a justification',
    'zh-CN': '删减：不计入适用总分；需要说明理由',
  },
} satisfies Record<string, { en: string; 'zh-CN': string }>;

export type StringId = keyof typeof S;
export const STRINGS: Readonly<Record<StringId, { en: string; 'zh-CN': string }>> = S;

/** Fills `{name}` placeholders (the engine's one implementation). */
export const format = fillTemplate;

export function t(lang: Lang, id: StringId, args?: Record<string, string | number>): string {
  return format(S[id][lang], args);
}

/** `auto` follows VS Code's display language (zh, zh-cn, zh-tw… → zh-CN); anything else is en. */
export function resolveLang(setting: unknown, displayLanguage: string): Lang {
  if (setting === 'zh-CN' || setting === 'en') return setting;
  return /^zh/i.test(displayLanguage) ? 'zh-CN' : 'en';
}

/** The l10n bundles VS Code reads: keyed by the English text (vscode.l10n.t's convention). */
export function l10nBundles(): { en: Record<string, string>; 'zh-cn': Record<string, string> } {
  const en: Record<string, string> = {};
  const zh: Record<string, string> = {};
  for (const id of Object.keys(S) as StringId[]) {
    en[S[id].en] = S[id].en;
    zh[S[id].en] = S[id]['zh-CN'];
  }
  return { en, 'zh-cn': zh };
}
