import { ApiError } from '../shared/api.js';
import { loadSession } from '../shared/session.js';

/** The server's name for the file (Content-Disposition), so the sheet is named for its range and grouping. */
export function filenameOf(disposition: string | null, fallback: string): string {
  const m = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition ?? '');
  return m ? decodeURIComponent(m[1]!) : fallback;
}

/** The API wants the bearer token in a header, which a plain link cannot send: fetch, then save the Blob. */
export async function downloadCsv(path: string, fallback: string): Promise<void> {
  const session = loadSession();
  const res = await fetch(path, { headers: session ? { authorization: `Bearer ${session.token}` } : {} });
  if (!res.ok) {
    const data = (await res.json().catch(() => ({}))) as { message?: string };
    throw new ApiError(res.status, data.message ?? `${res.status} ${res.statusText}`);
  }
  // The body is kept byte for byte (BOM included) so Excel reads it as UTF-8.
  const blob = new Blob([await res.arrayBuffer()], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filenameOf(res.headers.get('content-disposition'), fallback);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
