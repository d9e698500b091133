import { randomUUID } from 'node:crypto';
import type { Log } from '../log.js';
import type { ChannelInfo, Telephony, TelephonyEvent } from '../telephony/types.js';
import type { AgentService } from '../agents/service.js';
import type { MenusRepository } from '../menus/repository.js';
import type { QueuesRepository } from '../queues/repository.js';
import { AGENT_LEG, legCallId, type Acd } from '../queues/acd.js';
import type { IvrActions } from '../ivr/runner.js';
import type { PromptSettings } from '../ivr/speech.js';
import { maskNumber } from '../log.js';
import type { CallLog } from './call-log.js';
import { CallSession } from './session.js';
import { recoverCalls } from './recovery.js';
import { LINKAGE_LEG, type LinkageCalls } from './linkage-calls.js';
import { CALLBACK_LEG, type CallbackCalls } from './callback-calls.js';
import { IVR_TRANSFER_LEG } from './ivr-transfers.js';
import { CALLBACK_SURVEY_LEG } from '../callback-surveys/calls.js';
import { IvrCalls, type MessageTaker } from './ivr-calls.js';
import { PostCallSurveys } from './post-call-survey.js';
import type { SurveySettings } from '../survey/post-call.js';
import type { MenuDefinition } from '../ivr/model.js';
import type { LinkageTargetsRepository } from '../linkage/repository.js';
import type { Calendar } from '../calendar/model.js';

export const DEFAULT_MENU = '12345';

export interface CallFlowDeps {
  telephony: Telephony;
  callLog: CallLog;
  menus: MenusRepository;
  queues: QueuesRepository;
  agents: AgentService;
  acd: Acd;
  actions: IvrActions;
  prompts: PromptSettings;
  targets: LinkageTargetsRepository;
  calendar: (name: string) => Calendar | null;
  /** The service's clock; tests hand in another to reach a holiday. */
  now: () => number;
  /** The key-press survey after the agent hangs up; null: the citizen is hung up with the agent. */
  survey: SurveySettings | null;
  log: Log;
}

/**
 * Routes every telephony event to the call it belongs to and moves calls between the IVR,
 * the queue and the agent. Each call's events run one at a time in its own queue.
 */
export class CallFlow {
  private readonly sessions = new Map<string, CallSession>();
  private readonly byChannel = new Map<string, CallSession>();
  private reconciling: Promise<void> = Promise.resolve();
  private linkage: LinkageCalls | null = null;
  private callbacks: CallbackCalls | null = null;
  private readonly ivr: IvrCalls;
  private readonly surveys: PostCallSurveys;

  constructor(private readonly deps: CallFlowDeps) {
    this.ivr = new IvrCalls({ ...deps, track: (session, channelId) => this.track(session, channelId) });
    this.surveys = new PostCallSurveys({ telephony: deps.telephony, callLog: deps.callLog, prompts: deps.prompts, settings: deps.survey });
  }

  /** Recordings are built after the flow: the message taker is handed in then. */
  takeMessagesWith(taker: MessageTaker): void {
    this.ivr.takeMessagesWith(taker);
  }

  /** Linkage calls are built on the controls, which are built on the flow: it is handed in last. */
  attachLinkage(linkage: LinkageCalls): void {
    this.linkage = linkage;
  }

  attachCallbacks(callbacks: CallbackCalls): void {
    this.callbacks = callbacks;
  }

  /** Routes the events of a leg the call is about to originate to the call. */
  track(session: CallSession, channelId: string): void {
    this.byChannel.set(channelId, session);
  }

  start(): void {
    this.deps.telephony.onEvent((event) => this.onEvent(event));
    this.deps.agents.onChange((agent, previous) => {
      if (agent.state === 'available' && previous.state !== 'available') this.deps.acd.dispatch();
      const session = previous.state === 'ringing' && agent.state === 'offline' ? this.sessions.get(previous.currentCallId ?? '') : undefined;
      if (session) void session.run(() => this.deps.acd.offerWithdrawn(session, agent.id));
    });
  }

  session(callId: string): CallSession | undefined {
    return this.sessions.get(callId);
  }

  liveCalls(): CallSession[] {
    return [...this.sessions.values()];
  }

  /** Resolves when every call's queued work and any reconciliation have run; for shutdown and tests. */
  async settled(): Promise<void> {
    await this.reconciling;
    await Promise.all([...this.sessions.values()].map((s) => s.settled()));
  }

  stop(): void {
    for (const session of this.sessions.values()) session.dispose();
  }

  adopt(session: CallSession, legChannelId?: string): void {
    session.onStepFailed = (err) => this.rescue(session, err);
    this.sessions.set(session.id, session);
    this.byChannel.set(session.channelId, session);
    if (legChannelId) this.byChannel.set(legChannelId, session);
  }

