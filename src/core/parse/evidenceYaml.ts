// Evidence YAML (and Markdown front matter) → clause entries with ranges. Lenient by design:
// the schema check reports what is malformed; here we keep whatever is usable.
import { isMap, isSeq, type Node } from 'yaml';
import { mapValue, nodeRange, scalarNumber, scalarString, scalarText, type YamlSource } from './yamlSource';
import { ZERO_RANGE } from '../text';
import type { ClauseEntry, ClauseStatus, EvidenceItem } from '../types';

const STATUSES = new Set<ClauseStatus>(['conforming', 'partial', 'nonconforming', 'excluded']);

export function entriesFromYaml(src: YamlSource, file: string): ClauseEntry[] {
  const clauses = mapValue(src.doc.contents, 'clauses');
  if (!isSeq(clauses)) return [];
  const out: ClauseEntry[] = [];
  for (const item of clauses.items as Node[]) {
    if (!isMap(item)) continue;
    const idNode = mapValue(item, 'clause');
    const clause = scalarText(src, idNode);
    if (!clause) continue;
    const statusNode = mapValue(item, 'status');
    const status = scalarString(statusNode);
    const samplesNode = mapValue(item, 'samples');
    const size = scalarNumber(mapValue(samplesNode, 'size'));
    const nonconforming = scalarNumber(mapValue(samplesNode, 'nonconforming'));
    const awardedNode = mapValue(item, 'awarded');
    const justificationNode = mapValue(item, 'justification');
    const entry: ClauseEntry = {
      clause, file,
      idRange: nodeRange(src, idNode) ?? ZERO_RANGE,
      range: nodeRange(src, item) ?? ZERO_RANGE,
      status: status && STATUSES.has(status as ClauseStatus) ? (status as ClauseStatus) : undefined,
      statusRange: nodeRange(src, statusNode),
      samples: size !== undefined && nonconforming !== undefined ? { size, nonconforming, range: nodeRange(src, samplesNode) ?? ZERO_RANGE } : undefined,
      awarded: scalarNumber(awardedNode),
      awardedText: scalarText(src, awardedNode),
      awardedRange: nodeRange(src, awardedNode),
      justification: scalarString(justificationNode)?.trim() || undefined,
      justificationRange: nodeRange(src, justificationNode),
      evidence: [],
      notes: scalarString(mapValue(item, 'notes')),
    };
    const evidence = mapValue(item, 'evidence');
    if (isSeq(evidence)) {
      for (const ev of evidence.items as Node[]) {
        if (!isMap(ev)) continue;
        const kindNode = mapValue(ev, 'kind');
        const fileNode = mapValue(ev, 'file');
        const dateNode = mapValue(ev, 'date');
        const evidenceItem: EvidenceItem = {
          kind: scalarString(kindNode)?.trim() ?? '',
          title: scalarString(mapValue(ev, 'title')),
          file: scalarString(fileNode),
          url: scalarString(mapValue(ev, 'url')),
          date: scalarText(src, dateNode),
          range: nodeRange(src, ev) ?? ZERO_RANGE,
          kindRange: nodeRange(src, kindNode),
          fileRange: nodeRange(src, fileNode),
          dateRange: nodeRange(src, dateNode),
          counts: false,
        };
        entry.evidence.push(evidenceItem);
      }
    }
    out.push(entry);
  }
  return out;
}
