import { useState } from 'preact/hooks';
import { api, ApiError } from '../shared/api.js';
import { allowed, type TicketAction } from './rules.js';
import { callbackText } from './text.js';
import type { Ticket } from './types.js';
import { UnitPicker } from './unit-picker.js';

const labels: Record<TicketAction, string> = {
  'direct-answer': '直接答复',
  dispatch: '派单',
  merge: '合并',
  accept: '审核通过',
  'send-back': '退回重办',
  extension: '延期审批',
  supervise: '督办',
  callback: '回访',
  reopen: '重启',
};

/** The actions the ticket's status and the user's role allow; each opens its small form, and a refusal shows the API's words. */
export function Actions({ ticket, role, onDone }: { ticket: Ticket; role: 'agent' | 'supervisor' | 'admin'; onDone: () => void }) {
  const [open, setOpen] = useState<TicketAction | null>(null);
  const [text, setText] = useState('');
  const [units, setUnits] = useState<number[]>([]);
  const [choice, setChoice] = useState('');
  const [confirmFlagged, setConfirmFlagged] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const flagged = (ticket.assignments ?? []).some((a) => a.status === 'replied' && a.replyFlag);
  const extension = (ticket.assignments ?? []).find((a) => a.extensionRequest);
  const shown = (Object.keys(labels) as TicketAction[]).filter((a) => allowed(a, ticket.status, role) && (a !== 'extension' || extension));

  const post = async (path: string, body: object) => {
    setError(null);
    try {
      await api('POST', `/api/tickets/${ticket.number}/${path}`, body);
      setOpen(null);
      setText('');
      setUnits([]);
      onDone();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };
  const submit = (e: Event) => {
    e.preventDefault();
    const note = text.trim() || undefined;
    if (open === 'direct-answer') return post('direct-answer', { answer: text });
    if (open === 'dispatch') return post('dispatch', { units, note });
    if (open === 'merge') return post('merge', { into: choice, note });
    if (open === 'accept') return post('accept', { note, acceptFlagged: flagged ? confirmFlagged : undefined });
    if (open === 'send-back') return post('send-back', { reason: text });
    if (open === 'extension') return post(`extension/${choice || 'approve'}`, { unitId: extension?.unitId, note });
    if (open === 'supervise') return post('supervise', { note });
    if (open === 'callback') return post('callback', { result: choice || 'satisfied', note });
    if (open === 'reopen') return post('reopen', { reason: text });
  };

  return (
    <div class="ticket-actions">
      <div class="controls">
        {shown.map((a) => (
          <button type="button" class={open === a ? 'primary' : ''} onClick={() => (setOpen(open === a ? null : a), setError(null), setChoice(''))}>
            {labels[a]}
          </button>
        ))}
        {shown.length === 0 && <span class="muted">当前状态无可办理操作</span>}
      </div>
      {open && (
        <form class="action-form" data-testid="action-form" onSubmit={submit}>
          {open === 'dispatch' && <UnitPicker chosen={units} onChange={setUnits} />}
          {open === 'merge' && <input name="into" placeholder="并入的工单编号" value={choice} onInput={(e) => setChoice(e.currentTarget.value)} required />}
          {open === 'callback' && (
            <select name="result" value={choice || 'satisfied'} onChange={(e) => setChoice(e.currentTarget.value)}>
              {Object.entries(callbackText).map(([v, l], i) => (
                <option value={v}>
                  {i + 1} {l}
                </option>
              ))}
            </select>
          )}
          {open === 'extension' && extension && (
            <select name="decision" value={choice || 'approve'} onChange={(e) => setChoice(e.currentTarget.value)}>
              <option value="approve">批准 {extension.unitName} 延期 {extension.extensionRequest!.minutes} 分钟</option>
              <option value="refuse">驳回</option>
            </select>
          )}
          {open === 'accept' && flagged && (
            <label class="flag overdue">
              <input type="checkbox" name="acceptFlagged" checked={confirmFlagged} onChange={(e) => setConfirmFlagged(e.currentTarget.checked)} /> 答复被标记为疑似敷衍，仍确认通过
            </label>
          )}
          <textarea
            name="text"
            rows={3}
            required={open === 'direct-answer' || open === 'send-back' || open === 'reopen'}
            placeholder={open === 'direct-answer' ? '答复内容' : open === 'send-back' || open === 'reopen' ? '原因' : '备注（可选）'}
            value={text}
            onInput={(e) => setText(e.currentTarget.value)}
          />
          <button class="primary">确认{labels[open]}</button>
        </form>
      )}
      {error && (
        <p class="error" role="alert" data-testid="action-error">
          {error}
        </p>
      )}
    </div>
  );
}
