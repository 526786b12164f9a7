// Both cores for a whole-pack check on the command line (never used by the extension): each evidence
// file's text that the YAML fast path declines is analysed (parsed, schema-checked, file rules) in a
// worker thread (the files it takes are cheaper to analyse here than to send); the main thread still
// reads the files, merges, runs the pack rules and scores, exactly as without workers. A worker returns
// the same plain FileResult the engine would have computed itself (structured clone).
//
//   const analyzer = startParallelAnalyzer({ script: __filename });   // in the CLI bundle
//   const engine = new Engine(host, { analyzeText: analyzer.analyzeText });
//   … await engine.checkPack(root) …
//   await analyzer.close();
//
// The bundle named by `script` must call `runAnalyzerWorkerIfAsked()` at load time, before anything
// else: in a worker it serves requests and returns true (the caller must then do nothing more).
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { analyzeEvidenceText } from '../core/analyze';
import { makeContext, type PackContext } from '../core/context';
import { nodeFileSystem } from './nodeFs';
import { fastParseYaml } from '../core/parse/fastYaml';
import { LineIndex } from '../core/text';
import type { FileResult, Lang, Manifest, Standard } from '../core/types';

const FLAG = 'evidencePackAnalyzerWorker';
/** Also on a worker's command line, so that a process can tell it is none without loading worker_threads. */
const FLAG_ARG = '--evidence-pack-analyzer-worker';
// Loaded when first needed: worker_threads (and the streams it loads) cost a tenth of a cold `check`.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the lazy load is the point
const threadsApi = (): typeof import('node:worker_threads') => require('node:worker_threads') as typeof import('node:worker_threads');

interface ContextMessage {
  kind: 'context';
  ctxId: number;
  standard: Standard;
  manifest: Manifest;
  lang: Lang;
  workspaceRoot: string;
}
interface FileMessage {
  kind: 'file';
  id: number;
  ctxId: number;
  text: string;
  file: string;
}
type Reply = { id: number; result: FileResult } | { id: number; error: string; stack?: string };

export interface ParallelAnalyzer {
  /** Drop-in for `analyzeEvidenceText`, for `new Engine(host, { analyzeText })`. */
  analyzeText(text: string, file: string, ctx: PackContext): Promise<FileResult>;
  /** Ends the workers (pending analyses reject; later ones run on this thread). */
  close(): Promise<void>;
  readonly threads: number;
}

/**
 * Analyses on `threads` workers (default: one per core) running `script`. The first `inThreadFirst` files
 * are analysed on this thread and the workers start only after them, so a small pack pays no start-up.
 * A worker that dies hands its files back to this thread: a result is never lost or different.
 */
