//! The staff lock's pages: setting a passcode on first use, the lock screen, and "Forgot your
//! passcode?" (which delivers what it can, then removes everything). They show nothing of any
//! client: only counts.

use crate::domain::follow_up::PASSCODE_MIN_CHARS;
use crate::ui::components::field_parts::{described_by, error_message, group_class, hint_view};
use crate::ui::components::{back_link::BackLink, error_summary::ErrorSummary};
use crate::ui::follow_up::lock::{Screen, StaffLock, minutes_text};
use crate::ui::follow_up::state::FollowUpState;
use leptos::prelude::*;

/// "2 visits", "1 visit".
fn visits(n: usize) -> String {
    format!("{n} visit{}", if n == 1 { "" } else { "s" })
}

/// The lock page `screen` shows (never the follow-up's own pages).
#[component]
pub fn LockScreens() -> impl IntoView {
    let lock = expect_context::<StaffLock>();
    move || match lock.screen.get() {
        Screen::Setup => view! { <SetPasscode/> }.into_any(),
        Screen::Locked => view! { <Unlock/> }.into_any(),
        Screen::Forgot => view! { <Forgot/> }.into_any(),
        Screen::Sending => view! { <Sending/> }.into_any(),
        Screen::NotSent(n) => view! { <NotSent unsent=n/> }.into_any(),
        Screen::Open => ().into_any(),
    }
}

/// One passcode box in the GOV.UK pattern: label, hint, inline error, input.
#[component]
fn PasscodeInput(
    /// The suffix of the box's id (`passcode`, `passcode-again`, `unlock`).
    suffix: &'static str,
    label: &'static str,
    #[prop(optional)] hint: Option<String>,
    /// What is typed (kept only in this page's memory).
    value: RwSignal<String>,
) -> impl IntoView {
    let field = expect_context::<StaffLock>().field(suffix);
    let hint_id = field.hint_id();
    let described = described_by(
        hint.is_some().then(|| hint_id.clone()),
        field.error_id(),
        field.error,
    );
    view! {
        <div class=group_class(field.error)>
            <label class="wb-label wb-label--m" for=field.id.clone()>{label}</label>
            {hint_view(&hint_id, hint)}
            {error_message(field.error_id(), field.error)}
            <input class="wb-input wb-input--width-20" id=field.id type="password" autocomplete="off"
                autocapitalize="off" spellcheck="false"
                aria-describedby=described
                prop:value=move || value.get()
                on:input:target=move |ev| value.set(ev.target().value())/>
        </div>
    }
}

/// First use on this device: choose a passcode, typed twice.
#[component]
fn SetPasscode() -> impl IntoView {
    let lock = expect_context::<StaffLock>();
    let state = expect_context::<FollowUpState>();
    let passcode = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let minutes = minutes_text(lock.minutes);
    view! {
        <ErrorSummary id=lock.ids().error_summary_id() errors=lock.errors.into()/>
        <div role="status" class="wb-notice-region">
            {move || lock.message.get().map(|m| view! { <p class="wb-notice">{m}</p> })}
        </div>
        <h1 class="wb-heading-l" id=lock.ids().heading_id() tabindex="-1">"Set a passcode for this tablet"</h1>
        <p class="wb-body">
            {format!("Clients' visits are kept on this tablet. So that nobody else who picks it up can see them, the follow-up locks after {minutes} without use, and whenever the page is opened again. The passcode unlocks it.")}
        </p>
        <p class="wb-body">
            "Choose a passcode that only the staff using this tablet know. It cannot be recovered: if it is forgotten, everything the follow-up keeps on this tablet has to be removed."
        </p>
        <form novalidate on:submit=move |ev| {
            ev.prevent_default();
            lock.set_passcode(state, passcode.get_untracked(), again.get_untracked());
            passcode.set(String::new());
            again.set(String::new());
        }>
            <PasscodeInput suffix="passcode" label="Passcode" value=passcode
                hint=format!("At least {PASSCODE_MIN_CHARS} characters: letters, numbers or both")/>
            <PasscodeInput suffix="passcode-again" label="Enter the passcode again" value=again/>
            <button type="submit" class="wb-button" aria-disabled=move || lock.busy.get().then_some("true")>
                "Set passcode"
            </button>
        </form>
    }
}

