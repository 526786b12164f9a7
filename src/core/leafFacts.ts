// Every entry of a leaf across the pack, merged (SPEC §3.1): evidence concatenated, the first
// explicit status wins and any different one is a conflict, the first samples / awarded /
// justification given are used. Entries come in pack order (files sorted, then position).
import type { Clause, ClauseEntry, ClauseStatus, EvidenceItem } from './types';

export interface LeafFacts {
  leaf: Clause;
  entries: ClauseEntry[];
  status?: ClauseStatus;
  statusEntry?: ClauseEntry;
  conflicts: ClauseEntry[];
  justification?: string;
  samples?: { size: number; nonconforming: number };
  samplesEntry?: ClauseEntry;
  awarded?: number;
  awardedEntry?: ClauseEntry;
  evidence: EvidenceItem[];
  /** Kind ids with at least one counting item. */
  countingKinds: Set<string>;
}

export function mergeLeaves(leaves: Clause[], entries: ClauseEntry[]): LeafFacts[] {
  const byId = new Map<string, LeafFacts>();
  for (const leaf of leaves) byId.set(leaf.id, { leaf, entries: [], conflicts: [], evidence: [], countingKinds: new Set() });
  for (const e of entries) {
    const f = byId.get(e.clause);
    if (!f) continue; // unknown clause or a parent: reported by file rules, not scored
    f.entries.push(e);
    if (e.status) {
      if (!f.status) { f.status = e.status; f.statusEntry = e; }
      else if (f.status !== e.status) f.conflicts.push(e);
    }
    if (e.samples && !f.samples) { f.samples = e.samples; f.samplesEntry = e; }
    if (e.awarded !== undefined && f.awarded === undefined) { f.awarded = e.awarded; f.awardedEntry = e; }
    if (e.justification && !f.justification) f.justification = e.justification;
    for (const item of e.evidence) {
      f.evidence.push(item);
      if (item.counts && item.kindId) f.countingKinds.add(item.kindId);
    }
  }
  return [...byId.values()];
}

export function missingKinds(f: LeafFacts): string[] {
  return f.leaf.requires.filter((k) => !f.countingKinds.has(k));
}

/** Whether an `excluded` status stands (SPEC §5 rule 2); when it does not, the leaf is scored as if it had no status. */
export function exclusionStands(f: LeafFacts): boolean {
  return f.status === 'excluded' && f.leaf.excludable && !!f.justification;
}
