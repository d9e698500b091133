import { currentLang } from '../shared/i18n.js';

/** The server's per-field refusals, by path (weekly.mon[1].to, overrides[2].date). */
export type FieldErrors = Array<{ field: string; message: string }>;

/** The errors at a path or inside it: `overrides[2]` takes overrides[2].date and overrides[2].hours[0].to. */
export function errorsUnder(errors: FieldErrors, path: string): FieldErrors {
  return errors.filter((e) => e.field === path || e.field.startsWith(`${path}.`) || e.field.startsWith(`${path}[`));
}

export const hasError = (errors: FieldErrors, path: string): boolean => errors.some((e) => e.field === path);

// The server words its checks in English (src/calendar/validate.ts); a manager reading Chinese
// gets these. A message not listed shows as the server wrote it.
const zhMessages: Array<[RegExp, string]> = [
  [/^must be a time HH:MM from 00:00 to 23:59$/, '时间应为 HH:MM，00:00 至 23:59'],
  [/^must be a time HH:MM from 00:01 to 24:00$/, '时间应为 HH:MM，00:01 至 24:00'],
  [/^must be after from \((.*)\)$/, '结束时间须晚于开始时间（$1）'],
  [/^overlaps .*$/, '与同一天的另一时段重叠'],
  [/^must be a date YYYY-MM-DD$/, '日期应为 YYYY-MM-DD'],
  [/^(\S+) has more than one override$/, '$1 重复设置'],
  [/^must be text of at most 40 characters$/, '说明最多 40 个字'],
  [/^a working day needs at least one range$/, '调休上班日至少需要一个时段'],
];

/** The message without its path prefix, which the row it shows beside already says. */
export function messageOf(e: { field: string; message: string }): string {
  const text = e.message.replace(`${e.field}: `, '');
  if (currentLang() === 'en') return text;
  const found = zhMessages.find(([pattern]) => pattern.test(text));
  return found ? text.replace(found[0], found[1]) : text;
}
