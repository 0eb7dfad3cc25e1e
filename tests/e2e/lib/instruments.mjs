// The instruments as the end-to-end tests expect to see them, and their scoring rules, written
// out here independently of the widget.
//
// Sources:
// - Wording, response options, values, totals, bands, subscales and the SWEMWBS conversion table:
//   the project's reference, shared/reference/instruments.md (§1.1 ONS4, §1.3 SWEMWBS, §1.4 UCLA-3
//   and the ONS direct question, §1.6 PHQ-9, §1.7 GAD-7, §1.8 PHQ-4). Scores are computed here
//   from those published rules, never copied from the app.
// - What the reference does not fix is the widget's documented contract (its README and
//   src/domain/instrument/catalogue.rs): ids, versions, titles, short labels, "missing" messages,
//   band codes, the ONS direct question's option values (ONS publishes none; the widget codes the
//   options by position) and the PHQ-4 stem (the reference gives none; the widget uses GAD-7's).
//
// Licensed wording (WEMWBS/SWEMWBS) is never written here: the tests take it from the placeholder
// definitions file tests/fixtures/wemwbs-definitions.example.json.

import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './static-server.mjs';

// ---------------------------------------------------------------------------------------------
// Response options

/** ONS4: an 11-point scale 0–10, the ends labelled. `name` is the radio's accessible name. */
function zeroToTen(low, high) {
  return Array.from({ length: 11 }, (_, v) => ({
    value: v,
    label: String(v),
    name: v === 0 ? `0 – ${low}` : v === 10 ? `10 – ${high}` : String(v),
    // Check your answers reads a numbered scale back as "7 out of 10".
    shown: `${v} out of 10`,
  }));
}

function labelled(pairs) {
  return pairs.map(([value, label]) => ({ value, label, name: label, shown: label }));
}

/** PHQ-9, GAD-7, PHQ-4 (LOINC LL358-3). */
const PHQ_OPTIONS = labelled([
  [0, 'Not at all'],
  [1, 'Several days'],
  [2, 'More than half the days'],
  [3, 'Nearly every day'],
]);

/** UCLA-3, ONS wording: Hardly ever (or never) = 1, Some of the time = 2, Often = 3. */
const UCLA_OPTIONS = labelled([
  [1, 'Hardly ever or never'],
  [2, 'Some of the time'],
  [3, 'Often'],
]);

/** WEMWBS/SWEMWBS: None of the time = 1 … All of the time = 5. */
const WEMWBS_OPTIONS = labelled([
  [1, 'None of the time'],
  [2, 'Rarely'],
  [3, 'Some of the time'],
  [4, 'Often'],
  [5, 'All of the time'],
]);

// ---------------------------------------------------------------------------------------------
// Scoring rules (reference §1, §5)

/** `[[min, max, code], …]` → the code of the band `total` falls in. */
function bandOf(bands, total) {
  const hit = bands.find(([min, max]) => total >= min && total <= max);
  if (!hit) throw new Error(`no band for ${total}`);
  return hit[2];
}

const sum = (xs) => xs.reduce((a, b) => a + b, 0);

/** values: one per item, a number or null (skipped). */
const allAnswered = (values) => values.every((v) => v !== null && v !== undefined);

/** ONS4 thresholds. Satisfaction, worthwhile, happy: 0–4 low, 5–6 medium, 7–8 high, 9–10 very high. */
const ONS_POSITIVE = [
  [0, 4, 'low'],
  [5, 6, 'medium'],
  [7, 8, 'high'],
  [9, 10, 'very-high'],
];
/** Anxiety: 0–1 very low, 2–3 low, 4–5 medium, 6–10 high (high = worse). */
const ONS_ANXIETY = [
  [0, 1, 'very-low'],
  [2, 3, 'low'],
  [4, 5, 'medium'],
  [6, 10, 'high'],
];

/** PHQ-9 (LOINC LL382-3): 0–4 none/minimal, 5–9 mild, 10–14 moderate, 15–19 moderately severe, 20–27 severe. */
const PHQ9_BANDS = [
  [0, 4, 'none-minimal'],
  [5, 9, 'mild'],
  [10, 14, 'moderate'],
  [15, 19, 'moderately-severe'],
  [20, 27, 'severe'],
];
/** GAD-7: 0–4 minimal, 5–9 mild, 10–14 moderate, 15–21 severe. */
const GAD7_BANDS = [
  [0, 4, 'minimal'],
  [5, 9, 'mild'],
  [10, 14, 'moderate'],
  [15, 21, 'severe'],
];
/** PHQ-4 total: 0–2 none, 3–5 mild, 6–8 moderate, 9–12 severe. */
const PHQ4_BANDS = [
  [0, 2, 'none'],
  [3, 5, 'mild'],
  [6, 8, 'moderate'],
  [9, 12, 'severe'],
];

