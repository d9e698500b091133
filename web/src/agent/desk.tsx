import { useEffect, useState } from 'preact/hooks';
import { api } from '../shared/api.js';
import { Header } from '../shared/header.js';
import { t } from '../shared/i18n.js';
import type { SessionUser } from '../shared/session.js';
import { liveSocket, type SocketStatus } from '../shared/socket.js';
import type { Agent, CallbackFailedNotice, Catalogue, DesktopMessage, LinkageFailedNotice, PauseReason, ScreenPop } from '../shared/types.js';
import { Callbacks } from '../shared/callbacks.js';
import { StateBar } from './state-bar.js';
import { CallPanel } from './call-panel.js';
import { TicketForm } from './ticket-form.js';
import { Knowledge, type CitedArticle } from './knowledge.js';

/**
 * The agent's working page: their state, the call offered or in progress, and the ticket
 * being written for it. Everything live arrives over the desktop socket.
 */
export function AgentDesk({ user }: { user: SessionUser }) {
  const [status, setStatus] = useState<SocketStatus>('connecting');
  const [agent, setAgent] = useState<Agent | null>(null);
  const [call, setCall] = useState<ScreenPop | null>(null);
  const [catalogue, setCatalogue] = useState<Catalogue | null>(null);
  const [reasons, setReasons] = useState<PauseReason[]>([]);
  const [notice, setNotice] = useState<LinkageFailedNotice | null>(null);
  const [callbacksVersion, setCallbacksVersion] = useState(0);
  const [callbackNotice, setCallbackNotice] = useState<CallbackFailedNotice | null>(null);
  // The article the ticket cites, for the call it was cited on: a new call starts with none.
  const [cited, setCited] = useState<(CitedArticle & { callId: string }) | null>(null);
  const citedHere = cited && cited.callId === call?.callId ? cited : null;
  const cite = (article: CitedArticle | null) => setCited(article && call ? { ...article, callId: call.callId } : null);

  useEffect(() => {
    void api<Catalogue>('GET', '/api/tickets/catalogue').then(setCatalogue);
    void api<PauseReason[]>('GET', '/api/pause-reasons').then(setReasons);
    return liveSocket<DesktopMessage>((message) => {
      if (message.type === 'agent') setAgent(message.agent);
      // The agent is on one call at a time: an offer or a change replaces what is on screen.
      else if (message.type === 'offer' || message.type === 'call') {
        setCall(message.pop);
        // Trying a target again clears the last failure from the screen.
        if (message.pop.linkage) setNotice(null);
      } else if (message.type === 'linkage-failed') setNotice(message.notice);
      else if (message.type === 'callbacks') setCallbacksVersion((v) => v + 1);
      else if (message.type === 'callback-failed') setCallbackNotice(message.notice);
    }, setStatus);
  }, []);

  return (
    <div class="desk">
      <Header user={user} status={status} detail={agent ? `${agent.name} (${agent.endpoint})` : undefined} />
      {agent && <StateBar agent={agent} reasons={reasons} wrapUpSeconds={call?.wrapUpSeconds ?? 0} />}
      <main class="columns">
        <div class="stack">
          <CallPanel call={call} agent={agent} catalogue={catalogue} notice={notice} />
          {call && <Knowledge suggested={call.articles} catalogue={catalogue} cited={citedHere?.id ?? null} onCite={cite} />}
          <Callbacks version={callbacksVersion} canCall={agent?.state === 'available' || agent?.state === 'paused' || agent?.state === 'wrap-up'} notice={callbackNotice} />
        </div>
        {call && catalogue ? <TicketForm key={call.callId} call={call} catalogue={catalogue} cited={citedHere} onCite={cite} /> : <section class="card muted">{t('ticketDraft')}</section>}
      </main>
    </div>
  );
}
