//! The ONS measures: personal well-being (ONS4) and loneliness (the UCLA-based items and the
//! direct question).

use super::*;

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
        // Asked only of people aged 16 and over ("DVAge = 16+", GSS).
        minimum_age: Some(16),
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

/// The ONS introduction to the loneliness questions, for `count` questions asked together. With
/// four (the three UCLA items and the direct question) it is the published wording exactly.
pub fn loneliness_introduction(count: usize) -> String {
    let count = match count {
        1 => "one".to_owned(),
        2 => "two".to_owned(),
        3 => "three".to_owned(),
        4 => "four".to_owned(),
        n => n.to_string(),
    };
    format!(
        "The next {count} questions are about relationships with others. For each one, please \
         say how often (if at all) you feel that way."
    )
}

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
///   asking these three together with the direct question ([`ons_loneliness`]). The journey
///   shows it once, counting the loneliness questions actually asked together
///   (`crate::domain::journey::instructions_for`).
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
        instructions: loneliness_introduction(4),
        recall_period: RecallPeriod::NotStated,
        // The adult loneliness measures are for people aged 16 and over (GSS).
        minimum_age: Some(16),
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
        // The adult loneliness measures are for people aged 16 and over (GSS).
        minimum_age: Some(16),
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
