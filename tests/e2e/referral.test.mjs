// The "what matters to me" self-referral pages, at a 320 px phone viewport, filled in by
// visible labels as a person does: every page and every error state checked by axe-core, every
// error message the pages can show reached at least once (summary link, inline message with its
// hidden "Error:" prefix, the page title), no sideways scrolling, a change from check your
// answers, free text shown back exactly as typed (never as markup), and the receiver storing
// exactly one correct payload with its `referral` object.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertValidSubmission,
  checkA11y,
  eventually,
  isFocused,
  withPage,
} from './lib/harness.mjs';
import { rig } from './lib/rig.mjs';
import { ONS4 } from './lib/instruments.mjs';
import {
  HEADING_CHECK,
  REFERRAL_HEADINGS,
  answerInstrument,
  chooseRadio,
  clickButton,
  cssString,
  fillDateOfBirth,
  fillIn,
  h1,
  hostRoute,
  onSent,
  onlyStored,
} from './lib/journey.mjs';

const NARROW = { width: 320, height: 640 };
const FIELD = (id) => `wb-wellbeing-${id}`;

const the = rig({ routes: { '/ons4.html': hostRoute({ 'data-measures': 'ons4', 'data-organisation': 'Riverside Social Prescribing' }) }, intake: false });

async function assertNoHorizontalScroll(page, where) {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scrollWidth <= NARROW.width, `${where}: the page scrolls sideways at 320 px (scrollWidth ${scrollWidth})`);
}

/** What every page must be: axe-clean, no sideways scroll, crisis help one tap away. */
async function assertPage(page, where) {
  await assertNoHorizontalScroll(page, where);
  assert.ok(await page.getByRole('link', { name: 'Get help now', exact: true }).isVisible(), `${where}: "Get help now"`);
  await checkA11y(page, where);
}

/**
 * Presses Continue and asserts the GOV.UK error state: the summary ("There is a problem",
 * focused) lists exactly `expected` ([field id, message] in page order), each linking to its
 * field; each field shows its message inline after a hidden "Error:"; the title starts "Error: ".
 * Then axe on the error state.
 */
async function continueWithErrors(page, heading, expected, label) {
  await clickButton(page, 'Continue');
  const summary = page.locator('.wb-error-summary');
  await summary.waitFor();
  await h1(page, heading).waitFor();
  assert.ok(await summary.getByRole('heading', { name: 'There is a problem' }).isVisible());
  const links = await summary.getByRole('link').evaluateAll((as) =>
    as.map((a) => [a.getAttribute('href').slice(1), a.textContent.trim()]),
  );
  assert.deepEqual(
    links,
    expected.map(([id, message]) => [FIELD(id), message]),
    `${label}: the error summary`,
  );
  await page.waitForFunction(() => {
    const host = document.getElementById('wellbeing');
    return host.shadowRoot.activeElement?.classList.contains('wb-error-summary');
  });
  assert.ok((await page.title()).startsWith('Error: '), `${label}: the title starts with "Error: "`);
  for (const [id, message] of expected) {
    const inline = page.locator(`#${FIELD(id)}-error`);
    const text = (await inline.count()) ? inline : page.locator(`[id^="${FIELD(id.split('-')[0])}"][id$="-error"]`);
    assert.equal(
      (await text.first().innerText()).replace(/\s+/g, ' ').trim(),
      `Error: ${message}`,
      `${label}: the inline message of ${id}`,
    );
    assert.ok(
      await text.first().locator('.wb-visually-hidden', { hasText: 'Error:' }).count(),
      `${label}: "Error:" is a hidden prefix`,
    );
  }
  // The summary's links take focus to the field.
  const [firstId] = expected[0];
  await summary.getByRole('link').first().click();
  await eventually(() => isFocused(page.locator(`#${FIELD(firstId)}`)), {
    message: `${label}: the first link focuses #${FIELD(firstId)}`,
  });
  await assertPage(page, `${label} (error state)`);
}

const long = (n) => 'a'.repeat(n);

