// Each chart as a view of API data: the ECharts option, a text alternative, the table behind it and the
// CSV to download. No drawing here: ECharts draws (bars, lines, scatter, and its custom series for the
// Gantt's bars), this module only says what to draw.
import * as echarts from '/webjars/echarts/5.3.1/dist/echarts.esm.min.js';
import * as f from './format.js';

/** Chart colours, each at least 3:1 against white. */
export const colour = {
  blue: '#1f5fa8', orange: '#b4540a', green: '#2e7d32', red: '#b3261e', purple: '#6a3d9a', grey: '#68717d',
  teal: '#0f766e', bind: '#a33a0a', ink: '#1c2430', muted: '#4a5563', rule: '#d9dde3',
};
const SUPPLY_COLOUR = { fabs: colour.blue, capital: colour.teal, talent: colour.purple, deliverable: colour.ink };

const axisText = { color: colour.muted, fontSize: 12 };

/**
 * Patterns, so that no meaning rests on colour alone (the legend shows them too): hatched is "not yet",
 * "projected" or "the other case", dotted is "demand".
 */
export const pattern = {
  // A new object for each use: ECharts marks the one it is given as drawn.
  hatch: () => ({ symbol: 'rect', symbolSize: 1, dashArrayX: [1, 0], dashArrayY: [2, 4], rotation: -Math.PI / 4, color: 'rgba(255, 255, 255, 0.75)' }),
  dots: () => ({ symbol: 'circle', symbolSize: 0.8, dashArrayX: [[0, 3, 3, 0], [3, 3]], dashArrayY: [3, 3], color: 'rgba(255, 255, 255, 0.8)' }),
};

function base(extra) {
  return {
    animation: false,
    textStyle: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif', color: colour.ink },
    tooltip: { confine: true, enterable: true, className: 'chart-tip', borderColor: colour.rule, textStyle: { color: colour.ink } },
    ...extra,
  };
}

function valueAxis(name, extra = {}) {
  return { type: 'value', name, nameLocation: 'middle', nameGap: 28, nameTextStyle: axisText, axisLabel: axisText,
    splitLine: { lineStyle: { color: '#eceef2' } }, ...extra };
}

/**
 * A legend that wraps onto as many lines as the width needs (a paged legend hides entries on a phone), and
 * the height it takes, for the grid below it. Entry width: symbol, gap and text at about 6.7 px a character.
 */
function legend(names, width) {
  let rows = 1, x = 0;
  for (const name of names) {
    const w = 25 + 5 + name.length * 6.7 + 10;
    if (x > 0 && x + w > width - 16) { rows++; x = 0; }
    x += w;
  }
  return { option: { type: 'plain', top: 0, left: 'center', itemGap: 10, textStyle: { color: colour.ink, fontSize: 12 }, data: names },
    height: rows * 22 };
}

/** A row of a table: cells as text, or {text, href} for a link, or {text, num: true}. */
const link = (text, href) => ({ text, href });
const num = text => ({ text, num: true });

function sourcesHtml(sources) {
  return (sources ?? []).filter(Boolean).map(source => f.linkHtml(source.url, source.title)).join('; ');
}

// ---------------------------------------------------------------------------------------------------
// Each supply in fabs' worth, P10-P90 with the P50.

export function constraintsView(answer, width) {
  const nameplate = answer.plan.nameplateWpm;
  const rows = [
    { name: 'deliverable', label: 'deliverable (the smallest, per sample)', fabsWorth: answer.deliverable?.fabsWorth,
      wpm: answer.deliverable?.wpm, central: answer.centralPath.deliverableWpm },
    ...answer.constraints.map(c => ({ name: c.name, label: c.label, fabsWorth: c.fabsWorth, wpm: c.wpm, central: c.centralWpm,
      reason: c.reason })),
  ];
  const band = row => row.fabsWorth ?? { p10: row.central / nameplate, p50: row.central / nameplate, p90: row.central / nameplate };
  const binding = answer.binding?.constraint;
  const categories = rows.map(row => row.name);
  const option = base({
    grid: { left: 90, right: 24, top: 10, bottom: 44 },
    xAxis: valueAxis(width < 560 ? "fabs' worth by the horizon" : "fabs' worth by the horizon (P10–P90, dot: P50)", { min: 0 }),
    yAxis: { type: 'category', data: categories, inverse: true, axisTick: { show: false },
      axisLabel: { ...axisText, fontSize: 13, formatter: name => (name === binding ? `${name}\n(binding)` : name) } },
    tooltip: { ...base().tooltip, trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: params => {
      const row = rows[params[0].dataIndex];
      const b = band(row);
      return `<div class="tip"><b>${f.escape(row.name)}</b>: ${f.escape(row.label)}<br>P50 ${f.fabs(b.p50)} fabs' worth `
        + `(P10 ${f.fabs(b.p10)} – P90 ${f.fabs(b.p90)})<br>${f.escape(f.wpm(row.wpm?.p50 ?? row.central))} at P50`
        + (row.reason ? `<br>${f.escape(row.reason)}` : '') + '</div>';
    } },
    series: [
      { type: 'bar', stack: 'band', silent: true, itemStyle: { color: 'transparent' }, data: rows.map(row => band(row).p10), barWidth: 18 },
      { type: 'bar', stack: 'band', name: 'P10–P90', barWidth: 18,
        data: rows.map(row => ({ value: band(row).p90 - band(row).p10,
          itemStyle: { color: row.name === binding ? colour.bind : SUPPLY_COLOUR[row.name] ?? colour.blue, opacity: 0.85 } })) },
      { type: 'scatter', name: 'P50', symbol: 'diamond', symbolSize: 14, itemStyle: { color: '#fff', borderColor: colour.ink, borderWidth: 2 },
        data: rows.map((row, i) => [band(row).p50, i]) },
    ],
  });
  const alt = `Each supply in fabs' worth by the horizon, P50 with P10 to P90: `
    + rows.map(row => `${row.name} ${f.fabs(band(row).p50)} (${f.fabs(band(row).p10)} to ${f.fabs(band(row).p90)})`).join('; ')
    + (binding ? `. Binding: ${binding}.` : '.');
  const columns = ['supply', "P10 (fabs' worth)", "P50 (fabs' worth)", "P90 (fabs' worth)", 'P50 (wpm)', 'median path (wpm)', 'reason'];
  const table = { columns, numeric: [1, 2, 3, 4, 5], rows: rows.map(row => [row.name, f.fabs(band(row).p10), f.fabs(band(row).p50),
    f.fabs(band(row).p90), f.integer(row.wpm?.p50), f.integer(row.central), row.reason ?? 'min(fabs, capital, talent) in each sample']) };
  const csv = { columns: ['supply', 'fabs_worth_p10', 'fabs_worth_p50', 'fabs_worth_p90', 'wpm_p10', 'wpm_p50', 'wpm_p90', 'central_path_wpm', 'reason'],
    rows: rows.map(row => [row.name, row.fabsWorth?.p10, row.fabsWorth?.p50, row.fabsWorth?.p90, row.wpm?.p10, row.wpm?.p50, row.wpm?.p90,
      row.central, row.reason ?? '']) };
  return { option, alt, table, csv, keys: { seriesIndex: 2, count: rows.length }, height: 44 + rows.length * 44 };
}

