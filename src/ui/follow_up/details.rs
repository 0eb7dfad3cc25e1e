use crate::domain::follow_up::Timepoint;
use crate::ui::components::{back_link::BackLink, error_summary::ErrorSummary};
use crate::ui::follow_up::state::FollowUpState;
use leptos::prelude::*;

/// An error message under a field (GOV.UK markup), shown while the field has an error.
#[component]
pub fn FieldErrorMessage(
    /// The field's id (its error is looked up by it).
    field_id: String,
) -> impl IntoView {
    let state = expect_context::<FollowUpState>();
    let error_id = format!("{field_id}-error");
    move || {
        state.error_for(&field_id).map(|m| {
            view! {
                <p class="wb-error-message" id=error_id.clone()>
                    <span class="wb-visually-hidden">"Error: "</span>{m}
                </p>
            }
        })
    }
}

/// `wb-form-group`, with the error modifier while `field_id` has an error.
pub fn group_class(state: FollowUpState, field_id: String) -> impl Fn() -> &'static str {
    move || {
        if state.error_for(&field_id).is_some() {
            "wb-form-group wb-form-group--error"
        } else {
            "wb-form-group"
        }
    }
}

/// `aria-describedby` for a field: its hint, and its error while it has one.
pub fn described_by(
    state: FollowUpState,
    field_id: String,
    hint: Option<String>,
) -> impl Fn() -> Option<String> {
    move || {
        let mut ids: Vec<String> = hint.iter().cloned().collect();
        if state.error_for(&field_id).is_some() {
            ids.push(format!("{field_id}-error"));
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

/// The visit: client reference, timepoint (another date for "other"), and the client's
/// agreement.
#[component]
pub fn Details() -> impl IntoView {
    let state = expect_context::<FollowUpState>();
    let reference_id = state.ids().id("client-reference");
    let reference_hint = format!("{reference_id}-hint");
    let example = state.config.with_value(|c| {
        c.client_reference_pattern
            .as_ref()
            .map(|p| format!("The service's own reference for the client, in the format {}. Do not enter their name.", p.example()))
            .unwrap_or_else(|| "The service's own reference for the client, for example LW-1234. Do not enter their name.".to_owned())
    });
    let timepoint_id = state.ids().id("timepoint");
    let other_id = state.ids().id("timepoint-other");
    let other_day_id = format!("{other_id}-day");
    let consent_id = state.ids().id("consent");
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
            <div class=group_class(state, reference_id.clone())>
                <label class="wb-label wb-label--m" for=reference_id.clone()>"Client reference"</label>
                <div class="wb-hint" id=reference_hint.clone()>{example}</div>
                <FieldErrorMessage field_id=reference_id.clone()/>
                <input class="wb-input wb-input--width-20" id=reference_id.clone() type="text"
                    autocomplete="off" autocapitalize="characters" spellcheck="false"
                    aria-describedby=described_by(state, reference_id.clone(), Some(reference_hint))
                    prop:value=move || state.visit.with(|v| v.reference.clone())
                    on:input:target=move |ev| state.visit.update(|v| v.reference = ev.target().value())/>
            </div>
            <div class=group_class(state, timepoint_id.clone())>
                <fieldset class="wb-fieldset" aria-describedby=described_by(state, timepoint_id.clone(), None)>
                    <legend class="wb-fieldset__legend wb-fieldset__legend--m">"Timepoint"</legend>
                    <FieldErrorMessage field_id=timepoint_id.clone()/>
                    <div class="wb-radios wb-radios--inline">{choices}</div>
                </fieldset>
            </div>
            <Show when=other_shown>
                <div class=group_class(state, other_day_id.clone())>
                    <fieldset class="wb-fieldset" aria-describedby=described_by(state, other_day_id.clone(), Some(other_hint.clone()))>
                        <legend class="wb-fieldset__legend">"Date of the visit"</legend>
                        <div class="wb-hint" id=other_hint.clone()>"For example, 27 3 2026"</div>
                        <FieldErrorMessage field_id=other_day_id.clone()/>
                        <div class="wb-date-input">
                            {date_box("day", "Day", "2")}
                            {date_box("month", "Month", "2")}
                            {date_box("year", "Year", "4")}
                        </div>
                    </fieldset>
                </div>
            </Show>
            <div class=group_class(state, consent_id.clone())>
                <fieldset class="wb-fieldset" aria-describedby=described_by(state, consent_id.clone(), None)>
                    <legend class="wb-fieldset__legend wb-fieldset__legend--m">"The client's agreement"</legend>
                    <FieldErrorMessage field_id=consent_id.clone()/>
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