  private onEvent(event: TelephonyEvent): void {
    switch (event.type) {
      case 'connection':
        if (event.connected) this.reconcile();
        else this.deps.acd.forgetBridges();
        return;
      case 'channel-entered':
        if (event.args[0] === AGENT_LEG) this.onAgentLegAnswered(event.channel, event.args);
        else if (event.args[0] === LINKAGE_LEG) this.onLinkLegAnswered(event.channel);
        else if (event.args[0] === IVR_TRANSFER_LEG) this.onIvrTransferAnswered(event.channel);
        else if (event.args[0] === CALLBACK_LEG) this.onCallbackLegAnswered(event.channel, event.args[1] ?? '');
        // The 智能回访's own calls: src/callback-surveys/calls.ts takes them.
        else if (event.args[0] === CALLBACK_SURVEY_LEG) return;
        else if (!this.byChannel.has(event.channel.id)) this.onNewCall(event.channel);
        return;
      case 'dtmf': {
        const session = this.byChannel.get(event.channelId);
        if (session?.channelId !== event.channelId) return;
        if (session.phase === 'ivr') void session.run(() => this.ivr.input(session, { type: 'digit', digit: event.digit }));
        else if (session.phase === 'survey') void session.run(() => this.surveys.digit(session, event.digit));
        return;
      }
      case 'playback-finished': {
        const session = event.channelId ? this.byChannel.get(event.channelId) : undefined;
        if (!session) return;
        void session.run(async () => {
          await session.takePlaybackContinuation(event.playbackId)?.();
          await this.ivr.playbackFinished(session, event.playbackId);
        });
        return;
      }
      // Whichever comes first ends the channel for us: a caller's own hangup brings only
      // StasisEnd, an unanswered agent leg only ChannelDestroyed.
      case 'channel-left':
      case 'hangup': {
        const session = this.byChannel.get(event.channelId) ?? this.sessionOfLeg(event.channelId);
        if (!session) return;
        if (event.channelId !== session.channelId) this.byChannel.delete(event.channelId);
        void session.run(() => this.onHangup(session, event.channelId, event.cause ?? 16, event.causeText ?? 'Normal Clearing'));
        return;
      }
      case 'channel-state':
        return;
    }
  }

  private onNewCall(channel: ChannelInfo): void {
    const id = randomUUID();
    const log = this.deps.log.child({ callId: id });
    const session = new CallSession(id, channel.id, channel.callerNumber, log);
    this.adopt(session);
    const startedAt = Date.now();
    this.deps.callLog.open({ id, channelId: channel.id, caller: channel.callerNumber, dialed: channel.dialed, startedAt });
    log.info({ caller: channel.callerNumber, dialed: channel.dialed, channelId: channel.id }, 'call arrived');

    void session.run(async () => {
      await this.deps.telephony.answer(channel.id);
      const menu = this.deps.menus.published(DEFAULT_MENU);
      this.deps.callLog.record(id, 'answered', { menu: menu?.name, menuVersion: menu?.version }, { answeredAt: Date.now(), menuName: menu?.name ?? null, menuVersion: menu?.version ?? null });
      if (!menu) {
        log.error({ menu: DEFAULT_MENU }, 'no published menu; caller sent straight to the general queue');
        await this.deps.acd.enqueue(session, 'general');
        return;
      }
      await this.startIvr(session, menu.definition);
    });
  }

  startIvr(session: CallSession, definition: MenuDefinition): Promise<void> {
    return this.ivr.start(session, definition);
  }

  private onIvrTransferAnswered(channel: ChannelInfo): void {
    const session = this.byChannel.get(channel.id);
    if (!session) {
      void this.deps.telephony.hangup(channel.id).catch(() => undefined);
      return;
    }
    void session.run(() => this.ivr.transfers.answered(session, channel.id));
  }

  /** An agent leg's id names its call (see Acd), so a leg that fails before answering still finds it. */
  private sessionOfLeg(channelId: string): CallSession | undefined {
    const callId = legCallId(channelId);
    const session = callId ? this.sessions.get(callId) : undefined;
    return session?.agentLeg?.channelId === channelId ? session : undefined;
  }

  private onAgentLegAnswered(channel: ChannelInfo, args: string[]): void {
    const session = this.sessions.get(args[1] ?? '');
    if (!session) {
      this.deps.log.warn({ channelId: channel.id }, 'agent leg for an unknown call; hanging it up');
      void this.deps.telephony.hangup(channel.id).catch(() => undefined);
      return;
    }
    this.byChannel.set(channel.id, session);
    void session.run(() => this.deps.acd.agentAnswered(session, channel.id));
  }

  private onLinkLegAnswered(channel: ChannelInfo): void {
    const session = this.byChannel.get(channel.id);
    if (!session || !this.linkage) {
      this.deps.log.warn({ channelId: channel.id }, 'linkage leg for an unknown call; hanging it up');
      void this.deps.telephony.hangup(channel.id).catch(() => undefined);
      return;
    }
    const linkage = this.linkage;
    void session.run(() => linkage.answered(session, channel.id));
  }

