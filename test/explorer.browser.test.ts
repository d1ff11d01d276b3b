/**
 * The explorer page in a real browser (Debian's headless Chromium through playwright-core): GraphiQL loads
 * from this server alone, runs the example query, shows the schema's documentation, completes field names
 * and has a headers panel where an API key goes.
 */
import fs from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEYS, startTestService } from './support/service.ts';
import type { TestService } from './support/service.ts';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = fs.existsSync(executablePath);
if (!hasChromium && process.env.CI === 'true')
  throw new Error(`CI needs Chromium at ${executablePath} for the explorer test (apt-get install chromium).`);
if (!hasChromium) console.warn(`explorer browser test skipped: no Chromium at ${executablePath} (set CHROMIUM_PATH)`);

describe.skipIf(!hasChromium)('the GraphQL explorer in Chromium', () => {
  let svc: TestService;
  let browser: Browser;
  beforeAll(async () => {
    svc = await startTestService('embedded');
    browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
  });
  afterAll(async () => {
    await browser?.close();
    await svc?.stop();
  });

  it('loads GraphiQL from this server only and runs queries with docs, completion and headers', async () => {
    const page = await browser.newPage();
    const remote: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(svc.url)) remote.push(r.url());
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${svc.url}/`);
    await page.waitForSelector('.graphiql-container', { timeout: 20_000 });
    // The example names this server's address.
    await expect.poll(() => page.locator('.graphiql-query-editor').innerText()).toContain(`${svc.url}/graphql`);

    await page.click('.graphiql-execute-button');
    await expect.poll(() => page.locator('.result-window').innerText(), { timeout: 10_000 }).toContain('ANONYMOUS');

    // The headers panel takes a key; the same query then runs as that role.
    await page.getByText('Headers', { exact: true }).click();
    const headers = page.locator('.graphiql-editor-tool .graphiql-editor').last();
    await headers.click();
    await page.keyboard.type(`{"authorization": "Bearer ${KEYS.reader}"`);
    await page.click('.graphiql-execute-button');
    await expect.poll(() => page.locator('.result-window').innerText(), { timeout: 10_000 }).toContain('READER');

    // Documentation from the schema's descriptions.
    await page.click('[aria-label="Show Documentation Explorer"]');
    await page.getByText('Query', { exact: true }).first().click();
    await expect.poll(() => page.locator('.graphiql-doc-explorer').innerText()).toContain('expandSkills');

    // Completion of field names while typing.
    await page.locator('.graphiql-query-editor .CodeMirror').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n{ taxonomyCh');
    await page.keyboard.press('Control+Space');
    // The only field starting so is completed in place.
    await expect
      .poll(() => page.locator('.graphiql-query-editor').innerText(), { timeout: 5_000 })
      .toMatch(/\{ taxonomyChanges/);

    expect(remote).toEqual([]);
    expect(errors).toEqual([]);
  });
});
