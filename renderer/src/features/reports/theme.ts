/**
 * Chart colours from the app's CSS variables, so uPlot's canvas follows the light and dark
 * themes; re-read when the theme attribute or the system's scheme changes.
 */
import { useEffect, useState } from 'react';

export type ChartColors = {
  readonly text: string;
  readonly muted: string;
  readonly grid: string;
  readonly series: readonly string[];
};

function read(): ChartColors {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    text: v('--text', '#15191e'),
    muted: v('--muted', '#5b6572'),
    grid: v('--border', '#dfe3e8'),
    series: [
      v('--accent', '#0a7d44'),
      v('--sender-2', '#303f9f'),
      v('--sender-6', '#b34700'),
      v('--sender-1', '#7b1fa2'),
    ],
  };
}

export function useChartColors(): ChartColors {
  const [colors, setColors] = useState(read);
  useEffect(() => {
    const update = () => setColors(read());
    const observer = new MutationObserver(update);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'class'] });
    const scheme = window.matchMedia?.('(prefers-color-scheme: dark)');
    scheme?.addEventListener('change', update);
    return () => {
      observer.disconnect();
      scheme?.removeEventListener('change', update);
    };
  }, []);
  return colors;
}
