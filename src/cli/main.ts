// `evidence-pack` — the same engine as the extension, for CI and for people without VS Code.
import { existsSync, lstatSync, mkdirSync, promises as fsp, statSync, writeSync } from 'node:fs';
import * as path from 'node:path';
import { MANIFEST_NAME } from '../core/constants';
import { Engine } from '../core/engine';
import { systemClock, type Host } from '../core/host';
import { ORGANIZATION_TYPES, findBand, findOrganizationType, planInit, type InitOptions } from '../core/init';
import { isIsoDate as isValidDate } from '../core/dates';
import { bandChoices, bandOf } from '../core/bands';
import { langFromEnv, msg } from '../core/messages';
import { nodeFileSystem } from '../node/nodeFs';
import { runAnalyzerWorkerIfAsked, startParallelAnalyzer } from '../node/parallel';
import { normalizePath, relativePath, toSlash } from '../core/paths';
import { BUILTIN_STANDARD_IDS, builtinStandard } from '../core/standard/builtin';
import { importedCell, importSheet, MAX_SHEET_BYTES } from '../core/sheetImport';
import { applyScoringSheet } from '../core/standard/scoringSheet';
import type { Lang, PackResult, Standard } from '../core/types';
import { KNOWN_OPTIONS, parseArgs, UsageError, type ParsedArgs } from './args';
import { COMMANDS, commandHelp, didYouMean, isCommand, overview, type CommandName } from './help';
import { DiffError, scoreDiff } from './diff';
import {
  MAX_BUNDLE_BYTES,
  MAX_BUNDLE_FILES,
  commonFolder,
  makeBundle,
  packFiles,
  readBundle,
  verifyBundle,
  type Difference,
  type ZipCodec,
} from './bundle';
import { t } from '../present/catalogue';
import { formatsFor, type FormatInput, type Formatter } from '../present/formats';
import { scoreJson } from '../present/formats/json';
import { bundledWorkbookReader, MAX_SHEET_MB, readSheetTables, sheetKind } from '../present/formats/sheetFile';
import { outputProblem, writeOutput } from './output';
import { deliverables } from '../present/formats/deliverablesLoader';
import { bandLabel, bandLabelOf, joinList, packLabel } from '../present/vocabulary';
import { formatScore } from '../present/numbers';

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.1.0';

export interface Io {
  out(s: string): void;
  err(s: string): void;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export async function main(argv: string[], io: Io): Promise<number> {
  const envLang = langFromEnv(io.env.LC_ALL || io.env.LC_MESSAGES || io.env.LANG);
  let args: ParsedArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    // The arguments did not parse, so --lang may not have either: look for it by hand.
    const i = argv.indexOf('--lang');
    const lang: Lang =
      argv.includes('--lang=zh-CN') || (i >= 0 && argv[i + 1] === 'zh-CN')
        ? 'zh-CN'
        : i >= 0 || argv.includes('--lang=en')
          ? 'en'
          : envLang;
    if (e instanceof UsageError) {
      const option = e.id === 'unknownOption' ? e.args.option.replace(/=.*$/, '') : undefined;
      const suggestion = option && didYouMean(option, KNOWN_OPTIONS);
      const message = t(lang, `cli.${e.id}`, e.args);
      return usage(io, lang, suggestion ? t(lang, 'cli.didYouMean', { message, suggestion }) : message);
    }
    throw e;
  }
  const langFlag = args.flags.get('--lang');
  if (langFlag !== undefined && langFlag !== 'zh-CN' && langFlag !== 'en')
    return usage(io, envLang, t(envLang, 'cli.badLang', { value: String(langFlag) }));
  const lang: Lang = (langFlag as Lang | undefined) ?? envLang;
  if (args.flags.has('--version')) {
    io.out(VERSION + '\n');
    return 0;
  }
  const command = args.command;
  if (command !== undefined && !isCommand(command)) {
    const suggestion = didYouMean(command, Object.keys(COMMANDS));
    const message = t(lang, 'cli.unknownCommand', { command });
    return usage(io, lang, suggestion ? t(lang, 'cli.didYouMean', { message, suggestion }) : message);
  }
  if (args.flags.has('--help') || args.flags.has('-h')) {
    io.out(command && command !== 'help' ? commandHelp(command, lang) : overview(lang, VERSION));
    return 0;
  }
  if (!command) {
    io.err(overview(lang, VERSION));
    return 2;
  }
  if (command === 'help') return help(args, lang, io);
  if (command === 'sheet') return await sheet(args, lang, io);
  if (command === 'verify') return await verify(args, lang, io);
  if (args.positional.length > 1) return usage(io, lang, t(lang, 'cli.oneFolder', { list: args.positional.join(' ') }), command);
  let dir = normalizePath(path.resolve(io.cwd, args.positional[0] ?? '.'));
  // A pack may be named by its manifest (tab completion offers the file): its folder is the pack.
  if (command !== 'init' && path.basename(dir) === MANIFEST_NAME && isFile(dir)) dir = normalizePath(path.dirname(dir));

