// The report a consultant hands to the client (`evidence-pack report`, and the extension's "Export Report"):
// one self-contained HTML file — inline CSS, inline SVG, no script, nothing fetched — that reads on screen and
// prints to A4. It only renders the engine's Score and diagnostics; it never recomputes a score.
import { ASSESSMENT_KIND_LABEL, deductionsByGround, GROUND_LABEL, pick } from '../../core/messages';
import { relativePath } from '../../core/paths';
import type { Clause, ClauseEntry, ClauseScore, Diagnostic, Lang, PackResult, Score, Standard } from '../../core/types';
import { t } from '../catalogue';
import { formatGain, formatPoints, formatScore, starsText } from '../numbers';
import { compareDiagnostics } from '../order';
import {
  bandLabelOf,
  colon,
  isFail,
  joinList,
  kindLabels,
  maxStars,
  packLabel,
  scoreFormula,
  scoreText,
  severityLabel,
  stateLabel,
} from '../vocabulary';
import type { Formatter } from './registry';

// ---------------------------------------------------------------- HTML

/** Text for HTML element content and (double- or single-quoted) attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
const e = escapeHtml;

/** `2026-11-28T01:02:03.456Z` → `2026-11-28 01:02 UTC`; anything else as given. */
function displayTime(value: string | undefined): string | undefined {
  const m = value && /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::[\d.]+)?Z$/.exec(value);
  return m ? `${m[1]} ${m[2]} UTC` : value;
}