/// The lock screen.
#[component]
fn Unlock() -> impl IntoView {
    let lock = expect_context::<StaffLock>();
    let state = expect_context::<FollowUpState>();
    let passcode = RwSignal::new(String::new());
    view! {
        <ErrorSummary id=lock.ids().error_summary_id() errors=lock.errors.into()/>
        <h1 class="wb-heading-l" id=lock.ids().heading_id() tabindex="-1">"The follow-up is locked"</h1>
        <p class="wb-body">
            {format!("It locks after {} without use, and whenever the page is opened again, so that nobody else can see clients' visits. Enter the passcode to carry on where you were.", minutes_text(lock.minutes))}
        </p>
        <form novalidate on:submit=move |ev| {
            ev.prevent_default();
            lock.unlock(state, passcode.get_untracked());
            passcode.set(String::new());
        }>
            <PasscodeInput suffix="unlock" label="Passcode" value=passcode/>
            <div class="wb-button-group">
                <button type="submit" class="wb-button" aria-disabled=move || lock.busy.get().then_some("true")>
                    "Unlock"
                </button>
                <button type="button" class="wb-link-button" on:click=move |_| lock.show(Screen::Forgot)>
                    "Forgot your passcode?"
                </button>
            </div>
        </form>
    }
}

/// "Forgot your passcode?": the only way back in is removing everything; says what is lost.
#[component]
fn Forgot() -> impl IntoView {
    let lock = expect_context::<StaffLock>();
    let state = expect_context::<FollowUpState>();
    let kept = state.history.with_untracked(|h| h.len());
    let unsent = state.courier.outbox.with_untracked(|o| o.entries.len());
    let lost = (unsent > 0).then(|| {
        let has = if unsent == 1 { "has" } else { "have" };
        view! {
            <div class="wb-warning">
                <p class="wb-body">
                    <strong>{format!("{} {has} not been sent yet.", visits(unsent))}</strong>
                    " They are sent first if the tablet can reach the service. Any that cannot be sent will be lost: you will be asked before they are removed."
                </p>
            </div>
        }
    });
    view! {
        <BackLink on_back=Callback::new(move |_| lock.show(Screen::Locked))/>
        <h1 class="wb-heading-l" id=lock.ids().heading_id() tabindex="-1">"Forgot your passcode?"</h1>
        <p class="wb-body">
            "The passcode cannot be recovered or reset. To use the follow-up on this tablet again, you need to remove everything it keeps here and set a new passcode."
        </p>
        <p class="wb-body">
            {format!("This removes the {} kept on this tablet for comparing scores (every client reference and baseline), any visit not finished, and the passcode. It cannot be undone. Visits already sent are kept by the service.", visits(kept))}
        </p>
        {lost}
        <div class="wb-button-group">
            <button type="button" class="wb-button wb-button--warning" on:click=move |_| lock.remove_all(state)>
                "Remove all"
            </button>
            <button type="button" class="wb-button wb-button--secondary" on:click=move |_| lock.show(Screen::Locked)>
                "Go back"
            </button>
        </div>
    }
}

/// Delivering the visits not yet sent, before removing anything.
#[component]
fn Sending() -> impl IntoView {
    let lock = expect_context::<StaffLock>();
    view! {
        <h1 class="wb-heading-l" id=lock.ids().heading_id() tabindex="-1">"Sending visits not sent yet"</h1>
        <p class="wb-body" role="status">"Trying to send them to the service before anything is removed. This can take a minute."</p>
    }
}

/// Some visits could not be delivered: removing everything now loses them.
#[component]
fn NotSent(
    /// How many visits are still only on this tablet.
    unsent: usize,
) -> impl IntoView {
    let lock = expect_context::<StaffLock>();
    let state = expect_context::<FollowUpState>();
    let (n, were) = (visits(unsent), if unsent == 1 { "was" } else { "were" });
    view! {
        <h1 class="wb-heading-l" id=lock.ids().heading_id() tabindex="-1">{format!("{n} could not be sent")}</h1>
        <p class="wb-body">
            {format!("The {n} {were} not sent: the tablet may have no signal, or the service did not accept them. If you remove everything now, the service will never get them.")}
        </p>
        <p class="wb-body">"To keep them, go back and try again when the tablet has a signal."</p>
        <div class="wb-button-group">
            <button type="button" class="wb-button wb-button--warning" on:click=move |_| lock.remove_everything(state)>
                {format!("Remove all and lose {n}")}
            </button>
            <button type="button" class="wb-button wb-button--secondary" on:click=move |_| lock.show(Screen::Locked)>
                "Go back"
            </button>
        </div>
    }
}
