// The start page's configurable parts: the organisation's name and its privacy notice link, and
// the data-mode attribute (only the self-referral form exists yet).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DIST_DIR, checkA11y, launchBrowser, startIntake, startStatic, withPage } from './lib/harness.mjs';
import { HEADING_START, h1, hostRoute, integratorNotice, openWidget } from './lib/journey.mjs';

let browser;
let web;
let intake;

before(async () => {
  web = await startStatic({
    dir: DIST_DIR,
    routes: {
      '/org.html': hostRoute({
        'data-organisation': 'Riverside   Social Prescribing',
        'data-privacy-url': '/privacy.html',
      }),
      '/bad.html': hostRoute({
        'data-organisation': 'x'.repeat(101),
        'data-privacy-url': 'javascript:alert(1)',
        'data-mode': 'clinic',
      }),
      '/privacy.html': { body: '<!doctype html><title>Privacy</title><p>Privacy notice</p>', type: 'text/html' },
    },
  });
  intake = await startIntake({ allowOrigin: web.origin });
  web.setEndpoint(intake.submissionsUrl);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await intake?.stop();
  await web?.close();
});

test('the start page names the organisation and links to its privacy notice', async (t) => {
  await withPage(browser, t, {}, async (page) => {
    await openWidget(page, `${web.url}org.html`);
    await h1(page, HEADING_START).waitFor();
    await page.getByText('Riverside Social Prescribing', { exact: true }).waitFor();
    assert.ok(await page.getByText(/Your answers go to Riverside Social Prescribing,/).count());
    const link = page.getByRole('link', { name: /privacy notice, opens in a new tab/ });
    assert.equal(await link.getAttribute('href'), '/privacy.html');
    assert.equal(await link.getAttribute('target'), '_blank');
    assert.equal(await integratorNotice(page), null, 'no configuration problem');
    await checkA11y(page, 'start page with organisation and privacy link');
  });
});

test('a bad organisation, privacy link or mode is refused with a notice; the form still starts', async (t) => {
  await withPage(browser, t, {}, async (page) => {
    await openWidget(page, `${web.url}bad.html`);
    await h1(page, HEADING_START).waitFor();
    const notice = (await integratorNotice(page)) ?? [];
    const text = notice.join('\n');
    assert.match(text, /data-mode "clinic"/);
    assert.match(text, /data-organisation/);
    assert.match(text, /data-privacy-url/);
    assert.equal(await page.getByRole('link', { name: /privacy notice/ }).count(), 0);
    assert.ok(await page.getByText(/Your answers go to the wellbeing service,/).count());
    await page.getByRole('button', { name: 'Start now', exact: true }).click();
    await page.getByRole('radio').first().waitFor();
  });
});
