import type { Engine } from './engine.js';
import { channelJson, HttpError, type FakeChannel } from './model.js';
import type { Params } from './params.js';

/** How the far end of an originated leg refuses it. */
export type Refusal = 'busy' | 'rejected' | 'congestion' | 'unavailable';
const refusals: Record<Refusal, { cause: number; dialstatus: string }> = {
  busy: { cause: 17, dialstatus: 'BUSY' },
  rejected: { cause: 21, dialstatus: 'CHANUNAVAIL' },
  congestion: { cause: 34, dialstatus: 'CONGESTION' },
  unavailable: { cause: 20, dialstatus: 'CHANUNAVAIL' },
};

/** "Name" <number>, or a bare number, as ast_callerid_parse reads it. */
function parseCallerId(raw: string): { name: string; number: string } {
  const m = /^\s*"?([^"<]*?)"?\s*<([^>]*)>\s*$/.exec(raw);
  return m ? { name: m[1] ?? '', number: m[2] ?? '' } : { name: '', number: raw.trim() };
}

/**
 * POST /channels and /channels/{id}, as ari_channels_handle_originate_with_id: validation in
 * its order, then the dial's prerun (an endpoint that does not exist or has no registered
 * device fails here with 500 "Allocation failed"), then the app is subscribed to the new
 * channel and the dial runs in the background: the test answers or refuses it.
 */
export function originate(engine: Engine, params: Params, idFromPath?: string): Record<string, unknown> {
  const endpoint = params.get('endpoint');
  if (!endpoint) throw new HttpError(400, 'Endpoint must be specified');
  if (params.get('originator') && params.get('formats')) throw new HttpError(400, "Originator and formats can't both be specified");
  const slash = endpoint.indexOf('/');
  if (slash <= 0 || slash === endpoint.length - 1) throw new HttpError(400, 'Invalid endpoint specified');
  const app = params.get('app');
  if (!app && !params.get('extension')) throw new HttpError(400, 'Application or extension must be specified');
  if (!app) throw new HttpError(501, 'The fake Asterisk originates into Stasis apps only');
  const vars = params.variables();
  const originator = params.get('originator');
  if (originator && !engine.channels.has(originator)) throw new HttpError(400, 'Provided originator channel was not found');
  const id = idFromPath ?? params.get('channelId') ?? engine.uniqueId();
  if (engine.channels.has(id)) throw new HttpError(409, 'Channel with given unique ID already exists');
  const known = engine.options.endpoints === undefined ? 'online' : engine.endpoints.get(endpoint);
  if (known !== 'online') throw new HttpError(500, 'Allocation failed');

  const timeoutParam = params.int('timeout', 30);
  const timeoutSeconds = timeoutParam > 0 || timeoutParam === -1 ? timeoutParam : 30;
  const callerId = params.get('callerId') ?? '';
  const party = parseCallerId(callerId);
  const rawArgs = params.get('appArgs');
  const appArgs = rawArgs ? rawArgs.split(',') : [];
  const leg = engine.newChannel({
    id,
    name: engine.channelName(endpoint),
    state: 'Down',
    caller: party,
    connected: party,
    subscribedApp: app,
    variables: vars,
    origination: { endpoint, app, appArgs, callerId, timeoutSeconds, variables: vars, originator: originator ?? null, outcome: 'ringing', timer: null },
  });
  engine.originated.push(leg);
  if (timeoutSeconds > 0) {
    leg.origination!.timer = setTimeout(() => noAnswer(engine, leg), timeoutSeconds * 1000);
  }
  const response = channelJson(leg);
  // The dial runs on its own thread: its events follow the HTTP answer.
  // A test may answer or refuse the leg before then: a real phone cannot, so nothing rings after it.
  setImmediate(() => {
    if (!engine.channels.has(leg.id) || leg.origination!.outcome !== 'ringing') return;
    engine.send(app, 'Dial', { peer: channelJson(leg), dialstring: endpoint.slice(slash + 1), dialstatus: '' });
    engine.setState(leg, 'Ringing');
    engine.send(app, 'Dial', { peer: channelJson(leg), dialstring: endpoint.slice(slash + 1), dialstatus: 'RINGING' });
  });
  return response;
}

function ringingLeg(engine: Engine, channelId: string): FakeChannel {
  const leg = engine.channels.get(channelId);
  if (!leg?.origination || leg.origination.outcome !== 'ringing') throw new Error(`${channelId} is not a ringing originated leg`);
  return leg;
}

/** The agent picks up: the leg is answered and runs Stasis(app, appArgs). */
export function answerLeg(engine: Engine, channelId: string): void {
  const leg = ringingLeg(engine, channelId);
  const o = leg.origination!;
  if (o.timer) clearTimeout(o.timer);
  o.outcome = 'answered';
  engine.setState(leg, 'Up');
  engine.send(o.app, 'Dial', { peer: channelJson(leg), dialstring: o.endpoint.split('/')[1], dialstatus: 'ANSWER' });
  engine.enterStasis(leg, o.app, o.appArgs);
}

/** The far end refuses the call: the channel driver queues a hangup with the cause, then the dial destroys the channel. */
export function refuseLeg(engine: Engine, channelId: string, how: Refusal): void {
  const leg = ringingLeg(engine, channelId);
  const o = leg.origination!;
  const { cause, dialstatus } = refusals[how];
  o.outcome = 'failed';
  leg.hangupCause = cause;
  engine.sendChannel(leg, 'ChannelHangupRequest', { cause });
  engine.send(o.app, 'Dial', { peer: channelJson(leg), dialstring: o.endpoint.split('/')[1], dialstatus });
  engine.destroy(leg);
}

/** The dial's global timeout: the channel is hung up directly, no hangup request and no final Dial status. */
export function noAnswer(engine: Engine, leg: FakeChannel): void {
  if (!engine.channels.has(leg.id) || leg.origination?.outcome !== 'ringing') return;
  leg.origination.outcome = 'failed';
  leg.origination.timer = null;
  leg.hangupCause = engine.options.noAnswerCause;
  engine.destroy(leg);
}
