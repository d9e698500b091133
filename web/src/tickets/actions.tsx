import { useState } from 'preact/hooks';
import { api, ApiError } from '../shared/api.js';
import type { SessionUser } from '../shared/session.js';
import { allowed, hotlineActions, unitActions, unitAllowed, type TicketAction } from './rules.js';
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
  'sign-for': '签收',
  reply: '答复',
  'request-extension': '申请延期',
  return: '退回',
};

/** The texts each action must have; the others take an optional note. */
const needsText: Partial<Record<TicketAction, string>> = {
  'direct-answer': '答复内容',
  'send-back': '退回原因',
  reopen: '重启原因',
  reply: '办理结果：核查情况、处理措施、与来电人沟通情况',
  'request-extension': '延期理由',
  return: '退回理由（如：不属本单位职责，建议转某单位）',
};

/** Files go up one by one while the unit holds the ticket; the reply then names them. */
async function upload(number: string, files: File[]): Promise<number[]> {
  const ids: number[] = [];
  for (const file of files) {
    const blob = file.type ? file : new Blob([file], { type: 'application/octet-stream' });
    const saved = await api<{ id: number }>('POST', `/api/tickets/${number}/attachments?name=${encodeURIComponent(file.name)}`, blob);
    ids.push(saved.id);
  }
  return ids;
}

/**
 * The actions the user may take on the ticket now: the hotline's by its status and role, a
 * unit's on its own part. Each opens its small form; a refusal shows the API's words.
 */
export function Actions({ ticket, user, onDone }: { ticket: Ticket; user: SessionUser; onDone: () => void }) {
  const [open, setOpen] = useState<TicketAction | null>(null);
  const [text, setText] = useState('');
  const [units, setUnits] = useState<number[]>([]);
  const [choice, setChoice] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [confirmFlagged, setConfirmFlagged] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const parts = ticket.assignments ?? [];
  const flagged = parts.some((a) => a.status === 'replied' && a.replyFlag);
  const extension = parts.find((a) => a.extensionRequest);
  const mine = user.role === 'unit' ? parts.find((a) => a.unitId === user.unitId && ['dispatched', 'handling', 'replied'].includes(a.status)) : undefined;
  const shown: TicketAction[] =
    user.role === 'unit'
      ? unitActions.filter((a) => unitAllowed(a, mine?.status) && (a !== 'request-extension' || !mine?.extensionRequest))
      : hotlineActions.filter((a) => allowed(a, ticket.status, user.role) && (a !== 'extension' || extension));

  const post = async (path: string, body: object) => {
    await api('POST', `/api/tickets/${ticket.number}/${path}`, body);
    setOpen(null);
    setText('');
    setUnits([]);
    setFiles([]);
    onDone();
  };
  const run = (): Promise<void> | undefined => {
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
    if (open === 'sign-for') return post('sign-for', { note });
    if (open === 'reply') return upload(ticket.number, files).then((attachments) => post('reply', { text, attachments }));
    if (open === 'request-extension') return post('extension', { minutes: Number(choice || '8') * 60, reason: text });
    if (open === 'return') return post('return', { reason: text });
  };
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      await run();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="ticket-actions">
      <div class="controls">
        {shown.map((a) => (
          <button type="button" class={open === a ? 'primary' : ''} onClick={() => (setOpen(open === a ? null : a), setError(null), setChoice(''))}>
            {labels[a]}
          </button>
        ))}
        {shown.length === 0 && <span class="muted">{user.role === 'unit' && !mine ? '本单位在此工单无待办事项（下级单位承办的工单仅可查看）' : '当前状态无可办理操作'}</span>}
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
              <option value="approve">
                批准 {extension.unitName} 延期 {extension.extensionRequest!.minutes / 60} 个工作小时
              </option>
              <option value="refuse">驳回</option>
            </select>
          )}
          {open === 'request-extension' && (
            <label class="inline">
              延长
              <input type="number" name="hours" min={1} max={225} value={choice || '8'} onInput={(e) => setChoice(e.currentTarget.value)} required />
              个工作小时
            </label>
          )}
          {open === 'accept' && flagged && (
            <label class="check flag overdue">
              <input type="checkbox" name="acceptFlagged" checked={confirmFlagged} onChange={(e) => setConfirmFlagged(e.currentTarget.checked)} />
              答复被标记为疑似敷衍，仍确认通过（须填写备注）
            </label>
          )}
          <textarea
            name="text"
            rows={open === 'reply' ? 5 : 3}
            required={open in needsText}
            placeholder={needsText[open] ?? '备注（可选）'}
            value={text}
            onInput={(e) => setText(e.currentTarget.value)}
          />
          {open === 'reply' && (
            <label class="files">
              附件（PDF、图片、Word、Excel，可多选）
              <input type="file" name="files" multiple onChange={(e) => setFiles([...(e.currentTarget.files ?? [])])} />
            </label>
          )}
          <div>
            <button class="primary" disabled={busy}>
              确认{labels[open]}
            </button>
          </div>
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
