import { ticketTypes, type TicketType } from '../db/schema/tickets.js';

export interface Label {
  code: string;
  zh: string;
  en: string;
}

export const typeLabels: Record<TicketType, Label> = {
  consult: { code: 'consult', zh: '咨询', en: 'Enquiry' },
  complaint: { code: 'complaint', zh: '投诉', en: 'Complaint' },
  help: { code: 'help', zh: '求助', en: 'Request for help' },
  suggestion: { code: 'suggestion', zh: '建议', en: 'Suggestion' },
  report: { code: 'report', zh: '举报', en: 'Report' },
  praise: { code: 'praise', zh: '表扬', en: 'Praise' },
};

/** The first level of the 12345 classification; queues name the one their calls usually belong to. */
export const categories: Label[] = [
  { code: 'enterprise', zh: '企业诉求/营商环境', en: 'Business environment' },
  { code: 'government', zh: '政务服务', en: 'Government services' },
  { code: 'urban', zh: '城乡建设与管理', en: 'Urban management' },
  { code: 'housing', zh: '住房与物业', en: 'Housing and property' },
  { code: 'transport', zh: '交通运输', en: 'Transport' },
  { code: 'labor', zh: '劳动与社会保障', en: 'Labour and social security' },
  { code: 'market', zh: '市场监管与消费', en: 'Market and consumers' },
  { code: 'environment', zh: '生态环境', en: 'Environment' },
  { code: 'health', zh: '医疗卫生', en: 'Health' },
  { code: 'education', zh: '教育', en: 'Education' },
  { code: 'public-safety', zh: '公共安全', en: 'Public safety' },
  { code: 'other', zh: '其他', en: 'Other' },
];

export const categoryCodes = categories.map((c) => c.code);

export const catalogue = { types: ticketTypes.map((t) => typeLabels[t]), categories };
