import t from 'tap';
import { build } from '../helpers/app.js';

const police = { name: '110 公安', dialString: 'PJSIP/110@linkage', timeoutSeconds: 30, ticketTravels: true, webhookUrl: 'https://110.example.gov.cn/hotline' };
const secret = 'shared-with-110-dispatch';

t.test('an admin sets a target’s webhook secret; it is never shown, only whether there is one', async (t) => {
  const ctx = await build(t);
  const before = (await ctx.api({ method: 'GET', url: '/api/linkage-targets/110' })).json();
  t.same(before.hasWebhookSecret, false);

  const set = await ctx.api({ method: 'PUT', url: '/api/linkage-targets/110', payload: { ...police, webhookSecret: secret } });
  t.equal(set.statusCode, 200, set.body);
  t.same(set.json(), { code: '110', ...police, hasWebhookSecret: true });
  t.notMatch(set.body, secret);
  const listed = (await ctx.api({ method: 'GET', url: '/api/linkage-targets' })).json();
  t.same(listed[0], { code: '110', ...police, hasWebhookSecret: true });
  t.equal(ctx.app.linkageTargets.webhookOf('110')?.secret, secret);

  const renamed = await ctx.api({ method: 'PUT', url: '/api/linkage-targets/110', payload: { ...police, name: '110 指挥中心' } });
  t.match(renamed.json(), { name: '110 指挥中心', hasWebhookSecret: true }, 'left out, the secret is kept');
  t.equal(ctx.app.linkageTargets.webhookOf('110')?.secret, secret);

  const cleared = await ctx.api({ method: 'PUT', url: '/api/linkage-targets/110', payload: { ...police, webhookSecret: null } });
  t.match(cleared.json(), { hasWebhookSecret: false }, 'null clears it');
  t.equal(ctx.app.linkageTargets.webhookOf('110')?.secret, null);
});

t.test('a secret shorter than 16 characters is refused', async (t) => {
  const ctx = await build(t);
  const res = await ctx.api({ method: 'PUT', url: '/api/linkage-targets/110', payload: { ...police, webhookSecret: 'too-short-secret'.slice(0, 15) } });
  t.equal(res.statusCode, 400);
  t.match(res.json().message, /webhookSecret/);
  t.equal(ctx.app.linkageTargets.webhookOf('110')?.secret, null);
});

t.test('only admins set secrets', async (t) => {
  const ctx = await build(t);
  const res = await ctx.api({ method: 'PUT', url: '/api/linkage-targets/110', payload: { ...police, webhookSecret: secret } }, await ctx.userToken('supervisor'));
  t.equal(res.statusCode, 403);
  t.equal(ctx.app.linkageTargets.webhookOf('110')?.secret, null);
});
