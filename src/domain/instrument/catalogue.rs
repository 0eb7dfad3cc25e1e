//! The built-in instruments, each defined once as data. Facts, wording and sources are those of
//! shared/reference/instruments.md (§1.1–1.8 and §5); choices made where the reference marks a
//! fact UNCONFIRMED are documented on each definition.
//!
//! Open instruments (ONS4, ONS loneliness, PHQ-9, GAD-7, PHQ-4) carry their published wording.
//! Licensed instruments (WEMWBS, SWEMWBS) carry ids, options, scoring and the copyright line but
//! **no wording**: item text and instructions are empty, and a licensed deployment supplies them
//! in a definitions file (see [`super::definitions`]). This repository must never hold WEMWBS
//! item wording; a test checks it.

use super::{
    Band, Conversion, Direction, Instrument, Item, LicenceKind, MeaningfulChange, MissingAnswers,
    RecallPeriod, ResponseOption, RiskRule, Scoring, Subscale,
};

/// The ids of the built-in instruments, in the order a service would usually list them.
pub const BUILTIN_IDS: [&str; 8] = [
    "ons4",
    "ucla3",
    "ons-loneliness",
    "phq9",
    "gad7",
    "phq4",
    "wemwbs",
    "swemwbs",
];

/// The ids of the built-in instruments.
pub fn builtin_ids() -> &'static [&'static str] {
    &BUILTIN_IDS
}

/// The built-in instrument with this id. WEMWBS and SWEMWBS come without wording
/// ([`Instrument::has_wording`] is false): use [`super::resolve`] to get them with the wording a
/// licensed deployment loaded.
pub fn builtin(id: &str) -> Option<Instrument> {
    match id {
        "ons4" => Some(ons4()),
        "ucla3" => Some(ucla3()),
        "ons-loneliness" => Some(ons_loneliness()),
        "phq9" => Some(phq9()),
        "gad7" => Some(gad7()),
        "phq4" => Some(phq4()),
        "wemwbs" => Some(wemwbs()),
        "swemwbs" => Some(swemwbs()),
        _ => None,
    }
}

/// The Pfizer statement for the PHQ family (LOINC 44261-6 copyright field; reference §1.6).
pub const PFIZER_STATEMENT: &str = "Copyright © Pfizer Inc. All rights reserved. Developed by Drs. \
     Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational \
     grant from Pfizer Inc. No permission required to reproduce, translate, display or \
     distribute.";

/// The acknowledgement Warwick requires for WEMWBS (reference §1.2).
///
/// SWEMWBS uses the same line. The reference notes a discrepancy for SWEMWBS: a 3rd-party copy
/// reads "© University of Warwick 2006" and Stewart-Brown 2009 annotates "2008". SWEMWBS is seven
/// WEMWBS items, owned by the same three bodies, and this owners' line is the only one seen as
/// required by Warwick, so it is shown unchanged with both. Check it against the licensed user
/// guide before release; a definitions file cannot change it (change it here).
pub const WEMWBS_COPYRIGHT: &str = "Warwick-Edinburgh Mental Wellbeing Scale (WEMWBS) © NHS Health \
     Scotland, The University of Warwick and University of Edinburgh, 2006, all rights reserved.";

const WEMWBS_LICENCE: &str = "Licence required from the University of Warwick (non-commercial or \
     commercial); the scale must not be altered. The wording is supplied by the licensed \
     deployment and is never shipped in this repository.";

const PFIZER_LICENCE: &str = "PHQ family (Pfizer Inc.): no permission required to reproduce, translate, display or distribute.";

const ONS_LICENCE: &str = "ONS/GSS harmonised standard questions, published for reuse";

fn option(value: i64, label: &str) -> ResponseOption {
    ResponseOption {
        value,
        label: label.into(),
        anchor: None,
    }
}

