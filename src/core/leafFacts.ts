// Every entry of a leaf across the pack, merged (docs/formats.md): evidence concatenated, the first
// explicit status wins and any different one is a conflict, the first samples / awarded /
// justification given are used. Entries count in pack order (files sorted, then position).
//
// Merging runs on every keystroke over the whole pack, so it never walks entries or evidence
// items: each file is summarised per leaf once (`leafParts`, memoised on its cached result) and
// a keystroke combines those small summaries — one per file and leaf — in file order.
// `LeafMerger` goes further: it keeps the combination and, on the next call, takes out the
// summaries of the files that changed and puts in their new ones, so a keystroke costs one file.
import type { Clause, ClauseEntry, ClauseStatus, FileResult } from './types';

/** What one file says about one leaf. */
export interface LeafPart {
  clause: string;
  first: ClauseEntry;
  entryCount: number;
  /** Entries with an explicit status, grouped by status in order of first appearance (usually one group). */
  statusGroups: { status: ClauseStatus; entries: ClauseEntry[] }[];
  samplesEntry?: ClauseEntry;
  awardedEntry?: ClauseEntry;
  justification?: string;
  evidenceCount: number;
  countingEvidence: number;
  /** Kind ids with at least one counting item. */
  countingKinds: string[];
  /** The leaf list this part's index was resolved against, and the index (−1: not a leaf). */
  resolvedFor?: Clause[];
  leafIndex: number;
}

export interface LeafFacts {
  leaf: Clause;
  entryCount: number;
  /** The leaf's first entry in pack order (where leaf-level problems are shown). */
  firstEntry?: ClauseEntry;
  /** Entries saying `excluded`, in pack order. */
  excludedEntries: ClauseEntry[];
  status?: ClauseStatus;
  statusEntry?: ClauseEntry;
  conflicts: ClauseEntry[];
  justification?: string;
  samples?: { size: number; nonconforming: number };
  samplesEntry?: ClauseEntry;
  awarded?: number;
  awardedEntry?: ClauseEntry;
  evidenceCount: number;
  countingEvidence: number;
  /** Kind ids with at least one counting item. */
  countingKinds: Set<string>;
}

const partsCache = new WeakMap<FileResult, LeafPart[]>();

/** One file's entries summarised per clause id, in order of first appearance. */
export function leafParts(result: FileResult): LeafPart[] {
  let parts = partsCache.get(result);
  if (parts) return parts;
  const byId = new Map<string, LeafPart>();
  for (const e of result.entries) {
    let p = byId.get(e.clause);
    if (!p) {
      // Every field set up front: one object shape, so the merge loop's property reads stay fast.
      p = {
        clause: e.clause,
        first: e,
        entryCount: 0,
        statusGroups: [],
        samplesEntry: undefined,
        awardedEntry: undefined,
        justification: undefined,
        evidenceCount: 0,
        countingEvidence: 0,
        countingKinds: [],
        resolvedFor: undefined,
        leafIndex: -1,
      };
      byId.set(e.clause, p);
    }
    p.entryCount++;
    if (e.status) {
      const g = p.statusGroups.find((x) => x.status === e.status);
      if (g) g.entries.push(e);
      else p.statusGroups.push({ status: e.status, entries: [e] });
    }
    if (e.samples && !p.samplesEntry) p.samplesEntry = e;
    if (e.awarded !== undefined && !p.awardedEntry) p.awardedEntry = e;
    if (e.justification && !p.justification) p.justification = e.justification;
    for (const item of e.evidence) {
      p.evidenceCount++;
      if (item.counts && item.kindId) {
        p.countingEvidence++;
        if (!p.countingKinds.includes(item.kindId)) p.countingKinds.push(item.kindId);
      }
    }
  }
  parts = [...byId.values()];
  partsCache.set(result, parts);
  return parts;
}

/**
 * Merges the files' summaries (given in pack order) into one fact sheet per leaf of the standard, in one
 * pass. The engine uses `LeafMerger`, which gives the same result and keeps it between checks; this is
 * the plain statement of the merge that test/unit/leafMerge.test.ts holds LeafMerger to.
 */
