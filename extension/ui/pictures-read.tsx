import { useState } from 'preact/hooks';
import type { Identifier, LicenseRecord, PictureFacts, QrCode } from '../../src/types';
import type { Locate } from './finding-card';
import { kindKey, type T } from './i18n';
import { IdLookups, type LookupContext } from './id-lookups';
import { LocateGlyph } from './icons';

/** The record's fields a licence shows, in the order the paper licence prints them (the code apart). */
const FIELDS: [keyof LicenseRecord, string][] = [
  ['type', 'fieldType'],
  ['legalRepresentative', 'fieldLegalRep'],
  ['address', 'fieldAddress'],
  ['capital', 'fieldCapital'],
  ['established', 'fieldEstablished'],
  ['validity', 'fieldValidity'],
  ['authority', 'fieldAuthority'],
];

/** A picture's name as the shopper may recognise it: its file name (the whole address in its title). */
export function shownName(picture: string): string {
  if (/^data:/i.test(picture)) return 'data:…';
  const last = picture.split(/[?#]/)[0]!.split('/').filter(Boolean).pop() ?? picture;
  let name = last;
  try {
    name = decodeURIComponent(last);
  } catch {
    // Not percent-encoded text: shown as it is.
  }
  return name.length > 48 ? `${name.slice(0, 45)}…` : name;
}

/** The registry's own host (国家企业信用信息公示系统): named as such; other official hosts by name. */
const isGsxt = (host: string) => host === 'gsxt.gov.cn' || host.endsWith('.gsxt.gov.cn');

/**
 * "从图片读到的内容": per licence picture, its name and "在页面上显示", the fields read (the code with
 * its check and its official lookups, as the page's numbers have them), what its QR codes say, and
 * "未能看清这张图片" for a picture that could not be read — never "no licence".
 */
export function PicturesRead({ pictures, locate, ...ctx }: { pictures: PictureFacts[]; locate?: Locate | undefined } & LookupContext) {
  const { t } = ctx;
  if (!pictures.length) return null;
  return (
    <section class="lz-section lz-pictures" aria-label={t('sectionPictures')}>
      <h3>{t('sectionPictures')}</h3>
      <ul class="lz-list">
        {pictures.map((p, i) => (
          <PictureRead key={`${p.picture}-${i}`} picture={p} locate={locate} {...ctx} />
        ))}
      </ul>
    </section>
  );
}

function PictureRead({ picture, locate, ...ctx }: { picture: PictureFacts; locate: Locate | undefined } & LookupContext) {
  const { t } = ctx;
  const [missing, setMissing] = useState(false);
  const name = shownName(picture.picture);
  const ref = picture.ref;
  const unreadable = picture.status === 'unreadable';
  const licence = picture.licence;
  // The codes first (the credit code before a registration number), then any other number it shows.
  const codes = [...picture.identifiers].sort((a, b) => rank(a) - rank(b));
  const printed = licence?.uscc ?? codes.find((c) => c.kind === 'uscc')?.value ?? null;
  const fields = licence ? FIELDS.flatMap(([key, label]) => (typeof licence[key] === 'string' && licence[key] ? [[label, licence[key] as string] as const] : [])) : [];
  const nothing = !unreadable && !licence?.name && !codes.length && !fields.length && !picture.qr.length;
  return (
    <li class="lz-card lz-picture" data-picture={unreadable ? 'unreadable' : picture.complete === false ? 'partial' : 'read'} aria-label={t('pictureOf', name)}>
      <div class="lz-picture-head">
        <span class="lz-picture-name" title={picture.picture}>
          {t('pictureOf', name)}
        </span>
        {locate && ref !== undefined && (
          <button type="button" class="lz-btn" data-action="locate-picture" aria-label={missing ? undefined : t('showOnPageOf', name)} disabled={missing} onClick={() => setMissing(!locate(ref))}>
            {!missing && <LocateGlyph />}
            {missing ? t('notOnPage') : t('showOnPage')}
          </button>
        )}
      </div>
      {unreadable ? (
        <>
          <p class="lz-picture-unread">{t('pictureUnreadable')}</p>
          <p class="lz-id-note">{t('pictureUnreadableNote')}</p>
        </>
      ) : (
        <>
          {nothing && <p class="lz-id-note">{t('pictureNothingRead')}</p>}
          {(licence?.name || codes.length > 0) && (
            <dl class="lz-fields">
              {licence?.name && <Field label={t('fieldName')} value={licence.name} />}
              {codes.map((id) => (
                <CodeField key={`${id.kind}-${id.value}`} id={id} company={licence?.name ?? null} {...ctx} />
              ))}
            </dl>
          )}
          {/* The QR code's result beside the code it vouches for, before the rest of the record. */}
          {picture.qr.length > 0 && (
            <ul class="lz-qr">
              {picture.qr.flatMap((qr, i) => qrLines(qr, printed, t).map((line, j) => (
                <li key={`${i}-${j}`} data-qr={line.kind}>
                  {line.text}
                </li>
              )))}
            </ul>
          )}
          {fields.length > 0 && (
            <dl class="lz-fields">
              {fields.map(([label, value]) => (
                <Field key={label} label={t(label)} value={value} />
              ))}
            </dl>
          )}
          {picture.complete === false && <p class="lz-picture-rest">{t('pictureRestReading')}</p>}
        </>
      )}
    </li>
  );
}

const rank = (id: Identifier) => (id.kind === 'uscc' ? 0 : id.kind === 'regno' ? 1 : 2);

function Field({ label, value }: { label: string; value: string }) {
  return (
    <div class="lz-field">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

/** A code read from the picture: its check (a code read unsurely is "看不清", never "wrong"), then its lookups. */
function CodeField({ id, company, ...ctx }: { id: Identifier; company: string | null } & LookupContext) {
  const { t } = ctx;
  const unclear = !id.valid && id.readSurely === false;
  return (
    <div class="lz-field lz-field-code" data-kind={id.kind}>
      <dt>{t(kindKey(id.kind))}</dt>
      <dd>
        <span class="lz-id-value">{id.value}</span>{' '}
        <span class="lz-check" data-valid={unclear ? 'unclear' : String(id.valid)}>
          {id.valid ? t('valid') : unclear ? t('pictureCodeUnclear') : `✗ ${t('invalid')}`}
        </span>
        <IdLookups id={id} company={company} {...ctx} />
      </dd>
    </div>
  );
}

/** What one QR code says, in the shopper's words: where it leads, and the code it carries against the printed one. */
function qrLines(qr: QrCode, printed: string | null, t: T): { kind: string; text: string }[] {
  if (!qr.host) return [{ kind: 'text', text: t('qrText', qr.text.length > 80 ? `${qr.text.slice(0, 77)}…` : qr.text) }];
  if (!qr.official) return [{ kind: 'lookalike', text: t('qrNotOfficial', qr.host) }];
  const where = { kind: 'official', text: isGsxt(qr.host) ? t('qrGsxt') : t('qrOfficial', qr.host) };
  if (!qr.code) return [where];
  if (!printed) return [where, { kind: 'code', text: t('qrCodeOnly', qr.code) }];
  return [where, qr.code === printed ? { kind: 'same', text: t('qrCodeSame', qr.code) } : { kind: 'differs', text: t('qrCodeDiffers', qr.code, printed) }];
}