fn item(id: &str, text: &str, short: &str, missing: &str, options: Vec<ResponseOption>) -> Item {
    Item {
        id: id.into(),
        text: text.into(),
        short_label: short.into(),
        missing_message: missing.into(),
        options,
        bands: Vec::new(),
        reverse: false,
        direction: None,
        recall_period: None,
    }
}

fn band(min: i64, max: i64, code: &str, label: &str) -> Band {
    Band {
        min,
        max,
        code: code.into(),
        label: label.into(),
    }
}

// ---------------------------------------------------------------------------------------------
// ONS4 (reference §1.1)
// ---------------------------------------------------------------------------------------------

fn zero_to_ten(low: &str, high: &str) -> Vec<ResponseOption> {
    (0..=10)
        .map(|v| ResponseOption {
            value: v,
            label: v.to_string(),
            anchor: match v {
                0 => Some(low.to_owned()),
                10 => Some(high.to_owned()),
                _ => None,
            },
        })
        .collect()
}

/// ONS4 positive-item thresholds: 0–4 low, 5–6 medium, 7–8 high, 9–10 very high.
fn positive_bands() -> Vec<Band> {
    vec![
        band(0, 4, "low", "Low"),
        band(5, 6, "medium", "Medium"),
        band(7, 8, "high", "High"),
        band(9, 10, "very-high", "Very high"),
    ]
}

/// ONS4 anxiety thresholds: 0–1 very low, 2–3 low, 4–5 medium, 6–10 high (high = worse).
fn anxiety_bands() -> Vec<Band> {
    vec![
        band(0, 1, "very-low", "Very low"),
        band(2, 3, "low", "Low"),
        band(4, 5, "medium", "Medium"),
        band(6, 10, "high", "High"),
    ]
}

/// ONS personal well-being (ONS4), GSS harmonised standard "Personal well-being" (17 April 2019),
/// interviewer wording ("nought to 10"; the self-completion wording is UNCONFIRMED).
///
/// Each item is reported on its own with the ONS thresholds; ONS publishes no composite score, so
/// there is no total. Anxiety runs the other way (higher is worse), so that item's direction is
/// lower-is-better. No missing-item rule is published: with no composite, an unanswered item is
/// simply not reported. No individual-level meaningful change is published.
pub fn ons4() -> Instrument {
    #[allow(clippy::too_many_arguments)]
    fn ons_item(
        id: &str,
        text: &str,
        short: &str,
        missing: &str,
        low: &str,
        high: &str,
        bands: Vec<Band>,
        recall: RecallPeriod,
    ) -> Item {
        Item {
            bands,
            recall_period: Some(recall),
            ..item(id, text, short, missing, zero_to_ten(low, high))
        }
    }
    Instrument {
        id: "ons4".into(),
        version: "gss-2019-04".into(),
        title: "ONS personal wellbeing".into(),
        instructions: "Next I would like to ask you four questions about your feelings on aspects of \
                       your life. There are no right or wrong answers. For each of these questions I'd \
                       like you to give an answer on a scale of nought to 10, where nought is 'not at \
                       all' and 10 is 'completely'."
            .into(),
        recall_period: RecallPeriod::PerItem,
        items: vec![
            ons_item(
                "satisfaction",
                "Overall, how satisfied are you with your life nowadays?",
                "Life satisfaction",
                "Select how satisfied you are with your life nowadays",
                "not at all satisfied",
                "completely satisfied",
                positive_bands(),
                RecallPeriod::Current,
            ),
            ons_item(
                "worthwhile",
                "Overall, to what extent do you feel that the things you do in your life are worthwhile?",
                "Things you do are worthwhile",
                "Select how worthwhile you feel the things you do in your life are",
                "not at all worthwhile",
                "completely worthwhile",
                positive_bands(),
                RecallPeriod::Current,
            ),
            ons_item(
                "happy",
                "Overall, how happy did you feel yesterday?",
                "Happiness yesterday",
                "Select how happy you felt yesterday",
                "not at all happy",
                "completely happy",
                positive_bands(),
                RecallPeriod::Yesterday,
            ),
            Item {
                direction: Some(Direction::LowerIsBetter),
                ..ons_item(
                    "anxious",
                    "On a scale where nought is 'not at all anxious' and 10 is 'completely anxious', \
                     overall, how anxious did you feel yesterday?",
                    "Anxiety yesterday",
                    "Select how anxious you felt yesterday",
                    "not at all anxious",
                    "completely anxious",
                    anxiety_bands(),
                    RecallPeriod::Yesterday,
                )
            },
        ],
        scoring: Scoring::PerItem {},
        missing_answers: MissingAnswers::PerItem,
        direction: Some(Direction::HigherIsBetter),
        meaningful_change: MeaningfulChange::NotPublished {
            note: "ONS publishes no individual-level meaningful change for the personal wellbeing \
                   questions; whether a validated one exists is UNCONFIRMED."
                .into(),
        },
        risk: Vec::new(),
        licence: ONS_LICENCE.into(),
        licence_kind: LicenceKind::Open,
        attribution: Some(
            "Questions from the Office for National Statistics (ONS) personal wellbeing measures."
                .into(),
        ),
    }
}

