//! The self-referral's rules as declared with `validator` on `ReferralAnswers`: each rule reports
//! its field, a code naming it and the exact GOV.UK message, which the pages' `validate` shows;
//! and the receiver's re-check gives the widget's verdict on the referral variants of
//! tests/e2e/schema.test.mjs. (`tests/domain/referral_form.rs` pins every page's results.)

use serde_json::{Value, json};
use std::fmt;
use validator::ValidateArgs;
use wellbeing_widget::domain::payload::Submission;
use wellbeing_widget::domain::referral::*;

fn date(y: u16, m: u8, d: u8) -> SimpleDate {
    SimpleDate::new(y, m, d).unwrap()
}

/// The day these tests run "on": 23 November 2026 (the e2e example's `submitted_at`).
fn today() -> SimpleDate {
    date(2026, 11, 23)
}

const MIN: u32 = DEFAULT_MINIMUM_AGE;

fn cx() -> RuleContext {
    RuleContext {
        today: today(),
        minimum_age: MIN,
    }
}

/// A complete, valid set of answers.
fn valid() -> ReferralAnswers {
    ReferralAnswers {
        full_name: "Ada Lovelace".into(),
        date_of_birth: DateParts::new("7", "4", "1990"),
        nhs_number: "943 476 5919".into(),
        postcode: "sw1a 1aa".into(),
        no_fixed_address: false,
        gp_practice: "Riverside Surgery".into(),
        phone: "07700 900 982".into(),
        email: "ada@example.com".into(),
        preferred: Some(ContactMethod::Text),
        safe_to_leave_message: Some(true),
        safe_to_text: Some(true),
        best_times: vec![BestTime::Morning],
        what_matters: "Getting out more".into(),
        what_different: String::new(),
        areas: vec![Area::LonelinessIsolation],
        heard_from: Some(Source::GpPractice),
        heard_other: String::new(),
        interpreter_needed: Some(false),
        language: String::new(),
        accessibility_needs: String::new(),
        filling_in_for: Some(Helper::Myself),
        helper_name: String::new(),
        helper_relationship: String::new(),
        consent_contact: Some(true),
        consent_share_gp: Some(false),
    }
}

fn with(change: impl FnOnce(&mut ReferralAnswers)) -> ReferralAnswers {
    let mut a = valid();
    change(&mut a);
    a
}

/// One error as validator reports it: the struct field (`__all__` for a struct rule), the code,
/// where it is shown (a struct rule's `field` param, a date of birth's `part`) and the message.
#[derive(Debug, PartialEq, Eq)]
struct Reported {
    key: String,
    code: String,
    shown_on: Option<String>,
    message: Option<String>,
}

fn reported(a: &ReferralAnswers) -> Vec<Reported> {
    let Err(errors) = a.validate_with_args(&cx()) else {
        return Vec::new();
    };
    let mut out: Vec<Reported> = errors
        .field_errors()
        .into_iter()
        .flat_map(|(key, list)| {
            list.iter().map(move |e| {
                let param = |p: &str| e.params.get(p).and_then(Value::as_str).map(str::to_owned);
                Reported {
                    key: key.to_string(),
                    code: e.code.to_string(),
                    shown_on: param("field").or_else(|| param("part")),
                    message: e.message.as_ref().map(|m| m.to_string()),
                }
            })
        })
        .collect();
    out.sort_by(|a, b| (&a.key, &a.code).cmp(&(&b.key, &b.code)));
    out
}

fn one(key: &str, code: &str, shown_on: Option<&str>, message: impl fmt::Display) -> Reported {
    Reported {
        key: key.into(),
        code: code.into(),
        shown_on: shown_on.map(str::to_owned),
        message: Some(message.to_string()),
    }
}

fn long(n: usize) -> String {
    "a".repeat(n)
}

#[test]
fn valid_answers_pass_the_derived_validation() {
    assert_eq!(valid().validate_with_args(&cx()), Ok(()));
    let nfa = with(|a| {
        a.postcode = "not a postcode".into();
        a.no_fixed_address = true;
    });
    assert_eq!(nfa.validate_with_args(&cx()), Ok(()));
}

