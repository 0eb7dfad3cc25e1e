//! Entry point of the widget: mounts one independent widget into every `[data-wellbeing-widget]`.

#[cfg(target_arch = "wasm32")]
fn main() {
    wellbeing_widget::platform::panic::install();
    wellbeing_widget::ui::mount_all();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The widget runs in a browser: build it with `trunk build` (see README.md).");
    std::process::exit(2);
}
