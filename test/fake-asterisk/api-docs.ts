// Our own Swagger 1.1 declarations of the ARI subset the service uses, written from the ARI
// reference in the shape Asterisk serves them. ari-client builds client.<resource>.<nickname>
// from them, puts path params in the URL, query params (arrays joined by commas) in the query
// string and `body` params in a JSON body; and it looks every event type up in the events
// resource's models, so an undeclared event type would throw inside ari-client.

type ParamType = 'path' | 'query' | 'body';
interface Param {
  name: string;
  paramType: ParamType;
  required: boolean;
  allowMultiple: boolean;
  dataType: string;
}
type Op = [httpMethod: 'GET' | 'POST' | 'DELETE', nickname: string, responseClass: string, params: Param[]];

const param = (name: string, paramType: ParamType, dataType = 'string', required = false, allowMultiple = false): Param => ({
  name,
  paramType,
  required,
  allowMultiple,
  dataType,
});
const path = (name: string) => param(name, 'path', 'string', true);
const query = (name: string, dataType = 'string') => param(name, 'query', dataType);
const required = (name: string, dataType = 'string') => param(name, 'query', dataType, true);
const many = (name: string, isRequired = true) => param(name, 'query', 'string', isRequired, true);
const variables = param('variables', 'body', 'containers');

const originateParams = [
  required('endpoint'),
  query('extension'),
  query('context'),
  query('priority', 'long'),
  query('label'),
  query('app'),
  query('appArgs'),
  query('callerId'),
  query('timeout', 'int'),
  variables,
  query('otherChannelId'),
  query('originator'),
  query('formats'),
];
const playParams = [many('media'), query('lang'), query('offsetms', 'int'), query('skipms', 'int')];
const recordParams = [
  required('name'),
  required('format'),
  query('maxDurationSeconds', 'int'),
  query('maxSilenceSeconds', 'int'),
  query('ifExists'),
  query('beep', 'boolean'),
  query('terminateOn'),
];

