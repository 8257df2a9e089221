/**
 * The consoles speak only the server's public API (the same one a program uses): JSON over
 * HTTP with the seat cookie an invite gave this browser, or a bearer token where the person
 * typed one (the admin token, to open a session).
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
  const data: unknown = type.includes('json') && text ? JSON.parse(text) : text;
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

/** Sends one action as this seat; a network failure is retried once with the same id. */
export async function act(session: string, action: Record<string, unknown>): Promise<ActionAnswer> {
  const body = { actionId: newActionId(), action };
  const path = `/sessions/${encodeURIComponent(session)}/actions`;
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
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

export const sessionPath = (id: string, rest = '') => `/sessions/${encodeURIComponent(id)}${rest}`;