// ---------------------------------------------------------------------------------------------------
// The answer over news time.

/** The API call for the answer on the facts known on a day. */
const asOf = day => `/api/v1/feasibility?asOf=${day}`;

/** The days that moved the deliverable P50 (or the probability) most, largest first. */
export function movers(points, limit = 6) {
  const moves = points.map((point, i) => {
    const before = i === 0 ? null : points[i - 1];
    return {
      point, index: i,
      deltaFabs: point.deliverableFabsWorth.p50 - (before ? before.deliverableFabsWorth.p50 : 0),
      deltaProbability: point.probability - (before ? before.probability : 0),
    };
  });
  const size = move => Math.abs(move.deltaFabs) + 10 * Math.abs(move.deltaProbability);
  return moves.filter(move => size(move) >= 0.05).sort((a, b) => size(b) - size(a) || a.index - b.index).slice(0, limit);
}

export function historyView(points, answer, width) {
  const narrow = width < 560;
  const byDay = new Map(points.map((point, i) => [f.epochDay(point.on), { point, i }]));
  const moved = movers(points);
  const movedAt = new Map(moved.map(move => [move.index, move]));
  const p = key => points.map(point => [point.on, point.deliverableFabsWorth[key]]);
  const today = answer?.deliverable ? [{ value: [answer.evaluatedOn, answer.deliverable.fabsWorth.p50] }] : [];
  const key = legend(["deliverable P50 (fabs' worth)", 'P10–P90', 'probability of the plan', 'moved it most', 'today'], width);
  const option = base({
    grid: { left: 48, right: 48, top: key.height + 22, bottom: narrow ? 62 : 54 },
    legend: key.option,
    xAxis: { type: 'time', axisLabel: { ...axisText, hideOverlap: true }, axisPointer: { snap: true },
      name: 'news date', nameLocation: 'middle', nameGap: 28, nameTextStyle: axisText, splitLine: { show: false } },
    yAxis: [
      valueAxis("fabs' worth", { min: 0, nameGap: 30 }),
      valueAxis('probability', { min: 0, max: 1, position: 'right', nameGap: 36, splitLine: { show: false },
        axisLabel: { ...axisText, formatter: value => `${Math.round(100 * value)}%` } }),
    ],
    dataZoom: [{ type: 'inside', filterMode: 'none' }],
    tooltip: { ...base().tooltip, trigger: 'axis', formatter: params => {
      const found = byDay.get(params[0].axisValue) ?? byDay.get(f.epochDay(f.isoDay(params[0].axisValue)));
      if (!found) {
        return answer ? `<div class="tip"><b>Today, ${f.escape(f.day(answer.evaluatedOn))}</b><br>${f.escape(answer.headline)}</div>` : '';
      }
      const { point, i } = found;
      const move = movedAt.get(i);
      const news = point.news.map((item, n) => `<li>${f.escape(item)}${point.sources?.[n] ? ` — source: ${sourcesHtml([point.sources[n]])}` : ''}</li>`).join('');
      const more = point.facts > point.news.length ? `<li>and ${point.facts - point.news.length} more</li>` : '';
      return `<div class="tip"><b>${f.escape(f.day(point.on))}</b>`
        + (move ? ` · moved the deliverable ${f.signed(move.deltaFabs)} fabs' worth` : '')
        + `<br>deliverable P50 ${f.fabs(point.deliverableFabsWorth.p50)} fabs' worth (P10 ${f.fabs(point.deliverableFabsWorth.p10)} – P90 `
        + `${f.fabs(point.deliverableFabsWorth.p90)}) · probability ${f.probability(point.probability)} · binding: ${f.escape(point.binding)}`
        + `<br>News that day (${point.facts} fact${point.facts === 1 ? '' : 's'}):<ul>${news}${more}</ul>`
        + `<a href="${f.escape(asOf(point.on))}" target="_blank" rel="noopener">The full answer on that day</a></div>`;
    } },
    // z and zlevel on the lines without symbols: without them, ECharts 5.3.1 warns "z / z2 / zlevel of displayable is invalid" on the
    // first hover, when it draws the hovered point of such a line.
    series: [
      { name: 'P10', type: 'line', step: 'end', stack: 'band', symbol: 'none', z: 2, zlevel: 0, lineStyle: { opacity: 0 }, data: p('p10'), silent: true,
        tooltip: { show: false } },
      { name: 'P10–P90', type: 'line', step: 'end', stack: 'band', symbol: 'none', z: 2, zlevel: 0, lineStyle: { opacity: 0 },
        areaStyle: { color: 'rgba(31, 95, 168, 0.2)' }, itemStyle: { color: 'rgba(31, 95, 168, 0.35)' }, silent: true,
        data: points.map(point => [point.on, point.deliverableFabsWorth.p90 - point.deliverableFabsWorth.p10]) },
      { name: "deliverable P50 (fabs' worth)", type: 'line', step: 'end', symbol: 'circle', symbolSize: 4, showSymbol: true,
        lineStyle: { color: colour.blue, width: 2.5 }, itemStyle: { color: colour.blue }, data: p('p50') },
      { name: 'probability of the plan', type: 'line', step: 'end', yAxisIndex: 1, symbol: 'none', z: 2, zlevel: 0,
        lineStyle: { color: colour.orange, width: 2, type: 'dashed' }, itemStyle: { color: colour.orange },
        data: points.map(point => [point.on, point.probability]) },
      { name: 'moved it most', type: 'scatter', symbolSize: 13, z: 5, itemStyle: { color: colour.bind, borderColor: '#fff', borderWidth: 2 },
        data: moved.map(move => ({ value: [move.point.on, move.point.deliverableFabsWorth.p50], name: move.point.on })) },
      { name: 'today', type: 'scatter', symbol: 'diamond', symbolSize: 14, z: 4,
        itemStyle: { color: '#fff', borderColor: colour.ink, borderWidth: 2 }, data: today },
    ],
  });
  const first = points[0], last = points[points.length - 1];
  const alt = points.length === 0 ? 'No facts with a news date yet.'
    : `The answer over ${points.length} news dates from ${f.day(first.on)} to ${f.day(last.on)}: deliverable P50 from `
      + `${f.fabs(first.deliverableFabsWorth.p50)} to ${f.fabs(last.deliverableFabsWorth.p50)} fabs' worth, probability from `
      + `${f.probability(first.probability)} to ${f.probability(last.probability)}. Moved most on: `
      + moved.map(move => `${f.day(move.point.on)} (${f.signed(move.deltaFabs)}: ${move.point.news[0] ?? ''})`).join('; ') + '.';
  const table = { columns: ['news date', 'probability', "P10 (fabs' worth)", "P50 (fabs' worth)", "P90 (fabs' worth)", 'binding', 'facts', 'news',
    'the answer that day'], numeric: [1, 2, 3, 4, 6],
    rows: points.map(point => [point.on, f.probability(point.probability), f.fabs(point.deliverableFabsWorth.p10),
      f.fabs(point.deliverableFabsWorth.p50), f.fabs(point.deliverableFabsWorth.p90),
      `${point.binding} (${f.probability(point.bindingFrequency)})`, String(point.facts), point.news.join('; '), link('?asOf', asOf(point.on))]) };
  const csv = { columns: ['news_date', 'probability', 'deliverable_fabs_worth_p10', 'deliverable_fabs_worth_p50', 'deliverable_fabs_worth_p90',
    'binding', 'binding_frequency', 'facts', 'news', 'sources'],
    rows: points.map(point => [point.on, point.probability, point.deliverableFabsWorth.p10, point.deliverableFabsWorth.p50,
      point.deliverableFabsWorth.p90, point.binding, point.bindingFrequency, point.facts, point.news.join(' | '),
      (point.sources ?? []).map(source => source ? source.url : '').join(' | ')]) };
  return { option, alt, table, csv, moved, keys: { seriesIndex: 2, count: points.length }, height: (narrow ? 330 : 380) + key.height };
}

