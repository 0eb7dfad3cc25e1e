//! What every GOV.UK field has around its input: the group (marked while in error), the hint,
//! the inline message with its hidden "Error:" prefix, and `aria-describedby` linking them. The
//! field components in `fields` and `scale_question` are built from these.

use crate::ui::ids::Ids;
use crate::ui::state::{FieldError, error_of};
use leptos::prelude::*;

/// How a field is tied to the form that owns it: the DOM id of its input (of the first radio or
/// checkbox of a group), the `name` of its inputs, and the message shown for it after the last
/// Continue. The owner makes it; the field components only show it.
#[derive(Clone)]
pub struct FieldBinding {
    pub id: String,
    pub name: String,
    pub error: Signal<Option<String>>,
}

impl FieldBinding {
    /// The binding of the input `id`, named `name`, showing the message `errors` holds for `id`.
    pub fn new(id: String, name: String, errors: RwSignal<Vec<FieldError>>) -> Self {
        FieldBinding {
            error: error_of(errors, vec![id.clone()]),
            name,
            id,
        }
    }

    /// The binding of an instrument item's radios.
    pub fn scale_item(
        ids: &Ids,
        errors: RwSignal<Vec<FieldError>>,
        instrument: &str,
        item: &str,
    ) -> Self {
        Self::new(
            ids.item_field_id(instrument, item),
            ids.item_name(instrument, item),
            errors,
        )
    }

    /// The id of the field's hint.
    pub fn hint_id(&self) -> String {
        format!("{}-hint", self.id)
    }

    /// The id of the field's inline error message.
    pub fn error_id(&self) -> String {
        format!("{}-error", self.id)
    }
}

/// The ids an input or fieldset is described by: its hint (if it has one), then its error
/// (while there is one).
pub fn described_by(
    hint_id: Option<String>,
    error_id: String,
    error: Signal<Option<String>>,
) -> impl Fn() -> Option<String> + Send + Sync + Clone + 'static {
    move || {
        let ids: Vec<String> = hint_id
            .iter()
            .cloned()
            .chain(error.get().is_some().then(|| error_id.clone()))
            .collect();
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

/// `wb-form-group`, with the error modifier while the field has an error.
pub fn group_class(
    error: Signal<Option<String>>,
) -> impl Fn() -> &'static str + Send + Sync + 'static {
    move || {
        if error.get().is_some() {
            "wb-form-group wb-form-group--error"
        } else {
            "wb-form-group"
        }
    }
}

/// The inline message, with its hidden "Error:" prefix, while there is one.
pub fn error_message(id: String, error: Signal<Option<String>>) -> impl IntoView {
    move || {
        error.get().map(|m| {
            view! {
                <p class="wb-error-message" id=id.clone()>
                    <span class="wb-visually-hidden">"Error: "</span>{m}
                </p>
            }
        })
    }
}

/// The hint under a label or legend, if there is one.
pub fn hint_view<T: IntoView + 'static>(id: &str, hint: Option<T>) -> impl IntoView + use<T> {
    hint.map(|h| view! { <div class="wb-hint" id=id.to_owned()>{h}</div> })
}
