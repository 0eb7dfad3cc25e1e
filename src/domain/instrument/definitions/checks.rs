//! The rules every definition meets before it is used: wording present, ids and values in range,
//! bands covering every possible total, conversion tables complete, subscales, meaningful change
//! and risk rules naming real items.

use super::*;

fn non_empty(s: &str, field: &'static str) -> Result<(), Problem> {
    if s.trim().is_empty() {
        Err(Problem::Empty(field))
    } else {
        Ok(())
    }
}

pub(super) fn check(inst: &Instrument, require_wording: bool) -> Result<(), Problem> {
    non_empty(&inst.version, "version")?;
    non_empty(&inst.title, "title")?;
    non_empty(&inst.licence, "licence")?;
    if inst
        .minimum_age
        .is_some_and(|a| !(MIN_AGE..=MAX_AGE).contains(&a))
    {
        return Err(Problem::MinimumAge);
    }
    match &inst.attribution {
        Some(a) => non_empty(a, "attribution")?,
        None if inst.licence_kind == LicenceKind::Licensed => {
            return Err(Problem::LicensedNeedsAttribution);
        }
        None => {}
    }
    check_items(
        inst,
        require_wording || inst.licence_kind == LicenceKind::Open,
    )?;
    check_recall(inst)?;
    check_scoring(inst)?;
    check_change(inst)?;
    check_risk(inst)
}

fn check_items(inst: &Instrument, require_text: bool) -> Result<(), Problem> {
    if inst.items.is_empty() {
        return Err(Problem::NoItems);
    }
    if inst.items.len() > MAX_ITEMS {
        return Err(Problem::TooManyItems);
    }
    let mut ids = BTreeSet::new();
    for (n, item) in inst.items.iter().enumerate() {
        if !is_id(&item.id, MAX_ID) {
            return Err(Problem::BadItemId { position: n + 1 });
        }
        if !ids.insert(item.id.as_str()) {
            return Err(Problem::DuplicateItem(item.id.clone()));
        }
        let wording = |field| Problem::MissingWording {
            item: item.id.clone(),
            field,
        };
        if require_text && item.text.trim().is_empty() {
            return Err(wording("text"));
        }
        if item.short_label.trim().is_empty() {
            return Err(wording("short_label"));
        }
        if item.missing_message.trim().is_empty() {
            return Err(wording("missing_message"));
        }
        if !(2..=MAX_OPTIONS).contains(&item.options.len()) {
            return Err(Problem::OptionCount(item.id.clone()));
        }
        let mut values = BTreeSet::new();
        for o in &item.options {
            let (item, value) = (item.id.clone(), o.value);
            if !(-MAX_VALUE..=MAX_VALUE).contains(&value) {
                return Err(Problem::OptionValueLimit { item, value });
            }
            if !values.insert(value) {
                return Err(Problem::DuplicateOptionValue { item, value });
            }
            if o.label.trim().is_empty() {
                return Err(Problem::EmptyOptionLabel { item, value });
            }
            if o.anchor.as_deref().is_some_and(|a| a.trim().is_empty()) {
                return Err(Problem::EmptyAnchor { item, value });
            }
        }
    }
    Ok(())
}

fn check_recall(inst: &Instrument) -> Result<(), Problem> {
    for item in &inst.items {
        match (inst.recall_period, item.recall_period) {
            (RecallPeriod::PerItem, None | Some(RecallPeriod::PerItem)) => {
                return Err(Problem::ItemRecallMissing(item.id.clone()));
            }
            (RecallPeriod::PerItem, Some(_)) | (_, None) => {}
            (_, Some(_)) => return Err(Problem::ItemRecallNotPerItem(item.id.clone())),
        }
    }
    Ok(())
}

