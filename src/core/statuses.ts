// A clause entry's `status:` as a consultant writes it: the id, or its zh-CN / en label, the way
// kinds are written. 不适用 (not applicable) is the same finding as 删减 (excluded).
import { joinList, msg } from './messages';
import type { ClauseStatus, Lang, LocalizedText } from './types';

export const STATUS_IDS: readonly ClauseStatus[] = ['conforming', 'partial', 'nonconforming', 'excluded'];

/** The label a user reads for each status. */
export const STATUS_LABELS: Record<ClauseStatus, LocalizedText> = {
  conforming: { 'zh-CN': '符合', en: 'Conforming' },
  partial: { 'zh-CN': '部分符合', en: 'Partially conforming' },
  nonconforming: { 'zh-CN': '不符合', en: 'Non-conforming' },
  excluded: { 'zh-CN': '删减', en: 'Excluded' },
};

/** A further label a status has in one language, offered by completion in that language (不适用 for 删减). */
export const STATUS_ALIASES: Partial<Record<ClauseStatus, Partial<Record<Lang, string>>>> = { excluded: { 'zh-CN': '不适用' } };

/** Other words that name a status (compared without case, spaces, hyphens or underscores). */
const SYNONYMS: Record<ClauseStatus, string[]> = {
  conforming: [],
  partial: ['Partial'],
  nonconforming: [],
  excluded: ['不适用', 'Not applicable'],
};

const squash = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_-]+/g, '');

const WORDS = new Map<string, ClauseStatus>();
for (const id of STATUS_IDS) {
  for (const w of [id, STATUS_LABELS[id]['zh-CN'], STATUS_LABELS[id].en, ...SYNONYMS[id]]) WORDS.set(squash(w), id);
}

/** The status a word names (id or label, either language), or undefined. */
export function statusOf(word: string): ClauseStatus | undefined {
  return WORDS.get(squash(word));
}

/** Every word a user may write for a status, for completion: the label of `lang` first, then the others. */
export function statusWords(id: ClauseStatus): string[] {
  return [STATUS_LABELS[id]['zh-CN'], STATUS_LABELS[id].en, ...SYNONYMS[id], id];
}

/** The statuses a user may write, by label, for messages. */
export function statusChoices(lang: Lang): string {
  const labels = STATUS_IDS.map((id) => STATUS_LABELS[id][lang]);
  return msg(lang, 'status.choices', { labels: joinList(labels, lang) });
}
