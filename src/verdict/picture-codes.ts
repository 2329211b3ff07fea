import { checkUscc } from '../identifiers/checks';
import type { Identifier, PictureFacts } from '../types';

/** The credit codes a picture prints (read from it, passing their check), for the picture rules. */
export function printedCodes(picture: PictureFacts): Identifier[] {
  return picture.identifiers.filter((i) => i.kind === 'uscc' && checkUscc(i.value).length === 0);
}

/** Does the picture read as a licence (a licence record or a labelled code)? */
export const isLicencePicture = (picture: PictureFacts): boolean => picture.licence !== null || picture.identifiers.some((i) => (i.kind === 'uscc' || i.kind === 'regno') && i.label !== null);
