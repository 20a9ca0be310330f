// The dashboard: the answer live from the SSE stream, and every chart redrawn from the API when it moves.
// Text goes into the page with textContent and DOM nodes, never as HTML: names and reasons are user data.
import * as echarts from '/webjars/echarts/5.3.1/dist/echarts.esm.min.js';
import * as f from './format.js';
import * as views from './charts.js';
import { LiveStream } from './live.js';

performance.mark('chipbet:module');
const $ = id => document.getElementById(id);
const API = '/api/v1';
const state = { answer: null, inputs: null, history: null, assumptions: null, scenarios: [], scenario: null, scenarioStream: null,
  charts: {}, views: {}, renders: 0 };
// For the browser test and for anyone curious in the console: the charts and what they show.
window.chipbet = state;

// ---------------------------------------------------------------------------------------------------
// Small DOM helpers.

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value == null) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key.startsWith('data-') || key.startsWith('aria-') || key === 'role' || key === 'title') node.setAttribute(key, value);
    else node[key] = value;
  }
  node.append(...children.filter(child => child != null));
  return node;
}

function safeHref(url) {
  return /^https?:\/\//.test(url ?? '') || /^[#/]/.test(url ?? '') ? url : null;
}

function sourceLinks(sources) {
  const nodes = [];
  (sources ?? []).filter(Boolean).forEach((source, i) => {
    if (i > 0) nodes.push('; ');
    const href = safeHref(source.url);
    nodes.push(href ? el('a', { href, text: source.title, rel: 'noopener', target: '_blank' }) : source.title);
  });
  return nodes.length ? nodes : ['–'];
}

/** A table's sources: the newest two (a write adds its source last), the others folded away, so a row stays short. */
function sourcesCell(sources) {
  const all = (sources ?? []).filter(Boolean);
  if (all.length <= 2) return sourceLinks(all);
  const newest = all.slice(-2).reverse();
  const older = all.slice(0, -2).reverse();
  return [...sourceLinks(newest), el('details', { class: 'more' }, el('summary', { text: `${older.length} more` }),
    el('ul', {}, ...older.map(source => el('li', {}, ...sourceLinks([source])))))];
}

function cellContent(cell) {
  if (cell && typeof cell === 'object' && 'sources' in cell) return sourcesCell(cell.sources);
  if (cell && typeof cell === 'object' && 'href' in cell) {
    const href = safeHref(cell.href);
    return [href ? el('a', { href, text: cell.text }) : cell.text];
  }
  return [String(cell ?? '–')];
}

function table({ columns, rows, numeric = [] }) {
  const head = el('tr', {}, ...columns.map((column, i) => el('th', { scope: 'col', class: numeric.includes(i) ? 'num' : null, text: column })));
  const kind = (cell, i) => {
    if (numeric.includes(i)) return 'num';
    const text = typeof cell === 'object' && cell != null ? (cell.text ?? (cell.sources ?? []).map(s => s?.title ?? '').join(' ')) : String(cell ?? '');
    return /^\d{4}-\d{2}-\d{2}$/.test(text) ? 'nowrap' : text.length > 30 ? 'text' : null;
  };
  const body = rows.map(row => el('tr', {}, ...row.map((cell, i) => el('td', { class: kind(cell, i) }, ...cellContent(cell)))));
  return el('table', {}, el('thead', {}, head), el('tbody', {}, ...body));
}

