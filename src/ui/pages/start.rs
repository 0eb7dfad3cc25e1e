use crate::ui::state::Form;
use leptos::prelude::*;

/// The start page: what this is, how long it takes, and a "Start now" button.
#[component]
pub fn Start() -> impl IntoView {
    let form = expect_context::<Form>();
    let questions = form.question_count();
    let minutes = (questions / 4).max(2);
    let (organisation, privacy) = form.config.with_value(|c| {
        (
            c.organisation.clone(),
            c.privacy_url.as_ref().map(|u| u.as_str().to_owned()),
        )
    });
    let service = organisation
        .clone()
        .unwrap_or_else(|| "the wellbeing service".to_owned());
    view! {
        <h1 class="wb-heading-l" id=form.heading_id() tabindex="-1">"Tell us how you have been feeling"</h1>
        <p class="wb-body">
            {format!("This form asks {questions} short questions about how you have been feeling. It takes about {minutes} minutes.")}
        </p>
        {organisation.map(|o| view! { <p class="wb-caption">{o}</p> })}
        <p class="wb-body">
            {format!("Your answers go to {service}, so that someone can talk with you about what might help. Until you send them, they are kept only on this device, and you can clear them at any time.")}
        </p>
        {privacy.map(|href| view! {
            <p class="wb-body">
                <a class="wb-link" href=href target="_blank" rel="noopener noreferrer">
                    "How we use your information (privacy notice, opens in a new tab)"
                </a>
            </p>
        })}
        <button type="button" class="wb-button wb-button--start" on:click=move |_| form.start()>
            "Start now"
        </button>
    }
}
