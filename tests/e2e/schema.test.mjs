// The payload schema (schema/submission.v1.schema.json) accepts what the widget sends and refuses
// what the receiver refuses.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { INTAKE_BIN, SCHEMA_PATH, startIntake, validateSubmission } from './lib/harness.mjs';
import { REFERRAL_JSON } from './lib/journey.mjs';

/** A realistic valid submission, as the widget writes it. */
function example() {
  return {
    schema_version: 1,
    submission_id: '3f2a9c1b-7d4e-4a5b-9c8d-0123456789ab',
    submitted_at: '2026-11-23T10:15:00.000Z',
    mode: 'self-referral',
    referral: structuredClone(REFERRAL_JSON),
    measures: [
      {
        instrument: 'ons4',
        version: 'gss-2019-04',
        answers: [
          { item: 'satisfaction', value: 7 },
          { item: 'worthwhile', value: 8 },
          { item: 'happy', value: 4 },
          { item: 'anxious', value: 6 },
        ],
        score: {
          items: [
            { item: 'satisfaction', value: 7, band: 'high' },
            { item: 'worthwhile', value: 8, band: 'high' },
            { item: 'happy', value: 4, band: 'low' },
            { item: 'anxious', value: 6, band: 'high' },
          ],
        },
      },
    ],
    risk: { urgent: false, reasons: [] },
  };
}

/** Answers `{item, value}` to items `ids`, with `values` in the same order. */
function answers(ids, values) {
  return ids.map((item, i) => ({ item, value: values[i] }));
}

const numbers = (from, to) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const SWEMWBS_ITEMS = [1, 2, 3, 6, 7, 9, 11].map((n) => `wemwbs-${n}`);

/**
 * Each built-in instrument other than ONS4: a complete, correctly scored measure (scores typed
 * from shared/reference/instruments.md), its item ids, the lowest and highest option value, and
 * whether it is scored. No answer raises a risk reason.
 */
function builtins() {
  const phq9 = [1, 2, 1, 2, 1, 0, 1, 0, 0]; // 8: mild
  const gad7 = [1, 1, 2, 1, 0, 1, 1]; // 7: mild
  const phq4 = [2, 2, 1, 2]; // 7: moderate; anxiety 4, depression 3
  return {
    ucla3: {
      measure: {
        instrument: 'ucla3',
        version: 'gss-2020-05',
        answers: answers(['ucla3-1', 'ucla3-2', 'ucla3-3'], [2, 3, 2]),
        score: { total: 7 },
      },
      low: 1,
      high: 3,
    },
    'ons-loneliness': {
      measure: { instrument: 'ons-loneliness', version: 'gss-2020-05', answers: [{ item: 'lonely', value: 3 }], score: null },
      low: 1,
      high: 5,
      unscored: true,
    },
    phq9: {
      measure: {
        instrument: 'phq9',
        version: 'loinc-44249-1',
        answers: answers(numbers(1, 9).map((n) => `phq9-${n}`), phq9),
        score: { total: 8, band: 'mild' },
      },
      low: 0,
      high: 3,
    },
    gad7: {
      measure: {
        instrument: 'gad7',
        version: 'loinc-69737-5',
        answers: answers(numbers(1, 7).map((n) => `gad7-${n}`), gad7),
        score: { total: 7, band: 'mild' },
      },
      low: 0,
      high: 3,
    },
    phq4: {
      measure: {
        instrument: 'phq4',
        version: 'kroenke-2009',
        answers: answers(numbers(1, 4).map((n) => `phq4-${n}`), phq4),
        score: {
          total: 7,
          band: 'moderate',
          subscales: [
            { id: 'anxiety', total: 4, positive: true },
            { id: 'depression', total: 3, positive: true },
          ],
        },
      },
      low: 0,
      high: 3,
    },
    wemwbs: {
      measure: {
        instrument: 'wemwbs',
        version: 'warwick-2006',
        answers: answers(numbers(1, 14).map((n) => `wemwbs-${n}`), Array(14).fill(3)),
        score: { total: 42 },
      },
      low: 1,
      high: 5,
    },
    swemwbs: {
      measure: {
        instrument: 'swemwbs',
        version: 'warwick-2009',
        answers: answers(SWEMWBS_ITEMS, Array(7).fill(3)),
        score: { total: 21, metric: 19.25 },
      },
      low: 1,
      high: 5,
    },
  };
}