function todayIso(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

export function renderReport(results: PackResult[], opts: { baseDir: string; lang: Lang; generatedAt?: string }): string {
  const { lang } = opts;
  const generatedAt = displayTime(opts.generatedAt) ?? todayIso();
  const organisations = [...new Set(results.map((r) => r.manifest?.organization?.name).filter((n): n is string => !!n))];
  const title = `${t(lang, 'report.reportTitle')}${organisations.length ? ' — ' + organisations.join(', ') : ''}`;

  const body: string[] = [];
  if (results.length > 1) body.push(renderSummary(results, opts));
  for (const result of results) body.push(renderPack(result, { ...opts, generatedAt }));
  if (!results.length)
    body.push(
      `<section class="part cover"><h1>${e(t(lang, 'report.reportTitle'))}</h1><p>${e(t(lang, 'report.noDiagnostics'))}</p></section>`,
    );

  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="evidence-pack">
<title>${e(title)}</title>
<style>${CSS}</style>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
}

const CSS = `
@page { size: A4; margin: 15mm }
:root { --ink: #1d2330; --muted: #5b6474; --line: #d5dae3; --met: #2e7d32; --partial: #b26a00; --bad: #c62828; --excluded: #6b7280; --accent: #1f4e9c; }
* { box-sizing: border-box }
html { background: #eef1f5 }
body { margin: 0 auto; max-width: 210mm; padding: 0; color: var(--ink); background: #fff;
  font: 10.5pt/1.5 "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
.part { padding: 15mm; border-bottom: 1px dashed var(--line) }
h1 { font-size: 20pt; margin: 0 0 4mm }
h2 { font-size: 14pt; margin: 0 0 4mm; color: var(--accent); border-bottom: 2px solid var(--accent); padding-bottom: 1mm }
h3 { font-size: 12pt; margin: 6mm 0 2mm }
.muted { color: var(--muted) }
.cover .org { font-size: 16pt; font-weight: 600; margin: 0 0 2mm }
.cover dl { display: grid; grid-template-columns: max-content 1fr; gap: 1mm 6mm; margin: 6mm 0 }
.cover dt { color: var(--muted) }
.cover dd { margin: 0 }
.result { display: flex; align-items: center; gap: 8mm; border: 1px solid var(--line); border-radius: 3mm; padding: 5mm 8mm; margin: 6mm 0; break-inside: avoid }
.result .score { font-size: 36pt; font-weight: 700; line-height: 1 }
.result .stars { font-size: 20pt; color: #e0a100; letter-spacing: 1mm }
.result .band { font-size: 18pt; font-weight: 600 }
.result.fail .score, .result.fail .band { color: var(--bad) }
.notice { border-left: 4px solid var(--partial); background: #fff6e5; padding: 3mm 4mm; margin: 4mm 0; break-inside: avoid }
.formula { background: #f5f7fa; padding: 3mm 4mm; font-size: 9.5pt; break-inside: avoid }
.formula p { margin: 1mm 0 }
svg { display: block; max-width: 100%; height: auto; margin: 2mm 0 4mm }
svg text { font-family: inherit; font-size: 12px; fill: var(--ink) }
svg .track { fill: #edf0f4 }
svg .value { fill: var(--muted) }
table { width: 100%; border-collapse: collapse; font-size: 9pt; margin: 2mm 0 4mm }
thead { display: table-header-group }
th { text-align: left; background: #f0f3f7; border-bottom: 1px solid var(--line); padding: 1.5mm 2mm; font-weight: 600 }
td { border-bottom: 1px solid var(--line); padding: 1.5mm 2mm; vertical-align: top }
td.num, th.num { text-align: right; white-space: nowrap }
table.clauses td:first-child { width: 24% }
tr, .clause, .section-block h3, li { break-inside: avoid }
.state { display: inline-block; padding: 0 2mm; border-radius: 2mm; font-size: 8.5pt; white-space: nowrap; color: #fff }
.state-met { background: var(--met) }
.state-partial { background: var(--partial) }
.state-incomplete, .state-missing, .state-nonconforming { background: var(--bad) }
.state-excluded { background: var(--excluded) }
.evidence { margin: 0; padding-left: 4mm }
.evidence li { margin: 0 }
.evidence .no { color: var(--bad) }
.why { color: var(--muted); font-size: 8.5pt }
.sev-error { color: var(--bad); font-weight: 600 }
.sev-warning { color: var(--partial); font-weight: 600 }
.sev-info { color: var(--muted) }
.code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 8.5pt; white-space: nowrap }
.loc { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 8.5pt; word-break: break-all }
@media print {
  html { background: none }
  body { max-width: none; font-size: 10pt }
  .part { padding: 0; border: 0 }
  .part + .part, .part + .pack, .pack + .pack { break-before: page }
  .section-block + .section-block { break-before: page }
  a { color: inherit; text-decoration: none }
}
`;

function renderSummary(results: PackResult[], opts: { baseDir: string; lang: Lang }): string {
  const { lang } = opts;
  const rows = results
    .map((r) => {
      const s = r.score;
      return (
        `<tr><td class="loc">${e(packLabel(opts.baseDir, r.root))}</td><td>${e(r.manifest?.organization?.name ?? '')}</td>` +
        `<td class="num">${s ? e(scoreText(s.score, r.standard)) : '—'}</td>` +
        `<td>${s ? `${s.rating.stars ? `<span class="stars">${e(starsText(s.rating.stars))}</span> ` : ''}${e(s.rating.label)}` : e(t(lang, 'report.notScored'))}</td></tr>`
      );
    })
    .join('\n');
  return `<section class="part summary"><h1>${e(t(lang, 'report.reportTitle'))}</h1><h2>${e(t(lang, 'report.summaryTitle'))}</h2>
<table><thead><tr><th>${e(t(lang, 'report.pack'))}</th><th>${e(t(lang, 'report.organisation'))}</th><th class="num">${e(t(lang, 'report.score'))}</th><th>${e(t(lang, 'report.rating'))}</th></tr></thead>
<tbody>${rows}</tbody></table></section>`;
}

interface Ctx {
  baseDir: string;
  lang: Lang;
  generatedAt: string;
}

function renderPack(result: PackResult, ctx: Ctx): string {
  const parts = [renderCover(result, ctx)];
  const { score, standard } = result;
  if (score && standard) {
    parts.push(renderClauses(result, score, standard, ctx));
    parts.push(renderSpecialAndGaps(result, score, standard, ctx));
  }
  parts.push(renderDiagnostics(result.diagnostics, ctx));
  return `<article class="pack" data-pack="${e(relativePath(ctx.baseDir, result.root))}">\n${parts.join('\n')}\n</article>`;
}

function renderCover(result: PackResult, ctx: Ctx): string {
  const { lang } = ctx;
  const { manifest, standard, score } = result;
  const org = manifest?.organization;
  const orgType =
    org?.type === 'production' ? t(lang, 'report.orgProduction') : org?.type === 'sales-service' ? t(lang, 'report.orgSalesService') : '';
  const facts: [string, string][] = [];
  facts.push([t(lang, 'report.pack'), packLabel(ctx.baseDir, result.root)]);
  if (standard) facts.push([t(lang, 'report.standard'), `${pick(standard.title, lang)} (${standard.id})`]);
  else if (manifest) facts.push([t(lang, 'report.standard'), manifest.standardRef]);
  if (manifest) {
    facts.push([t(lang, 'report.assessmentDate'), manifest.assessmentDate]);
    facts.push([t(lang, 'report.window'), t(lang, 'report.windowText', { months: manifest.windowMonths })]);
    if (manifest.assessmentKind) facts.push([t(lang, 'report.assessmentKind'), pick(ASSESSMENT_KIND_LABEL[manifest.assessmentKind], lang)]);
    if (manifest.target) {
      facts.push([t(lang, 'report.target'), result.target ? bandLabelOf(standard, result.target.id, lang) : manifest.target]);
    }
  }
  const dl = facts.map(([k, v]) => `<dt>${e(k)}</dt><dd>${e(v)}</dd>`).join('');

  let resultBlock: string;
  if (score) {
    const failed = isFail(result, score);
    resultBlock = `<div class="result${failed ? ' fail' : ''}">
<div><div class="muted">${e(t(lang, 'report.score'))}</div><div class="score" data-testid="score">${e(scoreText(score.score, standard))}</div></div>
<div><div class="muted">${e(t(lang, 'report.rating'))}</div>
<div class="stars" data-testid="stars" aria-label="${e(t(lang, 'report.starsAria', { stars: score.rating.stars }))}">${failed ? '✗' : e(starsText(score.rating.stars, maxStars(standard)))}</div>
<div class="band" data-testid="band">${e(score.rating.label)}</div></div>
</div>`;
  } else {
    resultBlock = `<div class="result fail"><div class="band" data-testid="band">${e(t(lang, 'report.notScored'))}</div><p>${e(t(lang, 'report.notScoredText'))}</p></div>`;
  }

  const notices: string[] = [];
  // The sheet is named whenever one is used; the provisional notice stays while any leaf's points are provisional.
  if (score?.standard.scoringSource) {
    notices.push(`<p class="muted" data-testid="sheet">${e(t(lang, 'report.scoringSheet', { source: score.standard.scoringSource }))}</p>`);
  }
  if (score?.uncappedRating) {
    notices.push(
      `<div class="notice" data-testid="initial-cap">${e(t(lang, 'report.initialCap', { band: bandLabelOf(standard, score.rating.id, lang, score.rating.label), uncapped: bandLabelOf(standard, score.uncappedRating.id, lang, score.uncappedRating.label) }))}</div>`,
    );
  }
  if ((score?.standard.weights ?? standard?.weights) === 'provisional') {
    notices.push(
      `<div class="notice" data-testid="provisional">${e(t(lang, score?.standard.sheet ? 'report.provisionalSheet' : 'report.provisional'))}</div>`,
    );
  }

  const overview =
    score && standard
      ? `<h3>${e(t(lang, 'report.overview'))}</h3>\n${renderBars(
          score.sections.map((s) => {
            const clause = standard.byId.get(s.id);
            return { label: `${s.id} ${clause ? pick(clause.title, lang) : ''}`.trim(), earned: s.earned, applicable: s.applicable };
          }),
          lang,
        )}`
      : '';

  return `<section class="part cover">
<h1>${e(t(lang, 'report.reportTitle'))}</h1>
<p class="org">${e(org?.name ?? t(lang, 'report.unnamedOrganisation'))}</p>
${orgType ? `<p class="muted">${e(orgType)}</p>` : ''}
<dl>${dl}</dl>
${resultBlock}
${notices.join('\n')}
${score && standard ? renderFormula(score, standard, lang) : ''}
${overview}
<p class="muted">${e(t(lang, 'report.generated', { date: ctx.generatedAt }))}</p>
</section>`;
}

function renderFormula(score: Score, standard: Standard, lang: Lang): string {
  const [base, final] = scoreFormula(score, standard, lang);
  return `<div class="formula" data-testid="why"><strong>${e(t(lang, 'report.formulaTitle'))}</strong>
<p>${e(base)}</p>
<p>${e(final)}</p></div>`;
}

/** Cuts `text` to about `units` Latin letters of width (a CJK character counts two), with an ellipsis:
 *  SVG text does not wrap, and the full label stays in the bar's tooltip. */
function truncateToWidth(text: string, units: number): string {
  let width = 0;
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    width += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/.test(chars[i]) ? 2 : 1;
    if (width > units) return chars.slice(0, i).join('').trimEnd() + '…';
  }
  return text;
}

