// Rating bands as a consultant writes them: by id (four-star) or by any of its labels (四星级, Four-star),
// also without the 级 a Chinese label ends with (四星), in any case and spacing (four star, FOUR-STAR).
import type { Lang, RatingBand, RatingRules } from './types';
import { joinList, pick } from './messages';

const squash = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_-]+/g, '');

function words(band: RatingBand): string[] {
  const zh = band.label['zh-CN'];
  return [band.id, zh, band.label.en, ...(zh.endsWith('级') && zh.length > 1 ? [zh.slice(0, -1)] : [])];
}

/** The band a word names, or undefined when it names none. */
export function bandOf(rating: RatingRules, word: string): RatingBand | undefined {
  const w = squash(word);
  if (!w) return undefined;
  return rating.bands.find((b) => words(b).some((x) => squash(x) === w));
}

/** The bands by their labels in `lang`, lowest first, for messages. */
export function bandChoices(rating: RatingRules, lang: Lang): string {
  return joinList(
    rating.bands.map((b) => pick(b.label, lang)),
    lang,
  );
}
