/** Types of trace-attribution.mjs (for its unit test). */
export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: Record<string, unknown>;
}
export interface Attribution {
  total: number;
  longest: number;
  script: number;
  messaging: number;
  rendering: number;
  mixedRendering: number;
}
export const TRACE_CATEGORIES: string[];
export function attributeTrace(events: TraceEvent[], extensionId: string, clock?: 'thread' | 'wall'): Attribution | null;
