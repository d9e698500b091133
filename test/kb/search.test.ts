import t from 'tap';
import { openDatabase } from '../../src/db/client.js';
import { KbRepository } from '../../src/kb/repository.js';
import { bigramsOf, markTerms, parseQuery } from '../../src/kb/query.js';

const NOW = Date.parse('2026-11-26T10:00:00+08:00');

function kbWithArticles() {
  const db = openDatabase(':memory:');
  const kb = new KbRepository(db);
  const add = (title: string, body: string, category: string, dates: { validFrom?: string; validTo?: string | null } = {}) =>
    kb.create({ title, body, category, unit: null, validFrom: dates.validFrom ?? '2026-01-01', validTo: dates.validTo ?? null }, null, NOW).id;
  const ids = {
    fund: add('住房公积金提取办理指南', '职工购买、建造自住住房，偿还住房贷款本息，或租房自住的，可以申请提取住房公积金。办理地点：市政务服务中心公积金窗口。', 'housing'),
    fundLoan: add('公积金贷款额度计算', '贷款额度与缴存余额挂钩；提前还款后可再次办理公积金提取。', 'housing'),
    noise: add('夜间施工噪音扰民的处理', '夜间22时至次日6时禁止产生环境噪声污染的建筑施工作业。噪音扰民可向生态环境部门反映。', 'environment'),
    water: add('计划停水通知查询', '自来水公司计划停水会提前24小时公告；突发停水请拨打供水服务热线。', 'urban'),
    oldFund: add('2025年公积金提取旧规定', '已废止：公积金提取须单位盖章。', 'housing', { validFrom: '2025-01-01', validTo: '2025-12-31' }),
    futureNoise: add('2027年噪音扰民新规', '自2027年起，噪音扰民处罚标准提高。', 'environment', { validFrom: '2027-01-01' }),
    business: add('优化营商环境：企业开办一网通办', '企业开办全程网办，营业执照一个工作日内办结。', 'enterprise'),
  };
  return { db, kb, ids };
}

t.test('a query is split into words the index can look up (3+ characters) and short ones it cannot', async (t) => {
  t.same(parseQuery('公积金提取'), { indexed: ['公积金提取'], short: [] });
  t.same(parseQuery('停水 通知，电'), { indexed: [], short: ['停水', '通知', '电'] });
  t.same(parseQuery(' 噪音扰民  夜间 "NEAR" '), { indexed: ['噪音扰民', 'NEAR'], short: ['夜间'] });
  t.equal(markTerms('自来水公司计划停水会提前公告', ['停水']), '自来水公司计划\u0001停水\u0002会提前公告');
});

t.test('an agent searching in Chinese finds the article that answers, title hits first, with the words marked', async (t) => {
  const { kb, ids } = kbWithArticles();
  const fund = kb.search({ q: '公积金提取' }, NOW);
  t.same(fund.map((h) => h.id), [ids.fund, ids.fundLoan], 'the guide titled with the words ranks above the one mentioning them; the expired rule is left out');
  t.equal(fund[0]!.titleHtml, '住房<mark>公积金提取</mark>办理指南');
  t.match(fund[1]!.snippetHtml, /<mark>[^<]*公积金[^<]*<\/mark>/);

  const noise = kb.search({ q: '噪音扰民' }, NOW);
  t.same(noise.map((h) => h.id), [ids.noise], 'the rule not yet in force is left out');
  t.match(noise[0]!.snippetHtml, /<mark>噪音扰民<\/mark>/);

  t.same(kb.search({ q: '公积金 窗口' }, NOW).map((h) => h.id), [ids.fund], 'every word must appear');
  t.same(kb.search({ q: '公积金', category: 'environment' }, NOW), [], 'the category narrows');
  t.same(kb.search({ q: '社保卡挂失' }, NOW), []);
});

t.test('every 2-character piece of the words, case-folded, for the bigram index', async (t) => {
  t.equal(bigramsOf('计划停水，App'), '计划 划停 停水 ap pp');
  t.equal(bigramsOf('电 水'), '', 'a 1-character word has no pair');
});

t.test('a two-character word (停水) is found through the bigram index, alone or with longer words', async (t) => {
  const { db, kb, ids } = kbWithArticles();
  const plan = db.$client.prepare("EXPLAIN QUERY PLAN SELECT a.id FROM kb_articles a WHERE a.id IN (SELECT rowid FROM kb_articles_bigrams WHERE kb_articles_bigrams MATCH '\"停水\"')").all() as Array<{ detail: string }>;
  t.notOk(plan.some((p) => /^SCAN a\b/.test(p.detail)), `no scan of the articles: ${plan.map((p) => p.detail).join('; ')}`);
  t.same(kb.search({ q: '水管 停水' }, NOW), [], 'both words must be there');
  t.same(kb.search({ q: '停水 电' }, NOW), [], 'a 1-character word still filters');
  t.same(kb.search({ q: '停水 供水' }, NOW).map((h) => h.id), [ids.water]);
  const water = kb.search({ q: '停水' }, NOW);
  t.same(water.map((h) => h.id), [ids.water]);
  t.equal(water[0]!.titleHtml, '计划<mark>停水</mark>通知查询');
  t.match(water[0]!.snippetHtml, /<mark>停水<\/mark>/);
  t.same(kb.search({ q: '噪音扰民 夜间' }, NOW).map((h) => h.id), [ids.noise], 'a short word filters the indexed match');
  t.same(kb.search({ q: '噪音扰民 停水' }, NOW), []);
  t.same(kb.search({ q: '停_水%' }, NOW).map((h) => h.id), [ids.water], 'punctuation separates words: no LIKE wildcard reaches the database');
});

