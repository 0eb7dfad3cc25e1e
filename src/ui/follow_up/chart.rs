use crate::domain::follow_up::{
    ChartGeometry, MarkerKind, PLOT_BOTTOM, PLOT_LEFT, PLOT_RIGHT, Series, Timepoint, chart,
    chart_range, number, series_for, short_name, threshold,
};
use crate::domain::instrument::Instrument;
use crate::domain::referral::SimpleDate;
use crate::domain::scoring::Score;
use leptos::prelude::*;

/// The SVG shape of one marker, centred on (x, y). Series differ by shape and dash as well as
/// colour, so the chart reads in greyscale.
fn marker(kind: MarkerKind, x: f64, y: f64, class: String) -> AnyView {
    let pts = |p: &[(f64, f64)]| {
        p.iter()
            .map(|(dx, dy)| format!("{:.1},{:.1}", x + dx, y + dy))
            .collect::<Vec<_>>()
            .join(" ")
    };
    match kind {
        MarkerKind::Circle => view! { <circle cx=format!("{x:.1}") cy=format!("{y:.1}") r="5" class=class/> }.into_any(),
        MarkerKind::Square => view! { <rect x=format!("{:.1}", x - 4.5) y=format!("{:.1}", y - 4.5) width="9" height="9" class=class/> }.into_any(),
        MarkerKind::Triangle => view! { <polygon points=pts(&[(0.0, -6.0), (5.5, 4.5), (-5.5, 4.5)]) class=class/> }.into_any(),
        MarkerKind::Diamond => view! { <polygon points=pts(&[(0.0, -6.5), (6.5, 0.0), (0.0, 6.5), (-6.5, 0.0)]) class=class/> }.into_any(),
        MarkerKind::Cross => view! { <polygon points=pts(&[(-6.0, -3.0), (-3.0, -6.0), (0.0, -3.0), (3.0, -6.0), (6.0, -3.0), (3.0, 0.0), (6.0, 3.0), (3.0, 6.0), (0.0, 3.0), (-3.0, 6.0), (-6.0, 3.0), (-3.0, 0.0)]) class=class/> }.into_any(),
    }
}

/// A small marker for the legend (decorative: the legend's text says which series it is).
fn legend_key(kind: MarkerKind, index: usize) -> impl IntoView {
    view! {
        <svg class="wb-chart__key" viewBox="0 0 40 16" width="40" height="16" aria-hidden="true" focusable="false">
            <line x1="2" y1="8" x2="38" y2="8" class=format!("wb-chart__line wb-chart__line--{}", index % 5)/>
            {marker(kind, 20.0, 8.0, format!("wb-chart__marker wb-chart__marker--{}", index % 5))}
        </svg>
    }
}