/// Each rule, broken on its own: the one error validator reports, and the same field and
/// message on the page that `validate` checks.
#[test]
fn each_rule_reports_its_field_code_and_exact_message() {
    type Change = Box<dyn Fn(&mut ReferralAnswers)>;
    let parts = |d: &str, m: &str, y: &str| DateParts::new(d, m, y);
    let dob_error = |p: DateParts| DateOfBirth::parse(&p, today()).unwrap_err();
    let cases: Vec<(Change, Reported)> = vec![
        // About you
        (
            Box::new(|a| a.full_name = "  ".into()),
            one("full_name", MISSING, None, PersonNameError::Empty),
        ),
        (
            Box::new(|a| a.full_name = long(101)),
            one("full_name", "person_name", None, PersonNameError::TooLong),
        ),
        (
            Box::new(move |a| a.date_of_birth = parts("", "", "")),
            one(
                "date_of_birth",
                MISSING,
                Some("day"),
                dob_error(parts("", "", "")),
            ),
        ),
        (
            Box::new(move |a| a.date_of_birth = parts("7", "", "1990")),
            one(
                "date_of_birth",
                "date_incomplete",
                Some("month"),
                "Date of birth must include a month",
            ),
        ),
        (
            Box::new(move |a| a.date_of_birth = parts("31", "4", "1990")),
            one(
                "date_of_birth",
                "date_not_real",
                Some("day"),
                "Date of birth must be a real date",
            ),
        ),
        (
            Box::new(move |a| a.date_of_birth = parts("7", "13", "1990")),
            one(
                "date_of_birth",
                "date_not_real",
                Some("month"),
                "Date of birth must be a real date",
            ),
        ),
        (
            Box::new(move |a| a.date_of_birth = parts("23", "11", "2026")),
            one(
                "date_of_birth",
                "date_in_future",
                Some("day"),
                "Date of birth must be in the past",
            ),
        ),
        (
            Box::new(move |a| a.date_of_birth = parts("23", "11", "1905")),
            one(
                "date_of_birth",
                "date_too_old",
                Some("day"),
                dob_error(parts("23", "11", "1905")),
            ),
        ),
        (
            Box::new(|a| a.nhs_number = "943 476 5918".into()),
            one(
                "nhs_number",
                "nhs_number",
                None,
                NhsNumber::parse("943 476 5918").unwrap_err(),
            ),
        ),
        (
            Box::new(|a| a.nhs_number = "943x".into()),
            one("nhs_number", "nhs_number", None, NhsNumberError::NotDigits),
        ),
        (
            Box::new(|a| a.postcode = " ".into()),
            one(
                "__all__",
                MISSING,
                Some("postcode"),
                "Enter your postcode, or select that you have no fixed address",
            ),
        ),
        (
            Box::new(|a| a.postcode = "SW1A".into()),
            one(
                "__all__",
                "postcode",
                Some("postcode"),
                PostcodeError::NotReal,
            ),
        ),
        (
            Box::new(|a| a.gp_practice = long(101)),
            one(
                "gp_practice",
                "length",
                None,
                FreeText::<GpPracticeText>::parse(&long(101)).unwrap_err(),
            ),
        ),
        // Contact
        (
            Box::new(|a| a.phone = "0770".into()),
            one("phone", "phone_number", None, PhoneNumberError::NotUk),
        ),
        (
            Box::new(|a| a.email = "ada@".into()),
            one("email", "email_address", None, EmailAddressError::Format),
        ),
        (
            Box::new(|a| a.preferred = None),
            one(
                "preferred",
                "required",
                None,
                "Select how you would like to be contacted",
            ),
        ),
        (
            Box::new(|a| {
                a.phone.clear();
                a.email.clear();
            }),
            one(
                "__all__",
                MISSING,
                Some("phone"),
                "Enter a phone number or an email address",
            ),
        ),
        (
            Box::new(|a| {
                a.phone.clear();
                a.preferred = Some(ContactMethod::Phone);
            }),
            one(
                "__all__",
                "preferred_way_given",
                Some("phone"),
                "You chose phone call, so enter a phone number",
            ),
        ),
        (
            Box::new(|a| a.phone = "01632 960 001".into()),
            one(
                "__all__",
                "preferred_way_given",
                Some("phone"),
                "You chose text message, so enter a mobile phone number",
            ),
        ),
        (
            Box::new(|a| {
                a.email = " ".into();
                a.preferred = Some(ContactMethod::Email);
            }),
            one(
                "__all__",
                "preferred_way_given",
                Some("email"),
                "You chose email, so enter an email address",
            ),
        ),
        (
            Box::new(|a| a.safe_to_text = Some(false)),
            one(
                "__all__",
                "text_when_safe",
                Some("preferred"),
                "You said it is not safe to send you text messages, so choose another way to be contacted",
            ),
        ),
        (
            Box::new(|a| a.safe_to_leave_message = None),
            one(
                "__all__",
                MISSING,
                Some("safe-to-leave-message"),
                "Select yes if it is safe to leave a message on your phone",
            ),
        ),
        (
            Box::new(|a| a.safe_to_text = None),
            one(
                "__all__",
                MISSING,
                Some("safe-to-text"),
                "Select yes if it is safe to send you text messages",
            ),
        ),
        // What matters
        (
            Box::new(|a| a.what_matters = " \n ".into()),
            one(
                "what_matters",
                MISSING,
                None,
                "Enter what matters to you at the moment",
            ),
        ),
        (
            Box::new(|a| a.what_matters = long(1001)),
            one(
                "what_matters",
                "length",
                None,
                FreeText::<WhatMattersText>::parse(&long(1001)).unwrap_err(),
            ),
        ),
        (
            Box::new(|a| a.what_different = long(1001)),
            one(
                "what_different",
                "length",
                None,
                FreeText::<WhatDifferentText>::parse(&long(1001)).unwrap_err(),
            ),
        ),
        // How you heard
        (
            Box::new(|a| a.heard_from = None),
            one(
                "heard_from",
                "required",
                None,
                "Select how you heard about this service",
            ),
        ),
        (
            Box::new(|a| a.heard_from = Some(Source::Other)),
            one(
                "__all__",
                MISSING,
                Some("heard-other"),
                "Enter how you heard about this service",
            ),
        ),
        (
            Box::new(|a| {
                a.heard_from = Some(Source::Other);
                a.heard_other = long(201);
            }),
            one(
                "__all__",
                "length",
                Some("heard-other"),
                FreeText::<HeardOtherText>::parse(&long(201)).unwrap_err(),
            ),
        ),
        // Support
        (
            Box::new(|a| a.interpreter_needed = None),
            one(
                "interpreter_needed",
                "required",
                None,
                "Select yes if you need an interpreter",
            ),
        ),
        (
            Box::new(|a| a.interpreter_needed = Some(true)),
            one(
                "__all__",
                MISSING,
                Some("language"),
                "Enter the language you need an interpreter for",
            ),
        ),
        (
            Box::new(|a| {
                a.interpreter_needed = Some(true);
                a.language = long(101);
            }),
            one(
                "__all__",
                "length",
                Some("language"),
                FreeText::<LanguageText>::parse(&long(101)).unwrap_err(),
            ),
        ),
        (
            Box::new(|a| a.accessibility_needs = long(501)),
            one(
                "accessibility_needs",
                "length",
                None,
                FreeText::<AccessibilityText>::parse(&long(501)).unwrap_err(),
            ),
        ),
        (
            Box::new(|a| a.filling_in_for = None),
            one(
                "filling_in_for",
                "required",
                None,
                "Select who is filling in this form",
            ),
        ),
        (
            Box::new(|a| a.filling_in_for = Some(Helper::HelpingSomeone)),
            one("__all__", MISSING, Some("helper-name"), "Enter your name"),
        ),
        (
            Box::new(|a| {
                a.filling_in_for = Some(Helper::OnBehalfWithAgreement);
                a.helper_name = long(101);
            }),
            one(
                "__all__",
                "person_name",
                Some("helper-name"),
                "Your name must be 100 characters or less",
            ),
        ),
        (
            Box::new(|a| {
                a.filling_in_for = Some(Helper::HelpingSomeone);
                a.helper_name = "Bo".into();
                a.helper_relationship = long(101);
            }),
            one(
                "__all__",
                "length",
                Some("helper-relationship"),
                FreeText::<RelationshipText>::parse(&long(101)).unwrap_err(),
            ),
        ),
        // Consent
        (
            Box::new(|a| a.consent_contact = None),
            one(
                "consent_contact",
                "required",
                None,
                "You need to agree to be contacted by a link worker so that the service can help you",
            ),
        ),
        (
            Box::new(|a| a.consent_contact = Some(false)),
            one(
                "consent_contact",
                "must_agree",
                None,
                "You need to agree to be contacted by a link worker so that the service can help you",
            ),
        ),
        (
            Box::new(|a| a.consent_share_gp = None),
            one(
                "consent_share_gp",
                "required",
                None,
                "Select yes if you agree to share this referral with your GP practice",
            ),
        ),
    ];
    for (change, expected) in cases {
        let a = with(change);
        let got = reported(&a);
        assert_eq!(got, vec![expected], "{a:#?}");
        // The page shows that message on that field, and nothing else.
        let message = got[0].message.clone().unwrap();
        let field = match (got[0].key.as_str(), &got[0].shown_on) {
            ("__all__", Some(id)) => Field::from_id(id).unwrap(),
            ("date_of_birth", Some(part)) => Field::from_id(&format!("dob-{part}")).unwrap(),
            (key, _) => Field::from_id(&key.replace('_', "-")).unwrap(),
        };
        assert_eq!(
            validate(field.page(), &a, today(), MIN),
            PageResult::Errors(vec![FieldError { field, message }]),
            "{a:#?}"
        );
    }
}