/** A horizontal bar chart, one bar per row, the bar filled to earned / applicable. */
function renderBars(rows: { label: string; earned: number; applicable: number }[], lang: Lang): string {
  const width = 680,
    labelWidth = 270,
    valueWidth = 110,
    rowHeight = 26,
    barHeight = 14;
  const barWidth = width - labelWidth - valueWidth;
  const height = rows.length * rowHeight + 8;
  const bars = rows
    .map((row, i) => {
      const y = 4 + i * rowHeight;
      const ratio = row.applicable > 0 ? Math.min(1, Math.max(0, row.earned / row.applicable)) : 0;
      const colour =
        row.applicable === 0 ? 'var(--excluded)' : ratio >= 0.9 ? 'var(--met)' : ratio >= 0.7 ? 'var(--partial)' : 'var(--bad)';
      const shown = truncateToWidth(row.label, 36);
      const value = t(lang, 'report.sectionOf', { earned: formatPoints(row.earned), applicable: formatPoints(row.applicable) });
      return (
        `<g><title>${e(row.label)}: ${e(value)}</title>` +
        `<text x="0" y="${y + barHeight - 2}">${e(shown)}</text>` +
        `<rect class="track" x="${labelWidth}" y="${y}" width="${barWidth}" height="${barHeight}" rx="2"/>` +
        `<rect x="${labelWidth}" y="${y}" width="${(barWidth * ratio).toFixed(1)}" height="${barHeight}" rx="2" fill="${colour}"/>` +
        `<text class="value" x="${labelWidth + barWidth + 8}" y="${y + barHeight - 2}">${e(value)}</text></g>`
      );
    })
    .join('');
  const summary = rows
    .map(
      (row) =>
        `${row.label} ${t(lang, 'report.sectionOf', { earned: formatPoints(row.earned), applicable: formatPoints(row.applicable) })}`,
    )
    .join('; ');
  return `<svg role="img" aria-label="${e(summary)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">${bars}</svg>`;
}