/** Each page's error states: the answers to give, then the errors expected. */
const ABOUT_YOU_TRIES = [
  [
    'nothing typed',
    async () => {},
    [
      ['full-name', 'Enter your full name'],
      ['dob-day', 'Enter your date of birth'],
      ['postcode', 'Enter your postcode, or select that you have no fixed address'],
    ],
  ],
  [
    'too long, part of a date, letters in the NHS number, half a postcode, a long GP practice',
    async (p) => {
      await fillIn(p, 'Full name', long(101));
      await fillDateOfBirth(p, ['7', '', '1990']);
      await fillIn(p, 'NHS number (optional)', '943 476 591O');
      await fillIn(p, 'Postcode', 'SW1A');
      await fillIn(p, 'GP practice (optional)', long(101));
    },
    [
      ['full-name', 'Full name must be 100 characters or less'],
      ['dob-month', 'Date of birth must include a month'],
      ['nhs-number', 'NHS number must only include numbers'],
      ['postcode', 'Enter a real postcode'],
      ['gp-practice', 'GP practice must be 100 characters or less'],
    ],
  ],
  [
    'a day and year missing, nine digits',
    async (p) => {
      await fillIn(p, 'Full name', 'Ada Lovelace');
      await fillDateOfBirth(p, ['', '4', '']);
      await fillIn(p, 'NHS number (optional)', '943 476 591');
      await fillIn(p, 'GP practice (optional)', 'Riverside Surgery');
    },
    [
      ['dob-day', 'Date of birth must include a day and year'],
      ['nhs-number', 'NHS number must be 10 digits'],
      ['postcode', 'Enter a real postcode'],
    ],
  ],
  [
    'not a real date, a wrong check digit',
    async (p) => {
      await fillDateOfBirth(p, ['31', '4', '1990']);
      await fillIn(p, 'NHS number (optional)', '943 476 5918');
      await fillIn(p, 'Postcode', 'sw1a 1aa');
    },
    [
      ['dob-day', 'Date of birth must be a real date'],
      ['nhs-number', 'NHS number is not correct – check it and enter it again'],
    ],
  ],
  [
    'a year missing',
    async (p) => {
      await fillDateOfBirth(p, ['7', '4', '']);
      await fillIn(p, 'NHS number (optional)', '943-476-5919');
    },
    [['dob-year', 'Date of birth must include a year']],
  ],
  [
    'a date in the future',
    async (p) => {
      const next = new Date(Date.now() + 3 * 86_400_000);
      await fillDateOfBirth(p, [String(next.getDate()), String(next.getMonth() + 1), String(next.getFullYear())]);
    },
    [['dob-day', 'Date of birth must be in the past']],
  ],
  [
    'more than 120 years ago',
    async (p) => {
      await fillDateOfBirth(p, ['1', '1', '1890']);
    },
    [['dob-day', `Date of birth must be after ${longDate(121)}`]],
  ],
];

/** Today's date `years` years ago, as "23 November 1906". */
function longDate(years) {
  const d = new Date();
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return `${d.getDate()} ${months[d.getMonth()]} ${d.getFullYear() - years}`;
}

const PHONE_LABEL = 'UK phone number (optional if you give an email address)';
const EMAIL_LABEL = 'Email address (optional if you give a phone number)';
const PREFERRED = 'How would you like us to contact you?';
const SAFE_MESSAGE = 'Is it safe for us to leave a voice message on this phone?';
const SAFE_TEXT = 'Is it safe for us to send text messages to this phone?';

