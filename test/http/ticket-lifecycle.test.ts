import t from 'tap';
import { goodReply, ticketWorld } from '../helpers/tickets.js';

t.test('the closed loop: intake, dispatch, sign-for, reply with a file, accept, callback, closed; every step an event', async (t) => {
  const w = await ticketWorld(t);
  const { tokens, units } = w;
  const number = await w.intake();

  const dispatched = await w.act(number, 'dispatch', tokens.agent, { units: [units.market], note: '属市场监管职责' });
  t.equal(dispatched.statusCode, 200, dispatched.body);
  t.match(dispatched.json(), { status: 'dispatched', assignments: [{ unitId: units.market, unitName: '银川市市场监督管理局', status: 'dispatched', deadline: { kind: 'sign-for', flag: 'on-time' } }] });

  const inbox = (await w.ctx.api({ method: 'GET', url: '/api/tickets/inbox' }, tokens.market)).json();
  t.same(inbox.map((i: any) => [i.ticket.number, i.part]), [[number, 'dispatched']], 'the unit’s inbox holds it');
  t.same((await w.ctx.api({ method: 'GET', url: '/api/tickets/inbox' }, tokens.housing)).json(), [], 'another unit’s inbox does not');

  w.setNow('2026-11-24T10:00:00');
  const bare = await w.ctx.app.inject({ method: 'POST', url: `/api/tickets/${number}/sign-for`, headers: { authorization: `Bearer ${tokens.housing}` } });
  t.equal(bare.statusCode, 404, 'a POST without a body is checked like any other');
  t.match((await w.act(number, 'sign-for', tokens.market)).json(), { status: 'handling', assignments: [{ status: 'handling', signedForAt: Date.parse('2026-11-24T10:00:00+08:00') }] });
  t.equal(w.ctx.app.ticketsRepository.findByNumber(number)!.status, 'handling');
  const { ticketProgressPrompts } = await import('../../src/tickets/progress.js');
  t.same(ticketProgressPrompts(w.ctx.app.ticketsRepository, number), ['ticket-status-intro', `digits:${number}`, 'ticket-status-handling'], 'a caller keying the number hears it is in hand');

  const upload = await w.ctx.api({ method: 'POST', url: `/api/tickets/${number}/attachments?name=${encodeURIComponent('退款协议.pdf')}`, headers: { 'content-type': 'application/pdf' }, payload: Buffer.from('%PDF-1.4 agreement') }, tokens.market);
  t.equal(upload.statusCode, 201, upload.body);
  const file = upload.json();
  const replied = await w.act(number, 'reply', tokens.market, { text: goodReply, attachments: [file.id] });
  t.match(replied.json(), { status: 'replied', assignments: [{ status: 'replied', reply: goodReply, replyFlag: null }], attachments: [{ id: file.id, name: '退款协议.pdf', size: 18 }] });
  const download = await w.ctx.api({ method: 'GET', url: `/api/tickets/${number}/attachments/${file.id}` }, tokens.supervisor);
  t.equal(download.body, '%PDF-1.4 agreement');
  t.equal(download.headers['content-type'], 'application/pdf');

  t.match((await w.act(number, 'accept', tokens.supervisor)).json(), { status: 'completed' });
  t.match((await w.act(number, 'callback', tokens.agent, { result: 'satisfied', note: '群众表示满意' })).json(), { status: 'closed' });

  const events = (await w.ctx.api({ method: 'GET', url: `/api/tickets/${number}/events` }, tokens.supervisor)).json();
  t.same(
    events.map((e: any) => [e.action, e.from, e.to]),
    [
      ['dispatch', 'intake', 'dispatched'],
      ['sign-for', 'dispatched', 'handling'],
      ['reply', 'handling', 'replied'],
      ['accept', 'replied', 'completed'],
      ['callback', 'completed', 'closed'],
    ],
  );
  t.match(events[0], { by: /^agent/, note: '属市场监管职责', detail: { units: [units.market], urgency: 'normal' } });
  t.match(events[1], { by: /^unit/, unitName: '银川市市场监督管理局', at: Date.parse('2026-11-24T10:00:00+08:00') });
  t.match(events[4], { detail: { result: 'satisfied' } });
});