// ---------------------------------------------------------------------------------------------------
// The fab timeline: a Gantt drawn with ECharts' custom series (bars) and scatter (dates).

function gantBar(params, api, stroke) {
  const row = api.value(0);
  const start = api.coord([api.value(1), row]);
  const end = api.coord([api.value(2), row]);
  const thin = api.value(3) === 1;
  const height = api.size([0, 1])[1] * (thin ? 0.18 : 0.46);
  const shape = echarts.graphic.clipRectByRect(
    { x: start[0], y: start[1] - height / 2, width: Math.max(1, end[0] - start[0]), height },
    { x: params.coordSys.x, y: params.coordSys.y, width: params.coordSys.width, height: params.coordSys.height });
  return shape && { type: 'rect', transition: [], shape, style: stroke ? { ...api.style(), ...stroke } : api.style() };
}

export function fabsView(inputs, width) {
  const narrow = width < 560;
  const fabs = inputs.fabs;
  const ramp = inputs.build.rampMonths;
  const horizon = inputs.horizon;
  const startOf = fab => fab.actualProductionDate ?? (fab.counted === 'counted' ? fab.expectedStart : fab.plannedProductionDate);
  const dates = fabs.flatMap(fab => [fab.originalProductionDate, fab.plannedProductionDate, fab.actualProductionDate, fab.expectedStart])
    .filter(Boolean).map(f.epochDay);
  const minX = Math.min(f.epochDay(inputs.evaluatedOn), ...dates) - 200 * 86400000;
  const maxX = Math.max(f.epochDay(horizon), ...dates.map(d => d + ramp * 30.4375 * 86400000)) + 120 * 86400000;
  const slip = [], further = [], ramps = [], nameplate = [], outOfScope = [];
  fabs.forEach((fab, i) => {
    const start = startOf(fab);
    const promised = fab.originalProductionDate;
    const plannedOrActual = fab.actualProductionDate ?? fab.plannedProductionDate;
    if (promised && plannedOrActual && f.epochDay(plannedOrActual) > f.epochDay(promised)) {
      slip.push({ value: [i, f.epochDay(promised), f.epochDay(plannedOrActual), 1] });
    }
    if (!fab.actualProductionDate && fab.plannedProductionDate && fab.expectedStart
        && f.epochDay(fab.expectedStart) > f.epochDay(fab.plannedProductionDate)) {
      further.push({ value: [i, f.epochDay(fab.plannedProductionDate), f.epochDay(fab.expectedStart), 1] });
    }
    if (start) {
      const counted = fab.counted === 'counted';
      const rampEnd = f.plusMonths(start, ramp);
      if (counted) {
        ramps.push({ value: [i, f.epochDay(start), rampEnd, 0] });
        nameplate.push({ value: [i, rampEnd, maxX, 0] });
      } else {
        outOfScope.push({ value: [i, f.epochDay(start), maxX, 0] });
      }
    }
  });
  const marks = (key, name) => fabs.map((fab, i) => fab[key] ? { value: [f.epochDay(fab[key]), i], name } : null).filter(Boolean);
  const rampGradient = new echarts.graphic.LinearGradient(0, 0, 1, 0,
    [{ offset: 0, color: 'rgba(31, 95, 168, 0.12)' }, { offset: 1, color: 'rgba(31, 95, 168, 0.85)' }]);
  // A dashed outline, besides the colour, for what is expected rather than on record, and for what the model leaves out.
  const custom = (name, data, itemStyle, stroke) => ({ name, type: 'custom', renderItem: (params, api) => gantBar(params, api, stroke),
    encode: { x: [1, 2], y: 0 }, itemStyle: stroke ? { ...itemStyle, borderColor: stroke.stroke, borderType: 'dashed', borderWidth: 1 } : itemStyle,
    data, clip: true });
  const tip = params => {
    const fab = fabs[Array.isArray(params.value) ? (params.seriesType === 'scatter' ? params.value[1] : params.value[0]) : 0];
    if (!fab) return '';
    return `<div class="tip"><b>${f.escape(fab.name)}</b> (${f.escape(fab.operator)}, ${f.escape(fab.region)}, ${f.escape(fab.nodeClass)}, `
      + `${f.escape(fab.status)})<br>first promised ${f.escape(f.day(fab.originalProductionDate))} · planned ${f.escape(f.day(fab.plannedProductionDate))}`
      + ` · actual ${f.escape(f.day(fab.actualProductionDate))}<br>expected start ${f.escape(f.day(fab.expectedStart))}`
      + (fab.furtherSlipMonths != null ? ` (median further slip ${fab.furtherSlipMonths.toFixed(1)} months)` : '')
      + `<br>${f.escape(f.wpm(fab.nameplateWpm))} nameplate; online at the horizon: ${f.escape(f.wpm(fab.capacityAtHorizonWpm))}`
      + (fab.counted !== 'counted' ? `<br>not counted: ${f.escape(fab.counted)}` : '')
      + (fab.sources?.length ? `<br>Sources: ${sourcesHtml(fab.sources)}` : '') + '</div>';
  };
  const labelWidth = narrow ? 112 : 300;
  const key = legend(['slip so far (first promised → planned or actual)', 'expected further slip (median)', 'ramp to nameplate', 'at nameplate',
    'outside the model (not counted)', 'first promised', 'planned', 'actual'], width);
  const option = base({
    grid: { left: labelWidth + 12, right: 16, top: key.height + 26, bottom: 40 },
    legend: key.option,
    tooltip: { ...base().tooltip, trigger: 'item', formatter: tip },
    xAxis: { type: 'time', min: minX, max: maxX, axisLabel: { ...axisText, hideOverlap: true }, splitLine: { lineStyle: { color: '#eceef2' } },
      name: 'production date', nameLocation: 'middle', nameGap: 26, nameTextStyle: axisText },
    yAxis: { type: 'category', inverse: true, data: fabs.map(fab => fab.name), axisTick: { show: false },
      // On a phone a name gets two short lines (its first 30 characters); the table below has it whole.
      axisLabel: { ...axisText, color: colour.ink, width: labelWidth, fontSize: narrow ? 11 : 12, overflow: narrow ? 'break' : 'truncate',
        lineHeight: 13, formatter: name => (narrow && name.length > 30 ? `${name.slice(0, 29).trimEnd()}…` : name) } },
    series: [
      custom('slip so far (first promised → planned or actual)', slip, { color: colour.orange }),
      custom('expected further slip (median)', further, { color: 'rgba(180, 84, 10, 0.3)' }, { stroke: colour.orange, lineWidth: 1, lineDash: [3, 2] }),
      custom('ramp to nameplate', ramps, { color: rampGradient }),
      custom('at nameplate', nameplate, { color: colour.blue }),
      custom('outside the model (not counted)', outOfScope, { color: '#dde1e6' }, { stroke: colour.grey, lineWidth: 1, lineDash: [4, 3] }),
      { name: 'first promised', type: 'scatter', symbol: 'diamond', symbolSize: 11, z: 5,
        itemStyle: { color: '#fff', borderColor: colour.orange, borderWidth: 2 }, data: marks('originalProductionDate', 'first promised') },
      { name: 'planned', type: 'scatter', symbol: 'circle', symbolSize: 9, z: 6, itemStyle: { color: colour.ink },
        data: marks('plannedProductionDate', 'planned'),
        markLine: { silent: true, symbol: 'none', label: { color: colour.ink, formatter: '{b}', fontSize: 11, position: 'start' },
          data: [{ name: 'today', xAxis: f.epochDay(inputs.evaluatedOn), lineStyle: { color: colour.muted, type: 'dotted', width: 1.5 } },
            { name: narrow ? 'horizon' : `horizon ${horizon}`, xAxis: f.epochDay(horizon),
              lineStyle: { color: colour.bind, type: 'dashed', width: 1.5 } }] } },
      { name: 'actual', type: 'scatter', symbol: 'triangle', symbolSize: 11, z: 7, itemStyle: { color: colour.green },
        data: marks('actualProductionDate', 'actual') },
      // A fab announced without any date gets a row that says so, rather than an empty one.
      { name: 'no date on record', type: 'scatter', symbol: 'circle', symbolSize: 1, itemStyle: { color: 'transparent' }, silent: true,
        tooltip: { show: false },
        label: { show: true, position: 'right', color: colour.muted, fontSize: 12, formatter: 'no production date on record' },
        data: fabs.map((fab, i) => (startOf(fab) || fab.originalProductionDate || fab.plannedProductionDate ? null
          : { value: [minX + 30 * 86400000, i] }))
          .filter(Boolean) },
    ],
  });
  const alt = `Timeline of all ${fabs.length} fabs on record: ` + fabs.map(fab => `${fab.name}: `
    + [fab.originalProductionDate && `first promised ${fab.originalProductionDate}`, fab.plannedProductionDate && `planned ${fab.plannedProductionDate}`,
      fab.actualProductionDate && `producing since ${fab.actualProductionDate}`,
      !fab.actualProductionDate && fab.expectedStart && `expected ${fab.expectedStart}`].filter(Boolean).join(', ')
    + (fab.counted === 'counted' ? '' : ` (not counted: ${fab.counted})`)).join('; ') + '.';
  const table = { columns: ['fab', 'status', 'nameplate (wpm)', 'first promised', 'planned', 'actual', 'slip so far (months)',
    'expected start', 'online at the horizon (wpm)', 'counted', 'sources'], numeric: [2, 6, 8],
    rows: fabs.map(fab => [fab.name, fab.status, f.integer(fab.nameplateWpm), fab.originalProductionDate ?? '–', fab.plannedProductionDate ?? '–',
      fab.actualProductionDate ?? '–', fab.observedSlipMonths == null ? '–' : String(fab.observedSlipMonths), fab.expectedStart ?? '–',
      f.integer(fab.capacityAtHorizonWpm), fab.counted, { sources: fab.sources ?? [] }]) };
  const csv = { columns: ['id', 'name', 'operator', 'region', 'node_class', 'status', 'nameplate_wpm', 'original_production_date',
    'planned_production_date', 'actual_production_date', 'observed_slip_months', 'further_slip_months', 'expected_start',
    'capacity_at_horizon_wpm', 'counted', 'sources'],
    rows: fabs.map(fab => [fab.id, fab.name, fab.operator, fab.region, fab.nodeClass, fab.status, fab.nameplateWpm, fab.originalProductionDate,
      fab.plannedProductionDate, fab.actualProductionDate, fab.observedSlipMonths, fab.furtherSlipMonths, fab.expectedStart,
      fab.capacityAtHorizonWpm, fab.counted, (fab.sources ?? []).map(source => source.url).join(' | ')]) };
  return { option, alt, table, csv, keys: { seriesIndex: 6, count: option.series[6].data.length },
    height: 90 + key.height + fabs.length * (narrow ? 40 : 32) };
}