const CONTACT_TRIES = [
  [
    'nothing given',
    async () => {},
    [
      ['phone', 'Enter a phone number or an email address'],
      ['preferred', 'Select how you would like to be contacted'],
    ],
  ],
  [
    'a short phone number, an email without a domain, phone call chosen',
    async (p) => {
      await fillIn(p, PHONE_LABEL, '0770090098');
      await fillIn(p, EMAIL_LABEL, 'ada@example');
      await chooseRadio(p, PREFERRED, 'Phone call');
    },
    [
      ['phone', 'Enter a phone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192'],
      ['email', 'Enter an email address in the correct format, like name@example.com'],
      ['safe-to-leave-message', 'Select yes if it is safe to leave a message on your phone'],
    ],
  ],
  [
    'a very long email address; text message chosen without a phone number',
    async (p) => {
      await fillIn(p, PHONE_LABEL, '');
      await fillIn(p, EMAIL_LABEL, `${long(250)}@example.com`);
      await chooseRadio(p, PREFERRED, 'Text message');
    },
    [
      ['phone', 'You chose text message, so enter a mobile phone number'],
      ['email', 'Email address must be 254 characters or less'],
    ],
  ],
  [
    'phone call chosen without a phone number',
    async (p) => {
      await fillIn(p, EMAIL_LABEL, 'ada@example.com');
      await chooseRadio(p, PREFERRED, 'Phone call');
    },
    [['phone', 'You chose phone call, so enter a phone number']],
  ],
  [
    'a mobile, email chosen without an email address, text safety not answered',
    async (p) => {
      await fillIn(p, EMAIL_LABEL, '');
      await fillIn(p, PHONE_LABEL, '07700 900 982');
      await chooseRadio(p, PREFERRED, 'Email');
      await chooseRadio(p, SAFE_MESSAGE, 'Yes');
    },
    [
      ['email', 'You chose email, so enter an email address'],
      ['safe-to-text', 'Select yes if it is safe to send you text messages'],
    ],
  ],
  [
    'text message chosen but not safe to text',
    async (p) => {
      await chooseRadio(p, PREFERRED, 'Text message');
      await chooseRadio(p, SAFE_TEXT, 'No');
    },
    [['preferred', 'You said it is not safe to send you text messages, so choose another way to be contacted']],
  ],
];

const MATTERS = 'What matters to you at the moment?';
const DIFFERENT = 'What would you like to be different? (optional)';
const WHAT_MATTERS_TRIES = [
  ['nothing typed (only spaces)', async (p) => fillIn(p, MATTERS, ' \n '), [['what-matters', 'Enter what matters to you at the moment']]],
  [
    'both too long',
    async (p) => {
      await fillIn(p, MATTERS, long(1001));
      await fillIn(p, DIFFERENT, long(1001));
    },
    [
      ['what-matters', 'What matters to you must be 1000 characters or less'],
      ['what-different', 'What you would like to be different must be 1000 characters or less'],
    ],
  ],
];

const HEARD = 'How did you hear about this service?';
const HEARD_OTHER = 'Tell us how you heard about this service';
const HOW_HEARD_TRIES = [
  ['nothing chosen', async () => {}, [['heard-from', 'Select how you heard about this service']]],
  ['other, not said how', async (p) => chooseRadio(p, HEARD, 'Other'), [['heard-other', 'Enter how you heard about this service']]],
  ['other, too long', async (p) => fillIn(p, HEARD_OTHER, long(201)), [['heard-other', 'How you heard about this service must be 200 characters or less']]],
];

const INTERPRETER = 'Do you need an interpreter?';
const LANGUAGE = 'Which language do you need an interpreter for?';
const ACCESS = 'Is there anything that would make it easier for you to use the service? (optional)';
const WHO = 'Who is filling in this form?';
const SUPPORT_TRIES = [
  [
    'nothing chosen',
    async () => {},
    [
      ['interpreter-needed', 'Select yes if you need an interpreter'],
      ['filling-in-for', 'Select who is filling in this form'],
    ],
  ],
  [
    'an interpreter without a language; helping someone without a name; long accessibility needs',
    async (p) => {
      await chooseRadio(p, INTERPRETER, 'Yes');
      await fillIn(p, ACCESS, long(501));
      await chooseRadio(p, WHO, 'I am helping someone to fill this in');
    },
    [
      ['language', 'Enter the language you need an interpreter for'],
      ['accessibility-needs', 'Accessibility needs must be 500 characters or less'],
      ['helper-name', 'Enter your name'],
    ],
  ],
  [
    'everything too long',
    async (p) => {
      await fillIn(p, LANGUAGE, long(101));
      await fillIn(p, ACCESS, 'Large print');
      await fillIn(p, 'Your full name', long(101));
      await fillIn(p, 'Your relationship to them (optional)', long(101));
    },
    [
      ['language', 'Language must be 100 characters or less'],
      ['helper-name', 'Your name must be 100 characters or less'],
      ['helper-relationship', 'Your relationship to them must be 100 characters or less'],
    ],
  ],
];

