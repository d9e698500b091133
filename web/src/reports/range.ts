/** The hotline's days are China's (UTC+8, no summer time), whatever the browser's zone. */
const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

export interface DayRange {
  from: string;
  to: string;
}

export type Preset = 'today' | 'yesterday' | 'week' | 'month' | 'lastMonth';

export const presets: { id: Preset; label: string }[] = [
  { id: 'today', label: '今天' },
  { id: 'yesterday', label: '昨天' },
  { id: 'week', label: '本周' },
  { id: 'month', label: '本月' },
  { id: 'lastMonth', label: '上月' },
];

const day = (utcMs: number) => new Date(utcMs).toISOString().slice(0, 10);

/** A preset's days on the China calendar at `now`; a week starts on Monday. */
export function presetRange(preset: Preset, now: number): DayRange {
  const china = new Date(now + CHINA_OFFSET_MS);
  const today = Date.UTC(china.getUTCFullYear(), china.getUTCMonth(), china.getUTCDate());
  switch (preset) {
    case 'today':
      return { from: day(today), to: day(today) };
    case 'yesterday':
      return { from: day(today - DAY_MS), to: day(today - DAY_MS) };
    case 'week':
      return { from: day(today - ((china.getUTCDay() + 6) % 7) * DAY_MS), to: day(today) };
    case 'month':
      return { from: day(Date.UTC(china.getUTCFullYear(), china.getUTCMonth(), 1)), to: day(today) };
    case 'lastMonth':
      return {
        from: day(Date.UTC(china.getUTCFullYear(), china.getUTCMonth() - 1, 1)),
        to: day(Date.UTC(china.getUTCFullYear(), china.getUTCMonth(), 1) - DAY_MS),
      };
  }
}

/** The preset a range is, if any, so the picker shows which button is pressed. */
export const presetOf = (range: DayRange, now: number): Preset | null =>
  presets.find((p) => {
    const r = presetRange(p.id, now);
    return r.from === range.from && r.to === range.to;
  })?.id ?? null;
