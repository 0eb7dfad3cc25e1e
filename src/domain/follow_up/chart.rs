//! The geometry of the SVG chart of a client's scores over time, and its series.

use super::*;
use crate::domain::instrument::{Instrument, Scoring};
use crate::domain::referral::SimpleDate;
use crate::domain::scoring::Score;
use serde::{Deserialize, Serialize};

/// The chart's SVG `viewBox` is `0 0 CHART_WIDTH CHART_HEIGHT`.
pub const CHART_WIDTH: f64 = 640.0;
pub const CHART_HEIGHT: f64 = 320.0;
/// The plot area inside the viewBox (room for y tick labels on the left, x labels below).
pub const PLOT_LEFT: f64 = 56.0;
pub const PLOT_RIGHT: f64 = CHART_WIDTH - 16.0;
pub const PLOT_TOP: f64 = 16.0;
pub const PLOT_BOTTOM: f64 = CHART_HEIGHT - 48.0;

/// The marker drawn at each point of a series: series differ by shape (and dash), not only by
/// colour, so the chart reads in greyscale.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MarkerKind {
    Circle,
    Square,
    Triangle,
    Diamond,
    Cross,
}

impl MarkerKind {
    const ALL: [MarkerKind; 5] = [
        MarkerKind::Circle,
        MarkerKind::Square,
        MarkerKind::Triangle,
        MarkerKind::Diamond,
        MarkerKind::Cross,
    ];

    /// The marker of the `index`th series (they repeat after five).
    pub fn for_series(index: usize) -> Self {
        Self::ALL[index % Self::ALL.len()]
    }
}

/// One series to draw: e.g. "PHQ-9 total", or one ONS4 item.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub label: String,
    pub points: Vec<(Timepoint, f64)>,
}

/// One drawn point.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartPoint {
    pub x: f64,
    pub y: f64,
    pub timepoint: Timepoint,
    pub value: f64,
}

/// One series' geometry.
#[derive(Clone, Debug, PartialEq)]
pub struct SeriesGeometry {
    pub label: String,
    pub marker: MarkerKind,
    /// In chart order.
    pub points: Vec<ChartPoint>,
    /// The `points` attribute of an SVG `<polyline>`: `"x,y x,y …"`.
    pub polyline: String,
}

/// A y-axis tick.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    pub value: f64,
    pub y: f64,
    pub label: String,
}

/// An x-axis label, under a timepoint's column.
#[derive(Clone, Debug, PartialEq)]
pub struct XLabel {
    pub x: f64,
    pub timepoint: Timepoint,
    pub label: String,
}

/// The band within the meaningful change of the baseline: a change that stays inside it is not
/// meaningful. `low..high` in score units, `y_top..y_bottom` on screen (clamped to the range).
#[derive(Clone, Debug, PartialEq)]
pub struct ThresholdBand {
    pub low: f64,
    pub high: f64,
    pub y_top: f64,
    pub y_bottom: f64,
}

/// Everything the UI needs to draw the chart as SVG.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartGeometry {
    pub width: f64,
    pub height: f64,
    /// `"0 0 640 320"`.
    pub view_box: String,
    /// The score range the y axis spans.
    pub min: f64,
    pub max: f64,
    pub series: Vec<SeriesGeometry>,
    pub y_ticks: Vec<Tick>,
    pub x_labels: Vec<XLabel>,
    pub threshold_band: Option<ThresholdBand>,
}

/// A "nice" tick step (1, 2 or 5 × a power of ten) giving about five intervals over `span`.
fn nice_step(span: f64) -> f64 {
    if span <= 0.0 || !span.is_finite() {
        return 1.0;
    }
    let rough = span / 5.0;
    let p = 10f64.powf(rough.log10().floor());
    let f = rough / p;
    let m = if f <= 1.0 {
        1.0
    } else if f <= 2.0 {
        2.0
    } else if f <= 5.0 {
        5.0
    } else {
        10.0
    };
    m * p
}

/// Ticks from `min` to `max`, both included, with multiples of a nice step between (those
/// closer than half a step to either end are left out, so labels do not crowd).
pub fn y_ticks(min: f64, max: f64) -> Vec<f64> {
    if max <= min {
        return vec![min];
    }
    let step = nice_step(max - min);
    let mut ticks = vec![min];
    let mut v = (min / step).floor() * step + step;
    while v < max {
        if v - min >= step / 2.0 && max - v >= step / 2.0 {
            ticks.push(v);
        }
        v += step;
    }
    ticks.push(max);
    ticks
}