const CONSENT_CONTACT = 'Do you agree to be contacted by a link worker?';
const CONSENT_GP = 'Do you agree to us sharing this referral with your GP practice?';
const CONSENT_MESSAGE = 'You need to agree to be contacted by a link worker so that the service can help you';
const CONSENT_TRIES = [
  [
    'nothing chosen',
    async () => {},
    [
      ['consent-contact', CONSENT_MESSAGE],
      ['consent-share-gp', 'Select yes if you agree to share this referral with your GP practice'],
    ],
  ],
  [
    'no to being contacted',
    async (p) => {
      await chooseRadio(p, CONSENT_CONTACT, 'No');
      await chooseRadio(p, CONSENT_GP, 'No');
    },
    [['consent-contact', CONSENT_MESSAGE]],
  ],
];

/** Runs a page's error states, then gives the answers that pass and presses Continue. */
async function errorStates(page, heading, tries, valid) {
  await h1(page, heading).waitFor();
  await assertPage(page, heading);
  for (const [label, act, expected] of tries) {
    await act(page);
    await continueWithErrors(page, heading, expected, `${heading}: ${label}`);
  }
  await valid(page);
  await clickButton(page, 'Continue');
}

const MARKUP = 'I\'d like <b>company</b> & a walk\n<script>alert(1)</script>';

