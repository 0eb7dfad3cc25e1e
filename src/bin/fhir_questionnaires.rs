//! `fhir-questionnaires`: writes the FHIR R4 Questionnaire of every publishable instrument, and
//! optionally sample submission Bundles to validate. See `wellbeing_widget::domain::fhir`.
//!
//! ```text
//! fhir-questionnaires <out-dir> [--base URL] [--definitions FILE] [--samples DIR]
//! ```
//!
//! Exit status: 2 for a bad command line, 1 if a file cannot be read or written or a sample does
//! not read back.

#[cfg(not(target_arch = "wasm32"))]
const USAGE: &str = "\
usage: fhir-questionnaires <out-dir> [--base URL] [--definitions FILE] [--samples DIR]

Writes Questionnaire-<id>.json (FHIR R4) into <out-dir> for every built-in instrument whose
wording may be published (ons4, ucla3, ons-loneliness, phq9, gad7, phq4). WEMWBS and SWEMWBS
are licensed: they are written only when --definitions supplies their wording.

  --base URL          canonical base; each Questionnaire's url is URL/Questionnaire/<id>.
                      Default https://wellbeing-widget.example/fhir, a placeholder: a deployment
                      sets the address it publishes the files under.
  --definitions FILE  an instrument definitions file (schema/instrument-definitions.v1.schema.json):
                      licensed wording for WEMWBS/SWEMWBS, and new instruments.
  --samples DIR       also write sample submission Bundles (Bundle-sample-*.json) over the
                      instruments written, each checked to read back with parse_bundle.
  -h, --help          this text";

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use std::process::ExitCode;
    match app::run(std::env::args().skip(1).collect()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(app::Failure::Usage(msg)) => {
            eprintln!("fhir-questionnaires: {msg}\n\n{USAGE}");
            ExitCode::from(2)
        }
        Err(app::Failure::Help) => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        Err(app::Failure::Run(msg)) => {
            eprintln!("fhir-questionnaires: {msg}");
            ExitCode::from(1)
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod app {
    use std::fs;
    use std::path::{Path, PathBuf};
    use wellbeing_widget::domain::fhir::{self, PatientDetails};
    use wellbeing_widget::domain::instrument::{
        Answers, BUILTIN_IDS, Instrument, parse_definitions, resolve,
    };
    use wellbeing_widget::domain::payload::{
        Measure, Mode, SchemaVersion, Submission, SubmissionId, Timestamp,
    };
    use wellbeing_widget::domain::referral::{
        EmailAddress, NhsNumber, PersonName, PhoneNumber, Postcode, SimpleDate,
    };
    use wellbeing_widget::domain::scoring::Risk;

    pub enum Failure {
        Help,
        Usage(String),
        Run(String),
    }

    struct Options {
        out: PathBuf,
        base: String,
        definitions: Option<PathBuf>,
        samples: Option<PathBuf>,
    }

    fn parse_args(args: Vec<String>) -> Result<Options, Failure> {
        let mut out = None;
        let mut base = fhir::DEFAULT_BASE.to_owned();
        let mut definitions = None;
        let mut samples = None;
        let mut it = args.into_iter();
        while let Some(arg) = it.next() {
            let mut value = |name: &str| {
                it.next()
                    .ok_or_else(|| Failure::Usage(format!("{name} needs a value")))
            };
            match arg.as_str() {
                "-h" | "--help" => return Err(Failure::Help),
                "--base" => base = value("--base")?,
                "--definitions" => definitions = Some(PathBuf::from(value("--definitions")?)),
                "--samples" => samples = Some(PathBuf::from(value("--samples")?)),
                s if s.starts_with('-') => {
                    return Err(Failure::Usage(format!("unknown option {s}")));
                }
                _ if out.is_some() => {
                    return Err(Failure::Usage("only one <out-dir> may be given".into()));
                }
                _ => out = Some(PathBuf::from(arg)),
            }
        }
        let base = base.trim_end_matches('/').to_owned();
        let plausible = (base.starts_with("https://") || base.starts_with("http://"))
            && base.len() > "https://".len()
            && !base.contains(|c: char| c.is_whitespace() || matches!(c, '|' | '#' | '?'));
        if !plausible {
            return Err(Failure::Usage(
                "--base must be an http(s) URL without spaces, query, fragment or |".into(),
            ));
        }
        Ok(Options {
            out: out.ok_or_else(|| Failure::Usage("<out-dir> is required".into()))?,
            base,
            definitions,
            samples,
        })
    }

    pub fn run(args: Vec<String>) -> Result<(), Failure> {
        let opts = parse_args(args)?;
        let loaded = match &opts.definitions {
            Some(path) => {
                let text = fs::read_to_string(path)
                    .map_err(|e| Failure::Run(format!("cannot read {}: {e}", path.display())))?;
                parse_definitions(&text)
                    .map_err(|e| Failure::Run(format!("{}: {e}", path.display())))?
            }
            None => Vec::new(),
        };
        let mut instruments: Vec<Instrument> = BUILTIN_IDS
            .iter()
            .filter_map(|id| resolve(id, &loaded))
            .collect();
        instruments.extend(
            loaded
                .iter()
                .filter(|i| !BUILTIN_IDS.contains(&i.id.as_str()))
                .cloned(),
        );
        fs::create_dir_all(&opts.out).map_err(|e| io(&opts.out, e))?;
        let mut written = Vec::new();
        for instrument in instruments {
            match fhir::questionnaire(&instrument, &opts.base) {
                Ok(q) => {
                    let path = opts
                        .out
                        .join(format!("Questionnaire-{}.json", instrument.id));
                    write_json(&path, &q)?;
                    written.push(instrument);
                }
                Err(fhir::FhirError::NeedsWording(id)) => {
                    eprintln!("fhir-questionnaires: {id} left out: licensed, no wording supplied");
                }
                Err(e) => return Err(Failure::Run(e.to_string())),
            }
        }
        println!(
            "wrote {} Questionnaire(s) to {}: {}",
            written.len(),
            opts.out.display(),
            written
                .iter()
                .map(|i| i.id.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        );
        if let Some(dir) = &opts.samples {
            fs::create_dir_all(dir).map_err(|e| io(dir, e))?;
            let samples = samples(&written);
            for (name, submission, patient) in &samples {
                let bundle =
                    fhir::bundle_with_patient(submission, &written, &opts.base, patient.as_ref())
                        .map_err(|e| Failure::Run(format!("sample {name}: {e}")))?;
                let path = dir.join(format!("Bundle-sample-{name}.json"));
                write_json(&path, &bundle)?;
                let body = fs::read(&path).map_err(|e| io(&path, e))?;
                fhir::parse_bundle_with(&body, &opts.base, &written)
                    .map_err(|e| Failure::Run(format!("sample {name} does not read back: {e}")))?;
            }
            println!(
                "wrote {} sample Bundle(s) to {}",
                samples.len(),
                dir.display()
            );
        }
        Ok(())
    }

    fn io(path: &Path, e: std::io::Error) -> Failure {
        Failure::Run(format!("{}: {e}", path.display()))
    }

    fn write_json(path: &Path, value: &impl serde::Serialize) -> Result<(), Failure> {
        let mut text = serde_json::to_string_pretty(value)
            .map_err(|e| Failure::Run(format!("{}: {e}", path.display())))?;
        text.push('\n');
        fs::write(path, text).map_err(|e| io(path, e))
    }

    /// Sample submissions over `instruments`: every question answered (option `i mod n`), every
    /// question at its last option (urgent when PHQ-9 is there, with patient details), and every
    /// other question skipped (scores that need every answer are `null`).
    fn samples(
        instruments: &[Instrument],
    ) -> Vec<(&'static str, Submission, Option<PatientDetails>)> {
        type Pick = fn(usize, usize) -> Option<usize>;
        let plans: [(&str, &str, Pick, bool); 3] = [
            (
                "answered",
                "6f1c2a3b-0c1d-4e2f-8a3b-000000000001",
                |i, n| Some(i % n),
                false,
            ),
            (
                "urgent",
                "6f1c2a3b-0c1d-4e2f-8a3b-000000000002",
                |_, n| Some(n - 1),
                true,
            ),
            (
                "partial",
                "6f1c2a3b-0c1d-4e2f-8a3b-000000000003",
                |i, _| (i % 2 == 0).then_some(0),
                false,
            ),
        ];
        plans
            .into_iter()
            .map(|(name, id, pick, with_patient)| {
                let answered: Vec<(&Instrument, Answers)> = instruments
                    .iter()
                    .map(|inst| {
                        let mut answers = Answers::default();
                        for (i, item) in inst.items.iter().enumerate() {
                            if let Some(k) = pick(i, item.options.len()) {
                                answers
                                    .set(inst, &item.id, item.options[k].value)
                                    .expect("an option of the item");
                            }
                        }
                        (inst, answers)
                    })
                    .collect();
                let submission = Submission {
                    schema_version: SchemaVersion,
                    submission_id: SubmissionId::parse(id).expect("a UUID v4"),
                    submitted_at: Timestamp::parse("2026-11-23T10:15:00.000Z").expect("RFC 3339"),
                    mode: Mode::SelfReferral,
                    referral: None,
                    measures: answered.iter().map(|(i, a)| Measure::new(i, a)).collect(),
                    risk: Risk::assess(answered.iter().map(|(i, a)| (*i, a))),
                };
                let patient = with_patient.then(|| PatientDetails {
                    nhs_number: NhsNumber::parse("943 476 5919").ok(),
                    name: PersonName::parse("Sam Sample").ok(),
                    birth_date: SimpleDate::new(1980, 1, 31).ok(),
                    postcode: Postcode::parse("SW1A 1AA").ok(),
                    phone: PhoneNumber::parse("07700 900982").ok(),
                    email: EmailAddress::parse("sam@example.com").ok(),
                });
                (name, submission, patient)
            })
            .collect()
    }
}
