import { loadSession } from './session.js';

export type SocketStatus = 'connecting' | 'open' | 'closed';

/**
 * The desktop's WebSocket, kept open: a dropped socket reconnects with backoff (0.5 s
 * doubling to 10 s, with jitter), and the service sends the current state on every connect,
 * so nothing that happened meanwhile is lost.
 */
export function liveSocket<M>(onMessage: (message: M) => void, onStatus: (status: SocketStatus) => void): () => void {
  let ws: WebSocket | null = null;
  let delay = 500;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const connect = () => {
    const session = loadSession();
    if (!session || stopped) return;
    onStatus('connecting');
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    ws = new WebSocket(`${scheme}://${location.host}/api/desktop/ws?token=${encodeURIComponent(session.token)}`);
    ws.onopen = () => {
      delay = 500;
      onStatus('open');
    };
    ws.onmessage = (event) => onMessage(JSON.parse(String(event.data)) as M);
    ws.onclose = (event) => {
      onStatus('closed');
      // 4403: this user has no agent record; retrying will not change that.
      if (stopped || event.code === 4403) return;
      timer = setTimeout(connect, delay * (0.75 + Math.random() / 2));
      delay = Math.min(delay * 2, 10_000);
    };
  };
  connect();
  return () => {
    stopped = true;
    clearTimeout(timer);
    ws?.close();
  };
}
