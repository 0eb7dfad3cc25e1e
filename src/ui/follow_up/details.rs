use crate::domain::follow_up::Timepoint;
use crate::ui::components::field_parts::{described_by, error_message, group_class};
use crate::ui::components::{back_link::BackLink, error_summary::ErrorSummary};
use crate::ui::follow_up::state::FollowUpState;
use leptos::prelude::*;

/// The visit: client reference, timepoint (another date for "other"), and the client's
/// agreement.
#[component]
pub fn Details() -> impl IntoView {
    let state = expect_context::<FollowUpState>();
    let reference = state.field("client-reference");
    let reference_id = reference.id.clone();
    let example = state.config.with_value(|c| {
        c.client_reference_pattern
            .as_ref()
            .map(|p| format!("The service's own reference for the client, in the format {}. Do not enter their name.", p.example()))
            .unwrap_or_else(|| "The service's own reference for the client, for example LW-1234. Do not enter their name.".to_owned())
    });
    let timepoint = state.field("timepoint");
    let timepoint_id = timepoint.id.clone();
    let other_id = state.ids().id("timepoint-other");
    // The date's errors are reported on its day box.
    let other_day = state.field("timepoint-other-day");
    let consent = state.field("consent");
    let consent_id = consent.id.clone();
    let organisation = state
        .config
        .with_value(|c| c.organisation.clone())
        .unwrap_or_else(|| "the wellbeing service".to_owned());
    let name = state.ids().id("timepoint-choice");
    let choices = Timepoint::FIXED
        .iter()
        .map(|t| (t.code(), t.label()))
        .chain([("other", "Other time".to_owned())])
        .enumerate()
        .map(|(n, (code, label))| {
            let id = if n == 0 { timepoint_id.clone() } else { format!("{timepoint_id}-{n}") };
            view! {
                <div class="wb-radios__item">
                    <input class="wb-radios__input" id=id.clone() name=name.clone() type="radio" value=code
                        prop:checked=move || state.visit.with(|v| v.timepoint_code == code)
                        on:change=move |_| state.visit.update(|v| v.timepoint_code = code.to_owned())/>
                    <label class="wb-label wb-radios__label" for=id>{label}</label>
                </div>
            }
        })
        .collect_view();
    let other_shown = move || state.visit.with(|v| v.timepoint_code == "other");
    let other_hint = format!("{other_id}-hint");
    let date_box = move |part: &'static str, label: &'static str, width: &'static str| {
        let id = format!("{other_id}-{part}");
        view! {
            <div class="wb-date-input__item">
                <label class="wb-label" for=id.clone()>{label}</label>
                <input class=format!("wb-input wb-input--width-{width}") id=id type="text" inputmode="numeric"
                    prop:value=move || state.visit.with(|v| match part {
                        "day" => v.other_day.clone(),
                        "month" => v.other_month.clone(),
                        _ => v.other_year.clone(),
                    })
                    on:input:target=move |ev| {
                        let value = ev.target().value();
                        state.visit.update(|v| match part {
                            "day" => v.other_day = value,
                            "month" => v.other_month = value,
                            _ => v.other_year = value,
                        });
                    }/>
            </div>
        }
    };
    view! {
        <BackLink on_back=Callback::new(move |_| state.back())/>
        <ErrorSummary id=state.ids().error_summary_id() errors=state.errors.into()/>
        <h1 class="wb-heading-l" id=state.ids().heading_id() tabindex="-1">"About this visit"</h1>
        <form novalidate on:submit=move |ev| {
            ev.prevent_default();
            state.submit_details();
        }>
            <div class=group_class(reference.error)>
                <label class="wb-label wb-label--m" for=reference_id.clone()>"Client reference"</label>
                <div class="wb-hint" id=reference.hint_id()>{example}</div>
                {error_message(reference.error_id(), reference.error)}
                <input class="wb-input wb-input--width-20" id=reference_id type="text"
                    autocomplete="off" autocapitalize="characters" spellcheck="false"
                    aria-describedby=described_by(Some(reference.hint_id()), reference.error_id(), reference.error)
                    prop:value=move || state.visit.with(|v| v.reference.clone())
                    on:input:target=move |ev| state.visit.update(|v| v.reference = ev.target().value())/>
            </div>
            <div class=group_class(timepoint.error)>
                <fieldset class="wb-fieldset" aria-describedby=described_by(None, timepoint.error_id(), timepoint.error)>
                    <legend class="wb-fieldset__legend wb-fieldset__legend--m">"Timepoint"</legend>
                    {error_message(timepoint.error_id(), timepoint.error)}
                    <div class="wb-radios wb-radios--inline">{choices}</div>
                </fieldset>
            </div>
            <Show when=other_shown>
                <div class=group_class(other_day.error)>
                    <fieldset class="wb-fieldset" aria-describedby=described_by(Some(other_hint.clone()), other_day.error_id(), other_day.error)>
                        <legend class="wb-fieldset__legend">"Date of the visit"</legend>
                        <div class="wb-hint" id=other_hint.clone()>"For example, 27 3 2026"</div>
                        {error_message(other_day.error_id(), other_day.error)}
                        <div class="wb-date-input">
                            {date_box("day", "Day", "2")}
                            {date_box("month", "Month", "2")}
                            {date_box("year", "Year", "4")}
                        </div>
                    </fieldset>
                </div>
            </Show>
            <div class=group_class(consent.error)>
                <fieldset class="wb-fieldset" aria-describedby=described_by(None, consent.error_id(), consent.error)>
                    <legend class="wb-fieldset__legend wb-fieldset__legend--m">"The client's agreement"</legend>
                    {error_message(consent.error_id(), consent.error)}
                    <div class="wb-checkboxes__item">
                        <input class="wb-checkboxes__input" id=consent_id.clone() type="checkbox"
                            prop:checked=move || state.visit.with(|v| v.consent)
                            on:change:target=move |ev| state.visit.update(|v| v.consent = ev.target().checked())/>
                        <label class="wb-label wb-checkboxes__label" for=consent_id.clone()>
                            {format!("The client agreed to answer these questions with me and for their answers to be sent to {organisation}")}
                        </label>
                    </div>
                </fieldset>
            </div>
            <button type="submit" class="wb-button">"Continue"</button>
        </form>
    }
}
