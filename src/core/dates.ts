// Dates as consultants write them. 2026-10-15, 2026/10/15, 2026.10.15 and 2026年10月15日 (month and
// day with or without a leading zero, optionally in brackets, full-width or not) are one date; the
// engine works with its YYYY-MM-DD form. Text shaped like a date that names no calendar day
// (2026-02-30, 2026/13/1) is an `invalid-date`, reported once with the forms a user may write.
import type { Lang } from './types';
import { msg } from './messages';

export type DateReading = { ok: true; date: string } | { ok: false };

const OPEN = '[（(【\\[]';
const CLOSE = '[）)】\\]]';
/** The date forms, without brackets. Groups: year, month, day. */
const BODY = String.raw`(\d{4})\s*(?:-\s*(\d{1,2})\s*-\s*(\d{1,2})|\/\s*(\d{1,2})\s*\/\s*(\d{1,2})|\.\s*(\d{1,2})\s*\.\s*(\d{1,2})|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日)`;
const WHOLE = new RegExp(`^\\s*(?:${OPEN}\\s*)?${BODY}(?:\\s*${CLOSE})?\\s*$`);
/** A date at the end of a Markdown list item (after a space, a bracket, or at the start). */
const AT_END = new RegExp(`(?:^|(?<=[\\s）)】\\]]))((?:${OPEN}\\s*)?${BODY}(?:\\s*${CLOSE})?)\\s*$`);

function fromMatch(m: RegExpExecArray, first: number): DateReading {
  const y = Number(m[first]);
  let mo = NaN,
    d = NaN;
  for (let g = first + 1; g < first + 9; g += 2) {
    if (m[g] !== undefined) {
      mo = Number(m[g]);
      d = Number(m[g + 1]);
      break;
    }
  }
  if (!(mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo))) return { ok: false };
  return { ok: true, date: `${m[first]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
}

/**
 * Reads a whole value as a date (YAML `date:`, the manifest's `assessment.date`). Anything that is not
 * one of the accepted forms naming a real day is `{ok: false}`: a date field holds nothing else.
 */
export function readDate(text: string): DateReading {
  const m = WHOLE.exec(text);
  return m ? fromMatch(m, 1) : { ok: false };
}

/**
 * A date written at the end of a Markdown list item: where it starts in `text` (brackets included),
 * its length, and the reading. Undefined when the text does not end with something shaped like a date.
 */
export function dateAtEnd(text: string): { index: number; length: number; reading: DateReading } | undefined {
  const m = AT_END.exec(text);
  if (!m) return undefined;
  return { index: m.index, length: m[1].length, reading: fromMatch(m, 2) };
}

/** YYYY-MM-DD naming a real calendar day. */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

export function daysInMonth(y: number, m: number): number {
  return [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

/** The forms a user may write, for messages. */
export function dateForms(lang: Lang): string {
  return msg(lang, 'date.forms');
}
