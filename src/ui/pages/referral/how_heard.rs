use super::{ReferralForm, choice, field, group, text};
use crate::domain::referral::{Field, ReferralPage, Source};
use crate::ui::components::fields::{Radios, TextInput, options};
use crate::ui::state::WidgetForm;
use leptos::prelude::*;

/// How you heard about the service, or who suggested it: one question, so its legend is the
/// page heading.
#[component]
pub fn HowHeard() -> impl IntoView {
    let form = expect_context::<WidgetForm>();
    let (source, on_source) = choice::<Source>(form, |r| r.heard_from, |r, v| r.heard_from = v);
    let (other, on_other) = text(form, |r| &r.heard_other, |r| &mut r.heard_other);
    view! {
        <ReferralForm part=ReferralPage::HowHeard>
            <Radios field=group(form, Field::HeardFrom) legend={ReferralPage::HowHeard.heading()}
                hint="Or who suggested it to you."
                options={options::<Source>()} value=source on_change=on_source
                heading_id={form.ids().heading_id()}/>
            <Show when=move || form.draft.with(|d| Field::HeardOther.applies(&d.referral))>
                <TextInput field=field(form, Field::HeardOther) label="Tell us how you heard about this service"
                    value=other on_input=on_other/>
            </Show>
        </ReferralForm>
    }
}
