// A newcomer's deposit -> transfer -> payout, done in Swagger UI alone, in a real Chromium: Authorize with a client's
// id and secret, then Try it out and Execute on each operation, reading ids from the answers shown. It starts from
// the bootstrap admin (MIZANI_BOOTSTRAP_ADMIN_SECRET), which creates the service client the rest is done as.
// Usage: node flow.js [base URL, default http://localhost:8080]
const { chromium } = require('playwright-core');
const BASE = process.argv[2] || 'http://localhost:8080';
const SECRET = process.env.MIZANI_BOOTSTRAP_ADMIN_SECRET;
if (!SECRET) { console.error('swagger-ui flow: MIZANI_BOOTSTRAP_ADMIN_SECRET is not set'); process.exit(2); }
(async () => {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(BASE + '/swagger-ui.html');
  await page.waitForSelector('.information-container .title');

  async function authorize(id, secret) {
    await page.click('.auth-wrapper button.authorize');
    await page.waitForSelector('.modal-ux');
    const logout = page.locator('.modal-ux button:has-text("Logout")');
    if (await logout.count() > 0) { await logout.first().click(); }
    await page.fill('#client_id_clientCredentials', id);
    await page.fill('#client_secret_clientCredentials', secret);
    await page.locator('.modal-ux .auth-container', { has: page.locator('#client_id_clientCredentials') })
      .locator('button.authorize').click();
    await page.waitForSelector('.modal-ux button:has-text("Logout")');
    await page.click('.modal-ux button.close-modal');
  }
  const opened = new Set();
  async function exec(tag, opId, { params = {}, body } = {}) {
    const op = `#operations-${tag.replace(/ /g, '_')}-${opId}`;
    if (!opened.has(op)) {
      await page.click(`${op} .opblock-summary`);
      await page.click(`${op} button.try-out__btn`);
      opened.add(op);
    }
    for (const [name, value] of Object.entries(params)) {
      await page.fill(`${op} tr[data-param-name="${name}"] input, ${op} tr[data-param-name="${name}"] textarea`, value);
    }
    if (body !== undefined) { await page.fill(`${op} textarea.body-param__text`, JSON.stringify(body)); }
    const before = await page.locator(`${op} .live-responses-table`).count();
    await page.click(`${op} button.execute`);
    await page.waitForFunction(sel => {
      const el = document.querySelector(sel + ' .live-responses-table tbody .response-col_status');
      return el && !document.querySelector(sel + ' .loading-container');
    }, op);
    const status = (await page.textContent(`${op} .live-responses-table tbody .response-col_status`)).trim();
    const text = await page.textContent(`${op} .live-responses-table tbody .response-col_description pre`);
    let json; try { json = JSON.parse(text); } catch (e) { json = text; }
    console.log(`swagger-ui flow: ${opId} answered ${status}`);
    return { status: Number(status), json };
  }
  async function until(fn, what) {
    for (let i = 0; i < 60; i++) { const r = await fn(); if (r) return r; await page.waitForTimeout(500); }
    throw new Error('gave up waiting for ' + what);
  }
  function expect(answer, status, what) {
    if (answer.status !== status) { throw new Error(`${what}: expected ${status}, got ${answer.status}: ${JSON.stringify(answer.json)}`); }
    return answer;
  }
  const run = Date.now();
  await authorize('mizani-admin', SECRET);
  const created = expect(await exec('Admin', 'createClient', { body: { name: 'Wallet app ' + run, roles: ['service'] } }), 201, 'createClient');
  await authorize(created.json.clientId, created.json.clientSecret);
  const alice = expect(await exec('Wallets', 'openWallet', { body: { ownerId: '7f0c6a55-2d7e-4b4a-9a51-3c1f3f0f2a11', currency: 'KES' } }), 201, 'openWallet');
  const bob = expect(await exec('Wallets', 'openWallet', { body: { ownerId: '0b4b7d1e-6a43-4c39-8f2e-5d2f7a9c3e22', currency: 'KES' } }), 201, 'openWallet');
  expect(await exec('Deposits', 'createDeposit', { params: { 'Idempotency-Key': 'dep-' + run },
    body: { walletId: alice.json.walletId, amount: '1500.00', currency: 'KES', method: 'MPESA_STK', msisdn: '254708374149' } }),
    202, 'createDeposit');
  await until(async () => {
    const w = await exec('Wallets', 'getWallet', { params: { walletId: alice.json.walletId } });
    return w.status === 200 && w.json.available === '1500.00';
  }, 'the deposit to land');
  const tx = expect(await exec('Transfers', 'createTransfer', { params: { 'Idempotency-Key': 'tx-' + run },
    body: { sourceWalletId: alice.json.walletId, destinationWalletId: bob.json.walletId, amount: '250.75', currency: 'KES' } }),
    201, 'createTransfer');
  if (tx.json.status !== 'COMPLETED') { throw new Error('the transfer is ' + tx.json.status); }
  const out = expect(await exec('Payments', 'createWithdrawal', { params: { 'Idempotency-Key': 'out-' + run },
    body: { walletId: bob.json.walletId, amount: '100.00', currency: 'KES', msisdn: '254708374149' } }), 202, 'createWithdrawal');
  const settled = await until(async () => {
    const p = await exec('Payments', 'getPayment', { params: { paymentId: out.json.paymentId } });
    return p.status === 200 && ['SETTLED', 'FAILED'].includes(p.json.status) && p.json;
  }, 'the payout to settle');
  if (settled.status !== 'SETTLED') { throw new Error('the payout ' + settled.status + ': ' + settled.failureReason); }
  console.log('swagger-ui flow: deposit, transfer and payout done in Swagger UI alone');
  await browser.close();
})().catch(e => { console.error(e); process.exit(1); });
