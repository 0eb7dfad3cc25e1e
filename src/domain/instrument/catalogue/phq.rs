//! The PHQ family: PHQ-9, GAD-7 and PHQ-4.

use super::*;

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
        // No validated age limit is in the reference.
        minimum_age: None,
        items: vec![
            phq_item(
                "phq9-1",
                "Little interest or pleasure in doing things",
                "Little interest or pleasure in doing things",
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
        // No validated age limit is in the reference.
        minimum_age: None,
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
        // No validated age limit is in the reference (one record's sample was aged 18–94).
        minimum_age: None,
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
                "Little interest or pleasure in doing things",
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
