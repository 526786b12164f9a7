// Packs on either side of the band boundaries, on a small standard whose numbers make that easy: what the
// deliverables' tests (the workbook recalculated, the report converted) check the score and rating of.
import { Q } from '../../src/core/rational';
import type { Lang, PackResult } from '../../src/core/types';
import { engineFor, memFs, TEST_KINDS, testRating } from '../unit/support/memFs';

export const OPTS = { baseDir: '/ws', generatedAt: new Date(Date.UTC(2026, 9, 16)), toolVersion: '0.0.0-test' };

/** Leaves 1.1 and 1.2 (13.3 points, awarded), 1.3 (13.4, sampled) and 2.1 (7, excluded): applicable 40. */
export const EDGE_STANDARD = `
id: edge
title: {zh-CN: 边界标准, en: Boundary standard}
weights: official
${TEST_KINDS}
${testRating({ qualified: 70, 'three-star': 80, 'four-star': 90, 'five-star': 95 })}
clauses:
  - id: "1"
    title: {zh-CN: 体系, en: System}
    children:
      - {id: "1.1", title: {zh-CN: 部门, en: Department}, points: 13.3, requires: [document]}
      - {id: "1.2", title: {zh-CN: 人员, en: Staff}, points: 13.3, requires: [document]}
      - {id: "1.3", title: {zh-CN: 设施, en: Facilities}, points: 13.4, requires: [document], sampled: true}
  - id: "2"
    title: {zh-CN: 回收, en: Take-back}
    children:
      - {id: "2.1", title: {zh-CN: 废弃回收, en: Recycling}, points: 7, requires: [document], excludable: true}
`;

export interface Case {
  base?: string;
  deductions?: number;
  bonus?: boolean;
  samples?: [number, number];
  score: string;
  band: string;
}

/** A pack whose base score (before special items) is exactly `base` percent: 1.1 + 1.2 are awarded the rest. */
export async function edgePack(c: Case, lang: Lang): Promise<PackResult> {
  let evidence: string;
  if (c.base) {
    // earned = base × 40 / 100; 1.3 is met (13.4); the rest is split unevenly over 1.1 and 1.2 in thousandths.
    const rest = Q.parse(c.base).mul(Q.parse('0.4')).sub(Q.parse('13.4'));
    const thousandths = Number(rest.mul(Q.int(1000)).toFixed(0));
    const a = Math.round(thousandths * 0.47),
      b = thousandths - a;
    evidence = `  - {clause: "1.1", awarded: ${a / 1000}, evidence: [{kind: document, title: A, file: a.pdf}]}
  - {clause: "1.2", awarded: ${b / 1000}, evidence: [{kind: document, title: B, file: a.pdf}]}
  - {clause: "1.3", status: conforming, evidence: [{kind: document, title: C, file: a.pdf}]}`;
  } else {
    const [size, bad] = c.samples!;
    evidence = `  - {clause: "1.1", evidence: [{kind: document, title: A, file: a.pdf}]}
  - {clause: "1.2", evidence: [{kind: document, title: B, file: a.pdf}]}
  - {clause: "1.3", status: partial, samples: {size: ${size}, nonconforming: ${bad}}, evidence: [{kind: document, title: C, file: a.pdf}]}`;
  }
  const deductions = Array.from(
    { length: c.deductions ?? 0 },
    (_, i) => `  - {id: SD-${i + 1}, clause: "1.1", reason: "Breach ${i + 1}", rectified: true}`,
  ).join('\n');
  const fs = memFs({
    '/ws/p/evidence-pack.yaml':
      `pack: 1\nstandard: ./std.yaml\norganization: {name: Edge Co}\nassessment: {date: 2026-10-15}\n` +
      (deductions ? `special_deductions:\n${deductions}\n` : '') +
      (c.bonus ? 'special_bonus: {reason: "Industry award"}\n' : ''),
    '/ws/p/std.yaml': EDGE_STANDARD,
    '/ws/p/a.pdf': '%PDF',
    '/ws/p/e.evidence.yaml': `clauses:\n${evidence}\n  - {clause: "2.1", status: excluded, justification: "No products to take back"}\n`,
  });
  return engineFor(fs, { lang }).checkPack('/ws/p');
}

/** A pack on a 10,000-leaf standard (100 sections of 100 leaves, 8,000 of them with evidence): exports stay bounded. */
export async function tenThousandLeafPack(lang: Lang = 'en'): Promise<PackResult> {
  const sections = Array.from(
    { length: 100 },
    (_, s) =>
      `  - id: "${s + 1}"\n    title: {zh-CN: 部分${s + 1}, en: Part ${s + 1}}\n    children:\n` +
      Array.from(
        { length: 100 },
        (_, l) => `      - {id: "${s + 1}.${l + 1}", title: {zh-CN: 条款, en: Clause}, points: 1, requires: [document]}`,
      ).join('\n'),
  ).join('\n');
  const std = EDGE_STANDARD.slice(0, EDGE_STANDARD.indexOf('clauses:')) + 'clauses:\n' + sections + '\n';
  const fs = memFs({
    '/ws/p/evidence-pack.yaml': 'pack: 1\nstandard: ./std.yaml\nassessment: {date: 2026-10-15}\n',
    '/ws/p/std.yaml': std,
    '/ws/p/a.pdf': '%PDF',
    '/ws/p/e.evidence.yaml': `clauses:\n${Array.from({ length: 8000 }, (_, i) => `  - {clause: "${Math.floor(i / 100) + 1}.${(i % 100) + 1}", evidence: [{kind: document, title: T, file: a.pdf}]}`).join('\n')}\n`,
  });
  return engineFor(fs, { lang }).checkPack('/ws/p');
}
