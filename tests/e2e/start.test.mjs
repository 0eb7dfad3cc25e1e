// The start page's configurable parts: the organisation's name and its privacy notice link, and
// the minimum age, and the data-mode attribute.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkA11y, withPage } from './lib/harness.mjs';
import { rig } from './lib/rig.mjs';
import { HEADING_START, h1, hostRoute, integratorNotice, openWidget } from './lib/journey.mjs';

const the = rig({
  routes: {
    '/org.html': hostRoute({
      'data-organisation': 'Riverside   Social Prescribing',
      'data-privacy-url': '/privacy.html',
    }),
    '/bad.html': hostRoute({
      'data-organisation': 'x'.repeat(101),
      'data-privacy-url': 'javascript:alert(1)',
      'data-mode': 'practitioner',
      'data-minimum-age': '8',
    }),
    '/adults.html': hostRoute({ 'data-minimum-age': '18' }),
    '/privacy.html': { body: '<!doctype html><title>Privacy</title><p>Privacy notice</p>', type: 'text/html' },
  },
});

test('the start page names the organisation and links to its privacy notice', async (t) => {
  await withPage(the.browser, t, {}, async (page) => {
    await openWidget(page, `${the.web.url}org.html`);
    await h1(page, HEADING_START).waitFor();
    await page.getByText('Riverside Social Prescribing', { exact: true }).waitFor();
    assert.ok(await page.getByText(/Use this form to ask Riverside Social Prescribing for support\./).count());
    assert.ok(await page.getByText(/This service is for people aged 16 and over\./).count(), 'the default minimum age');
    const link = page.getByRole('link', { name: /privacy notice, opens in a new tab/ });
    assert.equal(await link.getAttribute('href'), '/privacy.html');
    assert.equal(await link.getAttribute('target'), '_blank');
    assert.equal(await integratorNotice(page), null, 'no configuration problem');
    await checkA11y(page, 'start page with organisation and privacy link');
  });
});

test('a bad organisation, privacy link or mode is refused with a notice; the form still starts', async (t) => {
  await withPage(the.browser, t, {}, async (page) => {
    await openWidget(page, `${the.web.url}bad.html`);
    await h1(page, HEADING_START).waitFor();
    const notice = (await integratorNotice(page)) ?? [];
    const text = notice.join('\n');
    assert.match(text, /data-mode "practitioner"/);
    assert.match(text, /data-minimum-age must be a whole number of years from 10 to 99; the default of 16 is used/);
    assert.match(text, /data-organisation/);
    assert.match(text, /data-privacy-url/);
    assert.equal(await page.getByRole('link', { name: /privacy notice/ }).count(), 0);
    assert.ok(await page.getByText(/Use this form to ask the wellbeing service for support\./).count());
    assert.ok(await page.getByText(/This service is for people aged 16 and over\./).count());
    await page.getByRole('button', { name: 'Start now', exact: true }).click();
    await h1(page, 'About you').waitFor();
  });
});

test('data-minimum-age: the start page says it, and a younger person is shown who to contact instead', async (t) => {
  await withPage(the.browser, t, {}, async (page) => {
    await openWidget(page, `${the.web.url}adults.html`);
    await page.getByText(/This service is for people aged 18 and over\./).waitFor();
    await page.getByRole('button', { name: 'Start now', exact: true }).click();
    await h1(page, 'About you').waitFor();
    // Seventeen today: one day short of eighteen.
    const now = new Date();
    const dob = new Date(now.getFullYear() - 18, now.getMonth(), now.getDate() + 1);
    await page.getByLabel('Full name', { exact: true }).fill('Young Person');
    await page.getByLabel('Day', { exact: true }).fill(String(dob.getDate()));
    await page.getByLabel('Month', { exact: true }).fill(String(dob.getMonth() + 1));
    await page.getByLabel('Year', { exact: true }).fill(String(dob.getFullYear()));
    await page.getByLabel('Postcode', { exact: true }).fill('SW1A 1AA');
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await h1(page, 'You cannot use this form').waitFor();
    await page.getByText('This service is for people aged 18 and over.', { exact: true }).waitFor();
    assert.equal(await page.getByRole('link', { name: '0800 1111' }).getAttribute('href'), 'tel:08001111');
    assert.equal(await page.getByRole('button', { name: 'Continue', exact: true }).count(), 0, 'no way on from here');
    await checkA11y(page, 'under the minimum age');
    // Back, a birthday a day earlier (eighteen today): on to the contact page.
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await h1(page, 'About you').waitFor();
    const eighteen = new Date(now.getFullYear() - 18, now.getMonth(), now.getDate());
    await page.getByLabel('Day', { exact: true }).fill(String(eighteen.getDate()));
    await page.getByLabel('Month', { exact: true }).fill(String(eighteen.getMonth() + 1));
    await page.getByLabel('Year', { exact: true }).fill(String(eighteen.getFullYear()));
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await h1(page, 'How we can contact you').waitFor();
  });
});
