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

/** A unit's part of a ticket, as the unit's inbox names it. */
export const partText: Record<string, string> = { dispatched: '待签收', handling: '办理中', replied: '已答复', returned: '已退回', completed: '已办结' };
export const typeText: Record<string, string> = { consult: '咨询', complaint: '投诉', help: '求助', suggestion: '建议', report: '举报', praise: '表扬' };
export const urgencyText: Record<string, string> = { normal: '一般', urgent: '紧急', critical: '特急' };
export const channelText: Record<string, string> = { phone: '电话', web: '网站', app: '移动端', wechat: '微信' };

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

/** 11-24 09:05: the year is this year's in a list read all day. */
export const short = (ms: number) => {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
};

export const when = (ms: number) =>
  new Date(ms).toLocaleString('zh-CN', { hour12: false, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
