import t from 'tap';
import { backoffDelay } from '../../src/backoff.js';

t.test('retries wait twice as long each time, within ±10%, up to the cap', async (t) => {
  t.same([1, 2, 3, 4].map((n) => backoffDelay(n, 5000, 3_600_000, 0.5)), [5000, 10000, 20000, 40000]);
  t.equal(backoffDelay(1, 5000, 3_600_000, 0), 4500);
  t.equal(backoffDelay(1, 5000, 3_600_000, 1), 5500);
  t.equal(backoffDelay(30, 5000, 3_600_000, 0.5), 3_600_000, 'capped');
});
