import t from 'tap';
import { build } from '../helpers/app.js';
import { call, lastCall } from '../helpers/calls.js';

t.test('the call log lists calls newest first, filtered by caller and date, paged', async (t) => {
  const ctx = await build(t);
  for (const caller of ['13800000001', '13800000002', '13800000001']) {
    const id = await call(ctx, caller);
    ctx.asterisk.hangup(id);
    await lastCall(ctx);
  }
  const all = (await ctx.api({ method: 'GET', url: '/api/calls' })).json();
  t.equal(all.total, 3);
  t.ok(all.items[0].startedAt >= all.items[1].startedAt && all.items[1].startedAt >= all.items[2].startedAt, 'newest first');

  const mine = (await ctx.api({ method: 'GET', url: '/api/calls?caller=13800000001' })).json();
  t.equal(mine.total, 2);
  t.ok(mine.items.every((c: { caller: string }) => c.caller === '13800000001'));

  const page = (await ctx.api({ method: 'GET', url: '/api/calls?limit=1&offset=1' })).json();
  t.equal(page.items.length, 1);
  t.equal(page.items[0].id, all.items[1].id);

  const future = new Date(Date.now() + 3_600_000).toISOString();
  t.equal((await ctx.api({ method: 'GET', url: `/api/calls?from=${future}` })).json().total, 0);
  const past = new Date(Date.now() - 3_600_000).toISOString();
  t.equal((await ctx.api({ method: 'GET', url: `/api/calls?from=${past}&to=${future}` })).json().total, 3);
});

t.test('bad filters are a 400 naming the parameter', async (t) => {
  const ctx = await build(t);
  const badDate = await ctx.api({ method: 'GET', url: '/api/calls?from=yesterday' });
  t.equal(badDate.statusCode, 400);
  t.match(badDate.json().message, /from/);
  const badLimit = await ctx.api({ method: 'GET', url: '/api/calls?limit=1000' });
  t.equal(badLimit.statusCode, 400);
  t.match(badLimit.json().message, /limit/);
  const reversed = await ctx.api({ method: 'GET', url: '/api/calls?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z' });
  t.equal(reversed.statusCode, 400);
  t.match(reversed.json().message, /from must be before to/);
  t.equal((await ctx.api({ method: 'GET', url: '/api/calls/nope' })).statusCode, 404);
});
