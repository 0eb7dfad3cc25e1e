use super::{ReferralForm, group, heading, yes_no};
use crate::domain::referral::{Field, ReferralPage};
use crate::ui::components::fields::{Radios, yes_no_options};
use crate::ui::state::WidgetForm;
use leptos::prelude::*;

/// Two separate, explicit choices: to be contacted by a link worker (needed to send the form, and
/// the page says why), and to share the referral with the GP practice.
#[component]
pub fn Consent() -> impl IntoView {
    let form = expect_context::<WidgetForm>();
    let (contact, on_contact) = yes_no(form, |r| r.consent_contact, |r, v| r.consent_contact = v);
    let (share, on_share) = yes_no(form, |r| r.consent_share_gp, |r, v| r.consent_share_gp = v);
    let service = form.service_name();
    view! {
        <ReferralForm part=ReferralPage::Consent>
            {heading(form, ReferralPage::Consent)}
            <p class="wb-body">
                {format!("A link worker from {service} will contact you to talk about what matters to you and what might help. We can only accept your referral if you agree to this: without it, nobody can get in touch with you.")}
            </p>
            <Radios field=group(form, Field::ConsentContact) legend="Do you agree to be contacted by a link worker?"
                options={yes_no_options()} value=contact on_change=on_contact inline=true/>
            <Radios field=group(form, Field::ConsentShareGp) legend="Do you agree to us sharing this referral with your GP practice?"
                hint="This lets your GP practice know what support you are getting. You can still use the service if you say no."
                options={yes_no_options()} value=share on_change=on_share inline=true/>
        </ReferralForm>
    }
}
