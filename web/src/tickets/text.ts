/** The lifecycle's code words in the hotline's own Chinese, for statuses, actions and deadlines. */
export const statusText: Record<string, string> = {
  intake: '受理中',
  dispatched: '已派单',
  handling: '办理中',
  replied: '已答复',
  completed: '已办结',
  closed: '已归档',
  reopened: '已重启',
  merged: '已合并',
  returned: '已退回',
  signed: '已签收',
  'send-back': '已退回重办',
};

export const actionText: Record<string, string> = {
  intake: '受理',
  'direct-answer': '直接答复',
  dispatch: '派单',
  'sign-for': '签收',
  reply: '答复',
  return: '退回',
  accept: '审核通过',
  'send-back': '退回重办',
  extension: '申请延期',
  'extension/approve': '批准延期',
  'extension/refuse': '驳回延期',
  'extension-approved': '批准延期',
  'extension-refused': '驳回延期',
  supervise: '督办',
  callback: '回访',
  reopen: '重启',
  merge: '合并',
  'auto-supervise': '自动督办',
  'callback-survey-call': '智能回访拨出',
  'callback-survey-failed': '智能回访未成功',
};

export const deadlineText: Record<string, string> = { 'sign-for': '签收时限', completion: '办结时限' };
export const flagText: Record<string, string> = { 'on-time': '正常', near: '临期', overdue: '超期' };
export const callbackText: Record<string, string> = { satisfied: '满意', 'basically-satisfied': '基本满意', dissatisfied: '不满意' };

/** 智能回访: the survey's states and why a call got no answer. */
export const surveyText: Record<string, string> = {
  pending: '待拨打',
  calling: '通话中',
  done: '已回访',
  failed: '未成功，请人工回访',
  cancelled: '已人工回访',
  busy: '忙线',
  'no-answer': '无人接听',
  unreachable: '无法接通',
  'no-key': '未按键',
  restart: '服务重启中断',
  'no-number': '无可拨打号码',
};

export const say = (table: Record<string, string>, word: string) => table[word] ?? word;

export const when = (ms: number) =>
  new Date(ms).toLocaleString('zh-CN', { hour12: false, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