#[test]
fn a_question_not_asked_is_not_checked() {
    let cases: Vec<fn(&mut ReferralAnswers)> = vec![
        |a| {
            a.no_fixed_address = true;
            a.postcode = "SW1A".into();
        },
        |a| a.heard_other = long(500),
        |a| a.language = long(500),
        |a| {
            a.helper_name = long(500);
            a.helper_relationship = long(500);
        },
        |a| {
            a.phone.clear();
            a.safe_to_leave_message = None;
            a.safe_to_text = None;
            a.preferred = Some(ContactMethod::Email);
        },
        |a| {
            a.phone = "01632 960 001".into();
            a.safe_to_text = None;
            a.preferred = Some(ContactMethod::Phone);
        },
        // Blank optional answers are not given, however long.
        |a| {
            a.gp_practice = " ".repeat(101);
            a.what_different = " ".repeat(1001);
            a.accessibility_needs = " ".repeat(501);
        },
    ];
    for change in cases {
        let a = with(change);
        assert_eq!(reported(&a), vec![], "{a:#?}");
        assert!(parse_all(&a, today(), MIN).is_ok());
    }
}

#[test]
fn a_blank_required_answer_is_missing_before_it_is_too_long() {
    let a = with(|a| a.what_matters = " ".repeat(1001));
    let got = reported(&a);
    // validator reports both rules; the page shows the instruction.
    assert_eq!(
        got.iter().map(|r| r.code.as_str()).collect::<Vec<_>>(),
        ["length", MISSING]
    );
    assert_eq!(
        validate(ReferralPage::WhatMatters, &a, today(), MIN),
        PageResult::Errors(vec![FieldError {
            field: Field::WhatMatters,
            message: "Enter what matters to you at the moment".into(),
        }])
    );
}

