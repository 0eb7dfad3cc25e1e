//! The stored form of the visit being recorded on a link worker's tablet (kept as it is typed, so
//! that a reload loses nothing). Only the text: the UI turns it into its visit draft and checks
//! every answer against its instrument again on the way back.
//!
//! Written and read through [`Json`] rather than serde (issue 6). The text is exactly what the
//! serde form wrote: the fields in the order below, `records` and `answers` (and each
//! instrument's answers) as objects in key order, as a `BTreeMap` wrote them.

use crate::domain::json::{self, Json};
use crate::domain::order;

/// A visit not yet sent, as stored.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StoredVisit {
    /// The format of the stored visit (the UI decides which it can use).
    pub version: u32,
    pub saved_at_ms: u64,
    /// `details`, `records`, `measure-<n>`, `notes` or `check`.
    pub page: String,
    pub reference: String,
    pub timepoint_code: String,
    pub other_day: String,
    pub other_month: String,
    pub other_year: String,
    pub consent: bool,
    /// Typed-in baselines by field key, as typed.
    pub records: Vec<(String, String)>,
    /// Answers by instrument id, each as (item id, value) pairs.
    pub answers: Vec<(String, Vec<(String, i64)>)>,
    pub notes: String,
}

impl StoredVisit {
    /// The stored text. Keys are written in order whatever the order of the lists, so that the
    /// text is the one a `BTreeMap` gave.
    pub fn to_json(&self) -> String {
        let mut records: Vec<&(String, String)> = self.records.iter().collect();
        order::sort_by_key(&mut records, |r| r.0.as_str());
        let mut answers: Vec<&(String, Vec<(String, i64)>)> = self.answers.iter().collect();
        order::sort_by_key(&mut answers, |a| a.0.as_str());
        let answers = answers
            .into_iter()
            .map(|(id, pairs)| {
                let mut pairs: Vec<&(String, i64)> = pairs.iter().collect();
                order::sort_by_key(&mut pairs, |p| p.0.as_str());
                let pairs = pairs.into_iter().map(|(k, v)| (k.clone(), Json::Int(*v)));
                (id.clone(), Json::Obj(pairs.collect()))
            })
            .collect();
        Json::obj([
            ("version", Json::from(self.version)),
            ("saved_at_ms", Json::from(self.saved_at_ms)),
            ("page", Json::str(&self.page)),
            ("reference", Json::str(&self.reference)),
            ("timepoint_code", Json::str(&self.timepoint_code)),
            ("other_day", Json::str(&self.other_day)),
            ("other_month", Json::str(&self.other_month)),
            ("other_year", Json::str(&self.other_year)),
            ("consent", Json::Bool(self.consent)),
            (
                "records",
                Json::Obj(
                    records
                        .into_iter()
                        .map(|(k, v)| (k.clone(), Json::str(v)))
                        .collect(),
                ),
            ),
            ("answers", Json::Obj(answers)),
            ("notes", Json::str(&self.notes)),
        ])
        .to_text()
    }

    /// Reads a stored visit as the serde form did: every field required, with its type (the
    /// version a `u32`, the time a `u64`), nothing else; `None` when it does not read. Stricter
    /// than serde on texts this widget never wrote: a key given twice (serde kept the last of
    /// a record or an answer given twice) and the whole visit given as a list are refused.
    pub fn from_json(text: &str) -> Option<Self> {
        fn text_of(v: &Json) -> Option<String> {
            v.as_str().map(str::to_owned)
        }
        let v = json::parse(text).ok()?;
        let mut s = StoredVisit::default();
        // Each field exactly once (the parser refuses a key twice), so counting them is enough.
        let mut seen = 0;
        for (key, v) in v.as_object()? {
            match key.as_str() {
                "version" => s.version = u32::try_from(v.as_u64()?).ok()?,
                "saved_at_ms" => s.saved_at_ms = v.as_u64()?,
                "page" => s.page = text_of(v)?,
                "reference" => s.reference = text_of(v)?,
                "timepoint_code" => s.timepoint_code = text_of(v)?,
                "other_day" => s.other_day = text_of(v)?,
                "other_month" => s.other_month = text_of(v)?,
                "other_year" => s.other_year = text_of(v)?,
                "consent" => s.consent = v.as_bool()?,
                "records" => {
                    s.records = v
                        .as_object()?
                        .iter()
                        .map(|(k, v)| Some((k.clone(), text_of(v)?)))
                        .collect::<Option<_>>()?
                }
                "answers" => {
                    s.answers = v
                        .as_object()?
                        .iter()
                        .map(|(id, a)| {
                            let pairs = a
                                .as_object()?
                                .iter()
                                .map(|(k, v)| Some((k.clone(), v.as_i64()?)))
                                .collect::<Option<_>>()?;
                            Some((id.clone(), pairs))
                        })
                        .collect::<Option<_>>()?
                }
                "notes" => s.notes = text_of(v)?,
                _ => return None,
            }
            seen += 1;
        }
        (seen == 12).then_some(s)
    }
}
