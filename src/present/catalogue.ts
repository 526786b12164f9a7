// The words of every view (CLI text, JSON messages, SARIF, JUnit, the HTML report, the score panel, hovers,
// the status bar): one catalogue keyed by id, each entry in zh-CN and en, read through `t`. The vocabulary
// (leaf states, severities) lives here once, so a state has one name wherever it is shown. Templates use
// {name} placeholders; test/unit/catalogues.test.ts checks every id has both languages with the same ones.
// How to add a language or a string: CONTRIBUTING.md.
import { fillTemplate } from '../core/messages';
import type { Lang } from '../core/types';

type Both = { en: string; 'zh-CN': string };

const C = {
  // leaf states (one wording each: the panel, the report, JUnit, the diff, hovers and code lenses)
  'state.met': { en: 'Met', 'zh-CN': '符合' },
  'state.partial': { en: 'Partial', 'zh-CN': '部分符合' },
  'state.incomplete': { en: 'Missing evidence', 'zh-CN': '缺少证据' },
  'state.missing': { en: 'No entry', 'zh-CN': '无条目' },
  'state.nonconforming': { en: 'Non-conforming', 'zh-CN': '不符合' },
  'state.excluded': { en: 'Excluded', 'zh-CN': '删减' },
  // severities: as a heading (report) and as a word in a sentence (SARIF rule descriptions)
  'severity.error': { en: 'Error', 'zh-CN': '错误' },
  'severity.warning': { en: 'Warning', 'zh-CN': '警告' },
  'severity.info': { en: 'Info', 'zh-CN': '提示' },
  'severityWord.error': { en: 'error', 'zh-CN': '错误' },
  'severityWord.warning': { en: 'warning', 'zh-CN': '警告' },
  'severityWord.info': { en: 'information', 'zh-CN': '提示' },
  // punctuation that differs by language
  'punct.list': { en: ', ', 'zh-CN': '、' },
  'punct.clauses': { en: '; ', 'zh-CN': '；' },
  'punct.sentences': { en: ', ', 'zh-CN': '，' },
  'punct.colon': { en: ': ', 'zh-CN': '：' },
  'punct.paren': { en: ' ({text})', 'zh-CN': '（{text}）' },
  // the CLI's own lines
  'cli.noPack': { en: 'no evidence-pack.yaml found in or above {dir}', 'zh-CN': '在 {dir} 及其子目录中没有找到 evidence-pack.yaml' },
  'cli.gate': { en: '{pack}: rating {band} is below the required {target}', 'zh-CN': '{pack}：评级 {band} 低于要求的 {target}' },
  'cli.symlinks': { en: 'will not write through symbolic links: {files}', 'zh-CN': '不会写入符号链接：{files}' },
  'cli.exists': { en: 'will not overwrite existing files: {files} (use --force to overwrite)', 'zh-CN': '不会覆盖已有文件：{files}（如需覆盖请加 --force）' },
  'cli.created': { en: 'Created an evidence pack ({count} files). Next: evidence-pack check {dir}', 'zh-CN': '已创建证据包（{count} 个文件）。下一步：evidence-pack check {dir}' },
  // SARIF
  'sarif.fullDescription': { en: '{description} (code {code}, default level: {severity}.)', 'zh-CN': '{description}（代码 {code}，默认级别：{severity}。）' },
  // the HTML report
  'report.reportTitle': { en: 'Evidence Pack assessment report', 'zh-CN': '证据包评价报告' },
  'report.organisation': { en: 'Organisation', 'zh-CN': '组织' },
  'report.orgProduction': { en: 'Production enterprise', 'zh-CN': '生产型企业' },
  'report.orgSalesService': { en: 'Sales and service enterprise', 'zh-CN': '销售服务型企业' },
  'report.unnamedOrganisation': { en: '(organisation not named in the manifest)', 'zh-CN': '（清单中未写明组织名称）' },
  'report.pack': { en: 'Pack', 'zh-CN': '证据包' },
  'report.standard': { en: 'Standard', 'zh-CN': '标准' },
  'report.assessmentDate': { en: 'Assessment date', 'zh-CN': '评价日期' },
  'report.window': { en: 'Evidence window', 'zh-CN': '证据有效期' },
  'report.windowText': { en: '{months} months before the assessment date', 'zh-CN': '评价日期前 {months} 个月内' },
  'report.target': { en: 'Target', 'zh-CN': '目标等级' },
  'report.score': { en: 'Score', 'zh-CN': '得分' },
  'report.rating': { en: 'Rating', 'zh-CN': '等级' },
  'report.starsAria': { en: '{stars} stars', 'zh-CN': '{stars} 星' },
  'report.provisional': {
    en: 'Provisional weights: the per-clause points of this standard are not public, so these points are an estimate. '
      + 'Add the certification body\'s scoring sheet (scoring: in evidence-pack.yaml) for a score that can be relied on.',
    'zh-CN': '暂定分值：该标准各条款的分值未公开，此处分值为估计值。'
      + '请在 evidence-pack.yaml 中以 scoring: 引用认证机构的评分表，得出可以采信的得分。',
  },
  'report.provisionalSheet': {
    en: 'Provisional weights: the scoring sheet is not marked official (weights: official), or it leaves some clauses at the standard\'s estimated points.',
    'zh-CN': '暂定分值：评分表未标明为正式分值（weights: official），或仍有条款沿用标准的估计分值。',
  },
  'report.scoringSheet': { en: 'Points from the scoring sheet: {source}', 'zh-CN': '分值来自评分表：{source}' },
  'report.generated': { en: 'Generated on {date} by evidence-pack', 'zh-CN': '由 evidence-pack 生成于 {date}' },
  'report.formulaTitle': { en: 'How the score is computed', 'zh-CN': '得分计算方法' },
  'report.formulaBase': { en: 'Base = earned {earned} ÷ applicable {applicable} × {scale} = {base}', 'zh-CN': '基础分 = 得分 {earned} ÷ 适用总分 {applicable} × {scale} = {base}' },
  'report.formulaFinal': {
    en: 'Score = {base} − {deductions} special deduction(s) × {dpoints} + {bonus} bonus × {bpoints} = {score}',
    'zh-CN': '得分 = {base} − 特别扣分 {deductions} 项 × {dpoints} + 特别加分 {bonus} 项 × {bpoints} = {score}',
  },
  'report.overview': { en: 'Score by section', 'zh-CN': '各部分得分' },
  'report.clausesTitle': { en: 'Clauses and evidence', 'zh-CN': '条款与证据' },
  'report.colClause': { en: 'Clause', 'zh-CN': '条款' },
  'report.colPoints': { en: 'Points', 'zh-CN': '分值' },
  'report.colEarned': { en: 'Earned', 'zh-CN': '得分' },
  'report.colState': { en: 'State', 'zh-CN': '状态' },
  'report.colEvidence': { en: 'Evidence', 'zh-CN': '证据' },
  'report.colGain': { en: 'Gain', 'zh-CN': '可增加' },
  'report.colMissing': { en: 'What is missing', 'zh-CN': '所缺内容' },
  'report.colSeverity': { en: 'Severity', 'zh-CN': '级别' },
  'report.colLocation': { en: 'Location', 'zh-CN': '位置' },
  'report.colCode': { en: 'Code', 'zh-CN': '代码' },
  'report.colMessage': { en: 'Message', 'zh-CN': '信息' },
  'report.noEvidence': { en: 'No evidence listed', 'zh-CN': '未列出证据' },
  'report.doesNotCount': { en: 'does not count', 'zh-CN': '不计入' },
  'report.undated': { en: 'undated', 'zh-CN': '无日期' },
  'report.source': { en: 'listed in {file}', 'zh-CN': '见 {file}' },
  'report.samples': { en: 'samples: {nonconforming} of {size} non-conforming', 'zh-CN': '抽样：{size} 个中 {nonconforming} 个不合格' },
  'report.notes': { en: 'Notes', 'zh-CN': '备注' },
  'report.specialTitle': { en: 'Special deductions and bonus', 'zh-CN': '特别扣分项与特别加分项' },
  'report.deductions': { en: 'Special deductions ({count} × −{points})', 'zh-CN': '特别扣分项（{count} 项 × −{points} 分）' },
  'report.noDeductions': { en: 'No special deductions.', 'zh-CN': '无特别扣分项。' },
  'report.failAt': { en: '{failAt} or more special deductions fail the assessment.', 'zh-CN': '特别扣分项达到 {failAt} 项即评为不合格。' },
  'report.rectified': { en: 'Rectified', 'zh-CN': '已整改' },
  'report.notRectified': { en: 'Not rectified', 'zh-CN': '未整改' },
  'report.bonus': { en: 'Special bonus (+{points}, at most {max})', 'zh-CN': '特别加分项（+{points} 分，最多 {max} 项）' },
  'report.noBonus': { en: 'No special bonus.', 'zh-CN': '无特别加分项。' },
  'report.bonusBasis': { en: 'Basis: {basis}', 'zh-CN': '加分依据：{basis}' },
  'report.schemeTitle': { en: 'Eligibility and application dossier', 'zh-CN': '申请资格与申请材料' },
  'report.schemeNote': { en: 'These do not change the score; the certification body checks them before it accepts the application.', 'zh-CN': '以下各项不影响得分；认证机构在受理申请前核查。' },
  'report.prerequisites': { en: 'Prerequisites: {provided} of {total} shown', 'zh-CN': '资格条件：已提供 {provided}/{total} 项' },
  'report.dossier': { en: 'Application dossier: {provided} of {total} items', 'zh-CN': '申请材料：已备齐 {provided}/{total} 项' },
  'report.assessmentKind': { en: 'Assessment', 'zh-CN': '评价类型' },
  'report.initialCap': { en: 'Initial certification: the rating is capped at {band}; the score alone earns {uncapped}.', 'zh-CN': '初次认证：等级以{band}为上限；仅按得分可达{uncapped}。' },
  'report.gapsTitle': { en: 'Gaps to the next rating', 'zh-CN': '距下一等级的差距' },
  'report.gapsNeeded': { en: '{needed} more points reach {band} (from {score} to {min}). Largest gains first:', 'zh-CN': '再得 {needed} 分可达到{band}（从 {score} 到 {min}）。按可增加分值从大到小：' },
  'report.topBand': { en: 'The highest rating is reached.', 'zh-CN': '已达到最高等级。' },
  'report.noGaps': { en: 'Every applicable clause earns its full points.', 'zh-CN': '所有适用条款均已得满分。' },
  'report.diagnosticsTitle': { en: 'Diagnostics', 'zh-CN': '诊断信息' },
  'report.diagnosticsCount': { en: 'Errors: {error} · Warnings: {warning} · Notes: {info}', 'zh-CN': '错误 {error} 个 · 警告 {warning} 个 · 提示 {info} 个' },
  'report.noDiagnostics': { en: 'No diagnostics.', 'zh-CN': '没有诊断信息。' },
  'report.notScored': { en: 'Not scored', 'zh-CN': '无法评分' },
  'report.notScoredText': { en: 'This pack cannot be scored; the diagnostics below say why.', 'zh-CN': '此证据包无法评分，原因见下方诊断信息。' },
  'report.summaryTitle': { en: 'Packs in this report', 'zh-CN': '本报告包含的证据包' },
  'report.missingKinds': { en: 'missing {kinds}', 'zh-CN': '缺少{kinds}' },
  'report.pointsLost': { en: '{lost} of {points} points lost', 'zh-CN': '失 {lost}/{points} 分' },
  'report.sectionOf': { en: '{earned} of {applicable} points', 'zh-CN': '{earned}/{applicable} 分' },
  // CLI text
  'text.provisional': { en: 'provisional weights', 'zh-CN': '暂定权重' },
  'text.sheetNamed': { en: 'scoring sheet: {sheet}', 'zh-CN': '评分表：{sheet}' },
  'text.notScored': { en: 'not scored (see the errors above)', 'zh-CN': '无法评分（见上方错误）' },
  'text.counts': { en: '{error}, {warning}, {info}', 'zh-CN': '{error}，{warning}，{info}' },
  'text.error.one': { en: '{n} error', 'zh-CN': '{n} 个错误' },
  'text.error.other': { en: '{n} errors', 'zh-CN': '{n} 个错误' },
  'text.warning.one': { en: '{n} warning', 'zh-CN': '{n} 个警告' },
  'text.warning.other': { en: '{n} warnings', 'zh-CN': '{n} 个警告' },
  'text.info.one': { en: '{n} info', 'zh-CN': '{n} 条提示' },
  'text.info.other': { en: '{n} info', 'zh-CN': '{n} 条提示' },
  'text.next': { en: 'Next: {label} at {min}, {needed} points to go', 'zh-CN': '下一级：{label}（≥ {min}），还差 {needed} 分' },
  'text.top': { en: 'Top band reached', 'zh-CN': '已达最高等级' },
  'text.gain': { en: '{gain} {clause} {title}{missing}', 'zh-CN': '{gain} {clause} {title}{missing}' },
  'text.missing': { en: ' — missing: {kinds}', 'zh-CN': ' — 缺少：{kinds}' },
  'text.sections': { en: 'Sections', 'zh-CN': '分项得分' },
  'text.score': { en: 'Score', 'zh-CN': '得分' },
  'text.packs': { en: '{n} pack(s) checked', 'zh-CN': '已检查 {n} 个证据包' },
  // score --diff
  'diff.notGit': { en: '{dir} is not inside a git work tree; --diff needs git history', 'zh-CN': '{dir} 不在 git 工作区内；--diff 需要 git 历史' },
  'diff.badRev': { en: 'Unknown git revision "{rev}"', 'zh-CN': '未知的 git 版本“{rev}”' },
  'diff.gitFailed': { en: 'git {args} failed: {detail}', 'zh-CN': 'git {args} 执行失败：{detail}' },
  'diff.noChange': { en: 'no clause changed', 'zh-CN': '没有条款变化' },
  'diff.newPack': { en: 'new pack', 'zh-CN': '新增证据包' },
  'diff.removedPack': { en: 'pack removed', 'zh-CN': '证据包已删除' },
  'diff.notScored': { en: 'not scored', 'zh-CN': '无法评分' },
} satisfies Record<string, Both>;

export type PresentString = keyof typeof C;
export const CATALOGUE: Readonly<Record<PresentString, Both>> = C;

/** A string of the views in `lang`, `{name}` placeholders filled. */
export function t(lang: Lang, id: PresentString, args: Record<string, string | number> = {}): string {
  return fillTemplate(C[id][lang], args);
}
