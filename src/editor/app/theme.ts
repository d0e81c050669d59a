/** The two themes as CSS custom properties; they inherit into every shadow root below the app. */
import { css } from 'lit';

export const themeStyles = css`
  :host {
    --sg-font: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
    --sg-mono: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
    --sg-radius: 8px;
    /* Canvases read this to pick their plot palette (src/render/palette.ts). */
    --sg-theme: light;
    --sg-bg: #f5f6f8;
    --sg-grid: #d5d9df;
    --sg-surface: #ffffff;
    --sg-surface-2: #f2f4f7;
    --sg-border: #d6dae0;
    --sg-text: #1d2127;
    --sg-muted: #5f6b7a;
    --sg-accent: #2563eb;
    --sg-accent-soft: #dbe7ff;
    --sg-danger: #c62828;
    --sg-danger-soft: #fde8e8;
    /* Stop: white text on these stays above 4.5:1 in both themes, hovered or not. */
    --sg-stop: #c62828;
    --sg-stop-hover: #a61f1f;
    --sg-warn: #a15c00;
    --sg-warn-soft: #fff3d6;
    --sg-ok: #15803d;
    --sg-shadow: 0 1px 2px rgb(16 24 40 / 0.08), 0 2px 8px rgb(16 24 40 / 0.06);
    --sg-shadow-lg: 0 8px 28px rgb(16 24 40 / 0.18);
    --sg-focus: 0 0 0 2px var(--sg-accent);
    color-scheme: light;
  }
  :host([theme='dark']) {
    --sg-theme: dark;
    --sg-bg: #14161a;
    --sg-grid: #2b3038;
    --sg-surface: #1e2126;
    --sg-surface-2: #272b32;
    --sg-border: #383e48;
    --sg-text: #e5e8ec;
    --sg-muted: #9ba5b2;
    --sg-accent: #6b9bff;
    --sg-accent-soft: #1f3160;
    --sg-danger: #ff7a7a;
    --sg-danger-soft: #47202a;
    --sg-stop: #b91c1c;
    --sg-stop-hover: #991b1b;
    --sg-warn: #f0b44c;
    --sg-warn-soft: #3d3015;
    --sg-ok: #4ade80;
    --sg-shadow: 0 1px 2px rgb(0 0 0 / 0.4), 0 2px 10px rgb(0 0 0 / 0.3);
    --sg-shadow-lg: 0 10px 30px rgb(0 0 0 / 0.55);
    color-scheme: dark;
  }
`;

/** A colour per node category; unknown categories get a stable hue from their name. */
const CATEGORY_COLORS: Record<string, string> = {
  Data: '#3b82f6',
  Noise: '#f59e0b',
  Model: '#8b5cf6',
  Score: '#a855f7',
  Loss: '#ef4444',
  Train: '#ef4444',
  Optim: '#10b981',
  Sample: '#06b6d4',
  Mask: '#64748b',
  View: '#14b8a6',
};

export function categoryColor(category: string): string {
  const known = CATEGORY_COLORS[category];
  if (known) return known;
  let hash = 0;
  for (const ch of category) hash = (hash * 31 + ch.charCodeAt(0)) | 0;
  return `hsl(${Math.abs(hash) % 360} 60% 50%)`;
}