/** SWEMWBS raw total → metric score, the whole table of reference §1.3. */
export const SWEMWBS_METRIC = {
  7: 7.0, 8: 9.51, 9: 11.25, 10: 12.4, 11: 13.33, 12: 14.08, 13: 14.75, 14: 15.32, 15: 15.84,
  16: 16.36, 17: 16.88, 18: 17.43, 19: 17.98, 20: 18.59, 21: 19.25, 22: 19.98, 23: 20.73,
  24: 21.54, 25: 22.35, 26: 23.21, 27: 24.11, 28: 25.03, 29: 26.02, 30: 27.03, 31: 28.13,
  32: 29.31, 33: 30.7, 34: 32.55, 35: 35.0,
};

/** A summed total, all items required (no imputation): `{ total, band? }` or null. */
function summed(bands) {
  return (values) => {
    if (!allAnswered(values)) return null;
    const total = sum(values);
    return bands ? { total, band: bandOf(bands, total) } : { total };
  };
}

// ---------------------------------------------------------------------------------------------
// The instruments

const PFIZER =
  'Copyright © Pfizer Inc. All rights reserved. Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute.';

export const WEMWBS_COPYRIGHT =
  'Warwick-Edinburgh Mental Wellbeing Scale (WEMWBS) © NHS Health Scotland, The University of Warwick and University of Edinburgh, 2006, all rights reserved.';

const PHQ9_STEM = 'Over the last 2 weeks, how often have you been bothered by any of the following problems?';
const GAD7_STEM = 'Over the last 2 weeks, how often have you been bothered by the following problems?';

function phqItem(id, text, short, bothered) {
  return { id, text, short, missing: `Select how often you have been bothered by ${bothered}`, options: PHQ_OPTIONS };
}

export const ONS4 = {
  id: 'ons4',
  version: 'gss-2019-04',
  title: 'ONS personal wellbeing',
  instructions:
    "Next I would like to ask you four questions about your feelings on aspects of your life. There are no right or wrong answers. For each of these questions I'd like you to give an answer on a scale of nought to 10, where nought is 'not at all' and 10 is 'completely'.",
  attribution: /Office for National Statistics/,
  items: [
    {
      id: 'satisfaction',
      text: 'Overall, how satisfied are you with your life nowadays?',
      short: 'Life satisfaction',
      missing: 'Select how satisfied you are with your life nowadays',
      options: zeroToTen('not at all satisfied', 'completely satisfied'),
      bands: ONS_POSITIVE,
    },
    {
      id: 'worthwhile',
      text: 'Overall, to what extent do you feel that the things you do in your life are worthwhile?',
      short: 'Things you do are worthwhile',
      missing: 'Select how worthwhile you feel the things you do in your life are',
      options: zeroToTen('not at all worthwhile', 'completely worthwhile'),
      bands: ONS_POSITIVE,
    },
    {
      id: 'happy',
      text: 'Overall, how happy did you feel yesterday?',
      short: 'Happiness yesterday',
      missing: 'Select how happy you felt yesterday',
      options: zeroToTen('not at all happy', 'completely happy'),
      bands: ONS_POSITIVE,
    },
    {
      id: 'anxious',
      text: "On a scale where nought is 'not at all anxious' and 10 is 'completely anxious', overall, how anxious did you feel yesterday?",
      short: 'Anxiety yesterday',
      missing: 'Select how anxious you felt yesterday',
      options: zeroToTen('not at all anxious', 'completely anxious'),
      bands: ONS_ANXIETY,
    },
  ],
  /** No composite: each answered item with its band; an unanswered item is simply not reported. */
  score(values) {
    const items = ONS4.items
      .map((item, i) => ({ item: item.id, value: values[i] }))
      .filter((x) => x.value !== null && x.value !== undefined)
      .map((x) => ({ ...x, band: bandOf(ONS4.items.find((it) => it.id === x.item).bands, x.value) }));
    return items.length ? { items } : null;
  },
};

/** The ONS introduction to `count` loneliness questions asked together (four: ONS's own words). */
export function lonelinessIntroduction(count) {
  const word = { 1: 'one', 2: 'two', 3: 'three', 4: 'four' }[count] ?? String(count);
  return `The next ${word} questions are about relationships with others. For each one, please say how often (if at all) you feel that way.`;
}

