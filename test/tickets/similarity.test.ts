import t from 'tap';
import { jaccard, samePlace, trigramSet } from '../../src/tickets/similarity.js';

t.test('two agents typing the same matter differently are alike; different matters are not', async (t) => {
  const a = trigramSet('楼上漏水：幸福小区3号楼502室卫生间漏水，物业不处理。');
  const b = trigramSet('楼上漏水 幸福小区3号楼502室卫生间漏水 物业不处理');
  t.equal(jaccard(a, b), 1, 'spacing and punctuation do not count');
  t.ok(jaccard(a, trigramSet('幸福小区3号楼门口车辆乱停，消防通道被占。')) < 0.2);
  t.equal(jaccard(trigramSet(''), a), 0);
  t.same([...trigramSet('停水')], ['停水'], 'a text shorter than a trigram is its own piece');
});

t.test('an address names the same place when one contains the other, spacing aside', async (t) => {
  t.ok(samePlace('朝阳区幸福小区3号楼', '幸福小区 3号楼'));
  t.notOk(samePlace('朝阳区幸福小区3号楼', '海淀区阳光花园1号楼'));
  t.notOk(samePlace('本市', '本市'), 'too short to say where');
  t.notOk(samePlace(null, '幸福小区3号楼'));
});
