/**
 * Content-script entry on the registries' own hosts only (manifest: exact https hosts of
 * src/registries/hosts.ts): reads the result page the shopper reached and hands the reading to the
 * worker, which keeps it only for a shop tab that asked (src/registries/accept-reading.ts). Shows
 * nothing on the registry page and sends nothing anywhere else.
 */
import { extensionAlive } from '../browser/native-api';
import { send } from '../protocol/send';
import { RegistryWatch } from './registry-watch';

const watch = new RegistryWatch(document, (url, reading) => {
  if (!extensionAlive()) return watch.stop();
  send('submitRegistryReading', { url, reading }).then(
    ({ accepted, reason }) => {
      // Said in the tab's console for whoever wonders why a lookup did not count (e2e: registry.e2e.test.ts).
      if (!accepted) console.debug(`[liangzhao] registry reading not taken: ${reason}`);
    },
    (error: unknown) => {
      if (!extensionAlive()) watch.stop();
      else console.debug('[liangzhao] registry reading not taken:', error);
    },
  );
});
