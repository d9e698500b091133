import t from 'tap';
import { build } from '../helpers/app.js';

t.test('queues are seeded and editable by admins', async (t) => {
  const ctx = await build(t);
  const queues = (await ctx.api({ method: 'GET', url: '/api/queues' })).json();
  t.same(queues.map((q: { name: string }) => q.name), ['enterprise', 'foreign-language', 'general']);
  t.match(queues[2], { name: 'general', waiting: [], longestWaitSeconds: 0 });

  const settings = { title: '专家坐席', announceEverySeconds: 20, maxWaitSeconds: 120, ringTimeoutSeconds: 15, wrapUpSeconds: 10, mohClass: 'default' };
  const put = await ctx.api({ method: 'PUT', url: '/api/queues/expert', payload: settings });
  t.equal(put.statusCode, 200);
  t.match(put.json(), { name: 'expert', ...settings });

  const bad = await ctx.api({ method: 'PUT', url: '/api/queues/expert', payload: { ...settings, maxWaitSeconds: 'long' } });
  t.equal(bad.statusCode, 400);
  t.match(bad.json().message, /maxWaitSeconds/);
  t.equal((await ctx.api({ method: 'GET', url: '/api/queues/nope' })).statusCode, 404);
});