/** The realistic example with the built-in measure `id` added, changed by `change`. */
function withMeasure(id, change = () => {}) {
  const s = example();
  const m = builtins()[id].measure;
  s.measures.push(m);
  change(m, s);
  return s;
}

/** `m` with its last answer removed and so no score. */
function incomplete(m) {
  m.answers.pop();
  m.score = null;
}

/** A PHQ-9 with item 9 answered `value` (items 1–8 as in builtins()), scored. */
function phq9WithItem9(value) {
  return withMeasure('phq9', (m) => {
    m.answers[8].value = value;
    const total = m.answers.reduce((t, a) => t + a.value, 0);
    m.score = { total, band: total <= 4 ? 'none-minimal' : total <= 9 ? 'mild' : 'moderate' };
  });
}

function errorsOf(json) {
  return validateSubmission(json)
    .errors.map((e) => `${e.instancePath || '/'} ${e.message}`)
    .join('; ');
}

function assertValid(json, why) {
  const { valid } = validateSubmission(json);
  assert.ok(valid, `${why}: expected valid, got ${errorsOf(json)}`);
}

function assertInvalid(json, why) {
  const { valid } = validateSubmission(json);
  assert.equal(valid, false, `${why}: expected the schema to refuse it`);
}

test('the schema is draft 2020-12 and documents every property', () => {
  const schema = JSON.parse(fs.readFileSync(SCHEMA_PATH, 'utf8'));
  assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
  const undocumented = [];
  const walk = (node, where) => {
    if (!node || typeof node !== 'object') return;
    for (const [name, sub] of Object.entries(node.properties ?? {})) {
      const path = `${where}/properties/${name}`;
      const documented = sub.$ref || (sub.title && sub.description);
      // Branches of anyOf/oneOf restate constraints on documented fields; the branch itself
      // carries the words (checked below).
      if (!documented && !/\/(anyOf|oneOf)\/\d+$/.test(where)) undocumented.push(path);
      walk(sub, path);
    }
    for (const key of ['items', 'then', 'if', 'not']) if (node[key]) walk(node[key], `${where}/${key}`);
    for (const key of ['allOf', 'anyOf', 'oneOf']) {
      (node[key] ?? []).forEach((s, i) => {
        const branch = `${where}/${key}/${i}`;
        if (s.properties && !(s.title && s.description)) undocumented.push(branch);
        walk(s, branch);
      });
    }
    for (const [name, sub] of Object.entries(node.$defs ?? {})) {
      if (!(sub.title && sub.description)) undocumented.push(`${where}/$defs/${name}`);
      walk(sub, `${where}/$defs/${name}`);
    }
  };
  walk(schema, '');
  // The `if`s of the per-instrument and risk conditions are tests, not fields.
  assert.deepEqual(
    undocumented.filter((p) => !p.includes('/if/')),
    [],
    'properties without a title and description',
  );
});

test('the example in the schema and a realistic submission are valid', () => {
  const schema = JSON.parse(fs.readFileSync(SCHEMA_PATH, 'utf8'));
  assert.ok(schema.examples.length >= 2);
  for (const ex of schema.examples) assertValid(ex, 'schema example');
  assertValid(example(), 'realistic example');
});

