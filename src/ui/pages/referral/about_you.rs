use super::{ReferralForm, field, heading, text};
use crate::domain::referral::{DatePart, Field, ReferralPage, dob_parts_in_error};
use crate::platform::clock;
use crate::ui::components::fields::{Checkbox, DateOfBirthInput, TextInput};
use crate::ui::state::{WidgetForm, error_of};
use leptos::prelude::*;

/// About you: name, date of birth, NHS number, postcode (or no fixed address), GP practice.
#[component]
pub fn AboutYou() -> impl IntoView {
    let form = expect_context::<WidgetForm>();
    let (name, on_name) = text(form, |r| &r.full_name, |r| &mut r.full_name);
    let (nhs, on_nhs) = text(form, |r| &r.nhs_number, |r| &mut r.nhs_number);
    let (postcode, on_postcode) = text(form, |r| &r.postcode, |r| &mut r.postcode);
    let (gp, on_gp) = text(form, |r| &r.gp_practice, |r| &mut r.gp_practice);
    let no_fixed_address = Signal::derive(move || form.draft.with(|d| d.referral.no_fixed_address));
    // The date's boxes, and its one message (on whichever box it is about).
    let dob_boxes = [Field::DobDay, Field::DobMonth, Field::DobYear]
        .map(|f| (form.field_id(f), f.id().to_owned()));
    let dob_error = error_of(
        form.errors,
        dob_boxes.iter().map(|(id, _)| id.clone()).collect(),
    );
    let dob_parts = Signal::derive(move || {
        form.draft
            .with(|d| dob_parts_in_error(&d.referral, clock::today()))
    });
    let dob = Signal::derive(move || form.draft.with(|d| d.referral.date_of_birth.clone()));
    let on_dob = Callback::new(move |(part, typed): (DatePart, String)| {
        form.edit_referral(|r| *r.date_of_birth.part_mut(part) = typed)
    });
    view! {
        <ReferralForm part=ReferralPage::AboutYou>
            {heading(form, ReferralPage::AboutYou)}
            <TextInput field=field(form, Field::FullName) label="Full name" value=name on_input=on_name
                autocomplete="name" no_spellcheck=true/>
            <DateOfBirthInput boxes=dob_boxes error=dob_error parts_in_error=dob_parts value=dob on_input=on_dob/>
            <TextInput field=field(form, Field::NhsNumber) label="NHS number (optional)"
                hint="This is a 10 digit number, like 485 777 3456. You can find it on a letter from the NHS, on a prescription, or in the NHS App."
                value=nhs on_input=on_nhs inputmode="numeric" width="wb-input--width-10" no_spellcheck=true/>
            <Show when=move || !no_fixed_address.get()>
                <TextInput field=field(form, Field::Postcode) label="Postcode" value=postcode on_input=on_postcode
                    autocomplete="postal-code" width="wb-input--width-10" no_spellcheck=true/>
            </Show>
            <Checkbox field=field(form, Field::NoFixedAddress) label="I do not have a fixed address"
                value=no_fixed_address
                on_change=Callback::new(move |on| form.edit_referral(|r| r.no_fixed_address = on))/>
            <TextInput field=field(form, Field::GpPractice) label="GP practice (optional)"
                hint="The name of your surgery or health centre, if you know it."
                value=gp on_input=on_gp/>
        </ReferralForm>
    }
}
