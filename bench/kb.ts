// Knowledge-base search benchmark: 100 000 articles of generated Chinese text in a database
// file (WAL, as the service opens it), then each query many times through the repository the
// routes use; prints p50/p99 per query and the database size.
//   npm run bench:kb              100 000 articles
//   npm run bench:kb -- 20000     another count
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/db/client.js';
import { KbRepository } from '../src/kb/repository.js';
import { categoryCodes } from '../src/tickets/catalogue.js';
import { percentile } from './service.js';
import { seededRandom } from './seeded-random.js';

const ARTICLES = Number(process.argv[2] ?? 100_000);
const NOW = Date.parse('2026-11-26T10:00:00+08:00');

// Phrases a 12345 knowledge base is written in; an article strings a dozen of them together.
const subjects = ['住房公积金', '公积金提取', '社保卡', '医保报销', '营业执照', '不动产登记', '居住证', '新生儿落户', '养老保险', '失业金', '燃气缴费', '供水', '停水', '停电', '噪音扰民', '占道经营', '违章建筑', '物业服务', '垃圾分类', '公交线路', '出租车', '共享单车', '食品安全', '消费维权', '预付卡退费', '学区划分', '入学报名', '疫苗接种', '医院挂号', '企业开办', '税务登记', '发票申领', '招投标', '优化营商环境', '拖欠工资', '劳动合同', '工伤认定', '房屋租赁', '二手房交易', '拆迁补偿', '环境污染'];
const verbs = ['办理', '咨询', '申请', '查询', '投诉', '变更', '注销', '补办', '续期', '核实'];
const details = ['需携带本人身份证原件', '可通过政务服务网在线提交', '办理时限为五个工作日', '由属地街道办事处负责', '请拨打相关部门服务热线', '工作日上午九点至下午五点受理', '材料齐全的当场办结', '逾期未办理的视为放弃', '可委托他人代为办理', '不收取任何费用', '结果通过短信告知', '对处理结果不满意的可申请复核', '涉及多个部门的由牵头单位协调', '夜间二十二时至次日六时禁止施工', '突发情况请立即联系属地管理部门', '具体以最新政策文件为准'];
const districts = ['兴庆区', '金凤区', '西夏区', '永宁县', '贺兰县', '灵武市', '大武口区', '惠农区', '平罗县', '利通区', '红寺堡区', '青铜峡市', '原州区', '西吉县', '隆德县', '泾源县', '彭阳县', '沙坡头区', '中宁县', '海原县'];
const places = ['政务服务中心', '街道便民服务站', '社区服务中心', '税务服务厅', '不动产登记中心', '社保经办窗口', '人民医院', '公交总站'];
const units = ['市住房公积金管理中心', '市人力资源和社会保障局', '市市场监督管理局', '市生态环境局', '市住房和城乡建设局', '市交通运输局', '市教育局', '市卫生健康委员会', '市供水集团', '市城市管理局'];

const { random, pick } = seededRandom(12345);

function article(i: number) {
  const subject = pick(subjects);
  const title = `${subject}${pick(verbs)}${pick(['指南', '须知', '流程', '常见问题', '政策解读'])}（${i}）`;
  // Like a real article: about one matter, naming a second in passing, the rest where and how.
  const sentences = [`${subject}${pick(verbs)}${pick(details)}`, `${subject}相关事项${pick(details)}`, `涉及${pick(subjects)}的另行办理`];
  for (let n = 8 + Math.floor(random() * 8); n > 0; n -= 1) sentences.push(`${pick(districts)}${pick(places)}${pick(details)}`);
  const body = `${sentences.join('，')}。`;
  // One in ten expired, so the validity filter has work to do.
  const expired = random() < 0.1;
  return { title, body, category: pick(categoryCodes), unit: pick(units), validFrom: expired ? '2024-01-01' : '2025-01-01', validTo: expired ? '2025-06-30' : null };
}

function time(runs: number, fn: () => unknown): { p50: number; p99: number; hits: number } {
  const times: number[] = [];
  let hits = 0;
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    hits = (fn() as unknown[]).length;
    times.push(performance.now() - start);
  }
  return { p50: +percentile(times, 50).toFixed(2), p99: +percentile(times, 99).toFixed(2), hits };
}

const dir = mkdtempSync(join(tmpdir(), 'hotline-bench-kb-'));
try {
  const path = join(dir, 'kb.db');
  const db = openDatabase(path);
  const kb = new KbRepository(db);
  const loadStart = performance.now();
  // Raw inserts in one transaction: the loader is the measured hot path here, the triggers fill the index.
  const insert = db.$client.prepare(
    'INSERT INTO kb_articles (title, body, category, unit, valid_from, valid_to, created_at, updated_at) VALUES (@title, @body, @category, @unit, @validFrom, @validTo, @at, @at)',
  );
  db.$client.transaction(() => {
    for (let i = 1; i <= ARTICLES; i += 1) insert.run({ ...article(i), at: NOW - i * 1000 });
  })();
  // A bulk import ends by merging the index's segments into one, as FTS5 recommends.
  db.$client.exec("INSERT INTO kb_articles_fts(kb_articles_fts) VALUES ('optimize')");
  const loadSeconds = +((performance.now() - loadStart) / 1000).toFixed(1);
  db.$client.pragma('wal_checkpoint(TRUNCATE)');

  const queries: Array<[string, () => unknown]> = [
    ['公积金提取 (5 chars, index)', () => kb.search({ q: '公积金提取' }, NOW)],
    ['噪音扰民 (4 chars, index)', () => kb.search({ q: '噪音扰民' }, NOW)],
    ['营业执照 补办 (two words, index)', () => kb.search({ q: '营业执照 补办' }, NOW)],
    ['噪音扰民 category=environment', () => kb.search({ q: '噪音扰民', category: 'environment' }, NOW)],
    ['停水 (2 chars, bigram index)', () => kb.search({ q: '停水' }, NOW)],
    ['公积金提取 停水 (both indexes)', () => kb.search({ q: '公积金提取 停水' }, NOW)],
    ['电 (1 char, substring scan)', () => kb.search({ q: '电' }, NOW)],
    ['pop suggestion: 企业诉求/营商环境专线', () => kb.suggest(['企业诉求/营商环境专线'], 'enterprise', 5, NOW)],
  ];
  const results = queries.map(([name, fn]) => {
    fn();
    return { query: name, ...time(100, fn) };
  });
  db.$client.close();
  console.log(JSON.stringify({ articles: ARTICLES, loadSeconds, databaseMB: +(statSync(path).size / 1e6).toFixed(1) }));
  console.table(results);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