  try {
    const run: Record<Exclude<CommandName, 'help' | 'sheet' | 'verify'>, () => Promise<number>> = {
      check: () => check(args, dir, lang, io),
      score: () => score(args, dir, lang, io),
      init: () => init(args, dir, lang, io),
      report: () => report(args, dir, lang, io),
      bundle: () => bundle(args, dir, lang, io),
    };
    return await run[command]();
  } catch (e) {
    if (e instanceof DiffError) return usage(io, lang, e.message, command);
    // A bug of ours: say so plainly (a bare JS TypeError reads like a verdict on the user's files).
    io.err(t(lang, 'cli.internalError', { detail: String((e as Error)?.message ?? e) }) + '\n');
    if (io.env.EVIDENCE_PACK_DEBUG) io.err(`${(e as Error)?.stack ?? ''}\n`);
    return 2;
  }
}

/** `evidence-pack help [COMMAND]`: the overview, or one command's help, on stdout. */
function help(args: ParsedArgs, lang: Lang, io: Io): number {
  const [name, ...rest] = args.positional;
  if (rest.length) return usage(io, lang, t(lang, 'cli.oneCommand', { list: args.positional.join(' ') }));
  if (name === undefined) {
    io.out(overview(lang, VERSION));
    return 0;
  }
  if (!isCommand(name)) {
    const suggestion = didYouMean(name, Object.keys(COMMANDS));
    const message = t(lang, 'cli.unknownCommand', { command: name });
    return usage(io, lang, suggestion ? t(lang, 'cli.didYouMean', { message, suggestion }) : message);
  }
  io.out(commandHelp(name, lang));
  return 0;
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

function usage(io: Io, lang: Lang, message: string, command?: CommandName): number {
  io.err(`evidence-pack: ${message}\n${command ? t(lang, 'cli.seeCommandHelp', { command }) : t(lang, 'cli.seeHelp')}\n`);
  return 2;
}

/** The workspace (boundary for outside-workspace): --root, else the git work tree, else DIR. */
function workspaceRootFor(args: ParsedArgs, dir: string, io: Io): string {
  const root = args.flags.get('--root');
  if (typeof root === 'string') return normalizePath(path.resolve(io.cwd, root));
  // The git work tree DIR is in: the nearest folder at or above it holding `.git` (a folder, or a file in a
  // linked worktree), found as git finds it — asking git costs a process, a third of a cold check.
  for (let d = dir; ;) {
    if (existsSync(path.join(d, '.git'))) return normalizePath(toSlash(d));
    const up = path.dirname(d);
    if (up === d) return dir; // not in a git work tree: DIR is the workspace
    d = up;
  }
}

async function checkAll(dir: string, workspaceRoot: string, lang: Lang): Promise<PackResult[]> {
  const host: Host = {
    fs: nodeFileSystem,
    clock: systemClock,
    lang,
    workspaceRoot,
    logger: { warn: (m) => process.stderr.write(m + '\n') },
  };
  // Both cores once a check has enough slow files to pay for them: files the YAML fast path takes are
  // analysed on this thread; of the others, the first 200 too (starting workers costs ~0.2-0.8 s), the
  // rest on worker threads, which return the same results. Only from the bundle (dist/cli.js).
  const analyzer =
    __filename.endsWith('.js') && process.env.EVIDENCE_PACK_THREADS !== '1'
      ? startParallelAnalyzer({ script: __filename, inThreadFirst: 200 })
      : undefined;
  try {
    const engine = new Engine(host, analyzer ? { analyzeText: analyzer.analyzeText } : {});
    const roots = await engine.findPacks(dir);
    const results: PackResult[] = [];
    for (const root of roots) results.push(await engine.checkPack(root));
    return results;
  } finally {
    await analyzer?.close();
  }
}

async function loadPacks(args: ParsedArgs, dir: string, lang: Lang, io: Io): Promise<PackResult[] | number> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return usage(io, lang, t(lang, 'cli.notFolder', { dir }));
  const results = await checkAll(dir, workspaceRootFor(args, dir, io), lang);
  if (results.length === 0) {
    io.err(`evidence-pack: ${t(lang, 'cli.noPack', { dir })}\n`);
    return 2;
  }
  return results;
}

