// Opens the projection-service dashboard in Chromium and checks what a reader sees: the live
// connection, the same answer the REST API serves (probability and headline), and the change feed.
// Usage: node check.mjs [http://127.0.0.1:8080] [screenshot.png]
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://127.0.0.1:8080';
const screenshot = process.argv[3];
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';

function fail(message) {
  console.error(`Dashboard check failed: ${message}`);
  process.exit(1);
}

// The probability follows the median-input path within a second: wait for the simulated answer.
let api;
for (let attempt = 0; attempt < 30; attempt++) {
  api = await (await fetch(`${base}/api/v1/feasibility`)).json();
  if (api.probability != null && api.simulation && api.simulation.current) break;
  await new Promise(resolve => setTimeout(resolve, 500));
}
const share = api.probability;
const expectedProbability = share == null ? '–' : (share > 0 && share < 0.01 ? (100 * share).toFixed(1) : (100 * share).toFixed(0)) + '%';

const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
try {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', error => errors.push(error.message));
  await page.goto(`${base}/`);
  await page.waitForFunction(() => document.getElementById('live').dataset.state === 'live', null, { timeout: 15000 })
      .catch(() => fail('the live stream never connected'));
  await page.waitForFunction(expected => document.querySelector('[data-testid=probability]').textContent === expected,
      expectedProbability, { timeout: 15000 })
      .catch(async () => fail(`probability shown ${await page.textContent('[data-testid=probability]')}, API says ${expectedProbability}`));
  const headline = await page.textContent('[data-testid=headline]');
  if (headline !== api.headline) fail(`headline shown "${headline}", API says "${api.headline}"`);
  const binding = await page.textContent('#binding');
  if (api.version > 0) {
    await page.waitForSelector('#changes tr', { timeout: 15000 }).catch(() => fail('no change is listed'));
  }
  if (errors.length) fail(`script errors: ${errors.join('; ')}`);
  if (screenshot) await page.screenshot({ path: screenshot, fullPage: true });
  const rows = await page.locator('#changes tr').count();
  console.log(`Dashboard shows ${expectedProbability}, "${headline}", bound by ${binding}, live, with ${rows} recent changes`);
} finally {
  await browser.close();
}
