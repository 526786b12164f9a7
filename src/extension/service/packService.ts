// Keeps every pack of the workspace checked: one Engine per workspace folder, debounced
// re-checks of only the affected pack, stale runs dropped, and one DiagnosticCollection
// holding the problems of every file of every pack (open or not).
import * as vscode from 'vscode';
import { Engine, MANIFEST_NAME } from '../../core/engine';
import { systemClock } from '../../core/host';
import type { Diagnostic as CoreDiagnostic, PackResult } from '../../core/types';
import { builtinUri } from './builtinStandards';
import { overlayFileSystem, packForPath } from './overlayFs';
import { isSameResource, isWorkspaceResource, pathToUri, uriToPath } from './uris';
import type { ExtensionHostKind } from '../activate';
import type { Freshness } from '../status/statusText';
import { readSettings, tr } from './settings';
import { LatestRun } from './latestRun';

export const DIAGNOSTIC_SOURCE = 'evidence-pack';
/** After this long a running check marks the score shown as not current. */
const SLOW_CHECK_MS = 1000;

interface PackState {
  root: string;
  folder: vscode.WorkspaceFolder;
  result?: PackResult;
  /** Why `result` may not be current: a check running for a while, or the last one failed. */
  freshness: Freshness;
  /** file → diagnostics this pack publishes there */
  published: Map<string, vscode.Diagnostic[]>;
}

