/**
 * The risk panel as a module of its own (dist: extension/panel/panel.js, web-accessible), imported
 * by the content script the first time the panel opens: Preact, the panel and its styles cost a
 * page nothing until then. It exports one function; its version must match the content script's
 * (both ship in the same build).
 */
import { h, render } from 'preact';
import type { MountRenderer } from './panel-host';
import { PanelApp, type PanelProps } from './panel-app';
import { PANEL_CSS } from './panel-styles';
import { makeCopy } from './clipboard';

export interface PanelModule {
  css: string;
  /** A renderer of the panel with these props; `scratch` is a node inside our shadow root (copy fallback). */
  panel(props: Omit<PanelProps, 'copy'>, scratch: () => HTMLElement | null): MountRenderer;
}

export const css = PANEL_CSS;

export function panel(props: Omit<PanelProps, 'copy'>, scratch: () => HTMLElement | null): MountRenderer {
  return {
    key: 'panel',
    render: (mount) => render(h(PanelApp, { ...props, copy: makeCopy(scratch) }), mount),
    clear: (mount) => render(null, mount),
  };
}
