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
