import { loadSession } from './session.js';

/** An <audio> element cannot send the Authorization header: the token goes in the query, as for the socket. */
export const recordingUrl = (id: number) => `/api/recordings/${id}?token=${encodeURIComponent(loadSession()?.token ?? '')}`;