test('valid variants: offsets, upper-case id, partial answers, null score, unknown instruments', () => {
  const offset = example();
  offset.submitted_at = '2026-03-29T01:30:00+01:00';
  assertValid(offset, 'offset date-time');

  const upper = example();
  upper.submission_id = upper.submission_id.toUpperCase();
  assertValid(upper, 'upper-case UUID (the receiver accepts either case)');

  const partial = example();
  partial.measures[0].answers = [{ item: 'anxious', value: 0 }];
  partial.measures[0].score = { items: [{ item: 'anxious', value: 0, band: 'very-low' }] };
  assertValid(partial, 'one answer');

  const none = example();
  none.measures[0].answers = [];
  none.measures[0].score = null;
  assertValid(none, 'no answers, null score');

  const edges = example();
  edges.measures[0].answers = [
    { item: 'satisfaction', value: 0 },
    { item: 'worthwhile', value: 10 },
    { item: 'happy', value: 9 },
    { item: 'anxious', value: 10 },
  ];
  edges.measures[0].score.items = [
    { item: 'satisfaction', value: 0, band: 'low' },
    { item: 'worthwhile', value: 10, band: 'very-high' },
    { item: 'happy', value: 9, band: 'very-high' },
    { item: 'anxious', value: 10, band: 'high' },
  ];
  assertValid(edges, 'band edges');

  const other = example();
  other.measures.push({
    instrument: 'some-future-instrument',
    version: '1',
    answers: [{ item: 'q1', value: 3 }],
    score: { total: 3, band: 'mild' },
  });
  other.measures.push({
    instrument: 'future-converted',
    version: 'x',
    answers: [],
    score: { total: 21, metric: 20.73 },
  });
  other.measures.push({
    instrument: 'future-subscales',
    version: 'x',
    answers: [],
    score: { total: 5, band: 'mild', subscales: [{ id: 'anxiety', total: 3, positive: true }, { id: 'depression', total: 2 }] },
  });
  assertValid(other, 'a measure of an instrument this schema does not know');

  assertValid({ ...example(), measures: [] }, 'no measures');
});

test('invalid: a missing field', () => {
  for (const field of ['schema_version', 'submission_id', 'submitted_at', 'mode', 'measures', 'risk']) {
    const s = example();
    delete s[field];
    assertInvalid(s, `without ${field}`);
  }
  for (const field of ['instrument', 'version', 'answers', 'score']) {
    const s = example();
    delete s.measures[0][field];
    assertInvalid(s, `measure without ${field}`);
  }
  const noValue = example();
  delete noValue.measures[0].answers[0].value;
  assertInvalid(noValue, 'answer without value');
  const noBand = example();
  delete noBand.measures[0].score.items[0].band;
  assertInvalid(noBand, 'item score without band');
});

test('invalid: an extra field anywhere', () => {
  const top = example();
  top.name = 'Alex';
  assertInvalid(top, 'extra top-level field');
  const measure = example();
  measure.measures[0].notes = 'x';
  assertInvalid(measure, 'extra measure field');
  const answer = example();
  answer.measures[0].answers[0].label = '7';
  assertInvalid(answer, 'extra answer field');
  const score = example();
  score.measures[0].score.mean = 6.25;
  assertInvalid(score, 'extra score field');
  const itemScore = example();
  itemScore.measures[0].score.items[0].label = 'High';
  assertInvalid(itemScore, 'extra item score field');
  const risk = example();
  risk.risk.level = 'high';
  assertInvalid(risk, 'extra risk field');
  const subscale = withMeasure('phq4', (m) => (m.score.subscales[0].cutoff = 3));
  assertInvalid(subscale, 'extra PHQ-4 subscale field');
});

test('valid: every built-in instrument, complete or not', () => {
  for (const [id, b] of Object.entries(builtins())) {
    assertValid(withMeasure(id), `${id} complete`);
    assertValid(withMeasure(id, incomplete), `${id} with an item unanswered`);
    assertValid(
      withMeasure(id, (m) => Object.assign(m, { answers: [], score: null })),
      `${id} with nothing answered`,
    );
    assertValid(
      withMeasure(id, (m) => {
        m.answers[0].value = b.low;
      }),
      `${id} lowest value`,
    );
  }
  // Every measure at once, in another order.
  const all = example();
  all.measures = [...Object.values(builtins()).map((b) => b.measure).reverse(), ...all.measures];
  assertValid(all, 'all built-ins');
});