/** Rank of a band among the standard's bands (fail: −1). */
function rankOf(r: PackResult, id: string): number {
  return r.standard?.rating.bands.findIndex((b) => b.id === id) ?? -1;
}

/** The formatter `--format` names for `command` (text by default), or undefined when it has none. */
function formatterFor(args: ParsedArgs, command: 'check' | 'score') {
  const id = (args.flags.get('--format') as string | undefined) ?? 'text';
  return formatsFor(command).find((f) => f.id === id);
}

/** Text formats go to standard output; a format that renders bytes is for `report --out` only. */
async function render(formatter: Formatter, input: FormatInput, io: Io): Promise<void> {
  const out = await formatter.render(input);
  if (typeof out !== 'string') throw new Error(`format ${formatter.id} writes a file: use report --format ${formatter.id} --out FILE`);
  io.out(out);
}

async function check(args: ParsedArgs, dir: string, lang: Lang, io: Io): Promise<number> {
  const formatter = formatterFor(args, 'check');
  if (!formatter) return usage(io, lang, t(lang, 'cli.formatCheck'));
  const results = await loadPacks(args, dir, lang, io);
  if (typeof results === 'number') return results;
  const minFlag = args.flags.get('--min-rating') as string | undefined;

  // The gate: errors fail, and so does a rating below --min-rating (or the manifest's target).
  let failed = results.some((r) => r.diagnostics.some((d) => d.severity === 'error') || !r.score);
  const gateLines: string[] = [];
  for (const r of results) {
    if (!r.score || !r.standard) continue;
    // --min-rating names a band by id or label; else the manifest's target (an unknown target is an
    // error diagnostic of the manifest, so the gate fails on it instead of switching itself off).
    const wanted = minFlag !== undefined ? bandOf(r.standard.rating, minFlag) : r.target;
    if (minFlag !== undefined && !wanted) {
      return usage(io, lang, t(lang, 'cli.badBand', { band: minFlag, bands: bandChoices(r.standard.rating, lang) }));
    }
    if (!wanted) continue;
    if (rankOf(r, r.score.rating.id) < rankOf(r, wanted.id)) {
      failed = true;
      gateLines.push(
        t(lang, 'cli.gate', {
          pack: packLabel(io.cwd, r.root),
          band: bandLabel(r, lang),
          target: bandLabelOf(r.standard, wanted.id, lang),
        }),
      );
    }
  }

  await render(formatter, { results, baseDir: dir, cwd: io.cwd, lang, command: 'check', toolVersion: VERSION }, io);
  for (const l of gateLines) (formatter.id === 'text' ? io.out : io.err)(l + '\n');
  return failed ? 1 : 0;
}

