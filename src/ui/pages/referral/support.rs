use super::{ReferralForm, choice, field, group, heading, text, yes_no};
use crate::domain::referral::{AccessibilityText, Field, Helper, ReferralPage, TextField};
use crate::ui::components::fields::{Radios, TextArea, TextInput, options, yes_no_options};
use crate::ui::state::WidgetForm;
use leptos::prelude::*;

/// Support you may need: an interpreter, accessibility needs, and who is filling in the form.
#[component]
pub fn Support() -> impl IntoView {
    let form = expect_context::<WidgetForm>();
    let (interpreter, on_interpreter) = yes_no(
        form,
        |r| r.interpreter_needed,
        |r, v| r.interpreter_needed = v,
    );
    let (language, on_language) = text(form, |r| &r.language, |r| &mut r.language);
    let (access, on_access) = text(
        form,
        |r| &r.accessibility_needs,
        |r| &mut r.accessibility_needs,
    );
    let (filling, on_filling) =
        choice::<Helper>(form, |r| r.filling_in_for, |r, v| r.filling_in_for = v);
    let (helper, on_helper) = text(form, |r| &r.helper_name, |r| &mut r.helper_name);
    let (relationship, on_relationship) = text(
        form,
        |r| &r.helper_relationship,
        |r| &mut r.helper_relationship,
    );
    let applies = move |field: Field| form.draft.with(|d| field.applies(&d.referral));
    view! {
        <ReferralForm part=ReferralPage::Support>
            {heading(form, ReferralPage::Support)}
            <Radios field=group(form, Field::InterpreterNeeded) legend="Do you need an interpreter?"
                options={yes_no_options()} value=interpreter on_change=on_interpreter inline=true/>
            <Show when=move || applies(Field::Language)>
                <TextInput field=field(form, Field::Language) label="Which language do you need an interpreter for?"
                    hint="Include British Sign Language if you need it."
                    value=language on_input=on_language autocomplete="language"/>
            </Show>
            <TextArea field=field(form, Field::AccessibilityNeeds)
                label="Is there anything that would make it easier for you to use the service? (optional)"
                hint="For example, large print, a hearing loop, step-free access, or someone with you."
                value=access on_input=on_access max_chars=AccessibilityText::MAX_CHARS/>
            <Radios field=group(form, Field::FillingInFor) legend="Who is filling in this form?"
                options={options::<Helper>()} value=filling on_change=on_filling/>
            <Show when=move || applies(Field::HelperName)>
                <TextInput field=field(form, Field::HelperName) label="Your full name" value=helper on_input=on_helper
                    no_spellcheck=true/>
                <TextInput field=field(form, Field::HelperRelationship) label="Your relationship to them (optional)"
                    hint="For example, daughter, friend or support worker."
                    value=relationship on_input=on_relationship/>
            </Show>
        </ReferralForm>
    }
}