/// The geometry of a line chart of `series` over timepoints, with the y axis spanning the
/// score's possible `range` (see [`score_range`]) and higher scores higher on screen.
///
/// Columns are the distinct timepoints of all series in chart order ([`Timepoint::chart_cmp`],
/// `Other` placed by `baseline_date`), spaced evenly. Values outside the range are drawn at its
/// edge. With a published `threshold`, the band is the first series' baseline value (the
/// `Baseline` point, else its first) ± the threshold.
pub fn chart(
    series: &[Series],
    range: (f64, f64),
    baseline_date: Option<SimpleDate>,
    threshold: Option<f64>,
) -> ChartGeometry {
    let (min, max) = if range.1 > range.0 {
        range
    } else {
        (range.0, range.0 + 1.0)
    };
    let y_of = |v: f64| {
        let v = v.clamp(min, max);
        PLOT_BOTTOM - (v - min) / (max - min) * (PLOT_BOTTOM - PLOT_TOP)
    };
    let sorted = |pts: &[(Timepoint, f64)]| {
        let mut p = pts.to_vec();
        p.sort_by(|a, b| a.0.chart_cmp(b.0, baseline_date));
        p
    };

    let mut columns: Vec<Timepoint> = Vec::new();
    for s in series {
        for (t, _) in &s.points {
            if !columns.contains(t) {
                columns.push(*t);
            }
        }
    }
    columns.sort_by(|a, b| a.chart_cmp(*b, baseline_date));
    let n = columns.len().max(1) as f64;
    let col_width = (PLOT_RIGHT - PLOT_LEFT) / n;
    let x_of = |t: Timepoint| {
        let i = columns.iter().position(|c| *c == t).unwrap_or(0) as f64;
        PLOT_LEFT + (i + 0.5) * col_width
    };

    let series_geometry: Vec<SeriesGeometry> = series
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let points: Vec<ChartPoint> = sorted(&s.points)
                .into_iter()
                .map(|(t, v)| ChartPoint {
                    x: x_of(t),
                    y: y_of(v),
                    timepoint: t,
                    value: v,
                })
                .collect();
            let polyline = points
                .iter()
                .map(|p| format!("{:.1},{:.1}", p.x, p.y))
                .collect::<Vec<_>>()
                .join(" ");
            SeriesGeometry {
                label: s.label.clone(),
                marker: MarkerKind::for_series(i),
                points,
                polyline,
            }
        })
        .collect();

    let threshold_band = threshold.zip(series.first()).and_then(|(t, s)| {
        let pts = sorted(&s.points);
        let base = pts
            .iter()
            .find(|(tp, _)| *tp == Timepoint::Baseline)
            .or(pts.first())?
            .1;
        let (low, high) = ((base - t).max(min), (base + t).min(max));
        Some(ThresholdBand {
            low,
            high,
            y_top: y_of(high),
            y_bottom: y_of(low),
        })
    });

    ChartGeometry {
        width: CHART_WIDTH,
        height: CHART_HEIGHT,
        view_box: format!("0 0 {CHART_WIDTH} {CHART_HEIGHT}"),
        min,
        max,
        series: series_geometry,
        y_ticks: y_ticks(min, max)
            .into_iter()
            .map(|v| Tick {
                value: v,
                y: y_of(v),
                label: number(v),
            })
            .collect(),
        x_labels: columns
            .iter()
            .map(|t| XLabel {
                x: x_of(*t),
                timepoint: *t,
                label: t.short_label(),
            })
            .collect(),
        threshold_band,
    }
}

/// The parts of a score that are compared and charted: `metric` for instruments with a
/// conversion table, `total` for summed ones, each item for per-item ones (ONS4), none for
/// unscored ones.
pub fn compared_parts(instrument: &Instrument) -> Vec<String> {
    match &instrument.scoring {
        Scoring::None {} => Vec::new(),
        Scoring::SumConverted { .. } => vec!["metric".into()],
        Scoring::PerItem {} => instrument.items.iter().map(|i| i.id.clone()).collect(),
        _ => vec!["total".into()],
    }
}

/// One compared part of a score (see [`compared_parts`]), if the score has it.
pub fn part_value(score: &Score, of: &str) -> Option<f64> {
    match of {
        "total" => score.total.map(|t| t as f64),
        "metric" => score.metric,
        item => score
            .items
            .iter()
            .find(|i| i.item == item)
            .map(|i| i.value as f64),
    }
}

/// The chart series of one instrument from a client's scores over timepoints: one series per
/// compared part (ONS4: one per item), each point where that part has a value. Parts with no
/// point are left out.
pub fn series_for(instrument: &Instrument, scores: &[(Timepoint, Score)]) -> Vec<Series> {
    compared_parts(instrument)
        .into_iter()
        .map(|of| Series {
            label: score_label(instrument, &of),
            points: scores
                .iter()
                .filter_map(|(t, s)| Some((*t, part_value(s, &of)?)))
                .collect(),
        })
        .filter(|s| !s.points.is_empty())
        .collect()
}

/// The y range of an instrument's chart: that of its first compared part.
pub fn chart_range(instrument: &Instrument) -> Option<(f64, f64)> {
    compared_parts(instrument)
        .first()
        .and_then(|of| score_range(instrument, of))
}