t.test('an illegal action is a 409 naming the status, and writes nothing', async (t) => {
  const w = await ticketWorld(t);
  const number = await w.intake();
  const res = await w.act(number, 'accept', w.tokens.supervisor);
  t.equal(res.statusCode, 409);
  t.match(res.json(), { code: 'ILLEGAL_TRANSITION', message: `Ticket ${number} is intake and cannot be accepted` });
  t.equal((await w.act(number, 'callback', w.tokens.agent, { result: 'satisfied' })).json().message, `Ticket ${number} is intake and cannot be called back`);
  await w.act(number, 'direct-answer', w.tokens.agent, { answer: '预付卡纠纷可向市场监管部门投诉，已告知受理渠道。' });
  const again = await w.act(number, 'dispatch', w.tokens.agent, { units: [w.units.market] });
  t.match(again.json(), { statusCode: 409, message: `Ticket ${number} is closed and cannot be dispatched` });
  t.same((await w.ctx.api({ method: 'GET', url: `/api/tickets/${number}/events` })).json().map((e: any) => e.action), ['direct-answer']);
  t.equal((await w.act('20991231000', 'accept', w.tokens.supervisor)).statusCode, 404, 'an unknown ticket is a 404');
});

t.test('who may do what: units see and act on their own tickets only; reviews need a supervisor', async (t) => {
  const w = await ticketWorld(t);
  const { tokens, units } = w;
  const number = await w.intake();
  t.equal((await w.act(number, 'dispatch', tokens.market, { units: [units.market] })).statusCode, 403, 'a unit cannot dispatch');
  await w.act(number, 'dispatch', tokens.agent, { units: [units.market] });

  for (const [method, url] of [['GET', `/api/tickets/${number}`], ['GET', `/api/tickets/${number}/events`], ['POST', `/api/tickets/${number}/sign-for`]] as const) {
    const res = await w.ctx.api({ method, url, payload: method === 'POST' ? {} : undefined }, tokens.housing);
    t.equal(res.statusCode, 404, `another unit: ${method} ${url}`);
    t.equal(res.json().message, `Ticket ${number} not found`);
  }
  t.same((await w.ctx.api({ method: 'GET', url: '/api/tickets?caller=13912345678' }, tokens.housing)).json(), { total: 0, totalCapped: false, items: [] }, 'the list holds only the unit’s own tickets');
  for (const url of ['/api/calls', '/api/agents', '/api/tickets/overdue', '/api/ticket-deadlines']) {
    t.equal((await w.ctx.api({ method: 'GET', url }, tokens.market)).statusCode, 403, `a unit user cannot GET ${url}`);
  }
  t.equal((await w.ctx.api({ method: 'GET', url: `/api/tickets/${number}` }, tokens.market)).statusCode, 200, 'its own unit sees it');
  t.match((await w.act(number, 'sign-for', tokens.supervisor)).json(), { statusCode: 403, message: /its handling unit/ });
  await w.act(number, 'sign-for', tokens.market);
  await w.act(number, 'reply', tokens.market, { text: goodReply });
  t.match((await w.act(number, 'accept', tokens.agent)).json(), { statusCode: 403, message: /supervisor or admin/ });
  t.equal((await w.ctx.api({ method: 'GET', url: '/api/tickets/inbox' }, tokens.agent)).statusCode, 403, 'the inbox is for units');
  t.equal((await w.ctx.api({ method: 'GET', url: '/api/tickets/overdue' }, tokens.agent)).statusCode, 403, 'the overdue list is for supervisors');
});

