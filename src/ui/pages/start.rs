use crate::ui::state::WidgetForm;
use leptos::prelude::*;

/// The start page: what this is, how long it takes, and a "Start now" button.
#[component]
pub fn Start() -> impl IntoView {
    let form = expect_context::<WidgetForm>();
    let questions = form.question_count();
    // About five minutes for the referral pages, and about four questions a minute.
    let minutes = 5 + (questions / 4).max(2);
    let (organisation, privacy, minimum_age) = form.config.with_value(|c| {
        (
            c.organisation.clone(),
            c.privacy_url.as_ref().map(|u| u.as_str().to_owned()),
            c.minimum_age,
        )
    });
    let service = form.service_name();
    view! {
        {organisation.map(|o| view! { <p class="wb-caption">{o}</p> })}
        <h1 class="wb-heading-l" id=form.ids().heading_id() tabindex="-1">"Refer yourself for wellbeing support"</h1>
        <p class="wb-body">
            {format!("Use this form to ask {service} for support. A link worker can help with things that affect how you feel, like loneliness, money worries, housing, caring for someone or getting more active. This service is for people aged {minimum_age} and over.")}
        </p>
        <h2 class="wb-heading-m">"What you will be asked"</h2>
        <p class="wb-body">
            {format!("We will ask about you, how we can contact you, what matters to you, and {questions} short questions about how you have been feeling. It takes about {minutes} minutes.")}
        </p>
        <h2 class="wb-heading-m">"What happens next"</h2>
        <p class="wb-body">
            "A link worker will contact you in the way you choose, to talk about what matters to you and what might help."
        </p>
        <p class="wb-body">
            "Until you send your answers, they are kept only on this device, and you can clear them at any time."
        </p>
        {privacy.map(|href| view! {
            <p class="wb-body">
                <a class="wb-link" href=href target="_blank" rel="noopener noreferrer">
                    "How we use your information (privacy notice, opens in a new tab)"
                </a>
            </p>
        })}
        <p class="wb-body">"This is not an emergency service. If you need help now, use the urgent help numbers on this page."</p>
        <button type="button" class="wb-button wb-button--start" on:click=move |_| form.start()>
            "Start now"
        </button>
    }
}
