import { useEffect, useState } from 'preact/hooks';
import { api } from '../shared/api.js';
import { Header } from '../shared/header.js';
import type { SessionUser } from '../shared/session.js';
import { liveSocket, type SocketStatus } from '../shared/socket.js';
import type { Agent, DesktopMessage, PauseReason, QueueView } from '../shared/types.js';
import { QueuesTable } from './queues-table.js';
import { AgentsTable } from './agents-table.js';
import { Callbacks } from '../shared/callbacks.js';
import { UndisposedCalls } from './undisposed.js';

/** Every queue and every agent, live: what a shift supervisor (班长) watches all day. */
export function SupervisorDesk({ user }: { user: SessionUser }) {
  const [status, setStatus] = useState<SocketStatus>('connecting');
  const [agents, setAgents] = useState<Agent[]>([]);
  const [queues, setQueues] = useState<QueueView[]>([]);
  const [reasons, setReasons] = useState<PauseReason[]>([]);
  const [callbacksVersion, setCallbacksVersion] = useState(0);
  const [agentsVersion, setAgentsVersion] = useState(0);

  useEffect(() => {
    void api<PauseReason[]>('GET', '/api/pause-reasons').then(setReasons);
    return liveSocket<DesktopMessage>((message) => {
      if (message.type === 'snapshot') {
        setAgents(message.agents);
        setQueues(message.queues);
      } else if (message.type === 'queues') setQueues(message.queues);
      else if (message.type === 'callbacks') setCallbacksVersion((v) => v + 1);
      else if (message.type === 'agent') {
        setAgents((list) => list.map((a) => (a.id === message.agent.id ? message.agent : a)));
        setAgentsVersion((v) => v + 1);
      }
    }, setStatus);
  }, []);

  return (
    <div class="desk">
      <Header user={user} status={status} />
      <main class="supervisor">
        <div class="stack">
          <QueuesTable queues={queues} />
          <UndisposedCalls version={agentsVersion} />
          <Callbacks version={callbacksVersion} canCall={false} />
        </div>
        <AgentsTable agents={agents} reasons={reasons} />
      </main>
    </div>
  );
}
