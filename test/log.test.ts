import t from 'tap';
import { maskNumber, maskNumbers } from '../src/log.js';

t.test('phone numbers keep only their last four digits', (t) => {
  t.equal(maskNumber('13800001234'), '*******1234');
  t.equal(maskNumber('110'), '***');
  t.same(maskNumbers({ caller: '13800001234', callId: 'x' }), { caller: '*******1234', callId: 'x' });
  t.end();
});
