import { describe, expect, it } from 'vitest';
import { attributeTrace, type TraceEvent } from '../../scripts/trace-attribution.mjs';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const URL = `chrome-extension://${ID}/extension/content/content-script.js`;
const WORLD = 'Liangzhao Guard';
/** A complete event on the page's main thread; times in ms, thread time half the wall time. */
const x = (name: string, at: number, ms: number, args: Record<string, unknown> = {}): TraceEvent => ({ name, ph: 'X', pid: 1, tid: 1, ts: at * 1000, dur: ms * 1000, tdur: ms * 500, args });
const task = (at: number, ms: number) => x('RunTask', at, ms);
const instant = (name: string, at: number): TraceEvent => ({ name, ph: 'I', pid: 1, tid: 1, ts: at * 1000 });

describe('attributeTrace', () => {
  it('adds up our script, our messages and the frames only we invalidated; the page keeps the rest', () => {
    const events: TraceEvent[] = [
      // The page's own parse, an invalidation of its own and the frame for it: not ours.
      task(0, 50),
      x('ParseHTML', 1, 40),
      instant('ScheduleStyleRecalculation', 2),
      task(60, 30),
      x('WebFrameWidgetImpl::UpdateLifecycle', 60, 29),
      // Our evaluation: 8 ms wall.
      task(100, 9),
      x('EvaluateScript', 100, 8, { data: { url: URL } }),
      x('v8.compile', 100, 2, { fileName: URL, worldName: WORLD }),
      x('v8.run', 102, 6, { fileName: URL, worldName: WORLD }),
      // An idle slice of ours that inserts the host: 12 ms.
      task(120, 12.5),
      x('FireIdleCallback', 120, 12.2),
      x('v8.callFunction', 120, 12, { worldName: WORLD }),
      instant('ScheduleStyleRecalculation', 125),
      // The frame that draws it: 4 ms, ours.
      task(140, 4),
      x('WebFrameWidgetImpl::UpdateLifecycle', 140, 4),
      // The service worker's answer and what our promise continuations do with it: 2 ms.
      task(150, 2),
      x('Receive mojo message', 150, 0.5, { chrome_mojo_event_info: { mojo_interface_tag: 'extensions.mojom.MessagePort' } }),
      x('RunMicrotasks', 150.5, 1.5),
      // A page script's own timer: not ours.
      task(160, 3),
      x('v8.callFunction', 160, 3, { worldName: '' }),
    ];
    const wall = attributeTrace(events, ID, 'wall')!;
    expect(wall.script).toBeCloseTo(8 + 12);
    expect(wall.messaging).toBeCloseTo(2);
    expect(wall.rendering).toBeCloseTo(4);
    expect(wall.total).toBeCloseTo(26);
    expect(wall.longest).toBeCloseTo(12);
    expect(wall.mixedRendering).toBe(0);
    expect(attributeTrace(events, ID)!.total).toBeCloseTo(13); // thread time
  });

  it("charges us the frame for DOM changes made in a message delivery (our answer's continuation)", () => {
    const events = [
      task(0, 2),
      x('v8.run', 0, 1, { fileName: URL, worldName: WORLD }),
      task(10, 3),
      x('Receive mojo message', 10, 0.5, { chrome_mojo_event_info: { mojo_interface_tag: 'extensions.mojom.MessagePort' } }),
      x('RunMicrotasks', 10.5, 2.5),
      instant('ScheduleStyleRecalculation', 12),
      task(20, 6),
      x('WebFrameWidgetImpl::UpdateLifecycle', 20, 6),
    ];
    const r = attributeTrace(events, ID, 'wall')!;
    expect(r.messaging).toBeCloseTo(3);
    expect(r.rendering).toBeCloseTo(6);
    expect(r.total).toBeCloseTo(1 + 3 + 6);
  });

  it('does not charge us a frame the page also asked for, and says so', () => {
    const events = [
      task(0, 10),
      x('v8.callFunction', 0, 10, { worldName: WORLD }),
      x('v8.run', 0, 1, { fileName: URL, worldName: WORLD }),
      instant('ScheduleStyleRecalculation', 5),
      instant('InvalidateLayout', 15),
      task(20, 6),
      x('WebFrameWidgetImpl::UpdateLifecycle', 20, 6),
    ];
    const r = attributeTrace(events, ID, 'wall')!;
    expect(r.rendering).toBe(0);
    expect(r.mixedRendering).toBeCloseTo(6);
  });

  it("leaves Chrome's own page-text capture out of a frame we caused", () => {
    const events = [
      task(0, 2),
      x('v8.callFunction', 0, 2, { worldName: WORLD }),
      x('v8.run', 0, 1, { fileName: URL, worldName: WORLD }),
      instant('ScheduleStyleRecalculation', 1),
      task(10, 25),
      x('WebFrameWidgetImpl::UpdateLifecycle', 10, 25),
      x('ChromeRenderFrameObserver::CapturePageText', 14, 20),
    ];
    expect(attributeTrace(events, ID, 'wall')!.rendering).toBeCloseTo(5);
  });

  it('is null when our content script never ran', () => {
    expect(attributeTrace([task(0, 5)], ID)).toBeNull();
  });
});