test('invalid: what every built-in instrument refuses', () => {
  for (const [id, b] of Object.entries(builtins())) {
    assertInvalid(withMeasure(id, (m) => (m.version = 'v0')), `${id} another version`);
    assertInvalid(withMeasure(id, (m) => (m.answers[0].item = 'mood')), `${id} unknown item`);
    assertInvalid(withMeasure(id, (m) => (m.answers[0].value = b.high + 1)), `${id} value above the options`);
    assertInvalid(withMeasure(id, (m) => (m.answers[0].value = b.low - 1)), `${id} value below the options`);
    assertInvalid(withMeasure(id, (m) => m.answers.push({ ...m.answers[0] })), `${id} too many answers`);
    assertInvalid(withMeasure(id, (m) => (m.score = { items: [] })), `${id} with ONS4-style item scores`);
    if (b.unscored) continue;
    assertInvalid(withMeasure(id, (m) => (m.score = null)), `${id} complete with a null score`);
    assertInvalid(
      withMeasure(id, (m) => {
        m.answers.pop();
      }),
      `${id} incomplete with a score`,
    );
    assertInvalid(withMeasure(id, (m) => (m.score.total = -1)), `${id} negative total`);
  }
});

test('invalid: each built-in score has exactly its own parts', () => {
  const cases = {
    'UCLA-3 with a band': withMeasure('ucla3', (m) => (m.score.band = 'lonely')),
    'UCLA-3 total 10': withMeasure('ucla3', (m) => (m.score.total = 10)),
    'direct loneliness question with a score': withMeasure('ons-loneliness', (m) => (m.score = { total: 3 })),
    'direct loneliness answer 6': withMeasure('ons-loneliness', (m) => (m.answers[0].value = 6)),
    'PHQ-9 without a band': withMeasure('phq9', (m) => delete m.score.band),
    'PHQ-9 band that does not fit the total': withMeasure('phq9', (m) => (m.score.band = 'moderate')),
    'PHQ-9 band of another instrument': withMeasure('phq9', (m) => (m.score.band = 'minimal')),
    'PHQ-9 total 28': withMeasure('phq9', (m) => Object.assign(m.score, { total: 28, band: 'severe' })),
    'PHQ-9 with a metric': withMeasure('phq9', (m) => (m.score.metric = 8)),
    'GAD-7 band of PHQ-9': withMeasure('gad7', (m) => (m.score.band = 'none-minimal')),
    'GAD-7 total 22': withMeasure('gad7', (m) => Object.assign(m.score, { total: 22, band: 'severe' })),
    'PHQ-4 without subscales': withMeasure('phq4', (m) => delete m.score.subscales),
    'PHQ-4 subscales swapped': withMeasure('phq4', (m) => m.score.subscales.reverse()),
    'PHQ-4 one subscale': withMeasure('phq4', (m) => m.score.subscales.pop()),
    'PHQ-4 positive below the cut-off': withMeasure('phq4', (m) => Object.assign(m.score.subscales[1], { total: 2 })),
    'PHQ-4 not positive at the cut-off': withMeasure('phq4', (m) => (m.score.subscales[1].positive = false)),
    'PHQ-4 subscale without positive': withMeasure('phq4', (m) => delete m.score.subscales[0].positive),
    'PHQ-4 subscale total 7': withMeasure('phq4', (m) => (m.score.subscales[0].total = 7)),
    'WEMWBS with a band': withMeasure('wemwbs', (m) => (m.score.band = 'high')),
    'WEMWBS total 71': withMeasure('wemwbs', (m) => (m.score.total = 71)),
    'WEMWBS with a metric': withMeasure('wemwbs', (m) => (m.score.metric = 42)),
    'SWEMWBS without a metric': withMeasure('swemwbs', (m) => delete m.score.metric),
    'SWEMWBS metric 36': withMeasure('swemwbs', (m) => (m.score.metric = 36)),
    'SWEMWBS with an item not in the short form': withMeasure('swemwbs', (m) => (m.answers[3].item = 'wemwbs-4')),
  };
  for (const [why, s] of Object.entries(cases)) assertInvalid(s, why);
});