t.test('a stock-phrase reply is flagged: accepting it needs a note, or it goes back to the unit', async (t) => {
  const w = await ticketWorld(t);
  const { tokens, units } = w;
  const number = await w.intake();
  await w.act(number, 'dispatch', tokens.agent, { units: [units.market] });
  await w.act(number, 'sign-for', tokens.market);
  const replied = await w.act(number, 'reply', tokens.market, { text: '已答复群众。' });
  t.match(replied.json(), { status: 'replied', assignments: [{ replyFlag: /stock phrase/ }] });

  const plain = await w.act(number, 'accept', tokens.supervisor);
  t.match(plain.json(), { statusCode: 409, code: 'REPLY_FLAGGED', message: `Ticket ${number} has a reply flagged as perfunctory (unit ${units.market}): send it back, or accept with acceptFlagged and a note saying why` });
  t.match((await w.act(number, 'accept', tokens.supervisor, { acceptFlagged: true })).json(), { statusCode: 400, message: /^note:/ });

  const back = await w.act(number, 'send-back', tokens.supervisor, { reason: '答复过于简单，请说明核查情况和处理结果' });
  t.match(back.json(), { status: 'handling', assignments: [{ status: 'handling', reply: null, replyFlag: null }] });
  await w.act(number, 'reply', tokens.market, { text: goodReply });
  t.match((await w.act(number, 'accept', tokens.supervisor)).json(), { status: 'completed' });
  const events = (await w.ctx.api({ method: 'GET', url: `/api/tickets/${number}/events` })).json();
  t.match(events.find((e: any) => e.action === 'send-back'), { note: '答复过于简单，请说明核查情况和处理结果', detail: { replies: ['已答复群众。'] } }, 'the returned reply stays on record');
});

t.test('the wrong unit returns it; the hotline dispatches again; the first unit keeps seeing but cannot act', async (t) => {
  const w = await ticketWorld(t);
  const { tokens, units } = w;
  const number = await w.intake('小区电梯长期故障');
  await w.act(number, 'dispatch', tokens.agent, { units: [units.market] });
  t.match((await w.act(number, 'return', tokens.market, { reason: '   ' })).json(), { statusCode: 400, message: 'reason: must not be blank' });
  t.match((await w.act(number, 'return', tokens.market, { reason: '电梯维保属住建部门职责' })).json(), { status: 'returned', assignments: [{ status: 'returned' }] });
  t.same(w.ctx.app.supervision.flagged(), [], 'a returned part has no deadline');
  t.match((await w.act(number, 'dispatch', tokens.agent, { units: [units.housing], urgency: 'urgent' })).json(), {
    status: 'dispatched',
    urgency: 'urgent',
    assignments: [{ unitId: units.market, status: 'returned' }, { unitId: units.housing, status: 'dispatched' }],
  });
  t.match((await w.act(number, 'sign-for', tokens.market)).json(), { statusCode: 409, message: `Ticket ${number} is dispatched (the unit's part is returned) and cannot be signed for` });
  t.equal((await w.act(number, 'sign-for', tokens.housing)).statusCode, 200);
});

t.test('extensions: the unit asks, a supervisor approves (the deadline moves on working time) or refuses', async (t) => {
  const w = await ticketWorld(t);
  const { tokens, units } = w;
  const number = await w.intake();
  await w.act(number, 'dispatch', tokens.agent, { units: [units.market] });
  await w.act(number, 'sign-for', tokens.market);
  const before = (await w.ticket(number)).assignments[0].dueAt;
  t.equal(before, Date.parse('2026-12-01T09:00:00+08:00'), 'Tuesday 09:00 + 5 working days');
  t.match((await w.act(number, 'extension', tokens.market, { minutes: 10, reason: '需现场核查' })).json(), { statusCode: 400, message: /minutes/ });
  t.match((await w.act(number, 'extension', tokens.market, { minutes: 900, reason: '需会同商务部门现场核查' })).json(), { assignments: [{ extensionRequest: { minutes: 900, reason: '需会同商务部门现场核查' } }] });
  t.equal((await w.act(number, 'extension', tokens.market, { minutes: 900, reason: '再次申请' })).statusCode, 409, 'one request at a time');
  t.equal((await w.act(number, 'extension/approve', tokens.agent)).statusCode, 403);
  const approved = (await w.act(number, 'extension/approve', tokens.supervisor, { note: '同意延期两个工作日' })).json();
  t.match(approved, { status: 'handling', assignments: [{ dueAt: Date.parse('2026-12-03T09:00:00+08:00'), extensionRequest: null }] });
  t.match((await w.act(number, 'extension/refuse', tokens.supervisor)).json(), { statusCode: 409, message: `Ticket ${number} is handling with no extension request pending` });
  await w.act(number, 'extension', tokens.market, { minutes: 450, reason: '仍需协调' });
  t.match((await w.act(number, 'extension/refuse', tokens.supervisor, { note: '请按期办结' })).json(), { assignments: [{ dueAt: Date.parse('2026-12-03T09:00:00+08:00'), extensionRequest: null }] });
  const events = (await w.ctx.api({ method: 'GET', url: `/api/tickets/${number}/events` })).json();
  t.match(events.find((e: any) => e.action === 'approve-extension'), { from: 'handling', to: 'handling', detail: { minutes: 900, previousDueAt: before } });
});

