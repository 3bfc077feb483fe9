// Shapes of the JSON API (docs/api-contract.md). Only the fields the UI uses are typed strictly.

export type Role = 'prosecutor' | 'liaison_magistrate' | 'analyst' | 'auditor' | 'administrator';

export interface User {
  id: string;
  username: string;
  country: string;
  authority: string;
  role: Role;
  display_name?: string;
  locked?: boolean;
  created_at?: string;
  version?: number;
  password_change_required?: boolean;
  // false: the account must enrol an authenticator app before anything else (POST /session/factor).
  second_factor_enrolled?: boolean;
  factor_verified_at?: string | null;
}

export interface FactorEnrolment {
  secret: string; // base32, for typing into the app
  otpauth_uri: string;
  qr_svg: string; // the URI as a QR code, an SVG document
}

export interface SessionInfo {
  user: User;
  expires_at: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  code: string;
  field?: string;
}

export interface PersonName {
  full: string;
  script?: string;
  kind?: string;
  given?: string;
  family?: string;
  patronymic?: string;
  tribal?: string;
  lang?: string;
}

export interface IdentityDocument {
  type: string;
  number: string;
  issuing_country: string;
}

export interface Identifier {
  type: string;
  value: string;
}

export interface Person {
  id: string;
  names: PersonName[];
  birth_date: string | null;
  birth_place: string;
  sex: 'male' | 'female' | 'unknown';
  nationalities: string[];
  documents: IdentityDocument[];
  identifiers: Identifier[];
  owner_country: string;
  owner_authority: string;
  handling_code: string;
  version: number;
  created_at: string;
  updated_at: string;
}

// How well a person's names match the text of a search, and why (GET /persons?name=).
export interface SearchMatch {
  probability: number;
  decision: 'match' | 'possible' | 'no_match';
  explanation: LinkFeature[];
}

export interface PersonHit extends Person {
  match: SearchMatch;
}

export type PersonInput = Omit<
  Person,
  'id' | 'owner_country' | 'owner_authority' | 'handling_code' | 'version' | 'created_at' | 'updated_at'
>;

