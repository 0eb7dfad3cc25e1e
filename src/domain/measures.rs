//! Which instruments a deployment asks, in order: `data-measures` resolved against the built-in
//! instruments and any definitions loaded from `data-instruments-url`.

use crate::domain::instrument::{Instrument, builtin_ids, resolve};
use thiserror::Error;

/// A measure named in `data-measures` that cannot be asked. It is left out; the rest work.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum MeasureProblem {
    #[error(
        "data-measures names {id:?}, which is not a known instrument (built in: {known}; others can be defined in the file named by data-instruments-url); it has been left out"
    )]
    Unknown { id: String, known: String },
    #[error(
        "data-measures names {0:?}, a licensed instrument whose wording must be supplied by the file named in data-instruments-url; it has been left out"
    )]
    NeedsWording(String),
    #[error(
        "data-measures names {id:?}, which is validated for people aged {validated} and over, but data-minimum-age lets people aged {minimum} use the form; it has been left out"
    )]
    BelowValidatedAge {
        id: String,
        validated: u32,
        minimum: u32,
    },
}

/// Resolves `ids` to instruments in the same order, with a problem for each one left out: an
/// unknown id, a licensed instrument without its wording, or one validated only for people older
/// than `minimum_age` (the youngest age the deployment accepts).
pub fn resolve_measures(
    ids: &[String],
    loaded: &[Instrument],
    minimum_age: u32,
) -> (Vec<Instrument>, Vec<MeasureProblem>) {
    let mut instruments = Vec::new();
    let mut problems = Vec::new();
    for id in ids {
        match resolve(id, loaded) {
            Some(i) if i.requires_wording() => {
                problems.push(MeasureProblem::NeedsWording(id.clone()))
            }
            Some(i) => match i.minimum_age {
                Some(validated) if validated > minimum_age => {
                    problems.push(MeasureProblem::BelowValidatedAge {
                        id: id.clone(),
                        validated,
                        minimum: minimum_age,
                    })
                }
                _ => instruments.push(i),
            },
            None => problems.push(MeasureProblem::Unknown {
                id: id.chars().take(40).collect(),
                known: builtin_ids().join(", "),
            }),
        }
    }
    (instruments, problems)
}
