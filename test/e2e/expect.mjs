// What a user should see, computed independently of the editor: the project's own CLI (dist/cli.js) on the
// same copy of the pack, so the e2e suite checks that the extension shows what the engine computes
// (and keeps working when the demo pack changes). Plus helpers that locate and apply edits in a pack copy.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { repoRoot } from './vscode.mjs';

const cli = path.join(repoRoot, 'dist/cli.js');

function runCli(args) {
  if (!fs.existsSync(cli)) throw new Error(`${cli} missing: npm run build`);
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0 && r.status !== 1) {
    throw new Error(`evidence-pack ${args.join(' ')} exited ${r.status}:\n${r.stderr || r.stdout}`);
  }
  try {
    return JSON.parse(r.stdout);
  } catch {
    throw new Error(`evidence-pack ${args.join(' ')} printed no JSON:\n${r.stdout.slice(0, 2000)}\n${r.stderr}`);
  }
}

/** `score --format json` for a single pack folder → that pack's score object (docs/report.md, JSON), plus `target`. */
export function cliScore(dir, lang = 'en') {
  const out = runCli(['score', dir, '--format', 'json', '--lang', lang, '--root', dir]);
  const packs = Array.isArray(out) ? out : out.packs;
  if (!packs?.length) throw new Error(`no pack scored in ${dir}`);
  return { ...packs[0], target: targetOf(dir, lang) };
}

/** `check --format json` → { diagnostics: [{file, range, severity, code, message, clause}], packs }. */
export function cliCheck(dir, lang = 'en') {
  const out = runCli(['check', dir, '--format', 'json', '--lang', lang, '--root', dir]);
  return { ...out, packs: out.packs.map((p) => ({ ...p, target: targetOf(dir, lang) })) };
}

/**
 * The band the manifest's target names ({id, label} in `lang`), read here from the manifest and the built-in
 * standard as a user would: by id or any label, also without 级, in any case and spacing; undefined for none.
 */
export function targetOf(dir, lang) {
  const manifest = YAML.parse(fs.readFileSync(path.join(dir, 'evidence-pack.yaml'), 'utf8'));
  if (typeof manifest?.target !== 'string') return undefined;
  const std = YAML.parse(fs.readFileSync(path.join(repoRoot, 'schemas/standards', `${manifest.standard}.yaml`), 'utf8'));
  const squash = (w) =>
    w
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[\s_-]+/g, '');
  const band = std.rating.bands.find((b) =>
    [b.id, b.label['zh-CN'], b.label.en, b.label['zh-CN'].replace(/级$/, '')].some((w) => squash(w) === squash(manifest.target)),
  );
  return band && { id: band.id, label: band.label[lang] };
}

export function rounding(standardId) {
  const f = path.join(repoRoot, 'schemas/standards', `${standardId}.yaml`);
  if (!fs.existsSync(f)) return 1;
  return YAML.parse(fs.readFileSync(f, 'utf8'))?.rating?.rounding ?? 1;
}

/** The status bar text README.md ("In VS Code") shows, from a CLI score object. */
export function expectedStatusText(s, lang) {
  const failed = s.rating.id === 'fail';
  const parts = [];
  if (failed) parts.push('✗');
  else if (s.rating.stars > 0) parts.push('★'.repeat(s.rating.stars));
  parts.push(Number(s.score).toFixed(rounding(s.standard.id)));
  parts.push(s.rating.label);
  let text = parts.join(' ');
  if (s.target) text += lang === 'zh-CN' ? ` · 目标 ${s.target.label}` : ` · target ${s.target.label}`;
  if (s.standard.weights === 'provisional' && !s.standard.scoringSource && !s.scoring) {
    text += lang === 'zh-CN' ? ' · 暂定' : ' · provisional';
  }
  return text;
}

export function formatScore(s) {
  return Number(s.score).toFixed(rounding(s.standard.id));
}

export function evidenceFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        if (!e.name.startsWith('.')) walk(p);
      } else if (/\.evidence\.ya?ml$/.test(e.name)) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

function lineCol(text, offset) {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, col: before.at(-1).length + 1 }; // 1-based, as VS Code's Go to Line
}

/**
 * Places in the pack's evidence YAML files whose value the tests can change:
 * kind = 'status' (a `status: conforming` of a leaf that earns points) or 'kind' (an evidence item's kind id).
 */