// ---------------------------------------------------------------------------------------------------
// Capital by status: disbursed against still to be paid; out-of-scope money in its own bars.

const STATUSES = ['RUMORED', 'DISCUSSED', 'PLEDGED', 'COMMITTED', 'DISBURSED'];
const TREATMENT = { NEW_CAPACITY: 'new capacity', FUNDS_TRACKED_FABS: 'funds tracked fabs', OUT_OF_SCOPE: 'out of scope' };

export function capitalView(inputs, width) {
  const commitments = inputs.capital.commitments;
  const statuses = STATUSES.filter(status => commitments.some(c => c.status === status))
    .concat([...new Set(commitments.map(c => c.status))].filter(status => !STATUSES.includes(status)));
  const sum = (status, treatments, part) => commitments.filter(c => c.status === status && treatments.includes(c.treatment))
    .reduce((total, c) => total + f.billions(part === 'paid' ? c.disbursedUsd : Number(c.amountUsd) - Number(c.disbursedUsd)), 0);
  const inScope = ['NEW_CAPACITY', 'FUNDS_TRACKED_FABS'];
  const series = [
    ['new capacity: disbursed', 'in', ['NEW_CAPACITY'], 'paid', colour.teal],
    ['new capacity: not yet paid', 'in', ['NEW_CAPACITY'], 'unpaid', 'rgba(15, 118, 110, 0.6)'],
    ['funds tracked fabs: disbursed', 'in', ['FUNDS_TRACKED_FABS'], 'paid', colour.blue],
    ['funds tracked fabs: not yet paid', 'in', ['FUNDS_TRACKED_FABS'], 'unpaid', 'rgba(31, 95, 168, 0.6)'],
    ['out of scope: disbursed', 'out', ['OUT_OF_SCOPE'], 'paid', colour.grey],
    ['out of scope: not yet paid', 'out', ['OUT_OF_SCOPE'], 'unpaid', 'rgba(104, 113, 125, 0.6)'],
  ].map(([name, stack, treatments, part, color]) => ({ name, type: 'bar', stack, barMaxWidth: 20,
    itemStyle: { color, borderColor: stack === 'out' ? colour.ink : undefined, borderType: 'dashed', borderWidth: stack === 'out' ? 1 : 0,
      decal: part === 'unpaid' ? pattern.hatch() : undefined },
    data: statuses.map(status => sum(status, treatments, part)) }));
  const key = legend(series.map(item => item.name), width);
  const option = base({
    grid: { left: 88, right: 16, top: key.height + 16, bottom: 40 },
    legend: key.option,
    tooltip: { ...base().tooltip, trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: params => {
      const status = params[0].axisValue;
      const lines = commitments.filter(c => c.status === status).map(c => `<li>${f.escape(c.investor)}: ${f.usd(Number(c.amountUsd))}`
        + ` (${f.usd(Number(c.disbursedUsd))} paid), ${f.escape(TREATMENT[c.treatment] ?? c.treatment)}</li>`).join('');
      return `<div class="tip"><b>${f.escape(status)}</b><ul>${lines}</ul></div>`;
    } },
    xAxis: valueAxis('billions of US dollars', { min: 0 }),
    yAxis: { type: 'category', data: statuses, inverse: true, axisLabel: axisText, axisTick: { show: false } },
    series,
  });
  const total = treatments => commitments.filter(c => treatments.includes(c.treatment)).reduce((t, c) => t + Number(c.amountUsd), 0);
  const paid = treatments => commitments.filter(c => treatments.includes(c.treatment)).reduce((t, c) => t + Number(c.disbursedUsd), 0);
  const alt = `Commitments by status in billions of US dollars. In scope: ${f.usd(total(inScope))}, of which ${f.usd(paid(inScope))} disbursed; `
    + `out of scope: ${f.usd(total(['OUT_OF_SCOPE']))}, of which ${f.usd(paid(['OUT_OF_SCOPE']))} disbursed. By status: `
    + statuses.map(status => `${status} ${f.usd(commitments.filter(c => c.status === status).reduce((t, c) => t + Number(c.amountUsd), 0))}`).join(', ') + '.';
  const table = { columns: ['investor', 'country', 'status', 'purpose', 'amount', 'disbursed', 'counts as', 'why', 'sources'], numeric: [4, 5],
    rows: commitments.map(c => [c.investor, c.country, c.status, c.purpose, f.usd(Number(c.amountUsd)), f.usd(Number(c.disbursedUsd)),
      TREATMENT[c.treatment] ?? c.treatment, c.reason ?? 'untied fab money in scope: converted by status', { sources: c.sources ?? [] }]) };
  const csv = { columns: ['id', 'investor', 'country', 'status', 'purpose', 'amount_usd', 'disbursed_usd', 'treatment', 'reason', 'sources'],
    rows: commitments.map(c => [c.id, c.investor, c.country, c.status, c.purpose, c.amountUsd, c.disbursedUsd, c.treatment, c.reason ?? '',
      (c.sources ?? []).map(source => source.url).join(' | ')]) };
  return { option, alt, table, csv, keys: { seriesIndex: 0, count: statuses.length }, height: 70 + key.height + statuses.length * 48 };
}