/** resource → path → operations. */
const resources: Record<string, Record<string, Op[]>> = {
  asterisk: { '/asterisk/info': [['GET', 'getInfo', 'AsteriskInfo', [many('only', false)]]] },
  endpoints: {
    '/endpoints': [['GET', 'list', 'List[Endpoint]', []]],
    '/endpoints/{tech}': [['GET', 'listByTech', 'List[Endpoint]', [path('tech')]]],
    '/endpoints/{tech}/{resource}': [['GET', 'get', 'Endpoint', [path('tech'), path('resource')]]],
  },
  channels: {
    '/channels': [
      ['GET', 'list', 'List[Channel]', []],
      ['POST', 'originate', 'Channel', [...originateParams.slice(0, 10), query('channelId'), ...originateParams.slice(10)]],
    ],
    '/channels/{channelId}': [
      ['GET', 'get', 'Channel', [path('channelId')]],
      ['POST', 'originateWithId', 'Channel', [path('channelId'), ...originateParams]],
      ['DELETE', 'hangup', 'void', [path('channelId'), query('reason_code'), query('reason')]],
    ],
    '/channels/{channelId}/answer': [['POST', 'answer', 'void', [path('channelId')]]],
    '/channels/{channelId}/ring': [
      ['POST', 'ring', 'void', [path('channelId')]],
      ['DELETE', 'ringStop', 'void', [path('channelId')]],
    ],
    '/channels/{channelId}/hold': [
      ['POST', 'hold', 'void', [path('channelId')]],
      ['DELETE', 'unhold', 'void', [path('channelId')]],
    ],
    '/channels/{channelId}/moh': [
      ['POST', 'startMoh', 'void', [path('channelId'), query('mohClass')]],
      ['DELETE', 'stopMoh', 'void', [path('channelId')]],
    ],
    '/channels/{channelId}/play': [['POST', 'play', 'Playback', [path('channelId'), ...playParams, query('playbackId')]]],
    '/channels/{channelId}/play/{playbackId}': [['POST', 'playWithId', 'Playback', [path('channelId'), path('playbackId'), ...playParams]]],
    '/channels/{channelId}/record': [['POST', 'record', 'LiveRecording', [path('channelId'), ...recordParams]]],
  },
  bridges: {
    '/bridges': [
      ['GET', 'list', 'List[Bridge]', []],
      ['POST', 'create', 'Bridge', [query('type'), query('bridgeId'), query('name')]],
    ],
    '/bridges/{bridgeId}': [
      ['POST', 'createWithId', 'Bridge', [query('type'), path('bridgeId'), query('name')]],
      ['GET', 'get', 'Bridge', [path('bridgeId')]],
      ['DELETE', 'destroy', 'void', [path('bridgeId')]],
    ],
    '/bridges/{bridgeId}/addChannel': [
      ['POST', 'addChannel', 'void', [path('bridgeId'), many('channel'), query('role'), query('absorbDTMF', 'boolean'), query('mute', 'boolean')]],
    ],
    '/bridges/{bridgeId}/removeChannel': [['POST', 'removeChannel', 'void', [path('bridgeId'), many('channel')]]],
    '/bridges/{bridgeId}/moh': [
      ['POST', 'startMoh', 'void', [path('bridgeId'), query('mohClass')]],
      ['DELETE', 'stopMoh', 'void', [path('bridgeId')]],
    ],
    '/bridges/{bridgeId}/play': [['POST', 'play', 'Playback', [path('bridgeId'), ...playParams, query('playbackId')]]],
    '/bridges/{bridgeId}/play/{playbackId}': [['POST', 'playWithId', 'Playback', [path('bridgeId'), path('playbackId'), ...playParams]]],
    '/bridges/{bridgeId}/record': [['POST', 'record', 'LiveRecording', [path('bridgeId'), ...recordParams]]],
  },
  recordings: {
    '/recordings/stored': [['GET', 'listStored', 'List[StoredRecording]', []]],
    '/recordings/stored/{recordingName}': [
      ['GET', 'getStored', 'StoredRecording', [path('recordingName')]],
      ['DELETE', 'deleteStored', 'void', [path('recordingName')]],
    ],
    '/recordings/stored/{recordingName}/file': [['GET', 'getStoredFile', 'binary', [path('recordingName')]]],
    '/recordings/live/{recordingName}': [
      ['GET', 'getLive', 'LiveRecording', [path('recordingName')]],
      ['DELETE', 'cancel', 'void', [path('recordingName')]],
    ],
    '/recordings/live/{recordingName}/stop': [['POST', 'stop', 'void', [path('recordingName')]]],
  },
  sounds: { '/sounds': [['GET', 'list', 'List[Sound]', [query('lang'), query('format')]]] },
  playbacks: {
    '/playbacks/{playbackId}': [
      ['GET', 'get', 'Playback', [path('playbackId')]],
      ['DELETE', 'stop', 'void', [path('playbackId')]],
    ],
    '/playbacks/{playbackId}/control': [['POST', 'control', 'void', [path('playbackId'), required('operation')]]],
  },
  deviceStates: { '/deviceStates': [['GET', 'list', 'List[DeviceState]', []]] },
  mailboxes: { '/mailboxes': [['GET', 'list', 'List[Mailbox]', []]] },
  applications: {
    '/applications': [['GET', 'list', 'List[Application]', []]],
    '/applications/{applicationName}': [['GET', 'get', 'Application', [path('applicationName')]]],
  },
  events: {
    '/events': [['GET', 'eventWebsocket', 'Message', [many('app'), query('subscribeAll', 'boolean')]]],
  },
};

export const resourceNames = Object.keys(resources);

type Props = Record<string, string | [type: string, required: false]>;
const model = (id: string, props: Props) => ({
  id,
  properties: Object.fromEntries(
    Object.entries(props).map(([name, spec]) =>
      typeof spec === 'string' ? [name, { type: spec, required: true }] : [name, { type: spec[0], required: false }],
    ),
  ),
});

