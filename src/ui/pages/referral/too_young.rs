use crate::domain::crisis;
use crate::ui::components::{back_link::BackLink, crisis::call_link};
use crate::ui::state::WidgetForm;
use leptos::prelude::*;

/// Younger than the service's minimum age: not an error, but who to contact instead.
#[component]
pub fn TooYoung() -> impl IntoView {
    let form = expect_context::<WidgetForm>();
    let minimum = form.config.with_value(|c| c.minimum_age);
    view! {
        <BackLink on_back=Callback::new(move |_| form.back())/>
        <h1 class="wb-heading-l" id=form.ids().heading_id() tabindex="-1">"You cannot use this form"</h1>
        <p class="wb-body">{format!("This service is for people aged {minimum} and over.")}</p>
        <p class="wb-body">"You can talk to:"</p>
        <ul class="wb-list wb-list--bullet">
            <li>"your GP practice, who can tell you about support for people your age"</li>
            <li>"a teacher, school nurse or another adult you trust"</li>
            <li>"Childline, free on " {call_link(crisis::CHILDLINE)} ", any time, if you are under 19"</li>
        </ul>
        <p class="wb-body">"If you entered your date of birth wrongly, go back and change it."</p>
    }
}
