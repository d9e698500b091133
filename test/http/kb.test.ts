import t from 'tap';
import { build } from '../helpers/app.js';

const article = { title: '住房公积金提取办理指南', body: '租房自住的，可以申请提取住房公积金。', category: 'housing', unit: '市住房公积金管理中心' };

t.test('supervisors and admins write the knowledge base; agents read and search it', async (t) => {
  const ctx = await build(t);
  const agent = await ctx.userToken('agent', 1);
  const supervisor = await ctx.userToken('supervisor');

  t.equal((await ctx.api({ method: 'POST', url: '/api/kb', payload: article }, agent)).statusCode, 403);
  const created = await ctx.api({ method: 'POST', url: '/api/kb', payload: article }, supervisor);
  t.equal(created.statusCode, 201, created.body);
  const { id } = created.json();
  t.match(created.json(), { ...article, validTo: null, retiredAt: null, validFrom: /^\d{4}-\d{2}-\d{2}$/ });

  const found = await ctx.api({ method: 'GET', url: `/api/kb?q=${encodeURIComponent('公积金提取')}` }, agent);
  t.equal(found.statusCode, 200);
  t.match(found.json(), [{ id, titleHtml: '住房<mark>公积金提取</mark>办理指南', unit: article.unit }]);
  t.match((await ctx.api({ method: 'GET', url: `/api/kb/${id}` }, agent)).json(), article);

  t.equal((await ctx.api({ method: 'PUT', url: `/api/kb/${id}`, payload: { title: '公积金提取' } }, agent)).statusCode, 403);
  const edited = await ctx.api({ method: 'PUT', url: `/api/kb/${id}`, payload: { body: '提取公积金须本人到窗口办理。', validTo: '2030-12-31' } }, supervisor);
  t.match(edited.json(), { title: article.title, body: '提取公积金须本人到窗口办理。', validTo: '2030-12-31' });

  t.equal((await ctx.api({ method: 'DELETE', url: `/api/kb/${id}` }, agent)).statusCode, 403);
  t.equal((await ctx.api({ method: 'DELETE', url: `/api/kb/${id}` })).statusCode, 204);
  t.equal((await ctx.api({ method: 'GET', url: `/api/kb/${id}` }, agent)).statusCode, 404);
  t.same((await ctx.api({ method: 'GET', url: `/api/kb?q=${encodeURIComponent('公积金')}` }, agent)).json(), []);
  t.equal((await ctx.api({ method: 'GET', url: '/api/kb' })).statusCode, 200);
  t.equal((await ctx.app.inject({ method: 'GET', url: '/api/kb' })).statusCode, 401, 'not without logging in');
});

t.test('bad articles are refused, naming what is wrong', async (t) => {
  const ctx = await build(t);
  const cases: Array<[Record<string, unknown>, RegExp]> = [
    [{ ...article, category: 'weather' }, /category/],
    [{ ...article, title: '' }, /title/],
    [{ ...article, validFrom: '2026-02-30' }, /validFrom/],
    [{ ...article, validFrom: '2026-03-01', validTo: '2026-02-01' }, /validTo: 2026-02-01 is before validFrom 2026-03-01/],
    [{ ...article, extra: 1 }, /extra|additional/],
  ];
  for (const [payload, message] of cases) {
    const res = await ctx.api({ method: 'POST', url: '/api/kb', payload });
    t.equal(res.statusCode, 400, JSON.stringify(payload));
    t.match(res.json().message, message);
  }
  t.equal((await ctx.api({ method: 'PUT', url: '/api/kb/99', payload: { title: '无此文章' } })).statusCode, 404);
});

