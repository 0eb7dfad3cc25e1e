//! WEMWBS and SWEMWBS: licensed, so ids, options, scoring and the copyright line only, never
//! wording.

use super::*;

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
        // Validated for people aged 16 and above (User Guide v1, 2008).
        minimum_age: Some(16),
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
        // Items of WEMWBS, validated and normed on people aged 16 and over (Ng Fat et al. 2017).
        minimum_age: Some(16),
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