/** Earned / applicable points of a clause's subtree, summed from the engine's leaf scores. */
function subtreeTotals(clause: Clause, byLeaf: Map<string, ClauseScore>): { earned: number; applicable: number } {
  if (!clause.children.length) {
    const leaf = byLeaf.get(clause.id);
    if (!leaf || leaf.state === 'excluded') return { earned: 0, applicable: 0 };
    return { earned: leaf.earned, applicable: leaf.points };
  }
  let earned = 0,
    applicable = 0;
  for (const child of clause.children) {
    const sub = subtreeTotals(child, byLeaf);
    earned += sub.earned;
    applicable += sub.applicable;
  }
  return { earned, applicable };
}

function leavesOf(clause: Clause): Clause[] {
  return clause.children.length ? clause.children.flatMap(leavesOf) : [clause];
}

function renderClauses(result: PackResult, score: Score, standard: Standard, ctx: Ctx): string {
  const { lang } = ctx;
  const byLeaf = new Map(score.clauses.map((c) => [c.id, c]));
  const entriesOf = new Map<string, ClauseEntry[]>();
  for (const entry of result.entries) {
    const list = entriesOf.get(entry.clause) ?? [];
    list.push(entry);
    entriesOf.set(entry.clause, list);
  }
  const blocks = standard.clauses.map((section) => {
    const totals = score.sections.find((s) => s.id === section.id) ?? subtreeTotals(section, byLeaf);
    const chartRows = (section.children.length ? section.children : [section]).map((c) => ({
      label: `${c.id} ${pick(c.title, lang)}`,
      ...subtreeTotals(c, byLeaf),
    }));
    const rows = leavesOf(section)
      .map((leaf) => {
        const s = byLeaf.get(leaf.id);
        return s ? renderClauseRow(leaf, s, entriesOf.get(leaf.id) ?? [], standard, ctx) : '';
      })
      .join('\n');
    return `<div class="section-block" data-section="${e(section.id)}">
<h3>${e(section.id)} ${e(pick(section.title, lang))} <span class="muted">— ${e(t(lang, 'report.sectionOf', { earned: formatPoints(totals.earned), applicable: formatPoints(totals.applicable) }))}</span></h3>
${renderBars(chartRows, lang)}
<table class="clauses"><thead><tr><th>${e(t(lang, 'report.colClause'))}</th><th class="num">${e(t(lang, 'report.colPoints'))}</th><th class="num">${e(t(lang, 'report.colEarned'))}</th><th>${e(t(lang, 'report.colState'))}</th><th>${e(t(lang, 'report.colEvidence'))}</th></tr></thead>
<tbody>
${rows}
</tbody></table>
</div>`;
  });
  return `<section class="part clauses-part"><h2>${e(t(lang, 'report.clausesTitle'))}</h2>\n${blocks.join('\n')}\n</section>`;
}

