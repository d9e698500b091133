import { PAGE_SIZE } from './query.js';
import { flagText, partText, say, short, statusText, typeText } from './text.js';
import type { TicketListItem } from './types.js';

/**
 * The most pressing deadline among the parts still with a unit (for a unit user, the parts of
 * their own units, not a co-handling unit's): overdue before near, the earliest first.
 */
function pressing(item: TicketListItem, mine: Set<number> | null) {
  const rank = { overdue: 0, near: 1, 'on-time': 2 };
  return item.parts
    .filter((p) => !mine || mine.has(p.unitId))
    .flatMap((p) => (p.deadline ? [p.deadline] : []))
    .sort((a, b) => rank[a.flag] - rank[b.flag] || a.dueAt - b.dueAt)[0];
}

/** 工单列表: one dense row per ticket; a click opens it beside the list. */
export function TicketTable(props: { items: TicketListItem[]; mine: Set<number> | null; total: number; totalCapped: boolean; page: number; open: string; onOpen: (n: string) => void; onPage: (p: number) => void }) {
  const pages = Math.max(1, Math.ceil(props.total / PAGE_SIZE));
  // Past the counted cap there may be more pages: the next one is offered while pages come full.
  const more = props.page < pages || (props.totalCapped && props.items.length === PAGE_SIZE);
  return (
    <div class="ticket-table">
      {props.items.length === 0 ? (
        <p class="muted empty">没有符合条件的工单 · No tickets match</p>
      ) : (
        <table class="grid dense">
          <thead>
            <tr>
              <th>工单号</th>
              <th>来电号码</th>
              <th>标题</th>
              <th>类型</th>
              <th>状态</th>
              <th>承办单位</th>
              <th>期限</th>
              <th>受理时间</th>
            </tr>
          </thead>
          <tbody>
            {props.items.map((t) => {
              const due = pressing(t, props.mine);
              const units = t.parts.filter((p) => p.status !== 'returned');
              return (
                <tr key={t.number} data-testid="ticket-row" data-ticket={t.number} class={t.number === props.open ? 'open' : ''} onClick={() => props.onOpen(t.number)}>
                  <td class="ticket-number">
                    <button type="button" class="link">
                      {t.number}
                    </button>
                  </td>
                  <td class="num">{t.caller}</td>
                  <td class="title" title={t.title}>
                    {t.title}
                  </td>
                  <td>{say(typeText, t.type)}</td>
                  <td>
                    <span class={`badge status-${t.status}`}>{say(statusText, t.status)}</span>
                  </td>
                  <td class="units" title={t.parts.map((p) => `${p.unitName}（${say(partText, p.status)}）`).join('、')}>
                    {units.length ? units.map((p) => p.unitName).join('、') : <span class="muted">—</span>}
                  </td>
                  <td class="num">{due ? <span class={`flag ${due.flag}`}>{short(due.dueAt)}{due.flag !== 'on-time' ? ` ${say(flagText, due.flag)}` : ''}</span> : <span class="muted">—</span>}</td>
                  <td class="num">{short(t.createdAt)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <div class="pager" data-testid="pager">
        {props.totalCapped ? (
          <span title="Over this many match; narrow the filter to count them exactly">共 {props.total}+ 张 · 请缩小筛选范围</span>
        ) : (
          <span>共 {props.total} 张</span>
        )}
        <span class="spacer" />
        <button type="button" disabled={props.page <= 1} onClick={() => props.onPage(props.page - 1)}>
          上一页
        </button>
        <span>
          第 {props.page} / {pages}
          {props.totalCapped ? '+' : ''} 页
        </span>
        <button type="button" disabled={!more} onClick={() => props.onPage(props.page + 1)}>
          下一页
        </button>
      </div>
    </div>
  );
}