export const UCLA3 = {
  id: 'ucla3',
  version: 'gss-2020-05',
  title: 'Loneliness (ONS, three-item UCLA scale)',
  /** No stem on every question: the introduction is shown once, on the first (lib/journey.mjs). */
  instructions: null,
  introduction: lonelinessIntroduction,
  attribution: /Office for National Statistics/,
  items: [
    {
      id: 'ucla3-1',
      text: 'How often do you feel that you lack companionship?',
      short: 'Lack companionship',
      missing: 'Select how often you feel that you lack companionship',
      options: UCLA_OPTIONS,
    },
    {
      id: 'ucla3-2',
      text: 'How often do you feel left out?',
      short: 'Feel left out',
      missing: 'Select how often you feel left out',
      options: UCLA_OPTIONS,
    },
    {
      id: 'ucla3-3',
      text: 'How often do you feel isolated from others?',
      short: 'Feel isolated from others',
      missing: 'Select how often you feel isolated from others',
      options: UCLA_OPTIONS,
    },
  ],
  /** Sum 3–9, higher = lonelier; no cut-off is confirmed, so no band. */
  score: summed(null),
};

export const ONS_LONELINESS = {
  id: 'ons-loneliness',
  version: 'gss-2020-05',
  title: 'Loneliness (ONS direct question)',
  instructions: null,
  attribution: /Office for National Statistics/,
  items: [
    {
      id: 'lonely',
      text: 'How often do you feel lonely?',
      short: 'How often you feel lonely',
      missing: 'Select how often you feel lonely',
      // The published order; ONS publishes no codes and the widget codes them by position.
      options: labelled([
        [1, 'Often/always'],
        [2, 'Some of the time'],
        [3, 'Occasionally'],
        [4, 'Hardly ever'],
        [5, 'Never'],
      ]),
    },
  ],
  /** Categorical: no score. */
  score: () => null,
};

export const PHQ9 = {
  id: 'phq9',
  version: 'loinc-44249-1',
  title: 'Patient Health Questionnaire (PHQ-9)',
  instructions: PHQ9_STEM,
  attribution: PFIZER,
  items: [
    phqItem('phq9-1', 'Little interest or pleasure in doing things', 'Little interest or pleasure in doing things', 'little interest or pleasure in doing things'),
    phqItem('phq9-2', 'Feeling down, depressed, or hopeless', 'Feeling down, depressed or hopeless', 'feeling down, depressed or hopeless'),
    phqItem('phq9-3', 'Trouble falling or staying asleep, or sleeping too much', 'Sleep', 'trouble falling or staying asleep, or sleeping too much'),
    phqItem('phq9-4', 'Feeling tired or having little energy', 'Tiredness or little energy', 'feeling tired or having little energy'),
    phqItem('phq9-5', 'Poor appetite or overeating', 'Appetite', 'poor appetite or overeating'),
    phqItem(
      'phq9-6',
      'Feeling bad about yourself - or that you are a failure or have let yourself or your family down',
      'Feeling bad about yourself',
      'feeling bad about yourself',
    ),
    phqItem(
      'phq9-7',
      'Trouble concentrating on things, such as reading the newspaper or watching television',
      'Concentration',
      'trouble concentrating on things',
    ),
    phqItem(
      'phq9-8',
      'Moving or speaking so slowly that other people could have noticed. Or the opposite - being so fidgety or restless that you have been moving around a lot more than usual',
      'Moving or speaking slowly, or being restless',
      'moving or speaking slowly, or being fidgety or restless',
    ),
    phqItem(
      'phq9-9',
      'Thoughts that you would be better off dead, or of hurting yourself in some way',
      'Thoughts of being better off dead or of hurting yourself',
      'thoughts that you would be better off dead, or of hurting yourself',
    ),
  ],
  /** Sum of items 1–9, 0–27, banded; all nine required. */
  score: summed(PHQ9_BANDS),
};

export const GAD7 = {
  id: 'gad7',
  version: 'loinc-69737-5',
  title: 'Generalised Anxiety Disorder assessment (GAD-7)',
  instructions: GAD7_STEM,
  attribution: PFIZER,
  items: [
    phqItem('gad7-1', 'Feeling nervous, anxious, or on edge', 'Feeling nervous, anxious or on edge', 'feeling nervous, anxious or on edge'),
    phqItem('gad7-2', 'Not being able to stop or control worrying', 'Not being able to stop or control worrying', 'not being able to stop or control worrying'),
    phqItem('gad7-3', 'Worrying too much about different things', 'Worrying too much', 'worrying too much about different things'),
    phqItem('gad7-4', 'Trouble relaxing', 'Trouble relaxing', 'trouble relaxing'),
    phqItem('gad7-5', 'Being so restless that it is hard to sit still', 'Restlessness', 'being so restless that it is hard to sit still'),
    phqItem('gad7-6', 'Becoming easily annoyed or irritable', 'Easily annoyed or irritable', 'becoming easily annoyed or irritable'),
    phqItem('gad7-7', 'Feeling afraid, as if something awful might happen', 'Feeling afraid', 'feeling afraid, as if something awful might happen'),
  ],
  /** Sum 0–21, banded; all seven required. */
  score: summed(GAD7_BANDS),
};

