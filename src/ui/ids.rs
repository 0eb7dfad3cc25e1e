//! The DOM ids of one widget instance, for the self-referral and the follow-up alike.

/// The DOM ids of one widget instance. Every id starts `wb-<instance>-`, so two widgets on one
/// page never share an id; the error summary, `aria-describedby` and focus all rely on these.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ids {
    instance: String,
}

impl Ids {
    /// The ids of the widget instance `instance` (from its host element).
    pub fn new(instance: &str) -> Self {
        Ids {
            instance: instance.to_owned(),
        }
    }

    /// A DOM id unique to this widget instance.
    pub fn id(&self, suffix: &str) -> String {
        format!("wb-{}-{suffix}", self.instance)
    }

    /// The page's `<h1>` (focused when a page opens).
    pub fn heading_id(&self) -> String {
        self.id("heading")
    }

    /// The error summary (focused after a Continue that found problems).
    pub fn error_summary_id(&self) -> String {
        self.id("error-summary")
    }

    /// The first radio of an instrument's item (the error summary links there).
    pub fn item_field_id(&self, instrument: &str, item: &str) -> String {
        self.id(&format!("{instrument}-{item}"))
    }

    /// The `name` shared by an instrument item's radios.
    pub fn item_name(&self, instrument: &str, item: &str) -> String {
        self.id(&format!("answer-{instrument}-{item}"))
    }
}
