import { afterAll, beforeAll } from 'vitest';
import { startFixtureServer, type DynamicPage, type FixtureServer } from '../harness/fixture-server';

/** The fixture pages served on 127.0.0.1 for the enclosing describe (started once, closed after). */
export function useFixtureServer(dynamic: Record<string, (url: URL) => DynamicPage> = {}): () => FixtureServer {
  let server: FixtureServer | null = null;
  beforeAll(async () => {
    server = await startFixtureServer(dynamic);
  });
  afterAll(async () => {
    await server?.close();
    server = null;
  });
  return () => {
    if (!server) throw new Error('no fixture server here: call it inside a test');
    return server;
  };
}
