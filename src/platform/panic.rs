//! A panic never leaves a blank box: every widget on the page is replaced by a plain message
//! that the person's answers are kept and how to get help. The console gets the location only
//! (a panic message could quote data, so it is not printed).

use crate::domain::crisis;
use crate::platform::host::hosts;

/// The message shown in place of each widget: static text, and crisis help from
/// `domain::crisis` (escaped there).
pub fn fallback_html() -> String {
    format!(
        r#"<div class="wb-widget wb-fallback" role="alert">
<h2 class="wb-heading-m">Something went wrong with this form</h2>
<p class="wb-body">Your answers so far are kept on this device. Reload the page to carry on where you left off.</p>
<p class="wb-body">{heading}:</p>
{list}
</div>"#,
        heading = crisis::HEADING,
        list = crisis::html_list(),
    )
}

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

/// Replaces every widget's content with [`fallback_html`] (inside its shadow root, where the
/// widget's styles are, if it has one).
pub fn show_fallback() {
    let html = fallback_html();
    for (el, _) in hosts() {
        match crate::platform::embed::container_of(&el) {
            Some(container) => {
                container.set_inner_html(&html);
                container.set_hidden(false);
            }
            None => el.set_inner_html(&html),
        }
    }
}
