use crate::domain::follow_up::{ChangeSummary, MeasureGlance, Verdict, number, points};
use crate::domain::scoring::{BaselineSource, Trend};
use crate::ui::follow_up::chart::ScoreChart;
use crate::ui::follow_up::state::FollowUpState;
use leptos::prelude::*;

/// "−6 (better)", "+2 (worse)", "0 (no change)".
fn change_text(c: &ChangeSummary) -> String {
    let c = &c.score;
    let sign = if c.change > 0.0 {
        "+"
    } else if c.change < 0.0 {
        "−"
    } else {
        ""
    };
    let way = match c.trend {
        Some(Trend::Better) => "better",
        Some(Trend::Worse) => "worse",
        Some(Trend::Same) => "no change",
        None if c.change == 0.0 => "no change",
        None => "direction not known",
    };
    format!("{sign}{} ({way})", number(c.change.abs()))
}

/// Whether the change reaches the threshold, in words (never by colour alone).
fn verdict_text(c: &ChangeSummary) -> String {
    let t = c.score.threshold.map(points).unwrap_or_default();
    match c.verdict() {
        Verdict::MeaningfulImprovement => format!("Yes, a meaningful improvement (threshold {t})"),
        Verdict::MeaningfulDeterioration => format!("Yes, a meaningful worsening (threshold {t})"),
        Verdict::NotMeaningful => format!("No, below the threshold of {t}"),
        Verdict::NoPublishedThreshold => "No published threshold".to_owned(),
    }
}

fn verdict_class(v: Verdict) -> &'static str {
    match v {
        Verdict::MeaningfulImprovement => "wb-verdict wb-verdict--better",
        Verdict::MeaningfulDeterioration => "wb-verdict wb-verdict--worse",
        _ => "wb-verdict",
    }
}

/// Change at a glance for the current client: for each measure the baseline, now, the change
/// and whether it reaches the instrument's meaningful-change threshold, and a chart.
#[component]
pub fn ChangeAtAGlance(
    /// The measures' changes (the current client's only).
    glance: Vec<MeasureGlance>,
    /// Whether this visit is the client's baseline.
    is_baseline: bool,
) -> impl IntoView {
    let state = expect_context::<FollowUpState>();
    let heading_id = state.ids().id("glance-heading");
    let labelled_by = heading_id.clone();
    let measures = glance
        .into_iter()
        .enumerate()
        .map(|(n, g)| {
            let title = g.instrument.title.clone();
            let source = g.baseline.as_ref().map(|b| match b.source {
                BaselineSource::Device => format!("Baseline: {} visit on this device, {}", b.timepoint.label(), b.date.long_form()),
                BaselineSource::Records => "Baseline: from the service's records".to_owned(),
            });
            let why_none = if !g.summaries.is_empty() {
                None
            } else if is_baseline {
                Some("This visit is the client's baseline: later visits are compared with it.")
            } else if !g.scored_now {
                Some("No score at this visit (a question was not answered), so there is no change to show.")
            } else if g.baseline.is_none() {
                Some("No baseline for this client, so there is no change to show.")
            } else {
                Some("The baseline and this visit have no score in common to compare.")
            };
            let sentences: Vec<String> = g.summaries.iter().map(ChangeSummary::sentence).collect();
            let rows = g
                .summaries
                .iter()
                .map(|c| {
                    view! {
                        <tr class="wb-table__row">
                            <th scope="row" class="wb-table__header">{c.label.clone()}</th>
                            <td class="wb-table__cell wb-table__cell--numeric">{number(c.score.baseline)}</td>
                            <td class="wb-table__cell wb-table__cell--numeric">{number(c.score.now)}</td>
                            <td class="wb-table__cell wb-table__cell--numeric">{change_text(c)}</td>
                            <td class="wb-table__cell"><span class=verdict_class(c.verdict())>{verdict_text(c)}</span></td>
                        </tr>
                    }
                })
                .collect_view();
            let table = (!g.summaries.is_empty()).then(|| {
                view! {
                    <table class="wb-table wb-glance__table">
                        <caption class="wb-table__caption">{format!("{title}: change since the baseline")}</caption>
                        <thead>
                            <tr class="wb-table__row">
                                <th scope="col" class="wb-table__header">"Score"</th>
                                <th scope="col" class="wb-table__header wb-table__header--numeric">"Baseline"</th>
                                <th scope="col" class="wb-table__header wb-table__header--numeric">"Now"</th>
                                <th scope="col" class="wb-table__header wb-table__header--numeric">"Change"</th>
                                <th scope="col" class="wb-table__header">"Meaningful change?"</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                }
            });
            let chart_id = state.ids().id(&format!("chart-{n}"));
            view! {
                <section class="wb-glance__measure">
                    <h3 class="wb-heading-s">{title.clone()}</h3>
                    {source.map(|s| view! { <p class="wb-hint">{s}</p> })}
                    {why_none.map(|w| view! { <p class="wb-body">{w}</p> })}
                    {table}
                    <ScoreChart instrument=g.instrument points=g.points id=chart_id sentences/>
                </section>
            }
        })
        .collect_view();
    view! {
        <section class="wb-glance" aria-labelledby=labelled_by>
            <h2 class="wb-heading-m" id=heading_id>"Change at a glance"</h2>
            {measures}
        </section>
    }
}
