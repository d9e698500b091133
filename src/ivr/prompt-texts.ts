// What every prompt the service plays says, in Mandarin and English; scripts/make-prompts.ts
// synthesises them for Asterisk (sound:hotline/<lang>/<name>).
export const promptTexts: Record<string, { zh: string; en: string }> = {
  welcome: {
    zh: '您好，欢迎致电12345政务服务便民热线。普通话服务请按1；English service, please press 2；企业诉求和营商环境专线请按3；查询工单办理进度请按4；重听请按9；人工服务请按0。',
    en: 'Welcome to the 12345 government service hotline. For Mandarin service press 1. For English press 2. For the enterprise and business environment line press 3. To check a ticket press 4. To hear this again press 9. For an agent press 0.',
  },
  'no-input': { zh: '对不起，没有收到您的按键。', en: 'Sorry, we did not receive your choice.' },
  'invalid-key': { zh: '对不起，您的按键无效。', en: 'Sorry, that key is not valid.' },
  transferring: { zh: '正在为您转接人工服务，请稍候。', en: 'Transferring you to an agent, please hold.' },
  'transferring-en': { zh: '正在为您转接英语服务，请稍候。', en: 'Transferring you to English service, please hold.' },
  'transferring-enterprise': { zh: '正在为您转接企业诉求和营商环境专线，请稍候。', en: 'Transferring you to the enterprise line, please hold.' },
  'enter-ticket-number': { zh: '请输入您的工单编号，以井号键结束。', en: 'Please enter your ticket number, followed by the hash key.' },
  'ticket-number-invalid': { zh: '对不起，工单编号不完整，请重新输入。', en: 'Sorry, that ticket number is incomplete. Please try again.' },
  'ticket-not-found': { zh: '对不起，没有查到这个工单编号，请核对后再试。', en: 'Sorry, we could not find that ticket number.' },
  'ticket-status-intro': { zh: '您查询的工单', en: 'Your ticket' },
  'ticket-status-intake': { zh: '已受理，正在处理中。', en: 'has been received and is being processed.' },
  'ticket-status-dispatched': { zh: '已转交承办单位办理。', en: 'has been passed to the handling unit.' },
  'ticket-status-handling': { zh: '正在办理中。', en: 'is being handled.' },
  'ticket-status-replied': { zh: '承办单位已答复，等待审核。', en: 'has been answered by the handling unit.' },
  'ticket-status-completed': { zh: '已办结，我们将对您进行回访。', en: 'has been completed; we will call you back.' },
  'ticket-status-closed': { zh: '已办结归档。', en: 'is closed.' },
  'ticket-status-returned': { zh: '正在重新确定承办单位。', en: 'is being passed to the right handling unit.' },
  'ticket-status-reopened': { zh: '已根据您的反馈重新办理。', en: 'has been reopened after your feedback.' },
  // Followed by the other ticket's number and that ticket's status.
  'ticket-status-merged': { zh: '已与相同诉求合并办理，合并后的工单', en: 'was merged with the same request; the merged ticket' },
  'queue-position-before': { zh: '您前面还有', en: 'You are caller number' },
  'queue-position-after': { zh: '位，请耐心等候。', en: 'in the queue. Please hold.' },
  'queue-overflow-callback': {
    zh: '对不起，当前坐席繁忙。我们已记录您的号码，将尽快给您回电。如需留言，请在提示音后讲述您的诉求，讲完请按井号键。',
    en: 'Sorry, all our agents are busy. We have noted your number and will call you back. To leave a message, speak after the tone and press the hash key when you are done.',
  },
  'after-hours': {
    zh: '您好，现在是非工作时间。请在提示音后留下您的诉求和联系方式，讲完请按井号键，我们将在工作时间给您回电。',
    en: 'Hello, we are closed now. Please leave your request and how to reach you after the tone, then press the hash key. We will call you back during working hours.',
  },
  'transferring-linkage': { zh: '正在为您转接，请稍候。', en: 'Putting you through, please hold.' },
  'message-thanks': { zh: '您的留言已记录，感谢您的来电，再见。', en: 'Your message has been recorded. Thank you for calling. Goodbye.' },
  'survey-ask': {
    zh: '请对本次服务进行评价：满意请按1，基本满意请按2，不满意请按3。',
    en: 'Please rate our service. Satisfied, press 1. Basically satisfied, press 2. Dissatisfied, press 3.',
  },
  'survey-thanks': { zh: '感谢您的评价，再见。', en: 'Thank you for your feedback. Goodbye.' },
  // The 智能回访 of a completed ticket: who is calling and why, then survey-ask.
  'callback-survey-intro': {
    zh: '您好，这里是12345政务服务便民热线。您反映的问题已办理完毕，现在对办理结果进行回访。',
    en: 'Hello, this is the 12345 government service hotline. The request you made has been handled, and we are calling to ask how it went.',
  },
  ten: { zh: '十', en: 'ten' },
  ...Object.fromEntries(
    ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'].map((zh, d) => [
      `digit-${d}`,
      { zh, en: ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'][d]! },
    ]),
  ),
};

/** What a prompt says in a language, for the menu simulator; digits and numbers say themselves. */
export function promptText(ref: string, language: string): string | null {
  if (ref.startsWith('digits:') || ref.startsWith('number:')) return ref.slice(7);
  const texts = promptTexts[ref] as Record<string, string> | undefined;
  return texts?.[language] ?? null;
}