export function mergeLeaves(leaves: Clause[], files: FileResult[]): LeafFacts[] {
  const facts: LeafFacts[] = leaves.map((leaf) => ({
    leaf,
    entryCount: 0,
    firstEntry: undefined,
    excludedEntries: [],
    status: undefined,
    statusEntry: undefined,
    conflicts: [],
    justification: undefined,
    samples: undefined,
    samplesEntry: undefined,
    awarded: undefined,
    awardedEntry: undefined,
    evidenceCount: 0,
    countingEvidence: 0,
    countingKinds: new Set<string>(),
  }));
  let index: Map<string, number> | undefined;
  for (const file of files) {
    for (const p of leafParts(file)) {
      // The clause id → leaf lookup is done once per part and standard, not on every keystroke.
      if (p.resolvedFor !== leaves) {
        index ??= new Map(leaves.map((l, i) => [l.id, i]));
        p.leafIndex = index.get(p.clause) ?? -1;
        p.resolvedFor = leaves;
      }
      if (p.leafIndex < 0) continue; // unknown clause or a parent: reported by file rules, not scored
      const f = facts[p.leafIndex];
      if (f.entryCount === 0) f.firstEntry = p.first;
      f.entryCount += p.entryCount;
      for (const g of p.statusGroups) {
        if (!f.statusEntry) {
          f.status = g.status;
          f.statusEntry = g.entries[0];
        } else if (g.status !== f.status) for (const e of g.entries) f.conflicts.push(e);
        if (g.status === 'excluded') for (const e of g.entries) f.excludedEntries.push(e);
      }
      if (p.samplesEntry && !f.samplesEntry) {
        f.samplesEntry = p.samplesEntry;
        f.samples = p.samplesEntry.samples;
      }
      if (p.awardedEntry && !f.awardedEntry) {
        f.awardedEntry = p.awardedEntry;
        f.awarded = p.awardedEntry.awarded;
      }
      if (p.justification && !f.justification) f.justification = p.justification;
      f.evidenceCount += p.evidenceCount;
      f.countingEvidence += p.countingEvidence;
      for (const k of p.countingKinds) f.countingKinds.add(k);
    }
  }
  return facts;
}

// ---------------------------------------------------------------- incremental merging

/** Whether a part gives samples, awarded, justification (in that order: 0, 1, 2): the fields a leaf
 *  takes from the first file giving them (`LeafAggregate.provider`). The first entry needs no tracking:
 *  it is the first part's, and the status is found from `byStatus`. */
const GIVES: ((p: LeafPart) => boolean)[] = [(p) => !!p.samplesEntry, (p) => !!p.awardedEntry, (p) => !!p.justification];

/** One leaf's merge, kept in a form a file can be taken out of again. */
interface LeafAggregate {
  entryCount: number;
  evidenceCount: number;
  countingEvidence: number;
  /** Kind id → how many files count it: a kind goes when its last file does. */
  kinds: Map<string, number>;
  /** Ascending indexes of the files with entries on the leaf, and their parts (the first entry is
   *  parts[0]'s); a scan along the leaf visits only these. */
  files: number[];
  parts: LeafPart[];
  /** Per field (0 samples, 1 awarded, 2 justification), the index of the first file giving it (−1: none). */
  provider: number[];
  /** Status → ascending indexes of the files with an entry saying it. The winning status is the
   *  one whose first file comes first; conflicts and exclusions are listed from these. */
  byStatus: Map<ClauseStatus, number[]>;
}

/** A field whose giving file left, to be looked for from that file's index on. */
interface Lost {
  leaf: number;
  field: number;
  from: number;
}

/** Above this many changed files a merge starts over. Updating costs a file out and a file in per
 *  changed file, plus sorted-array splices and forward scans; starting over costs one file in per
 *  file, whichever files changed. Measured on 1,000 files × 22 parts, they break even at about a
 *  sixth of the pack (an eighth: 2.6 ms updating, 3.7 ms starting over; all: 12.7 ms updating), so
 *  an eighth keeps updating only where it wins. That many changes come from a reload, a checkout
 *  or a first run, not from typing. Small packs may always update up to four files: both ways
 *  cost microseconds there. */
function rebuildAbove(fileCount: number): number {
  return Math.max(4, fileCount / 8);
}

/** Where `n` is or would go in an ascending list. */
function lowerBound(list: number[], n: number): number {
  let lo = 0,
    hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] < n) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Inserts `n` into an ascending list and returns its position (files go in in order when starting over: a push). */
