//! The FHIR module (`wellbeing-fhir`): the self-referral able to send a FHIR R4 Bundle, for the
//! host elements with `data-format="fhir"` that `wellbeing.js` gives it.

#[cfg(target_arch = "wasm32")]
fn main() {
    wellbeing_widget::platform::panic::install();
    wellbeing_widget::ui::mount_all::<wellbeing_widget::ui::Fhir>();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The widget runs in a browser: build it with `trunk build` (see README.md).");
    std::process::exit(2);
}