// ---------------------------------------------------------------------------------------------------
// Talent: supply against demand, by region.

const ROLE = { ENGINEER: 'engineers', TECHNICIAN: 'technicians', COMPUTER_SCIENTIST: 'computer scientists', CONSTRUCTION_TRADES: 'construction trades' };
const roleName = role => ROLE[role] ?? role.toLowerCase().replace(/_/g, ' ');

/**
 * Supply against demand: by region for all roles (the pools on record give no split by role), and below it
 * each role's shortfall as the studies split it, beside the region's gap on record (projected supply less demand).
 */
export function talentView(inputs, width) {
  const rows = inputs.talent;
  const year = inputs.horizon.slice(0, 4);
  const gaps = rows.flatMap(row => (row.byRole ?? []).map(gap => ({ ...gap, region: row.region })));
  // The role rows: first each region's own gap on record, then its roles' shortfalls.
  const roleRows = rows.filter(row => row.surplus != null && (row.byRole ?? []).length).flatMap(row => [
    { label: `${row.region}, all roles (on record)`, value: Math.max(0, -row.surplus), region: row.region, total: true, row },
    ...row.byRole.map(gap => ({ label: `${row.region} ${roleName(gap.role)}`, value: gap.shortfall, region: row.region, gap })),
  ]);
  const key = legend(['today', `projected supply ${year}`, `industry demand ${year}`], width);
  const topHeight = 220;
  const roleTop = key.height + 24 + topHeight + 56;
  const roleHeight = roleRows.length * 30;
  const thousands = value => `${value / 1000}k`;
  const option = base({
    grid: [{ left: 16, right: 16, top: key.height + 24, height: topHeight, containLabel: true },
      { left: 16, right: 56, top: roleTop, height: Math.max(roleHeight, 1), containLabel: true, show: false }],
    legend: key.option,
    title: roleRows.length ? { text: `Shortfall by role in ${roleRows.find(r => r.gap)?.gap.targetYear ?? year}, workers`, top: roleTop - 30, left: 16,
      textStyle: { fontSize: 13, fontWeight: 600, color: colour.ink } } : undefined,
    tooltip: { ...base().tooltip, trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: params => {
      if (params[0].seriesIndex === 3) {
        const item = roleRows[params[0].dataIndex];
        return item.total
          ? `<div class="tip"><b>${f.escape(item.region)}, all roles</b><br>projected supply ${f.integer(item.row.projectedAtHorizon)} against a demand of `
            + `${f.integer(item.row.demandAtHorizon)}: ${f.integer(item.value)} short<br>Sources: ${sourcesHtml(item.row.sources)}</div>`
          : `<div class="tip"><b>${f.escape(item.label)}</b><br>${f.integer(item.gap.shortfall)} short by ${item.gap.targetYear}`
            + (item.gap.demand != null ? ` (demand ${f.integer(item.gap.demand)})` : '') + `<br>Source: ${sourcesHtml([item.gap.source])}</div>`;
      }
      const row = rows[params[0].dataIndex];
      return `<div class="tip"><b>${f.escape(row.region)}</b><br>today ${f.integer(row.headcountNow)} workers; projected ${f.integer(row.projectedAtHorizon)}`
        + ` in ${year}; demand ${f.integer(row.demandAtHorizon)}; surplus ${row.surplus == null ? 'unknown' : f.integer(row.surplus)}`
        + (row.sources?.length ? `<br>Sources: ${sourcesHtml(row.sources)}` : '') + '</div>';
    } },
    xAxis: [{ type: 'category', data: rows.map(row => `${row.region}, all roles`), axisLabel: axisText, axisTick: { show: false } },
      valueAxis('', { gridIndex: 1, min: 0, show: roleRows.length > 0, splitNumber: width < 560 ? 3 : 5,
        axisLabel: { ...axisText, hideOverlap: true, formatter: thousands } })],
    yAxis: [valueAxis('workers', { min: 0, nameLocation: 'end', nameGap: 10, nameTextStyle: { ...axisText, align: 'left' },
      axisLabel: { ...axisText, formatter: thousands } }),
    { type: 'category', gridIndex: 1, inverse: true, show: roleRows.length > 0, data: roleRows.map(item => item.label), axisTick: { show: false },
      axisLabel: { ...axisText, color: colour.ink } }],
    series: [
      { name: 'today', type: 'bar', barMaxWidth: 48, itemStyle: { color: colour.grey }, data: rows.map(row => row.headcountNow) },
      { name: `projected supply ${year}`, type: 'bar', barMaxWidth: 48, itemStyle: { color: colour.purple, decal: pattern.hatch() },
        data: rows.map(row => row.projectedAtHorizon) },
      { name: `industry demand ${year}`, type: 'bar', barMaxWidth: 48, itemStyle: { color: colour.bind, decal: pattern.dots() },
        data: rows.map(row => row.demandAtHorizon) },
      { name: 'shortfall', type: 'bar', xAxisIndex: 1, yAxisIndex: 1, barMaxWidth: 18,
        label: { show: true, position: 'right', color: colour.ink, fontSize: 12, formatter: params => f.integer(params.value) },
        data: roleRows.map(item => ({ value: item.value, itemStyle: item.total ? { color: colour.purple, decal: pattern.hatch() } : { color: colour.bind } })) },
    ],
  });
  const gapText = gaps.length ? ` By role, the studies give: ${gaps.map(gap => `${gap.region} ${roleName(gap.role)} ${f.integer(gap.shortfall)} short by `
    + `${gap.targetYear}`).join(', ')}.` : ' No study on record splits the gap by role.';
  const alt = (rows.length === 0 ? 'No talent pools on record.' : rows.map(row => `${row.region}, all roles: ${f.integer(row.headcountNow)} workers today, `
    + `${f.integer(row.projectedAtHorizon)} projected by ${year} against a demand of ${f.integer(row.demandAtHorizon)}: `
    + `surplus ${row.surplus == null ? 'unknown' : f.integer(row.surplus)}`).join('; ') + '.') + gapText;
  const roleCells = gap => [gap.region, roleName(gap.role), '–', '–', '–', gap.demand == null ? '–' : f.integer(gap.demand), `−${f.integer(gap.shortfall)}`,
    `study, ${gap.targetYear}`, { sources: [gap.source] }];
  const table = { columns: ['region', 'roles', 'today', `projected ${year}`, `new workers by ${year}`, `demand ${year}`, 'supply less demand', 'from',
    'sources'], numeric: [2, 3, 4, 5, 6],
  rows: [...rows.map(row => [row.region, 'all', f.integer(row.headcountNow), f.integer(row.projectedAtHorizon), f.integer(row.newWorkers),
    f.integer(row.demandAtHorizon), row.surplus == null ? '–' : `${row.surplus < 0 ? '−' : '+'}${f.integer(Math.abs(row.surplus))}`,
    row.demandSource ? `on record; demand: ${row.demandSource}` : 'on record', { sources: row.sources ?? [] }]), ...gaps.map(roleCells)] };
  const csv = { columns: ['region', 'role', 'headcount_now', 'projected_at_horizon', 'new_workers', 'demand_at_horizon', 'surplus', 'shortfall',
    'target_year', 'demand_source', 'sources'],
  rows: [...rows.map(row => [row.region, 'ALL', row.headcountNow, row.projectedAtHorizon, row.newWorkers, row.demandAtHorizon, row.surplus,
    row.surplus == null ? null : Math.max(0, -row.surplus), Number(year), row.demandSource ?? '', (row.sources ?? []).map(source => source.url).join(' | ')]),
  ...gaps.map(gap => [gap.region, gap.role, null, null, null, gap.demand, null, gap.shortfall, gap.targetYear, '', gap.source?.url ?? ''])] };
  return { option, alt, table, csv, keys: { seriesIndex: 0, count: rows.length },
    height: key.height + 24 + topHeight + (roleRows.length ? 56 + roleHeight + 30 : 30) };
}