t.test('a dissatisfied callback reopens the ticket; closed tickets reopen; duplicates merge into the original', async (t) => {
  const w = await ticketWorld(t);
  const { tokens, units } = w;
  const number = await w.intake();
  await w.act(number, 'dispatch', tokens.agent, { units: [units.market] });
  await w.act(number, 'sign-for', tokens.market);
  await w.act(number, 'reply', tokens.market, { text: goodReply });
  await w.act(number, 'accept', tokens.supervisor);
  t.match((await w.act(number, 'callback', tokens.agent, { result: 'dissatisfied', note: '只退了一半' })).json(), { status: 'reopened' });
  t.match((await w.act(number, 'direct-answer', tokens.agent, { answer: '余款将于12月底前退还，已与商户书面确认。' })).json(), { status: 'closed' });
  t.equal((await w.act(number, 'reopen', tokens.agent, { reason: '群众再次来电' })).statusCode, 403);
  t.match((await w.act(number, 'reopen', tokens.supervisor, { reason: '群众再次来电反映未退款' })).json(), { status: 'reopened' });
  t.match((await w.act(number, 'callback', tokens.agent, { result: 'happy' })).json(), { statusCode: 400, message: /result/ });

  const duplicate = await w.intake('健身房预付卡不退');
  t.match((await w.act(duplicate, 'merge', tokens.agent, { into: duplicate })).json(), { statusCode: 400, message: 'into: a ticket cannot be merged into itself' });
  t.match((await w.act(duplicate, 'merge', tokens.agent, { into: '20990101' })).json(), { statusCode: 400, message: 'into: no ticket 20990101' });
  t.equal(w.ctx.app.ticketsRepository.findByNumber(duplicate)!.status, 'intake', 'a refused merge leaves the ticket as it was');
  t.match((await w.act(duplicate, 'merge', tokens.agent, { into: number, note: '同一来电人同一诉求' })).json(), { status: 'merged', mergedInto: number, mergedFrom: [] });
  const { ticketProgressPrompts } = await import('../../src/tickets/progress.js');
  t.same(ticketProgressPrompts(w.ctx.app.ticketsRepository, duplicate), ['ticket-status-intro', `digits:${duplicate}`, 'ticket-status-merged', `digits:${number}`, 'ticket-status-reopened']);
  t.match((await w.ctx.api({ method: 'GET', url: `/api/tickets/${number}` })).json(), { status: 'reopened', mergedFrom: [duplicate] }, 'the surviving ticket lists its duplicate');
  const merged = (await w.ctx.api({ method: 'GET', url: `/api/tickets/${number}/events` })).json().at(-1);
  t.match(merged, { action: 'merged-in', from: 'reopened', to: 'reopened', note: '同一来电人同一诉求', detail: { from: duplicate } }, "the merge is in the surviving ticket's history too");
  const again = await w.intake('健身房预付卡不退，第三次来电');
  t.match((await w.act(again, 'merge', tokens.agent, { into: duplicate })).json(), { statusCode: 400, message: `into: ticket ${duplicate} is itself merged into another` });
  await w.act(number, 'direct-answer', tokens.agent, { answer: '余款已全部退还，群众确认收到。' });
  t.match((await w.act(again, 'merge', tokens.agent, { into: number })).json(), { statusCode: 400, message: `into: ticket ${number} is closed; dispatch this one, or reopen ${number}` });
  t.equal((await w.ctx.api({ method: 'GET', url: `/api/tickets/${number}/events` })).json().filter((e: any) => e.action === 'merged-in').length, 1, 'a refused merge writes nothing on the target');

  // The reports read "directly answered" from the row: the latest direct answer or dispatch decides it.
  const directAnswered = () => w.ctx.app.ticketsRepository.findByNumber(number)!.directAnswered;
  t.equal(directAnswered(), true, 'answered directly after a dispatch');
  await w.act(number, 'reopen', tokens.supervisor, { reason: '群众第三次来电' });
  t.equal(directAnswered(), true, 'reopening leaves the direct answer standing');
  await w.act(number, 'dispatch', tokens.agent, { units: [units.market] });
  t.equal(directAnswered(), false, 'dispatched again: no longer a direct answer');
  t.equal(w.ctx.app.ticketsRepository.findByNumber(duplicate)!.directAnswered, false, 'a ticket never answered directly');
});

