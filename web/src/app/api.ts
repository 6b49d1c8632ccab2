// Typed fetch helpers. The server answers errors as { ok: false, error: { code, message, fields, … } };
// they arrive here as ApiError exceptions so that callers can `try { await api.post(…) } catch (error) { … }`.

export type FieldProblem = { path: string; message: string };

export type ApiErrorBody = {
  code: string;
  message: string;
  fields?: FieldProblem[];
  [key: string]: unknown;
};

export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly fields: FieldProblem[];
  readonly body: ApiErrorBody;

  constructor(status: number, body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.fields = body.fields ?? [];
    this.body = body;
  }
}

export type QueryValue = string | number | boolean | null | undefined;

/** Builds `path?key=value…`, leaving out empty values so that filters stay readable in URLs. */
export function withQuery(path: string, query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

function isErrorEnvelope(value: unknown): value is { ok: false; error: ApiErrorBody } {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string';
}

/** The service worker (web/build/service-worker.js) answers offline from its saved copy with this header. */
export const SAVED_AT_HEADER = 'x-jobcast-saved-at';
export const OFFLINE_DATA_EVENT = 'jobcast:offline-data';

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, { code: 'network', message: 'The server cannot be reached / 无法连接服务器' });
  }
  const savedAt = response.headers.get(SAVED_AT_HEADER);
  if (savedAt && typeof window !== 'undefined') window.dispatchEvent(new CustomEvent(OFFLINE_DATA_EVENT, { detail: { savedAt } }));
  const text = await response.text();
  let payload: unknown = null;
  if (text) {
    try {
      payload = JSON.parse(text);
    } catch {
      payload = null;
    }
  }
  if (!response.ok) {
    if (isErrorEnvelope(payload)) throw new ApiError(response.status, payload.error);
    throw new ApiError(response.status, { code: 'internal', message: `HTTP ${response.status} / 服务器错误` });
  }
  return payload as T;
}

export const api = {
  get: <T>(path: string, query?: Record<string, QueryValue>) => request<T>('GET', withQuery(path, query)),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  /** A body is sent when given (e.g. DELETE /api/follows { companyId | hostUserId }). */
  delete: <T>(path: string, body?: unknown) => request<T>('DELETE', path, body),
};
