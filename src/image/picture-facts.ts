/** A picture's facts (types.ts holds them: the scan result carries them across messages). */
export type { PictureFacts, QrCode } from '../types';
