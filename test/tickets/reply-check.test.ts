import t from 'tap';
import { checkReply, MIN_REPLY_CHARS } from '../../src/tickets/reply-check.js';

t.test('stock phrases alone are flagged, however they are punctuated or combined', async (t) => {
  for (const reply of ['已完成', '已完成。', '已答复群众', '已联系群众。', '已联系群众，已完成。', '已电话告知来电人', '请拨打12315咨询', '请拨打市市场监管局电话0951-5012345咨询。', '已办结', '此件已按程序办理完毕。']) {
    const check = checkReply(reply);
    t.ok(check.flagged, reply);
    t.match(check.reason, /stock phrase/, reply);
  }
});

t.test('a reply that says what was found and done passes', async (t) => {
  const replies = [
    '经核实，高新区科技路 1 号路灯因线路老化损坏，已于 11 月 20 日更换线路并恢复照明，已电话告知来电人。',
    '已联系群众。经查该企业营业执照申请材料齐全，已于11月24日办结发证。',
  ];
  for (const reply of replies) t.same(checkReply(reply), { flagged: false, reason: null }, reply);
});

t.test('a short reply that is not a stock phrase is flagged as too short', async (t) => {
  const check = checkReply('已派人去看了，修好了。');
  t.ok(check.flagged);
  t.match(check.reason, new RegExp(`too short: 9 characters.*at least ${MIN_REPLY_CHARS}`));
});