const SEVERITY: Record<CoreDiagnostic['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export function toVsRange(r: CoreDiagnostic['range']): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

export function toVsDiagnostic(d: CoreDiagnostic): vscode.Diagnostic {
  const out = new vscode.Diagnostic(toVsRange(d.range), d.message, SEVERITY[d.severity]);
  out.source = DIAGNOSTIC_SOURCE;
  out.code = d.code;
  return out;
}

/** Skip paths whose changes never matter to a pack (VCS internals, dependencies). */
function ignoredPath(path: string): boolean {
  return /\/(\.git|node_modules|\.hg|\.svn)(\/|$)/.test(path);
}

export class PackService implements vscode.Disposable {
  private readonly engines = new Map<string, Engine>();
  private readonly packs = new Map<string, PackState>();
  private readonly collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  private readonly disposables: vscode.Disposable[] = [this.collection];
  private readonly updated = new vscode.EventEmitter<PackResult>();
  private readonly packsChanged = new vscode.EventEmitter<void>();
  /** Fires after a pack was checked and its diagnostics published. */
  readonly onDidUpdate = this.updated.event;
  /** Fires when packs appear or go. */
  readonly onDidChangePacks = this.packsChanged.event;
  private readonly freshnessChanged = new vscode.EventEmitter<string>();
  /** Fires when a pack's score stops or starts being current (see `freshness`). */
  readonly onDidChangeFreshness = this.freshnessChanged.event;
  private readonly currentChanged = new vscode.EventEmitter<string>();
  /** Fires when the user picks a pack to look at (the panel's picker). */
  readonly onDidChooseCurrent = this.currentChanged.event;
  private ready: Promise<void> = Promise.resolve();
  /** Debounced, latest-wins checks per pack root. */
  private readonly runs = new LatestRun<string, PackResult | undefined>(
    (root) => this.runCheck(root),
    (root, r) => this.accept(root, r),
  );
  /** The pack the user last worked in (status bar and panel fall back to it). */
  lastUsedPack?: string;

  /** `host`: which extension host this is and how the engine reads a folder (the disk, or vscode.workspace.fs). */
  constructor(readonly host: ExtensionHostKind) {
    this.disposables.push(this.updated, this.packsChanged, this.currentChanged, this.freshnessChanged);
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.onPathChanged(e.document.uri, true);
      }),
      // Closing a modified document without saving returns the file to its disk content.
      vscode.workspace.onDidCloseTextDocument((d) => this.onPathChanged(d.uri, true)),
      vscode.workspace.onDidSaveTextDocument((d) => this.onPathChanged(d.uri, true)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.rescan()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('evidencePack')) void this.rescan();
      }),
    );
  }

  /** Discovers and checks every pack; shows progress when it takes longer than a second. */
  start(): Promise<void> {
    this.ready = this.rescan();
    return this.ready;
  }

  whenReady(): Promise<void> {
    return this.ready;
  }

  /** The user chose a pack (panel picker): the status bar follows it until an editor says otherwise. */
  choose(root: string): void {
    this.lastUsedPack = root;
    this.currentChanged.fire(root);
  }

  get roots(): string[] {
    return [...this.packs.keys()].sort();
  }

  result(root: string): PackResult | undefined {
    return this.packs.get(root)?.result;
  }

  packOf(uri: vscode.Uri): string | undefined {
    return isWorkspaceResource(uri) ? packForPath(this.packs.keys(), uriToPath(uri)) : undefined;
  }

  /** The workspace folder a pack lives in (for relative labels). */
  folderOf(root: string): vscode.WorkspaceFolder | undefined {
    return this.packs.get(root)?.folder;
  }

  engineFor(root: string): Engine | undefined {
    const s = this.packs.get(root);
    return s && this.engines.get(s.folder.uri.toString());
  }

  /** Throws away every cache (new engines) and checks everything again. */
  async rescan(): Promise<void> {
    this.runs.cancelAll();
    this.engines.clear();
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
    const work = this.discoverAll();
    let done = false;
    const timer = setTimeout(() => {
      if (!done) {
        void vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: tr('status.checking') }, () => work);
      }
    }, 1000);
    try {
      await work;
    } finally {
      done = true;
      clearTimeout(timer);
    }
  }

  private watchers: vscode.FileSystemWatcher[] = [];

  private makeEngine(folder: vscode.WorkspaceFolder): Engine {
    const settings = readSettings(folder.uri);
    const root = uriToPath(folder.uri);
    const fs = overlayFileSystem(this.host.fileSystemFor(folder), (path) => this.openText(path));
    return new Engine({ fs, clock: systemClock, lang: settings.lang, maxFileSize: settings.maxFileSize, workspaceRoot: root });
  }

  /** Text of a modified, unsaved editor buffer for this path; saved buffers come from disk. */
  private openText(path: string): string | undefined {
    for (const d of vscode.workspace.textDocuments) {
      if (d.isDirty && isSameResource(d.uri, path)) return d.getText();
    }
    return undefined;
  }

  private async discoverAll(): Promise<void> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    const found = new Map<string, vscode.WorkspaceFolder>();
    for (const folder of folders) {
      const engine = this.makeEngine(folder);
      this.engines.set(folder.uri.toString(), engine);
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, '**/*'));
      watcher.onDidCreate((u) => this.onFileEvent(u, 'create'));
      watcher.onDidChange((u) => this.onFileEvent(u, 'change'));
      watcher.onDidDelete((u) => this.onFileEvent(u, 'delete'));
      this.watchers.push(watcher);
      try {
        for (const root of await engine.findPacks(uriToPath(folder.uri))) if (!found.has(root)) found.set(root, folder);
      } catch (err) {
        console.error('[evidence-pack] finding packs failed', err);
      }
    }
    this.syncPacks(found);
    await Promise.all([...this.packs.keys()].map((root) => this.check(root)));
  }

  /** Adds new packs and drops packs that went (clearing their diagnostics). */
  private syncPacks(found: Map<string, vscode.WorkspaceFolder>): void {
    let changed = false;
    for (const [root, s] of this.packs) {
      if (!found.has(root)) {
        this.runs.cancel(root);
        this.packs.delete(root);
        this.publish(s, new Map());
        changed = true;
      }
    }
    for (const [root, folder] of found) {
      const s = this.packs.get(root);
      if (!s) {
        this.packs.set(root, { root, folder, published: new Map(), freshness: { kind: 'current' } });
        changed = true;
      } else {
        s.folder = folder;
      }
    }
    if (changed) this.packsChanged.fire();
  }

  private async rediscover(folder: vscode.WorkspaceFolder): Promise<void> {
    const engine = this.engines.get(folder.uri.toString());
    if (!engine) return;
    let roots: string[] = [];
    try {
      roots = await engine.findPacks(uriToPath(folder.uri));
    } catch (err) {
      console.error('[evidence-pack] finding packs failed', err);
    }
    const found = new Map<string, vscode.WorkspaceFolder>();
    for (const [root, s] of this.packs) if (s.folder.uri.toString() !== folder.uri.toString()) found.set(root, s.folder);
    for (const root of roots) found.set(root, folder);
    const before = new Set(this.packs.keys());
    this.syncPacks(found);
    for (const root of this.packs.keys()) if (!before.has(root)) this.schedule(root, 0);
  }

  private onFileEvent(uri: vscode.Uri, kind: 'create' | 'change' | 'delete'): void {
    if (!isWorkspaceResource(uri)) return;
    const path = uriToPath(uri);
    if (ignoredPath(path)) return;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const isManifest = path.endsWith(`/${MANIFEST_NAME}`);
    if (folder && (kind !== 'change' || !isManifest) && (isManifest || kind === 'delete')) {
      // A manifest came or went, or a folder that may hold one was deleted.
      this.engines.get(folder.uri.toString())?.invalidate(path, kind);
      void this.rediscover(folder);
    }
    this.onPathChanged(uri, false, kind);
  }

  /** A file changed on disk or in an editor: drop its cache and re-check the packs it touches. */
  private onPathChanged(uri: vscode.Uri, fromEditor: boolean, change: 'create' | 'change' | 'delete' = 'change'): void {
    if (!isWorkspaceResource(uri)) return;
    const path = uriToPath(uri);
    if (ignoredPath(path)) return;
    // create/delete also tell the engine that folder listings (new or gone evidence files) changed
    for (const engine of this.engines.values()) engine.invalidate(path, change);
    const settings = readSettings(uri);
    const root = packForPath(this.packs.keys(), path);
    if (root) {
      this.lastUsedPack = fromEditor ? root : this.lastUsedPack;
      this.schedule(root, settings.debounceMs);
      return;
    }
    // Outside every pack: a shared standard or scoring sheet, or an attachment linked from
    // above the pack. Re-check the packs of that folder (cached files make this cheap).
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    for (const s of this.packs.values()) {
      if (!folder || s.folder.uri.toString() === folder.uri.toString()) this.schedule(s.root, settings.debounceMs);
    }
  }

  schedule(root: string, delay: number): void {
    if (this.packs.has(root)) this.runs.schedule(root, delay);
  }

  /** Checks one pack now; a result overtaken by a newer run (or by the pack going) is dropped. */
  check(root: string): Promise<PackResult | undefined> {
    return this.runs.now(root).then((r) => r ?? undefined);
  }

  /** Whether the score shown for a pack is its current one. */
  freshness(root: string): Freshness {
    return this.packs.get(root)?.freshness ?? { kind: 'current' };
  }

  private setFreshness(s: PackState, freshness: Freshness): void {
    if (JSON.stringify(s.freshness) === JSON.stringify(freshness)) return;
    s.freshness = freshness;
    this.freshnessChanged.fire(s.root);
  }

  private async runCheck(root: string): Promise<PackResult | undefined> {
    const s = this.packs.get(root);
    const engine = s && this.engines.get(s.folder.uri.toString());
    if (!s || !engine) return undefined;
    // A check that takes longer than a moment (a slow file system) marks the score shown as not current.
    const slow = setTimeout(() => {
      if (s.freshness.kind === 'current') this.setFreshness(s, { kind: 'checking' });
    }, SLOW_CHECK_MS);
    try {
      return await engine.checkPack(root);
    } catch (err) {
      console.error(`[evidence-pack] checking ${root} failed`, err);
      const detail = err instanceof Error ? err.message : String(err);
      this.setFreshness(s, { kind: 'failed', detail: detail.length > 200 ? `${detail.slice(0, 200)}…` : detail });
      return undefined;
    } finally {
      clearTimeout(slow);
      if (s.freshness.kind === 'checking') this.setFreshness(s, { kind: 'current' });
    }
  }

  private accept(root: string, result: PackResult | undefined): void {
    const s = this.packs.get(root);
    if (!s || !result) return;
    s.result = result;
    s.freshness = { kind: 'current' }; // the status bar refreshes on onDidUpdate below
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const d of result.diagnostics) {
      const list = byFile.get(d.file) ?? [];
      list.push(toVsDiagnostic(d));
      byFile.set(d.file, list);
    }
    this.publish(s, byFile);
    this.updated.fire(result);
  }

  /** Sets a pack's diagnostics; a file shared by packs (a standard) shows the union. */
  private publish(s: PackState, byFile: Map<string, vscode.Diagnostic[]>): void {
    const touched = new Set([...s.published.keys(), ...byFile.keys()]);
    s.published = byFile;
    for (const file of touched) {
      const all: vscode.Diagnostic[] = [];
      const seen = new Set<string>();
      for (const other of this.packs.values()) {
        for (const d of other.published.get(file) ?? []) {
          const key = `${d.range.start.line}:${d.range.start.character}:${d.range.end.line}:${d.range.end.character}:${String(d.code)}:${d.message}`;
          if (!seen.has(key)) {
            seen.add(key);
            all.push(d);
          }
        }
      }
      if (!this.packs.has(s.root)) for (const d of byFile.get(file) ?? []) all.push(d);
      const uri = this.fileUri(file);
      if (all.length > 0) this.collection.set(uri, all);
      else this.collection.delete(uri);
    }
  }

  /** A path from the engine as a URI; `builtin:ID` is the built-in standard, read-only. */
  fileUri(file: string): vscode.Uri {
    return builtinUri(file) ?? pathToUri(file);
  }

  /** The core diagnostics of a pack at a file (for quick fixes that need `clause` or `data`). */
  coreDiagnostics(root: string, file: string): CoreDiagnostic[] {
    return this.result(root)?.diagnostics.filter((d) => d.file === file) ?? [];
  }

  dispose(): void {
    this.runs.cancelAll();
    for (const w of this.watchers) w.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
