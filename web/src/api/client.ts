// The one place that talks HTTP to the taawun server.
// - Authentication rides on the HttpOnly session cookie (the token never reaches JavaScript storage).
// - Every read of personal data carries X-Purpose (and X-Case-Reference when given): a legal safeguard,
//   recorded in the audit log. Without a purpose the client refuses locally (code purpose.required).
// - Writes to an existing record carry If-Match with the record's version.
// - Every failure becomes an ApiError holding a problem+json object; the UI translates it by code.

import type {
  AuditEvent, CoopRequest, Desk, DeskNotification, Duty, DutyInput, FactorEnrolment, Involvement, LinkStatus, Page, Person, PersonHit, PersonInput,
  PersonLink, Problem, Proceeding, ProceedingInput, RequestAttachment, RequestInput, RequestState, RequestStatistics,
  Review, SessionInfo, User,
} from './types';

export interface Purpose {
  purpose: string;
  caseReference: string;
}

export class ApiError extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail || problem.code);
    this.problem = problem;
  }
  get code(): string {
    return this.problem.code;
  }
  get status(): number {
    return this.problem.status;
  }
}

// HTTP header values are byte strings: a JavaScript string with characters above U+00FF cannot be
// sent, and U+0080..U+00FF would go out as Latin-1 (invalid UTF-8 for the server). A purpose typed in
// Arabic or French is therefore sent as its UTF-8 bytes, one byte per character code.
export function headerValue(text: string): string {
  const clean = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  if (/^[\x20-\x7e]*$/.test(clean)) return clean;
  const bytes = new TextEncoder().encode(clean);
  let out = '';
  for (const b of bytes) out += String.fromCharCode(b);
  return out;
}

export function ifMatch(version: number | string): string {
  return `"${version}"`;
}

export interface RequestOptions {
  body?: unknown;
  personal?: boolean; // a read of personal data: requires a purpose
  version?: number | string; // sends If-Match
  query?: Record<string, string | number | undefined | null>;
}

export interface ClientConfig {
  base?: string;
  fetch?: typeof fetch;
  purpose?: () => Purpose | null;
  onUnauthenticated?: (problem: Problem) => void;
  // Waits before each retry of a POST whose answer never came (default 1 s, then 3 s).
  retryDelaysMs?: number[];
}

// A fresh Idempotency-Key (docs/api-contract.md): 128 random bits in hex. getRandomValues, unlike
// randomUUID, works outside secure contexts too.
export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function problemFromStatus(status: number, detail: string): Problem {
  return { status, code: status === 0 ? 'network.unreachable' : 'http.unexpected', detail };
}

// The problem+json of a failed response, or a generic problem when the body is not one.
function problemFromBody(status: number, text: string): Problem {
  try {
    const p = JSON.parse(text) as Partial<Problem>;
    if (p && typeof p === 'object' && typeof p.code === 'string') return { ...p, status, code: p.code };
  } catch {
    /* not JSON */
  }
  return problemFromStatus(status, `HTTP ${status}`);
}

// Sends a file: resolves with the status and body text; reports the bytes sent as they go.
export type UploadTransport = (
  url: string,
  headers: Record<string, string>,
  body: Blob,
  onProgress?: (sent: number, total: number) => void,
) => Promise<{ status: number; text: string }>;

// XMLHttpRequest, because fetch reports no upload progress. Same-origin: the session cookie goes along.
const xhrUpload: UploadTransport = (url, headers, body, onProgress) =>
  new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    for (const [k, v] of Object.entries(headers)) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress?.(e.loaded, e.total);
    };
    xhr.onload = () => resolve({ status: xhr.status, text: xhr.responseText });
    xhr.onerror = () => reject(new Error('network error'));
    xhr.onabort = () => reject(new Error('aborted'));
    xhr.send(body);
  });