test('the risk flag: urgent exactly when there is a reason, and PHQ-9 item 9 must be flagged', () => {
  const urgentAlone = example();
  urgentAlone.risk = { urgent: true, reasons: [] };
  assertInvalid(urgentAlone, 'urgent without a reason');
  const reasonAlone = example();
  reasonAlone.risk = { urgent: false, reasons: ['phq9-item9'] };
  assertInvalid(reasonAlone, 'a reason without urgent');
  for (const [why, risk] of [
    ['no urgent', { reasons: [] }],
    ['no reasons', { urgent: false }],
    ['urgent as text', { urgent: 'false', reasons: [] }],
    ['reasons as text', { urgent: true, reasons: 'phq9-item9' }],
    ['a reason that is not text', { urgent: true, reasons: [9] }],
    ['a bare flag', true],
    ['null', null],
  ]) {
    const s = example();
    s.risk = risk;
    assertInvalid(s, why);
  }

  for (const v of [1, 2, 3]) {
    const flagged = phq9WithItem9(v);
    flagged.risk = { urgent: true, reasons: ['phq9-item9'] };
    assertValid(flagged, `PHQ-9 item 9 = ${v} flagged`);
    assertInvalid(phq9WithItem9(v), `PHQ-9 item 9 = ${v} not flagged`);
    const otherReason = phq9WithItem9(v);
    otherReason.risk = { urgent: true, reasons: ['other-reason'] };
    assertInvalid(otherReason, `PHQ-9 item 9 = ${v} with another reason only`);
  }
  assertValid(phq9WithItem9(0), 'PHQ-9 item 9 = 0 raises nothing');

  // Only item 9 answered: no score, still flagged.
  const alone = withMeasure('phq9', (m) => Object.assign(m, { answers: [{ item: 'phq9-9', value: 1 }], score: null }));
  assertInvalid(alone, 'PHQ-9 item 9 alone, not flagged');
  alone.risk = { urgent: true, reasons: ['phq9-item9'] };
  assertValid(alone, 'PHQ-9 item 9 alone, flagged');

  // Further reasons (from instruments the receiver does not know) are allowed.
  const extra = phq9WithItem9(2);
  extra.risk = { urgent: true, reasons: ['future-screen', 'phq9-item9'] };
  assertValid(extra, 'an extra reason alongside phq9-item9');
  const future = example();
  future.measures.push({ instrument: 'future-screen', version: '1', answers: [{ item: 'q', value: 4 }], score: null });
  future.risk = { urgent: true, reasons: ['future-screen'] };
  assertValid(future, 'a reason from an instrument the schema does not know');
});

test('invalid: a bad submission id', () => {
  for (const id of [
    '',
    'not-a-uuid',
    '3f2a9c1b-7d4e-1a5b-9c8d-0123456789ab', // version 1
    '3f2a9c1b-7d4e-4a5b-7c8d-0123456789ab', // variant not 8, 9, a or b
    '3f2a9c1b7d4e4a5b9c8d0123456789ab', // no hyphens
    '3f2a9c1b-7d4e-4a5b-9c8d-0123456789ab0', // too long
    '{3f2a9c1b-7d4e-4a5b-9c8d-0123456789ab}',
    'gf2a9c1b-7d4e-4a5b-9c8d-0123456789ab',
  ]) {
    const s = example();
    s.submission_id = id;
    assertInvalid(s, `submission_id ${JSON.stringify(id)}`);
  }
  const num = example();
  num.submission_id = 42;
  assertInvalid(num, 'numeric submission_id');
});

