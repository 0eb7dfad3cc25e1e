use crate::domain::journey::Step;
use crate::domain::referral::ReferralPage;
use crate::ui::components::{notice::Notice, outbox_status::OutboxStatus};
use crate::ui::pages::referral::{
    about_you::AboutYou, consent::Consent, contact::Contact, how_heard::HowHeard, support::Support,
    too_young::TooYoung, what_matters::WhatMatters,
};
use crate::ui::pages::{
    check::CheckAnswers, question::Question, resume::Resume, sent::Sent, start::Start,
    urgent_help::UrgentHelp,
};
use crate::ui::shell::{WidgetSetup, WidgetShell};
use crate::ui::state::WidgetForm;
use leptos::prelude::*;

/// One widget: the current page, crisis help and "Clear my answers".
#[component]
pub fn App(
    /// The host element's configuration, measures, problems and element.
    setup: WidgetSetup,
) -> impl IntoView {
    let form = WidgetForm::new(setup.config, setup.instruments, setup.host);
    provide_context(form);
    let step = Memo::new(move |_| form.draft.with(|d| d.step));
    let crisis_id = form.ids().id("crisis");
    // Deliver what is waiting; another tab with this widget: merge its draft.
    form.courier.keep_delivering(form.draft_key(), move |json| {
        form.merge_from_other_tab(json)
    });
    let clear = move || {
        view! {
            <button type="button" class="wb-button wb-button--secondary" on:click=move |_| form.clear()>
                "Clear my answers"
            </button>
        }
    };
    view! {
        <WidgetShell crisis_id problems=setup.problems footer=clear>
            <Notice message=form.notice.into()/>
            <OutboxStatus/>
            // Keyed by the step, so each page is built afresh rather than patched from the last
            // one (patching radios between two questions would carry their checked state over).
            <For each=move || [(step.get(), form.resume.get())] key=|s| *s let:s>
                {match s.0 {
                    _ if s.1 => view! { <Resume/> }.into_any(),
                    Step::Start => view! { <Start/> }.into_any(),
                    Step::Referral { part } => match part {
                        ReferralPage::AboutYou => view! { <AboutYou/> }.into_any(),
                        ReferralPage::Contact => view! { <Contact/> }.into_any(),
                        ReferralPage::WhatMatters => view! { <WhatMatters/> }.into_any(),
                        ReferralPage::HowHeard => view! { <HowHeard/> }.into_any(),
                        ReferralPage::Support => view! { <Support/> }.into_any(),
                        ReferralPage::Consent => view! { <Consent/> }.into_any(),
                    },
                    Step::TooYoung => view! { <TooYoung/> }.into_any(),
                    Step::Question { measure, index } => view! { <Question measure index/> }.into_any(),
                    Step::UrgentHelp { measure, index } => view! { <UrgentHelp measure index/> }.into_any(),
                    Step::Check => view! { <CheckAnswers/> }.into_any(),
                    Step::Sent => view! { <Sent/> }.into_any(),
                }}
            </For>
        </WidgetShell>
    }
}
