import type { Log } from '../log.js';
import { backoffDelay } from '../backoff.js';
import type { AttemptResult, DeliveriesRepository, Delivery } from './deliveries.js';
import type { LinkageTargetsRepository } from './repository.js';
import { signatureHeaders } from './signature.js';

export interface DeliveryWorkerOptions {
  deliveries: DeliveriesRepository;
  targets: Pick<LinkageTargetsRepository, 'webhookOf'>;
  retryBaseMs: number;
  retryMaxMs: number;
  timeoutMs: number;
  log: Log;
}

/**
 * Works through the outbox: every due delivery is POSTed to its target's webhook until a 2xx
 * acknowledges it. It never gives up, since a ticket the partner never saw is worse than a
 * late one; the backoff keeps a partner's long outage cheap. The outbox is the only state,
 * so after a restart the worker simply carries on.
 */
export class DeliveryWorker {
  private timer: NodeJS.Timeout | null = null;
  /** Each target's deliveries go one at a time, targets side by side: a slow or dead partner holds up only its own. */
  private readonly lanes = new Map<string, Promise<void>>();
  private stopped = true;
  // Cuts short the POSTs in flight when the service stops, instead of waiting out their timeout.
  private readonly stopping = new AbortController();

  constructor(private readonly options: DeliveryWorkerOptions) {}

  /** Deliveries owed from before a restart are found by the first look. */
  start(): void {
    this.stopped = false;
    this.kick();
  }

  /** Looks for due deliveries on a timer of its own: a kick comes from inside the enqueuing transaction, which must commit first. */
  kick(): void {
    if (!this.stopped) this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.stopping.abort();
    await Promise.all(this.lanes.values());
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.look();
    }, delayMs);
    this.timer.unref();
  }

  private look(): void {
    if (this.stopped) return;
    try {
      for (const target of this.options.deliveries.dueTargets()) if (!this.lanes.has(target)) this.lanes.set(target, this.drain(target));
      this.scheduleNext();
    } catch (err) {
      this.failed(err);
    }
  }

  /** Sends the target's due deliveries until none is left due; each failure has moved its own next try into the future. */
  private async drain(target: string): Promise<void> {
    try {
      for (let next = this.options.deliveries.nextDue(target); next && !this.stopped; next = this.options.deliveries.nextDue(target)) await this.attempt(next);
      this.lanes.delete(target);
      if (!this.stopped) this.scheduleNext();
    } catch (err) {
      this.lanes.delete(target);
      this.failed(err, target);
    }
  }

  private scheduleNext(): void {
    const next = this.options.deliveries.nextDueAt([...this.lanes.keys()]);
    if (next !== null) this.schedule(Math.max(0, next - Date.now()));
  }

  /** The outbox itself failed (the database, not a partner): look again later rather than spin. */
  private failed(err: unknown, target?: string): void {
    this.options.log.error({ err, target }, 'linkage outbox failed; looking again later');
    if (!this.stopped) this.schedule(this.options.retryBaseMs);
  }

  private async attempt(delivery: Delivery): Promise<void> {
    const { deliveries, retryBaseMs, retryMaxMs } = this.options;
    const at = Date.now();
    const result = await this.post(delivery, at);
    const attempt: AttemptResult = { at, ...result, durationMs: Date.now() - at };
    const log = this.options.log.child({ delivery: delivery.id, target: delivery.targetCode, ticket: delivery.payload.ticketNumber });
    const delivered = result.httpStatus !== null && result.httpStatus >= 200 && result.httpStatus < 300;
    if (delivered) {
      const saved = deliveries.recordAttempt(delivery.id, attempt, { delivered: true });
      log.info({ attempt: saved.attempts, httpStatus: attempt.httpStatus, durationMs: attempt.durationMs }, 'linkage delivery acknowledged');
      return;
    }
    const nextAttemptAt = Date.now() + backoffDelay(delivery.attempts + 1, retryBaseMs, retryMaxMs);
    const saved = deliveries.recordAttempt(delivery.id, attempt, { nextAttemptAt });
    log.warn(
      { attempt: saved.attempts, httpStatus: attempt.httpStatus, error: attempt.error, durationMs: attempt.durationMs, nextAttemptAt },
      'linkage delivery failed; will retry',
    );
  }

  private async post(delivery: Delivery, now: number): Promise<Pick<AttemptResult, 'httpStatus' | 'error'>> {
    const webhook = this.options.targets.webhookOf(delivery.targetCode);
    if (!webhook) return { httpStatus: null, error: `linkage target ${delivery.targetCode} no longer exists` };
    if (!webhook.url) return { httpStatus: null, error: `linkage target ${delivery.targetCode} has no webhook URL` };
    // A citizen's details go out only signed; the admin sees this error until a secret is set.
    if (!webhook.secret) return { httpStatus: null, error: `linkage target ${delivery.targetCode} has no webhook secret` };
    const body = JSON.stringify(delivery.payload);
    try {
      const response = await fetch(webhook.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hotline-delivery': String(delivery.id), ...signatureHeaders(webhook.secret, body, now) },
        body,
        // A redirect would re-send the citizen's details somewhere the admin did not configure.
        redirect: 'manual',
        signal: AbortSignal.any([AbortSignal.timeout(this.options.timeoutMs), this.stopping.signal]),
      });
      // The status is the whole acknowledgement; whatever body came with it is not read.
      response.body?.cancel().catch(() => undefined);
      return { httpStatus: response.status, error: null };
    } catch (err) {
      return { httpStatus: null, error: this.describe(err) };
    }
  }

  private describe(err: unknown): string {
    if (!(err instanceof Error)) return String(err);
    if (err.name === 'TimeoutError') return `no answer within ${this.options.timeoutMs} ms`;
    if (err.name === 'AbortError') return 'cut short: the service was stopping';
    const cause = err.cause as { code?: string; message?: string } | undefined;
    return cause?.code ?? cause?.message ?? err.message;
  }
}
