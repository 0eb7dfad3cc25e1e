use crate::domain::follow_up::Timepoint;
use crate::domain::follow_up::VisitPage;
use crate::ui::components::back_link::BackLink;
use crate::ui::follow_up::glance::ChangeAtAGlance;
use crate::ui::follow_up::state::FollowUpState;
use leptos::prelude::*;

/// A summary-list row with a "Change" link to `page`.
fn row(state: FollowUpState, key: String, value: String, page: VisitPage) -> impl IntoView {
    view! {
        <div class="wb-summary-list__row">
            <dt class="wb-summary-list__key">{key.clone()}</dt>
            <dd class="wb-summary-list__value">{value}</dd>
            <dd class="wb-summary-list__actions">
                <a class="wb-link" href="#" on:click=move |ev| {
                    ev.prevent_default();
                    state.change(page);
                }>"Change"<span class="wb-visually-hidden">{format!(" {key}")}</span></a>
            </dd>
        </div>
    }
}

/// Check the visit before sending: the details, each measure's answers, the notes, the change
/// at a glance, and "Send".
#[component]
pub fn CheckVisit() -> impl IntoView {
    let state = expect_context::<FollowUpState>();
    let v = state.visit.get_untracked();
    let details = view! {
        <dl class="wb-summary-list">
            {row(state, "Client reference".into(), v.client.as_ref().map(ToString::to_string).unwrap_or_default(), VisitPage::Details)}
            {row(state, "Timepoint".into(), v.timepoint.map(|t| t.label()).unwrap_or_default(), VisitPage::Details)}
            {row(state, "Date of the visit".into(), v.visit_date.map(|d| d.long_form()).unwrap_or_default(), VisitPage::Details)}
            {row(state, "The client agreed".into(), if v.consent { "Yes".into() } else { "No".into() }, VisitPage::Details)}
        </dl>
    };
    let measures = state.instruments.with_value(|all| {
        all.iter()
            .enumerate()
            .map(|(m, inst)| {
                let answers = v.answers_to(&inst.id);
                let rows = inst
                    .items
                    .iter()
                    .map(|item| {
                        row(
                            state,
                            item.short_label.clone(),
                            item.answer_text(answers.get(&item.id)),
                            VisitPage::Measure(m),
                        )
                    })
                    .collect_view();
                view! {
                    <h2 class="wb-heading-m">{inst.title.clone()}</h2>
                    <dl class="wb-summary-list">{rows}</dl>
                }
            })
            .collect_view()
    });
    let notes = if v.notes.trim().is_empty() {
        "None".to_owned()
    } else {
        v.notes.trim().to_owned()
    };
    let glance = state.glance();
    let is_baseline = v.timepoint == Some(Timepoint::Baseline);
    view! {
        <BackLink on_back=Callback::new(move |_| state.back())/>
        <h1 class="wb-heading-l" id=state.ids().heading_id() tabindex="-1">"Check the visit before sending"</h1>
        {details}
        {measures}
        <h2 class="wb-heading-m">"Notes"</h2>
        <dl class="wb-summary-list">{row(state, "Notes".into(), notes, VisitPage::Notes)}</dl>
        <ChangeAtAGlance glance is_baseline/>
        <p class="wb-body">"The visit is kept on this device and sent to the service. If there is no signal, it is sent when the tablet is back online."</p>
        <button type="button" class="wb-button" on:click=move |_| state.send()>"Send visit"</button>
    }
}
