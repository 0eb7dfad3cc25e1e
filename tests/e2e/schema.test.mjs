// The payload schema (schema/submission.v1.schema.json) accepts what the widget sends and refuses
// what the receiver refuses.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { INTAKE_BIN, SCHEMA_PATH, startIntake, validateSubmission } from './lib/harness.mjs';

/** A realistic valid submission, as the widget writes it. */
function example() {
  return {
    schema_version: 1,
    submission_id: '3f2a9c1b-7d4e-4a5b-9c8d-0123456789ab',
    submitted_at: '2026-11-23T10:15:00.000Z',
    mode: 'self-referral',
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
  };
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
  // The `if` of the ONS4 condition is a test, not a field.
  assert.deepEqual(
    undocumented.filter((p) => !p.includes('/if/')),
    [],
    'properties without a title and description',
  );
});

test('the example in the schema and a realistic submission are valid', () => {
  const schema = JSON.parse(fs.readFileSync(SCHEMA_PATH, 'utf8'));
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
  for (const field of ['schema_version', 'submission_id', 'submitted_at', 'mode', 'measures']) {
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
// answers (not expressible in JSON Schema).
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
  };
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