async function score(args: ParsedArgs, dir: string, lang: Lang, io: Io): Promise<number> {
  const formatter = formatterFor(args, 'score');
  if (!formatter) return usage(io, lang, t(lang, 'cli.formatScore'));
  const rev = args.flags.get('--diff') as string | undefined;
  if (rev) {
    const diffs = await scoreDiff({ dir, rev, lang, check: (d, root) => checkAll(normalizePath(d), normalizePath(root), lang) });
    if (formatter.id === 'json')
      io.out(
        JSON.stringify(
          diffs.map((d) => ({
            pack: d.pack,
            before: d.before ? scoreJson(d.before) : null,
            after: d.after ? scoreJson(d.after) : null,
            text: d.text,
          })),
          null,
          2,
        ) + '\n',
      );
    else for (const d of diffs) io.out(`${d.pack}: ${d.text}\n`);
    return 0;
  }
  const results = await loadPacks(args, dir, lang, io);
  if (typeof results === 'number') return results;
  await render(formatter, { results, baseDir: dir, cwd: io.cwd, lang, command: 'score', toolVersion: VERSION }, io);
  // A pack that cannot be scored is "nothing readable" for score.
  return results.every((r) => r.score) ? 0 : 1;
}

async function report(args: ParsedArgs, dir: string, lang: Lang, io: Io): Promise<number> {
  const out = args.flags.get('--out');
  if (typeof out !== 'string') return usage(io, lang, t(lang, 'cli.needsOut'));
  const forced = args.flags.get('--format') as string | undefined;
  const formats = formatsFor('report');
  const ext = /\.([A-Za-z]+)$/.exec(out)?.[1]?.toLowerCase().replace(/^htm$/, 'html');
  const formatter = forced === undefined ? formats.find((f) => f.fileExtension === ext) : formats.find((f) => f.id === forced);
  if (!formatter)
    return usage(
      io,
      lang,
      t(lang, forced === undefined ? 'cli.reportExtension' : 'cli.formatReport', {
        file: out,
        formats: formats.map((f) => f.id).join(', '),
      }),
    );
  const target = path.resolve(io.cwd, out);
  const unwritable = outputProblem(target, lang);
  if (unwritable) {
    io.err(`evidence-pack: ${unwritable}\n`);
    return 2;
  }
  const results = await loadPacks(args, dir, lang, io);
  if (typeof results === 'number') return results;
  const content = await formatter.render({
    results,
    baseDir: dir,
    cwd: io.cwd,
    lang,
    command: 'check',
    toolVersion: VERSION,
    generatedAt: new Date().toISOString(),
  });
  const failed = await writeOutput(target, typeof content === 'string' ? new TextEncoder().encode(content) : content, lang);
  if (failed) {
    io.err(`evidence-pack: ${failed}\n`);
    return 2;
  }
  io.out(`${relativePath(io.cwd, target)}\n`);
  return 0;
}

/** Zip and unzip live in dist/deliverables.js (with the workbook writer): loaded only by bundle and verify. */
function zipCodec(): ZipCodec {
  return deliverables()!; // always there under Node
}

/** The date the reports of a bundle carry: SOURCE_DATE_EPOCH when set (reproducible builds), else the latest assessment date. */
function bundleDate(results: PackResult[], env: NodeJS.ProcessEnv): string {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  if (env.SOURCE_DATE_EPOCH && Number.isFinite(epoch)) return new Date(epoch * 1000).toISOString();
  return (
    results
      .map((r) => r.manifest?.assessmentDate ?? '')
      .sort()
      .pop() || new Date().toISOString().slice(0, 10)
  );
}

function scoreSummary(results: PackResult[], cwd: string, lang: Lang): string {
  return results
    .map((r) =>
      r.score
        ? t(lang, 'bundle.packScore', {
            pack: packLabel(cwd, r.root),
            score: formatScore(r.score.score, r.standard?.rating.rounding ?? 1),
            band: bandLabel(r, lang),
          })
        : t(lang, 'bundle.noScore', { pack: packLabel(cwd, r.root) }),
    )
    .join(t(lang, 'punct.clauses'));
}

