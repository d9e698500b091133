import t from 'tap';
import { build } from '../helpers/app.js';
import { callInto, until } from '../helpers/calls.js';

// Found by the screen-pop benchmark: an agent was reserved at once but the caller's leg was
// only recorded when its ring step ran, so a dispatch in between offered the same caller to a
// second agent, who was then left ringing for a call that never came.
t.test('a caller is offered to one agent even when two become free in the same instant', async (t) => {
  const ctx = await build(t);
  await callInto(ctx, '1', '13800000001');
  // Both log in before the first agent's phone has been rung.
  ctx.app.agentService.apply(1, { type: 'login' });
  ctx.app.agentService.apply(2, { type: 'login' });
  await until(() => ctx.asterisk.originated().length >= 1, 'an agent rung');
  await ctx.app.callFlow.settled();
  t.equal(ctx.asterisk.originated().length, 1, 'one ring for one caller');
  t.same(
    ctx.app.agentsRepository.list().filter((a) => a.state === 'ringing').map((a) => a.id),
    [1],
    'only the agent rung is ringing; the other is still free',
  );
  t.equal(ctx.app.agentsRepository.get(2)!.state, 'available');
});