// ---------------------------------------------------------------------------------------------
// ONS loneliness (reference §1.4)
// ---------------------------------------------------------------------------------------------

const ONS_LONELINESS_ATTRIBUTION: &str =
    "Questions from the Office for National Statistics (ONS) national measures of loneliness.";

/// The ONS indirect loneliness measure: the three UCLA-based items, GSS "Loneliness indicators"
/// harmonised standard (13 May 2020), adults 16+.
///
/// * Hardly ever or never = 1, Some of the time = 2, Often = 3; the total is the sum, 3–9,
///   higher = lonelier.
/// * **No bands.** The common "≥ 6 = lonely" cut-off (ELSA / Steptoe 2013) is UNCONFIRMED from a
///   primary source and another study used ≥ 4, so no cut-off is built in; a service that adopts
///   one should apply it to the reported total.
/// * **Missing answers:** no ONS rule was found (UNCONFIRMED); the total is a sum, so it is not
///   computed unless all three items are answered (as the R-Outcomes ONS-loneliness variant:
///   "a summary score is not calculated if any item scores are missing").
/// * The instructions are the ONS introduction, which introduces four questions: ONS advises
///   asking these three together with the direct question ([`ons_loneliness`]).
pub fn ucla3() -> Instrument {
    let options = || {
        vec![
            option(1, "Hardly ever or never"),
            option(2, "Some of the time"),
            option(3, "Often"),
        ]
    };
    Instrument {
        id: "ucla3".into(),
        version: "gss-2020-05".into(),
        title: "Loneliness (ONS, three-item UCLA scale)".into(),
        instructions: "The next four questions are about relationships with others. For each one, \
                       please say how often (if at all) you feel that way."
            .into(),
        recall_period: RecallPeriod::NotStated,
        items: vec![
            item(
                "ucla3-1",
                "How often do you feel that you lack companionship?",
                "Lack companionship",
                "Select how often you feel that you lack companionship",
                options(),
            ),
            item(
                "ucla3-2",
                "How often do you feel left out?",
                "Feel left out",
                "Select how often you feel left out",
                options(),
            ),
            item(
                "ucla3-3",
                "How often do you feel isolated from others?",
                "Feel isolated from others",
                "Select how often you feel isolated from others",
                options(),
            ),
        ],
        scoring: Scoring::Sum { bands: Vec::new() },
        missing_answers: MissingAnswers::AllRequired,
        direction: Some(Direction::LowerIsBetter),
        meaningful_change: MeaningfulChange::NotPublished {
            note: "No meaningful change was found for the three-item UCLA loneliness scale \
                   (UNCONFIRMED)."
                .into(),
        },
        risk: Vec::new(),
        licence: format!(
            "{ONS_LICENCE} (exact licence text UNCONFIRMED; the UCLA 3-item scale, Hughes et al. \
             2004, is widely reused)"
        ),
        licence_kind: LicenceKind::Open,
        attribution: Some(ONS_LONELINESS_ATTRIBUTION.into()),
    }
}