t.test('a direct answer cites an article; a cited article is retired, not deleted, and found again only when asked', async (t) => {
  const ctx = await build(t);
  const { id } = (await ctx.api({ method: 'POST', url: '/api/kb', payload: article })).json();
  const draft = { caller: '13800001111', type: 'consult', category: 'housing', title: '咨询公积金提取', articleId: id };
  const ticket = await ctx.api({ method: 'POST', url: '/api/tickets', payload: draft });
  t.equal(ticket.statusCode, 201, ticket.body);
  t.equal(ticket.json().articleId, id);
  t.equal((await ctx.api({ method: 'GET', url: `/api/tickets/${ticket.json().number}` })).json().articleId, id, 'shown with the ticket');
  const unknown = await ctx.api({ method: 'POST', url: '/api/tickets', payload: { ...draft, articleId: 999 } });
  t.equal(unknown.statusCode, 400);
  t.match(unknown.json().message, /articleId: no article 999/);

  const refused = await ctx.api({ method: 'DELETE', url: `/api/kb/${id}` });
  t.equal(refused.statusCode, 409);
  t.match(refused.json().message, /cited by 1 ticket.*retire/);
  const retired = await ctx.api({ method: 'POST', url: `/api/kb/${id}/retire` }, await ctx.userToken('supervisor'));
  t.type(retired.json().retiredAt, 'number');
  const q = encodeURIComponent('公积金提取');
  t.same((await ctx.api({ method: 'GET', url: `/api/kb?q=${q}` })).json(), []);
  t.match((await ctx.api({ method: 'GET', url: `/api/kb?q=${q}&validity=all` })).json(), [{ id }]);
});

t.test('the page lists by validity and unit, offers the units in use, and restores a retired article', async (t) => {
  const ctx = await build(t);
  const agent = await ctx.userToken('agent', 1);
  const { id } = (await ctx.api({ method: 'POST', url: '/api/kb', payload: article })).json();
  const future = (await ctx.api({ method: 'POST', url: '/api/kb', payload: { ...article, title: '公积金新规', validFrom: '2099-01-01' } })).json().id;
  const list = async (query: string) => (await ctx.api({ method: 'GET', url: `/api/kb?${query}` }, agent)).json().map((h: { id: number }) => h.id);
  t.same(await list(''), [id], 'agents find only what is in force');
  t.same(await list('validity=future'), [future]);
  t.same(await list(`validity=current&unit=${encodeURIComponent(article.unit)}`), [id]);
  t.same(await list(`unit=${encodeURIComponent('市公安局')}`), []);
  t.match((await ctx.api({ method: 'GET', url: '/api/kb?validity=all' }, agent)).json(), [{ validity: 'future' }, { validity: 'current' }]);
  t.same((await ctx.api({ method: 'GET', url: '/api/kb/units' }, agent)).json(), [{ unit: article.unit, articles: 2 }]);

  const bad = await ctx.api({ method: 'GET', url: '/api/kb?validity=soon' }, agent);
  t.equal(bad.statusCode, 400);
  t.match(bad.json().message, /validity/);

  t.equal((await ctx.api({ method: 'POST', url: `/api/kb/${id}/retire` }, agent)).statusCode, 403);
  await ctx.api({ method: 'POST', url: `/api/kb/${id}/retire` });
  t.same(await list('validity=retired'), [id]);
  t.equal((await ctx.api({ method: 'POST', url: `/api/kb/${id}/restore` }, agent)).statusCode, 403);
  const restored = await ctx.api({ method: 'POST', url: `/api/kb/${id}/restore` }, await ctx.userToken('supervisor'));
  t.equal(restored.json().retiredAt, null);
  t.same(await list(''), [id]);
  t.equal((await ctx.api({ method: 'POST', url: '/api/kb/99/restore' })).statusCode, 404);
});

t.test('handling-unit users are outside the knowledge base', async (t) => {
  const ctx = await build(t);
  const unit = await ctx.api({ method: 'POST', url: '/api/units', payload: { code: 'gjj', name: '市住房公积金管理中心', kind: 'department' } });
  const unitUser = await ctx.userToken('unit', unit.json().id);
  t.equal((await ctx.api({ method: 'GET', url: '/api/kb' }, unitUser)).statusCode, 403);
  t.equal((await ctx.api({ method: 'POST', url: '/api/kb', payload: article }, unitUser)).statusCode, 403);
});
