//! A panic never leaves a blank box: every widget on the page is replaced by a plain message
//! that the person's answers are kept and how to get help. The console gets the location only
//! (a panic message could quote data, so it is not printed).

use crate::platform::host::hosts;

/// The message shown in place of each widget. Static text only.
pub const FALLBACK_HTML: &str = r#"<div class="wb-widget wb-fallback" role="alert">
<h2 class="wb-heading-m">Something went wrong with this form</h2>
<p class="wb-body">Your answers so far are kept on this device. Reload the page to carry on where you left off.</p>
<p class="wb-body">If you need help now: call <a class="wb-link" href="tel:999">999</a> in an emergency, call <a class="wb-link" href="tel:111">NHS 111</a> and choose option 2 for urgent mental health help, or call Samaritans free on <a class="wb-link" href="tel:116123">116 123</a>.</p>
</div>"#;

/// Installs the panic hook.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        let at = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        web_sys::console::error_1(&format!("[wellbeing-widget] internal error{at}").into());
        show_fallback();
    }));
}

/// Replaces every widget's content with [`FALLBACK_HTML`] (inside its shadow root, where the
/// widget's styles are, if it has one).
pub fn show_fallback() {
    for (el, _) in hosts() {
        match crate::platform::embed::container_of(&el) {
            Some(container) => {
                container.set_inner_html(FALLBACK_HTML);
                container.set_hidden(false);
            }
            None => el.set_inner_html(FALLBACK_HTML),
        }
    }
}
