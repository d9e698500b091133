import fp from 'fastify-plugin';
import { Recorder } from './recorder.js';
import { RecordingsRepository } from './repository.js';
import { deleteExpiredRecordings } from './retention.js';

declare module 'fastify' {
  interface FastifyInstance {
    recordings: RecordingsRepository;
  }
}

const RETENTION_SWEEP_MS = 3600_000;

/** Call recordings: started when an agent joins a call, fetched into the store, deleted past retention. */
export default fp(
  async (app) => {
    const { config } = app;
    const log = app.log.child({ area: 'recordings' });
    const recordings = new RecordingsRepository(app.db);
    const recorder = new Recorder({
      telephony: app.telephony,
      recordings,
      callLog: app.callLog,
      dir: config.RECORDINGS_DIR,
      retry: { baseMs: config.RETRY_BASE_MS, maxMs: config.RETRY_MAX_MS },
      log,
    });
    recorder.start();
    app.acd.onBridged((session, bridgeId) => recorder.recordBridge(session.id, bridgeId));
    app.acd.takeMessagesWith((session, onEnded) => recorder.recordMessage(session.id, session.channelId, onEnded));
    app.callFlow.takeMessagesWith((session, maxSeconds, onEnded) => recorder.recordMessage(session.id, session.channelId, onEnded, maxSeconds));
    app.decorate('recordings', recordings);

    const sweep = () => deleteExpiredRecordings(recordings, config.RECORDINGS_DIR, config.RECORDINGS_RETENTION_DAYS, log).catch((err: unknown) => log.error({ err }, 'retention sweep failed'));
    let timer: NodeJS.Timeout | null = null;
    app.addHook('onReady', async () => {
      void sweep();
      timer = setInterval(() => void sweep(), RETENTION_SWEEP_MS);
      timer.unref();
    });
    app.addHook('onClose', async () => {
      if (timer) clearInterval(timer);
      recorder.stop();
    });
  },
  { name: 'recordings', dependencies: ['db', 'auth', 'call-center'] },
);