test('invalid: a wrong schema_version', () => {
  for (const v of [0, 2, '1', 1.5, null]) {
    const s = example();
    s.schema_version = v;
    assertInvalid(s, `schema_version ${JSON.stringify(v)}`);
  }
});

test('invalid: a value given as a string, or not an integer', () => {
  const str = example();
  str.measures[0].answers[0].value = '7';
  assertInvalid(str, 'answer value "7"');
  const frac = example();
  frac.measures[0].answers[0].value = 7.5;
  assertInvalid(frac, 'answer value 7.5');
  const scoreStr = example();
  scoreStr.measures[0].score.items[0].value = '7';
  assertInvalid(scoreStr, 'item score value "7"');
});

test('invalid: other wrong values', () => {
  const mode = example();
  mode.mode = 'professional-referral';
  assertInvalid(mode, 'unknown mode');

  for (const at of ['2026-11-23', '2026-11-23 10:15:00Z', '2026-11-23T10:15:00', '2026-02-30T10:15:00Z', 'yesterday']) {
    const s = example();
    s.submitted_at = at;
    assertInvalid(s, `submitted_at ${JSON.stringify(at)}`);
  }

  const version = example();
  version.measures[0].version = 'gss-2020-01';
  assertInvalid(version, 'unknown ONS4 version');

  const item = example();
  item.measures[0].answers[0].item = 'optimism';
  assertInvalid(item, 'unknown ONS4 item');

  const range = example();
  range.measures[0].answers[0].value = 11;
  assertInvalid(range, 'ONS4 value 11');

  const band = example();
  band.measures[0].score.items[0].band = 'very-high'; // 7 is high
  assertInvalid(band, 'ONS4 band that does not fit the value');

  const anxietyBand = example();
  anxietyBand.measures[0].score.items[3] = { item: 'anxious', value: 6, band: 'medium' };
  assertInvalid(anxietyBand, 'anxiety 6 banded as medium');

  const nullScore = example();
  nullScore.measures[0].score = null;
  assertInvalid(nullScore, 'ONS4 answers with a null score');

  const subscale = example();
  subscale.measures.push({ instrument: 'future-subscales', version: 'x', answers: [], score: { subscales: [{ id: 'a', total: 1, cutoff: 3 }] } });
  assertInvalid(subscale, 'an extra subscale field');

  const metric = example();
  metric.measures[0].score.metric = 20.73;
  assertInvalid(metric, 'ONS4 with a converted score');

  const total = example();
  total.measures[0].score.total = 25;
  assertInvalid(total, 'ONS4 with a total');

  const measures = example();
  measures.measures = {};
  assertInvalid(measures, 'measures not an array');
});

