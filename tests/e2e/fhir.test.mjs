// FHIR format end to end: a host page with data-format="fhir" sends a FHIR R4 Bundle; the real
// intake receiver parses it (same checks as the native payload) and stores it as received; the
// Bundle is then validated by fhir.resources (tests/fhir/validate.py) against the Questionnaires
// published in dist/fhir, when FHIR_PYTHON names the venv's python (as .ci/run sets it).
// data-format="fhir" is served by its own module (wellbeing-fhir), which wellbeing.js loads for
// such an element only.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import {
  DIST_DIR,
  REPO_ROOT,
  checkA11y,
  withPage,
} from './lib/harness.mjs';
import { rig } from './lib/rig.mjs';
import { ONS4, PHQ9, expectedMeasure } from './lib/instruments.mjs';
import {
  HEADING_URGENT,
  answerInstrument,
  answerQuestion,
  clickButton,
  h1,
  hostRoute,
  onSent,
  onlyStored,
  openWidget,
  referenceOf,
  questionsText,
  startJourney,
} from './lib/journey.mjs';

const FHIR_HOST = { 'data-measures': 'phq9,ons4', 'data-format': 'fhir' };

const the = rig({ routes: { '/fhir.html': hostRoute(FHIR_HOST) }, needs: ['wellbeing-fhir_bg.wasm'] });

const PHQ9_ANSWERS = [
  'Several days',
  'Not at all',
  'More than half the days',
  'Nearly every day',
  'Not at all',
  'Several days',
  'Not at all',
  'Not at all',
  'Several days',
];
const ONS4_ANSWERS = [6, 7, 5, 3];

test('data-format="fhir": one Bundle sent, received, parsed, stored as sent; valid FHIR R4', async (t) => {
  await withPage(the.browser, t, {}, async (page) => {
    await openWidget(page, `${the.web.url}fhir.html`);
    await startJourney(page);
    for (let n = 1; n <= 8; n++) await answerQuestion(page, PHQ9, n, PHQ9_ANSWERS[n - 1]);
    await answerQuestion(page, PHQ9, 9, PHQ9_ANSWERS[8]);
    await h1(page, HEADING_URGENT).waitFor();
    await clickButton(page, 'Continue with the form');
    await answerInstrument(page, ONS4, ONS4_ANSWERS);
    await clickButton(page, 'Confirm and send');
    const reference = await onSent(page);
    await checkA11y(page, 'confirmation (FHIR format)');

    const record = await onlyStored(the.intake);
    assert.equal(reference, referenceOf(record.idempotency_key));
    const bundle = record.fhir_bundle;
    assert.ok(bundle, 'the Bundle is stored as received');
    assert.equal(bundle.resourceType, 'Bundle');
    assert.equal(bundle.type, 'collection');
    assert.equal(bundle.identifier.value, `urn:uuid:${record.idempotency_key}`);
    const resources = bundle.entry.map((e) => e.resource);
    const byType = (type) => resources.filter((r) => r.resourceType === type);
    assert.equal(byType('Patient').length, 1);
    const [request] = byType('ServiceRequest');
    assert.equal(request.code.coding[0].system, 'http://snomed.info/sct');
    assert.equal(request.code.coding[0].code, '871731000000106');
    assert.equal(request.priority, 'urgent', 'PHQ-9 item 9 above 0 makes the referral urgent');
    const responses = byType('QuestionnaireResponse');
    assert.equal(responses.length, 2);
    for (const qr of responses) assert.equal(qr.status, 'completed');

    // The Questionnaires the responses cite are published with the build.
    for (const qr of responses) {
      const [canonical] = qr.questionnaire.split('|');
      const id = canonical.split('/').pop();
      const res = await fetch(`${the.web.url}fhir/Questionnaire-${id}.json`);
      assert.equal(res.status, 200, `dist/fhir/Questionnaire-${id}.json is served`);
      const q = await res.json();
      assert.equal(q.url, canonical);
      const linkIds = new Set(q.item.map((i) => i.linkId));
      for (const item of qr.item) assert.ok(linkIds.has(item.linkId), `${item.linkId} is in ${id}`);
    }
    const phqItem9 = responses
      .find((qr) => qr.questionnaire.includes('/Questionnaire/phq9|'))
      .item.find((i) => i.linkId === 'phq9-9');
    assert.equal(phqItem9.answer[0].valueCoding.code, 'LA6569-3', 'LOINC "Several days"');

    // The receiver parsed it into the same measures and scores as the published rules give.
    assert.deepEqual(record.submission.measures, [
      expectedMeasure(PHQ9, PHQ9_ANSWERS),
      expectedMeasure(ONS4, ONS4_ANSWERS),
    ]);
    assert.deepEqual(record.submission.risk, { urgent: true, reasons: ['phq9-item9'] });

    if (process.env.FHIR_PYTHON) {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wb-fhir-')), 'bundle.json');
      fs.writeFileSync(file, JSON.stringify(bundle));
      const run = spawnSync(
        process.env.FHIR_PYTHON,
        [path.join(REPO_ROOT, 'tests/fhir/validate.py'), path.join(DIST_DIR, 'fhir'), file],
        { encoding: 'utf8' },
      );
      assert.equal(run.status, 0, `fhir.resources validation failed:\n${run.stdout}\n${run.stderr}`);
    } else {
      t.diagnostic('FHIR_PYTHON not set: the Bundle was not validated by fhir.resources');
    }
  });
});
