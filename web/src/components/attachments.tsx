// The attachments of a request: the files with their size, the country that attached them, the time and
// the full SHA-256 (copyable), a download that checks the bytes against that SHA-256, removal from a
// draft by the issuing side, and the upload: choose or drop a file, see the SHA-256 computed by the
// browser, send it with that SHA-256 so that the server refuses anything changed on the way.
import { useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { CoopRequest, RequestAttachment, User } from '../api/types';
import {
  MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS, canAttach, canRemove, formatSize, mediaTypeOf, sha256Hex,
} from '../attachments';
import { countryName, formatDateTime, formatNumber, formatPercent } from '../format';
import { ErrorBox, Loading, Notice, useLoad } from './common';
import { ConfirmDialog } from './links';

// Copies text to the clipboard; falls back to a selected textarea where the Clipboard API is missing.
async function copyText(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) {
    await navigator.clipboard.writeText(text);
    return;
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  document.execCommand('copy');
  area.remove();
}

// Saves a blob under a file name (the browser's download), from a blob: address freed afterwards.
function saveBlob(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 60000);
}

export function Sha256({ value, id, label }: { value: string; id?: string; label: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <span className="sha256">
      <code dir="ltr" lang="zxx" className="sha256-value" id={id}>
        {value}
      </code>{' '}
      <button
        type="button"
        className="btn btn-small"
        aria-label={label}
        onClick={() =>
          void copyText(value).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }
      >
        {t('attachments.copy')}
      </button>
      <span role="status" className="copy-state">
        {copied ? t('attachments.copied') : ''}
      </span>
    </span>
  );
}

type UploadState =
  | { step: 'hashing' }
  | { step: 'ready'; sha256: string }
  | { step: 'sending'; sha256: string; sent: number; total: number };

