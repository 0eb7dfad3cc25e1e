//! The self-referral pages: every rule of every page with accepted and refused answers, every
//! message, error order, the rules between fields, the minimum age, the `referral` payload object
//! and its re-validation, the draft's answers, check-your-answers rows, and properties over
//! generated answers.

use proptest::prelude::*;
use serde_json::json;
use wellbeing_widget::domain::referral::*;

fn date(y: u16, m: u8, d: u8) -> SimpleDate {
    SimpleDate::new(y, m, d).unwrap()
}

/// The day these tests run "on": 23 November 2026.
fn today() -> SimpleDate {
    date(2026, 11, 23)
}

const MIN: u32 = DEFAULT_MINIMUM_AGE;

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
        areas: vec![Area::LonelinessIsolation, Area::PhysicalActivity],
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

/// The errors on a page as (id, message).
fn errors(page: ReferralPage, a: &ReferralAnswers) -> Vec<(&'static str, String)> {
    match validate(page, a, today(), MIN) {
        PageResult::Ok => vec![],
        PageResult::TooYoung { minimum } => panic!("unexpected TooYoung {{ minimum: {minimum} }}"),
        PageResult::Errors(e) => {
            assert!(!e.is_empty(), "Errors is never empty");
            e.into_iter().map(|e| (e.field.id(), e.message)).collect()
        }
    }
}

fn assert_ok(page: ReferralPage, a: &ReferralAnswers) {
    assert_eq!(validate(page, a, today(), MIN), PageResult::Ok, "{a:#?}");
}

fn assert_one(page: ReferralPage, a: &ReferralAnswers, id: &str, message: &str) {
    assert_eq!(
        errors(page, a),
        vec![(Field::from_id(id).unwrap().id(), message.to_owned())],
        "{a:#?}"
    );
}

fn referral(a: &ReferralAnswers) -> Referral {
    parse_all(a, today(), MIN).unwrap_or_else(|e| panic!("{e:#?}"))
}

/// GOV.UK: no "please", "sorry", "valid"/"invalid", "you forgot" in error messages.
fn assert_govuk_wording(message: &str) {
    let lower = message.to_lowercase();
    for banned in ["please", "sorry", "valid", "forgot", "error"] {
        assert!(!lower.contains(banned), "{message:?} contains {banned:?}");
    }
    assert!(
        message.chars().next().is_some_and(char::is_uppercase),
        "{message:?} starts with a capital"
    );
    assert!(!message.ends_with('.'), "{message:?} has no full stop");
}

use ReferralPage::{AboutYou, Consent as ConsentPage, Contact, HowHeard, Support, WhatMatters};

// ---------------------------------------------------------------------------------------------
// Choices

fn assert_choice_set<T: Choice + serde::Serialize + serde::de::DeserializeOwned>(labels: &[&str]) {
    assert_eq!(T::ALL.iter().map(|c| c.label()).collect::<Vec<_>>(), labels);
    let mut codes: Vec<&str> = T::ALL.iter().map(|c| c.code()).collect();
    for (c, code) in T::ALL.iter().zip(&codes) {
        assert!(
            !code.is_empty()
                && code
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
                && !code.starts_with('-')
                && !code.ends_with('-'),
            "{code:?} is kebab-case"
        );
        assert_eq!(serde_json::to_value(c).unwrap(), json!(code));
        assert_eq!(serde_json::from_value::<T>(json!(code)).unwrap(), *c);
        assert_eq!(T::from_code(code), Some(*c));
    }
    assert_eq!(T::from_code("no-such-code"), None);
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(codes.len(), T::ALL.len(), "codes are unique");
}

#[test]
fn choices_have_stable_codes_and_plain_labels_in_the_issues_order() {
    assert_choice_set::<ContactMethod>(&["Phone call", "Text message", "Email"]);
    assert_choice_set::<BestTime>(&["Morning", "Afternoon", "Evening", "Any time"]);
    assert_choice_set::<Area>(&[
        "Feeling low, anxious or stressed",
        "Loneliness or isolation",
        "Money, benefits or debt",
        "Housing",
        "Work, training or volunteering",
        "Physical activity and healthy living",
        "Caring for someone",
        "Bereavement",
        "Relationships and family",
        "Alcohol or drugs",
        "Something else",
    ]);
    assert_choice_set::<Source>(&[
        "I found it myself",
        "GP or someone at my GP practice",
        "Pharmacy",
        "Hospital",
        "Social care",
        "Housing service or housing association",
        "Jobcentre",
        "Voluntary or community group",
        "Family member or friend",
        "Other",
    ]);
    assert_choice_set::<Helper>(&[
        "I am filling this in for myself",
        "I am helping someone to fill this in",
        "I am filling this in for someone else, with their agreement",
    ]);
    assert_eq!(Source::Myself.code(), "self");
    assert_eq!(ContactMethod::Text.to_string(), "Text message");
    assert_eq!((yes_no(true), yes_no(false)), ("Yes", "No"));
}

// ---------------------------------------------------------------------------------------------
// Pages and fields

#[test]
fn pages_are_in_journey_order_with_headings_and_slugs() {
    assert_eq!(
        ReferralPage::ALL,
        [
            AboutYou,
            Contact,
            WhatMatters,
            HowHeard,
            Support,
            ConsentPage
        ]
    );
    assert_eq!(ReferralPage::first(), AboutYou);
    let headings: Vec<&str> = ReferralPage::ALL.iter().map(|p| p.heading()).collect();
    assert_eq!(
        headings,
        [
            "About you",
            "How we can contact you",
            "What matters to you",
            "How did you hear about this service?",
            "Support you may need",
            "Contacting you and sharing your referral",
        ]
    );
    for (i, p) in ReferralPage::ALL.into_iter().enumerate() {
        assert_eq!(p.next(), ReferralPage::ALL.get(i + 1).copied());
        assert_eq!(p.previous(), i.checked_sub(1).map(|j| ReferralPage::ALL[j]));
        assert_eq!(serde_json::to_value(p).unwrap(), json!(p.slug()));
        assert_eq!(ReferralPage::from_slug(p.slug()), Some(p));
    }
    assert_eq!(AboutYou.slug(), "about-you");
    assert_eq!(HowHeard.slug(), "how-heard");
    assert_eq!(ReferralPage::from_slug("check"), None);
}

#[test]
fn fields_are_in_page_order_with_unique_stable_ids() {
    let by_pages: Vec<Field> = ReferralPage::ALL
        .iter()
        .flat_map(|p| p.fields().iter().copied())
        .collect();
    assert_eq!(
        by_pages,
        Field::ALL,
        "the pages list every field once, in order"
    );
    let mut sorted = Field::ALL;
    sorted.sort();
    assert_eq!(sorted, Field::ALL, "Ord is page order");
    let mut ids: Vec<&str> = Field::ALL.iter().map(|f| f.id()).collect();
    for (f, id) in Field::ALL.iter().zip(&ids) {
        assert!(id.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'));
        assert_eq!(Field::from_id(id), Some(*f));
        assert!(f.page().fields().contains(f));
        assert!(!f.label().is_empty());
    }
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), Field::ALL.len());
    for (f, id) in [
        (Field::FullName, "full-name"),
        (Field::DobDay, "dob-day"),
        (Field::DobMonth, "dob-month"),
        (Field::DobYear, "dob-year"),
        (Field::NhsNumber, "nhs-number"),
        (Field::Postcode, "postcode"),
        (Field::Phone, "phone"),
        (Field::Email, "email"),
        (Field::Preferred, "preferred"),
        (Field::ConsentContact, "consent-contact"),
        (Field::ConsentShareGp, "consent-share-gp"),
    ] {
        assert_eq!(f.id(), id);
    }
    assert_eq!(Field::dob(DatePart::Month), Field::DobMonth);
    assert_eq!(Field::HelperName.page(), Support);
}

