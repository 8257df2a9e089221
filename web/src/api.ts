/**
 * The consoles speak only the server's public API (the same one a program uses): JSON over
 * HTTP with the seat cookie an invite gave this browser, or a bearer token where the person
 * typed one (the admin token, to open a session). Each seat's cookie holds under its own
 * path (`/seat/<key>`), so a seat's requests go there and one browser may hold many seats.
 */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface CallOptions {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly body?: unknown;
  readonly token?: string;
}

/** One call to the API; an error answer becomes an ApiError with the server's code and message. */
export async function call<T = unknown>(path: string, options: CallOptions = {}): Promise<T> {
  const headers: Record<string, string> = {};
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const response = await fetch(path, {
    method: options.method ?? 'GET',
    headers,
    credentials: 'same-origin',
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  // JSON answers are parsed; JSON lines (the log, application/x-ndjson) stay text, like every other file.
  const data: unknown = /^application\/(?:[\w.-]+\+)?json\b/.test(type) && text ? JSON.parse(text) : text;
  if (!response.ok) {
    const error = (data as { error?: { code?: string; message?: string } })?.error;
    throw new ApiError(response.status, error?.code ?? 'PARLEY_E_HTTP', error?.message ?? `${response.status}`);
  }
  return data as T;
}

/** A fresh action id: a retry of the same action reuses it, so the server applies it once. */
export function newActionId(): string {
  return crypto.randomUUID();
}

export interface ActionAnswer {
  readonly accepted: boolean;
  readonly reason?: string;
}

/** Sends one action as this seat (under its path `base`); a network failure is retried once with the same id. */
export async function act(base: string, session: string, action: Record<string, unknown>): Promise<ActionAnswer> {
  const body = { actionId: newActionId(), action };
  const path = sessionPath(session, '/actions', base);
  try {
    return await call<ActionAnswer>(path, { method: 'POST', body });
  } catch (e) {
    if (e instanceof ApiError) throw e;
    return call<ActionAnswer>(path, { method: 'POST', body });
  }
}

/** Saves text as a file the person downloads. */
export function download(name: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // The browser reads the blob after this returns, later still on a busy machine, and a blob
  // revoked before then fails the download without a word. A minute is ample.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** An API path of a session, under the seat path `base` a seat's cookie holds for ('' with a bearer token). */
export const sessionPath = (id: string, rest = '', base = '') => `${base}/sessions/${encodeURIComponent(id)}${rest}`;

/** The seat path of a key from an invite (`/seat/<key>`); '' when there is none. */
export const seatBase = (key: string | undefined) => (key ? `/seat/${key}` : '');

/** The console's own route for a seat: `#/s/<session>/<key>`. */
export const seatRoute = (session: string, key: string | undefined) =>
  `#/s/${encodeURIComponent(session)}${key ? `/${key}` : ''}`;

/** What an invite exchange answers: the seat and the path its cookie holds for. */
export interface Joined {
  readonly session: string;
  readonly role: string;
  readonly path: string;
}

/** The key of a seat path `/seat/<key>`. */
export const keyOf = (joined: Joined) => joined.path.split('/').pop();
