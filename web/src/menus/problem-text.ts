import type { MenuError } from '../../../src/ivr/validator.js';
import { currentLang } from '../shared/i18n.js';

// The validator speaks English and names node and field; the editor shows each problem beside
// its field, so only the reason is needed, and in Chinese for the hotline's managers.
const zh: Array<[RegExp, string]> = [
  [/^leads to unknown node (""|undefined|null)$/, '还没有选择去向'],
  [/^leads to unknown node "(.*)"$/, '去向的节点“$1”不存在'],
  [/^must be a non-empty list of prompts$/, '至少要选一段语音'],
  [/^"(.*)" is not a prompt name/, '“$1”不是有效的语音名称'],
  [/^must be a whole number from (\d+) to (\d+)$/, '须为 $1 到 $2 之间的整数'],
  [/^must be 1–60 characters$/, '须为 1 到 60 个字'],
  [/^must lead elsewhere/, '不能回到本菜单，否则不按键的来电会一直听这个菜单'],
  [/^must map at least one key/, '至少设置一个按键'],
  [/^is not a phone key/, '不是电话按键（0–9、* 或 #）'],
  [/^no such queue (""|undefined)$/, '还没有选择队列'],
  [/^no such queue "(.*)"$/, '队列“$1”不存在'],
  [/^no such linkage target (""|undefined)$/, '还没有选择联动单位'],
  [/^no such linkage target "(.*)"$/, '联动单位“$1”不存在'],
  [/^no such calendar (""|undefined)$/, '还没有选择工作日历'],
  [/^no such calendar "(.*)"$/, '工作日历“$1”不存在'],
  [/^no such language (""|undefined)$/, '还没有选择语言'],
  [/^no such language "(.*)"$/, '不支持语言“$1”'],
  [/^no such prompt "(.*)"$/, '语音“$1”不存在'],
  [/^must not be more than maxDigits$/, '不能多于最多位数'],
  [/^cannot be reached from the start node/, '来电到不了这个节点：没有按键或出口通向它'],
  [/^goes round a loop that never waits for a key/, '几个节点绕成了圈，中间没有等待按键，来电永远出不来'],
  [/^is used by more than one node$/, '节点编号重复'],
  [/^must be one of /, '服务暂不支持这种节点'],
];

const reason = (e: MenuError) => {
  const prefix = e.nodeId ? `node "${e.nodeId}" ${e.field}: ` : `${e.field}: `;
  return e.message.startsWith(prefix) ? e.message.slice(prefix.length) : e.message;
};

/** Why the field is wrong, in the page's language; a reason the editor does not know shows as the service gave it. */
export function problemText(e: MenuError): string {
  const why = reason(e);
  if (currentLang() === 'en') return why;
  for (const [pattern, text] of zh) {
    // The whole reason is replaced, not only the part the pattern names: no English tail is left behind.
    const found = pattern.exec(why);
    if (found) return text.replace(/\$(\d)/g, (_, i: string) => found[Number(i)] ?? '');
  }
  return why;
}
