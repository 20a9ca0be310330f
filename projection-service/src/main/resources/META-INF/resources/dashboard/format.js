// Numbers as a reader reads them, each with its unit. Pure functions: the browser test imports none of
// them, it compares the raw values the page keeps in data-value attributes with the API's.

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** A probability: whole percent, one decimal below 1% (so a small chance never reads as 0%). */
export function probability(share) {
  if (share == null) return '–';
  return (share > 0 && share < 0.01 ? (100 * share).toFixed(1) : (100 * share).toFixed(0)) + '%';
}

/** A share of the plan, to one decimal of a percent. */
export function share(value) {
  return value == null ? '–' : (100 * value).toFixed(1) + '%';
}

/** Fabs' worth, one decimal. */
export function fabs(value, digits = 1) {
  return value == null ? '–' : value.toFixed(digits);
}

/** A signed change, e.g. "+1.0" or "−2.6". */
export function signed(value, digits = 1) {
  if (value == null) return '–';
  const text = Math.abs(value).toFixed(digits);
  return (value < 0 && Number(text) !== 0 ? '−' : '+') + text;
}

export function integer(value) {
  return value == null ? '–' : grouped.format(value);
}

export function wpm(value) {
  return value == null ? '–' : `${grouped.format(value)} wpm`;
}

/** US dollars: $6,104, $35.4B, $1.05T. */
export function usd(value) {
  if (value == null) return '–';
  const v = Number(value);
  if (Math.abs(v) >= 1e12) return `$${(v / 1e12).toFixed(2)}T`;
  if (Math.abs(v) >= 1e9) return `$${(v / 1e9).toFixed(1)}B`;
  if (Math.abs(v) >= 1e6) return `$${(v / 1e6).toFixed(1)}M`;
  return `$${grouped.format(v)}`;
}

/** Billions of dollars as a plain number, for charts. */
export function billions(value) {
  return Number(value) / 1e9;
}

/** Large counts: 65.8 million, 1.2 billion. */
export function count(value) {
  if (value == null) return '–';
  if (Math.abs(value) >= 1e9) return `${(value / 1e9).toFixed(1)} billion`;
  if (Math.abs(value) >= 1e6) return `${(value / 1e6).toFixed(1)} million`;
  return grouped.format(value);
}

const superscript = { '-': '⁻', 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹' };

/** Scientific notation for FLOP: 4.2 × 10²⁹. */
export function scientific(value, digits = 1) {
  if (value == null) return '–';
  if (value === 0) return '0';
  const exponent = Math.floor(Math.log10(Math.abs(value)));
  const mantissa = value / 10 ** exponent;
  return `${mantissa.toFixed(digits)} × 10${String(exponent).split('').map(c => superscript[c]).join('')}`;
}

export function gigawatts(value) {
  return value == null ? '–' : `${value.toFixed(0)} GW`;
}

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** An ISO date (2024-09-30) as "30 Sept 2024". */
export function day(iso) {
  return iso ? dateFormat.format(new Date(iso + 'T00:00:00Z')) : '–';
}

export function time(date) {
  return timeFormat.format(date);
}

export function dateTime(iso) {
  return iso ? dateTimeFormat.format(new Date(iso)) : '–';
}

/** Milliseconds since the epoch of an ISO date, at UTC midnight. */
export function epochDay(iso) {
  return Date.parse(iso + 'T00:00:00Z');
}

export function isoDay(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Months added to an ISO date, as milliseconds (a month: 1/12 of a 365.25-day year, as the model counts). */
export function plusMonths(iso, months) {
  return epochDay(iso) + months * 30.4375 * 86400000;
}

const entities = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** For the charts' tooltips, the only place where HTML is built from strings: names are user data. */
export function escape(text) {
  return String(text ?? '').replace(/[&<>"']/g, c => entities[c]);
}

/** A link for a tooltip, to an http(s) address only. */
export function linkHtml(url, title) {
  return /^https?:\/\//.test(url ?? '') ? `<a href="${escape(url)}" target="_blank" rel="noopener">${escape(title)}</a>` : escape(title);
}