/// Every total the items can add up to (their scored values), ascending.
fn possible_totals<'a>(items: impl IntoIterator<Item = &'a Item>) -> Vec<i64> {
    // Values are limited to ±MAX_VALUE and items to MAX_ITEMS, so this is small.
    let mut low = 0i64;
    let mut reachable = vec![true]; // reachable[i] ⇔ total low + i is possible
    for item in items {
        let scored: BTreeSet<i64> = item.options.iter().map(|o| item.scored(o.value)).collect();
        let (Some(&lo), Some(&hi)) = (scored.first(), scored.last()) else {
            continue;
        };
        let mut next = vec![false; reachable.len() + (hi - lo) as usize];
        for (i, _) in reachable.iter().enumerate().filter(|(_, r)| **r) {
            for v in &scored {
                next[i + (v - lo) as usize] = true;
            }
        }
        low += lo;
        reachable = next;
    }
    reachable
        .iter()
        .enumerate()
        .filter(|(_, r)| **r)
        .map(|(i, _)| low + i as i64)
        .collect()
}

fn check_bands(scope: &str, bands: &[Band], possible: &[i64]) -> Result<(), Problem> {
    let scope = scope.to_owned();
    let (Some(&lo), Some(&hi)) = (possible.first(), possible.last()) else {
        return Ok(());
    };
    let mut codes = BTreeSet::new();
    for (n, b) in bands.iter().enumerate() {
        let code = b.code.clone();
        if !is_id(&b.code, MAX_ID) {
            return Err(Problem::BadBandCode {
                scope,
                position: n + 1,
            });
        }
        if b.label.trim().is_empty() {
            return Err(Problem::EmptyBandLabel { scope, code });
        }
        if !codes.insert(b.code.as_str()) {
            return Err(Problem::DuplicateBandCode { scope, code });
        }
        if b.min > b.max {
            return Err(Problem::BandInverted { scope, code });
        }
        if b.min < lo || b.max > hi {
            return Err(Problem::BandOutsideRange {
                scope,
                code,
                min: lo,
                max: hi,
            });
        }
    }
    let mut sorted: Vec<&Band> = bands.iter().collect();
    sorted.sort_by_key(|b| (b.min, b.max));
    for pair in sorted.windows(2) {
        if pair[1].min <= pair[0].max {
            return Err(Problem::BandsOverlap {
                scope,
                first: pair[0].code.clone(),
                second: pair[1].code.clone(),
            });
        }
    }
    if !bands.is_empty()
        && let Some(&value) = possible
            .iter()
            .find(|v| !bands.iter().any(|b| (b.min..=b.max).contains(*v)))
    {
        return Err(Problem::BandGap { scope, value });
    }
    Ok(())
}

fn check_scoring(inst: &Instrument) -> Result<(), Problem> {
    let per_item = matches!(inst.scoring, Scoring::PerItem {});
    for item in &inst.items {
        if !per_item && !item.bands.is_empty() {
            return Err(Problem::ItemBandsNeedPerItemScoring(item.id.clone()));
        }
        if !per_item && item.direction.is_some() {
            return Err(Problem::ItemDirectionNeedsPerItemScoring(item.id.clone()));
        }
        let values: BTreeSet<i64> = item.options.iter().map(|o| item.scored(o.value)).collect();
        let values: Vec<i64> = values.into_iter().collect();
        check_bands(&format!("item {:?}", item.id), &item.bands, &values)?;
    }
    let totalled = !matches!(inst.scoring, Scoring::PerItem {} | Scoring::None {});
    if totalled && inst.missing_answers != MissingAnswers::AllRequired {
        return Err(Problem::PartialTotal);
    }
    match (&inst.scoring, inst.direction) {
        (Scoring::None {}, Some(_)) => return Err(Problem::DirectionNotApplicable),
        (Scoring::None {}, None) => {}
        (_, None) => return Err(Problem::DirectionMissing),
        (_, Some(Direction::HigherIsBetter | Direction::LowerIsBetter)) => {}
    }
    match &inst.scoring {
        Scoring::PerItem {} | Scoring::None {} => Ok(()),
        Scoring::Sum { bands } => check_bands("the total", bands, &possible_totals(&inst.items)),
        Scoring::SumWithSubscales { bands, subscales } => {
            check_bands("the total", bands, &possible_totals(&inst.items))?;
            check_subscales(inst, subscales)
        }
        Scoring::SumConverted { table } => check_table(inst, table),
    }
}

