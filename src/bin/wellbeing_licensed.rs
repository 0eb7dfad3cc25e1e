//! The licensed-instruments module (`wellbeing-licensed`): the patient self-referral for the host
//! elements with a `data-instruments-url` that `wellbeing.js` gives it, able to read that
//! definitions file (the patient module is not, which keeps it smaller).

#[cfg(target_arch = "wasm32")]
fn main() {
    wellbeing_widget::platform::panic::install();
    wellbeing_widget::ui::mount_all::<wellbeing_widget::ui::Licensed>();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The widget runs in a browser: build it with `trunk build` (see README.md).");
    std::process::exit(2);
}