// ---------------------------------------------------------------------------------------------
// Every message, each reached by one change to valid answers

type Change = fn(&mut ReferralAnswers);

/// (page, what the person did, the field in error, the exact message).
fn every_message() -> Vec<(ReferralPage, Change, &'static str, String)> {
    let too_old_after = "Date of birth must be after 23 November 1905".to_owned();
    vec![
        // About you
        (AboutYou, |a| a.full_name = "  ".into(), "full-name", "Enter your full name".into()),
        (AboutYou, |a| a.full_name = "a".repeat(101), "full-name", "Full name must be 100 characters or less".into()),
        (AboutYou, |a| a.date_of_birth = DateParts::default(), "dob-day", "Enter your date of birth".into()),
        (AboutYou, |a| a.date_of_birth.month = " ".into(), "dob-month", "Date of birth must include a month".into()),
        (AboutYou, |a| a.date_of_birth.year.clear(), "dob-year", "Date of birth must include a year".into()),
        (AboutYou, |a| a.date_of_birth = DateParts::new("", "4", ""), "dob-day", "Date of birth must include a day and year".into()),
        (AboutYou, |a| a.date_of_birth = DateParts::new("31", "4", "1990"), "dob-day", "Date of birth must be a real date".into()),
        (AboutYou, |a| a.date_of_birth = DateParts::new("1", "13", "1990"), "dob-month", "Date of birth must be a real date".into()),
        (AboutYou, |a| a.date_of_birth = DateParts::new("1", "1", "90"), "dob-year", "Date of birth must be a real date".into()),
        (AboutYou, |a| a.date_of_birth = DateParts::new("23", "11", "2026"), "dob-day", "Date of birth must be in the past".into()),
        (AboutYou, |a| a.date_of_birth = DateParts::new("23", "11", "1905"), "dob-day", too_old_after),
        (AboutYou, |a| a.nhs_number = "943 476 591O".into(), "nhs-number", "NHS number must only include numbers".into()),
        (AboutYou, |a| a.nhs_number = "943 476 591".into(), "nhs-number", "NHS number must be 10 digits".into()),
        (AboutYou, |a| a.nhs_number = "943 476 5918".into(), "nhs-number", "NHS number is not correct – check it and enter it again".into()),
        (AboutYou, |a| a.postcode = " ".into(), "postcode", "Enter your postcode, or select that you have no fixed address".into()),
        (AboutYou, |a| a.postcode = "SW1A".into(), "postcode", "Enter a real postcode".into()),
        (AboutYou, |a| a.gp_practice = "a".repeat(101), "gp-practice", "GP practice must be 100 characters or less".into()),
        // Contact
        (Contact, |a| { a.phone.clear(); a.email.clear(); a.preferred = None }, "phone", "Enter a phone number or an email address".into()),
        (Contact, |a| a.phone = "0770090098".into(), "phone", "Enter a phone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192".into()),
        (Contact, |a| a.email = "ada@example".into(), "email", "Enter an email address in the correct format, like name@example.com".into()),
        (Contact, |a| a.email = format!("{}@example.com", "a".repeat(250)), "email", "Email address must be 254 characters or less".into()),
        (Contact, |a| a.preferred = None, "preferred", "Select how you would like to be contacted".into()),
        (Contact, |a| { a.phone.clear(); a.preferred = Some(ContactMethod::Phone) }, "phone", "You chose phone call, so enter a phone number".into()),
        (Contact, |a| { a.phone.clear(); a.preferred = Some(ContactMethod::Text) }, "phone", "You chose text message, so enter a mobile phone number".into()),
        (Contact, |a| { a.email.clear(); a.preferred = Some(ContactMethod::Email) }, "email", "You chose email, so enter an email address".into()),
        (Contact, |a| a.safe_to_text = Some(false), "preferred", "You said it is not safe to send you text messages, so choose another way to be contacted".into()),
        (Contact, |a| a.safe_to_leave_message = None, "safe-to-leave-message", "Select yes if it is safe to leave a message on your phone".into()),
        (Contact, |a| a.safe_to_text = None, "safe-to-text", "Select yes if it is safe to send you text messages".into()),
        // What matters
        (WhatMatters, |a| a.what_matters = " \n ".into(), "what-matters", "Enter what matters to you at the moment".into()),
        (WhatMatters, |a| a.what_matters = "a".repeat(1001), "what-matters", "What matters to you must be 1000 characters or less".into()),
        (WhatMatters, |a| a.what_different = "a".repeat(1001), "what-different", "What you would like to be different must be 1000 characters or less".into()),
        // How you heard
        (HowHeard, |a| a.heard_from = None, "heard-from", "Select how you heard about this service".into()),
        (HowHeard, |a| a.heard_from = Some(Source::Other), "heard-other", "Enter how you heard about this service".into()),
        (HowHeard, |a| { a.heard_from = Some(Source::Other); a.heard_other = "a".repeat(201) }, "heard-other", "How you heard about this service must be 200 characters or less".into()),
        // Support
        (Support, |a| a.interpreter_needed = None, "interpreter-needed", "Select yes if you need an interpreter".into()),
        (Support, |a| a.interpreter_needed = Some(true), "language", "Enter the language you need an interpreter for".into()),
        (Support, |a| { a.interpreter_needed = Some(true); a.language = "a".repeat(101) }, "language", "Language must be 100 characters or less".into()),
        (Support, |a| a.accessibility_needs = "a".repeat(501), "accessibility-needs", "Accessibility needs must be 500 characters or less".into()),
        (Support, |a| a.filling_in_for = None, "filling-in-for", "Select who is filling in this form".into()),
        (Support, |a| a.filling_in_for = Some(Helper::HelpingSomeone), "helper-name", "Enter your name".into()),
        (Support, |a| { a.filling_in_for = Some(Helper::OnBehalfWithAgreement); a.helper_name = "a".repeat(101) }, "helper-name", "Your name must be 100 characters or less".into()),
        (Support, |a| { a.filling_in_for = Some(Helper::HelpingSomeone); a.helper_name = "Bo".into(); a.helper_relationship = "a".repeat(101) }, "helper-relationship", "Your relationship to them must be 100 characters or less".into()),
        // Consent
        (ConsentPage, |a| a.consent_contact = None, "consent-contact", "You need to agree to be contacted by a link worker so that the service can help you".into()),
        (ConsentPage, |a| a.consent_contact = Some(false), "consent-contact", "You need to agree to be contacted by a link worker so that the service can help you".into()),
        (ConsentPage, |a| a.consent_share_gp = None, "consent-share-gp", "Select yes if you agree to share this referral with your GP practice".into()),
    ]
}

#[test]
fn the_valid_answers_pass_every_page() {
    for page in ReferralPage::ALL {
        assert_ok(page, &valid());
        assert!(validate(page, &valid(), today(), MIN).is_ok());
        assert!(validate(page, &valid(), today(), MIN).errors().is_empty());
    }
    referral(&valid());
}

#[test]
fn every_message_is_reached_on_its_field() {
    for (page, change, id, message) in every_message() {
        let a = with(change);
        let found = errors(page, &a);
        assert!(
            found.contains(&(id, message.clone())),
            "{page:?}: expected {id}: {message:?}, got {found:?}"
        );
        assert_govuk_wording(&message);
        // The other pages are untouched by a change on this one (the contact page's own
        // changes aside, nothing crosses pages).
        for other in ReferralPage::ALL.into_iter().filter(|p| *p != page) {
            assert_ok(other, &a);
        }
        // And sending is refused, pointing at this page.
        let not_ready = parse_all(&a, today(), MIN).unwrap_err();
        assert_eq!(not_ready.first_page(), page);
        let NotReady::Errors(all) = not_ready else {
            panic!("not TooYoung")
        };
        assert!(
            all.iter()
                .any(|(p, e)| *p == page && e.field.id() == id && e.message == message)
        );
    }
}