t.test('validity dates: today’s articles by default, all of them when asked, and a retired one is gone', async (t) => {
  const { kb, ids } = kbWithArticles();
  t.same(kb.search({ q: '公积金提取', validity: 'all' }, NOW).map((h) => h.id).sort(), [ids.fund, ids.fundLoan, ids.oldFund].sort());
  t.same(kb.search({ q: '噪音扰民' }, Date.parse('2027-01-01T00:30:00+08:00')).map((h) => h.id).sort(), [ids.noise, ids.futureNoise].sort(), 'in force from its first day, China time');
  t.same(kb.search({ q: '公积金提取' }, Date.parse('2025-12-31T23:00:00+08:00')).map((h) => h.id).includes(ids.oldFund), true, 'valid through its last day');
  kb.retire(ids.fundLoan, null, NOW);
  t.same(kb.search({ q: '公积金提取' }, NOW).map((h) => h.id), [ids.fund]);
});

t.test('the staff list each state on its own, by unit, and see where each article stands', async (t) => {
  const { kb, ids } = kbWithArticles();
  kb.update(ids.water, { unit: '市供水集团' }, null, NOW);
  kb.retire(ids.fundLoan, null, NOW);
  const idsOf = (validity: 'current' | 'future' | 'expired' | 'retired' | 'all', q?: string) => kb.search({ q, validity, limit: 100 }, NOW).map((h) => h.id).sort();
  t.same(idsOf('future'), [ids.futureNoise]);
  t.same(idsOf('expired'), [ids.oldFund]);
  t.same(idsOf('retired'), [ids.fundLoan]);
  t.same(idsOf('expired', '公积金'), [ids.oldFund], 'with the words, through the index');
  t.same(idsOf('current', '公积金'), [ids.fund]);
  t.equal(idsOf('all').length, 7);
  t.same(kb.search({ validity: 'all', limit: 100 }, NOW).find((h) => h.id === ids.fundLoan)?.validity, 'retired');
  t.same(kb.search({ q: '2027', validity: 'all' }, NOW).map((h) => h.validity), ['future']);
  t.same(kb.search({ q: '停水', unit: '市供水集团' }, NOW).map((h) => h.id), [ids.water]);
  t.same(kb.search({ unit: '市公安局' }, NOW), []);
  t.same(kb.units(), [{ unit: '市供水集团', articles: 1 }]);
  kb.restore(ids.fundLoan, null, NOW);
  t.same(idsOf('retired'), [], 'restored into use');
});

t.test('the index follows every change to an article: edit, delete, in the same transaction', async (t) => {
  const { db, kb, ids } = kbWithArticles();
  kb.update(ids.water, { title: '供水管网抢修公告', body: '管网抢修期间暂停供水，恢复时间以公告为准。' }, null, NOW);
  t.same(kb.search({ q: '计划停水' }, NOW), [], 'the old words are gone from the index');
  t.same(kb.search({ q: '停水' }, NOW), [], 'and from the bigram index');
  t.same(kb.search({ q: '抢修' }, NOW).map((h) => h.id), [ids.water], 'the new ones are in it');
  t.same(kb.search({ q: '管网抢修' }, NOW).map((h) => h.id), [ids.water]);

  kb.remove(ids.noise);
  t.same(kb.search({ q: '噪音扰民', validity: 'all' }, NOW).map((h) => h.id), [ids.futureNoise]);

  t.throws(() =>
    db.transaction(() => {
      kb.update(ids.fund, { title: '社保卡补办指南' }, null, NOW);
      throw new Error('the save fails after the edit');
    }),
  );
  t.same(kb.search({ q: '社保卡补办' }, NOW), [], 'a rolled-back edit leaves no trace in the index');
  t.same(kb.search({ q: '公积金提取办理' }, NOW).map((h) => h.id), [ids.fund]);
  const check = db.$client.prepare("INSERT INTO kb_articles_fts(kb_articles_fts, rank) VALUES ('integrity-check', 1)");
  t.doesNotThrow(() => check.run(), 'FTS5 finds the index and the table agree');
});

t.test('the screen-pop’s suggestions: pieces of the menu labels, the queue’s category first', async (t) => {
  const { kb, ids } = kbWithArticles();
  const suggested = kb.suggest(['企业诉求/营商环境专线'], 'enterprise', 5, NOW);
  t.equal(suggested[0]?.id, ids.business);
  t.same(kb.suggest([], 'housing', 5, NOW).map((h) => h.id).sort(), [ids.fund, ids.fundLoan].sort(), 'no words: the category’s articles');
  t.same(kb.suggest(['English service'], null, 5, NOW), []);
});
