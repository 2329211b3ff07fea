/**
 * Chrome's offscreen document (reason DOM_PARSER): where the engine scans page snapshots, since a
 * service worker has no DOMParser, and where licence pictures are read (the OCR models load once and
 * stay warm while the document lives). It answers the engine's messages of the protocol only (the
 * router leaves every other message to the service worker, and refuses the engine's from anyone but
 * the extension itself).
 */
import { MessageRouter } from '../protocol/message-router';
import { PictureEngine } from './picture-engine';
import { scanSnapshotHere } from './scan-snapshot';

const pictures = new PictureEngine();
// The bench reads the reader's timings here (tests/bench/ocr-bench.ts); nothing else does.
(globalThis as { liangzhaoPictures?: PictureEngine }).liangzhaoPictures = pictures;

new MessageRouter(
  {
    async scanSnapshot({ url, snapshot }) {
      return scanSnapshotHere(snapshot, url);
    },
    async readPictures({ pictures: inputs }) {
      return { pictures: await pictures.read(inputs) };
    },
    async pictureEngineStatus() {
      return pictures.status;
    },
  },
  Promise.resolve(),
);
