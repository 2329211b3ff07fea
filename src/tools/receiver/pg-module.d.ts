// The few parts of `pg` (node-postgres 8.16.3, which ships no types) that postgres-store.ts uses.
declare module 'pg' {
  export interface QueryResult<R> {
    rows: R[];
    rowCount: number | null;
  }
  export class Pool {
    constructor(config: { connectionString: string; max?: number; connectionTimeoutMillis?: number; idleTimeoutMillis?: number });
    query<R = Record<string, unknown>>(text: string, values?: unknown[]): Promise<QueryResult<R>>;
    on(event: 'error', listener: (error: Error) => void): this;
    end(): Promise<void>;
  }
  const pg: { Pool: typeof Pool };
  export default pg;
}
