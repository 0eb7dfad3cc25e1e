use super::{ReferralForm, choices, field, group, heading, text};
use crate::domain::referral::{
    Area, Field, ReferralPage, TextField, WhatDifferentText, WhatMattersText,
};
use crate::ui::components::fields::{Checkboxes, TextArea, options};
use crate::ui::state::WidgetForm;
use leptos::prelude::*;

/// What matters to you: two free-text answers with a character count, and the areas of life to
/// get help with.
#[component]
pub fn WhatMatters() -> impl IntoView {
    let form = expect_context::<WidgetForm>();
    let (matters, on_matters) = text(form, |r| &r.what_matters, |r| &mut r.what_matters);
    let (different, on_different) = text(form, |r| &r.what_different, |r| &mut r.what_different);
    let (areas, on_areas) = choices::<Area>(form, |r| &r.areas, |r| &mut r.areas);
    view! {
        <ReferralForm part=ReferralPage::WhatMatters>
            {heading(form, ReferralPage::WhatMatters)}
            <TextArea field=field(form, Field::WhatMatters) label="What matters to you at the moment?"
                hint="For example, people, places or activities that are important to you, or things that are worrying you."
                value=matters on_input=on_matters max_chars=WhatMattersText::MAX_CHARS/>
            <TextArea field=field(form, Field::WhatDifferent) label="What would you like to be different? (optional)"
                value=different on_input=on_different max_chars=WhatDifferentText::MAX_CHARS/>
            <Checkboxes field=group(form, Field::Areas) legend="What would you like help with? (optional)"
                hint="Select all that apply."
                options={options::<Area>()} value=areas on_toggle=on_areas/>
        </ReferralForm>
    }
}
