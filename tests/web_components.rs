//! Component tests in headless Chromium (wasm-bindgen-test): mounting, rendering and the
//! validation message, through the real DOM.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use wellbeing_widget::domain::config::{RawConfig, WidgetConfig};
use wellbeing_widget::domain::instrument::ons4;
use wellbeing_widget::ui::app::App;
use wellbeing_widget::ui::shell::WidgetSetup;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh host element with its own id, and an empty draft store for it.
fn host(id: &str) -> web_sys::HtmlElement {
    let el = document().create_element("div").unwrap();
    el.set_id(id);
    el.set_attribute("data-wellbeing-widget", "").unwrap();
    document().body().unwrap().append_child(&el).unwrap();
    let _ = web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .clear();
    el.dyn_into().unwrap()
}

fn config(id: &str) -> WidgetConfig {
    WidgetConfig::parse(&RawConfig {
        endpoint: Some("http://127.0.0.1:9/submissions".into()),
        element_id: Some(id.into()),
        ..RawConfig::default()
    })
    .unwrap()
    .0
}

fn click_button(root: &web_sys::Element, text: &str) {
    let buttons = root.query_selector_all("button").unwrap();
    for i in 0..buttons.length() {
        let b: web_sys::HtmlElement = buttons.item(i).unwrap().dyn_into().unwrap();
        if b.text_content().unwrap_or_default().trim() == text {
            b.click();
            return;
        }
    }
    panic!("no button {text:?}");
}

async fn settle() {
    leptos::task::tick().await;
    gloo_timers_sleep(20).await;
}

async fn gloo_timers_sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn mounts_into_its_host_with_start_page_and_crisis_help() {
    let el = host("t-start");
    let cfg = config("t-start");
    let _handle = leptos::mount::mount_to(
        el.clone(),
        move || view! { <App setup=WidgetSetup::new(cfg, vec![ons4()])/> },
    );
    settle().await;
    let h1 = el.query_selector("h1").unwrap().expect("a heading");
    assert_eq!(
        h1.text_content().unwrap(),
        "Refer yourself for wellbeing support"
    );
    assert!(el.query_selector("a[href='tel:999']").unwrap().is_some());
    assert!(el.query_selector("a[href='tel:111']").unwrap().is_some());
    assert!(el.query_selector("a[href='tel:116123']").unwrap().is_some());
    // Mounted inside the host only: the body holds nothing else of ours.
    assert!(
        document()
            .body()
            .unwrap()
            .query_selector(":scope > .wb-widget")
            .unwrap()
            .is_none()
    );
}

#[wasm_bindgen_test]
async fn continue_with_nothing_typed_shows_the_error_summary_and_inline_messages() {
    document().set_title("Component test");
    let el = host("t-error");
    let cfg = config("t-error");
    let _handle = leptos::mount::mount_to(
        el.clone(),
        move || view! { <App setup=WidgetSetup::new(cfg, vec![ons4()])/> },
    );
    settle().await;
    click_button(&el, "Start now");
    settle().await;
    assert_eq!(
        el.query_selector("h1")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "About you"
    );
    let form = el.query_selector("form").unwrap().expect("a form");
    assert!(
        form.has_attribute("novalidate"),
        "the browser's own checks are off"
    );
    assert!(
        el.query_selector("[required]").unwrap().is_none(),
        "no HTML required"
    );
    assert!(el.query_selector(".wb-error-summary").unwrap().is_none());

    click_button(&el, "Continue");
    settle().await;
    let summary = el
        .query_selector(".wb-error-summary")
        .unwrap()
        .expect("error summary");
    assert!(
        summary
            .text_content()
            .unwrap()
            .contains("There is a problem")
    );
    let link = summary.query_selector("a").unwrap().unwrap();
    assert_eq!(link.text_content().unwrap(), "Enter your full name");
    assert_eq!(link.get_attribute("href").unwrap(), "#wb-t-error-full-name");
    let name: web_sys::HtmlInputElement = document()
        .get_element_by_id("wb-t-error-full-name")
        .expect("the link target is the name box")
        .dyn_into()
        .unwrap();
    let inline = el.query_selector(".wb-error-message").unwrap().unwrap();
    assert_eq!(
        inline.text_content().unwrap(),
        "Error: Enter your full name"
    );
    assert!(
        name.get_attribute("aria-describedby")
            .unwrap()
            .contains(&inline.id())
    );
    assert!(document().title().starts_with("Error: "));

    // Typing a name and continuing clears that error; the others stay until they are fixed.
    name.set_value("Ada Lovelace");
    name.dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    click_button(&el, "Continue");
    settle().await;
    let text = el
        .query_selector(".wb-error-summary")
        .unwrap()
        .expect("still an error summary")
        .text_content()
        .unwrap();
    assert!(!text.contains("Enter your full name"), "{text}");
    assert!(text.contains("Enter your date of birth"), "{text}");
    assert_eq!(name.value(), "Ada Lovelace", "what was typed is kept");
}

