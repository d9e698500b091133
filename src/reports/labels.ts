import type { TicketChannel, TicketType } from '../db/schema/index.js';
import { categories, typeLabels } from '../tickets/catalogue.js';

const channelLabels: Record<TicketChannel, string> = { phone: '电话 phone', web: '网站 web', app: '客户端 app', wechat: '微信 WeChat' };

/** The rows' names: what the groups are called on the sheet a director reads. */
export function labeller(by: string, names: Map<string, string>): (key: string | null) => string {
  return (key) => {
    if (key === null) return by === 'agent' ? '未接通 not answered' : by === 'unit' ? '未转办 not dispatched' : '无 none';
    if (by === 'channel') return channelLabels[key as TicketChannel] ?? key;
    if (by === 'type') return typeLabels[key as TicketType] ? `${typeLabels[key as TicketType].zh} ${key}` : key;
    if (by === 'category') {
      const found = categories.find((c) => c.code === key);
      return found ? `${found.zh} ${key}` : key;
    }
    return names.get(key) ?? key;
  };
}
