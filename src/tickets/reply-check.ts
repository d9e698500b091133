// Guangxi's complaint about units' replies: "已完成" or "已答复群众" tells the citizen nothing.
// A reply that is too short, or made only of stock phrases, is flagged; the hotline then sends
// it back or accepts it with a note (lifecycle.ts refuses a plain accept).

/** Fewer meaningful characters than this (punctuation and spaces not counted) is too short to say what was done. */
export const MIN_REPLY_CHARS = 15;

/** Whole clauses that say nothing about the matter itself. */
const stockPhrases: RegExp[] = [
  /^已?(?:完成|办结|处理|解决|落实|整改)(?:完毕)?$/,
  /^(?:已|已经)?(?:答复|回复|告知|反馈|联系|电话联系|电话告知|电话答复)(?:了)?(?:群众|市民|来电人|诉求人|当事人)?(?:了)?$/,
  /^(?:请|建议)?(?:拨打|致电|联系)[^，。；]{0,40}(?:咨询|反映|了解)$/,
  /^(?:请|建议)?(?:到|前往)?[^，。；]{0,20}咨询$/,
  /^(?:此件|该件|本件|该诉求|此诉求)?(?:已)?(?:按程序)?(?:处理|办理)(?:完毕|完成)?$/,
  /^(?:谢谢|感谢)[^，。；]{0,10}$/,
];

const clauseSplit = /[，,。.；;！!？?、\s\n]+/;

export interface ReplyCheck {
  flagged: boolean;
  /** Why, for the reviewer: too short, or a stock phrase. */
  reason: string | null;
}

export function checkReply(text: string): ReplyCheck {
  const clauses = text.split(clauseSplit).filter(Boolean);
  const stock = clauses.length > 0 && clauses.every((c) => stockPhrases.some((p) => p.test(c)));
  if (stock) return { flagged: true, reason: `only a stock phrase ("${clauses.join('，')}"): it does not say what was found or done` };
  const length = [...clauses.join('')].length;
  if (length < MIN_REPLY_CHARS) return { flagged: true, reason: `too short: ${length} characters, a reply says what was found and done in at least ${MIN_REPLY_CHARS}` };
  return { flagged: false, reason: null };
}