function insertSorted(list: number[], n: number): number {
  if (!list.length || list[list.length - 1] < n) return list.push(n) - 1;
  const at = lowerBound(list, n);
  list.splice(at, 0, n);
  return at;
}

/**
 * `mergeLeaves` for a pack that changes a file at a time. Each call returns what
 * `mergeLeaves(leaves, files)` returns (the same entry objects, in the same order; `countingKinds`
 * holds the same kinds, sorted), but after the first call only the files whose FileResult object
 * changed (by identity, at the same index) cost work. The result is built afresh on each call, so
 * a caller may keep an earlier one.
 */
export class LeafMerger {
  private leaves: Clause[] | undefined;
  /** Leaf id → leaf index for `leaves` (the last leaf of an id wins, as in `mergeLeaves`). */
  private index = new Map<string, number>();
  /** The files merged, as last seen (a copy: the caller may reuse its array). */
  private files: FileResult[] = [];
  private aggregates: LeafAggregate[] = [];
  /** How the last call merged (tests check that both ways are taken). */
  lastMerge: 'rebuild' | 'update' = 'rebuild';

  merge(leaves: Clause[], files: FileResult[]): LeafFacts[] {
    let rebuild = leaves !== this.leaves || files.length !== this.files.length;
    const changed: number[] = [];
    if (!rebuild) {
      const limit = rebuildAbove(files.length);
      for (let i = 0; i < files.length && !rebuild; i++) {
        if (files[i] !== this.files[i]) rebuild = changed.push(i) > limit;
      }
    }
    if (rebuild) this.rebuild(leaves, files);
    else if (changed.length) this.update(files, changed);
    this.lastMerge = rebuild ? 'rebuild' : 'update';
    return this.facts();
  }

  private rebuild(leaves: Clause[], files: FileResult[]): void {
    if (leaves !== this.leaves) {
      this.leaves = leaves;
      this.index = new Map(leaves.map((l, i) => [l.id, i]));
    }
    this.files = files.slice();
    this.aggregates = leaves.map(() => ({
      entryCount: 0,
      evidenceCount: 0,
      countingEvidence: 0,
      kinds: new Map(),
      files: [],
      parts: [],
      provider: [-1, -1, -1],
      byStatus: new Map(),
    }));
    // Files go in in pack order, so the first file giving a field keeps it.
    for (let i = 0; i < files.length; i++) this.add(i, files[i]);
  }

  /** Takes every changed file out, puts its new result in, then finds the fields whose giver left. */
  private update(files: FileResult[], changed: number[]): void {
    const lost: Lost[] = [];
    for (const i of changed) this.remove(i, this.files[i], lost);
    for (const i of changed) this.add(i, files[i]);
    for (const { leaf, field, from } of lost) {
      // No file before `from` gave the field, except perhaps a changed file, which `add` offered
      // already; so the first giver is the offered one or a file from `from` up to it.
      const a = this.aggregates[leaf];
      const offered = a.provider[field];
      for (let k = lowerBound(a.files, from); k < a.files.length && (offered < 0 || a.files[k] < offered); k++) {
        if (GIVES[field](a.parts[k])) {
          a.provider[field] = a.files[k];
          break;
        }
      }
    }
  }

  /** The leaf index of a part, resolved once per part and leaf list (shared with `mergeLeaves`). */
  private leafOf(p: LeafPart): number {
    if (p.resolvedFor !== this.leaves) {
      p.leafIndex = this.index.get(p.clause) ?? -1;
      p.resolvedFor = this.leaves;
    }
    return p.leafIndex;
  }

  private add(i: number, file: FileResult): void {
    for (const p of leafParts(file)) {
      const l = this.leafOf(p);
      if (l < 0) continue; // unknown clause or a parent: not scored
      const a = this.aggregates[l];
      const at = insertSorted(a.files, i);
      if (at === a.parts.length) a.parts.push(p);
      else a.parts.splice(at, 0, p);
      a.entryCount += p.entryCount;
      a.evidenceCount += p.evidenceCount;
      a.countingEvidence += p.countingEvidence;
      for (const k of p.countingKinds) a.kinds.set(k, (a.kinds.get(k) ?? 0) + 1);
      for (const g of p.statusGroups) {
        let list = a.byStatus.get(g.status);
        if (!list) a.byStatus.set(g.status, (list = []));
        insertSorted(list, i);
      }
      for (let field = 0; field < GIVES.length; field++) {
        const giver = a.provider[field];
        if ((giver < 0 || i < giver) && GIVES[field](p)) a.provider[field] = i;
      }
    }
    this.files[i] = file;
  }

