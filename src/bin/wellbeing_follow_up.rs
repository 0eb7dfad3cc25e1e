//! The link-worker follow-up module (`wellbeing-follow-up`), for the host elements with
//! `data-mode="follow-up"` that `wellbeing.js` gives it.

#[cfg(target_arch = "wasm32")]
fn main() {
    wellbeing_widget::platform::panic::install();
    wellbeing_widget::ui::mount_all::<wellbeing_widget::ui::FollowUp>();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The widget runs in a browser: build it with `trunk build` (see README.md).");
    std::process::exit(2);
}
