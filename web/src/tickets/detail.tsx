import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../shared/api.js';
import { loadSession, type SessionUser } from '../shared/session.js';
import { Actions } from './actions.js';
import { actionText, callbackText, channelText, deadlineText, flagText, partText, say, statusText, surveyText, typeText, urgencyText, when } from './text.js';
import type { CallbackSurvey, Ticket, TicketEvent } from './types.js';

/** Attachments need the bearer token, so they are fetched and handed to the browser as a file. */
async function download(number: string, id: number, name: string) {
  const res = await fetch(`/api/tickets/${number}/attachments/${id}`, { headers: { authorization: `Bearer ${loadSession()?.token ?? ''}` } });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(await res.blob());
  a.download = name;
  a.click();
}

/** One ticket: what the citizen asked, each unit's part with its deadlines and reply, the timeline, and the actions its status allows. */
export function TicketDetailPanel({ number, user, onOpen, onChanged }: { number: string; user: SessionUser; onOpen: (n: string) => void; onChanged: () => void }) {
  const [ticket, setTicket] = useState<Ticket | null>(null);
  const [events, setEvents] = useState<TicketEvent[]>([]);
  const [error, setError] = useState<string | null>(null);
  const load = () =>
    Promise.all([api<Ticket>('GET', `/api/tickets/${number}`), api<TicketEvent[]>('GET', `/api/tickets/${number}/events`)]).then(
      ([t, e]) => (setTicket(t), setEvents(e)),
      (err: unknown) => setError(err instanceof ApiError ? err.message : String(err)),
    );
  useEffect(() => void load(), [number]);

  if (error) return <p class="error">{error}</p>;
  if (!ticket) return <p class="muted">…</p>;
  return (
    <div data-testid="ticket-detail">
      <h2>
        {ticket.title} <span class={`badge status-${ticket.status}`} data-testid="ticket-status">{say(statusText, ticket.status)}</span>
      </h2>
      <dl class="facts wide">
        <dt>工单编号</dt>
        <dd>{ticket.number}</dd>
        <dt>来电号码</dt>
        <dd>
          {ticket.caller}
          {ticket.citizenName ? ` · ${ticket.citizenName}` : ''}
        </dd>
        <dt>类型</dt>
        <dd>
          {say(typeText, ticket.type)} · {say(urgencyText, ticket.urgency)} · {say(channelText, ticket.channel)}来件
        </dd>
        <dt>地址</dt>
        <dd>{ticket.address ?? '—'}</dd>
        <dt>受理时间</dt>
        <dd>{when(ticket.createdAt)}</dd>
        {ticket.callId && (
          <>
            <dt>关联通话</dt>
            <dd>
              <a href={`/calls.html?call=${ticket.callId}`}>{ticket.callId}</a>
            </dd>
          </>
        )}
        {ticket.callbackSurvey && <SurveyFact survey={ticket.callbackSurvey} />}
        {ticket.mergedInto && (
          <>
            <dt>已合并至</dt>
            <dd>
              <a href={`?ticket=${ticket.mergedInto}`} onClick={(e) => (e.preventDefault(), onOpen(ticket.mergedInto!))}>
                {ticket.mergedInto}
              </a>
            </dd>
          </>
        )}
      </dl>
      <p class="content">{ticket.content}</p>

      <Actions ticket={ticket} user={user} onDone={() => (void load(), onChanged())} />

      <h3>承办单位 · Units</h3>
      <table class="list parts" data-testid="assignments">
        <thead>
          <tr>
            <th>单位</th>
            <th>状态</th>
            <th>签收时限</th>
            <th>办结时限</th>
            <th>当前</th>
          </tr>
        </thead>
        {(ticket.assignments ?? []).map((a) => (
          <tbody data-testid="assignment">
            <tr>
              <td class="unit-name">{a.unitName}</td>
              <td>{say(partText, a.status)}</td>
              <td>
                {when(a.signForDueAt)}
                {a.signedForAt ? <div class="muted">签收 {when(a.signedForAt)}</div> : null}
              </td>
              <td>{when(a.dueAt)}</td>
              <td>
                {a.deadline ? (
                  <span class={`flag ${a.deadline.flag}`}>
                    {say(deadlineText, a.deadline.kind)} {say(flagText, a.deadline.flag)} {a.deadline.usedPercent}%
                  </span>
                ) : (
                  '—'
                )}
              </td>
            </tr>
            {a.extensionRequest && (
              <tr class="sub">
                <td colSpan={5} class="flag near">
                  申请延期 {a.extensionRequest.minutes / 60} 个工作小时：{a.extensionRequest.reason}
                </td>
              </tr>
            )}
            {a.reply && (
              <tr class="sub">
                <td colSpan={5} class="reply">
                  <span class="muted">答复{a.repliedAt ? `（${when(a.repliedAt)}）` : ''}：</span>
                  {a.reply}
                  {a.replyFlag && (
                    <div class="flag overdue" data-testid="reply-flag">
                      疑似敷衍答复：{a.replyFlag}
                    </div>
                  )}
                </td>
              </tr>
            )}
          </tbody>
        ))}
      </table>
      {(ticket.attachments ?? []).length > 0 && (
        <p class="attachments" data-testid="attachments">
          <span class="muted">附件：</span>
          {ticket.attachments!.map((f) => (
            <button type="button" class="link" onClick={() => download(ticket.number, f.id, f.name)}>
              {f.name}
            </button>
          ))}
        </p>
      )}

      <h3>办理记录 · Timeline</h3>
      <ol class="timeline" data-testid="ticket-timeline">
        {events.map((e) => (
          <li>
            <span class="muted">{when(e.at)}</span> {e.by ?? '系统'}
            {e.unitName ? `（${e.unitName}）` : ''} {say(actionText, e.action)}：{say(statusText, e.from)} → {say(statusText, e.to)}
            {e.note ? ` · ${e.note}` : ''}
          </li>
        ))}
      </ol>
    </div>
  );
}

/** Where the 智能回访 stands: its result, its next call, or why a person must call back. */
function SurveyFact({ survey }: { survey: CallbackSurvey }) {
  const parts = [say(surveyText, survey.status)];
  if (survey.result) parts.push(say(callbackText, survey.result));
  if (survey.attempts) parts.push(`已拨 ${survey.attempts}/${survey.maxAttempts} 次`);
  if (survey.lastFailure && survey.status !== 'done') parts.push(`上次${say(surveyText, survey.lastFailure)}`);
  if (survey.nextAttemptAt) parts.push(`下次 ${when(survey.nextAttemptAt)}`);
  return (
    <>
      <dt>智能回访</dt>
      <dd class={survey.status === 'failed' ? 'flag overdue' : undefined} data-testid="callback-survey">
        {parts.join(' · ')}
      </dd>
    </>
  );
}