#[test]
fn each_field_in_error_is_on_the_page_checked() {
    for (page, change, _, _) in every_message() {
        if let PageResult::Errors(e) = validate(page, &with(change), today(), MIN) {
            assert!(e.iter().all(|e| e.field.page() == page));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// About you

#[test]
fn about_you_errors_come_in_page_order_one_per_field() {
    let a = with(|a| {
        a.full_name.clear();
        a.date_of_birth = DateParts::new("x", "4", "1990");
        a.nhs_number = "12".into();
        a.postcode = "nope".into();
        a.gp_practice = "g".repeat(101);
    });
    let ids: Vec<&str> = errors(AboutYou, &a).into_iter().map(|(id, _)| id).collect();
    assert_eq!(
        ids,
        [
            "full-name",
            "dob-day",
            "nhs-number",
            "postcode",
            "gp-practice"
        ]
    );
}

#[test]
fn date_of_birth_error_links_to_the_first_box_in_error() {
    for (parts, id, highlight) in [
        (DateParts::new("", "", ""), "dob-day", (true, true, true)),
        (
            DateParts::new("1", "", ""),
            "dob-month",
            (false, true, true),
        ),
        (
            DateParts::new("1", "2", ""),
            "dob-year",
            (false, false, true),
        ),
        (
            DateParts::new("1", "x", "19"),
            "dob-month",
            (false, true, true),
        ),
        (
            DateParts::new("29", "2", "2023"),
            "dob-day",
            (true, false, false),
        ),
    ] {
        let a = with(|a| a.date_of_birth = parts.clone());
        assert_eq!(errors(AboutYou, &a)[0].0, id, "{parts:?}");
        let p = dob_parts_in_error(&a, today()).unwrap();
        assert_eq!((p.day, p.month, p.year), highlight);
        assert_eq!(Field::dob(p.first()).id(), id);
    }
    assert_eq!(dob_parts_in_error(&valid(), today()), None);
}

#[test]
fn date_of_birth_accepts_what_the_field_type_accepts() {
    for (d, m, y, iso) in [
        ("7", "4", "1990", "1990-04-07"),
        ("07", "04", "1990", "1990-04-07"),
        (" 7 ", "Apr", "1990", "1990-04-07"),
        ("29", "february", "2000", "2000-02-29"),
    ] {
        let a = with(|a| a.date_of_birth = DateParts::new(d, m, y));
        assert_ok(AboutYou, &a);
        assert_eq!(referral(&a).date_of_birth.to_string(), iso);
    }
}

#[test]
fn too_young_is_not_an_error_and_turns_on_the_birthday() {
    // 16 on 23 November 2026: born 23 November 2010.
    let sixteen_today = with(|a| a.date_of_birth = DateParts::new("23", "11", "2010"));
    let sixteen_tomorrow = with(|a| a.date_of_birth = DateParts::new("24", "11", "2010"));
    assert_eq!(
        validate(AboutYou, &sixteen_today, today(), 16),
        PageResult::Ok
    );
    assert_eq!(
        validate(AboutYou, &sixteen_tomorrow, today(), 16),
        PageResult::TooYoung { minimum: 16 }
    );
    assert!(
        validate(AboutYou, &sixteen_tomorrow, today(), 16)
            .errors()
            .is_empty()
    );
    // A configured minimum of 18.
    let eighteen_today = with(|a| a.date_of_birth = DateParts::new("23", "11", "2008"));
    let eighteen_tomorrow = with(|a| a.date_of_birth = DateParts::new("24", "11", "2008"));
    assert_eq!(
        validate(AboutYou, &eighteen_today, today(), 18),
        PageResult::Ok
    );
    assert_eq!(
        validate(AboutYou, &eighteen_tomorrow, today(), 18),
        PageResult::TooYoung { minimum: 18 }
    );
    assert_eq!(
        validate(AboutYou, &sixteen_today, today(), 18),
        PageResult::TooYoung { minimum: 18 }
    );
    // Sending is refused the same way.
    assert_eq!(
        parse_all(&sixteen_tomorrow, today(), 16),
        Err(NotReady::TooYoung { minimum: 16 })
    );
    assert_eq!(
        parse_all(&sixteen_tomorrow, today(), 16)
            .unwrap_err()
            .first_page(),
        AboutYou
    );
    assert!(parse_all(&sixteen_today, today(), 16).is_ok());
    // The minimum age only matters on the about-you page.
    for page in ReferralPage::ALL.into_iter().skip(1) {
        assert_eq!(
            validate(page, &sixteen_tomorrow, today(), 16),
            PageResult::Ok
        );
    }
}

#[test]
fn too_young_wins_over_other_problems_on_the_page_and_elsewhere() {
    let a = with(|a| {
        a.date_of_birth = DateParts::new("1", "1", "2015");
        a.full_name.clear();
        a.postcode.clear();
        a.consent_contact = None;
    });
    assert_eq!(
        validate(AboutYou, &a, today(), MIN),
        PageResult::TooYoung { minimum: 16 }
    );
    assert_eq!(
        parse_all(&a, today(), MIN),
        Err(NotReady::TooYoung { minimum: 16 })
    );
}

#[test]
fn nhs_number_is_optional_and_ignores_spaces_and_hyphens() {
    for blank in ["", "   ", " - ", "--"] {
        let a = with(|a| a.nhs_number = blank.into());
        assert_ok(AboutYou, &a);
        assert_eq!(referral(&a).nhs_number, None);
    }
    for typed in [
        "9434765919",
        "943 476 5919",
        "943-476-5919",
        " 943 - 476 - 5919 ",
    ] {
        let a = with(|a| a.nhs_number = typed.into());
        assert_ok(AboutYou, &a);
        assert_eq!(
            referral(&a).nhs_number.unwrap().as_str(),
            "9434765919",
            "{typed:?}"
        );
    }
}

#[test]
fn postcode_is_required_unless_there_is_no_fixed_address() {
    let a = with(|a| a.postcode = "  sw1a1aa ".into());
    assert_ok(AboutYou, &a);
    let r = referral(&a);
    assert_eq!(r.postcode.unwrap().as_str(), "SW1A 1AA");
    assert!(!r.no_fixed_address);

    for typed in ["", "not a postcode", "ZZ99 3VZ"] {
        let a = with(|a| {
            a.postcode = typed.into();
            a.no_fixed_address = true;
        });
        assert_ok(AboutYou, &a);
        let r = referral(&a);
        assert_eq!(r.postcode, None, "the postcode box is not used");
        assert!(r.no_fixed_address);
    }
    assert!(Field::Postcode.applies(&valid()));
    assert!(!Field::Postcode.applies(&with(|a| a.no_fixed_address = true)));
}

#[test]
fn gp_practice_is_optional_up_to_100_characters_and_kept_as_typed() {
    let a = with(|a| a.gp_practice = " \t".into());
    assert_ok(AboutYou, &a);
    assert_eq!(referral(&a).gp_practice, None);
    let a = with(|a| a.gp_practice = "é".repeat(100));
    assert_ok(AboutYou, &a);
    assert_eq!(referral(&a).gp_practice.unwrap().as_str(), "é".repeat(100));
}

#[test]
fn full_name_is_tidied() {
    let a = with(|a| a.full_name = "  Ada   Lovelace ".into());
    assert_eq!(referral(&a).full_name.as_str(), "Ada Lovelace");
    let a = with(|a| a.full_name = "a".repeat(100));
    assert_ok(AboutYou, &a);
}

// ---------------------------------------------------------------------------------------------
// Contact

fn contact(phone: &str, email: &str, preferred: Option<ContactMethod>) -> ReferralAnswers {
    with(|a| {
        a.phone = phone.into();
        a.email = email.into();
        a.preferred = preferred;
        a.safe_to_leave_message = None;
        a.safe_to_text = None;
    })
}

#[test]
fn contact_needs_a_phone_or_an_email_and_a_preferred_way() {
    assert_eq!(
        errors(Contact, &contact("", " ", None)),
        vec![
            (
                "phone",
                "Enter a phone number or an email address".to_owned()
            ),
            (
                "preferred",
                "Select how you would like to be contacted".to_owned()
            ),
        ]
    );
    // Choosing a way does not add a second message when neither is given.
    for way in ContactMethod::ALL {
        assert_one(
            Contact,
            &contact("", "", Some(*way)),
            "phone",
            "Enter a phone number or an email address",
        );
    }
    // Email only.
    let a = contact("", "ada@example.com", Some(ContactMethod::Email));
    assert_ok(Contact, &a);
    let c = referral(&a).contact;
    assert_eq!(
        (c.phone, c.safe_to_leave_message, c.safe_to_text),
        (None, None, None)
    );
    assert_eq!(c.email.unwrap().as_str(), "ada@example.com");
}

#[test]
fn a_phone_needs_safe_to_leave_a_message_and_a_mobile_safe_to_text() {
    // Landline: asked about messages, not texts.
    let a = contact("01632 960 001", "", Some(ContactMethod::Phone));
    assert_one(
        Contact,
        &a,
        "safe-to-leave-message",
        "Select yes if it is safe to leave a message on your phone",
    );
    assert!(Field::SafeToLeaveMessage.applies(&a));
    assert!(!Field::SafeToText.applies(&a));
    let a = ReferralAnswers {
        safe_to_leave_message: Some(false),
        safe_to_text: Some(true), // not asked for a landline: ignored
        ..a
    };
    assert_ok(Contact, &a);
    let c = referral(&a).contact;
    assert_eq!(c.safe_to_leave_message, Some(false));
    assert_eq!(c.safe_to_text, None);

    // Mobile: asked both, in page order.
    let a = contact("+44 7700 900982", "", Some(ContactMethod::Phone));
    assert_eq!(
        errors(Contact, &a)
            .into_iter()
            .map(|(id, _)| id)
            .collect::<Vec<_>>(),
        ["safe-to-leave-message", "safe-to-text"]
    );
    let a = ReferralAnswers {
        safe_to_leave_message: Some(true),
        safe_to_text: Some(false),
        ..a
    };
    assert_ok(Contact, &a);
    let c = referral(&a).contact;
    assert_eq!(c.phone.unwrap().as_str(), "07700900982");
    assert_eq!(
        (c.safe_to_leave_message, c.safe_to_text),
        (Some(true), Some(false))
    );

    // A mistyped phone still needs the message answer, but not the text one (it is not yet known
    // to be a mobile).
    let a = contact("0770090098", "", Some(ContactMethod::Phone));
    assert_eq!(
        errors(Contact, &a)
            .into_iter()
            .map(|(id, _)| id)
            .collect::<Vec<_>>(),
        ["phone", "safe-to-leave-message"]
    );

    // No phone: neither is asked, and any answer is ignored.
    let a = ReferralAnswers {
        safe_to_leave_message: Some(true),
        safe_to_text: Some(true),
        ..contact("", "ada@example.com", Some(ContactMethod::Email))
    };
    assert_ok(Contact, &a);
    assert!(!Field::SafeToLeaveMessage.applies(&a));
    let c = referral(&a).contact;
    assert_eq!((c.safe_to_leave_message, c.safe_to_text), (None, None));
}

#[test]
fn the_preferred_way_must_be_one_that_was_given() {
    let text_message = "You chose text message, so enter a mobile phone number";
    // Text without any phone.
    assert_one(
        Contact,
        &contact("", "ada@example.com", Some(ContactMethod::Text)),
        "phone",
        text_message,
    );
    // Text with a landline.
    let a = ReferralAnswers {
        safe_to_leave_message: Some(true),
        ..contact("020 7946 0000", "", Some(ContactMethod::Text))
    };
    assert_one(Contact, &a, "phone", text_message);
    // Text with a mobile.
    let a = ReferralAnswers {
        safe_to_leave_message: Some(true),
        safe_to_text: Some(true),
        ..contact("07700 900 982", "", Some(ContactMethod::Text))
    };
    assert_ok(Contact, &a);
    // A mistyped phone gets its own message, not the cross-field one.
    assert_eq!(
        errors(
            Contact,
            &ReferralAnswers {
                safe_to_leave_message: Some(true),
                ..contact("07700", "", Some(ContactMethod::Text))
            }
        ),
        vec![(
            "phone",
            "Enter a phone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192"
                .to_owned()
        )]
    );
    // Phone call without a phone; email without an email.
    assert_one(
        Contact,
        &contact("", "ada@example.com", Some(ContactMethod::Phone)),
        "phone",
        "You chose phone call, so enter a phone number",
    );
    let a = ReferralAnswers {
        safe_to_leave_message: Some(true),
        ..contact("01632 960 001", "", Some(ContactMethod::Email))
    };
    assert_one(
        Contact,
        &a,
        "email",
        "You chose email, so enter an email address",
    );
    // A landline is fine for phone calls.
    let a = ReferralAnswers {
        safe_to_leave_message: Some(false),
        ..contact("01632 960 001", "", Some(ContactMethod::Phone))
    };
    assert_ok(Contact, &a);
    assert_eq!(referral(&a).contact.preferred, ContactMethod::Phone);
}

#[test]
fn text_message_cannot_be_preferred_when_texts_are_not_safe() {
    let a = with(|a| a.safe_to_text = Some(false));
    assert_one(
        Contact,
        &a,
        "preferred",
        "You said it is not safe to send you text messages, so choose another way to be contacted",
    );
    assert_ok(
        Contact,
        &with(|a| {
            a.safe_to_text = Some(false);
            a.preferred = Some(ContactMethod::Phone);
        }),
    );
}

#[test]
fn contact_errors_come_in_page_order() {
    let a = ReferralAnswers {
        preferred: None,
        safe_to_leave_message: None,
        ..with(|a| {
            a.phone = "01632 96".into();
            a.email = "x@".into();
        })
    };
    let ids: Vec<&str> = errors(Contact, &a).into_iter().map(|(id, _)| id).collect();
    assert_eq!(
        ids,
        ["phone", "email", "preferred", "safe-to-leave-message"]
    );
}

#[test]
fn best_times_are_optional_in_shown_order_and_any_time_stands_alone() {
    let times = |chosen: Vec<BestTime>| {
        referral(&with(|a| a.best_times = chosen))
            .contact
            .best_times
    };
    assert_eq!(times(vec![]), vec![]);
    assert_eq!(
        times(vec![
            BestTime::Evening,
            BestTime::Morning,
            BestTime::Evening
        ]),
        vec![BestTime::Morning, BestTime::Evening]
    );
    assert_eq!(
        times(vec![BestTime::Morning, BestTime::Any]),
        vec![BestTime::Any]
    );
}

// ---------------------------------------------------------------------------------------------
// What matters

#[test]
fn what_matters_is_required_and_both_texts_are_limited_to_1000_characters() {
    let a = with(|a| {
        a.what_matters = "😀".repeat(1000);
        a.what_different = "é".repeat(1000);
    });
    assert_ok(WhatMatters, &a);
    let r = referral(&a);
    assert_eq!(r.what_matters.as_str(), "😀".repeat(1000));
    assert_eq!(r.what_different.unwrap().as_str(), "é".repeat(1000));
    let a = with(|a| {
        a.what_matters.clear();
        a.what_different = "x".repeat(1001);
    });
    assert_eq!(
        errors(WhatMatters, &a),
        vec![
            (
                "what-matters",
                "Enter what matters to you at the moment".to_owned()
            ),
            (
                "what-different",
                "What you would like to be different must be 1000 characters or less".to_owned()
            ),
        ]
    );
    assert_eq!(referral(&valid()).what_different, None);
}

#[test]
fn areas_are_optional_in_shown_order_each_once() {
    assert_ok(WhatMatters, &with(|a| a.areas.clear()));
    let a = with(|a| {
        a.areas = vec![
            Area::SomethingElse,
            Area::LowMoodAnxietyStress,
            Area::SomethingElse,
        ]
    });
    assert_eq!(
        referral(&a).areas,
        vec![Area::LowMoodAnxietyStress, Area::SomethingElse]
    );
}

#[test]
fn free_text_with_markup_is_kept_exactly_as_typed() {
    let markup = "  <script>alert(1)</script>\n<b>&amp;</b> \"quotes\" 'and' ";
    let a = with(|a| {
        a.what_matters = markup.into();
        a.what_different = markup.into();
        a.gp_practice = "<img src=x onerror=alert(1)>".into();
        a.heard_from = Some(Source::Other);
        a.heard_other = "<i>".into();
    });
    let r = referral(&a);
    assert_eq!(r.what_matters.as_str(), markup);
    assert_eq!(r.what_different.as_ref().unwrap().as_str(), markup);
    assert_eq!(
        r.gp_practice.as_ref().unwrap().as_str(),
        "<img src=x onerror=alert(1)>"
    );
    let back: Referral = serde_json::from_str(&serde_json::to_string(&r).unwrap()).unwrap();
    assert_eq!(back.what_matters.as_str(), markup);
    let rows = summary_rows(WhatMatters, &a);
    assert_eq!(rows[0].value, markup);
    assert_eq!(rows[1].value, markup);
    assert_eq!(summary_rows(HowHeard, &a)[1].value, "<i>");
}

// ---------------------------------------------------------------------------------------------
// How you heard

#[test]
fn other_source_needs_the_text_and_other_sources_ignore_it() {
    let a = with(|a| {
        a.heard_from = Some(Source::Other);
        a.heard_other = "A poster in the library".into();
    });
    assert_ok(HowHeard, &a);
    let r = referral(&a);
    assert_eq!(r.heard_from, Source::Other);
    assert_eq!(r.heard_other.unwrap().as_str(), "A poster in the library");
    assert!(Field::HeardOther.applies(&a));

    let a = with(|a| a.heard_other = "left over from before".into());
    assert_ok(HowHeard, &a);
    assert_eq!(referral(&a).heard_other, None);
    assert!(!Field::HeardOther.applies(&a));

    for source in Source::ALL.iter().filter(|s| **s != Source::Other) {
        assert_ok(HowHeard, &with(|a| a.heard_from = Some(*source)));
    }
}

// ---------------------------------------------------------------------------------------------
// Support

#[test]
fn an_interpreter_needs_a_language() {
    let a = with(|a| {
        a.interpreter_needed = Some(true);
        a.language = "Polish".into();
    });
    assert_ok(Support, &a);
    let s = referral(&a).support;
    assert!(s.interpreter_needed);
    assert_eq!(s.language.unwrap().as_str(), "Polish");

    let a = with(|a| a.language = "Polish".into());
    assert_ok(Support, &a);
    assert_eq!(
        referral(&a).support.language,
        None,
        "not asked when no interpreter"
    );
    assert!(!Field::Language.applies(&a));
}

#[test]
fn someone_else_filling_in_gives_their_name() {
    for helper in [Helper::HelpingSomeone, Helper::OnBehalfWithAgreement] {
        let a = with(|a| a.filling_in_for = Some(helper));
        assert_one(Support, &a, "helper-name", "Enter your name");
        let a = with(|a| {
            a.filling_in_for = Some(helper);
            a.helper_name = " Bo  Peep ".into();
        });
        assert_ok(Support, &a);
        let s = referral(&a).support;
        assert_eq!(s.filling_in_for, helper);
        assert_eq!(s.helper_name.unwrap().as_str(), "Bo Peep");
        assert_eq!(s.helper_relationship, None);
        let a = with(|a| {
            a.filling_in_for = Some(helper);
            a.helper_name = "Bo".into();
            a.helper_relationship = "Daughter".into();
        });
        assert_eq!(
            referral(&a).support.helper_relationship.unwrap().as_str(),
            "Daughter"
        );
    }
    let a = with(|a| {
        a.helper_name = "Bo".into();
        a.helper_relationship = "Friend".into();
    });
    assert_ok(Support, &a);
    let s = referral(&a).support;
    assert_eq!((s.helper_name, s.helper_relationship), (None, None));
}

#[test]
fn support_errors_come_in_page_order() {
    let a = with(|a| {
        a.interpreter_needed = Some(true);
        a.accessibility_needs = "a".repeat(501);
        a.filling_in_for = Some(Helper::HelpingSomeone);
        a.helper_relationship = "r".repeat(101);
    });
    let ids: Vec<&str> = errors(Support, &a).into_iter().map(|(id, _)| id).collect();
    assert_eq!(
        ids,
        [
            "language",
            "accessibility-needs",
            "helper-name",
            "helper-relationship"
        ]
    );
    let a = with(|a| {
        a.interpreter_needed = None;
        a.filling_in_for = None;
    });
    let ids: Vec<&str> = errors(Support, &a).into_iter().map(|(id, _)| id).collect();
    assert_eq!(ids, ["interpreter-needed", "filling-in-for"]);
}

// ---------------------------------------------------------------------------------------------
// Consent

#[test]
fn the_form_cannot_be_sent_without_consent_to_be_contacted() {
    let why = "You need to agree to be contacted by a link worker so that the service can help you";
    for answer in [None, Some(false)] {
        let a = with(|a| a.consent_contact = answer);
        assert_one(ConsentPage, &a, "consent-contact", why);
        let NotReady::Errors(e) = parse_all(&a, today(), MIN).unwrap_err() else {
            panic!()
        };
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].0, ConsentPage);
    }
    let a = with(|a| {
        a.consent_contact = Some(false);
        a.consent_share_gp = None;
    });
    assert_eq!(
        errors(ConsentPage, &a)
            .into_iter()
            .map(|(id, _)| id)
            .collect::<Vec<_>>(),
        ["consent-contact", "consent-share-gp"]
    );
    for share in [true, false] {
        let c = referral(&with(|a| a.consent_share_gp = Some(share))).consent;
        assert!(c.contact);
        assert_eq!(c.share_with_gp, share);
    }
}

// ---------------------------------------------------------------------------------------------
// Sending: every page at once

#[test]
fn parse_all_lists_every_problem_in_page_order() {
    let a = with(|a| {
        a.consent_share_gp = None;
        a.full_name.clear();
        a.heard_from = None;
        a.preferred = None;
        a.what_matters.clear();
        a.interpreter_needed = None;
        a.postcode.clear();
    });
    let NotReady::Errors(e) = parse_all(&a, today(), MIN).unwrap_err() else {
        panic!()
    };
    let got: Vec<(ReferralPage, &str)> = e.iter().map(|(p, e)| (*p, e.field.id())).collect();
    assert_eq!(
        got,
        [
            (AboutYou, "full-name"),
            (AboutYou, "postcode"),
            (Contact, "preferred"),
            (WhatMatters, "what-matters"),
            (HowHeard, "heard-from"),
            (Support, "interpreter-needed"),
            (ConsentPage, "consent-share-gp"),
        ]
    );
    assert_eq!(NotReady::Errors(e.clone()).first_page(), AboutYou);
    // Back to the first page with a problem, with that page's problems only.
    let (page, problems) = NotReady::Errors(e).into_first_page();
    assert_eq!(page, AboutYou);
    let ids: Vec<&str> = problems.iter().map(|p| p.field.id()).collect();
    assert_eq!(ids, ["full-name", "postcode"]);
    assert_eq!(
        NotReady::TooYoung { minimum: 16 }.into_first_page(),
        (AboutYou, vec![])
    );
    let NotReady::Errors(e) = parse_all(&with(|a| a.heard_from = None), today(), MIN).unwrap_err()
    else {
        panic!()
    };
    assert_eq!(NotReady::Errors(e).first_page(), HowHeard);
}

#[test]
fn an_empty_form_is_refused_with_every_required_question() {
    let NotReady::Errors(e) = parse_all(&ReferralAnswers::default(), today(), MIN).unwrap_err()
    else {
        panic!()
    };
    let ids: Vec<&str> = e.iter().map(|(_, e)| e.field.id()).collect();
    assert_eq!(
        ids,
        [
            "full-name",
            "dob-day",
            "postcode",
            "phone",
            "preferred",
            "what-matters",
            "heard-from",
            "interpreter-needed",
            "filling-in-for",
            "consent-contact",
            "consent-share-gp",
        ]
    );
    for (_, e) in &e {
        assert_govuk_wording(&e.message);
        assert_eq!(e.to_string(), e.message);
    }
}

// ---------------------------------------------------------------------------------------------
// The payload's `referral` object

#[test]
fn referral_serialises_with_codes_and_absent_optional_answers() {
    let r = referral(&valid());
    assert_eq!(
        serde_json::to_value(&r).unwrap(),
        json!({
            "full_name": "Ada Lovelace",
            "date_of_birth": "1990-04-07",
            "nhs_number": "9434765919",
            "postcode": "SW1A 1AA",
            "no_fixed_address": false,
            "gp_practice": "Riverside Surgery",
            "contact": {
                "phone": "07700900982",
                "email": "ada@example.com",
                "preferred": "text",
                "safe_to_leave_message": true,
                "safe_to_text": true,
                "best_times": ["morning"]
            },
            "what_matters": "Getting out more",
            "areas": ["loneliness-isolation", "physical-activity"],
            "heard_from": "gp-practice",
            "support": {
                "interpreter_needed": false,
                "filling_in_for": "myself"
            },
            "consent": { "contact": true, "share_with_gp": false }
        })
    );

    let a = with(|a| {
        a.nhs_number.clear();
        a.postcode.clear();
        a.no_fixed_address = true;
        a.gp_practice.clear();
        a.phone.clear();
        a.preferred = Some(ContactMethod::Email);
        a.best_times = vec![BestTime::Any];
        a.what_different = "More friends\n".into();
        a.areas.clear();
        a.heard_from = Some(Source::Other);
        a.heard_other = "Radio".into();
        a.interpreter_needed = Some(true);
        a.language = "Welsh".into();
        a.accessibility_needs = "Large print".into();
        a.filling_in_for = Some(Helper::OnBehalfWithAgreement);
        a.helper_name = "Bo Peep".into();
        a.helper_relationship = "Neighbour".into();
        a.consent_share_gp = Some(true);
    });
    assert_eq!(
        serde_json::to_value(referral(&a)).unwrap(),
        json!({
            "full_name": "Ada Lovelace",
            "date_of_birth": "1990-04-07",
            "no_fixed_address": true,
            "contact": {
                "email": "ada@example.com",
                "preferred": "email",
                "best_times": ["any"]
            },
            "what_matters": "Getting out more",
            "what_different": "More friends\n",
            "areas": [],
            "heard_from": "other",
            "heard_other": "Radio",
            "support": {
                "interpreter_needed": true,
                "language": "Welsh",
                "accessibility_needs": "Large print",
                "filling_in_for": "on-behalf-with-agreement",
                "helper_name": "Bo Peep",
                "helper_relationship": "Neighbour"
            },
            "consent": { "contact": true, "share_with_gp": true }
        })
    );
}

#[test]
fn referral_round_trips_through_json_and_back_to_answers() {
    for a in [
        valid(),
        with(|a| {
            a.no_fixed_address = true;
            a.phone = "01632 960 001".into();
            a.preferred = Some(ContactMethod::Phone);
            a.safe_to_text = None;
            a.heard_from = Some(Source::Other);
            a.heard_other = "x".into();
        }),
    ] {
        let r = referral(&a);
        let json = serde_json::to_string(&r).unwrap();
        assert_eq!(serde_json::from_str::<Referral>(&json).unwrap(), r);
        assert_eq!(referral(&r.to_answers()), r);
    }
}

fn refused(change: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut v = serde_json::to_value(referral(&valid())).unwrap();
    change(&mut v);
    serde_json::from_value::<Referral>(v)
        .unwrap_err()
        .to_string()
}

#[test]
fn referral_deserialising_checks_the_field_types_and_the_rules_between_fields() {
    type Edit = fn(&mut serde_json::Value);
    let cases: Vec<(Edit, &str)> = vec![
        (
            |v| v["nhs_number"] = json!("9434765918"),
            "NHS number is not correct",
        ),
        (|v| v["postcode"] = json!("SW1A"), "Enter a real postcode"),
        (|v| v["date_of_birth"] = json!("1990-02-30"), "real date"),
        (|v| v["full_name"] = json!(" "), "Enter your full name"),
        (
            |v| v["contact"]["phone"] = json!("123"),
            "Enter a phone number",
        ),
        (
            |v| v["contact"]["preferred"] = json!("fax"),
            "unknown variant",
        ),
        (|v| v["areas"] = json!(["knitting"]), "unknown variant"),
        (
            |v| v["what_matters"] = json!("x".repeat(1001)),
            "1000 characters",
        ),
        (
            |v| v["what_matters"] = json!("  "),
            "what_matters must not be blank",
        ),
        (|v| v["extra"] = json!(1), "unknown field"),
        (|v| v["contact"]["extra"] = json!(1), "unknown field"),
        (|v| v["no_fixed_address"] = json!(true), "no_fixed_address"),
        (
            |v| {
                v.as_object_mut().unwrap().remove("postcode");
            },
            "no_fixed_address",
        ),
        (|v| v["heard_from"] = json!("other"), "heard_other"),
        (|v| v["heard_other"] = json!("Radio"), "heard_other"),
        (
            |v| {
                v["contact"].as_object_mut().unwrap().remove("phone");
                v["contact"].as_object_mut().unwrap().remove("email");
            },
            "a phone or an email",
        ),
        (
            |v| {
                v["contact"].as_object_mut().unwrap().remove("phone");
            },
            "contact.preferred must be a way given",
        ),
        (
            |v| {
                v["contact"]["phone"] = json!("01632960001");
            },
            "contact.preferred must be a way given",
        ),
        (
            |v| {
                v["contact"]
                    .as_object_mut()
                    .unwrap()
                    .remove("safe_to_leave_message");
            },
            "safe_to_leave_message",
        ),
        (
            |v| {
                v["contact"].as_object_mut().unwrap().remove("safe_to_text");
            },
            "safe_to_text",
        ),
        (
            |v| {
                v["contact"]["preferred"] = json!("phone");
                v["contact"]["phone"] = json!("01632960001");
            },
            "safe_to_text must be given with a mobile",
        ),
        (
            |v| v["contact"]["safe_to_text"] = json!(false),
            "safe_to_text is false",
        ),
        (
            |v| v["support"]["interpreter_needed"] = json!(true),
            "support.language",
        ),
        (
            |v| v["support"]["language"] = json!("Welsh"),
            "support.language",
        ),
        (
            |v| v["support"]["filling_in_for"] = json!("helping-someone"),
            "support.helper_name",
        ),
        (
            |v| v["support"]["helper_name"] = json!("Bo"),
            "support.helper_name",
        ),
        (
            |v| v["support"]["helper_relationship"] = json!("Friend"),
            "support.helper_name",
        ),
        (
            |v| v["support"]["accessibility_needs"] = json!(" "),
            "must not be blank",
        ),
        (
            |v| v["consent"]["contact"] = json!(false),
            "consent.contact must be true",
        ),
        (
            |v| {
                v["consent"]
                    .as_object_mut()
                    .unwrap()
                    .remove("share_with_gp");
            },
            "share_with_gp",
        ),
    ];
    for (change, expected) in cases {
        let message = refused(change);
        assert!(
            message.contains(expected),
            "{message:?} should mention {expected:?}"
        );
    }
}

#[test]
fn referral_error_messages_name_fields_not_values() {
    let message = refused(|v| {
        v["postcode"] = json!("SW1A 1AA");
        v["no_fixed_address"] = json!(true);
    });
    assert!(!message.contains("SW1A"));
    assert_eq!(
        ReferralError::NoContactConsent.to_string(),
        "consent.contact must be true: a referral cannot be sent without it"
    );
}

// ---------------------------------------------------------------------------------------------
// The draft's answers

#[test]
fn answers_round_trip_through_json_with_codes() {
    let a = with(|a| {
        a.heard_from = Some(Source::Myself);
        a.filling_in_for = Some(Helper::HelpingSomeone);
        a.what_matters = "<script>alert(1)</script>".into();
    });
    let v = serde_json::to_value(&a).unwrap();
    assert_eq!(v["preferred"], json!("text"));
    assert_eq!(v["heard_from"], json!("self"));
    assert_eq!(v["filling_in_for"], json!("helping-someone"));
    assert_eq!(
        v["areas"],
        json!(["loneliness-isolation", "physical-activity"])
    );
    assert_eq!(
        v["date_of_birth"],
        json!({"day": "7", "month": "4", "year": "1990"})
    );
    assert_eq!(v["what_matters"], json!("<script>alert(1)</script>"));
    assert_eq!(serde_json::from_value::<ReferralAnswers>(v).unwrap(), a);
    let d = ReferralAnswers::default();
    assert_eq!(
        serde_json::from_str::<ReferralAnswers>(&serde_json::to_string(&d).unwrap()).unwrap(),
        d
    );
}

#[test]
fn older_and_newer_drafts_still_load() {
    assert_eq!(
        serde_json::from_str::<ReferralAnswers>("{}").unwrap(),
        ReferralAnswers::default()
    );
    let a: ReferralAnswers = serde_json::from_value(json!({
        "full_name": "Ada",
        "preferred": "carrier-pigeon",
        "heard_from": null,
        "filling_in_for": "myself",
        "areas": ["housing", "knitting", "bereavement"],
        "best_times": null,
        "a_question_from_a_later_version": true
    }))
    .unwrap();
    assert_eq!(a.full_name, "Ada");
    assert_eq!(a.preferred, None, "an unknown choice is asked again");
    assert_eq!(a.heard_from, None);
    assert_eq!(a.filling_in_for, Some(Helper::Myself));
    assert_eq!(a.areas, vec![Area::Housing, Area::Bereavement]);
    assert!(a.best_times.is_empty());
    assert_eq!(a.email, "");
    assert!(serde_json::from_str::<ReferralAnswers>(r#"{"full_name": 3}"#).is_err());
}

// ---------------------------------------------------------------------------------------------
// Check your answers

fn rows(page: ReferralPage, a: &ReferralAnswers) -> Vec<(&'static str, String)> {
    summary_rows(page, a)
        .into_iter()
        .map(|r| {
            assert_eq!(r.label, r.field.label());
            assert_eq!(r.field.page(), page);
            (r.label, r.value)
        })
        .collect()
}

fn owned(rows: &[(&'static str, &str)]) -> Vec<(&'static str, String)> {
    rows.iter().map(|(k, v)| (*k, (*v).to_owned())).collect()
}

#[test]
fn summary_rows_read_as_the_person_would_read_them() {
    let a = valid();
    assert_eq!(
        rows(AboutYou, &a),
        owned(&[
            ("Full name", "Ada Lovelace"),
            ("Date of birth", "7 April 1990"),
            ("NHS number", "943 476 5919"),
            ("Postcode", "SW1A 1AA"),
            ("GP practice", "Riverside Surgery"),
        ])
    );
    assert_eq!(
        rows(Contact, &a),
        owned(&[
            ("Phone number", "07700 900 982"),
            ("Email address", "ada@example.com"),
            ("How you would like to be contacted", "Text message"),
            ("Safe to leave a message", "Yes"),
            ("Safe to send text messages", "Yes"),
            ("Best times to contact you", "Morning"),
        ])
    );
    assert_eq!(
        rows(WhatMatters, &a),
        owned(&[
            ("What matters to you", "Getting out more"),
            ("What you would like to be different", NOT_PROVIDED),
            (
                "Areas you would like help with",
                "Loneliness or isolation\nPhysical activity and healthy living"
            ),
        ])
    );
    assert_eq!(
        rows(HowHeard, &a),
        owned(&[(
            "How you heard about this service",
            "GP or someone at my GP practice"
        )])
    );
    assert_eq!(
        rows(Support, &a),
        owned(&[
            ("Interpreter needed", "No"),
            ("Accessibility needs", NOT_PROVIDED),
            (
                "Who is filling in this form",
                "I am filling this in for myself"
            ),
        ])
    );
    assert_eq!(
        rows(ConsentPage, &a),
        owned(&[
            ("Agree to be contacted by a link worker", "Yes"),
            ("Agree to share this referral with your GP practice", "No"),
        ])
    );
    let fields: Vec<Field> = summary_rows(AboutYou, &a).iter().map(|r| r.field).collect();
    assert_eq!(
        fields,
        [
            Field::FullName,
            Field::DobDay,
            Field::NhsNumber,
            Field::Postcode,
            Field::GpPractice
        ]
    );
}

#[test]
fn summary_rows_show_skipped_optional_answers_and_only_questions_asked() {
    let a = with(|a| {
        a.date_of_birth = DateParts::new("29", "feb", "2000");
        a.nhs_number = " ".into();
        a.no_fixed_address = true;
        a.gp_practice.clear();
        a.phone = "01632960001".into();
        a.email.clear();
        a.preferred = Some(ContactMethod::Phone);
        a.safe_to_leave_message = Some(false);
        a.best_times = vec![BestTime::Evening, BestTime::Any];
        a.areas.clear();
        a.heard_from = Some(Source::Other);
        a.heard_other = "A leaflet".into();
        a.interpreter_needed = Some(true);
        a.language = "Polish".into();
        a.accessibility_needs = "Large print".into();
        a.filling_in_for = Some(Helper::HelpingSomeone);
        a.helper_name = "Bo".into();
    });
    assert_eq!(
        rows(AboutYou, &a),
        owned(&[
            ("Full name", "Ada Lovelace"),
            ("Date of birth", "29 February 2000"),
            ("NHS number", NOT_PROVIDED),
            ("Postcode", "No fixed address"),
            ("GP practice", NOT_PROVIDED),
        ])
    );
    assert_eq!(
        rows(Contact, &a),
        owned(&[
            ("Phone number", "01632 960 001"),
            ("Email address", NOT_PROVIDED),
            ("How you would like to be contacted", "Phone call"),
            ("Safe to leave a message", "No"),
            ("Best times to contact you", "Any time"),
        ])
    );
    assert_eq!(rows(WhatMatters, &a)[2].1, NOT_PROVIDED);
    assert_eq!(
        rows(HowHeard, &a),
        owned(&[
            ("How you heard about this service", "Other"),
            ("How you heard (other)", "A leaflet"),
        ])
    );
    assert_eq!(
        rows(Support, &a),
        owned(&[
            ("Interpreter needed", "Yes"),
            ("Language", "Polish"),
            ("Accessibility needs", "Large print"),
            (
                "Who is filling in this form",
                "I am helping someone to fill this in"
            ),
            ("Your name", "Bo"),
            ("Your relationship to them", NOT_PROVIDED),
        ])
    );
    // Email only: no phone questions.
    let a = contact("", "ada@example.com", Some(ContactMethod::Email));
    let labels: Vec<&str> = rows(Contact, &a).into_iter().map(|(l, _)| l).collect();
    assert_eq!(
        labels,
        [
            "Phone number",
            "Email address",
            "How you would like to be contacted",
            "Best times to contact you"
        ]
    );
    assert_eq!(rows(Contact, &a)[0].1, NOT_PROVIDED);
}

#[test]
fn summary_rows_never_panic_on_unchecked_answers() {
    let a = ReferralAnswers {
        date_of_birth: DateParts::new("31", "2", "9999"),
        nhs_number: "12".into(),
        postcode: "nope".into(),
        phone: "abc".into(),
        ..ReferralAnswers::default()
    };
    let about = rows(AboutYou, &a);
    assert_eq!(about[0].1, NOT_PROVIDED);
    assert_eq!(about[1].1, "31 2 9999");
    assert_eq!(about[2].1, "12");
    assert_eq!(about[3].1, "nope");
    for page in ReferralPage::ALL {
        summary_rows(page, &a);
        summary_rows(page, &ReferralAnswers::default());
    }
}

// ---------------------------------------------------------------------------------------------
// Properties over generated answers

fn pick(options: &'static [&'static str]) -> impl Strategy<Value = String> {
    proptest::sample::select(options).prop_map(str::to_owned)
}

fn some_choice<T: Choice>() -> impl Strategy<Value = Option<T>> {
    proptest::option::of(proptest::sample::select(T::ALL))
}

fn some_choices<T: Choice>() -> impl Strategy<Value = Vec<T>> {
    proptest::collection::vec(proptest::sample::select(T::ALL), 0..4)
}

fn answers() -> impl Strategy<Value = ReferralAnswers> {
    let about = (
        pick(&["Ada Lovelace", "", "  Bo  "]),
        (
            pick(&["7", "", "31", "x"]),
            pick(&["4", "", "Feb", "13"]),
            pick(&["1990", "2010", "2026", "", "90"]),
        ),
        pick(&["", "943 476 5919", "943-476-5919", "12345"]),
        pick(&["", "sw1a1aa", "SW1A", "M1 1AE"]),
        any::<bool>(),
        pick(&["", "Riverside", "<b>x</b>"]),
    );
    let contact = (
        pick(&["", "07700 900 982", "01632 960 001", "0770"]),
        pick(&["", "ada@example.com", "ada@"]),
        some_choice::<ContactMethod>(),
        proptest::option::of(any::<bool>()),
        proptest::option::of(any::<bool>()),
        some_choices::<BestTime>(),
    );
    let rest = (
        pick(&["", " ", "Walking", "<script>alert(1)</script>"]),
        pick(&["", "More friends\n"]),
        some_choices::<Area>(),
        some_choice::<Source>(),
        pick(&["", "Radio"]),
        proptest::option::of(any::<bool>()),
        pick(&["", "Polish"]),
        pick(&["", "Large print"]),
        some_choice::<Helper>(),
        pick(&["", "Bo"]),
        pick(&["", "Friend"]),
        (
            proptest::option::of(any::<bool>()),
            proptest::option::of(any::<bool>()),
        ),
    );
    (about, contact, rest).prop_map(|(about, contact, rest)| {
        let (full_name, (d, m, y), nhs_number, postcode, no_fixed_address, gp_practice) = about;
        let (phone, email, preferred, safe_to_leave_message, safe_to_text, best_times) = contact;
        let (
            what_matters,
            what_different,
            areas,
            heard_from,
            heard_other,
            interpreter_needed,
            language,
            accessibility_needs,
            filling_in_for,
            helper_name,
            helper_relationship,
            (consent_contact, consent_share_gp),
        ) = rest;
        ReferralAnswers {
            full_name,
            date_of_birth: DateParts::new(d, m, y),
            nhs_number,
            postcode,
            no_fixed_address,
            gp_practice,
            phone,
            email,
            preferred,
            safe_to_leave_message,
            safe_to_text,
            best_times,
            what_matters,
            what_different,
            areas,
            heard_from,
            heard_other,
            interpreter_needed,
            language,
            accessibility_needs,
            filling_in_for,
            helper_name,
            helper_relationship,
            consent_contact,
            consent_share_gp,
        }
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn pages_and_sending_agree(a in answers()) {
        let results: Vec<PageResult> = ReferralPage::ALL
            .iter()
            .map(|p| validate(*p, &a, today(), MIN))
            .collect();
        for (page, r) in ReferralPage::ALL.iter().zip(&results) {
            let e = r.errors();
            // Page order, one error per field, each on this page.
            prop_assert!(e.windows(2).all(|w| w[0].field < w[1].field));
            prop_assert!(e.iter().all(|e| e.field.page() == *page));
            prop_assert!(e.iter().all(|e| !e.message.is_empty()));
            if !matches!(page, ReferralPage::AboutYou) {
                let too_young = matches!(r, PageResult::TooYoung { .. });
                prop_assert!(!too_young, "TooYoung on {:?}", page);
            }
        }
        match parse_all(&a, today(), MIN) {
            Ok(r) => {
                prop_assert!(results.iter().all(PageResult::is_ok));
                let json = serde_json::to_string(&r).unwrap();
                prop_assert_eq!(&serde_json::from_str::<Referral>(&json).unwrap(), &r);
                prop_assert_eq!(&parse_all(&r.to_answers(), today(), MIN).unwrap(), &r);
            }
            Err(NotReady::TooYoung { minimum }) => {
                prop_assert_eq!(&results[0], &PageResult::TooYoung { minimum });
            }
            Err(NotReady::Errors(e)) => {
                prop_assert!(!e.is_empty());
                let flat: Vec<(ReferralPage, FieldError)> = ReferralPage::ALL
                    .iter()
                    .zip(&results)
                    .flat_map(|(p, r)| r.errors().iter().cloned().map(move |e| (*p, e)))
                    .collect();
                prop_assert_eq!(e, flat);
            }
        }
        let json = serde_json::to_string(&a).unwrap();
        prop_assert_eq!(serde_json::from_str::<ReferralAnswers>(&json).unwrap(), a.clone());
        for page in ReferralPage::ALL {
            for row in summary_rows(page, &a) {
                prop_assert!(!row.value.is_empty());
            }
        }
    }
}