export interface Proceeding {
  id: string;
  national_reference: string;
  authority: string;
  stage: string;
  date_referred: string | null;
  legal_qualification: { article: string; text: string };
  offence_classes: string[];
  terrorism_type: string | null;
  group_affiliations: string[];
  crime_nexus: string[];
  summary: { lang: string; text: string };
  sharing_derogation: string;
  owner_country: string;
  handling_code: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export type ProceedingInput = Omit<
  Proceeding,
  'id' | 'authority' | 'owner_country' | 'handling_code' | 'version' | 'created_at' | 'updated_at'
>;

export interface Involvement {
  id: string;
  proceeding_id: string;
  person_id: string;
  role: string;
  owner_country: string;
  created_at: string;
}

export interface AuditEvent {
  seq: number;
  at: string;
  actor: { user_id: string; country: string; authority: string; role: string };
  operation: string;
  object_type: string;
  object_id: string;
  purpose: string;
  case_reference: string;
  outcome: string;
  client_address: string;
  request_id: string;
  hash: string;
  prev_hash: string;
}

// A possible same-person link between one of the caller's persons and another country's record.
// Hit/no-hit: until the counterpart consents, `counterpart.person`, `probability` and `explanation`
// are null; the caller only learns that a link exists and which authority holds the other record.
export type LinkStatus = 'candidate' | 'under_verification' | 'confirmed' | 'rejected';

export interface LinkFeature {
  feature: string; // name, name_token, given_or_family_name, birth_date, sex, nationality, document, identifier
  outcome: string; // equal, similar, different, missing, unknown
  weight: number; // log-odds contribution, positive = for the same person
  detail: string; // an English sentence from the server
}

export interface LinkCounterpartPerson {
  id: string;
  names: PersonName[];
  birth_date: string | null;
  sex?: string;
  nationalities: string[];
}

export interface PersonLink {
  id: string;
  status: LinkStatus;
  decision: 'match' | 'possible' | string;
  person_id: string;
  own_consent: boolean;
  counterpart: {
    country: string;
    authority: string;
    consented: boolean;
    person: LinkCounterpartPerson | null;
  };
  probability: number | null;
  explanation: LinkFeature[] | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export const LINK_STATUSES: LinkStatus[] = ['candidate', 'under_verification', 'confirmed', 'rejected'];

// The link state machine of the server (domain/link): what a status may become.
export const LINK_TRANSITIONS: Record<LinkStatus, LinkStatus[]> = {
  candidate: ['under_verification', 'rejected'],
  under_verification: ['confirmed', 'rejected'],
  confirmed: [],
  rejected: [],
};

// Authorities known to the platform (ids chosen by the server); the UI translates them (authorities.*).
export const AUTHORITIES = ['ma-pmp', 'ma-pg-rabat', 'fr-pnat', 'be-federal', 'es-fan'] as const;

export interface Page<T> {
  items: T[];
  next_cursor?: string | null;
}

// Vocabularies of the contract: the UI offers exactly these values.
export const STAGES = [
  'draft', 'investigation', 'prosecution', 'trial', 'judgment_not_final',
  'final_conviction', 'acquittal', 'no_prosecution', 'closed',
] as const;
export const OFFENCE_CLASSES = [
  'participation', 'financing', 'travel', 'provocation', 'recruitment', 'training', 'preparation', 'attack',
] as const;
export const TERRORISM_TYPES = ['jihadist', 'separatist', 'left_wing', 'right_wing', 'other'] as const;
export const CRIME_NEXUS = [
  'arms', 'drugs', 'human_trafficking', 'migrant_smuggling', 'document_fraud', 'money_laundering',
] as const;
export const DEROGATIONS = ['none', 'jeopardise_investigation', 'essential_security_interest'] as const;
export const SUMMARY_LANGS = ['fr', 'ar', 'es', 'nl', 'en'] as const;
export const INVOLVEMENT_ROLES = ['suspect', 'accused', 'convicted', 'acquitted'] as const;
export const NAME_KINDS = ['primary', 'alias', 'kunya', 'transliteration', 'birth', 'married'] as const;
export const SEXES = ['unknown', 'male', 'female'] as const;
export const DOCUMENT_TYPES = ['passport', 'national_id', 'residence_permit', 'driving_licence', 'other'] as const;
export const IDENTIFIER_TYPES = ['phone', 'email', 'iban', 'crypto_wallet', 'imei', 'online_handle'] as const;
export const ROLES: Role[] = ['prosecutor', 'liaison_magistrate', 'analyst', 'auditor', 'administrator'];
export const COUNTRIES = ['MA', 'FR', 'BE', 'ES'] as const;

export const WRITER_ROLES: Role[] = ['prosecutor', 'liaison_magistrate'];
export const READER_ROLES: Role[] = ['prosecutor', 'liaison_magistrate', 'analyst'];

// ---- Request desk (docs/request-desk.md): letters rogatory, EIOs, provider orders ----

export const CHANNELS = [
  'mutual_legal_assistance', 'european_investigation_order', 'european_production_order',
  'european_preservation_order', 'budapest_request', 'voluntary_disclosure', 'spontaneous_information',
] as const;
export type Channel = (typeof CHANNELS)[number];

export const REQUEST_STATES = [
  'draft', 'validated', 'sent', 'delivered', 'acknowledged', 'under_review', 'accepted',
  'information_requested', 'postponed', 'refused', 'in_execution', 'partially_executed', 'executed',
  'results_received', 'closed', 'withdrawn', 'issued', 'received_by_provider', 'preserving', 'produced',
  'objected', 'cannot_comply',
] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

export const URGENCIES = ['normal', 'urgent', 'emergency'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const MEASURE_TYPES = [
  'hearing_witness', 'hearing_suspect', 'hearing_by_videoconference', 'search_and_seizure',
  'production_of_documents', 'banking_information', 'monitoring_of_bank_accounts',
  'interception_of_telecommunications', 'electronic_data', 'covert_investigation', 'controlled_delivery',
  'freezing_of_assets', 'identification_of_person', 'temporary_transfer_of_detainee', 'production',
  'preservation', 'expedited_preservation', 'expedited_disclosure_of_traffic_data', 'access_to_stored_data',
  'voluntary_disclosure', 'emergency_disclosure', 'information',
] as const;
export const DATA_CATEGORIES = ['subscriber', 'identification', 'traffic', 'content', 'banking', 'documents'] as const;
export const AUTHORITY_KINDS = ['judge', 'court', 'investigating_judge', 'prosecutor', 'other_competent_authority'] as const;
export const DEADLINE_KINDS = [
  'acknowledgement', 'recognition', 'execution', 'production', 'enforcing_state_objection',
  'preservation_expiry', 'execution_target', 'emergency_response', 'requested_by_issuer',
] as const;

export interface Measure {
  type: string;
  description: string;
  link_to_facts: string;
}

export interface StatusChange {
  state: RequestState | string;
  at: string;
  actor: string;
}

export interface RequestDeadline {
  kind: string;
  due_at: string;
  status: 'open' | 'met' | 'stopped' | string;
  binding: boolean;
  extended?: boolean; // its one extension was granted
  extendable?: boolean; // an extension is provided, not granted yet, and the deadline is open
  extension_by?: 'issuing' | 'executing' | null; // when extendable, the side that grants it
  extension?: ClockPeriod | null; // the one extension its rule provides, granted or not
}

// A period of a clock rule, e.g. { amount: 30, unit: 'days' }.
export interface ClockPeriod {
  amount: number;
  unit: 'hours' | 'days' | 'weeks' | 'months';
}

// An extension granted (POST /requests/{id}/extensions): the deadline kind, when, and the reason given.
export interface RequestExtension {
  kind: string;
  at: string;
  reason: string;
  by?: 'issuing' | 'executing' | null; // the side that granted it
}

export interface CoopRequest {
  id: string;
  proceeding_id: string;
  channel: Channel;
  legal_basis: string;
  issuing: string;
  issuing_country: string;
  issuing_authority_kind: string;
  validating_authority_kind: string;
  executing: string;
  executing_country: string;
  provider: string;
  measures: Measure[];
  person_ids: string[];
  identifiers: Identifier[];
  data_categories: string[];
  time_frame: { from: string | null; to: string | null };
  languages: string[];
  urgency: Urgency;
  urgency_justification: string;
  summary_of_facts: { lang: string; text: string };
  legal_qualification: { article: string; text: string };
  confidentiality: { requested: boolean; reason: string };
  requested_deadline: string | null;
  status: RequestState;
  next_states: RequestState[];
  // Whose move it is (country codes, issuing first), from the server's workflow table.
  awaiting: string[];
  status_history: StatusChange[];
  deadlines: RequestDeadline[];
  extensions?: RequestExtension[]; // oldest first
  owner_country: string;
  handling_code: string;
  version: number;
  created_at: string;
  updated_at: string;
}

// What the client sends when creating or changing a draft (the server sets the rest).
export type RequestInput = Partial<
  Pick<
    CoopRequest,
    | 'proceeding_id' | 'channel' | 'legal_basis' | 'issuing_authority_kind' | 'validating_authority_kind'
    | 'executing' | 'executing_country' | 'provider' | 'measures' | 'person_ids' | 'identifiers'
    | 'data_categories' | 'time_frame' | 'languages' | 'urgency' | 'urgency_justification'
    | 'summary_of_facts' | 'legal_qualification' | 'confidentiality' | 'requested_deadline'
  >
>;

export interface ReviewProblem {
  code: string;
  field: string;
  detail: string;
}

export interface Review {
  complete: boolean;
  problems: ReviewProblem[];
}

export interface DeskEntry {
  request_id: string;
  channel: Channel;
  status: RequestState;
  urgency: Urgency;
  issuing_country: string;
  executing_country: string;
  deadline_kind: string;
  due_at: string | null;
}

export interface Desk {
  due_soon: DeskEntry[];
  overdue: DeskEntry[];
  emergencies: DeskEntry[];
}

export interface Turnaround {
  issuing_country: string;
  executing_country: string;
  channel: Channel | string;
  completed: number;
  median_days: number;
  p90_days: number;
}

export interface RequestStatistics {
  by_status: Record<string, number>;
  turnaround: Turnaround[];
  deadlines_due: number;
  deadlines_met_in_time: number;
  share_met: number | null;
}

export interface DeskNotification {
  id: string;
  request_id: string;
  kind: 'reminder' | 'escalation' | 'emergency' | 'emergency_follow_up' | 'extension' | string;
  deadline_kind: string;
  level: number;
  role: string;
  due_at: string; // the deadline's due instant (for an extension: the new one)
  created_at: string;
  // The users it is addressed to by name (the on-call liaison, the head of office); empty: the whole desk.
  recipients?: string[];
  // Why, as decided when it was sent: the duty's holders, every liaison magistrate (nobody was on call),
  // or the desk. Null for notifications older than the field.
  addressed_as?: 'duty' | 'liaison_magistrates' | 'desk' | null;
}

// A file attached to a request, kept with the SHA-256 the server computed on receipt.
export interface RequestAttachment {
  id: string;
  request_id: string;
  filename: string;
  media_type: string;
  size: number;
  sha256: string; // lowercase hex
  uploaded_by: string; // user id
  uploaded_by_country: string;
  uploaded_at: string;
}

// The desk's duty roster (GET /duties): who is on call, who heads the office.
export const DUTY_KINDS = ['on_call_liaison', 'head_of_office'] as const;
export type DutyKind = (typeof DUTY_KINDS)[number];

export interface Duty {
  id: string;
  duty: DutyKind;
  user_id: string;
  display_name: string;
  starts_at: string;
  ends_at: string | null;
  active: boolean;
  country: string;
  created_at: string;
}

export interface DutyInput {
  duty: DutyKind;
  user_id: string;
  starts_at: string;
  ends_at?: string;
}