/** Every event type the fake sends, with its own properties (Event adds type, application, timestamp). */
const events: Record<string, Props> = {
  StasisStart: { args: 'List[string]', channel: 'Channel', replace_channel: ['Channel', false] },
  StasisEnd: { channel: 'Channel' },
  ChannelCreated: { channel: 'Channel' },
  ChannelStateChange: { channel: 'Channel' },
  ChannelDtmfReceived: { digit: 'string', duration_ms: 'int', channel: 'Channel' },
  ChannelHangupRequest: { cause: ['int', false], soft: ['boolean', false], channel: 'Channel' },
  ChannelDestroyed: { cause: 'int', cause_txt: 'string', channel: 'Channel' },
  ChannelEnteredBridge: { bridge: 'Bridge', channel: ['Channel', false] },
  ChannelLeftBridge: { bridge: 'Bridge', channel: 'Channel' },
  ChannelVarset: { variable: 'string', value: 'string', channel: ['Channel', false] },
  ChannelHold: { channel: 'Channel', musicclass: ['string', false] },
  ChannelUnhold: { channel: 'Channel' },
  BridgeCreated: { bridge: 'Bridge' },
  BridgeDestroyed: { bridge: 'Bridge' },
  PlaybackStarted: { playback: 'Playback' },
  PlaybackContinuing: { playback: 'Playback' },
  PlaybackFinished: { playback: 'Playback' },
  RecordingStarted: { recording: 'LiveRecording' },
  RecordingFinished: { recording: 'LiveRecording' },
  RecordingFailed: { recording: 'LiveRecording' },
  Dial: { caller: ['Channel', false], peer: 'Channel', forward: ['string', false], forwarded: ['Channel', false], dialstring: ['string', false], dialstatus: 'string' },
  ApplicationReplaced: {},
};
export const eventTypes = Object.keys(events);

const models = [
  model('CallerID', { name: 'string', number: 'string' }),
  model('DialplanCEP', { context: 'string', exten: 'string', priority: 'long', app_name: 'string', app_data: 'string' }),
  model('Channel', {
    id: 'string',
    name: 'string',
    state: 'string',
    protocol_id: 'string',
    caller: 'CallerID',
    connected: 'CallerID',
    accountcode: 'string',
    dialplan: 'DialplanCEP',
    creationtime: 'Date',
    language: 'string',
    channelvars: ['object', false],
  }),
  model('Bridge', {
    id: 'string',
    technology: 'string',
    bridge_type: 'string',
    bridge_class: 'string',
    creator: 'string',
    name: 'string',
    channels: 'List[string]',
    creationtime: 'Date',
    video_mode: ['string', false],
  }),
  model('Playback', { id: 'string', media_uri: 'string', next_media_uri: ['string', false], target_uri: 'string', language: ['string', false], state: 'string' }),
  model('LiveRecording', { name: 'string', format: 'string', target_uri: 'string', state: 'string', duration: ['int', false], cause: ['string', false] }),
  model('StoredRecording', { name: 'string', format: 'string' }),
  model('Endpoint', { technology: 'string', resource: 'string', state: ['string', false], channel_ids: 'List[string]' }),
  model('Application', {
    name: 'string',
    channel_ids: 'List[string]',
    bridge_ids: 'List[string]',
    endpoint_ids: 'List[string]',
    device_names: 'List[string]',
    events_allowed: 'List[object]',
    events_disallowed: 'List[object]',
  }),
  model('AsteriskInfo', { build: ['object', false], system: ['object', false], config: ['object', false], status: ['object', false] }),
  model('Message', { type: 'string', asterisk_id: ['string', false] }),
  model('Event', { application: 'string', timestamp: 'Date' }),
  ...Object.entries(events).map(([id, props]) => model(id, { type: 'string', application: 'string', timestamp: 'Date', ...props })),
];

export function resourcesJson(baseUrl: string) {
  return {
    _copyright: 'Declarations written for the hotline12345 fake Asterisk.',
    apiVersion: '10.0.0',
    swaggerVersion: '1.1',
    basePath: `${baseUrl}/ari`,
    apis: resourceNames.map((name) => ({ path: `/api-docs/${name}.{format}`, description: name })),
  };
}

export function resourceJson(name: string, baseUrl: string) {
  const paths = resources[name];
  if (!paths) return null;
  return {
    apiVersion: '10.0.0',
    swaggerVersion: '1.1',
    basePath: `${baseUrl}/ari`,
    resourcePath: `/api-docs/${name}.{format}`,
    apis: Object.entries(paths).map(([apiPath, ops]) => ({
      path: apiPath,
      operations: ops.map(([httpMethod, nickname, responseClass, parameters]) => ({ httpMethod, nickname, summary: nickname, responseClass, parameters })),
    })),
    models: Object.fromEntries(models.map((m) => [m.id, m])),
  };
}
