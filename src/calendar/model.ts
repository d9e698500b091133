// A working calendar as data: weekly office hours plus dated exceptions. China moves public
// holidays every year (国务院办公厅 publishes them in the autumn), so a 国庆节 closure and the
// weekend worked in exchange (调休) are entered as overrides, never computed.

export const weekdays = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof weekdays)[number];

/** Local wall-clock times, HH:MM; `to` may be 24:00 for a range running to midnight. */
export interface TimeRange {
  from: string;
  to: string;
}

export type CalendarOverride =
  /** Closed all day, e.g. 国庆节. */
  | { date: string; kind: 'holiday'; label?: string }
  /** A day worked with these hours, usually a weekend worked in exchange for a holiday (调休). */
  | { date: string; kind: 'working-day'; label?: string; hours: TimeRange[] };

export interface Calendar {
  name: string;
  weekly: Record<Weekday, TimeRange[]>;
  /** One per date; the date is local (YYYY-MM-DD). */
  overrides: CalendarOverride[];
}

/** Typical government office hours: Monday to Friday, with the long lunch break. */
export const defaultCalendar: Calendar = {
  name: 'default',
  weekly: {
    sun: [],
    mon: officeHours(),
    tue: officeHours(),
    wed: officeHours(),
    thu: officeHours(),
    fri: officeHours(),
    sat: [],
  },
  overrides: [],
};

function officeHours(): TimeRange[] {
  return [
    { from: '08:30', to: '12:00' },
    { from: '13:30', to: '17:30' },
  ];
}