/// The ONS direct loneliness question, GSS "Loneliness indicators" (13 May 2020).
///
/// Categorical, **not scored**: the score is always `null` and the answer is reported as it is.
/// ONS publishes no numeric codes; the option values are their positions in the published order
/// (1 = Often/always … 5 = Never) and are never summed. The instructions are empty: the ONS
/// introduction (see [`ucla3`]) introduces all four questions and is shown with the UCLA items.
pub fn ons_loneliness() -> Instrument {
    Instrument {
        id: "ons-loneliness".into(),
        version: "gss-2020-05".into(),
        title: "Loneliness (ONS direct question)".into(),
        instructions: String::new(),
        recall_period: RecallPeriod::NotStated,
        items: vec![item(
            "lonely",
            "How often do you feel lonely?",
            "How often you feel lonely",
            "Select how often you feel lonely",
            vec![
                option(1, "Often/always"),
                option(2, "Some of the time"),
                option(3, "Occasionally"),
                option(4, "Hardly ever"),
                option(5, "Never"),
            ],
        )],
        scoring: Scoring::None {},
        missing_answers: MissingAnswers::AllRequired,
        direction: None,
        meaningful_change: MeaningfulChange::NotPublished {
            note: "Not applicable: the direct question is categorical and has no score.".into(),
        },
        risk: Vec::new(),
        licence: format!("{ONS_LICENCE} (exact licence text UNCONFIRMED)"),
        licence_kind: LicenceKind::Open,
        attribution: Some(ONS_LONELINESS_ATTRIBUTION.into()),
    }
}

// ---------------------------------------------------------------------------------------------
// PHQ-9, GAD-7, PHQ-4 (reference §1.6–1.8)
// ---------------------------------------------------------------------------------------------

/// Not at all = 0, Several days = 1, More than half the days = 2, Nearly every day = 3
/// (LOINC LL358-3).
fn phq_options() -> Vec<ResponseOption> {
    vec![
        option(0, "Not at all"),
        option(1, "Several days"),
        option(2, "More than half the days"),
        option(3, "Nearly every day"),
    ]
}

fn phq_item(id: &str, text: &str, short: &str, bothered_by: &str) -> Item {
    item(
        id,
        text,
        short,
        &format!("Select how often you have been bothered by {bothered_by}"),
        phq_options(),
    )
}

