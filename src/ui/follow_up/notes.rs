use crate::domain::follow_up::NOTES_MAX_CHARS;
use crate::ui::components::field_parts::{described_by, error_message, group_class};
use crate::ui::components::{back_link::BackLink, error_summary::ErrorSummary};
use crate::ui::follow_up::state::FollowUpState;
use leptos::prelude::*;

/// Optional short notes on the visit.
#[component]
pub fn NotesPage() -> impl IntoView {
    let state = expect_context::<FollowUpState>();
    let field = state.field("notes");
    let id = field.id.clone();
    let hint_id = field.hint_id();
    let count_id = format!("{id}-count");
    let left = move || {
        let used = state.visit.with(|v| v.notes.trim().chars().count());
        if used <= NOTES_MAX_CHARS {
            format!("You have {} characters remaining", NOTES_MAX_CHARS - used)
        } else {
            format!("You have {} characters too many", used - NOTES_MAX_CHARS)
        }
    };
    view! {
        <BackLink on_back=Callback::new(move |_| state.back())/>
        <ErrorSummary id=state.ids().error_summary_id() errors=state.errors.into()/>
        <form novalidate on:submit=move |ev| {
            ev.prevent_default();
            state.submit_notes();
        }>
            <div class=group_class(field.error)>
                <h1 class="wb-heading-l wb-label-wrapper" id=state.ids().heading_id() tabindex="-1">
                    <label class="wb-label wb-label--l" for=id.clone()>"Notes on this visit (optional)"</label>
                </h1>
                <div class="wb-hint" id=hint_id.clone()>
                    {format!("Anything the service should know about this visit, in up to {NOTES_MAX_CHARS} characters. They are sent with the scores.")}
                </div>
                {error_message(field.error_id(), field.error)}
                <textarea class="wb-textarea" id=id.clone() rows="5"
                    aria-describedby=described_by(Some(format!("{hint_id} {count_id}")), field.error_id(), field.error)
                    prop:value=move || state.visit.with(|v| v.notes.clone())
                    on:input:target=move |ev| state.visit.update(|v| v.notes = ev.target().value())></textarea>
                <div class="wb-hint" id=count_id.clone() aria-live="polite">{left}</div>
            </div>
            <button type="submit" class="wb-button">"Continue"</button>
        </form>
    }
}
