import { useEffect, useState } from 'preact/hooks';
import type { Calendar } from '../../../src/calendar/model.js';
import { isOpen } from '../../../src/calendar/working-time.js';
import { c } from './text.js';

/** Open or closed now by the saved calendar, the one callers meet, judged by the IVR's own rule. */
export function NowBadge({ calendar }: { calendar: Calendar | null }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  if (!calendar) return <span class="problems-count" data-now="unknown">{c('nowUnknown')}</span>;
  const open = isOpen(calendar, now);
  return (
    <span class={`problems-count ${open ? 'good' : ''}`} data-now={open ? 'open' : 'closed'}>
      {open ? c('nowOpen') : c('nowClosed')}
    </span>
  );
}
