/**
 * Viewers draw on canvases, which CSS cannot recolour: they read the theme's plot palette and
 * redraw when the app announces a theme change (THEME_CHANGED on window).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { plotPalette, type PlotPalette, type ThemeName } from '../../render/palette';
import { cssVar } from './canvas-size';

export const THEME_CHANGED = 'sg-theme-changed';

/** The theme in force where `element` sits (the app sets --sg-theme with its colours). */
export function themeAt(element: Element): ThemeName {
  return cssVar(element, '--sg-theme', 'light') === 'dark' ? 'dark' : 'light';
}

export function paletteAt(element: Element): PlotPalette {
  return plotPalette(themeAt(element));
}

/** Re-renders its host whenever the theme changes. */
export class ThemeRedraw implements ReactiveController {
  private readonly onChange = () => this.host.requestUpdate();

  constructor(private readonly host: ReactiveControllerHost & EventTarget) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener(THEME_CHANGED, this.onChange);
  }

  hostDisconnected(): void {
    window.removeEventListener(THEME_CHANGED, this.onChange);
  }
}