#[wasm_bindgen_test]
async fn the_panic_fallback_replaces_every_widget_with_a_plain_message() {
    let el = host("t-panic");
    el.set_inner_html("<p>old</p>");
    wellbeing_widget::platform::panic::show_fallback();
    let text = el.text_content().unwrap();
    assert!(text.contains("Your answers so far are kept on this device"));
    assert!(el.query_selector("a[href='tel:116123']").unwrap().is_some());
    assert!(!text.contains("old"));
}

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

#[wasm_bindgen_test]
fn a_slot_keeps_typed_values_as_json_and_removes_them() {
    use wellbeing_widget::domain::outbox::{Outbox, OutboxOnDevice};
    use wellbeing_widget::domain::payload::SubmissionId;
    use wellbeing_widget::platform::storage::Slot;
    let _ = local_storage().clear();
    let slot = Slot::open("t-slot", "outbox");
    assert!(slot.is_persistent());
    assert_eq!(slot.load::<OutboxOnDevice>().map(|o| o.is_none()), Ok(true));
    let mut outbox = Outbox::new();
    outbox.enqueue(
        SubmissionId::from_random_bytes([7; 16]),
        "application/json",
        "{}".into(),
        5,
    );
    slot.save(&outbox).unwrap();
    // Stored as the serde form, under the widget's key.
    let text = local_storage().get_item(slot.key()).unwrap().unwrap();
    assert_eq!(text, serde_json::to_string(&outbox).unwrap());
    let back = Outbox::from_stored(slot.load::<OutboxOnDevice>().unwrap().unwrap()).unwrap();
    assert_eq!(back, outbox);
    slot.clear();
    assert_eq!(local_storage().get_item(slot.key()).unwrap(), None);
}

#[wasm_bindgen_test]
fn an_unreadable_value_is_reported_kept_aside_as_it_was_and_expires() {
    use wellbeing_widget::domain::outbox::OutboxOnDevice;
    use wellbeing_widget::platform::storage::{Slot, Unreadable};
    let _ = local_storage().clear();
    let slot = Slot::open("t-aside", "outbox");
    local_storage().set_item(slot.key(), "{not json").unwrap();
    assert_eq!(slot.load::<OutboxOnDevice>().err(), Some(Unreadable));
    assert!(slot.keep_aside(1_000));
    let aside = format!("{}-unreadable", slot.key());
    let kept = || local_storage().get_item(&aside).unwrap();
    assert_eq!(
        kept().as_deref(),
        Some(r#"{"kept_at_ms":1000,"text":"{not json"}"#)
    );
    // Kept for exactly the period, removed after it.
    slot.expire_aside(1_000 + 60_000, 60_000);
    assert!(kept().is_some());
    slot.expire_aside(1_001 + 60_000, 60_000);
    assert_eq!(kept(), None);
    // A copy kept by an earlier version (the raw text) is timed from now.
    local_storage().set_item(&aside, "{old").unwrap();
    slot.expire_aside(5_000, 60_000);
    assert_eq!(
        kept().as_deref(),
        Some(r#"{"kept_at_ms":5000,"text":"{old"}"#)
    );
    slot.clear_aside();
    assert_eq!(kept(), None);
}