test('every page, every error message and error state, at 320 px; a change from check answers; exactly one correct payload', { timeout: 300_000 }, async (t) => {
  const intake = await the.freshIntake(t);
  await withPage(the.browser, t, { viewport: NARROW }, async (page) => {
    await page.goto(`${the.web.url}ons4.html`);
    await h1(page, 'Refer yourself for wellbeing support').waitFor();
    await assertPage(page, 'start page');
    await clickButton(page, 'Start now');

    await errorStates(page, 'About you', ABOUT_YOU_TRIES, async (p) => {
      await fillDateOfBirth(p, ['7', '4', '1990']);
      // Typed input is kept on the page through every error state.
      assert.equal(await p.getByLabel('NHS number (optional)', { exact: true }).inputValue(), '943-476-5919');
      assert.equal(await p.getByLabel('Full name', { exact: true }).inputValue(), 'Ada Lovelace');
    });
    await errorStates(page, 'How we can contact you', CONTACT_TRIES, async (p) => {
      await chooseRadio(p, SAFE_TEXT, 'Yes');
      await fillIn(p, EMAIL_LABEL, 'ada@example.com');
      await p.getByRole('group', { name: 'When is the best time to contact you? (optional)' }).getByRole('checkbox', { name: 'Evening', exact: true }).check();
      await p.getByRole('group', { name: 'When is the best time to contact you? (optional)' }).getByRole('checkbox', { name: 'Morning', exact: true }).check();
    });
    await errorStates(page, 'What matters to you', WHAT_MATTERS_TRIES, async (p) => {
      await fillIn(p, MATTERS, MARKUP);
      await p.getByText('You have 942 characters remaining').waitFor();
      await fillIn(p, DIFFERENT, '');
      const areas = p.getByRole('group', { name: 'What would you like help with? (optional)' });
      await areas.getByRole('checkbox', { name: 'Physical activity and healthy living', exact: true }).check();
      await areas.getByRole('checkbox', { name: 'Loneliness or isolation', exact: true }).check();
    });
    await errorStates(page, HEARD, HOW_HEARD_TRIES, async (p) => {
      await fillIn(p, HEARD_OTHER, 'A poster at the library');
    });
    await errorStates(page, 'Support you may need', SUPPORT_TRIES, async (p) => {
      await fillIn(p, LANGUAGE, 'Polish');
      await chooseRadio(p, WHO, 'I am filling this in for someone else, with their agreement');
      await fillIn(p, 'Your full name', 'Bo Example');
      await fillIn(p, 'Your relationship to them (optional)', 'Friend');
    });
    await errorStates(page, 'Contacting you and sharing your referral', CONSENT_TRIES, async (p) => {
      await chooseRadio(p, CONSENT_CONTACT, 'Yes');
      await chooseRadio(p, CONSENT_GP, 'Yes');
    });
    assert.ok(!(await page.title()).startsWith('Error'), 'the title loses "Error: " once the page is right');

    // The measures follow.
    await answerInstrument(page, ONS4, [7, 8, 6, 3], { full: false });

    // Check your answers: every page's answers, as typed, with Change links with hidden context.
    await h1(page, HEADING_CHECK).waitFor();
    await assertPage(page, 'check your answers');
    const rows = async (heading) =>
      page.locator(`h2:text-is(${cssString(heading)}) + dl`).evaluate((dl) =>
        [...dl.querySelectorAll('dt')].map((dt) => [dt.textContent.trim(), dt.nextElementSibling.innerText.trim()]),
      );
    assert.deepEqual(await rows('About you'), [
      ['Full name', 'Ada Lovelace'],
      ['Date of birth', '7 April 1990'],
      ['NHS number', '943 476 5919'],
      ['Postcode', 'SW1A 1AA'],
      ['GP practice', 'Riverside Surgery'],
    ]);
    assert.deepEqual(await rows('How we can contact you'), [
      ['Phone number', '07700 900 982'],
      ['Email address', 'ada@example.com'],
      ['How you would like to be contacted', 'Text message'],
      ['Safe to leave a message', 'Yes'],
      ['Safe to send text messages', 'Yes'],
      ['Best times to contact you', 'Morning\nEvening'],
    ]);
    const matters = await rows('What matters to you');
    assert.deepEqual(matters[0], ['What matters to you', MARKUP], 'free text exactly as typed');
    assert.deepEqual(matters[1], ['What you would like to be different', 'Not provided']);
    assert.equal(await page.locator('.wb-widget b, .wb-widget script').count(), 0, 'typed markup is never markup');
    const change = page.getByRole('link', { name: 'Change full name', exact: true });
    assert.equal(await change.count(), 1, 'a Change link with hidden context');

    // A change from check your answers: back to the field, then straight back here.
    await change.click();
    await h1(page, 'About you').waitFor();
    await eventually(() => isFocused(page.getByLabel('Full name', { exact: true })), { message: 'the field to change has focus' });
    await fillIn(page, 'Full name', 'Ada King');
    await clickButton(page, 'Continue');
    await h1(page, HEADING_CHECK).waitFor();
    assert.deepEqual((await rows('About you'))[0], ['Full name', 'Ada King']);

    // Send: the receiver has exactly one payload, with the referral as given.
    await clickButton(page, 'Confirm and send');
    await onSent(page);
    await assertPage(page, 'confirmation');
    const stored = (await onlyStored(intake)).submission;
    assertValidSubmission(stored);
    assert.deepEqual(stored.referral, {
      full_name: 'Ada King',
      date_of_birth: '1990-04-07',
      nhs_number: '9434765919',
      postcode: 'SW1A 1AA',
      no_fixed_address: false,
      gp_practice: 'Riverside Surgery',
      contact: {
        phone: '07700900982',
        email: 'ada@example.com',
        preferred: 'text',
        safe_to_leave_message: true,
        safe_to_text: true,
        best_times: ['morning', 'evening'],
      },
      what_matters: MARKUP,
      areas: ['loneliness-isolation', 'physical-activity'],
      heard_from: 'other',
      heard_other: 'A poster at the library',
      support: {
        interpreter_needed: true,
        language: 'Polish',
        accessibility_needs: 'Large print',
        filling_in_for: 'on-behalf-with-agreement',
        helper_name: 'Bo Example',
        helper_relationship: 'Friend',
      },
      consent: { contact: true, share_with_gp: true },
    });
    assert.equal(stored.measures.length, 1);
  });
});

