/** Colours of the province choropleths (Leaflet map and server-drawn SVG maps). */

/** Sequential shades (light to dark) for the choropleth; 0 results stay neutral. */
export const SHADES = ['#f3e6d8', '#e8c3a0', '#d9976a', '#c0623d', '#8f3320'];
export const EMPTY_FILL = '#f4f4f2';

export const shadeFor = (count: number, max: number): string => {
  if (count <= 0 || max <= 0) return EMPTY_FILL;
  const step = Math.min(SHADES.length, Math.ceil((count / max) * SHADES.length)) - 1;
  return SHADES[step] ?? EMPTY_FILL;
};
