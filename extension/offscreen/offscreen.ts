/**
 * Chrome's offscreen document (reason DOM_PARSER): where the engine scans page snapshots, since a
 * service worker has no DOMParser. It answers the engine's messages of the protocol only (the router
 * leaves every other message to the service worker, and refuses the engine's from anyone but the
 * extension itself).
 */
import { MessageRouter } from '../protocol/message-router';
import { scanSnapshotHere } from './scan-snapshot';

new MessageRouter(
  {
    async scanSnapshot({ url, snapshot }) {
      return scanSnapshotHere(snapshot, url);
    },
  },
  Promise.resolve(),
);
