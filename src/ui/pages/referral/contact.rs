use super::{ReferralForm, choice, choices, field, group, heading, text, yes_no};
use crate::domain::referral::{BestTime, ContactMethod, Field, ReferralPage};
use crate::ui::components::fields::{Checkboxes, Radios, TextInput, options, yes_no_options};
use crate::ui::state::WidgetForm;
use leptos::prelude::*;

/// How we can contact you: phone and/or email, the preferred way, whether it is safe to leave a
/// message or send a text, and the best times.
#[component]
pub fn Contact() -> impl IntoView {
    let form = expect_context::<WidgetForm>();
    let (phone, on_phone) = text(form, |r| &r.phone, |r| &mut r.phone);
    let (email, on_email) = text(form, |r| &r.email, |r| &mut r.email);
    let (preferred, on_preferred) =
        choice::<ContactMethod>(form, |r| r.preferred, |r, v| r.preferred = v);
    let (message, on_message) = yes_no(
        form,
        |r| r.safe_to_leave_message,
        |r, v| r.safe_to_leave_message = v,
    );
    let (texts, on_texts) = yes_no(form, |r| r.safe_to_text, |r, v| r.safe_to_text = v);
    let (times, on_times) = choices::<BestTime>(form, |r| &r.best_times, |r| &mut r.best_times);
    let applies = move |field: Field| form.draft.with(|d| field.applies(&d.referral));
    view! {
        <ReferralForm part=ReferralPage::Contact>
            {heading(form, ReferralPage::Contact)}
            <p class="wb-body">"Give us a phone number, an email address, or both."</p>
            <TextInput field=field(form, Field::Phone) label="UK phone number (optional if you give an email address)"
                hint="For example, 07700 900 982 or 01632 960 001."
                value=phone on_input=on_phone kind="tel" autocomplete="tel" width="wb-input--width-20" no_spellcheck=true/>
            <TextInput field=field(form, Field::Email) label="Email address (optional if you give a phone number)"
                value=email on_input=on_email kind="email" autocomplete="email" no_spellcheck=true/>
            <Radios field=group(form, Field::Preferred) legend="How would you like us to contact you?"
                options={options::<ContactMethod>()} value=preferred on_change=on_preferred/>
            <Show when=move || applies(Field::SafeToLeaveMessage)>
                <Radios field=group(form, Field::SafeToLeaveMessage) legend="Is it safe for us to leave a voice message on this phone?"
                    hint="If we leave a message, we will not say what it is about."
                    options={yes_no_options()} value=message on_change=on_message inline=true/>
            </Show>
            <Show when=move || applies(Field::SafeToText)>
                <Radios field=group(form, Field::SafeToText) legend="Is it safe for us to send text messages to this phone?"
                    options={yes_no_options()} value=texts on_change=on_texts inline=true/>
            </Show>
            <Checkboxes field=group(form, Field::BestTimes) legend="When is the best time to contact you? (optional)"
                hint="Select all that apply."
                options={options::<BestTime>()} value=times on_toggle=on_times/>
        </ReferralForm>
    }
}
