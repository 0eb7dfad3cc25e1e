use leptos::prelude::*;

/// Crisis help, always at the bottom of the widget; "Get help now" at the top jumps here.
#[component]
pub fn CrisisHelp(
    /// The id of this section's heading (the "Get help now" link focuses it).
    heading_id: String,
) -> impl IntoView {
    view! {
        <div class="wb-crisis">
            <h2 class="wb-heading-s" id=heading_id tabindex="-1">"If you need help now"</h2>
            <CrisisList/>
        </div>
    }
}

/// The three places to get help now, as a list of links that dial.
#[component]
pub fn CrisisList() -> impl IntoView {
    view! {
        <ul class="wb-list">
            <li>
                "If you or someone else is in danger now, call "
                <a class="wb-link" href="tel:999">"999"</a> " or go to A&E."
            </li>
            <li>
                "For urgent mental health help, call "
                <a class="wb-link" href="tel:111">"NHS 111"</a> " and choose option 2. It is open day and night."
            </li>
            <li>
                "To talk to someone any time, call Samaritans free on "
                <a class="wb-link" href="tel:116123">"116 123"</a> "."
            </li>
        </ul>
    }
}

/// The "Get help now" link shown at the top of every page.
#[component]
pub fn GetHelpLink(
    /// The id of the crisis section's heading.
    target: String,
) -> impl IntoView {
    let href = format!("#{target}");
    view! {
        <a class="wb-link wb-help-link" href=href on:click=move |ev| {
            ev.prevent_default();
            crate::platform::document::focus_soon(target.clone());
        }>"Get help now"</a>
    }
}
