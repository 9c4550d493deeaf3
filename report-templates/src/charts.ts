import { formatEuro, formatInteger } from './format.ts';
import { escapeXml, rasteriseSvg, type PreparedImage } from './images.ts';

export type BarSeries = { label: string; colour: string; values: number[] };
export type BarChart = {
  title: string;
  categories: string[];
  series: BarSeries[];
  /** Bars of one category side by side (compare years) or end to end (parts of a whole). */
  layout: 'grouped' | 'stacked';
  unit: 'euro' | 'people';
};

const WIDTH = 800;
const LABEL_WIDTH = 250;
const VALUE_WIDTH = 150;
const BAR_HEIGHT = 22;
const FONT = 'font-family="DejaVu Sans"';

const formatValue = (value: number, unit: BarChart['unit']): string =>
  unit === 'euro' ? formatEuro(Math.round(value)).replace(/,00(?=\s€)/, '') : formatInteger(value);

const wrap = (text: string, width: number): string[] => {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && (line + ' ' + word).length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.slice(0, 2);
};

/** Draws a horizontal bar chart as SVG: a category per row, a legend when there is more than one series. */
export const barChartSvg = (chart: BarChart): string => {
  const barsPerRow = chart.layout === 'grouped' ? chart.series.length : 1;
  const rowHeight = barsPerRow * BAR_HEIGHT + 18;
  const top = 50 + (chart.series.length > 1 ? 26 : 0);
  const height = top + chart.categories.length * rowHeight + 10;
  const rowTotals = chart.categories.map((_, row) =>
    chart.layout === 'stacked'
      ? chart.series.reduce((sum, series) => sum + (series.values[row] ?? 0), 0)
      : Math.max(...chart.series.map((series) => series.values[row] ?? 0)),
  );
  const max = Math.max(1, ...rowTotals);
  const scale = (WIDTH - LABEL_WIDTH - VALUE_WIDTH - 20) / max;
  const parts: string[] = [
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    `<text x="0" y="24" ${FONT} font-size="18" font-weight="bold" fill="#1d3b33">${escapeXml(chart.title)}</text>`,
  ];
  if (chart.series.length > 1) {
    let x = 0;
    for (const series of chart.series) {
      parts.push(`<rect x="${x}" y="40" width="14" height="14" fill="${series.colour}"/>`);
      parts.push(`<text x="${x + 20}" y="52" ${FONT} font-size="13" fill="#333333">${escapeXml(series.label)}</text>`);
      x += 40 + series.label.length * 8;
    }
  }
  chart.categories.forEach((category, row) => {
    const y = top + row * rowHeight;
    const lines = wrap(category, 30);
    const labelY = y + (barsPerRow * BAR_HEIGHT) / 2 + 5 - (lines.length - 1) * 8;
    lines.forEach((line, index) =>
      parts.push(
        `<text x="${LABEL_WIDTH - 10}" y="${labelY + index * 16}" ${FONT} font-size="13" text-anchor="end" fill="#333333">${escapeXml(line)}</text>`,
      ),
    );
    let stackX = LABEL_WIDTH;
    chart.series.forEach((series, index) => {
      const value = series.values[row] ?? 0;
      const barWidth = Math.max(value > 0 ? 2 : 0, value * scale);
      if (chart.layout === 'grouped') {
        const barY = y + index * BAR_HEIGHT;
        parts.push(
          `<rect x="${LABEL_WIDTH}" y="${barY}" width="${barWidth.toFixed(1)}" height="${BAR_HEIGHT - 4}" fill="${series.colour}"/>`,
        );
        parts.push(
          `<text x="${(LABEL_WIDTH + barWidth + 6).toFixed(1)}" y="${barY + 14}" ${FONT} font-size="12" fill="#333333">${escapeXml(formatValue(value, chart.unit))}</text>`,
        );
      } else {
        parts.push(
          `<rect x="${stackX.toFixed(1)}" y="${y}" width="${barWidth.toFixed(1)}" height="${BAR_HEIGHT - 4}" fill="${series.colour}"/>`,
        );
        stackX += barWidth;
      }
    });
    if (chart.layout === 'stacked') {
      parts.push(
        `<text x="${(stackX + 6).toFixed(1)}" y="${y + 14}" ${FONT} font-size="12" fill="#333333">${escapeXml(formatValue(rowTotals[row] ?? 0, chart.unit))}</text>`,
      );
    }
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}">${parts.join('')}</svg>`;
};

export const drawBarChart = (chart: BarChart, alt: string): Promise<PreparedImage> =>
  rasteriseSvg(barChartSvg(chart), alt);