function fetchUpload(fetchImpl: typeof fetch): UploadTransport {
  return async (url, headers, body, onProgress) => {
    const response = await fetchImpl(url, { method: 'POST', headers, body, credentials: 'same-origin' });
    onProgress?.(body.size, body.size);
    return { status: response.status, text: await response.text() };
  };
}

export interface UploadOptions {
  filename: string;
  mediaType: string;
  sha256: string; // hex, computed by the browser: the server refuses bytes that do not match it
  onProgress?: (sent: number, total: number) => void;
}

export class ApiClient {
  private readonly base: string;
  private readonly fetchImpl: typeof fetch;
  private readonly upload: UploadTransport;
  private readonly retryDelaysMs: number[];
  purpose: () => Purpose | null;
  onUnauthenticated: (problem: Problem) => void;
  // Asked when an action needs the second factor proved again (401 auth.step_up_required: consent,
  // account administration, audit export): resolves true once the user typed a code and
  // POST /session/step-up accepted it, and the request is then sent once more; false to give up.
  onStepUpRequired: () => Promise<boolean> = async () => false;

  constructor(config: ClientConfig = {}) {
    this.base = config.base ?? '/api/v1';
    this.fetchImpl = config.fetch ?? ((...args) => globalThis.fetch(...args));
    // Uploads go through XMLHttpRequest (progress); through the given fetch when one is given (tests).
    this.upload = config.fetch || typeof XMLHttpRequest === 'undefined' ? fetchUpload(this.fetchImpl) : xhrUpload;
    this.purpose = config.purpose ?? (() => null);
    this.onUnauthenticated = config.onUnauthenticated ?? (() => {});
    this.retryDelaysMs = config.retryDelaysMs ?? [1000, 3000];
  }

  // X-Purpose (and X-Case-Reference) for a read of personal data; refused locally without a purpose.
  private purposeHeaders(): Record<string, string> {
    const purpose = this.purpose();
    if (!purpose || !purpose.purpose.trim()) {
      throw new ApiError({
        status: 428, code: 'purpose.required', field: 'X-Purpose',
        detail: 'Reading personal data requires a purpose.',
      });
    }
    const headers: Record<string, string> = { 'X-Purpose': headerValue(purpose.purpose) };
    if (purpose.caseReference.trim()) headers['X-Case-Reference'] = headerValue(purpose.caseReference);
    return headers;
  }

  private fail(status: number, text: string): never {
    const problem = problemFromBody(status, text);
    if (problem.code === 'auth.unauthenticated') this.onUnauthenticated(problem);
    throw new ApiError(problem);
  }

  // A GET whose answer is not JSON (a document, a file): the response itself, once known to be a success.
  private async fetchRaw(path: string, accept: string, personal: boolean, steppedUp = false): Promise<Response> {
    const headers: Record<string, string> = { Accept: accept, ...(personal ? this.purposeHeaders() : {}) };
    let response: Response;
    try {
      response = await this.fetchImpl(this.base + path, { method: 'GET', headers, credentials: 'same-origin' });
    } catch (e) {
      throw new ApiError(problemFromStatus(0, e instanceof Error ? e.message : String(e)));
    }
    if (!response.ok) {
      const text = await response.text();
      if (!steppedUp && problemFromBody(response.status, text).code === 'auth.step_up_required') {
        if (await this.onStepUpRequired()) return this.fetchRaw(path, accept, personal, true);
      }
      this.fail(response.status, text);
    }
    return response;
  }

