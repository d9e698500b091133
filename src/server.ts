import { loadConfig } from './config.js';
import { buildApp } from './app.js';
import { createLogger } from './log.js';
import { AriTelephony } from './telephony/ari-telephony.js';

function fail(message: string): never {
  process.stderr.write(`hotline12345 cannot start: ${message}\n`);
  process.exit(1);
}

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (err) {
  fail((err as Error).message);
}
const log = createLogger(config.LOG_LEVEL);
const telephony = new AriTelephony({
  url: config.ARI_URL,
  user: config.ARI_USER,
  password: config.ARI_PASSWORD,
  app: config.ARI_APP,
  logger: log.child({ area: 'telephony' }),
});

const app = await buildApp({ config, telephony, logger: log }).catch((err: unknown) => fail((err as Error).message));

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