function displayFile(file: string, ctx: Ctx): string {
  return /^(\/|[A-Za-z]:[\\/])/.test(file) ? relativePath(ctx.baseDir, file) : file;
}

function renderClauseRow(leaf: Clause, s: ClauseScore, entries: ClauseEntry[], standard: Standard, ctx: Ctx): string {
  const { lang } = ctx;
  const items: string[] = [];
  for (const entry of entries) {
    for (const item of entry.evidence) {
      const kind = item.kindId ? kindLabels(standard, [item.kindId], lang)[0] : item.kind;
      const target = item.file ? displayFile(item.file, ctx) : (item.url ?? '');
      const bits = [`<strong>${e(kind)}</strong>${colon(lang)}${e(item.title ?? target)}`];
      if (item.title && target) bits.push(`<span class="loc">${e(target)}</span>`);
      if (item.date) bits.push(e(item.date));
      else if (item.kindId && standard.kinds.find((k) => k.id === item.kindId)?.dated)
        bits.push(`<span class="muted">${e(t(lang, 'report.undated'))}</span>`);
      if (!item.counts) bits.push(`<span class="no">✗ ${e(t(lang, 'report.doesNotCount'))}</span>`);
      items.push(`<li>${bits.join(' · ')}</li>`);
    }
  }
  const extra: string[] = [];
  for (const entry of entries) {
    if (entry.samples) extra.push(t(lang, 'report.samples', { size: entry.samples.size, nonconforming: entry.samples.nonconforming }));
    if (entry.notes) extra.push(`${t(lang, 'report.notes')}${colon(lang)}${entry.notes}`);
  }
  const sources = [...new Set(entries.map((en) => `${relativePath(ctx.baseDir, en.file)}:${en.idRange.start.line + 1}`))];
  const evidence = items.length
    ? `<ul class="evidence">${items.join('')}</ul>`
    : `<span class="muted">${e(t(lang, 'report.noEvidence'))}</span>`;
  return `<tr class="clause" data-clause="${e(leaf.id)}" data-state="${e(s.state)}">
<td><strong>${e(leaf.id)}</strong> ${e(pick(leaf.title, lang))}</td>
<td class="num">${e(formatPoints(s.points))}</td>
<td class="num">${s.state === 'excluded' ? '—' : e(formatPoints(s.earned))}</td>
<td><span class="state state-${e(s.state)}">${e(stateLabel(s.state, lang))}</span></td>
<td>${evidence}<div class="why">${e(s.reason)}</div>${extra.map((x) => `<div class="why">${e(x)}</div>`).join('')}${sources.length ? `<div class="why loc">${e(t(lang, 'report.source', { file: sources.join(', ') }))}</div>` : ''}</td>
</tr>`;
}

