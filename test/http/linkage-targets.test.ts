import t from 'tap';
import { build } from '../helpers/app.js';

const expert = { name: '住建局专家坐席', dialString: 'PJSIP/expert-housing@linkage', timeoutSeconds: 25, ticketTravels: true, webhookUrl: 'https://zjj.example.gov.cn/hotline' };

t.test('the linkage targets ship with 110, 12315 and the other partners, in button order, readable by agents', async (t) => {
  const ctx = await build(t);
  const res = await ctx.api({ method: 'GET', url: '/api/linkage-targets' }, await ctx.userToken('agent', 1));
  t.equal(res.statusCode, 200);
  t.same(res.json().map((x: { code: string }) => x.code), ['110', '119', '120', '122', '12315', '12333', '12329']);
  t.match(res.json()[0], { name: '110 公安', dialString: 'PJSIP/110@linkage', ticketTravels: true });
});

t.test('an admin adds, edits and removes a target; others may not', async (t) => {
  const ctx = await build(t);
  const put = await ctx.api({ method: 'PUT', url: '/api/linkage-targets/expert-housing', payload: expert });
  t.equal(put.statusCode, 200, put.body);
  const list = (await ctx.api({ method: 'GET', url: '/api/linkage-targets' })).json();
  t.equal(list.at(-1).code, 'expert-housing', 'a new target goes last');

  await ctx.api({ method: 'PUT', url: '/api/linkage-targets/110', payload: { ...expert, name: '110 公安指挥中心', dialString: 'PJSIP/110@linkage' } });
  const again = (await ctx.api({ method: 'GET', url: '/api/linkage-targets' })).json();
  t.match(again[0], { code: '110', name: '110 公安指挥中心' }, 'an edited target keeps its place');

  const supervisor = await ctx.userToken('supervisor');
  t.equal((await ctx.api({ method: 'PUT', url: '/api/linkage-targets/x', payload: expert }, supervisor)).statusCode, 403);
  t.equal((await ctx.api({ method: 'DELETE', url: '/api/linkage-targets/expert-housing' }, supervisor)).statusCode, 403);
  t.equal((await ctx.api({ method: 'DELETE', url: '/api/linkage-targets/expert-housing' })).statusCode, 204);
  t.equal((await ctx.api({ method: 'DELETE', url: '/api/linkage-targets/expert-housing' })).statusCode, 404);
  t.equal((await ctx.api({ method: 'GET', url: '/api/linkage-targets/expert-housing' })).statusCode, 404);
});

t.test('a bad target is refused whole, naming the field', async (t) => {
  const ctx = await build(t);
  const before = (await ctx.api({ method: 'GET', url: '/api/linkage-targets' })).json();
  const cases: Array<[string, Record<string, unknown>, RegExp]> = [
    ['x', { ...expert, dialString: 'Dial(PJSIP/110)' }, /dialString/],
    ['x', { ...expert, timeoutSeconds: 1 }, /timeoutSeconds/],
    ['x', { ...expert, webhookUrl: 'ftp://example.org' }, /webhookUrl/],
    ['x', { ...expert, name: '' }, /name/],
    ['has space', expert, /code/],
  ];
  for (const [code, payload, message] of cases) {
    const res = await ctx.api({ method: 'PUT', url: `/api/linkage-targets/${encodeURIComponent(code)}`, payload });
    t.equal(res.statusCode, 400, JSON.stringify(payload));
    t.match(res.json().message, message);
  }
  t.same((await ctx.api({ method: 'GET', url: '/api/linkage-targets' })).json(), before, 'nothing changed');
});
