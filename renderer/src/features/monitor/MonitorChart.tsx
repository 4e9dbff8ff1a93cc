import { useTranslation } from 'react-i18next';
import type { ChartGeometry } from './chartGeometry';

/**
 * The headline figures as grouped bars (geometry from chartGeometry.ts, drawn the same way in the
 * PDF). One image with a summary as its accessible name; the table below is the source of truth.
 */
export function MonitorChart({ chart, summary }: { chart: ChartGeometry; summary: string }) {
  const { t } = useTranslation();
  const { plot } = chart;
  return (
    <figure className="monitor__chart">
      <figcaption className="monitor__chart-title">{t('monitor.chart.title')}</figcaption>
      <svg role="img" aria-label={t('monitor.chart.label', { summary })} viewBox={`0 0 ${chart.width} ${chart.height}`} className="monitor__chart-svg">
        <g aria-hidden="true">
          {chart.legend.map((entry, i) => (
            <g key={i}>
              <rect x={entry.x} y={entry.y} width={10} height={10} fill={entry.fill} />
              <text x={entry.x + 14} y={entry.y + 9} fontSize={10} fill="currentColor">{entry.label}</text>
            </g>
          ))}
          {chart.ticks.map((tick) => (
            <g key={tick.value}>
              <line x1={plot.left} x2={plot.right} y1={tick.y} y2={tick.y} stroke="currentColor" strokeOpacity={0.15} />
              <text x={plot.left - 4} y={tick.y + 3} fontSize={9} textAnchor="end" fill="currentColor">{tick.text}</text>
            </g>
          ))}
          <line x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} stroke="currentColor" />
          {chart.groups.map((group) => (
            <g key={group.id} data-figure={group.id}>
              {group.bars.map((bar) => (
                <g key={bar.period}>
                  {bar.height > 0 ? <rect x={bar.x} y={bar.y} width={bar.width} height={bar.height} fill={bar.fill} /> : null}
                  <text x={bar.textX} y={bar.textY} fontSize={9} textAnchor="middle" fill="currentColor">{bar.text}</text>
                </g>
              ))}
              {group.lines.map((line, i) => (
                <text key={i} x={line.x} y={line.y} fontSize={9} textAnchor="middle" fill="currentColor">{line.text}</text>
              ))}
            </g>
          ))}
        </g>
      </svg>
    </figure>
  );
}