function renderSpecialAndGaps(result: PackResult, score: Score, standard: Standard, ctx: Ctx): string {
  const { lang } = ctx;
  const r = standard.rating;
  const deductions = result.manifest?.specialDeductions ?? [];
  const bonuses = result.manifest?.specialBonuses ?? [];
  // Grouped by ground (law, own rules, industry, system operation), as a body's report lists them.
  const deductionList = deductions.length
    ? deductionsByGround(deductions)
        .map(
          (g) =>
            (deductions.some((d) => d.ground) ? `<h4 data-ground="${e(g.ground)}">${e(pick(GROUND_LABEL[g.ground], lang))}</h4>` : '') +
            `<ul>${g.items
              .map(
                (d) =>
                  `<li class="clause"><strong>${e(d.id)}</strong>${d.clause ? ` (${e(d.clause)})` : ''}${colon(lang)}${e(d.reason)} — ` +
                  `<span class="${d.rectified ? 'sev-info' : 'sev-warning'}">${e(t(lang, d.rectified ? 'report.rectified' : 'report.notRectified'))}</span>` +
                  `${d.rectification ? ` <span class="loc">${e(d.rectification)}</span>` : ''}</li>`,
              )
              .join('')}</ul>`,
        )
        .join('\n')
    : `<p>${e(t(lang, 'report.noDeductions'))}</p>`;
  const bonusList = bonuses.length
    ? `<ul>${bonuses.map((b) => `<li class="clause">${e(b.reason)}${b.basis ? `<div class="why">${e(t(lang, 'report.bonusBasis', { basis: b.basis }))}</div>` : ''}${b.evidence ? ` <span class="loc">${e(b.evidence)}</span>` : ''}</li>`).join('')}</ul>`
    : `<p>${e(t(lang, 'report.noBonus'))}</p>`;

  let gaps: string;
  if (!score.next) {
    gaps = `<p>${e(t(lang, 'report.topBand'))}</p>`;
  } else {
    const next = score.next;
    const rows = next.suggestions
      .map((s) => {
        const clause = standard.byId.get(s.clause);
        const missing = s.missingKinds.length
          ? t(lang, 'report.missingKinds', { kinds: joinList(kindLabels(standard, s.missingKinds, lang), lang) })
          : '';
        return (
          `<tr data-clause="${e(s.clause)}"><td><strong>${e(s.clause)}</strong> ${e(clause ? pick(clause.title, lang) : '')}</td>` +
          `<td><span class="state state-${e(s.state)}">${e(stateLabel(s.state, lang))}</span></td>` +
          `<td>${e(missing)}</td><td class="num">${e(formatGain(s.gain))}</td></tr>`
        );
      })
      .join('\n');
    gaps =
      `<p data-testid="next">${e(
        t(lang, 'report.gapsNeeded', {
          needed: formatScore(next.needed, r.rounding),
          band: bandLabelOf(standard, next.id, lang, next.label),
          score: scoreText(score.score, standard),
          min: next.min,
        }),
      )}</p>` +
      (next.suggestions.length
        ? `<table class="gaps"><thead><tr><th>${e(t(lang, 'report.colClause'))}</th><th>${e(t(lang, 'report.colState'))}</th><th>${e(t(lang, 'report.colMissing'))}</th><th class="num">${e(t(lang, 'report.colGain'))}</th></tr></thead><tbody>\n${rows}\n</tbody></table>`
        : `<p>${e(t(lang, 'report.noGaps'))}</p>`);
  }

  return `<section class="part special-part">
<h2>${e(t(lang, 'report.specialTitle'))}</h2>
<h3>${e(t(lang, 'report.deductions', { count: score.specialDeductions, points: r.specialDeduction.points }))}</h3>
${deductionList}
<p class="muted">${e(t(lang, 'report.failAt', { failAt: r.specialDeduction.failAt }))}</p>
<h3>${e(t(lang, 'report.bonus', { points: r.specialBonus.points, max: r.specialBonus.max }))}</h3>
${bonusList}
</section>
<section class="part gaps-part">
<h2>${e(t(lang, 'report.gapsTitle'))}</h2>
${gaps}
</section>
${renderScheme(score, standard, ctx)}`;
}