/** CSV (RFC 4180); a text cell that a spreadsheet would run as a formula is prefixed with an apostrophe. */
function toCsv({ columns, rows }) {
  const cell = value => {
    if (value == null) return '';
    if (typeof value === 'number') return String(value);
    let text = String(value);
    if (/^[=+\-@\t\r]/.test(text) && !/^-?\d/.test(text)) text = `'${text}`;
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [columns, ...rows].map(row => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

function setCsv(section, csv) {
  const anchor = section.querySelector('a.csv');
  if (!anchor) return;
  if (anchor.dataset.url) URL.revokeObjectURL(anchor.dataset.url);
  const url = URL.createObjectURL(new Blob([toCsv(csv)], { type: 'text/csv;charset=utf-8' }));
  anchor.href = url;
  anchor.dataset.url = url;
  anchor.dataset.rows = String(csv.rows.length);
}

/**
 * Draws a view into its section: text alternative, table and CSV at once, and the chart; build takes the chart's width.
 * A chart not yet drawn and out of sight (beyond the first screen and a margin) is drawn when it comes near, or when
 * the page is idle, whichever is first: the first screen is complete sooner, and the rest follows before a reader
 * scrolls to it. A chart once drawn is redrawn at once on every change.
 */
function draw(sectionId, chartId, build) {
  const section = $(sectionId);
  const container = $(chartId);
  const view = build(container.clientWidth || window.innerWidth - 40);
  if (view.height) container.style.height = `${view.height}px`;
  state.views[chartId] = view;
  container.setAttribute('aria-label', view.alt);
  const holder = section.querySelector('[data-table]');
  if (holder && view.table) holder.replaceChildren(table(view.table));
  if (view.csv) setCsv(section, view.csv);
  const box = container.getBoundingClientRect();
  if (state.charts[chartId] || (box.top < window.innerHeight + 200 && box.bottom > -200)) render(chartId);
  else later(chartId);
  return view;
}

const waiting = new Set();
const nearby = new IntersectionObserver(entries => entries.filter(entry => entry.isIntersecting).forEach(entry => render(entry.target.id)),
  { rootMargin: '400px 0px' });

function later(chartId) {
  if (waiting.has(chartId)) return;
  waiting.add(chartId);
  nearby.observe($(chartId));
  drawWhenIdle();
}

let idle = null;
function drawWhenIdle() {
  if (idle != null || !waiting.size) return;
  const next = () => {
    idle = null;
    const [chartId] = waiting;
    if (chartId) render(chartId);
    drawWhenIdle();
  };
  idle = window.requestIdleCallback ? requestIdleCallback(next, { timeout: 500 }) : setTimeout(next, 50);
}

/** The chart of a view, drawn with ECharts (made on its first draw). */
function render(chartId) {
  const view = state.views[chartId];
  if (!view) return;
  if (waiting.delete(chartId)) nearby.unobserve($(chartId));
  const container = $(chartId);
  const t0 = performance.now();
  let chart = state.charts[chartId];
  // Resized only when its box did change: a resize redraws the whole chart, and an observer reports every box once at the start.
  const resized = () => {
    if (container.clientWidth !== chart.getWidth() || container.clientHeight !== chart.getHeight()) chart.resize();
  };
  if (!chart) {
    chart = echarts.init(container, null, { renderer: 'canvas' });
    state.charts[chartId] = chart;
    new ResizeObserver(resized).observe(container);
    readByKeyboard(container, chart, () => state.views[chartId]);
  } else {
    resized();
  }
  chart.setOption(view.option, true);
  performance.measure('draw:' + chartId, { start: t0 });
  firstScreen();
  if (!waiting.size) allDrawn();
}

/**
 * A chart read from the keyboard: focused (Tab), the arrow keys step through its points and show each one's
 * tooltip, Home and End go to the first and the last, Escape hides it. The text alternative names them all.
 */
function readByKeyboard(container, chart, currentView) {
  container.tabIndex = 0;
  let index = -1;
  const show = () => {
    const keys = currentView()?.keys;
    if (!keys || keys.count === 0) return;
    index = Math.max(0, Math.min(keys.count - 1, index));
    chart.dispatchAction({ type: 'showTip', seriesIndex: keys.seriesIndex, dataIndex: index });
    container.dataset.keyIndex = String(index);
  };
  container.addEventListener('keydown', event => {
    const count = currentView()?.keys?.count ?? 0;
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
    if (step) index = index < 0 ? (step > 0 ? 0 : count - 1) : index + step;
    else if (event.key === 'Home') index = 0;
    else if (event.key === 'End') index = count - 1;
    else if (event.key === 'Escape') {
      chart.dispatchAction({ type: 'hideTip' });
      return;
    } else return;
    event.preventDefault();
    show();
  });
  container.addEventListener('blur', () => chart.dispatchAction({ type: 'hideTip' }));
}

/**
 * Every link to an assumption whose figure chipbet set, where no source gives it, says so beside it
 * (its sourced figures link to their source in the assumptions' table).
 */
function markAssumptions() {
  if (!state.assumptions) return;
  const chipbet = new Set(state.assumptions.filter(a => a.chipbetAssumption).map(a => `#assumption-${a.name}`));
  for (const anchor of document.querySelectorAll('main a[href^="#assumption-"]:not([data-marked])')) {
    anchor.dataset.marked = 'true';
    if (!chipbet.has(anchor.getAttribute('href'))) continue;
    anchor.dataset.chipbetAssumption = 'true';
    anchor.after(' ', el('span', { class: 'badge', text: 'chipbet assumption' }));
  }
}

async function getJson(path) {
  const preloaded = window.chipbetPreload?.[path];
  if (preloaded) {
    delete window.chipbetPreload[path];
    return preloaded;
  }
  const response = await fetch(API + path, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.json();
}

// ---------------------------------------------------------------------------------------------------
// The answer.

function assumptionLink(name, text) {
  return el('a', { href: `#assumption-${name}`, text });
}

function showAnswer(answer) {
  state.answer = answer;
  const d = answer.deliverable;
  $('plan').textContent = `${answer.plan.label}: ${f.integer(answer.plan.fabs)} fabs of ${f.wpm(answer.plan.nameplateWpm)}, by ${answer.plan.horizon}`;
  $('question').textContent = answer.question;
  const probability = $('probability');
  probability.textContent = f.probability(answer.probability);
  probability.dataset.value = String(answer.probability);
  $('horizon').textContent = answer.plan.horizon;
  $('samples').textContent = `Monte Carlo, ${f.integer(answer.simulation.samples)} samples`;
  const share = $('share');
  share.textContent = d ? f.share(d.shareOfPlan.p50) : 'computing…';
  share.dataset.p10 = d ? String(d.shareOfPlan.p10) : '';
  share.dataset.p50 = d ? String(d.shareOfPlan.p50) : '';
  share.dataset.p90 = d ? String(d.shareOfPlan.p90) : '';
  $('share-p10').textContent = d ? f.share(d.shareOfPlan.p10) : '…';
  $('share-p90').textContent = d ? f.share(d.shareOfPlan.p90) : '…';
  const fabsWorth = $('fabs-worth');
  fabsWorth.textContent = d ? f.fabs(d.fabsWorth.p50) : f.fabs(answer.centralPath.fabsWorth);
  fabsWorth.dataset.value = d ? String(d.fabsWorth.p50) : '';
  $('fabs-p10').textContent = d ? f.fabs(d.fabsWorth.p10) : '…';
  $('fabs-p90').textContent = d ? f.fabs(d.fabsWorth.p90) : '…';
  $('wpm').textContent = d ? `${f.wpm(d.wpm.p50)} at P50 of the plan's ${f.wpm(answer.plan.targetWpm)}` : '';
  $('headline').textContent = answer.headline;
  $('chance-of-share').textContent = (answer.chanceOfShare ?? []).length
    ? 'Chance of reaching ' + answer.chanceOfShare.map(c => `${f.share(c.share).replace('.0%', '%')} of the plan: ${f.probability(c.probability)}`).join(' · ') + '.'
    : '';
  const binding = $('binding');
  binding.textContent = answer.binding ? `${answer.binding.constraint}, in ${f.probability(answer.binding.frequency)} of samples` : '–';
  binding.dataset.constraint = answer.binding?.constraint ?? '';
  binding.dataset.frequency = answer.binding ? String(answer.binding.frequency) : '';
  $('binding-frequency').replaceChildren(...Object.entries(answer.bindingFrequency ?? {}).map(([name, frequency]) =>
    el('li', { class: name === 'none' ? 'none' : null },
      el('span', { text: name === 'none' ? 'plan met' : name }),
      el('span', { class: 'bar', role: 'presentation' }, el('span', { style: `width: ${(100 * frequency).toFixed(1)}%` })),
      el('span', { class: 'num', text: f.probability(frequency) }))));
  $('version').textContent = String(answer.version);
  $('evaluated').textContent = f.day(answer.evaluatedOn);
  $('simulation').textContent = answer.simulation.current ? `${f.integer(answer.simulation.samples)} samples, seed ${answer.simulation.seed}`
    : 'Monte Carlo running (median path shown)';
  $('cause').textContent = answer.cause ? answer.cause + (answer.changes > 1 ? ` (and ${answer.changes - 1} more)` : '') : 'none yet';
  const n = answer.inputs;
  $('counts').textContent = `${n.commitments} commitments, ${n.fabs} fabs, ${n.talentPools} talent pools, ${n.trainingPrograms} training programs, `
    + `${n.shortfallEstimates} shortfall estimates on record.`;
  $('plan-sources').replaceChildren(...['plan.fabs', 'plan.nameplateWpm', 'plan.costPerFabUsd', 'plan.horizon'].flatMap((name, i) =>
    [i ? ', ' : '', assumptionLink(name, name.replace('plan.', ''))]));
  document.querySelectorAll('.nameplate').forEach(node => { node.textContent = f.integer(answer.plan.nameplateWpm); });
  showConstraints(answer);
  showCompute(answer);
  showSensitivity(answer);
  if (state.history) showHistory();
  if (state.scenario) showScenario();
  markAssumptions();
}

function showConstraints(answer) {
  const binding = answer.binding?.constraint;
  $('constraint-list').replaceChildren(...answer.constraints.map(c => {
    const band = c.fabsWorth;
    const figure = band ? `${f.fabs(band.p50)} fabs' worth (P10 ${f.fabs(band.p10)} – P90 ${f.fabs(band.p90)})`
      : `${f.fabs(c.centralWpm / answer.plan.nameplateWpm)} fabs' worth on the median path`;
    return el('li', { class: c.name === binding ? 'binding-row' : null, 'data-constraint': c.name, 'data-p50': band ? String(band.p50) : '' },
      el('span', { class: 'name', text: `${c.name}${c.name === binding ? ' (binding)' : ''}: ` }),
      el('span', { text: `${c.label}: ${figure}` }),
      el('span', { class: 'reason', text: c.reason }));
  }));
  draw('constraints', 'constraints-chart', width => views.constraintsView(answer, width));
}

function computeTile(label, band, format, unit, assumptions) {
  return el('div', { class: 'tile' },
    el('div', { class: 'unit', text: label }),
    el('div', { class: 'value', text: format(band.p50) }),
    el('div', { class: 'unit', text: unit }),
    el('div', { class: 'band', text: `P10 ${format(band.p10)} – P90 ${format(band.p90)}` }),
    el('div', { class: 'unit' }, 'From: ', ...assumptions.flatMap((name, i) => [i ? ', ' : '', assumptionLink(name, name.replace('compute.', ''))])));
}

function showCompute(answer) {
  const c = answer.compute;
  if (!c) return;
  $('compute-lede').textContent = `The deliverable capacity translated by Epoch AI's chain (${c.unitNote}). P50 with P10–P90.`;
  $('compute-tiles').replaceChildren(
    computeTile('H100-equivalents a year at the horizon', c.acceleratorsPerYear, f.count, 'accelerators a year (packaging as a ceiling)',
      ['compute.goodDiesPerWafer', 'compute.packagingWpm (2024)', 'compute.packagingGrowthAfter']),
    computeTile('Stock made by the horizon', c.acceleratorStock, f.count, 'H100-equivalents', ['compute.goodDiesPerWafer']),
    computeTile('Largest training run it supports', c.largestRunFlop, f.scientific, 'FLOP (8-bit)',
      ['compute.actorShare', 'compute.flopPerSecond', 'compute.utilization', 'compute.runMonths']),
    computeTile('Power draw of the stock', c.powerGigawatts, f.gigawatts, 'gigawatts, with cluster and data-centre overhead',
      ['compute.wattsPerAccelerator']));
  $('compute-cost').replaceChildren(...(c.cost ?? []).map(line => el('li', {},
    `Cost of ${line.rule}: `, el('strong', { text: f.usd(line.costUsd) }), ` (${line.source}; see `,
    assumptionLink(line.rule.includes('falls') ? 'compute.fixedCapabilityCostDecline' : 'compute.frontierSpendGrowth', 'assumptions'), ').')));
  const rows = [['accelerators_per_year', c.acceleratorsPerYear, 'H100-equivalents a year'], ['accelerator_stock', c.acceleratorStock, 'H100-equivalents'],
    ['largest_run_flop', c.largestRunFlop, 'FLOP'], ['power_gigawatts', c.powerGigawatts, 'GW']];
  setCsv($('compute'), { columns: ['figure', 'unit', 'p10', 'p50', 'p90', 'mean'],
    rows: [...rows.map(([name, band, unit]) => [name, unit, band.p10, band.p50, band.p90, band.mean]),
      ...(c.cost ?? []).map(line => [`cost: ${line.rule}`, 'USD', '', line.costUsd, '', ''])] });
}

function showSensitivity(answer) {
  const view = draw('sensitivity', 'sensitivity-chart', width => views.sensitivityView(answer, width));
  $('sensitivity-lede').textContent = `On the median-input path (deliverable ${f.fabs(answer.centralPath.fabsWorth)} fabs' worth), each uncertain `
    + `input set to its P10 and then its P90, the others at their medians: the change in deliverable capacity, in fabs' worth.`;
  $('sensitivity-flat').textContent = view.flat.length ? `No swing on the median path: ${view.flat.join(', ')}.` : '';
}

// ---------------------------------------------------------------------------------------------------
// History, fabs, capital, talent, scenarios, changes, assumptions.

function showHistory() {
  const view = draw('history', 'history-chart', width => views.historyView(state.history, state.answer, width));
  const figure = $('history-chart');
  figure.dataset.points = String(state.history.length);
  figure.dataset.first = state.history[0]?.on ?? '';
  figure.dataset.last = state.history[state.history.length - 1]?.on ?? '';
  $('movers').replaceChildren(...view.moved.map(move => {
    const direction = move.deltaFabs < 0 ? 'down' : 'up';
    return el('li', {},
      el('time', { dateTime: move.point.on, text: f.day(move.point.on) }), ': ',
      el('span', { class: `delta ${direction}`, text: `${f.signed(move.deltaFabs)} fabs' worth` }),
      ` (to ${f.fabs(move.point.deliverableFabsWorth.p50)}; probability ${f.probability(move.point.probability)}). `,
      ...move.point.news.flatMap((item, i) => [i ? '; ' : '', item, move.point.sources?.[i] ? ' — ' : '',
        ...(move.point.sources?.[i] ? sourceLinks([move.point.sources[i]]) : [])]),
      move.point.facts > move.point.news.length ? ` and ${move.point.facts - move.point.news.length} more` : '');
  }));
}

function showInputs(inputs) {
  state.inputs = inputs;
  $('ramp-months').textContent = `${f.fabs(inputs.build.rampMonths, 0)} months`;
  draw('fabs', 'fabs-chart', width => views.fabsView(inputs, width));
  $('fabs-chart').dataset.fabs = String(inputs.fabs.length);
  const c = inputs.capital;
  $('capital-lede').textContent = `Money on record by status, disbursed against still to be paid, in billions of US dollars. `
    + `Untied fab money in scope: ${f.usd(c.newCapacityMoneyUsd)}, which converts to ${f.usd(c.convertedUsd)} at the median `
    + `(buying ${f.wpm(c.capacityWpm)} at ${f.usd(c.costPerWpmUsd)} per wpm); ${f.usd(c.tiedToTrackedFabsUsd)} funds tracked fabs, `
    + `already counted with them; ${f.usd(c.outOfScopeUsd)} is out of scope (the bars with a dashed outline), shown apart; hatched: not yet paid.`;
  const conversion = el('span', {}, ' Conversion by status: ', ...['RUMORED', 'DISCUSSED', 'PLEDGED', 'COMMITTED'].flatMap((status, i) =>
    [i ? ', ' : '', assumptionLink(`capital.conversion.${status}`, status.toLowerCase())]), '; cost: ', assumptionLink('capital.costMultiple', 'cost multiple'), '.');
  $('capital-lede').append(conversion);
  draw('capital', 'capital-chart', width => views.capitalView(inputs, width));
  const talent = draw('talent', 'talent-chart', width => views.talentView(inputs, width));
  $('talent-lede').replaceChildren(`Chip workers by region (all roles together: the pools on record give no split by role): today, projected at `
    + `the horizon with talent-service's formula, and the industry's own demand then; below, the shortfall by role as the studies split it. `
    + `${talent.alt} Staffing: `,
  assumptionLink('talent.staffPerWpm', `${inputs.reasons.talent.match(/at ([\d.]+) staff per wpm/)?.[1] ?? ''} staff per wpm`), '.');
  markAssumptions();
}

async function loadHistory() {
  state.history = await getJson('/feasibility/history/news');
  if (state.answer) showHistory();
}

async function loadInputs() {
  showInputs(await getJson('/inputs'));
}

async function loadChanges() {
  const page = await getJson('/feasibility/changes?size=6');
  $('change-list').replaceChildren(...page.items.map(point => el('li', {},
    el('time', { dateTime: point.at, text: f.dateTime(point.at) }), ' ', point.description)));
}

async function loadAssumptions() {
  const assumptions = await getJson('/assumptions');
  state.assumptions = assumptions;
  const value = a => {
    const v = a.value;
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return 'p50' in v ? `P10 ${v.p10} · P50 ${v.p50} · P90 ${v.p90}` : Object.entries(v).map(([k, x]) => `${k} ${x}`).join(', ');
    }
    return Array.isArray(v) ? v.join(', ') : typeof v === 'number' ? f.integer(v) === String(v) || Math.abs(v) >= 1000 ? f.integer(v) : String(v) : String(v);
  };
  const body = assumptions.map(a => el('tr', { id: `assumption-${a.name}` },
    el('td', {}, el('code', { text: a.name })),
    el('td', { class: typeof a.value === 'number' ? 'num' : String(value(a)).length > 30 ? 'text' : 'nowrap', text: value(a) }),
    el('td', { class: (a.unit ?? '').length > 30 ? 'text' : null, text: a.unit }),
    el('td', { class: 'text' }, a.chipbetAssumption ? el('span', { class: 'badge', text: 'chipbet assumption' }) : '', a.chipbetAssumption ? ' ' : '',
      ...(safeHref(a.sourceUrl) ? [el('a', { href: a.sourceUrl, text: a.source, rel: 'noopener', target: '_blank' })] : [a.source ?? '–']))));
  $('assumption-table').replaceChildren(el('table', {},
    el('thead', {}, el('tr', {}, ...['assumption', 'value', 'unit', 'source'].map(h => el('th', { scope: 'col', text: h })))),
    el('tbody', {}, ...body)));
  setCsv($('assumptions'), { columns: ['name', 'value', 'unit', 'source', 'source_url', 'chipbet_assumption'],
    rows: assumptions.map(a => [a.name, typeof a.value === 'object' ? JSON.stringify(a.value) : a.value, a.unit, a.source, a.sourceUrl ?? '',
      String(a.chipbetAssumption)]) });
  markAssumptions();
  if (location.hash.startsWith('#assumption-')) document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
}

function linkified(text) {
  const nodes = [];
  let last = 0;
  for (const match of (text ?? '').matchAll(/https?:\/\/[^\s),]+/g)) {
    nodes.push(text.slice(last, match.index), el('a', { href: match[0], text: match[0], rel: 'noopener', target: '_blank' }));
    last = match.index + match[0].length;
  }
  nodes.push((text ?? '').slice(last));
  return nodes;
}

async function loadScenarios() {
  const page = await getJson('/scenarios?size=100');
  state.scenarios = page.items;
  const pick = $('scenario-pick');
  // A scenario this replica does not evaluate (unreadableBecause says why) is listed, but cannot be picked: it has no answer here.
  pick.replaceChildren(...(page.items.length ? page.items.map(s => s.unreadableBecause
      ? el('option', { value: s.id, text: `${s.name} (not evaluated here)`, title: s.unreadableBecause, disabled: true })
      : el('option', { value: s.id, text: s.name }))
    : [el('option', { value: '', text: 'no scenario on record' })]));
  const first = page.items.find(s => !s.unreadableBecause);
  // Loaded once the first scenario's answer is there (or after 10 s without it: the panel then says "reconnecting").
  if (first && !state.scenarioId) await Promise.race([selectScenario(first.id), new Promise(done => setTimeout(done, 10000))]);
}

/** Shows a scenario beside the baseline, live; resolves on its first answer. */
function selectScenario(id) {
  let arrived;
  const first = new Promise(resolve => { arrived = resolve; });
  state.scenarioId = id;
  state.scenario = null;
  if (state.scenarioStream) state.scenarioStream.close();
  const spec = state.scenarios.find(s => s.id === id);
  $('scenario-description').replaceChildren(...linkified(spec?.description ?? ''));
  $('scenarios').querySelector('a.api').href = `${API}/scenarios/${id}/feasibility`;
  $('scenarios').querySelector('a.api').textContent = `GET /api/v1/scenarios/${id.slice(0, 8)}…/feasibility`;
  state.scenarioStream = new LiveStream(`${API}/scenarios/${encodeURIComponent(id)}/stream`, {
    onMessage: answer => {
      if (state.scenarioId !== id) return;
      state.scenario = answer;
      showScenario();
      arrived();
    },
    onState: ({ state: live }) => { $('scenario-live').textContent = live === 'live' ? 'live' : 'reconnecting…'; },
  }).start();
  return first;
}

function showScenario() {
  if (!state.answer || !state.scenario) return;
  const view = draw('scenarios', 'scenarios-chart', width => views.scenarioView(state.answer, state.scenario, width));
  $('scenario-table').replaceChildren(table(view.table));
}

// ---------------------------------------------------------------------------------------------------
// Live: the answer at once and on every change; the rest refetched when it moves.

let refetchTimer = null;
function refetchSoon() {
  clearTimeout(refetchTimer);
  refetchTimer = setTimeout(() => {
    Promise.all([loadHistory(), loadInputs(), loadChanges()]).catch(report);
  }, 150);
}

function report(error) {
  // A fetch that fails while the service is away is the stale state, not a page error.
  console.warn('chipbet dashboard:', error.message ?? error);
}

function showLive({ state: live, since, retryInMs, reconnected }) {
  const badge = $('live');
  const banner = $('stale-banner');
  badge.dataset.state = live;
  document.body.classList.toggle('stale', live === 'stale');
  if (live === 'live') {
    badge.textContent = 'live';
    banner.hidden = true;
    if (reconnected) {
      refetchSoon();
      loadAssumptions().catch(report);
    }
  } else {
    const text = `stale since ${f.time(since)}: the connection to the answer is lost; reconnecting (next try in ${Math.round(retryInMs / 1000)} s)`;
    badge.textContent = `stale since ${f.time(since)}`;
    badge.dataset.since = since.toISOString();
    banner.textContent = `Showing the answer as of ${f.time(since)}, ${text.slice(text.indexOf(':') + 2)}.`;
    banner.hidden = false;
  }
}

let firstAnswer = true;
let shownJson = null;
function onAnswer(answer) {
  // The stream's first message is most often the answer already fetched with the page: draw it once.
  const json = JSON.stringify(answer);
  if (json === shownJson) return;
  shownJson = json;
  showAnswer(answer);
  state.renders++;
  if (firstAnswer) {
    firstAnswer = false;
    performance.mark('chipbet:answer');
    firstScreen();
  } else {
    refetchSoon();
  }
}

/**
 * Ready: the first screen complete, that is the answer shown and every chart in sight drawn (at 1366 × 900 the
 * supplies' chart; a taller window may show the history too, which then waits for its data).
 */
function firstScreen() {
  if (!state.answer || document.documentElement.dataset.ready) return;
  const inSight = [...document.querySelectorAll('.chart')].filter(node => {
    const box = node.getBoundingClientRect();
    return box.top < window.innerHeight && box.bottom > 0;
  });
  if (!inSight.every(node => state.charts[node.id] && state.views[node.id])) return;
  performance.mark('chipbet:ready');
  document.documentElement.dataset.ready = String(Math.round(performance.now()));
}

let booted = false;
function allDrawn() {
  if (!booted || document.documentElement.dataset.drawn) return;
  performance.mark('chipbet:drawn');
  document.documentElement.dataset.drawn = String(Math.round(performance.now()));
}

function boot() {
  // The answer as fetched with the page, unless the stream was quicker.
  getJson('/feasibility').then(answer => { if (!state.answer) onAnswer(answer); }).catch(report);
  new LiveStream(`${API}/feasibility/stream`, { onMessage: onAnswer, onState: showLive }).start();
  const loads = [loadHistory(), loadInputs(), loadChanges(), loadAssumptions(), loadScenarios()];
  $('scenario-pick').addEventListener('change', event => selectScenario(event.target.value));
  // Drawn: every panel's data loaded, the answer shown and every chart drawn (see draw for the ones out of sight).
  Promise.all(loads).then(() => new Promise(resolve => {
    const wait = () => (state.answer ? resolve() : setTimeout(wait, 20));
    wait();
  })).then(() => {
    booted = true;
    if (!waiting.size) allDrawn();
  }).catch(report);
  // A new width may need another legend layout or label width: redraw, once the resizing has settled.
  let resized = null;
  window.addEventListener('resize', () => {
    clearTimeout(resized);
    resized = setTimeout(() => {
      if (state.answer) showAnswer(state.answer);
      if (state.inputs) showInputs(state.inputs);
    }, 200);
  });
}

boot();
