// Every entry of a leaf across the pack, merged (SPEC §3.1): evidence concatenated, the first
// explicit status wins and any different one is a conflict, the first samples / awarded /
// justification given are used. Entries count in pack order (files sorted, then position).
//
// Merging runs on every keystroke over the whole pack, so it never walks entries or evidence
// items: each file is summarised per leaf once (`leafParts`, memoised on its cached result) and
// a keystroke combines those small summaries — one per file and leaf — in file order.
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
      p = { clause: e.clause, first: e, entryCount: 0, statusGroups: [], samplesEntry: undefined, awardedEntry: undefined, justification: undefined, evidenceCount: 0, countingEvidence: 0, countingKinds: [], resolvedFor: undefined, leafIndex: -1 };
      byId.set(e.clause, p);
    }
    p.entryCount++;
    if (e.status) {
      const g = p.statusGroups.find((x) => x.status === e.status);
      if (g) g.entries.push(e); else p.statusGroups.push({ status: e.status, entries: [e] });
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

/** Merges the files' summaries (given in pack order) into one fact sheet per leaf of the standard. */
export function mergeLeaves(leaves: Clause[], files: FileResult[]): LeafFacts[] {
  const facts: LeafFacts[] = leaves.map((leaf) => ({
    leaf, entryCount: 0, firstEntry: undefined, excludedEntries: [], status: undefined, statusEntry: undefined, conflicts: [],
    justification: undefined, samples: undefined, samplesEntry: undefined, awarded: undefined, awardedEntry: undefined,
    evidenceCount: 0, countingEvidence: 0, countingKinds: new Set<string>(),
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
        if (!f.statusEntry) { f.status = g.status; f.statusEntry = g.entries[0]; } else if (g.status !== f.status) for (const e of g.entries) f.conflicts.push(e);
        if (g.status === 'excluded') for (const e of g.entries) f.excludedEntries.push(e);
      }
      if (p.samplesEntry && !f.samplesEntry) { f.samplesEntry = p.samplesEntry; f.samples = p.samplesEntry.samples; }
      if (p.awardedEntry && !f.awardedEntry) { f.awardedEntry = p.awardedEntry; f.awarded = p.awardedEntry.awarded; }
      if (p.justification && !f.justification) f.justification = p.justification;
      f.evidenceCount += p.evidenceCount;
      f.countingEvidence += p.countingEvidence;
      for (const k of p.countingKinds) f.countingKinds.add(k);
    }
  }
  return facts;
}

export function missingKinds(f: LeafFacts): string[] {
  return f.leaf.requires.filter((k) => !f.countingKinds.has(k));
}

/** Whether an `excluded` status stands (SPEC §5 rule 2); when it does not, the leaf is scored as if it had no status. */
export function exclusionStands(f: LeafFacts): boolean {
  return f.status === 'excluded' && f.leaf.excludable && !!f.justification;
}