// The schema and the reference receiver agree on what is a valid submission. Known, documented
// differences, where the schema is the stricter: it requires `score` and `band` (serde reads a
// missing Option as null), and ajv-formats allows a leap second only at 23:59:60. Where the
// receiver is the stricter: repeated instruments or items, and a score that does not match the
// answers (not expressible in JSON Schema); in the referral, an NHS number's Modulus 11 check
// digit, a date of birth that is not a real date or not in the past, and the preferred way being
// one that was given when only a mobile's safety to text decides it. The schema is the stricter on
// a postcode's form: the receiver also reads one in lower case and normalises it.
test('the schema and the intake receiver agree', { skip: !fs.existsSync(INTAKE_BIN) && `no ${INTAKE_BIN}` }, async (t) => {
  const intake = await startIntake({ allowOrigin: 'http://127.0.0.1:9' });
  t.after(() => intake.close());
  const cases = {
    'a realistic submission': () => {},
    'an upper-case id': (s) => (s.submission_id = s.submission_id.toUpperCase()),
    'lower-case t and z': (s) => (s.submitted_at = '2026-11-23t10:15:00z'),
    'an offset': (s) => (s.submitted_at = '2026-11-23T10:15:00.5+05:30'),
    'nothing answered': (s) => Object.assign(s.measures[0], { answers: [], score: null }),
    'an unknown instrument': (s) =>
      s.measures.push({ instrument: 'x', version: '1', answers: [{ item: 'q', value: -3 }], score: { total: 9, band: 'b' } }),
    'no measures': (s) => (s.measures = []),
    'an extra field': (s) => (s.extra = 1),
    'an extra answer field': (s) => (s.measures[0].answers[0].label = '7'),
    'a missing mode': (s) => delete s.mode,
    'a version 1 uuid': (s) => (s.submission_id = s.submission_id.replace(/^(.{14})4/, '$11')),
    'schema_version 2': (s) => (s.schema_version = 2),
    'a value as a string': (s) => (s.measures[0].answers[0].value = '7'),
    'a fractional value': (s) => (s.measures[0].answers[0].value = 7.5),
    'an ONS4 value of 11': (s) => (s.measures[0].answers[0].value = 11),
    'an unknown ONS4 item': (s) => (s.measures[0].answers[0].item = 'optimism'),
    'another ONS4 version': (s) => (s.measures[0].version = 'gss-2020-01'),
    'a wrong band': (s) => (s.measures[0].score.items[0].band = 'medium'),
    'an ONS4 total': (s) => (s.measures[0].score.total = 25),
    'ONS4 answers with a null score': (s) => (s.measures[0].score = null),
    'a date with a space': (s) => (s.submitted_at = '2026-11-23 10:15:00Z'),
    '30 February': (s) => (s.submitted_at = '2026-02-30T10:15:00Z'),
    'another mode': (s) => (s.mode = 'professional-referral'),
    'no risk flag': (s) => delete s.risk,
    'urgent without a reason': (s) => (s.risk = { urgent: true, reasons: [] }),
    'a reason without urgent': (s) => (s.risk = { urgent: false, reasons: ['phq9-item9'] }),
    'an extra reason': (s) => (s.risk = { urgent: true, reasons: ['future-screen'] }),
    'an extra risk field': (s) => (s.risk.level = 'high'),
    'reasons as text': (s) => (s.risk = { urgent: true, reasons: 'phq9-item9' }),
    'PHQ-9 item 9 flagged': (s) => {
      s.measures = phq9WithItem9(1).measures;
      s.risk = { urgent: true, reasons: ['phq9-item9'] };
    },
    'PHQ-9 item 9 not flagged': (s) => (s.measures = phq9WithItem9(1).measures),
    'PHQ-9 item 9 flagged with another reason only': (s) => {
      s.measures = phq9WithItem9(3).measures;
      s.risk = { urgent: true, reasons: ['other-reason'] };
    },
    'PHQ-9 item 9 alone, flagged': (s) => {
      s.measures.push({ instrument: 'phq9', version: 'loinc-44249-1', answers: [{ item: 'phq9-9', value: 2 }], score: null });
      s.risk = { urgent: true, reasons: ['phq9-item9'] };
    },
    'PHQ-9 item 9 alone, not flagged': (s) =>
      s.measures.push({ instrument: 'phq9', version: 'loinc-44249-1', answers: [{ item: 'phq9-9', value: 2 }], score: null }),
    'a PHQ-9 band that does not fit': (s) => (s.measures = withMeasure('phq9', (m) => (m.score.band = 'moderate')).measures),
    'a PHQ-4 positive screen below the cut-off': (s) =>
      (s.measures = withMeasure('phq4', (m) => (m.score.subscales[0].positive = false)).measures),
    'a SWEMWBS score without metric': (s) => (s.measures = withMeasure('swemwbs', (m) => delete m.score.metric).measures),
    'a UCLA-3 band': (s) => (s.measures = withMeasure('ucla3', (m) => (m.score.band = 'lonely')).measures),
    'a direct loneliness score': (s) => (s.measures = withMeasure('ons-loneliness', (m) => (m.score = { total: 3 })).measures),
    // The referral object.
    'no referral': (s) => delete s.referral,
    'a referral without consent to contact': (s) => (s.referral.consent.contact = false),
    'a referral without its consents': (s) => delete s.referral.consent,
    'a postcode and no fixed address': (s) => (s.referral.no_fixed_address = true),
    'no fixed address and no postcode': (s) => {
      s.referral.no_fixed_address = true;
      delete s.referral.postcode;
    },
    'neither postcode nor no fixed address': (s) => delete s.referral.postcode,
    'an NHS number of 9 digits': (s) => (s.referral.nhs_number = '943476591'),
    'no way to contact': (s) => (s.referral.contact = { preferred: 'email', best_times: [] }),
    'a landline and phone calls': (s) =>
      (s.referral.contact = { phone: '01632960001', preferred: 'phone', safe_to_leave_message: true, best_times: ['any'] }),
    'a landline and text messages': (s) =>
      (s.referral.contact = { phone: '01632960001', preferred: 'text', safe_to_leave_message: true, best_times: [] }),
    'a phone without its message answer': (s) =>
      (s.referral.contact = { phone: '01632960001', email: 'a@example.com', preferred: 'email', best_times: [] }),
    'email preferred without an email': (s) =>
      (s.referral.contact = { phone: '01632960001', preferred: 'email', safe_to_leave_message: true, best_times: [] }),
    'heard from other, said how': (s) => Object.assign(s.referral, { heard_from: 'other', heard_other: 'A poster' }),
    'heard from other, not said how': (s) => (s.referral.heard_from = 'other'),
    'how heard when not other': (s) => (s.referral.heard_other = 'A poster'),
    'an unknown area': (s) => (s.referral.areas = ['gardening']),
    'an interpreter without a language': (s) => (s.referral.support.interpreter_needed = true),
    'a helper without a name': (s) => (s.referral.support.filling_in_for = 'helping-someone'),
    'a helper with a name': (s) =>
      Object.assign(s.referral.support, { filling_in_for: 'helping-someone', helper_name: 'Bo', helper_relationship: 'Son' }),
    'a blank what matters': (s) => (s.referral.what_matters = '   '),
    'what matters too long': (s) => (s.referral.what_matters = 'a'.repeat(1001)),
    'an extra referral field': (s) => (s.referral.age = 36),
  };
  const schema = JSON.parse(fs.readFileSync(SCHEMA_PATH, 'utf8'));
  schema.examples.forEach((ex, i) => {
    cases[`schema example ${i + 1}`] = (s) => Object.assign(s, structuredClone(ex), { submission_id: s.submission_id });
  });
  for (const [id, b] of Object.entries(builtins())) {
    const set = (change) => (s) => (s.measures = withMeasure(id, change).measures);
    Object.assign(cases, {
      [`${id} complete`]: set(() => {}),
      [`${id} incomplete`]: set(incomplete),
      [`${id} another version`]: set((m) => (m.version = 'v0')),
      [`${id} unknown item`]: set((m) => (m.answers[0].item = 'mood')),
      [`${id} value above the options`]: set((m) => (m.answers[0].value = b.high + 1)),
      [`${id} value below the options`]: set((m) => (m.answers[0].value = b.low - 1)),
      [`${id} complete with a null score`]: set((m) => (m.score = b.unscored ? { total: 3 } : null)),
    });
  }
  const disagreements = [];
  for (const [name, change] of Object.entries(cases)) {
    const s = example();
    s.submission_id = crypto.randomUUID();
    change(s);
    const res = await fetch(intake.submissionsUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': String(s.submission_id) },
      body: JSON.stringify(s),
    });
    const accepted = res.status === 201;
    assert.ok(accepted || res.status === 400, `${name}: status ${res.status}`);
    const { valid } = validateSubmission(s);
    if (accepted !== valid) disagreements.push(`${name}: receiver ${res.status}, schema ${valid ? 'valid' : 'invalid'}`);
  }
  assert.deepEqual(disagreements, []);
});