/** `bundle [DIR] --out FILE.zip`: the hand-over archive (src/cli/bundle.ts). */
async function bundle(args: ParsedArgs, dir: string, lang: Lang, io: Io): Promise<number> {
  const out = args.flags.get('--out');
  if (typeof out !== 'string') return usage(io, lang, t(lang, 'cli.bundleNeedsOut'), 'bundle');
  const target = path.resolve(io.cwd, out);
  const unwritable = outputProblem(target, lang);
  if (unwritable) {
    io.err(`evidence-pack: ${unwritable}\n`);
    return 2;
  }
  const results = await loadPacks(args, dir, lang, io);
  if (typeof results === 'number') return results;
  const workspaceRoot = workspaceRootFor(args, dir, io);
  const { files, outside } = await packFiles(results, workspaceRoot, nodeFileSystem);
  for (const o of outside)
    io.err(`evidence-pack: ${t(lang, 'bundle.outside', { target: relativePath(io.cwd, o.target), from: relativePath(io.cwd, o.from) })}\n`);
  const bytes = files.reduce((sum, f) => sum + statSync(f).size, 0);
  if (bytes > MAX_BUNDLE_BYTES || files.length > MAX_BUNDLE_FILES) {
    io.err(
      `evidence-pack: ${t(lang, 'bundle.tooLarge', { bytes, files: files.length, max: MAX_BUNDLE_BYTES, maxFiles: MAX_BUNDLE_FILES })}\n`,
    );
    return 2;
  }
  const base = commonFolder(dir, files);
  const generatedAt = bundleDate(results, io.env);
  const reports: [string, Uint8Array][] = [];
  for (const f of formatsFor('report')) {
    const content = await f.render({ results, baseDir: base, cwd: base, lang, command: 'check', toolVersion: VERSION, generatedAt });
    reports.push([`evidence-pack-report.${f.fileExtension}`, typeof content === 'string' ? new TextEncoder().encode(content) : content]);
  }
  const zip = await makeBundle({ results, base, files, read: (f) => fsp.readFile(f), reports, toolVersion: VERSION }, zipCodec());
  const failed = await writeOutput(target, zip, lang);
  if (failed) {
    io.err(`evidence-pack: ${failed}\n`);
    return 2;
  }
  const file = relativePath(io.cwd, target);
  io.out(
    `${t(lang, 'bundle.written', { file, files: files.length, reports: reports.length, summary: scoreSummary(results, io.cwd, lang) })}\n`,
  );
  return 0;
}

/** `verify FILE.zip`: 0 when every hash and the score hold, 1 naming each difference, 2 when it is not a bundle. */
async function verify(args: ParsedArgs, lang: Lang, io: Io): Promise<number> {
  const [file, ...rest] = args.positional;
  if (!file || rest.length) return usage(io, lang, t(lang, 'cli.verifyUsage'), 'verify');
  const input = path.resolve(io.cwd, file);
  const notBundle = (reason: string) => {
    io.err(`evidence-pack: ${t(lang, 'verify.notBundle', { file, reason })}\n`);
    return 2;
  };
  const st = statSync(input, { throwIfNoEntry: false });
  if (!st?.isFile()) return notBundle(t(lang, 'verify.notFile'));
  if (st.size > MAX_BUNDLE_BYTES) return notBundle(t(lang, 'verify.tooLarge', { bytes: MAX_BUNDLE_BYTES, files: MAX_BUNDLE_FILES }));
  const read = readBundle(await fsp.readFile(input), zipCodec());
  if ('reason' in read) return notBundle(t(lang, `verify.${read.reason}`, read.args));
  const differences = await verifyBundle(read.entries, read.manifest, lang);
  const line = (d: Difference) =>
    d.kind === 'score'
      ? t(lang, 'verify.score', { pack: d.pack, expected: d.expected, actual: d.actual })
      : t(lang, `verify.${d.kind}`, { file: d.file });
  if (differences.length) {
    for (const d of differences) io.out(`${line(d)}\n`);
    io.err(`evidence-pack: ${t(lang, 'verify.failed', { file, count: differences.length })}\n`);
    return 1;
  }
  const summary = read.manifest.packs
    .map((p) => `${p.path} ${p.score ?? '-'}${p.rating ? ` (${p.rating.label})` : ''}`)
    .join(t(lang, 'punct.clauses'));
  io.out(`${t(lang, 'verify.ok', { file, files: read.manifest.files.length, summary })}\n`);
  return 0;
}