#[test]
fn too_young_is_reported_with_the_minimum_age_and_turns_into_the_pages_too_young() {
    let a = with(|a| {
        a.date_of_birth = DateParts::new("24", "11", "2010");
        a.full_name.clear();
    });
    let Err(errors) = a.validate_with_args(&cx()) else {
        panic!("under 16 is refused");
    };
    let dob = &errors.field_errors()["date_of_birth"][0];
    assert_eq!(dob.code, TOO_YOUNG);
    assert_eq!(dob.params["minimum"], json!(16));
    assert_eq!(
        validate(ReferralPage::AboutYou, &a, today(), MIN),
        PageResult::TooYoung { minimum: 16 }
    );
    assert_eq!(
        parse_all(&a, today(), MIN),
        Err(NotReady::TooYoung { minimum: 16 })
    );
    // The 16th birthday is old enough; a minimum of 0 lets anyone born before today through.
    let sixteen = with(|a| a.date_of_birth = DateParts::new("23", "11", "2010"));
    assert_eq!(sixteen.validate_with_args(&cx()), Ok(()));
    let any_age = RuleContext {
        today: today(),
        minimum_age: 0,
    };
    let baby = with(|a| a.date_of_birth = DateParts::new("22", "11", "2026"));
    assert_eq!(baby.validate_with_args(&any_age), Ok(()));
}

