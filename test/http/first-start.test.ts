import t from 'tap';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { openDatabase } from '../../src/db/client.js';
import { createLogger } from '../../src/log.js';
import { AriTelephony } from '../../src/telephony/ari-telephony.js';

t.test('an empty database without ADMIN_USER/ADMIN_PASSWORD refuses to start, saying what to set', async (t) => {
  const config = loadConfig({ ARI_USER: 'ari', ARI_PASSWORD: 'x', DATABASE_PATH: ':memory:', LOG_LEVEL: 'silent' });
  const log = createLogger('silent');
  const telephony = new AriTelephony({ url: config.ARI_URL, user: 'ari', password: 'x', app: config.ARI_APP, logger: log });
  const db = openDatabase(':memory:');
  await t.rejects(buildApp({ config, telephony, db, logger: log }), /set ADMIN_USER and ADMIN_PASSWORD/);
  t.equal((db.$client.prepare('select count(*) n from agents').get() as { n: number }).n, 0, 'nothing was half-seeded');
});

t.test('a missing ARI credential stops the start with its name', async (t) => {
  t.throws(() => loadConfig({ ARI_USER: 'ari' }), /ARI_PASSWORD/);
  t.throws(() => loadConfig({ ARI_USER: 'ari', ARI_PASSWORD: 'x', PORT: 'eighty' }), /PORT/);
});
