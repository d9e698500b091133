import type { CallFigures, Row } from './model.js';
import { percent } from './model.js';

// Hand-drawn SVG: four small charts of bars and lines need scales and a few rects, and a charting
// library would add 50–200 kB to one page, draw on canvas (blurry in print) or need wrapping for Preact.
const W = 640;
const H = 220;
const pad = { left: 44, right: 44, top: 24, bottom: 40 };
const plotW = W - pad.left - pad.right;
const plotH = H - pad.top - pad.bottom;

/** A round axis top: 1, 2 or 5 × 10ⁿ at or above the largest value. */
function niceMax(max: number): number {
  if (max <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  return [1, 2, 5, 10].map((m) => m * p).find((v) => v >= max)!;
}

const shortDay = (label: string) => label.slice(5);

function XLabels({ labels, step }: { labels: string[]; step: number }) {
  const every = Math.ceil(labels.length / 16);
  return (
    <g class="axis">
      {labels.map((l, i) =>
        i % every === 0 ? (
          <text x={pad.left + step * (i + 0.5)} y={H - pad.bottom + 14} text-anchor="middle">
            {shortDay(l)}
          </text>
        ) : null,
      )}
    </g>
  );
}

function PercentAxis({ x, anchor }: { x: number; anchor: 'start' | 'end' }) {
  return (
    <g class="axis">
      {[0, 0.5, 1].map((v) => (
        <text x={x} y={pad.top + plotH * (1 - v) + 4} text-anchor={anchor}>
          {v * 100}%
        </text>
      ))}
    </g>
  );
}

function Legend({ items }: { items: { cls: string; label: string; line?: boolean }[] }) {
  return (
    <g class="legend">
      {items.map((it, i) => (
        <g transform={`translate(${pad.left + i * 150}, ${H - 10})`}>
          {it.line ? <line class={it.cls} x1={0} x2={14} y1={-4} y2={-4} /> : <rect class={it.cls} width={12} height={9} y={-9} />}
          <text x={18} y={0}>
            {it.label}
          </text>
        </g>
      ))}
    </g>
  );
}

/** An axis's name and unit, above its end of the plot. */
function AxisTitle({ x, anchor, text }: { x: number; anchor: 'start' | 'end'; text: string }) {
  return (
    <text class="axis-title" x={x} y={pad.top - 10} text-anchor={anchor}>
      {text}
    </text>
  );
}

/** A rate per day as dots (a lone day has no line to draw), each with its value on hover. */
function RateDots({ rows, rate, cls, step }: { rows: Row<CallFigures>[]; rate: (r: CallFigures) => number | null; cls: string; step: number }) {
  return (
    <g>
      {rows.map((r, i) => {
        const v = rate(r);
        return v === null ? null : (
          <circle class={`dot ${cls}`} cx={pad.left + step * (i + 0.5)} cy={pad.top + plotH * (1 - v)} r={3}>
            <title>{`${r.label}: ${percent(v)}`}</title>
          </circle>
        );
      })}
    </g>
  );
}

const linePath = (values: (number | null)[], step: number) =>
  values
    .map((v, i) => (v === null ? null : `${pad.left + step * (i + 0.5)},${pad.top + plotH * (1 - v)}`))
    .reduce<string>((d, p, i, all) => (p === null ? d : `${d}${d && all[i - 1] !== null ? ' L' : ' M'}${p}`), '');

/** 呼入、接通、放弃 per day as bars, and the answer rate as a line on its own axis. */
export function CallsByDay({ rows }: { rows: Row<CallFigures>[] }) {
  const top = niceMax(Math.max(...rows.map((r) => r.offered), 0));
  const step = plotW / Math.max(rows.length, 1);
  const bar = step / 4;
  const y = (v: number) => pad.top + plotH * (1 - v / top);
  const series = [
    { cls: 'offered', get: (r: CallFigures) => r.offered },
    { cls: 'answered', get: (r: CallFigures) => r.answered },
    { cls: 'abandoned', get: (r: CallFigures) => r.abandoned },
  ];
  return (
    <svg viewBox={`0 0 ${W} ${H}`} class="chart" role="img" aria-label="每日来电 calls by day" data-testid="chart-calls">
      <g class="grid">
        {[0, 0.5, 1].map((f) => (
          <line x1={pad.left} x2={W - pad.right} y1={pad.top + plotH * (1 - f)} y2={pad.top + plotH * (1 - f)} />
        ))}
      </g>
      <g class="axis">
        {[0, top / 2, top].filter(Number.isInteger).map((v) => (
          <text x={pad.left - 6} y={y(v) + 4} text-anchor="end">
            {v}
          </text>
        ))}
      </g>
      <PercentAxis x={W - pad.right + 6} anchor="start" />
      <AxisTitle x={pad.left - 6} anchor="start" text="来电（通） calls" />
      <AxisTitle x={W - 2} anchor="end" text="接通率 answer rate" />
      {rows.map((r, i) =>
        series.map((s, j) => (
          <rect class={`bar ${s.cls}`} x={pad.left + step * i + bar * (j + 0.5)} width={bar * 0.9} y={y(s.get(r))} height={plotH - (y(s.get(r)) - pad.top)}>
            <title>{`${r.label} ${s.cls}: ${s.get(r)}`}</title>
          </rect>
        )),
      )}
      <path class="line rate" d={linePath(rows.map((r) => r.answerRate), step)} />
      <RateDots rows={rows} rate={(r) => r.answerRate} cls="rate" step={step} />
      <XLabels labels={rows.map((r) => r.label)} step={step} />
      <Legend
        items={[
          { cls: 'offered', label: '呼入 offered' },
          { cls: 'answered', label: '接通 answered' },
          { cls: 'abandoned', label: '放弃 abandoned' },
          { cls: 'rate', label: '接通率 answer rate', line: true },
        ]}
      />
    </svg>
  );
}

/** 服务水平 per day against its target line; a day without calls is a gap, not a zero. */
export function ServiceLevelTrend({ rows, seconds }: { rows: Row<CallFigures>[]; seconds: number }) {
  const step = plotW / Math.max(rows.length, 1);
  return (
    <svg viewBox={`0 0 ${W} ${H}`} class="chart" role="img" aria-label="服务水平趋势 service level trend" data-testid="chart-service-level">
      <g class="grid">
        {[0, 0.5, 1].map((f) => (
          <line x1={pad.left} x2={W - pad.right} y1={pad.top + plotH * (1 - f)} y2={pad.top + plotH * (1 - f)} />
        ))}
      </g>
      <PercentAxis x={pad.left - 6} anchor="end" />
      <AxisTitle x={pad.left - 6} anchor="start" text={`服务水平（${seconds} 秒内接通 ÷ 呼入）`} />
      <path class="line service" d={linePath(rows.map((r) => r.serviceLevel), step)} />
      <RateDots rows={rows} rate={(r) => r.serviceLevel} cls="service" step={step} />
      <XLabels labels={rows.map((r) => r.label)} step={step} />
      <Legend items={[{ cls: 'service', label: `${seconds} 秒内接通 ÷ 呼入 answered within ${seconds} s`, line: true }]} />
    </svg>
  );
}

export interface BarItem {
  label: string;
  value: number | null;
  text: string;
}

/** Horizontal bars, one per group, in the order given; `max` 1 for rates; `valueW` the room for each bar's words. */
export function Bars({ items, max, testid, label, valueW = 70 }: { items: BarItem[]; max?: number; testid: string; label: string; valueW?: number }) {
  const top = max ?? niceMax(Math.max(...items.map((i) => i.value ?? 0), 0));
  const rowH = 22;
  const labelW = 170;
  const width = W - labelW - valueW;
  const height = Math.max(items.length, 1) * rowH + 8;
  return (
    <svg viewBox={`0 0 ${W} ${height}`} class="chart bars" role="img" aria-label={label} data-testid={testid}>
      {items.length === 0 && (
        <text x={W / 2} y={18} text-anchor="middle" class="axis">
          无数据 no data
        </text>
      )}
      {items.map((it, i) => (
        <g transform={`translate(0, ${i * rowH + 4})`}>
          <text x={labelW - 8} y={14} text-anchor="end" class="bar-label">
            {it.label}
          </text>
          <rect class="track" x={labelW} width={width} height={rowH - 8} />
          {it.value !== null && <rect class={`bar ${max === 1 && it.value < 0.8 ? 'low' : 'value'}`} x={labelW} width={(width * it.value) / top} height={rowH - 8} />}
          <text x={labelW + width + 6} y={14} class="bar-value">
            {it.text}
          </text>
        </g>
      ))}
    </svg>
  );
}