/// The derive never uses validator's `email` or `url` rules (its email rule alone is about
/// 227 KB of brotli-compressed wasm); the email address has this crate's own rule.
#[test]
fn no_validator_email_or_url_rule_is_declared() {
    let source = include_str!("../../src/domain/referral/answers.rs");
    let mut in_attribute = false;
    for line in source.lines() {
        let code = line.split("//").next().unwrap_or("");
        if code.contains("#[validate(") {
            in_attribute = true;
        }
        if in_attribute {
            let words: Vec<&str> = code
                .split(|c: char| !(c.is_alphanumeric() || c == '_'))
                .collect();
            assert!(
                !words.contains(&"email") && !words.contains(&"url"),
                "validator's own rule in {line:?}"
            );
        }
        if code.trim_end().ends_with(")]") {
            in_attribute = false;
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The referral variants of tests/e2e/schema.test.mjs ("the schema and the intake receiver
// agree"), judged by the widget and by the receiver.

/// `REFERRAL_JSON` of tests/e2e/lib/journey.mjs.
fn referral_json() -> Value {
    json!({
        "full_name": "Ada Lovelace",
        "date_of_birth": "1990-04-07",
        "postcode": "SW1A 1AA",
        "no_fixed_address": false,
        "contact": { "email": "ada@example.com", "preferred": "email", "best_times": [] },
        "what_matters": "Getting out more",
        "areas": [],
        "heard_from": "self",
        "support": { "interpreter_needed": false, "filling_in_for": "myself" },
        "consent": { "contact": true, "share_with_gp": false }
    })
}

/// The realistic submission of tests/e2e/schema.test.mjs, with `referral`.
fn submission(referral: Option<Value>) -> Value {
    let mut s = json!({
        "schema_version": 1,
        "submission_id": "3f2a9c1b-7d4e-4a5b-9c8d-0123456789ab",
        "submitted_at": "2026-11-23T10:15:00.000Z",
        "mode": "self-referral",
        "measures": [{
            "instrument": "ons4",
            "version": "gss-2019-04",
            "answers": [
                { "item": "satisfaction", "value": 7 },
                { "item": "worthwhile", "value": 8 },
                { "item": "happy", "value": 4 },
                { "item": "anxious", "value": 6 }
            ],
            "score": { "items": [
                { "item": "satisfaction", "value": 7, "band": "high" },
                { "item": "worthwhile", "value": 8, "band": "high" },
                { "item": "happy", "value": 4, "band": "low" },
                { "item": "anxious", "value": 6, "band": "high" }
            ] }
        }],
        "risk": { "urgent": false, "reasons": [] }
    });
    if let Some(r) = referral {
        s["referral"] = r;
    }
    s
}

/// The 22 referral cases of the e2e test, then the `referral` of each example in the schema
/// (which the e2e test also sends), then the realistic one: (name, referral, e2e verdict).
fn variants() -> Vec<(&'static str, Option<Value>, bool)> {
    type Edit = fn(&mut Value);
    let edit = |change: Edit| {
        let mut r = referral_json();
        change(&mut r);
        Some(r)
    };
    let mut out = vec![
        ("no referral", None, false),
        (
            "a referral without consent to contact",
            edit(|r| r["consent"]["contact"] = json!(false)),
            false,
        ),
        (
            "a referral without its consents",
            edit(|r| {
                r.as_object_mut().unwrap().remove("consent");
            }),
            false,
        ),
        (
            "a postcode and no fixed address",
            edit(|r| r["no_fixed_address"] = json!(true)),
            false,
        ),
        (
            "no fixed address and no postcode",
            edit(|r| {
                r["no_fixed_address"] = json!(true);
                r.as_object_mut().unwrap().remove("postcode");
            }),
            true,
        ),
        (
            "neither postcode nor no fixed address",
            edit(|r| {
                r.as_object_mut().unwrap().remove("postcode");
            }),
            false,
        ),
        (
            "an NHS number of 9 digits",
            edit(|r| r["nhs_number"] = json!("943476591")),
            false,
        ),
        (
            "no way to contact",
            edit(|r| r["contact"] = json!({ "preferred": "email", "best_times": [] })),
            false,
        ),
        (
            "a landline and phone calls",
            edit(|r| {
                r["contact"] = json!({ "phone": "01632960001", "preferred": "phone",
                    "safe_to_leave_message": true, "best_times": ["any"] })
            }),
            true,
        ),
        (
            "a landline and text messages",
            edit(|r| {
                r["contact"] = json!({ "phone": "01632960001", "preferred": "text",
                    "safe_to_leave_message": true, "best_times": [] })
            }),
            false,
        ),
        (
            "a phone without its message answer",
            edit(|r| {
                r["contact"] = json!({ "phone": "01632960001", "email": "a@example.com",
                    "preferred": "email", "best_times": [] })
            }),
            false,
        ),
        (
            "email preferred without an email",
            edit(|r| {
                r["contact"] = json!({ "phone": "01632960001", "preferred": "email",
                    "safe_to_leave_message": true, "best_times": [] })
            }),
            false,
        ),
        (
            "heard from other, said how",
            edit(|r| {
                r["heard_from"] = json!("other");
                r["heard_other"] = json!("A poster");
            }),
            true,
        ),
        (
            "heard from other, not said how",
            edit(|r| r["heard_from"] = json!("other")),
            false,
        ),
        (
            "how heard when not other",
            edit(|r| r["heard_other"] = json!("A poster")),
            false,
        ),
        (
            "an unknown area",
            edit(|r| r["areas"] = json!(["gardening"])),
            false,
        ),
        (
            "an interpreter without a language",
            edit(|r| r["support"]["interpreter_needed"] = json!(true)),
            false,
        ),
        (
            "a helper without a name",
            edit(|r| r["support"]["filling_in_for"] = json!("helping-someone")),
            false,
        ),
        (
            "a helper with a name",
            edit(|r| {
                r["support"]["filling_in_for"] = json!("helping-someone");
                r["support"]["helper_name"] = json!("Bo");
                r["support"]["helper_relationship"] = json!("Son");
            }),
            true,
        ),
        (
            "a blank what matters",
            edit(|r| r["what_matters"] = json!("   ")),
            false,
        ),
        (
            "what matters too long",
            edit(|r| r["what_matters"] = json!("a".repeat(1001))),
            false,
        ),
        (
            "an extra referral field",
            edit(|r| r["age"] = json!(36)),
            false,
        ),
    ];
    let schema: Value =
        serde_json::from_str(include_str!("../../schema/submission.v1.schema.json")).unwrap();
    let examples = schema["examples"].as_array().unwrap();
    assert_eq!(examples.len(), 2, "the schema's examples");
    for (name, ex) in ["schema example 1", "schema example 2"]
        .into_iter()
        .zip(examples)
    {
        out.push((name, Some(ex["referral"].clone()), true));
    }
    out.push(("a realistic submission", Some(referral_json()), true));
    out
}

/// The answers a person would have typed and chosen to send `referral`, or `None` if no
/// answers give it: a field or a code the form does not have, or a value of the wrong type.
/// A field left out is a question not answered.
fn typed_answers(referral: &Value) -> Option<ReferralAnswers> {
    fn text(v: &Value) -> Option<String> {
        v.as_str().map(str::to_owned)
    }
    fn choice<T: Choice>(v: &Value) -> Option<T> {
        T::from_code(v.as_str()?)
    }
    fn choices<T: Choice>(v: &Value) -> Option<Vec<T>> {
        v.as_array()?.iter().map(choice).collect()
    }
    let mut a = ReferralAnswers::default();
    for (key, v) in referral.as_object()? {
        match key.as_str() {
            "full_name" => a.full_name = text(v)?,
            "date_of_birth" => {
                let d = SimpleDate::parse_iso(v.as_str()?).ok()?;
                a.date_of_birth = DateParts::new(
                    d.day().to_string(),
                    d.month().to_string(),
                    d.year().to_string(),
                );
            }
            "nhs_number" => a.nhs_number = text(v)?,
            "postcode" => a.postcode = text(v)?,
            "no_fixed_address" => a.no_fixed_address = v.as_bool()?,
            "gp_practice" => a.gp_practice = text(v)?,
            "what_matters" => a.what_matters = text(v)?,
            "what_different" => a.what_different = text(v)?,
            "areas" => a.areas = choices(v)?,
            "heard_from" => a.heard_from = Some(choice(v)?),
            "heard_other" => a.heard_other = text(v)?,
            "contact" => {
                for (key, v) in v.as_object()? {
                    match key.as_str() {
                        "phone" => a.phone = text(v)?,
                        "email" => a.email = text(v)?,
                        "preferred" => a.preferred = Some(choice(v)?),
                        "safe_to_leave_message" => a.safe_to_leave_message = Some(v.as_bool()?),
                        "safe_to_text" => a.safe_to_text = Some(v.as_bool()?),
                        "best_times" => a.best_times = choices(v)?,
                        _ => return None,
                    }
                }
            }
            "support" => {
                for (key, v) in v.as_object()? {
                    match key.as_str() {
                        "interpreter_needed" => a.interpreter_needed = Some(v.as_bool()?),
                        "language" => a.language = text(v)?,
                        "accessibility_needs" => a.accessibility_needs = text(v)?,
                        "filling_in_for" => a.filling_in_for = Some(choice(v)?),
                        "helper_name" => a.helper_name = text(v)?,
                        "helper_relationship" => a.helper_relationship = text(v)?,
                        _ => return None,
                    }
                }
            }
            "consent" => {
                for (key, v) in v.as_object()? {
                    match key.as_str() {
                        "contact" => a.consent_contact = Some(v.as_bool()?),
                        "share_with_gp" => a.consent_share_gp = Some(v.as_bool()?),
                        _ => return None,
                    }
                }
            }
            _ => return None,
        }
    }
    Some(a)
}

/// The names of the fields of a JSON object and of the objects in it (`contact.phone`, …).
fn field_names(v: &Value, prefix: &str, out: &mut Vec<String>) {
    if let Some(object) = v.as_object() {
        for (key, v) in object {
            let name = format!("{prefix}{key}");
            field_names(v, &format!("{name}."), out);
            out.push(name);
        }
    }
    out.sort();
}

/// The widget's verdict: the person can type answers that give this referral, its pages accept
/// them (on the day of `submitted_at`), and it sends exactly these questions' answers (none
/// that was not asked).
fn widget_accepts(referral: Option<&Value>) -> bool {
    let Some(a) = referral.and_then(typed_answers) else {
        return false;
    };
    let Ok(sent) = parse_all(&a, today(), MIN) else {
        return false;
    };
    let sent: Value = serde_json::to_value(&sent).unwrap();
    let (mut ours, mut theirs) = (Vec::new(), Vec::new());
    field_names(&sent, "", &mut ours);
    field_names(referral.unwrap(), "", &mut theirs);
    ours == theirs
}

/// The receiver's verdict: the submission with this referral passes `Submission::parse_json`
/// (deserialising the referral, then `referral::recheck` on the submission's date).
fn receiver_accepts(referral: Option<&Value>) -> Result<(), String> {
    let body = serde_json::to_vec(&submission(referral.cloned())).unwrap();
    Submission::parse_json(&body)
        .map(drop)
        .map_err(|e| e.to_string())
}

#[test]
fn the_receiver_and_the_widget_agree_on_the_e2e_referral_variants() {
    let variants = variants();
    assert_eq!(variants.len(), 25);
    let mut disagreements = Vec::new();
    for (name, referral, e2e) in &variants {
        let widget = widget_accepts(referral.as_ref());
        let receiver = receiver_accepts(referral.as_ref());
        if widget != receiver.is_ok() || widget != *e2e {
            disagreements.push(format!(
                "{name}: widget {widget}, receiver {receiver:?}, e2e expects {e2e}"
            ));
        }
    }
    assert_eq!(disagreements, Vec::<String>::new());
}

// ---------------------------------------------------------------------------------------------
// The receiver's re-check

fn with_dob(dob: &str, submitted_at: &str) -> Result<(), String> {
    let mut r = referral_json();
    r["date_of_birth"] = json!(dob);
    let mut s = submission(Some(r));
    s["submitted_at"] = json!(submitted_at);
    Submission::parse_json(&serde_json::to_vec(&s).unwrap())
        .map(drop)
        .map_err(|e| e.to_string())
}

#[test]
fn the_receiver_checks_the_date_of_birth_on_the_day_the_referral_was_sent() {
    let at = "2026-11-23T10:15:00.000Z";
    assert_eq!(with_dob("1990-04-07", at), Ok(()));
    // Not in the past, on the day before the date written in UTC (the person's calendar may be
    // a day behind it).
    for dob in ["2026-11-22", "2026-11-23", "2027-01-01"] {
        assert_eq!(
            with_dob(dob, at),
            Err("referral dob-day: Date of birth must be in the past".into()),
            "{dob}"
        );
    }
    // No minimum age at the receiver: a deployment sets its own, which the form enforces.
    assert_eq!(with_dob("2026-11-21", at), Ok(()));
    // At most 120 years old.
    assert_eq!(
        with_dob("1905-11-21", at),
        Err("referral dob-day: Date of birth must be after 22 November 1905".into())
    );
    assert_eq!(with_dob("1905-11-23", at), Ok(()));
    // The same referral a year later, or written in another offset.
    assert_eq!(with_dob("2026-11-23", "2027-11-23T10:15:00Z"), Ok(()));
    assert_eq!(with_dob("1990-04-07", "2026-11-23T10:15:00+14:00"), Ok(()));
}

#[test]
fn recheck_runs_the_forms_rules_on_a_received_referral() {
    let sent = parse_all(&valid(), today(), MIN).unwrap();
    assert_eq!(recheck(&sent, today()), Ok(()));
    // A referral built in code, not by the form: its answers break the form's rules.
    let mut born_today = sent.clone();
    born_today.date_of_birth = serde_json::from_value(json!("2026-11-23")).unwrap();
    let e = recheck(&born_today, today()).unwrap_err();
    assert_eq!(
        e,
        RecheckError(FieldError {
            field: Field::DobDay,
            message: "Date of birth must be in the past".into(),
        })
    );
    assert_eq!(
        e.to_string(),
        "referral dob-day: Date of birth must be in the past"
    );
}
