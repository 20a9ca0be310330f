// Opens the projection-service dashboard in Chromium and checks what a reader sees: the live
// connection, the same score the REST API serves, the binding constraint, and the change feed.
// Usage: node check.mjs [http://127.0.0.1:8080] [screenshot.png]
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://127.0.0.1:8080';
const screenshot = process.argv[3];
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';

function fail(message) {
  console.error(`Dashboard check failed: ${message}`);
  process.exit(1);
}

const api = await (await fetch(`${base}/api/v1/feasibility`)).json();
const expectedScore = api.score == null ? '–' : api.score.toFixed(2);

const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
try {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', error => errors.push(error.message));
  await page.goto(`${base}/`);
  await page.waitForFunction(() => document.getElementById('live').dataset.state === 'live', null, { timeout: 15000 })
      .catch(() => fail('the live stream never connected'));
  await page.waitForFunction(expected => document.querySelector('[data-testid=score]').textContent === expected,
      expectedScore, { timeout: 15000 })
      .catch(async () => fail(`score shown ${await page.textContent('[data-testid=score]')}, API says ${expectedScore}`));
  const binding = await page.textContent('#binding');
  if (binding !== (api.bindingConstraint ?? '–')) fail(`binding constraint shown ${binding}, API says ${api.bindingConstraint}`);
  if (api.version > 0) {
    await page.waitForSelector('#changes tr', { timeout: 15000 }).catch(() => fail('no change is listed'));
  }
  if (errors.length) fail(`script errors: ${errors.join('; ')}`);
  if (screenshot) await page.screenshot({ path: screenshot, fullPage: true });
  const rows = await page.locator('#changes tr').count();
  console.log(`Dashboard shows score ${expectedScore}, bound by ${binding}, live, with ${rows} recent changes`);
} finally {
  await browser.close();
}