  async request<T>(method: string, path: string, options: RequestOptions = {}, steppedUp = false): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
    if (options.personal) Object.assign(headers, this.purposeHeaders());
    if (options.version !== undefined) headers['If-Match'] = ifMatch(options.version);
    let body: string | undefined;
    if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    let url = this.base + path;
    if (options.query) {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(options.query)) {
        if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
      }
      const qs = params.toString();
      if (qs) url += `?${qs}`;
    }
    // A POST that got no answer may have been done: it is sent again with the same key, and the
    // server answers a retry of what it did with its first answer instead of doing it twice (a
    // second request, a second emergency alert). Login has no user to keep a key for.
    const retriable = method === 'POST' && path !== '/session';
    if (retriable) headers['Idempotency-Key'] = `"${newIdempotencyKey()}"`;
    let response: Response;
    for (let attempt = 0; ; attempt++) {
      try {
        response = await this.fetchImpl(url, { method, headers, body, credentials: 'same-origin' });
        break;
      } catch (e) {
        if (!retriable || attempt >= this.retryDelaysMs.length) {
          throw new ApiError(problemFromStatus(0, e instanceof Error ? e.message : String(e)));
        }
        await new Promise((resolve) => setTimeout(resolve, this.retryDelaysMs[attempt]));
      }
    }
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    let json: unknown = undefined;
    if (text) {
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
    }
    if (!response.ok) {
      const p = json as Partial<Problem> | undefined;
      const problem: Problem =
        p && typeof p === 'object' && typeof p.code === 'string'
          ? { ...p, status: response.status, code: p.code }
          : problemFromStatus(response.status, `HTTP ${response.status}`);
      if (problem.code === 'auth.unauthenticated' && path !== '/session') this.onUnauthenticated(problem);
      if (problem.code === 'auth.step_up_required' && !steppedUp && (await this.onStepUpRequired())) {
        return this.request<T>(method, path, options, true);
      }
      throw new ApiError(problem);
    }
    return json as T;
  }

  // Session
  // `code`: the authenticator app's current code (or a recovery code), once the server asked for it
  // (auth.second_factor_required).
  login(username: string, password: string, code?: string) {
    const body: Record<string, string> = { username, password };
    if (code) body.code = code;
    return this.request<SessionInfo & { token: string }>('POST', '/session', { body });
  }
  beginFactorEnrolment() {
    return this.request<FactorEnrolment>('POST', '/session/factor', { body: {} });
  }
  confirmFactorEnrolment(code: string) {
    return this.request<{ recovery_codes: string[] }>('POST', '/session/factor/confirm', { body: { code } });
  }
  stepUp(code: string) {
    return this.request<{ factor_verified_at: string }>('POST', '/session/step-up', { body: { code } });
  }
  session() {
    return this.request<SessionInfo>('GET', '/session');
  }
  logout() {
    return this.request<void>('DELETE', '/session');
  }

  // Proceedings
  listProceedings(cursor?: string | null, limit = 20) {
    return this.request<Page<Proceeding>>('GET', '/proceedings', { personal: true, query: { limit, cursor } });
  }
  getProceeding(id: string) {
    return this.request<Proceeding>('GET', `/proceedings/${encodeURIComponent(id)}`, { personal: true });
  }
  createProceeding(input: ProceedingInput) {
    return this.request<Proceeding>('POST', '/proceedings', { body: input });
  }
  updateProceeding(id: string, version: number, changes: Partial<ProceedingInput>) {
    return this.request<Proceeding>('PATCH', `/proceedings/${encodeURIComponent(id)}`, { body: changes, version, personal: true });
  }
  deleteProceeding(id: string, version: number) {
    return this.request<void>('DELETE', `/proceedings/${encodeURIComponent(id)}`, { version });
  }
  proceedingInvolvements(id: string) {
    return this.request<Page<Involvement>>('GET', `/proceedings/${encodeURIComponent(id)}/involvements`, {
      personal: true,
    });
  }
  addInvolvement(proceedingId: string, personId: string, role: string) {
    return this.request<Involvement>('POST', `/proceedings/${encodeURIComponent(proceedingId)}/involvements`, {
      body: { person_id: personId, role },
    });
  }
  deleteInvolvement(proceedingId: string, involvementId: string) {
    return this.request<void>(
      'DELETE',
      `/proceedings/${encodeURIComponent(proceedingId)}/involvements/${encodeURIComponent(involvementId)}`,
    );
  }

  // Persons
  // The own country's persons in registration order, a page at a time.
  listPersons(cursor?: string | null, limit = 20) {
    return this.request<Page<Person>>('GET', '/persons', { personal: true, query: { limit, cursor } });
  }
  // The own country's persons whose names best match `name` (any script or spelling), best first:
  // one page, no cursor.
  searchPersons(name: string, limit = 20) {
    return this.request<Page<PersonHit>>('GET', '/persons', { personal: true, query: { name, limit } });
  }
  getPerson(id: string) {
    return this.request<Person>('GET', `/persons/${encodeURIComponent(id)}`, { personal: true });
  }
  createPerson(input: PersonInput) {
    return this.request<Person>('POST', '/persons', { body: input });
  }
  updatePerson(id: string, version: number, changes: Partial<PersonInput>) {
    return this.request<Person>('PATCH', `/persons/${encodeURIComponent(id)}`, { body: changes, version, personal: true });
  }
  deletePerson(id: string, version: number) {
    return this.request<void>('DELETE', `/persons/${encodeURIComponent(id)}`, { version });
  }
  personInvolvements(id: string) {
    return this.request<Page<Involvement>>('GET', `/persons/${encodeURIComponent(id)}/involvements`, {
      personal: true,
    });
  }

  // Links (hit/no-hit). Reads carry the purpose: a consented counterpart's record is personal data.
  listLinks(status?: LinkStatus | '' | null, cursor?: string | null, limit = 20) {
    return this.request<Page<PersonLink>>('GET', '/links', { personal: true, query: { status, limit, cursor } });
  }
  getLink(id: string) {
    return this.request<PersonLink>('GET', `/links/${encodeURIComponent(id)}`, { personal: true });
  }
  personLinks(personId: string) {
    return this.request<Page<PersonLink>>('GET', `/persons/${encodeURIComponent(personId)}/links`, {
      personal: true,
    });
  }
  // The server does not check If-Match on links yet; the version is sent so that it can.
  transitionLink(id: string, to: LinkStatus, version?: number) {
    return this.request<PersonLink>('POST', `/links/${encodeURIComponent(id)}/transitions`, {
      body: { to }, version, personal: true,
    });
  }
  // The caller's country consents to disclose its own record of the link to the other country.
  consentLink(id: string, version?: number) {
    return this.request<PersonLink>('POST', `/links/${encodeURIComponent(id)}/consent`, { body: {}, version, personal: true });
  }

  // Request desk. Requests name persons and facts: every read carries the purpose of consultation.
  listRequests(box: 'outgoing' | 'incoming', status?: string | null, cursor?: string | null, limit = 20) {
    return this.request<Page<CoopRequest>>('GET', '/requests', {
      personal: true, query: { box, status, limit, cursor },
    });
  }
  getRequest(id: string) {
    return this.request<CoopRequest>('GET', `/requests/${encodeURIComponent(id)}`, { personal: true });
  }
  createRequest(input: RequestInput) {
    return this.request<CoopRequest>('POST', '/requests', { body: input });
  }
  updateRequest(id: string, version: number, changes: RequestInput) {
    return this.request<CoopRequest>('PATCH', `/requests/${encodeURIComponent(id)}`, { body: changes, version, personal: true });
  }
  reviewRequest(id: string) {
    return this.request<Review>('POST', `/requests/${encodeURIComponent(id)}/review`, { body: {}, personal: true });
  }
  transitionRequest(id: string, to: RequestState) {
    return this.request<CoopRequest>('POST', `/requests/${encodeURIComponent(id)}/transitions`, { body: { to }, personal: true });
  }
  // Grants the one extension a deadline provides (EIO recognition: the executing side; preservation: the
  // issuing side). Like a transition: no If-Match; with the purpose, the answer is the request with its new deadlines.
  extendDeadline(id: string, kind: string, reason: string) {
    return this.request<CoopRequest>('POST', `/requests/${encodeURIComponent(id)}/extensions`, { body: { kind, reason }, personal: true });
  }
  // The printable document (HTML). It is fetched, not linked, because it needs X-Purpose.
  async requestDocument(id: string, lang: string): Promise<string> {
    const response = await this.fetchRaw(
      `/requests/${encodeURIComponent(id)}/document?lang=${encodeURIComponent(lang)}`, 'text/html', true,
    );
    return response.text();
  }

  // Attachments. Listing and downloading read the request: they carry the purpose.
  listAttachments(requestId: string) {
    return this.request<{ items: RequestAttachment[] }>('GET', `/requests/${encodeURIComponent(requestId)}/attachments`, {
      personal: true,
    });
  }
  // The raw file as body, its name in the address, its SHA-256 in X-Content-SHA256 (the server refuses
  // bytes that do not match: attachment.hash_mismatch).
  async uploadAttachment(requestId: string, file: Blob, options: UploadOptions): Promise<RequestAttachment> {
    const url = `${this.base}/requests/${encodeURIComponent(requestId)}/attachments?filename=${encodeURIComponent(options.filename)}`;
    const headers = {
      Accept: 'application/json, application/problem+json',
      'Content-Type': options.mediaType || 'application/octet-stream',
      'X-Content-SHA256': options.sha256,
    };
    let result: { status: number; text: string };
    try {
      result = await this.upload(url, headers, file, options.onProgress);
    } catch (e) {
      throw new ApiError(problemFromStatus(0, e instanceof Error ? e.message : String(e)));
    }
    if (result.status < 200 || result.status >= 300) this.fail(result.status, result.text);
    return JSON.parse(result.text) as RequestAttachment;
  }
  // The file's bytes, with the SHA-256 the server checked them against before sending (X-Content-SHA256).
  async downloadAttachment(requestId: string, attachmentId: string): Promise<{ blob: Blob; sha256: string }> {
    const response = await this.fetchRaw(
      `/requests/${encodeURIComponent(requestId)}/attachments/${encodeURIComponent(attachmentId)}`, '*/*', true,
    );
    return { blob: await response.blob(), sha256: response.headers.get('X-Content-SHA256') ?? '' };
  }
  deleteAttachment(requestId: string, attachmentId: string) {
    return this.request<void>(
      'DELETE', `/requests/${encodeURIComponent(requestId)}/attachments/${encodeURIComponent(attachmentId)}`,
    );
  }
  desk() {
    return this.request<Desk>('GET', '/requests/desk', { personal: true });
  }
  requestStatistics() {
    return this.request<RequestStatistics>('GET', '/requests/statistics');
  }
  // Oldest first unless `order` is 'newest' (the dashboard's view: one page holds the latest).
  notifications(cursor?: string | null, limit = 20, order: 'oldest' | 'newest' = 'oldest') {
    return this.request<Page<DeskNotification>>('GET', '/notifications', {
      query: { limit, cursor, order: order === 'newest' ? order : undefined },
    });
  }

  // Duty roster of the caller's country (every role reads it; the administrator keeps it).
  duties() {
    return this.request<{ items: Duty[] }>('GET', '/duties');
  }
  createDuty(input: DutyInput) {
    return this.request<Duty>('POST', '/duties', { body: input });
  }
  deleteDuty(id: string) {
    return this.request<void>('DELETE', `/duties/${encodeURIComponent(id)}`);
  }

  // Audit and users
  audit(cursor?: string | null, limit = 50) {
    return this.request<Page<AuditEvent>>('GET', '/audit', { query: { limit, cursor } });
  }
  users() {
    return this.request<Page<User>>('GET', '/users');
  }
  createUser(input: { username: string; password: string; role: string; display_name?: string }) {
    return this.request<User>('POST', '/users', { body: input });
  }
  updateUser(id: string, version: number, changes: { reset_second_factor?: boolean; disabled?: boolean }) {
    return this.request<User>('PATCH', `/users/${encodeURIComponent(id)}`, { body: changes, version });
  }
}

export const api = new ApiClient();