/// PHQ-9 (Patient Health Questionnaire), items 1–9 in their LOINC display wording (LOINC
/// LL358-3; FHIR Questionnaire 44249-1), with the standard stem.
///
/// * Sum of items 1–9, 0–27. Bands (LOINC LL382-3): 0–4 none/minimal, 5–9 mild, 10–14
///   moderate, 15–19 moderately severe, 20–27 severe.
/// * **Item 10** (functional difficulty, not scored) is **not included**: its exact wording and
///   LOINC code are UNCONFIRMED in the reference.
/// * The stem and punctuation follow the reference's LOINC copy; the official PDF's punctuation
///   is UNCONFIRMED.
/// * **Missing answers:** all nine items are required (as CamCOPS); a prorating rule is
///   UNCONFIRMED and is not applied, so nothing is imputed.
/// * **Meaningful change:** the NHS Talking Therapies (IAPT) reliable-improvement threshold, a
///   change of 6 or more points, from a secondary source quoting the IAPT Manual. The 5-point
///   MCID (Löwe 2004) is widely cited but UNCONFIRMED from a primary source.
/// * **Risk:** item 9 answered above 0 adds the reason `phq9-item9`.
pub fn phq9() -> Instrument {
    Instrument {
        id: "phq9".into(),
        version: "loinc-44249-1".into(),
        title: "Patient Health Questionnaire (PHQ-9)".into(),
        instructions:
            "Over the last 2 weeks, how often have you been bothered by any of the following problems?"
                .into(),
        recall_period: RecallPeriod::Last2Weeks,
        items: vec![
            phq_item(
                "phq9-1",
                "Little interest or pleasure in doing things",
                "Interest or pleasure in doing things",
                "little interest or pleasure in doing things",
            ),
            phq_item(
                "phq9-2",
                "Feeling down, depressed, or hopeless",
                "Feeling down, depressed or hopeless",
                "feeling down, depressed or hopeless",
            ),
            phq_item(
                "phq9-3",
                "Trouble falling or staying asleep, or sleeping too much",
                "Sleep",
                "trouble falling or staying asleep, or sleeping too much",
            ),
            phq_item(
                "phq9-4",
                "Feeling tired or having little energy",
                "Tiredness or little energy",
                "feeling tired or having little energy",
            ),
            phq_item(
                "phq9-5",
                "Poor appetite or overeating",
                "Appetite",
                "poor appetite or overeating",
            ),
            phq_item(
                "phq9-6",
                "Feeling bad about yourself - or that you are a failure or have let yourself or your family down",
                "Feeling bad about yourself",
                "feeling bad about yourself",
            ),
            phq_item(
                "phq9-7",
                "Trouble concentrating on things, such as reading the newspaper or watching television",
                "Concentration",
                "trouble concentrating on things",
            ),
            phq_item(
                "phq9-8",
                "Moving or speaking so slowly that other people could have noticed. Or the opposite - being so fidgety or restless that you have been moving around a lot more than usual",
                "Moving or speaking slowly, or being restless",
                "moving or speaking slowly, or being fidgety or restless",
            ),
            phq_item(
                "phq9-9",
                "Thoughts that you would be better off dead, or of hurting yourself in some way",
                "Thoughts of being better off dead or of hurting yourself",
                "thoughts that you would be better off dead, or of hurting yourself",
            ),
        ],
        scoring: Scoring::Sum {
            bands: vec![
                band(0, 4, "none-minimal", "None or minimal"),
                band(5, 9, "mild", "Mild"),
                band(10, 14, "moderate", "Moderate"),
                band(15, 19, "moderately-severe", "Moderately severe"),
                band(20, 27, "severe", "Severe"),
            ],
        },
        missing_answers: MissingAnswers::AllRequired,
        direction: Some(Direction::LowerIsBetter),
        meaningful_change: MeaningfulChange::Published {
            points: 6.0,
            source: "NHS Talking Therapies (IAPT) reliable improvement: a change of 6 or more \
                     points (IAPT Manual, quoted by a secondary source; UNCONFIRMED from the \
                     primary source). A 5-point MCID (Löwe 2004) is also widely cited."
                .into(),
        },
        risk: vec![RiskRule {
            item: "phq9-9".into(),
            at_least: 1,
            reason: "phq9-item9".into(),
        }],
        licence: PFIZER_LICENCE.into(),
        licence_kind: LicenceKind::Open,
        attribution: Some(PFIZER_STATEMENT.into()),
    }
}

