import type { PageFacts } from '../scan/facts';
import type { PictureFacts } from '../types';

/**
 * The page's facts with what its pictures showed: their identifiers and licences join the text's
 * (so every rule and list lookup treats a code from a picture as one from text), and the pictures
 * themselves, with their QR codes, for the picture rules. A code the text shows too stays the
 * text's (better evidence), counted once more.
 */
export function withPictures(facts: PageFacts, pictures: readonly PictureFacts[]): PageFacts {
  if (!pictures.length) return facts;
  const identifiers = [...facts.identifiers];
  for (const p of pictures) {
    for (const id of p.identifiers) {
      const at = identifiers.findIndex((i) => i.kind === id.kind && i.value === id.value);
      if (at < 0) identifiers.push(p.ref === undefined ? id : { ...id, ref: p.ref });
      else identifiers[at] = { ...identifiers[at]!, count: identifiers[at]!.count + 1 };
    }
  }
  const licences = pictures.flatMap((p) => (p.licence ? [p.ref === undefined ? p.licence : { ...p.licence, ref: p.ref }] : []));
  return { ...facts, identifiers, licenses: [...facts.licenses, ...licences], pictures: [...(facts.pictures ?? []), ...pictures] };
}