export function AttachmentsPanel({ request, user }: { request: CoopRequest; user: User }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const list = useLoad(() => api.listAttachments(request.id), [request.id]);
  const items = list.data?.items ?? [];
  const mayAttach = canAttach(request, user);
  const mayRemove = canRemove(request, user);

  const [file, setFile] = useState<File | null>(null);
  const [upload, setUpload] = useState<UploadState | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [localError, setLocalError] = useState<{ key: string; vars: Record<string, string> } | null>(null);
  // Kept untranslated, so that a change of language translates it too.
  const [done, setDone] = useState<{ key: string; name: string } | null>(null);
  const [dragging, setDragging] = useState(false);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [removing, setRemoving] = useState<RequestAttachment | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const max = formatSize(MAX_ATTACHMENT_BYTES, lang);

  const reset = () => {
    setFile(null);
    setUpload(null);
    if (inputRef.current) inputRef.current.value = '';
  };

  // A file chosen or dropped: checked locally (empty, too large), then its SHA-256 computed here.
  const choose = async (f: File | null | undefined) => {
    setError(null);
    setLocalError(null);
    setDone(null);
    if (!f) return reset();
    if (f.size === 0) {
      reset();
      return setLocalError({ key: 'attachments.emptyFile', vars: { name: f.name } });
    }
    if (f.size > MAX_ATTACHMENT_BYTES) {
      reset();
      return setLocalError({ key: 'attachments.tooLarge', vars: { name: f.name, size: formatSize(f.size, lang), max } });
    }
    setFile(f);
    setUpload({ step: 'hashing' });
    try {
      const sha256 = await sha256Hex(f);
      setUpload({ step: 'ready', sha256 });
    } catch (e) {
      setUpload(null);
      setError(e);
    }
  };

  const send = async () => {
    if (!file || upload?.step !== 'ready') return;
    const { sha256 } = upload;
    setError(null);
    setUpload({ step: 'sending', sha256, sent: 0, total: file.size });
    try {
      const saved = await api.uploadAttachment(request.id, file, {
        filename: file.name,
        mediaType: mediaTypeOf(file),
        sha256,
        onProgress: (sent, total) => setUpload({ step: 'sending', sha256, sent, total }),
      });
      reset();
      setDone({ key: saved.sha256 === sha256 ? 'attachments.uploaded' : 'attachments.uploadedOtherHash', name: saved.filename });
      list.reload();
    } catch (e) {
      setUpload({ step: 'ready', sha256 });
      setError(e);
    }
  };

  const download = async (a: RequestAttachment) => {
    setBusyId(a.id);
    setError(null);
    setLocalError(null);
    setDone(null);
    try {
      const { blob } = await api.downloadAttachment(request.id, a.id);
      // The receiving side checks the bytes it got against the SHA-256 kept since the upload.
      const got = await sha256Hex(blob);
      if (got !== a.sha256) {
        setLocalError({ key: 'attachments.corrupted', vars: { name: a.filename } });
        return;
      }
      saveBlob(blob, a.filename);
      setDone({ key: 'attachments.verified', name: a.filename });
    } catch (e) {
      setError(e);
    } finally {
      setBusyId(null);
    }
  };

  const remove = async (a: RequestAttachment) => {
    setBusyId(a.id);
    setError(null);
    setDone(null);
    try {
      await api.deleteAttachment(request.id, a.id);
      setDone({ key: 'attachments.removed', name: a.filename });
      list.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusyId(null);
      setRemoving(null);
    }
  };

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    if (!mayAttach || upload?.step === 'sending') return;
    void choose(e.dataTransfer.files?.[0]);
  };

  const who = (a: RequestAttachment) =>
    a.uploaded_by === user.id
      ? t('attachments.byYou', { country: countryName(a.uploaded_by_country, lang) })
      : countryName(a.uploaded_by_country, lang);

  return (
    <section aria-labelledby="attachments-h" className="panel attachments" id="attachments">
      <h2 id="attachments-h">
        {t('attachments.title')}
        {list.data && <span className="muted"> ({formatNumber(items.length, lang)})</span>}
      </h2>
      <p className="hint" id="attachments-note">
        {t('attachments.integrityNote')}
      </p>
      <div aria-live="polite">
        {done && <Notice kind="success">{t(done.key, { name: done.name })}</Notice>}
      </div>
      {localError && (
        <div className="alert alert-error" role="alert" id="attachment-local-error">
          {t(localError.key, localError.vars)}
        </div>
      )}
      <ErrorBox error={error} id="attachment-error" />
      <ErrorBox error={list.error} />
      {list.loading && !list.data && <Loading />}
      {list.data && items.length === 0 && (
        <p className="empty" id="attachments-empty">
          {t('attachments.none')}
        </p>
      )}
      {items.length > 0 && (
        <ul className="attachments-list" id="attachments-list">
          {items.map((a) => (
            <li key={a.id} className="attachment" data-attachment-id={a.id}>
              <div className="attachment-head">
                <span className="attachment-name">
                  <bdi dir="auto">{a.filename}</bdi>
                </span>
                <span className="attachment-actions">
                  <button
                    type="button"
                    className="btn btn-small"
                    id={`download-${a.id}`}
                    aria-label={t('attachments.downloadLabel', { name: a.filename })}
                    disabled={busyId === a.id}
                    onClick={() => void download(a)}
                  >
                    {busyId === a.id ? t('attachments.downloading') : t('attachments.download')}
                  </button>
                  {mayRemove && (
                    <button
                      type="button"
                      className="btn btn-small btn-danger"
                      id={`remove-${a.id}`}
                      aria-label={t('attachments.removeLabel', { name: a.filename })}
                      disabled={busyId === a.id}
                      onClick={() => setRemoving(a)}
                    >
                      {t('attachments.remove')}
                    </button>
                  )}
                </span>
              </div>
              <dl className="attachment-facts">
                <div>
                  <dt>{t('attachments.size')}</dt>
                  <dd className="attachment-size" title={t('attachments.bytes', { n: formatNumber(a.size, lang) })}>
                    {formatSize(a.size, lang)}
                  </dd>
                </div>
                <div>
                  <dt>{t('attachments.type')}</dt>
                  <dd>
                    <bdi dir="ltr">{a.media_type}</bdi>
                  </dd>
                </div>
                <div>
                  <dt>{t('attachments.by')}</dt>
                  <dd className="attachment-country">{who(a)}</dd>
                </div>
                <div>
                  <dt>{t('attachments.at')}</dt>
                  <dd>
                    <time dateTime={a.uploaded_at}>{formatDateTime(a.uploaded_at, lang)}</time>
                  </dd>
                </div>
              </dl>
              <div className="attachment-hash">
                <span className="attachment-hash-label">{t('attachments.sha256')}</span>{' '}
                <Sha256 value={a.sha256} label={t('attachments.copyLabel', { name: a.filename })} />
              </div>
            </li>
          ))}
        </ul>
      )}

      {mayAttach && items.length < MAX_ATTACHMENTS && (
        <div className="attachment-upload" id="attachment-upload">
          <h3 id="attachment-upload-h">{t('attachments.add')}</h3>
          <div
            className={`dropzone${dragging ? ' dropzone-active' : ''}`}
            id="attachment-dropzone"
            onDragOver={(e) => {
              e.preventDefault();
              if (!dragging) setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={onDrop}
          >
            <label htmlFor="attachment-file" className="dropzone-label">
              {t('attachments.choose')}
            </label>
            <input
              ref={inputRef}
              type="file"
              id="attachment-file"
              aria-describedby="attachment-file-hint"
              disabled={upload?.step === 'sending'}
              onChange={(e) => void choose(e.target.files?.[0])}
            />
            <p className="hint" id="attachment-file-hint">
              {dragging ? t('attachments.dropHere') : t('attachments.dropHint', { max, count: MAX_ATTACHMENTS })}
            </p>
          </div>
          {file && upload && (
            <div className="attachment-pending" id="attachment-pending">
              <dl className="attachment-facts">
                <div>
                  <dt>{t('attachments.file')}</dt>
                  <dd>
                    <bdi dir="auto">{file.name}</bdi>
                  </dd>
                </div>
                <div>
                  <dt>{t('attachments.size')}</dt>
                  <dd>{formatSize(file.size, lang)}</dd>
                </div>
              </dl>
              <div className="attachment-hash">
                <span className="attachment-hash-label">{t('attachments.localHash')}</span>{' '}
                {upload.step === 'hashing' ? (
                  <span className="muted">{t('attachments.hashing')}</span>
                ) : (
                  <Sha256 value={upload.sha256} id="attachment-local-sha256" label={t('attachments.copyLabel', { name: file.name })} />
                )}
              </div>
              <p role="status" className="upload-state" id="attachment-state" data-step={upload.step}>
                {upload.step === 'hashing' && t('attachments.hashing')}
                {upload.step === 'ready' && t('attachments.ready')}
                {upload.step === 'sending' &&
                  t('attachments.sending', {
                    percent: formatPercent(upload.total ? upload.sent / upload.total : 0, lang),
                  })}
              </p>
              {upload.step === 'sending' && (
                <progress
                  className="upload-progress"
                  max={upload.total || 1}
                  value={upload.sent}
                  aria-labelledby="attachment-state"
                />
              )}
              <div className="form-actions">
                <button
                  type="button"
                  className="btn btn-primary"
                  id="attachment-send"
                  disabled={upload.step !== 'ready'}
                  onClick={() => void send()}
                >
                  {t('attachments.send')}
                </button>
                <button type="button" className="btn" onClick={reset} disabled={upload.step === 'sending'}>
                  {t('common.cancel')}
                </button>
              </div>
            </div>
          )}
        </div>
      )}
      {/* A party's writer on a finished request: say why nothing can be attached. */}
      {!mayAttach && canAttach({ ...request, status: 'draft' }, user) && (
        <p className="muted" id="attachments-closed">
          {t('attachments.closed')}
        </p>
      )}

      {removing && (
        <ConfirmDialog
          id="attachment-dialog"
          title={t('attachments.removeTitle', { name: removing.filename })}
          confirmLabel={t('attachments.remove')}
          onConfirm={() => void remove(removing)}
          onCancel={() => setRemoving(null)}
          busy={busyId === removing.id}
          danger
        >
          <p>{t('attachments.removeText')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