export const PHQ4 = {
  id: 'phq4',
  version: 'kroenke-2009',
  title: 'Patient Health Questionnaire (PHQ-4)',
  // The reference gives no PHQ-4 stem; the widget documents using GAD-7's.
  instructions: GAD7_STEM,
  attribution: PFIZER,
  items: [
    phqItem('phq4-1', 'Feeling nervous, anxious or on edge', 'Feeling nervous, anxious or on edge', 'feeling nervous, anxious or on edge'),
    phqItem('phq4-2', 'Not being able to stop or control worrying', 'Not being able to stop or control worrying', 'not being able to stop or control worrying'),
    phqItem('phq4-3', 'Little interest or pleasure in doing things', 'Little interest or pleasure in doing things', 'little interest or pleasure in doing things'),
    phqItem('phq4-4', 'Feeling down, depressed or hopeless', 'Feeling down, depressed or hopeless', 'feeling down, depressed or hopeless'),
  ],
  /** Total 0–12, banded; anxiety = items 1+2, depression = items 3+4, each ≥ 3 a positive screen. */
  score(values) {
    if (!allAnswered(values)) return null;
    const total = sum(values);
    const anxiety = values[0] + values[1];
    const depression = values[2] + values[3];
    return {
      total,
      band: bandOf(PHQ4_BANDS, total),
      subscales: [
        { id: 'anxiety', total: anxiety, positive: anxiety >= 3 },
        { id: 'depression', total: depression, positive: depression >= 3 },
      ],
    };
  },
};

// ---------------------------------------------------------------------------------------------
// Licensed: wording from the placeholder definitions file

export const DEFINITIONS_FIXTURE = path.join(REPO_ROOT, 'tests', 'fixtures', 'wemwbs-definitions.example.json');

/** The placeholder definitions file, parsed. */
export function definitionsFixture() {
  return JSON.parse(fs.readFileSync(DEFINITIONS_FIXTURE, 'utf8'));
}

/** SWEMWBS with the wording of the placeholder definitions file (items 1, 2, 3, 6, 7, 9, 11). */
export function swemwbsFromFixture() {
  const def = definitionsFixture().instruments.find((i) => i.id === 'swemwbs');
  return {
    id: 'swemwbs',
    version: 'warwick-2009',
    title: def.title,
    instructions: def.instructions,
    attribution: WEMWBS_COPYRIGHT,
    items: def.items.map((it) => ({
      id: it.id,
      text: it.text,
      short: it.short_label,
      missing: it.missing_message,
      options: WEMWBS_OPTIONS,
    })),
    /** Raw sum 7–35 (all seven required), converted with the reference table. */
    score(values) {
      if (!allAnswered(values)) return null;
      const total = sum(values);
      return { total, metric: SWEMWBS_METRIC[total] };
    },
  };
}

export const OPEN_INSTRUMENTS = [ONS4, UCLA3, ONS_LONELINESS, PHQ9, GAD7, PHQ4];

/** The measures the demo page asks when it has no data-measures. */
export const DEFAULT_MEASURES = [ONS4, UCLA3, ONS_LONELINESS];

// ---------------------------------------------------------------------------------------------
// Expected payload parts

/** The option of `item` whose label is `answer` (a label, or an ONS4 number). */
export function optionOf(item, answer) {
  const option = item.options.find((o) => o.label === String(answer));
  if (!option) throw new Error(`item ${item.id} has no option ${JSON.stringify(answer)}`);
  return option;
}

/** answers: one per item, an option label (or ONS4 number) or null for "Skip this question". */
export function valuesOf(inst, answers) {
  assertLength(inst, answers);
  return inst.items.map((item, i) => (answers[i] === null ? null : optionOf(item, answers[i]).value));
}

/** The measure the widget must send for these answers, scored by the rules above. */
export function expectedMeasure(inst, answers) {
  const values = valuesOf(inst, answers);
  return {
    instrument: inst.id,
    version: inst.version,
    answers: inst.items
      .map((item, i) => ({ item: item.id, value: values[i] }))
      .filter((a) => a.value !== null),
    score: inst.score(values),
  };
}

/** The submission's risk: PHQ-9 item 9 answered above 0 (reference §1.6) is urgent. */
export function expectedRisk(measures) {
  const reasons = [];
  for (const [inst, answers] of measures) {
    if (inst.id === 'phq9') {
      const v = valuesOf(inst, answers)[8];
      if (v !== null && v > 0) reasons.push('phq9-item9');
    }
  }
  return { urgent: reasons.length > 0, reasons };
}

function assertLength(inst, answers) {
  if (answers.length !== inst.items.length) {
    throw new Error(`${inst.id} has ${inst.items.length} items, ${answers.length} answers given`);
  }
}