export function findValue(dir, kind, score) {
  const earning = new Set((score?.clauses ?? []).filter((c) => c.state === 'met' && c.earned > 0).map((c) => c.id));
  for (const file of evidenceFiles(dir)) {
    const text = fs.readFileSync(file, 'utf8');
    const doc = YAML.parseDocument(text, { keepSourceTokens: true });
    const clauses = doc.get('clauses');
    if (!YAML.isSeq(clauses)) continue;
    for (const entry of clauses.items) {
      if (!YAML.isMap(entry)) continue;
      const clause = String(entry.get('clause') ?? '');
      if (kind === 'status') {
        const node = entry.get('status', true);
        if (YAML.isScalar(node) && node.value === 'conforming' && earning.has(clause) && node.type === 'PLAIN') {
          return { file, clause, value: node.value, offset: node.range[0], ...lineCol(text, node.range[0]) };
        }
      } else if (kind === 'file') {
        // an evidence item's attachment that exists (relative to the evidence file)
        const ev = entry.get('evidence');
        if (!YAML.isSeq(ev)) continue;
        for (const item of ev.items) {
          const node = YAML.isMap(item) ? item.get('file', true) : undefined;
          if (!YAML.isScalar(node)) continue;
          const p = path.resolve(path.dirname(file), String(node.value));
          if (p.startsWith(dir) && fs.existsSync(p) && fs.statSync(p).isFile()) {
            return { file, clause, value: String(node.value), path: p, offset: node.range[0], ...lineCol(text, node.range[0]) };
          }
        }
      } else if (kind === 'kind') {
        const ev = entry.get('evidence');
        if (!YAML.isSeq(ev)) continue;
        for (const item of ev.items) {
          const node = YAML.isMap(item) ? item.get('kind', true) : undefined;
          if (YAML.isScalar(node) && node.type === 'PLAIN' && /^[a-z][a-z-]*$/.test(String(node.value))) {
            const lineText = text.slice(text.lastIndexOf('\n', node.range[0]) + 1, text.indexOf('\n', node.range[0]));
            return { file, clause, value: String(node.value), offset: node.range[0], lineText, ...lineCol(text, node.range[0]) };
          }
        }
      }
    }
  }
  throw new Error(`no ${kind} value to edit in ${dir}`);
}

/** Replace `target.value` at its offset with `replacement` in a file on disk. */
export function replaceAt(file, target, replacement) {
  const text = fs.readFileSync(file, 'utf8');
  if (text.slice(target.offset, target.offset + target.value.length) !== target.value) throw new Error('stale target');
  fs.writeFileSync(file, text.slice(0, target.offset) + replacement + text.slice(target.offset + target.value.length));
}

export const HOSTILE_IMG = '<img src=x onerror=alert(1)>';
export const HOSTILE_SCRIPT = '</script><script>alert(2)</script>';

/**
 * Make a pack copy hostile: an evidence file whose titles and kind carry markup, and a special deduction
 * and bonus whose reasons carry markup (the panel shows those reasons).
 */
export function makeHostile(dir) {
  const manifestPath = path.join(dir, 'evidence-pack.yaml');
  const doc = YAML.parseDocument(fs.readFileSync(manifestPath, 'utf8'));
  const score = cliScore(dir);
  const leaf = score.clauses.find((c) => c.state !== 'excluded')?.id ?? score.clauses[0].id;
  const deductions = doc.get('special_deductions');
  const sd = {
    id: 'SD-XSS',
    clause: leaf,
    reason: `${HOSTILE_IMG} ${HOSTILE_SCRIPT}`,
    rectified: true,
    rectification: 'evidence-pack.yaml',
  };
  if (YAML.isSeq(deductions)) deductions.add(doc.createNode(sd));
  else doc.set('special_deductions', [sd]);
  doc.set('special_bonus', { reason: `${HOSTILE_SCRIPT} ${HOSTILE_IMG}`, evidence: 'evidence-pack.yaml' });
  fs.writeFileSync(manifestPath, doc.toString());
  fs.writeFileSync(
    path.join(dir, 'zz-hostile.evidence.yaml'),
    YAML.stringify({
      clauses: [
        {
          clause: leaf,
          evidence: [
            { kind: 'document', title: HOSTILE_IMG, url: 'https://example.com/a' },
            { kind: 'document', title: HOSTILE_SCRIPT, url: 'https://example.com/b' },
            { kind: HOSTILE_IMG, title: 'markup in a kind', url: 'https://example.com/c' },
          ],
        },
      ],
    }),
  );
  return { leaf };
}