/**
 * `sheet import FILE.xlsx|FILE.csv [--standard ID] [--out FILE]`: a body's sheet → a scoring-sheet
 * file, checked against the standard before anything is written (nothing is written on an error).
 */
async function sheet(args: ParsedArgs, lang: Lang, io: Io): Promise<number> {
  const [sub, file, ...rest] = args.positional;
  if (sub !== 'import' || !file || rest.length) return usage(io, lang, t(lang, 'cli.sheetUsage'));
  const source = path.basename(file);
  if (!sheetKind(source)) return usage(io, lang, `${file}: ${msg(lang, 'import.notSheetFile')}`);
  const id = (args.flags.get('--standard') as string | undefined) ?? 'gbt27922-2011';
  const standard = builtinStandard(id);
  if (!standard) return usage(io, lang, t(lang, 'cli.unknownStandard', { id, ids: BUILTIN_STANDARD_IDS.join(', ') }));
  const input = path.resolve(io.cwd, file);
  let bytes: Buffer;
  try {
    if (statSync(input).size > MAX_SHEET_BYTES) {
      io.err(`${file}: ${msg(lang, 'import.fileTooLarge', { max: MAX_SHEET_MB })}\n`);
      return 1;
    }
    bytes = await fsp.readFile(input);
  } catch (e) {
    io.err(
      `evidence-pack: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? t(lang, 'cli.noSuchFile', { file }) : (e as Error).message}\n`,
    );
    return 2;
  }
  const read = await readSheetTables(source, bytes, lang, bundledWorkbookReader);
  const result = read.ok ? importSheet(read.tables, standard, { lang, source }) : read;
  const out = path.resolve(io.cwd, (args.flags.get('--out') as string | undefined) ?? 'scoring-sheet.yaml');
  if (!result.ok) {
    for (const e of result.errors) io.err(`${e.cell}: ${e.message}\n`);
    return 1;
  }
  // The engine's own checks of a sheet (totals, rows) run before the file is written.
  const applied = applyScoringSheet(standard, result.yaml, normalizePath(out), lang);
  const errors = applied.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) {
    for (const d of errors) io.err(`${importedCell(result, d.clause)}: ${d.message}\n`);
    return 1;
  }
  if (existsSync(out) && !args.flags.has('--force')) {
    io.err(`${t(lang, 'cli.noOverwrite', { file: toSlash(path.relative(io.cwd, out)) })}\n`);
    return 1;
  }
  await fsp.writeFile(out, result.yaml, { flag: args.flags.has('--force') ? 'w' : 'wx' });
  io.out(
    `${t(lang, 'cli.sheetWritten', { file: toSlash(path.relative(io.cwd, out)), points: String(result.points), rows: String(result.rows) })}\n`,
  );
  return 0;
}