/// GAD-7 (Generalised Anxiety Disorder), items in their LOINC panel 69737-5 wording.
///
/// * Sum, 0–21. Bands: 0–4 minimal, 5–9 mild, 10–14 moderate, 15–21 severe.
/// * The stem is "… by the following problems?"; copies vary ("by any of the following
///   problems") and which is official is UNCONFIRMED. The official PDF's wording is UNCONFIRMED.
/// * **Missing answers:** all seven items are required (official rule UNCONFIRMED).
/// * **Meaningful change:** the NHS Talking Therapies (IAPT) reliable-improvement threshold, a
///   change of 4 or more points (secondary source); an MCID of about 4 is UNCONFIRMED.
pub fn gad7() -> Instrument {
    Instrument {
        id: "gad7".into(),
        version: "loinc-69737-5".into(),
        title: "Generalised Anxiety Disorder assessment (GAD-7)".into(),
        instructions:
            "Over the last 2 weeks, how often have you been bothered by the following problems?"
                .into(),
        recall_period: RecallPeriod::Last2Weeks,
        items: vec![
            phq_item(
                "gad7-1",
                "Feeling nervous, anxious, or on edge",
                "Feeling nervous, anxious or on edge",
                "feeling nervous, anxious or on edge",
            ),
            phq_item(
                "gad7-2",
                "Not being able to stop or control worrying",
                "Not being able to stop or control worrying",
                "not being able to stop or control worrying",
            ),
            phq_item(
                "gad7-3",
                "Worrying too much about different things",
                "Worrying too much",
                "worrying too much about different things",
            ),
            phq_item(
                "gad7-4",
                "Trouble relaxing",
                "Trouble relaxing",
                "trouble relaxing",
            ),
            phq_item(
                "gad7-5",
                "Being so restless that it is hard to sit still",
                "Restlessness",
                "being so restless that it is hard to sit still",
            ),
            phq_item(
                "gad7-6",
                "Becoming easily annoyed or irritable",
                "Easily annoyed or irritable",
                "becoming easily annoyed or irritable",
            ),
            phq_item(
                "gad7-7",
                "Feeling afraid, as if something awful might happen",
                "Feeling afraid",
                "feeling afraid, as if something awful might happen",
            ),
        ],
        scoring: Scoring::Sum {
            bands: vec![
                band(0, 4, "minimal", "Minimal"),
                band(5, 9, "mild", "Mild"),
                band(10, 14, "moderate", "Moderate"),
                band(15, 21, "severe", "Severe"),
            ],
        },
        missing_answers: MissingAnswers::AllRequired,
        direction: Some(Direction::LowerIsBetter),
        meaningful_change: MeaningfulChange::Published {
            points: 4.0,
            source: "NHS Talking Therapies (IAPT) reliable improvement: a change of 4 or more \
                     points (IAPT Manual, quoted by a secondary source; UNCONFIRMED from the \
                     primary source)."
                .into(),
        },
        risk: Vec::new(),
        licence: PFIZER_LICENCE.into(),
        licence_kind: LicenceKind::Open,
        attribution: Some(PFIZER_STATEMENT.into()),
    }
}

/// PHQ-4 (PHQ-2 + GAD-2; Kroenke et al. 2009), items as listed in the reference (NINDS CDE).
///
/// * Total 0–12: 0–2 none, 3–5 mild, 6–8 moderate, 9–12 severe.
/// * Subscales: anxiety = items 1 + 2, depression = items 3 + 4 (each 0–6); a subscale total of
///   3 or more is a positive screen.
/// * The reference gives no PHQ-4 stem; the GAD-7 stem ("… by the following problems?") is used
///   (UNCONFIRMED).
/// * **Missing answers:** all four items are required, for the total and the subscales alike.
/// * The Pfizer statement is shown; that it covers PHQ-4 specifically is UNCONFIRMED.
/// * No meaningful change is published.
pub fn phq4() -> Instrument {
    Instrument {
        id: "phq4".into(),
        version: "kroenke-2009".into(),
        title: "Patient Health Questionnaire (PHQ-4)".into(),
        instructions:
            "Over the last 2 weeks, how often have you been bothered by the following problems?"
                .into(),
        recall_period: RecallPeriod::Last2Weeks,
        items: vec![
            phq_item(
                "phq4-1",
                "Feeling nervous, anxious or on edge",
                "Feeling nervous, anxious or on edge",
                "feeling nervous, anxious or on edge",
            ),
            phq_item(
                "phq4-2",
                "Not being able to stop or control worrying",
                "Not being able to stop or control worrying",
                "not being able to stop or control worrying",
            ),
            phq_item(
                "phq4-3",
                "Little interest or pleasure in doing things",
                "Interest or pleasure in doing things",
                "little interest or pleasure in doing things",
            ),
            phq_item(
                "phq4-4",
                "Feeling down, depressed or hopeless",
                "Feeling down, depressed or hopeless",
                "feeling down, depressed or hopeless",
            ),
        ],
        scoring: Scoring::SumWithSubscales {
            bands: vec![
                band(0, 2, "none", "None"),
                band(3, 5, "mild", "Mild"),
                band(6, 8, "moderate", "Moderate"),
                band(9, 12, "severe", "Severe"),
            ],
            subscales: vec![
                Subscale {
                    id: "anxiety".into(),
                    label: "Anxiety (GAD-2)".into(),
                    items: vec!["phq4-1".into(), "phq4-2".into()],
                    positive_at: Some(3),
                },
                Subscale {
                    id: "depression".into(),
                    label: "Depression (PHQ-2)".into(),
                    items: vec!["phq4-3".into(), "phq4-4".into()],
                    positive_at: Some(3),
                },
            ],
        },
        missing_answers: MissingAnswers::AllRequired,
        direction: Some(Direction::LowerIsBetter),
        meaningful_change: MeaningfulChange::NotPublished {
            note: "No meaningful change was found for the PHQ-4 total or its subscales.".into(),
        },
        risk: Vec::new(),
        licence: format!("{PFIZER_LICENCE} (UNCONFIRMED specifically for PHQ-4)"),
        licence_kind: LicenceKind::Open,
        attribution: Some(PFIZER_STATEMENT.into()),
    }
}