t.test('bad input is a 400 naming the field, with nothing written', async (t) => {
  const w = await ticketWorld(t);
  const number = await w.intake();
  const cases: Array<[string, Record<string, unknown>, RegExp]> = [
    ['dispatch', { units: [] }, /units/],
    ['dispatch', { units: [999] }, /^units: no unit 999$/],
    ['dispatch', { units: [w.units.market, w.units.market] }, /units/],
    ['dispatch', { units: [w.units.market], urgency: 'asap' }, /urgency/],
    ['dispatch', { units: [w.units.market], colour: 'red' }, /colour|additional/],
    ['direct-answer', {}, /answer/],
  ];
  for (const [action, payload, message] of cases) {
    const res = await w.act(number, action, w.tokens.agent, payload);
    t.equal(res.statusCode, 400, `${action} ${JSON.stringify(payload)}`);
    t.match(res.json().message, message);
  }
  await w.ctx.api({ method: 'PATCH', url: `/api/units/${w.units.housing}`, payload: { active: false } });
  t.match((await w.act(number, 'dispatch', w.tokens.agent, { units: [w.units.market, w.units.housing] })).json(), { statusCode: 400, message: /no longer takes tickets/ });
  t.same((await w.ticket(number)).assignments, [], 'no part was added');
  t.same((await w.ctx.api({ method: 'GET', url: `/api/tickets/${number}/events` })).json(), []);
});

t.test('attachments: units upload to tickets they hold, within the size and the types allowed', async (t) => {
  const w = await ticketWorld(t, { ATTACHMENT_MAX_BYTES: '2048' });
  const number = await w.intake();
  await w.act(number, 'dispatch', w.tokens.agent, { units: [w.units.market] });
  const upload = (payload: Buffer, type = 'image/jpeg', token = w.tokens.market, name = '现场.jpg') =>
    w.ctx.api({ method: 'POST', url: `/api/tickets/${number}/attachments?name=${encodeURIComponent(name)}`, headers: { 'content-type': type }, payload }, token);
  t.match((await upload(Buffer.alloc(4096))).json(), { statusCode: 400, message: 'file: larger than the 2048 bytes allowed' });
  t.match((await upload(Buffer.from('MZ'), 'application/x-msdownload')).json(), { statusCode: 400, message: /^content-type: send the file as one of application\/pdf/ });
  t.match((await upload(Buffer.alloc(0))).json(), { statusCode: 400, message: /empty/ });
  t.equal((await upload(Buffer.from('x'), 'image/jpeg', w.tokens.housing)).statusCode, 404, 'another unit’s ticket');
  t.equal((await upload(Buffer.from('x'), 'image/jpeg', w.tokens.supervisor)).statusCode, 403, 'hotline staff do not upload replies');
  t.equal((await upload(Buffer.from('jpeg'))).statusCode, 201);
  const other = await w.intake('另一个工单');
  const stray = await w.act(number, 'sign-for', w.tokens.market).then(() => w.act(number, 'reply', w.tokens.market, { text: goodReply, attachments: [999] }));
  t.match(stray.json(), { statusCode: 400, message: 'attachments: no attachment 999 of this ticket from your unit' });
  t.equal((await w.ticket(number)).status, 'handling', 'the refused reply left the ticket in hand');
  t.equal((await w.ticket(number)).attachments.length, 1);
  t.equal((await w.ticket(other)).attachments.length, 0);
});