/** Eligibility (资格条件) and the application dossier (申请材料), apart from the score they never change. */
function renderScheme(score: Score, standard: Standard, ctx: Ctx): string {
  const { lang } = ctx;
  if (standard.prerequisites.length === 0 && standard.dossier.length === 0) return '';
  const list = (items: Standard['dossier'], missing: string[]) =>
    `<ul>${items
      .map((i) => {
        const ok = !missing.includes(i.id);
        return (
          `<li class="clause" data-item="${e(i.id)}" data-provided="${ok}"><span class="${ok ? 'sev-info' : 'sev-warning'}">${ok ? '✓' : '✗'}</span> ${e(pick(i.title, lang))} <span class="muted">(${e(i.id)})</span>` +
          `${i.guidance ? `<div class="why">${e(pick(i.guidance, lang))}</div>` : ''}</li>`
        );
      })
      .join('')}</ul>`;
  return `<section class="part scheme-part" data-testid="scheme">
<h2>${e(t(lang, 'report.schemeTitle'))}</h2>
<p class="muted">${e(t(lang, 'report.schemeNote'))}</p>
<h3 data-testid="prerequisites">${e(t(lang, 'report.prerequisites', { provided: score.prerequisites.provided, total: score.prerequisites.total }))}</h3>
${list(standard.prerequisites, score.prerequisites.missing)}
<h3 data-testid="dossier">${e(t(lang, 'report.dossier', { provided: score.dossier.provided, total: score.dossier.total }))}</h3>
${list(standard.dossier, score.dossier.missing)}
</section>`;
}

function renderDiagnostics(diagnostics: Diagnostic[], ctx: Ctx): string {
  const { lang } = ctx;
  const sorted = [...diagnostics].sort(compareDiagnostics);
  const counts = { error: 0, warning: 0, info: 0 };
  for (const d of sorted) counts[d.severity]++;
  const rows = sorted
    .map(
      (d) =>
        `<tr data-code="${e(d.code)}"><td class="sev-${d.severity}">${e(severityLabel(d.severity, lang))}</td>` +
        `<td class="loc">${e(`${relativePath(ctx.baseDir, d.file)}:${d.range.start.line + 1}:${d.range.start.character + 1}`)}</td>` +
        `<td class="code">${e(d.code)}</td><td>${e(d.message)}${d.clause ? ` <span class="muted">(${e(d.clause)})</span>` : ''}</td></tr>`,
    )
    .join('\n');
  return `<section class="part diagnostics-part">
<h2>${e(t(lang, 'report.diagnosticsTitle'))}</h2>
${
  sorted.length
    ? `<p>${e(t(lang, 'report.diagnosticsCount', counts))}</p>
<table class="diagnostics"><thead><tr><th>${e(t(lang, 'report.colSeverity'))}</th><th>${e(t(lang, 'report.colLocation'))}</th><th>${e(t(lang, 'report.colCode'))}</th><th>${e(t(lang, 'report.colMessage'))}</th></tr></thead><tbody>
${rows}
</tbody></table>`
    : `<p>${e(t(lang, 'report.noDiagnostics'))}</p>`
}
</section>`;
}

export const htmlFormatter: Formatter = {
  id: 'html',
  description: {
    en: 'The assessment report: one self-contained HTML file that prints to A4',
    'zh-CN': '评价报告：一个独立的 HTML 文件，可打印为 A4',
  },
  commands: ['report'],
  fileExtension: 'html',
  render: ({ results, baseDir, lang, generatedAt }) => renderReport(results, { baseDir, lang, generatedAt }),
};
