// evidence-pack.yaml → Manifest. Lenient: every usable field is taken even when another
// field breaks the schema, so one typo never hides the whole pack's score.
import { isMap, isSeq, type Node } from 'yaml';
import { DEFAULT_EVIDENCE_GLOBS } from './constants';
import { isPlaceholderOrganization } from './init';
import { diagnostic } from './diagnostic';
import { msg } from './messages';
import { mapValue, nodeRange, parseYaml, scalarNumber, scalarString, scalarText, seqItems } from './parse/yamlSource';
import { schemaDiagnostics } from './schemaCheck';
import { MANIFEST_INVALID, PLACEHOLDER_ORGANIZATION } from './rules/manifestChecks';
import { INVALID_DATE } from './rules/evidenceDates';
import { SCHEMA, YAML_SYNTAX } from './rules/reading';
import { ZERO_RANGE } from './text';
import type { DeductionGround, Diagnostic, Lang, Manifest } from './types';
import { dirname } from './paths';
import { dateForms, daysInMonth, readDate } from './dates';

export interface ManifestLoad {
  manifest?: Manifest;
  diagnostics: Diagnostic[];
}

export function parseManifest(text: string, file: string, today: string, lang: Lang): ManifestLoad {
  const src = parseYaml(text);
  const diagnostics: Diagnostic[] = src.errors.map((e) => diagnostic(YAML_SYNTAX, lang, file, e.range, { detail: e.message }));
  if (src.value !== undefined) for (const d of schemaDiagnostics('pack', src, file, lang)) diagnostics.push(d); // no push(...): huge lists overflow the stack
  const root = src.doc.contents as Node | null;
  const standardNode = mapValue(root, 'standard');
  const standardRef = scalarString(standardNode)?.trim();
  if (!standardRef) {
    // Without a standard nothing can be scored; the schema error (if any) already points at it.
    if (!diagnostics.some((d) => d.code === 'schema' || d.code === 'yaml-syntax')) {
      diagnostics.push(diagnostic(MANIFEST_INVALID, lang, file, ZERO_RANGE, {}, { variant: 'noStandard' }));
    }
    return { diagnostics };
  }
  const assessment = mapValue(root, 'assessment');
  const dateNode = mapValue(assessment, 'date');
  const dateText = scalarText(src, dateNode);
  const date = dateText === undefined ? undefined : readDate(dateText);
  if (dateText !== undefined && !date?.ok) {
    diagnostics.push(
      diagnostic(INVALID_DATE, lang, file, nodeRange(src, dateNode) ?? ZERO_RANGE, { date: dateText, forms: dateForms(lang) }),
    );
  }
  const targetNode = mapValue(root, 'target');
  const window = scalarNumber(mapValue(assessment, 'window_months'));
  const kind = scalarString(mapValue(assessment, 'kind'));
  const org = mapValue(root, 'organization');
  const orgType = scalarString(mapValue(org, 'type'));
  const globsNode = mapValue(root, 'evidence');
  const globs: string[] = [];
  for (const n of seqItems(globsNode)) {
    const glob = scalarString(n);
    if (!glob) continue;
    if (globTooComplex(glob)) {
      diagnostics.push(
        diagnostic(SCHEMA, lang, file, nodeRange(src, n) ?? ZERO_RANGE, {
          detail: msg(lang, 'schema.globTooComplex', { glob, max: MAX_GLOB_WILDCARDS, perSegment: MAX_SEGMENT_WILDCARDS }),
        }),
      );
      continue;
    }
    globs.push(glob);
  }

  const deductions: Manifest['specialDeductions'] = [];
  const sd = mapValue(root, 'special_deductions');
  {
    seqItems(sd).forEach((item, i) => {
      if (!isMap(item)) return;
      deductions.push({
        id: scalarText(src, mapValue(item, 'id')) ?? `#${i + 1}`,
        clause: scalarText(src, mapValue(item, 'clause')),
        reason: scalarString(mapValue(item, 'reason')) ?? '',
        rectified: (mapValue(item, 'rectified') as { value?: unknown } | null)?.value === true,
        rectification: scalarString(mapValue(item, 'rectification')),
        ground: groundOf(scalarString(mapValue(item, 'ground'))),
        range: nodeRange(src, item as Node) ?? ZERO_RANGE,
      });
    });
  }
  const bonuses: Manifest['specialBonuses'] = [];
  const sb = mapValue(root, 'special_bonus');
  for (const item of isSeq(sb) ? seqItems(sb) : isMap(sb) ? [sb as Node] : []) {
    if (!isMap(item)) continue;
    bonuses.push({
      reason: scalarString(mapValue(item, 'reason')) ?? '',
      evidence: scalarString(mapValue(item, 'evidence')),
      basis: scalarString(mapValue(item, 'basis')),
      range: nodeRange(src, item) ?? ZERO_RANGE,
    });
  }

  const orgName = mapValue(org, 'name');
  const orgNameText = scalarString(orgName);
  if (orgNameText !== undefined && isPlaceholderOrganization(orgNameText)) {
    diagnostics.push(diagnostic(PLACEHOLDER_ORGANIZATION, lang, file, nodeRange(src, orgName) ?? ZERO_RANGE, { name: orgNameText.trim() }));
  }

  const manifest: Manifest = {
    file,
    root: dirname(file),
    standardRef,
    standardRange: nodeRange(src, standardNode) ?? ZERO_RANGE,
    scoringRef: scalarString(mapValue(root, 'scoring')),
    organization: isMap(org)
      ? { name: scalarString(mapValue(org, 'name')), type: orgType === 'production' || orgType === 'sales-service' ? orgType : undefined }
      : undefined,
    assessmentDate: date?.ok ? date.date : today,
    windowMonths: window !== undefined && window > 0 ? window : 12,
    assessmentKind: kind === 'initial' || kind === 'surveillance' || kind === 'recertification' ? kind : undefined,
    outstanding: (mapValue(assessment, 'outstanding') as { value?: unknown } | null)?.value === true,
    outstandingJustification: scalarString(mapValue(assessment, 'justification'))?.trim() || undefined,
    assessmentRange: nodeRange(src, mapValue(assessment, 'kind')) ?? nodeRange(src, assessment),
    target: scalarString(targetNode)?.trim() || undefined,
    targetRange: nodeRange(src, targetNode),
    evidenceGlobs: globs.length ? globs : DEFAULT_EVIDENCE_GLOBS,
    specialDeductions: deductions,
    specialBonuses: bonuses,
  };
  return { manifest, diagnostics };
}