  private onCallbackLegAnswered(channel: ChannelInfo, callId: string): void {
    const session = this.sessions.get(callId);
    const callbacks = this.callbacks;
    if (!session || !callbacks) {
      void this.deps.telephony.hangup(channel.id).catch(() => undefined);
      return;
    }
    void session.run(() => callbacks.legAnswered(session, channel.id));
  }

  private async onHangup(session: CallSession, channelId: string, cause: number, causeText: string): Promise<void> {
    const { acd, callLog } = this.deps;
    const hangup = { cause, causeText };
    // A call back before the citizen answered is not a caller in a queue.
    if (session.callback) {
      await this.callbacks?.legEnded(session, channelId, cause);
      return;
    }
    if (channelId !== session.channelId) {
      if (channelId === session.ivrTransfer?.channelId) {
        await this.ivr.transfers.legEnded(session, channelId, cause);
        return;
      }
      if (channelId === session.link?.channelId) {
        await this.linkage?.legEnded(session, channelId, cause);
        return;
      }
      const leg = session.agentLeg;
      if (leg?.channelId !== channelId) return;
      if (leg.answered && session.phase === 'talking') {
        // With a linkage target on the line the citizen talks on with them: no survey mid-emergency.
        if (await this.linkage?.agentHungUp(session)) return;
        await this.linkage?.callEnded(session);
        const talkEndedAt = Date.now();
        const survey = this.surveys.wanted(session);
        await acd.talkEnded(session, 'agent', { keepCaller: survey });
        if (survey) {
          // The agent has gone to wrap-up; the call is now the citizen's and the survey's.
          session.agentLeg = null;
          await this.surveys.start(session, talkEndedAt);
          return;
        }
        session.phase = 'ended';
        callLog.close(session.id, 'completed', hangup);
      } else {
        await acd.legFailed(session, channelId, cause);
      }
      return;
    }

    if (session.callerGone) return;
    session.callerGone = true;
    const transferred = await this.ivr.transfers.callerLeft(session, hangup);
    switch (transferred ? 'ended' : session.phase) {
      case 'ivr':
        this.ivr.stop(session);
        callLog.close(session.id, session.messageLeft ? 'message-left' : 'abandoned-in-ivr', hangup);
        break;
      case 'queued':
      case 'ringing':
        await acd.callerLeftQueue(session);
        callLog.close(session.id, 'abandoned-in-queue', hangup);
        // A citizen who gave up waiting is owed a call back; the number is known, so nobody has to ask.
        if (session.caller) callLog.requestCallback(session.id, session.caller, session.queue ?? 'general', 'abandoned');
        break;
      case 'talking':
        await this.linkage?.callEnded(session);
        await acd.talkEnded(session, 'caller');
        callLog.close(session.id, 'completed', hangup);
        break;
      case 'survey':
        this.surveys.callerLeft(session);
        callLog.close(session.id, 'completed', hangup);
        break;
      case 'ended':
        break;
    }
    session.phase = 'ended';
    session.log.info({ cause, causeText, caller: maskNumber(session.caller) }, 'call ended');
    this.forget(session);
  }

  /**
   * A step failed while Asterisk stayed up (a refused request, say). A caller left mid-menu
   * would hear silence until they gave up, so they are sent to the general queue, once; a
   * waiting caller is offered to agents again. A talking call needs nothing from us.
   */
  private rescue(session: CallSession, err: unknown): void {
    if (session.rescued || session.callerGone || session.phase === 'ended' || session.phase === 'talking') return;
    session.rescued = true;
    const phase = session.phase;
    this.deps.callLog.record(session.id, 'step-failed', { phase, error: err instanceof Error ? err.message : String(err) });
    session.log.warn({ phase }, 'call step failed; sending the caller on to an agent');
    if (phase === 'ivr') {
      this.ivr.stop(session);
      void session.run(() => this.deps.acd.enqueue(session, 'general'));
    } else {
      this.deps.acd.dispatch();
    }
  }

  forget(session: CallSession): void {
    session.dispose();
    this.ivr.stop(session);
    this.surveys.stop(session);
    this.sessions.delete(session.id);
    for (const [channelId, s] of this.byChannel) if (s === session) this.byChannel.delete(channelId);
  }

  /** Asterisk is (again) connected: what it says is live is the truth; the rest of our picture is corrected. */
  private reconcile(): void {
    this.reconciling = this.reconciling
      .then(() => recoverCalls(this, this.deps, this.sessions, this.linkage))
      .catch((err: unknown) => this.deps.log.error({ err }, 'reconciliation with Asterisk failed'));
  }

  /** For recovery: a channel that vanished while we were not listening is handled as hung up. */
  channelVanished(session: CallSession, channelId: string): Promise<void> {
    return session.run(() => this.onHangup(session, channelId, 0, 'channel gone while Asterisk was disconnected'));
  }
}
