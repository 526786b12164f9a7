// Evidence YAML (and Markdown front matter) → clause entries with ranges. Lenient by design:
// the schema check reports what is malformed; here we keep whatever is usable.
import { isMap } from 'yaml';
import { mapValue, nodeRange, scalarNumber, scalarString, scalarText, seqItems, type YamlSource } from './yamlSource';
import { ZERO_RANGE } from '../text';
import type { ClauseEntry, EvidenceItem } from '../types';
import { readDate } from '../dates';
import { statusOf } from '../statuses';

export function entriesFromYaml(src: YamlSource, file: string): ClauseEntry[] {
  const out: ClauseEntry[] = [];
  for (const item of seqItems(mapValue(src.doc.contents, 'clauses'))) {
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
      clause,
      file,
      idRange: nodeRange(src, idNode) ?? ZERO_RANGE,
      range: nodeRange(src, item) ?? ZERO_RANGE,
      status: status === undefined ? undefined : statusOf(status),
      statusText: status,
      statusRange: nodeRange(src, statusNode),
      samples:
        size !== undefined && nonconforming !== undefined
          ? { size, nonconforming, range: nodeRange(src, samplesNode) ?? ZERO_RANGE }
          : undefined,
      awarded: scalarNumber(awardedNode),
      awardedText: scalarText(src, awardedNode),
      awardedRange: nodeRange(src, awardedNode),
      justification: scalarString(justificationNode)?.trim() || undefined,
      justificationRange: nodeRange(src, justificationNode),
      evidence: [],
      notes: scalarString(mapValue(item, 'notes')),
    };
    for (const ev of seqItems(mapValue(item, 'evidence'))) {
      if (!isMap(ev)) continue;
      const kindNode = mapValue(ev, 'kind');
      const fileNode = mapValue(ev, 'file');
      const dateNode = mapValue(ev, 'date');
      const dateText = scalarText(src, dateNode);
      const date = dateText === undefined ? undefined : readDate(dateText);
      const evidenceItem: EvidenceItem = {
        kind: scalarString(kindNode)?.trim() ?? '',
        title: scalarString(mapValue(ev, 'title')),
        file: scalarString(fileNode),
        url: scalarString(mapValue(ev, 'url')),
        date: date?.ok ? date.date : undefined,
        dateText,
        range: nodeRange(src, ev) ?? ZERO_RANGE,
        kindRange: nodeRange(src, kindNode),
        fileRange: nodeRange(src, fileNode),
        dateRange: nodeRange(src, dateNode),
        counts: false,
      };
      entry.evidence.push(evidenceItem);
    }
    out.push(entry);
  }
  return out;
}