  /** Takes file `i` out; a field it gave is left unset and noted in `lost` to be looked for again. */
  private remove(i: number, file: FileResult, lost: Lost[]): void {
    for (const p of leafParts(file)) {
      const l = this.leafOf(p); // the leaf list is the one the file went in with, so the same leaf
      if (l < 0) continue;
      const a = this.aggregates[l];
      const k = lowerBound(a.files, i);
      a.files.splice(k, 1);
      a.parts.splice(k, 1);
      a.entryCount -= p.entryCount;
      a.evidenceCount -= p.evidenceCount;
      a.countingEvidence -= p.countingEvidence;
      for (const kind of p.countingKinds) {
        const n = a.kinds.get(kind)! - 1;
        if (n > 0) a.kinds.set(kind, n);
        else a.kinds.delete(kind);
      }
      for (const g of p.statusGroups) {
        const list = a.byStatus.get(g.status)!;
        list.splice(lowerBound(list, i), 1);
      }
      for (let field = 0; field < GIVES.length; field++) {
        if (a.provider[field] === i) {
          a.provider[field] = -1;
          lost.push({ leaf: l, field, from: i });
        }
      }
    }
  }

  /** Fresh fact sheets from the aggregates: a few lookups per leaf, plus its conflicts and exclusions. */
  private facts(): LeafFacts[] {
    return this.leaves!.map((leaf, l) => {
      const a = this.aggregates[l];
      const part = (f: number) => a.parts[lowerBound(a.files, f)];
      // The winning status is the first group of the first file with any status.
      let statusFile = -1;
      for (const list of a.byStatus.values()) if (list.length && (statusFile < 0 || list[0] < statusFile)) statusFile = list[0];
      const winner = statusFile >= 0 ? part(statusFile).statusGroups[0] : undefined;
      const conflicts: ClauseEntry[] = [];
      if (winner) {
        // Files with another status, in pack order; within a file its groups in order.
        let others: number[] = [];
        for (const [s, list] of a.byStatus) if (s !== winner.status) others = others.concat(list);
        others.sort((x, y) => x - y);
        for (let k = 0; k < others.length; k++) {
          if (k > 0 && others[k] === others[k - 1]) continue; // a file with two other statuses
          for (const g of part(others[k]).statusGroups) if (g.status !== winner.status) for (const e of g.entries) conflicts.push(e);
        }
      }
      const excludedEntries: ClauseEntry[] = [];
      for (const f of a.byStatus.get('excluded') ?? []) {
        for (const e of part(f).statusGroups.find((g) => g.status === 'excluded')!.entries) excludedEntries.push(e);
      }
      const [samples, awarded, justification] = a.provider;
      const samplesEntry = samples >= 0 ? part(samples).samplesEntry : undefined;
      const awardedEntry = awarded >= 0 ? part(awarded).awardedEntry : undefined;
      return {
        leaf,
        entryCount: a.entryCount,
        firstEntry: a.parts.length ? a.parts[0].first : undefined,
        excludedEntries,
        status: winner?.status,
        statusEntry: winner?.entries[0],
        conflicts,
        justification: justification >= 0 ? part(justification).justification : undefined,
        samples: samplesEntry?.samples,
        samplesEntry,
        awarded: awardedEntry?.awarded,
        awardedEntry,
        evidenceCount: a.evidenceCount,
        countingEvidence: a.countingEvidence,
        // Sorted, so the order does not depend on the order files changed in.
        countingKinds: new Set([...a.kinds.keys()].sort()),
      };
    });
  }
}

export function missingKinds(f: LeafFacts): string[] {
  return f.leaf.requires.filter((k) => !f.countingKinds.has(k));
}

/** Whether an `excluded` status stands (docs/scoring.md, rule 2); when it does not, the leaf is scored as if it had no status. */
export function exclusionStands(f: LeafFacts): boolean {
  return f.status === 'excluded' && f.leaf.excludable && !!f.justification;
}