// ---------------------------------------------------------------------------------------------
// WEMWBS, SWEMWBS (reference §1.2–1.3) — licensed: no wording here
// ---------------------------------------------------------------------------------------------

/// None of the time = 1, Rarely = 2, Some of the time = 3, Often = 4, All of the time = 5.
fn wemwbs_options() -> Vec<ResponseOption> {
    vec![
        option(1, "None of the time"),
        option(2, "Rarely"),
        option(3, "Some of the time"),
        option(4, "Often"),
        option(5, "All of the time"),
    ]
}

/// A WEMWBS item without wording: id `wemwbs-{number}`, a neutral label by its position in the
/// instrument (the licensed deployment may supply better ones with the wording).
fn wemwbs_item(number: usize, position: usize) -> Item {
    item(
        &format!("wemwbs-{number}"),
        "",
        &format!("Statement {position}"),
        "Select how often you have felt this way over the last 2 weeks",
        wemwbs_options(),
    )
}

/// The SWEMWBS items: WEMWBS items 1, 2, 3, 6, 7, 9 and 11, in that order.
pub const SWEMWBS_ITEMS: [usize; 7] = [1, 2, 3, 6, 7, 9, 11];

/// WEMWBS (Warwick-Edinburgh Mental Wellbeing Scale, 14 items). **Licensed: no wording here.**
///
/// * Items `wemwbs-1` … `wemwbs-14`, 1–5 each; sum 14–70; all positively worded, none reversed.
/// * **No bands:** Warwick says WEMWBS "does not provide a cut point" and is not a screening tool;
///   the bands seen (e.g. 14–42 / 43–44 / 45–59 / 60–70) are UNCONFIRMED or 3rd-party.
/// * **Missing answers:** Warwick's rule is in the licensed user guide (UNCONFIRMED); as CamCOPS,
///   the score needs all 14 items.
/// * **Meaningful change:** about 3 or more points (Warwick FAQ).
pub fn wemwbs() -> Instrument {
    Instrument {
        id: "wemwbs".into(),
        version: "warwick-2006".into(),
        title: "Warwick-Edinburgh Mental Wellbeing Scale (WEMWBS)".into(),
        instructions: String::new(),
        recall_period: RecallPeriod::Last2Weeks,
        items: (1..=14).map(|n| wemwbs_item(n, n)).collect(),
        scoring: Scoring::Sum { bands: Vec::new() },
        missing_answers: MissingAnswers::AllRequired,
        direction: Some(Direction::HigherIsBetter),
        meaningful_change: MeaningfulChange::Published {
            points: 3.0,
            source: "Warwick WEMWBS FAQ: a change of about 3 or more points can be considered \
                     significant."
                .into(),
        },
        risk: Vec::new(),
        licence: WEMWBS_LICENCE.into(),
        licence_kind: LicenceKind::Licensed,
        attribution: Some(WEMWBS_COPYRIGHT.into()),
    }
}