test('no fixed address, a landline, and the keyboard alone: the referral pages work by Tab and Space', async (t) => {
  const intake = await the.freshIntake(t);
  await withPage(the.browser, t, { viewport: NARROW }, async (page) => {
    await page.goto(`${the.web.url}ons4.html`);
    await clickButton(page, 'Start now');
    await h1(page, 'About you').waitFor();
    // Focus moves to each page's heading.
    await eventually(() => isFocused(h1(page, 'About you')), { message: 'the heading has focus' });
    await fillIn(page, 'Full name', 'Sam Example');
    await fillDateOfBirth(page, ['1', '12', '1971']);
    // The keyboard alone ticks "no fixed address": the postcode box goes.
    await page.getByLabel('I do not have a fixed address', { exact: true }).focus();
    await page.keyboard.press('Space');
    assert.equal(await page.getByLabel('Postcode', { exact: true }).count(), 0, 'no postcode box');
    await page.keyboard.press('Enter');
    await h1(page, 'How we can contact you').waitFor();
    await eventually(() => isFocused(h1(page, 'How we can contact you')), { message: 'the heading has focus' });
    await fillIn(page, PHONE_LABEL, '01632 960 001');
    assert.equal(await page.getByRole('group', { name: SAFE_TEXT }).count(), 0, 'no text question for a landline');
    await chooseRadio(page, PREFERRED, 'Phone call');
    await chooseRadio(page, SAFE_MESSAGE, 'No');
    await clickButton(page, 'Continue');
    await h1(page, 'What matters to you').waitFor();
    await fillIn(page, MATTERS, 'Money worries');
    await clickButton(page, 'Continue');
    await chooseRadio(page, HEARD, 'Pharmacy');
    await clickButton(page, 'Continue');
    await chooseRadio(page, INTERPRETER, 'No');
    await chooseRadio(page, WHO, 'I am filling this in for myself');
    await clickButton(page, 'Continue');
    await chooseRadio(page, CONSENT_CONTACT, 'Yes');
    await chooseRadio(page, CONSENT_GP, 'No');
    await clickButton(page, 'Continue');
    await answerInstrument(page, ONS4, [5, 5, 5, 5], { full: false });
    await h1(page, HEADING_CHECK).waitFor();
    const postcode = await page.locator(`h2:text-is("About you") + dl`).evaluate((dl) =>
      [...dl.querySelectorAll('dt')].find((dt) => dt.textContent.trim() === 'Postcode').nextElementSibling.innerText.trim(),
    );
    assert.equal(postcode, 'No fixed address');
    await clickButton(page, 'Confirm and send');
    await onSent(page);
    const stored = (await onlyStored(intake)).submission;
    assert.equal(stored.referral.no_fixed_address, true);
    assert.equal('postcode' in stored.referral, false);
    assert.deepEqual(stored.referral.contact, {
      phone: '01632960001',
      preferred: 'phone',
      safe_to_leave_message: false,
      best_times: [],
    });
    assert.equal(stored.referral.heard_from, 'pharmacy');
  });
});

test('a reload mid-way keeps every typed answer; the referral pages are listed in order', async (t) => {
  await the.freshIntake(t);
  await withPage(the.browser, t, { viewport: NARROW }, async (page) => {
    await page.goto(`${the.web.url}ons4.html`);
    await clickButton(page, 'Start now');
    await fillIn(page, 'Full name', 'Ada Lovelace');
    await fillDateOfBirth(page, ['7', '4', '1990']);
    await fillIn(page, 'Postcode', 'SW1A 1AA');
    await clickButton(page, 'Continue');
    await h1(page, REFERRAL_HEADINGS[1]).waitFor();
    await fillIn(page, EMAIL_LABEL, 'ada@example.com');
    await page.reload();
    await h1(page, 'You have answers saved on this device').waitFor();
    await clickButton(page, 'Continue where you left off');
    await h1(page, REFERRAL_HEADINGS[1]).waitFor();
    assert.equal(await page.getByLabel(EMAIL_LABEL, { exact: true }).inputValue(), 'ada@example.com');
    await clickButton(page, 'Back');
    await h1(page, REFERRAL_HEADINGS[0]).waitFor();
    assert.equal(await page.getByLabel('Full name', { exact: true }).inputValue(), 'Ada Lovelace');
    assert.equal(await page.getByLabel('Year', { exact: true }).inputValue(), '1990');
  });
});