// ---------------------------------------------------------------------------------------------------
// The tornado: each input at its P10 and its P90, the change in deliverable capacity.

/** Which assumption each sensitivity input stands for, to link it to its source. */
export function assumptionOf(input) {
  const known = {
    'further slip of tracked fabs': 'fabs.slipPriorMeanMonths', 'ramp to nameplate': 'fabs.rampMonths', 'build time of a new fab': 'build.buildMonths',
    "builders' surge for the plan": 'build.surge', 'cost of new capacity': 'capital.costMultiple', 'staff per wafer a month': 'talent.staffPerWpm',
    'paused fabs restarting': 'fabs.pausedRestartProbability',
  };
  if (known[input]) return known[input];
  let match = /^conversion of (\w+) money$/.exec(input);
  if (match) return `capital.conversion.${match[1]}`;
  match = /^fab share of (\w+) money$/.exec(input);
  return match ? `capital.fabShare.${match[1]}` : null;
}

export function sensitivityView(answer, width) {
  const nameplate = answer.plan.nameplateWpm;
  const central = answer.centralPath.deliverableWpm;
  const all = answer.sensitivity;
  const moving = all.filter(item => item.swingWpm > 0);
  const low = item => (item.deliverableAtP10 - central) / nameplate;
  const high = item => (item.deliverableAtP90 - central) / nameplate;
  const option = base({
    grid: { left: 10, right: 24, top: 36, bottom: 44, containLabel: true },
    legend: { top: 0, textStyle: { color: colour.ink, fontSize: 12 } },
    tooltip: { ...base().tooltip, trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: params => {
      const item = moving[params[0].dataIndex];
      return `<div class="tip"><b>${f.escape(item.input)}</b><br>at its P10: ${f.wpm(item.deliverableAtP10)} (${f.signed(low(item), 2)} fabs' worth)`
        + `<br>at its P90: ${f.wpm(item.deliverableAtP90)} (${f.signed(high(item), 2)} fabs' worth)<br>swing ${f.wpm(item.swingWpm)}</div>`;
    } },
    xAxis: valueAxis("change in deliverable capacity, fabs' worth"),
    yAxis: { type: 'category', inverse: true, data: moving.map(item => item.input), axisTick: { show: false },
      axisLabel: { ...axisText, color: colour.ink, width: width < 560 ? 96 : 200, overflow: 'break', lineHeight: 14 } },
    series: [
      { name: 'input at its P10', type: 'bar', barGap: '-100%', barMaxWidth: 22, itemStyle: { color: colour.teal }, data: moving.map(low) },
      { name: 'input at its P90', type: 'bar', barGap: '-100%', barMaxWidth: 22, itemStyle: { color: colour.orange, decal: pattern.hatch() }, data: moving.map(high) },
    ],
  });
  const alt = moving.length === 0 ? 'No input moves the deliverable capacity on the median path.'
    : 'Inputs by how much they move the deliverable capacity: ' + moving.map(item =>
      `${item.input}: ${f.signed(low(item), 2)} at its P10, ${f.signed(high(item), 2)} at its P90 fabs' worth`).join('; ') + '.';
  const table = { columns: ['input', 'deliverable at its P10 (wpm)', 'deliverable at its P90 (wpm)', 'swing (wpm)', "swing (fabs' worth)", 'assumption'],
    numeric: [1, 2, 3, 4],
    rows: all.map(item => [item.input, f.integer(item.deliverableAtP10), f.integer(item.deliverableAtP90), f.integer(item.swingWpm),
      f.fabs(item.swingWpm / nameplate, 2), assumptionOf(item.input) ? link(assumptionOf(item.input), `#assumption-${assumptionOf(item.input)}`) : '–']) };
  const csv = { columns: ['input', 'deliverable_at_p10_wpm', 'deliverable_at_p90_wpm', 'swing_wpm', 'central_path_wpm', 'assumption'],
    rows: all.map(item => [item.input, item.deliverableAtP10, item.deliverableAtP90, item.swingWpm, central, assumptionOf(item.input) ?? '']) };
  const flat = all.filter(item => item.swingWpm <= 0).map(item => item.input);
  return { option, alt, table, csv, moving, flat, keys: { seriesIndex: 0, count: moving.length }, height: 90 + Math.max(1, moving.length) * 44 };
}

