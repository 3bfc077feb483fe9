// The one place that talks HTTP to the taawun server.
// - Authentication rides on the HttpOnly session cookie (the token never reaches JavaScript storage).
// - Every read of personal data carries X-Purpose (and X-Case-Reference when given): a legal safeguard,
//   recorded in the audit log. Without a purpose the client refuses locally (code purpose.required).
// - Writes to an existing record carry If-Match with the record's version.
// - Every failure becomes an ApiError holding a problem+json object; the UI translates it by code.

import type {
  AuditEvent, CoopRequest, Desk, DeskNotification, Involvement, LinkStatus, Page, Person, PersonInput, PersonLink,
  Problem, Proceeding, ProceedingInput, RequestInput, RequestState, RequestStatistics, Review, SessionInfo, User,
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
}

function problemFromStatus(status: number, detail: string): Problem {
  return { status, code: status === 0 ? 'network.unreachable' : 'http.unexpected', detail };
}

export class ApiClient {
  private readonly base: string;
  private readonly fetchImpl: typeof fetch;
  purpose: () => Purpose | null;
  onUnauthenticated: (problem: Problem) => void;

  constructor(config: ClientConfig = {}) {
    this.base = config.base ?? '/api/v1';
    this.fetchImpl = config.fetch ?? ((...args) => globalThis.fetch(...args));
    this.purpose = config.purpose ?? (() => null);
    this.onUnauthenticated = config.onUnauthenticated ?? (() => {});
  }

  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
    if (options.personal) {
      const purpose = this.purpose();
      if (!purpose || !purpose.purpose.trim()) {
        throw new ApiError({
          status: 428, code: 'purpose.required', field: 'X-Purpose',
          detail: 'Reading personal data requires a purpose.',
        });
      }
      headers['X-Purpose'] = headerValue(purpose.purpose);
      if (purpose.caseReference.trim()) headers['X-Case-Reference'] = headerValue(purpose.caseReference);
    }
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
    let response: Response;
    try {
      response = await this.fetchImpl(url, { method, headers, body, credentials: 'same-origin' });
    } catch (e) {
      throw new ApiError(problemFromStatus(0, e instanceof Error ? e.message : String(e)));
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
      throw new ApiError(problem);
    }
    return json as T;
  }

  // Session
  login(username: string, password: string) {
    return this.request<SessionInfo & { token: string }>('POST', '/session', { body: { username, password } });
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
    return this.request<Proceeding>('PATCH', `/proceedings/${encodeURIComponent(id)}`, { body: changes, version });
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
  listPersons(name?: string, cursor?: string | null, limit = 20) {
    return this.request<Page<Person>>('GET', '/persons', { personal: true, query: { name, limit, cursor } });
  }
  getPerson(id: string) {
    return this.request<Person>('GET', `/persons/${encodeURIComponent(id)}`, { personal: true });
  }
  createPerson(input: PersonInput) {
    return this.request<Person>('POST', '/persons', { body: input });
  }
  updatePerson(id: string, version: number, changes: Partial<PersonInput>) {
    return this.request<Person>('PATCH', `/persons/${encodeURIComponent(id)}`, { body: changes, version });
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
      body: { to }, version,
    });
  }
  // The caller's country consents to disclose its own record of the link to the other country.
  consentLink(id: string, version?: number) {
    return this.request<PersonLink>('POST', `/links/${encodeURIComponent(id)}/consent`, { body: {}, version });
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
    return this.request<CoopRequest>('PATCH', `/requests/${encodeURIComponent(id)}`, { body: changes, version });
  }
  reviewRequest(id: string) {
    return this.request<Review>('POST', `/requests/${encodeURIComponent(id)}/review`, { body: {}, personal: true });
  }
  transitionRequest(id: string, to: RequestState) {
    return this.request<CoopRequest>('POST', `/requests/${encodeURIComponent(id)}/transitions`, { body: { to } });
  }
  // The printable document (HTML). It is fetched, not linked, because it needs X-Purpose.
  async requestDocument(id: string, lang: string): Promise<string> {
    const purpose = this.purpose();
    if (!purpose || !purpose.purpose.trim()) {
      throw new ApiError({ status: 428, code: 'purpose.required', field: 'X-Purpose', detail: 'Reading personal data requires a purpose.' });
    }
    const headers: Record<string, string> = { Accept: 'text/html', 'X-Purpose': headerValue(purpose.purpose) };
    if (purpose.caseReference.trim()) headers['X-Case-Reference'] = headerValue(purpose.caseReference);
    let response: Response;
    try {
      response = await this.fetchImpl(
        `${this.base}/requests/${encodeURIComponent(id)}/document?lang=${encodeURIComponent(lang)}`,
        { method: 'GET', headers, credentials: 'same-origin' },
      );
    } catch (e) {
      throw new ApiError(problemFromStatus(0, e instanceof Error ? e.message : String(e)));
    }
    const text = await response.text();
    if (!response.ok) {
      let problem: Problem = problemFromStatus(response.status, `HTTP ${response.status}`);
      try {
        const p = JSON.parse(text) as Partial<Problem>;
        if (typeof p.code === 'string') problem = { ...p, status: response.status, code: p.code };
      } catch {
        /* not JSON */
      }
      if (problem.code === 'auth.unauthenticated') this.onUnauthenticated(problem);
      throw new ApiError(problem);
    }
    return text;
  }
  desk() {
    return this.request<Desk>('GET', '/requests/desk', { personal: true });
  }
  requestStatistics() {
    return this.request<RequestStatistics>('GET', '/requests/statistics');
  }
  notifications(cursor?: string | null, limit = 20) {
    return this.request<Page<DeskNotification>>('GET', '/notifications', { query: { limit, cursor } });
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
}

export const api = new ApiClient();
