//! The patient self-referral module (`wellbeing-widget`): mounts one independent widget into each
//! host element `wellbeing.js` gives it (the self-referral sending the native JSON payload).

#[cfg(target_arch = "wasm32")]
fn main() {
    wellbeing_widget::platform::panic::install();
    wellbeing_widget::ui::mount_all::<wellbeing_widget::ui::Patient>();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The widget runs in a browser: build it with `trunk build` (see README.md).");
    std::process::exit(2);
}