async function init(args: ParsedArgs, dir: string, lang: Lang, io: Io): Promise<number> {
  const id = (args.flags.get('--standard') as string | undefined) ?? 'gbt27922-2011';
  const standard = builtinStandard(id);
  if (!standard) return usage(io, lang, t(lang, 'cli.unknownStandard', { id, ids: BUILTIN_STANDARD_IDS.join(', ') }));
  const options = initOptions(args, standard, lang);
  if (typeof options === 'string') return usage(io, lang, options, 'init');
  const files = planInit(standard, id, lang, options);
  const force = args.flags.has('--force');
  // lstat, not exists: a dangling symlink named like a planned file is "there" and is never written through.
  const present = (p: string) => {
    try {
      lstatSync(p);
      return true;
    } catch {
      return false;
    }
  };
  const links = files.filter((f) => {
    try {
      return lstatSync(path.join(dir, f.path)).isSymbolicLink();
    } catch {
      return false;
    }
  });
  if (links.length) {
    io.err(`evidence-pack: ${t(lang, 'cli.symlinks', { files: links.map((f) => f.path).join(', ') })}\n`);
    return 1;
  }
  const existing = files.filter((f) => present(path.join(dir, f.path)));
  if (existing.length && !force) {
    io.err(`evidence-pack: ${t(lang, 'cli.exists', { files: existing.map((f) => f.path).join(', ') })}\n`);
    return 1;
  }
  mkdirSync(dir, { recursive: true });
  for (const f of files) {
    // 'wx' fails if the file appeared since the check: init never overwrites what it did not check.
    await fsp.writeFile(path.join(dir, f.path), f.text, { flag: force ? 'w' : 'wx' });
    io.out(`${relativePath(io.cwd, path.join(dir, f.path))}\n`);
  }
  io.out(t(lang, 'cli.created', { count: files.length, dir: relativePath(io.cwd, dir) }) + '\n');
  return 0;
}

/** init's --org, --type, --target and --date, checked; a message when one is not usable. */
function initOptions(args: ParsedArgs, standard: Standard, lang: Lang): InitOptions | string {
  const flag = (name: string) => args.flags.get(name) as string | undefined;
  const options: InitOptions = { date: flag('--date')?.trim() ?? systemClock.today(), organization: flag('--org')?.trim() || undefined };
  const type = flag('--type');
  if (type !== undefined) {
    options.type = findOrganizationType(type);
    const [production, salesService] = ORGANIZATION_TYPES.map((o) => o.label[lang]);
    if (!options.type) return t(lang, 'cli.badType', { value: type, production, salesService });
  }
  const target = flag('--target');
  if (target !== undefined) {
    options.target = findBand(standard, target)?.id;
    const bands = joinList(
      standard.rating.bands.map((b) => `${b.id} (${b.label[lang]})`),
      lang,
    );
    if (!options.target) return t(lang, 'cli.badTarget', { value: target, standard: standard.id, bands });
  }
  if (!isValidDate(options.date)) return t(lang, 'cli.badDate', { value: options.date });
  return options;
}

/**
 * A writer straight to file descriptor `fd`. A run prints a few lines, and the first touch of
 * `process.stdout` loads Node's whole stream machinery to do the same: about a tenth of a cold `check`
 * (profiled on the demo pack). A pipe that is non-blocking (EAGAIN), or anything else unusual, hands the
 * rest to the stream for good, so the order of what is written holds. Windows consoles need the stream
 * (it writes UTF-16 to the console; raw UTF-8 bytes would garble Chinese), so Windows always uses it.
 */
function directWriter(fd: 1 | 2, stream: () => NodeJS.WriteStream): (s: string) => void {
  let useStream = process.platform === 'win32';
  return (s) => {
    if (!useStream) {
      const bytes = Buffer.from(s, 'utf8');
      let done = 0;
      try {
        while (done < bytes.length) done += writeSync(fd, bytes, done);
        return;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EPIPE') process.exit(process.exitCode ?? 0);
        useStream = true;
        stream().write(bytes.subarray(done));
        return;
      }
    }
    stream().write(s);
  };
}

// Inside an analyzer worker (src/node/parallel.ts) this bundle serves analyses and runs no command.
const isAnalyzerWorker = runAnalyzerWorkerIfAsked();
if (require.main === module && !isAnalyzerWorker) {
  // A reader that stops early (`evidence-pack check | head`) closes the pipe: end quietly, like any Unix tool.
  const stdout = () => {
    process.stdout.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw e;
    });
    return process.stdout;
  };
  let out: NodeJS.WriteStream | undefined;
  const write = directWriter(1, () => (out ??= stdout()));
  const writeErr = directWriter(2, () => process.stderr);
  main(process.argv.slice(2), { out: write, err: writeErr, cwd: process.cwd(), env: process.env }).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      writeErr(`evidence-pack: ${(e as Error).message}\n`);
      process.exitCode = 2;
    },
  );
}