fn check_subscales(inst: &Instrument, subscales: &[Subscale]) -> Result<(), Problem> {
    if subscales.is_empty() {
        return Err(Problem::NoSubscales);
    }
    let mut ids = BTreeSet::new();
    for (n, s) in subscales.iter().enumerate() {
        if !is_id(&s.id, MAX_ID) {
            return Err(Problem::BadSubscaleId { position: n + 1 });
        }
        if !ids.insert(s.id.as_str()) {
            return Err(Problem::DuplicateSubscale(s.id.clone()));
        }
        if s.label.trim().is_empty() {
            return Err(Problem::EmptySubscaleLabel(s.id.clone()));
        }
        if s.items.is_empty() {
            return Err(Problem::EmptySubscale(s.id.clone()));
        }
        let mut members = Vec::new();
        let mut seen = BTreeSet::new();
        for id in &s.items {
            let Some(item) = inst.item(id) else {
                return Err(Problem::SubscaleUnknownItem {
                    subscale: s.id.clone(),
                    item: id.clone(),
                });
            };
            if !seen.insert(id.as_str()) {
                return Err(Problem::SubscaleRepeatsItem {
                    subscale: s.id.clone(),
                    item: id.clone(),
                });
            }
            members.push(item);
        }
        if let Some(at) = s.positive_at {
            let totals = possible_totals(members);
            let (min, max) = (totals[0], totals[totals.len() - 1]);
            if at <= min || at > max {
                return Err(Problem::SubscalePositiveAt {
                    subscale: s.id.clone(),
                    min,
                    max,
                });
            }
        }
    }
    Ok(())
}

fn check_table(
    inst: &Instrument,
    table: &[crate::domain::instrument::Conversion],
) -> Result<(), Problem> {
    let possible = possible_totals(&inst.items);
    let mut previous: Option<&crate::domain::instrument::Conversion> = None;
    for row in table {
        let hundredths = (row.metric * 100.0).round();
        if !row.metric.is_finite() || (hundredths / 100.0 - row.metric).abs() > 1e-9 {
            return Err(Problem::TableMetric(row.raw));
        }
        if let Some(p) = previous {
            if row.raw <= p.raw {
                return Err(Problem::TableNotAscending(row.raw));
            }
            if row.metric <= p.metric {
                return Err(Problem::TableNotIncreasing(row.raw));
            }
        }
        previous = Some(row);
    }
    if let Some(&raw) = possible
        .iter()
        .find(|r| !table.iter().any(|row| row.raw == **r))
    {
        return Err(Problem::TableMissingRaw(raw));
    }
    if let Some(row) = table
        .iter()
        .find(|row| possible.binary_search(&row.raw).is_err())
    {
        return Err(Problem::TableImpossibleRaw(row.raw));
    }
    Ok(())
}

fn check_change(inst: &Instrument) -> Result<(), Problem> {
    match &inst.meaningful_change {
        MeaningfulChange::Published { points, source } => {
            if matches!(inst.scoring, Scoring::None {}) {
                return Err(Problem::MeaningfulChangeUnscored);
            }
            if !points.is_finite() || *points <= 0.0 {
                return Err(Problem::MeaningfulChangePoints);
            }
            non_empty(source, "meaningful_change source")
        }
        MeaningfulChange::NotPublished { note } => non_empty(note, "meaningful_change note"),
    }
}

fn check_risk(inst: &Instrument) -> Result<(), Problem> {
    for (n, rule) in inst.risk.iter().enumerate() {
        let position = n + 1;
        let Some(item) = inst.item(&rule.item) else {
            return Err(Problem::RiskUnknownItem {
                position,
                item: rule.item.clone(),
            });
        };
        let (lo, hi) = item.value_range().unwrap_or((0, 0));
        if rule.at_least <= lo || rule.at_least > hi {
            return Err(Problem::RiskThreshold {
                position,
                item: rule.item.clone(),
            });
        }
        if !is_id(&rule.reason, MAX_ID) {
            return Err(Problem::BadReasonCode { position });
        }
    }
    Ok(())
}
