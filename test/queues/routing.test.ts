import t from 'tap';
import { pickAgent } from '../../src/queues/routing.js';

const agent = (id: number, state: string, skills: string[], idleSince: number | null) => ({ id, state, skills, idleSince });

t.test('the longest-idle available agent with the skill is chosen', (t) => {
  const agents = [
    agent(1, 'available', ['general'], 300),
    agent(2, 'available', ['general'], 100),
    agent(3, 'available', ['enterprise'], 50),
    agent(4, 'paused', ['general'], 10),
    agent(5, 'on-call', ['general'], 20),
  ];
  t.equal(pickAgent(agents, 'general'), 2);
  t.equal(pickAgent(agents, 'enterprise'), 3);
  t.equal(pickAgent(agents, 'foreign-language'), null);
  t.end();
});

t.test('ties go to the lower id', (t) => {
  t.equal(pickAgent([agent(7, 'available', ['general'], 5), agent(6, 'available', ['general'], 5)], 'general'), 6);
  t.end();
});