/// The SWEMWBS raw → metric conversion table, every raw total 7–35 (reference §1.3: identical in
/// two independent 3rd-party sources; verify against the licensed Warwick guide before release).
const SWEMWBS_METRIC: [(i64, f64); 29] = [
    (7, 7.00),
    (8, 9.51),
    (9, 11.25),
    (10, 12.40),
    (11, 13.33),
    (12, 14.08),
    (13, 14.75),
    (14, 15.32),
    (15, 15.84),
    (16, 16.36),
    (17, 16.88),
    (18, 17.43),
    (19, 17.98),
    (20, 18.59),
    (21, 19.25),
    (22, 19.98),
    (23, 20.73),
    (24, 21.54),
    (25, 22.35),
    (26, 23.21),
    (27, 24.11),
    (28, 25.03),
    (29, 26.02),
    (30, 27.03),
    (31, 28.13),
    (32, 29.31),
    (33, 30.70),
    (34, 32.55),
    (35, 35.00),
];

/// SWEMWBS (Short WEMWBS, 7 items). **Licensed: no wording here.**
///
/// * Items are WEMWBS items 1, 2, 3, 6, 7, 9, 11 with the same ids (`wemwbs-1` …), so one
///   deployment file can supply the wording of both.
/// * Raw sum 7–35, converted to the metric score with the conversion table (every value).
/// * **No bands:** the "low / typical / high" cut-offs seen are 3rd-party or UNCONFIRMED.
/// * **Missing answers:** the table only works for a complete raw total, so all seven items are
///   required (both 3rd-party implementations do the same; Warwick's rule is UNCONFIRMED).
/// * **Meaningful change:** 3 metric points: Shah et al. 2018 found that "a change of between 1
///   and 3 points" meets thresholds for statistically important change at individual level
///   (2.77 SEM = 2.87); the upper end is used, as many services do (UNCONFIRMED as a Warwick rule).
/// * The copyright line is the WEMWBS owners' line; see [`WEMWBS_COPYRIGHT`].
pub fn swemwbs() -> Instrument {
    Instrument {
        id: "swemwbs".into(),
        version: "warwick-2009".into(),
        title: "Short Warwick-Edinburgh Mental Wellbeing Scale (SWEMWBS)".into(),
        instructions: String::new(),
        recall_period: RecallPeriod::Last2Weeks,
        items: SWEMWBS_ITEMS
            .iter()
            .enumerate()
            .map(|(i, &n)| wemwbs_item(n, i + 1))
            .collect(),
        scoring: Scoring::SumConverted {
            table: SWEMWBS_METRIC
                .iter()
                .map(|&(raw, metric)| Conversion { raw, metric })
                .collect(),
        },
        missing_answers: MissingAnswers::AllRequired,
        direction: Some(Direction::HigherIsBetter),
        meaningful_change: MeaningfulChange::Published {
            points: 3.0,
            source: "Shah et al. 2018, Health Qual Life Outcomes 16:239: at individual level a \
                     change of between 1 and 3 metric points meets thresholds for statistically \
                     important change (1 SEM = 1.03, 2.77 SEM = 2.87); the upper end is used."
                .into(),
        },
        risk: Vec::new(),
        licence: WEMWBS_LICENCE.into(),
        licence_kind: LicenceKind::Licensed,
        attribution: Some(WEMWBS_COPYRIGHT.into()),
    }
}