export function startParallelAnalyzer(opts: { script: string; threads?: number; inThreadFirst?: number }): ParallelAnalyzer {
  const threads = Math.max(1, opts.threads ?? availableParallelism());
  interface Pending {
    resolve(r: FileResult): void;
    reject(e: Error): void;
    worker: number;
    text: string;
    file: string;
    ctx: PackContext;
  }
  const pending = new Map<number, Pending>();
  const inFlight = new Array<number>(threads).fill(0);
  const dead = new Array<boolean>(threads).fill(false);
  const known = Array.from({ length: threads }, () => new Set<number>());
  const contextIds = new WeakMap<PackContext, number>();
  let nextId = 0,
    nextCtx = 0,
    requests = 0,
    closing = false;
  let workers: Worker[] | undefined;
  const inThread = (p: Pending) => analyzeEvidenceText(p.text, p.file, p.ctx).then(p.resolve, p.reject);
  const lose = (w: number) => {
    dead[w] = true;
    for (const [id, p] of pending)
      if (p.worker === w) {
        pending.delete(id);
        if (closing) p.reject(new Error('analyzer closed'));
        else void inThread(p);
      }
  };
  const start = () =>
    Array.from({ length: threads }, (_, w) => {
      const worker = new (threadsApi().Worker)(opts.script, { workerData: { [FLAG]: true }, argv: [FLAG_ARG] });
      worker.unref();
      worker.on('message', (reply: Reply) => {
        const p = pending.get(reply.id);
        if (!p) return;
        pending.delete(reply.id);
        // Idle workers never keep the process alive; busy ones must (else it could exit mid-check).
        if (--inFlight[w] === 0) worker.unref();
        // An exception inside the analysis: analyse here, where it throws (or not) exactly as without workers.
        if ('error' in reply) void inThread(p);
        else p.resolve(reply.result);
      });
      worker.on('error', () => lose(w));
      worker.on('exit', () => lose(w));
      return worker;
    });
  return {
    threads,
    analyzeText(text, file, ctx) {
      // A file the YAML fast path takes is analysed here: in about a millisecond, less than sending its text
      // to a worker and its result back (measured: bench/run.mjs). Workers get the files it declines.
      if (!/\.md$/i.test(file)) {
        const fast = fastParseYaml(text, new LineIndex(text));
        if (fast) return analyzeEvidenceText(text, file, ctx, fast);
      }
      if (requests++ < (opts.inThreadFirst ?? 0) || closing) return analyzeEvidenceText(text, file, ctx);
      workers ??= start();
      let w = -1;
      for (let i = 0; i < threads; i++) if (!dead[i] && (w < 0 || inFlight[i] < inFlight[w])) w = i;
      if (w < 0) return analyzeEvidenceText(text, file, ctx);
      let ctxId = contextIds.get(ctx);
      if (ctxId === undefined) {
        ctxId = nextCtx++;
        contextIds.set(ctx, ctxId);
      }
      // The pack's standard and manifest go to a worker once per check.
      if (!known[w].has(ctxId)) {
        known[w].add(ctxId);
        workers[w].postMessage({
          kind: 'context',
          ctxId,
          standard: ctx.standard,
          manifest: ctx.manifest,
          lang: ctx.lang,
          workspaceRoot: ctx.workspaceRoot,
        } satisfies ContextMessage);
      }
      const id = nextId++;
      if (inFlight[w]++ === 0) workers[w].ref();
      return new Promise<FileResult>((resolve, reject) => {
        pending.set(id, { resolve, reject, worker: w, text, file, ctx });
        workers![w].postMessage({ kind: 'file', id, ctxId, text, file } satisfies FileMessage);
      });
    },
    async close() {
      closing = true;
      await Promise.all((workers ?? []).map((w) => w.terminate()));
      for (const p of pending.values()) p.reject(new Error('analyzer closed'));
      pending.clear();
    },
  };
}

/** In a worker started by `startParallelAnalyzer`: serve requests and return true. Elsewhere: false. */
export function runAnalyzerWorkerIfAsked(): boolean {
  if (!process.argv.includes(FLAG_ARG)) return false;
  const { isMainThread, parentPort, workerData } = threadsApi();
  if (isMainThread || !parentPort || !(workerData as Record<string, unknown> | null)?.[FLAG]) return false;
  const port = parentPort;
  const contexts = new Map<number, PackContext>();
  port.on('message', (m: ContextMessage | FileMessage) => {
    if (m.kind === 'context') {
      contexts.set(m.ctxId, makeContext(m.standard, m.manifest, m.lang, nodeFileSystem, m.workspaceRoot));
      return;
    }
    const ctx = contexts.get(m.ctxId);
    if (!ctx) {
      port.postMessage({ id: m.id, error: 'unknown pack context' } satisfies Reply);
      return;
    }
    analyzeEvidenceText(m.text, m.file, ctx).then(
      (result) => port.postMessage({ id: m.id, result } satisfies Reply),
      (e: unknown) => port.postMessage({ id: m.id, error: String((e as Error)?.message ?? e), stack: (e as Error)?.stack } satisfies Reply),
    );
  });
  return true;
}