// ---------------------------------------------------------------------------------------------------
// A scenario beside the baseline.

export function scenarioView(baseline, scenario, width) {
  const s = scenario.feasibility;
  const supplies = ['deliverable', 'fabs', 'capital', 'talent'];
  const bandOf = (answer, name) => name === 'deliverable' ? answer.deliverable?.fabsWorth
    : answer.constraints.find(c => c.name === name)?.fabsWorth;
  const option = base({
    grid: { left: 90, right: 24, top: 36, bottom: 44 },
    legend: { top: 0, textStyle: { color: colour.ink, fontSize: 12 } },
    tooltip: { ...base().tooltip, trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: params => {
      const name = supplies[params[0].dataIndex];
      const b = bandOf(baseline, name), c = bandOf(s, name);
      return `<div class="tip"><b>${name}</b><br>baseline ${f.fabs(b?.p50)} (P10 ${f.fabs(b?.p10)} – P90 ${f.fabs(b?.p90)})`
        + `<br>${f.escape(scenario.name)}: ${f.fabs(c?.p50)} (P10 ${f.fabs(c?.p10)} – P90 ${f.fabs(c?.p90)})</div>`;
    } },
    xAxis: valueAxis("fabs' worth by the horizon, P50", { min: 0 }),
    yAxis: { type: 'category', inverse: true, data: supplies, axisLabel: axisText, axisTick: { show: false } },
    series: [
      { name: 'baseline', type: 'bar', barMaxWidth: 16, itemStyle: { color: colour.grey }, data: supplies.map(name => bandOf(baseline, name)?.p50 ?? null) },
      { name: scenario.name, type: 'bar', barMaxWidth: 16, itemStyle: { color: colour.blue, decal: pattern.hatch() }, data: supplies.map(name => bandOf(s, name)?.p50 ?? null) },
    ],
  });
  const band = answer => answer.deliverable ? `${f.fabs(answer.deliverable.fabsWorth.p50)} (P10 ${f.fabs(answer.deliverable.fabsWorth.p10)} – P90 `
    + `${f.fabs(answer.deliverable.fabsWorth.p90)})` : 'computing…';
  const p50 = (answer, name) => f.fabs(bandOf(answer, name)?.p50);
  const d = scenario.difference;
  const rows = [
    ['plan', baseline.plan.label, s.plan.label, ''],
    ['probability of the plan', f.probability(baseline.probability), f.probability(s.probability), d ? `${f.signed(d.probabilityPoints)} pp` : ''],
    ["deliverable, fabs' worth", band(baseline), band(s), d ? f.signed(d.deliverableFabsWorth.p50) : ''],
    ['share of its plan (P50)', f.share(baseline.deliverable?.shareOfPlan.p50), f.share(s.deliverable?.shareOfPlan.p50), ''],
    ['binding', `${baseline.binding?.constraint ?? '–'} (${f.probability(baseline.binding?.frequency)})`,
      `${s.binding?.constraint ?? '–'} (${f.probability(s.binding?.frequency)})`, ''],
    ...['fabs', 'capital', 'talent'].map(name => [`${name}, fabs' worth (P50)`, p50(baseline, name), p50(s, name),
      d ? f.signed((d.constraintP50Wpm?.[name] ?? 0) / s.plan.nameplateWpm) : '']),
    ['H100-equivalents a year (P50)', f.count(baseline.compute?.acceleratorsPerYear.p50), f.count(s.compute?.acceleratorsPerYear.p50), ''],
    ['largest training run (P50)', `${f.scientific(baseline.compute?.largestRunFlop.p50)} FLOP`, `${f.scientific(s.compute?.largestRunFlop.p50)} FLOP`, ''],
  ];
  const table = { columns: ['', 'baseline', scenario.name, 'difference'], rows };
  const csv = { columns: ['figure', 'baseline', 'scenario', 'difference'], rows: [
    ['probability', baseline.probability, s.probability, d?.probabilityPoints],
    ...['p10', 'p50', 'p90'].map(q => [`deliverable_fabs_worth_${q}`, baseline.deliverable?.fabsWorth[q], s.deliverable?.fabsWorth[q], d?.deliverableFabsWorth[q]]),
    ...['fabs', 'capital', 'talent'].map(name => [`${name}_wpm_p50`, baseline.constraints.find(c => c.name === name)?.wpm?.p50,
      s.constraints.find(c => c.name === name)?.wpm?.p50, d?.constraintP50Wpm?.[name]]),
    ['binding', baseline.binding?.constraint, s.binding?.constraint, ''],
    ['accelerators_per_year_p50', baseline.compute?.acceleratorsPerYear.p50, s.compute?.acceleratorsPerYear.p50, d?.acceleratorsPerYearP50],
    ['largest_run_flop_p50', baseline.compute?.largestRunFlop.p50, s.compute?.largestRunFlop.p50, d?.largestRunFlopP50],
  ] };
  const alt = `${scenario.name} beside the baseline: probability ${f.probability(s.probability)} against ${f.probability(baseline.probability)}; `
    + `deliverable ${band(s)} against ${band(baseline)} fabs' worth` + (d ? `; ${d.summary}.` : '.');
  return { option, alt, table, csv, keys: { seriesIndex: 0, count: supplies.length }, height: 230 };
}
