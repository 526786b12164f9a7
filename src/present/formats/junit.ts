// JUnit XML for `evidence-pack check --format junit`: CI systems (GitLab, Jenkins, Azure, GitHub test
// reporters) show each leaf clause as a test, so an unmet clause reads like a failing test with its reason.
import { pick } from '../../core/messages';
import { relativePath } from '../../core/paths';
import type { Lang, PackResult } from '../../core/types';
import { t } from '../catalogue';
import { formatPoints } from '../numbers';
import { compareDiagnostics } from '../order';
import { joinList, kindLabels, packLabel, sectionOf, stateLabel } from '../vocabulary';
import type { Formatter } from './registry';

/* eslint-disable no-control-regex -- these are exactly the characters XML 1.0 cannot carry */
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/* eslint-enable no-control-regex */

/** Text safe inside XML character data and attribute values (both quotes escaped). Characters XML 1.0
 *  cannot carry at all (most C0 controls, lone surrogates, U+FFFE/FFFF) become U+FFFD. */
export function escapeXml(text: string): string {
  return (
    text
      .replace(NOT_XML, '\uFFFD')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
      // A bare CR would be read back as a line feed (XML end-of-line handling).
      .replace(/\r/g, '&#13;')
  );
}

/** Attribute values also keep their line breaks and tabs: a parser would normalise them to spaces. */
function escapeAttr(text: string): string {
  return escapeXml(text).replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

function attrs(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([k, v]) => ` ${k}="${escapeAttr(String(v))}"`)
    .join('');
}

export function toJunit(results: PackResult[], opts: { baseDir: string; lang: Lang }): string {
  const { lang } = opts;
  const suites: string[] = [];
  let total = 0,
    failed = 0,
    skipped = 0,
    errors = 0;

  for (const result of results) {
    const packName = packLabel(opts.baseDir, result.root);
    const cases: string[] = [];
    let suiteFailures = 0,
      suiteSkipped = 0,
      suiteErrors = 0;
    const score = result.score;
    const standard = result.standard;
    const packDiagnostics = [...result.diagnostics].sort(compareDiagnostics);
    const where = (d: (typeof packDiagnostics)[number]) =>
      `${relativePath(opts.baseDir, d.file)}:${d.range.start.line + 1}:${d.range.start.character + 1}`;

    if (score && standard) {
      for (const leaf of score.clauses) {
        const clause = standard.byId.get(leaf.id);
        const section = sectionOf(standard, leaf.id);
        const classname = section ? `${standard.id} ${section.id} ${pick(section.title, lang)}` : standard.id;
        const name = `${leaf.id} ${clause ? pick(clause.title, lang) : ''}`.trim();
        const related = packDiagnostics.filter((d) => d.clause === leaf.id).map((d) => `${where(d)} ${d.severity} ${d.code}: ${d.message}`);
        let body = '';
        if (leaf.state === 'excluded') {
          suiteSkipped++;
          body = `<skipped${attrs({ message: leaf.reason || stateLabel(leaf.state, lang) })}/>`;
        } else if (leaf.state !== 'met') {
          suiteFailures++;
          const lost = leaf.points - leaf.earned;
          const parts = [stateLabel(leaf.state, lang)];
          if (leaf.missingKinds.length) {
            parts.push(t(lang, 'report.missingKinds', { kinds: joinList(kindLabels(standard, leaf.missingKinds, lang), lang) }));
          }
          parts.push(t(lang, 'report.pointsLost', { lost: formatPoints(lost), points: formatPoints(leaf.points) }));
          const message = parts.join(t(lang, 'punct.clauses'));
          const details = [leaf.reason, ...related].join('\n');
          body = `<failure${attrs({ message, type: leaf.state })}>${escapeXml(details)}</failure>`;
        }
        const out = related.length && leaf.state === 'met' ? `<system-out>${escapeXml(related.join('\n'))}</system-out>` : '';
        cases.push(`    <testcase${attrs({ classname, name, assertions: 1 })}${body || out ? `>${body}${out}</testcase>` : '/>'}`);
      }
    } else {
      // A pack that cannot be scored (unreadable manifest, unknown standard) still shows up, as an error.
      suiteErrors++;
      const reasons = packDiagnostics.filter((d) => d.severity === 'error').map((d) => `${where(d)} ${d.code}: ${d.message}`);
      const message = reasons[0] ?? t(lang, 'report.notScored');
      cases.push(
        `    <testcase${attrs({ classname: 'evidence-pack', name: t(lang, 'report.notScored') })}>` +
          `<error${attrs({ message, type: 'not-scored' })}>${escapeXml(reasons.join('\n'))}</error></testcase>`,
      );
    }

    const unattached = packDiagnostics
      .filter((d) => !d.clause || !score?.clauses.some((c) => c.id === d.clause))
      .map((d) => `${where(d)} ${d.severity} ${d.code}: ${d.message}`);
    const properties = score
      ? ([
          ['score', score.score],
          ['band', score.rating.label],
          ['bandId', score.rating.id],
          ['stars', score.rating.stars],
          ['standard', score.standard.id],
          ['weights', score.standard.weights],
          ['errors', score.diagnostics.error],
          ['warnings', score.diagnostics.warning],
        ] as const)
      : [];
    const propertiesXml = properties.length
      ? `    <properties>\n${properties.map(([k, v]) => `      <property${attrs({ name: k, value: v })}/>`).join('\n')}\n    </properties>\n`
      : '';
    const systemErr = unattached.length ? `    <system-err>${escapeXml(unattached.join('\n'))}</system-err>\n` : '';
    suites.push(
      `  <testsuite${attrs({ name: packName, tests: cases.length, failures: suiteFailures, errors: suiteErrors, skipped: suiteSkipped })}>\n` +
        propertiesXml +
        cases.join('\n') +
        '\n' +
        systemErr +
        '  </testsuite>',
    );
    total += cases.length;
    failed += suiteFailures;
    skipped += suiteSkipped;
    errors += suiteErrors;
  }

  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<testsuites${attrs({ name: 'evidence-pack', tests: total, failures: failed, errors, skipped })}>\n` +
    suites.join('\n') +
    (suites.length ? '\n' : '') +
    '</testsuites>\n'
  );
}

export const junitFormatter: Formatter = {
  id: 'junit',
  description: {
    en: 'JUnit XML: each leaf clause a test, for CI test reports',
    'zh-CN': 'JUnit XML：每个末级条款一个测试，供 CI 测试报告显示',
  },
  commands: ['check'],
  fileExtension: 'xml',
  render: ({ results, baseDir, lang }) => toJunit(results, { baseDir, lang }),
};
