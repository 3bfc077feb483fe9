// Pure logic of request attachments: sizes in human units, the SHA-256 computed in the browser, the
// media type sent, and who may attach or remove a file (the server decides anyway).
import { ApiError } from './api/client';
import { WRITER_ROLES, type CoopRequest, type User } from './api/types';
import { INTL_LOCALES, isLang } from './i18n';
import { FINAL_STATES, mySide } from './requests';

export const MAX_ATTACHMENT_BYTES = 32 * 1024 * 1024; // domain::kMaxAttachmentBytes (32 MiB)
export const MAX_ATTACHMENTS = 50; // domain::kMaxAttachmentsPerRequest

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

// "512 bytes", "1.5 kB", "32 MB" per locale, in multiples of 1024 (the server's limit of 32 MiB reads
// "32 MB"); one decimal below 10 units.
export function formatSize(bytes: number, lang: string): string {
  const loc = isLang(lang) ? INTL_LOCALES[lang] : lang;
  let value = bytes;
  let i = 0;
  while (i < UNITS.length - 1 && value >= 1024) {
    value /= 1024;
    i++;
  }
  const digits = i > 0 && value < 10 ? 1 : 0;
  // 1023.96 kB would round to "1,024 kB": carry into the next unit.
  if (i > 0 && i < UNITS.length - 1 && Number(value.toFixed(digits)) >= 1024) {
    value /= 1024;
    i++;
  }
  return new Intl.NumberFormat(loc, {
    style: 'unit', unit: UNITS[i], unitDisplay: i === 0 ? 'long' : 'short',
    maximumFractionDigits: i > 0 && value < 10 ? 1 : 0,
  }).format(value);
}

// Lowercase hexadecimal of bytes (the server's notation of a SHA-256).
export function hexOf(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let out = '';
  for (const b of view) out += b.toString(16).padStart(2, '0');
  return out;
}

// SHA-256 of a file or of bytes, computed by the browser (Web Crypto: only in a secure context, i.e.
// https or localhost; elsewhere the code attachment.hash_unavailable says so).
export async function sha256Hex(data: Blob | ArrayBuffer): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) {
    throw new ApiError({
      status: 0, code: 'attachment.hash_unavailable', detail: 'Web Crypto is not available (not a secure context).',
    });
  }
  const bytes = data instanceof ArrayBuffer ? data : await data.arrayBuffer();
  return hexOf(await subtle.digest('SHA-256', bytes));
}

// Content-Type of the upload: the browser's type of the file without parameters, if it is a plain
// type/subtype; application/octet-stream otherwise (the server takes type/subtype tokens only).
export function mediaTypeOf(file: { type: string }): string {
  const type = file.type.split(';')[0].trim().toLowerCase();
  return /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(type) && type.length <= 127 ? type : 'application/octet-stream';
}

// Either party attaches while the request is open (the executing side only sees it once sent);
// prosecutors and liaison magistrates only.
export function canAttach(r: Pick<CoopRequest, 'issuing_country' | 'executing_country' | 'status'>, user: User): boolean {
  return WRITER_ROLES.includes(user.role) && mySide(r, user.country) !== null && !FINAL_STATES.has(r.status);
}

// Only the issuing side removes a file, and only while the request is a draft.
export function canRemove(r: Pick<CoopRequest, 'issuing_country' | 'executing_country' | 'status'>, user: User): boolean {
  const side = mySide(r, user.country);
  return WRITER_ROLES.includes(user.role) && (side === 'issuing' || side === 'either') && r.status === 'draft';
}