/// A line chart of one client's scores of one measure over the timepoints, drawn as SVG by the
/// widget. It has an accessible name, is described by its caption (what it shows, in words),
/// and the same numbers are in a table underneath.
#[component]
pub fn ScoreChart(
    /// The measure.
    instrument: Instrument,
    /// The client's scores over time, in visit order.
    points: Vec<(Timepoint, SimpleDate, Score)>,
    /// A DOM id prefix unique to this chart.
    id: String,
    /// Sentences saying what changed (for the caption).
    #[prop(optional)]
    sentences: Vec<String>,
) -> impl IntoView {
    let Some(range) = chart_range(&instrument) else {
        return ().into_any();
    };
    let scores: Vec<(Timepoint, Score)> = points.iter().map(|(t, _, s)| (*t, s.clone())).collect();
    let series: Vec<Series> = series_for(&instrument, &scores);
    if series.is_empty() {
        return ().into_any();
    }
    let baseline_date = points
        .iter()
        .find(|(t, _, _)| *t == Timepoint::Baseline)
        .map(|(_, d, _)| *d);
    let g: ChartGeometry = chart(&series, range, baseline_date, threshold(&instrument));
    let name = short_name(&instrument).to_owned();
    let title = format!("Chart of {name} scores over time");
    let (title_id, desc_id) = (format!("{id}-title"), format!("{id}-desc"));
    let band = g.threshold_band.clone().map(|b| {
        view! {
            <rect x=format!("{PLOT_LEFT:.1}") y=format!("{:.1}", b.y_top) width=format!("{:.1}", PLOT_RIGHT - PLOT_LEFT)
                height=format!("{:.1}", (b.y_bottom - b.y_top).max(1.0)) class="wb-chart__band"/>
        }
    });
    let ticks = g
        .y_ticks
        .iter()
        .map(|t| {
            view! {
                <line x1=format!("{PLOT_LEFT:.1}") x2=format!("{PLOT_RIGHT:.1}") y1=format!("{:.1}", t.y) y2=format!("{:.1}", t.y) class="wb-chart__grid"/>
                <text x=format!("{:.1}", PLOT_LEFT - 8.0) y=format!("{:.1}", t.y + 5.0) text-anchor="end" class="wb-chart__tick">{t.label.clone()}</text>
            }
        })
        .collect_view();
    let x_labels = g
        .x_labels
        .iter()
        .map(|l| {
            view! {
                <text x=format!("{:.1}", l.x) y=format!("{:.1}", PLOT_BOTTOM + 24.0) text-anchor="middle" class="wb-chart__tick">{l.label.clone()}</text>
            }
        })
        .collect_view();
    let lines = g
        .series
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let markers = s
                .points
                .iter()
                .map(|p| marker(s.marker, p.x, p.y, format!("wb-chart__marker wb-chart__marker--{}", i % 5)))
                .collect_view();
            view! {
                <polyline points=s.polyline.clone() class=format!("wb-chart__line wb-chart__line--{}", i % 5)/>
                {markers}
            }
        })
        .collect_view();
    let legend = g
        .series
        .iter()
        .enumerate()
        .map(|(i, s)| view! { <li>{legend_key(s.marker, i)} {s.label.clone()}</li> })
        .collect_view();
    let band_text = g.threshold_band.as_ref().map(|b| {
        view! {
            <li><span class="wb-chart__band-key" aria-hidden="true"></span>
                {format!("Shaded: within the meaningful change of the baseline ({} to {})", number(b.low), number(b.high))}
            </li>
        }
    });
    // The same numbers as a table: one row per timepoint, one column per series.
    let columns: Vec<String> = series.iter().map(|s| s.label.clone()).collect();
    let rows = points
        .iter()
        .map(|(t, d, score)| {
            let cells = series
                .iter()
                .map(|s| {
                    let v = s.points.iter().find(|(pt, _)| pt == t).map(|(_, v)| number(*v));
                    let _ = score;
                    view! { <td class="wb-table__cell wb-table__cell--numeric">{v.unwrap_or_else(|| "–".to_owned())}</td> }
                })
                .collect_view();
            view! {
                <tr class="wb-table__row">
                    <th scope="row" class="wb-table__header">{t.label()}</th>
                    <td class="wb-table__cell">{d.long_form()}</td>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    let heads = columns
        .into_iter()
        .map(|c| view! { <th scope="col" class="wb-table__header wb-table__header--numeric">{c}</th> })
        .collect_view();
    let description = if sentences.is_empty() {
        format!("{name} at each visit; the numbers are in the table below.")
    } else {
        format!(
            "{} The numbers are in the table below.",
            sentences.join(". ") + "."
        )
    };
    view! {
        <figure class="wb-chart">
            <svg class="wb-chart__svg" viewBox=g.view_box.clone() role="img" aria-labelledby=title_id.clone()
                aria-describedby=desc_id.clone() focusable="false" preserveAspectRatio="xMidYMid meet">
                <title id=title_id.clone()>{title.clone()}</title>
                {band}
                {ticks}
                <line x1=format!("{PLOT_LEFT:.1}") x2=format!("{PLOT_LEFT:.1}") y1="16" y2=format!("{PLOT_BOTTOM:.1}") class="wb-chart__axis"/>
                <line x1=format!("{PLOT_LEFT:.1}") x2=format!("{PLOT_RIGHT:.1}") y1=format!("{PLOT_BOTTOM:.1}") y2=format!("{PLOT_BOTTOM:.1}") class="wb-chart__axis"/>
                {x_labels}
                {lines}
            </svg>
            <figcaption class="wb-chart__caption">
                <p class="wb-body" id=desc_id>{description}</p>
                <ul class="wb-chart__legend">{legend}{band_text}</ul>
            </figcaption>
        </figure>
        <table class="wb-table">
            <caption class="wb-table__caption">{format!("{name} scores at each visit")}</caption>
            <thead>
                <tr class="wb-table__row">
                    <th scope="col" class="wb-table__header">"Timepoint"</th>
                    <th scope="col" class="wb-table__header">"Date"</th>
                    {heads}
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}
