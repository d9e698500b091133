import { loadConfig } from './config.js';
import { buildApp } from './app.js';
import { createLogger } from './log.js';
import { AriTelephony } from './telephony/ari-telephony.js';

const config = loadConfig();
const log = createLogger(config.LOG_LEVEL);
const telephony = new AriTelephony({
  url: config.ARI_URL,
  user: config.ARI_USER,
  password: config.ARI_PASSWORD,
  app: config.ARI_APP,
  logger: log.child({ area: 'telephony' }),
});

const app = await buildApp({ config, telephony, logger: log });

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log.info({ signal }, 'shutting down');
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}

await app.listen({ host: config.HOST, port: config.PORT });