const GROUNDS: readonly DeductionGround[] = ['law', 'own-rules', 'industry', 'system-operation'];
const groundOf = (v: string | undefined): DeductionGround | undefined => GROUNDS.find((g) => g === v);

// Globs become backtracking regexes (picomatch): `**/*a*a*a*a*a*a*b` against a file named
// `aaa…a` (120 characters) took 98 s, and several `**` segments take seconds on deep paths. Real
// globs use 2 or 3 wildcards; more than these bounds is refused.
export const MAX_GLOB_WILDCARDS = 4;
export const MAX_SEGMENT_WILDCARDS = 2;
export function globTooComplex(glob: string): boolean {
  let total = 0;
  for (const segment of glob.split('/')) {
    // `**` is one wildcard; a run of stars is one; `?` is one.
    const n = segment === '**' ? 1 : (segment.match(/\*+|\?/g) ?? []).length;
    if (n > MAX_SEGMENT_WILDCARDS) return true;
    total += n;
  }
  return total > MAX_GLOB_WILDCARDS;
}

/** date − months, clamping the day (2026-03-31 − 1 month = 2026-02-28). */
export function subtractMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) - Math.floor(months);
  const ny = Math.floor(total / 12),
    nm = (total % 12) + 1;
  const nd = Math.min(d, daysInMonth(ny, nm));
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(nd).padStart(2, '0')}`;
}

/** YYYY-MM-DD naming a real calendar day (the form `init --date` takes). */
export { isIsoDate as isValidDate } from './dates';
