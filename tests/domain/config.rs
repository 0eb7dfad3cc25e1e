//! Host-element configuration: the address rules for `data-endpoint` (https, or http only on this
//! machine) and `data-instruments-url` (also a path on the host site), `data-measures`, and the
//! instance name.

use wellbeing_widget::domain::config::{
    ConfigWarning, DEFAULT_MEASURES, Endpoint, Format, InstrumentsUrl, RawConfig, UrlError,
    UrlProblem, WidgetConfig, WidgetMode,
};

const ENDPOINT: &str = "data-endpoint";
const INSTRUMENTS_URL: &str = "data-instruments-url";

fn url_error(attribute: &'static str, problem: UrlProblem) -> UrlError {
    UrlError { attribute, problem }
}

// ---------------------------------------------------------------------------------------------
// data-endpoint
// ---------------------------------------------------------------------------------------------

#[test]
fn https_and_local_http_endpoints_are_accepted() {
    for ok in [
        "https://intake.example.org/referrals",
        "HTTPS://intake.example.org:8443/x?y=1",
        "http://localhost:8081/submissions",
        "http://LOCALHOST:8081/submissions",
        "http://127.0.0.1:8081/submissions",
        "http://[::1]:8081/submissions",
        "http://[0:0:0:0:0:0:0:1]/submissions",
        "  https://intake.example.org  ",
        "https://intake.example.org:/x",
        "https://[::1]:/x",
        "https://intake_1.example.org./x",
        "https://192.0.2.10:65535/x",
        "https://[2001:db8::1]/x",
    ] {
        let e = Endpoint::parse(Some(ok)).unwrap_or_else(|e| panic!("{ok}: {e}"));
        assert_eq!(e.as_str(), ok.trim());
        assert_eq!(e.to_string(), ok.trim());
    }
}

#[test]
fn every_other_endpoint_is_refused_with_a_clear_reason() {
    use UrlProblem::*;
    let cases = [
        (None, Missing),
        (Some(""), Missing),
        (Some("   "), Missing),
        (Some("/submissions"), NotAbsolute),
        (Some("./submissions"), NotAbsolute),
        (Some("intake.example.org"), NotAbsolute),
        (Some("//intake.example.org/x"), NotAbsolute),
        (Some("javascript:alert(1)"), NotAbsolute),
        (Some("https://intake.example.org/a b"), NotAbsolute),
        (Some("ht tps://intake.example.org/"), NotAbsolute),
        (Some("http://intake.example.org/x"), Insecure),
        (Some("http://127.0.0.2/x"), Insecure),
        (Some("http://localhost.example.org/x"), Insecure),
        (Some("http://[::2]/x"), Insecure),
        (Some("ftp://intake.example.org/x"), UnsupportedScheme),
        (Some("javascript://alert(1)"), UnsupportedScheme),
        (Some("file://localhost/etc/passwd"), UnsupportedScheme),
        (Some("https://user:pw@intake.example.org/x"), Credentials),
        (Some("https://user@intake.example.org/x"), Credentials),
        (Some("https:///x"), NoHost),
        (Some("https://:8443/x"), NoHost),
        (Some("http://[]/x"), NoHost),
        // Addresses the browser's URL parser rejects: each would fail at every send.
        (Some("http://[::1]evil.com/"), BadHost),
        (Some("http://[::1"), BadHost),
        (Some("https://[zz::1]/x"), BadHost),
        (Some("https://[fe80::1%25eth0]/x"), BadHost),
        (Some("http://localhost:8080.evil.com/"), BadPort),
        (Some("http://127.0.0.1:80abc/"), BadPort),
        (Some("https://intake.example.org:65536/x"), BadPort),
        (Some("https://intake.example.org:-1/x"), BadPort),
        (Some("https://intake.example.org:1:2/x"), BadPort),
        (Some("https://intake.example.org|x/"), BadHost),
        (Some("https://999.1.1.1/x"), BadHost),
        (Some("https://intake.1/x"), BadHost),
        // Browsers rewrite these; the plain form (decoded, or xn--) is asked for instead.
        (Some("https://intake.exa%6Dple.org/x"), BadHost),
        (Some("https://intäke.example.org/x"), BadHost),
    ];
    for (raw, problem) in cases {
        assert_eq!(
            Endpoint::parse(raw),
            Err(url_error(ENDPOINT, problem.clone())),
            "{raw:?}"
        );
    }
}

#[test]
fn every_url_message_names_the_attribute_and_says_what_to_do() {
    use UrlProblem::*;
    for problem in [
        Missing,
        NotAbsolute,
        Insecure,
        UnsupportedScheme,
        Credentials,
        NoHost,
        BadHost,
        BadPort,
    ] {
        for attribute in [ENDPOINT, INSTRUMENTS_URL] {
            let msg = url_error(attribute, problem.clone()).to_string();
            assert!(msg.starts_with(&format!("{attribute} ")), "{msg}");
            assert!(msg.len() > attribute.len() + 10, "{msg}");
        }
    }
    assert!(Insecure.to_string().contains("https://"));
    assert!(Insecure.to_string().contains("localhost"));
    assert!(Credentials.to_string().contains("password"));
}

// ---------------------------------------------------------------------------------------------
// data-instruments-url
// ---------------------------------------------------------------------------------------------

#[test]
fn instrument_definitions_may_come_from_a_path_on_the_host_site_or_a_safe_address() {
    for ok in [
        "/forms/x.json",
        "./x.json",
        "x.json",
        "../forms/wemwbs.json",
        "/forms/x.json?v=2#top",
        "https://cdn.example.org/forms/wemwbs.json",
        "HTTPS://cdn.example.org/forms/wemwbs.json",
        "http://localhost:8080/forms/wemwbs.json",
        "http://127.0.0.1/x.json",
        "http://[::1]:8080/x.json",
        "  /forms/x.json  ",
    ] {
        let u = InstrumentsUrl::parse(ok).unwrap_or_else(|e| panic!("{ok}: {e}"));
        assert_eq!(u.as_str(), ok.trim());
    }
}

#[test]
fn unsafe_instrument_definition_addresses_are_refused_with_a_clear_reason() {
    use UrlProblem::*;
    let cases = [
        ("", Blank),
        ("   ", Blank),
        ("//cdn.example.org/forms/wemwbs.json", NotAbsolute),
        ("\\\\evil.example/x.json", NotAbsolute),
        ("/\\evil.example/x.json", NotAbsolute),
        ("/forms/a b.json", NotAbsolute),
        ("/forms/x\t.json", NotAbsolute),
        ("ht tps://cdn.example.org/x.json", NotAbsolute),
        ("javascript:alert(1)", UnsupportedScheme),
        ("JavaScript:alert(1)", UnsupportedScheme),
        (
            "data:application/json,{\"instruments\":[]}",
            UnsupportedScheme,
        ),
        ("data:application/json;base64,e30=", UnsupportedScheme),
        ("vbscript:msgbox", UnsupportedScheme),
        ("ftp://cdn.example.org/x.json", UnsupportedScheme),
        ("javascript://alert(1)", UnsupportedScheme),
        ("http://evil.example/x", Insecure),
        ("http://127.0.0.2/x.json", Insecure),
        ("https://user:pw@cdn.example.org/x.json", Credentials),
        ("//user@cdn.example.org/x.json", NotAbsolute),
        ("https:///x.json", NoHost),
        ("///x.json", NotAbsolute),
    ];
    for (raw, problem) in cases {
        assert_eq!(
            InstrumentsUrl::parse(raw),
            Err(url_error(INSTRUMENTS_URL, problem.clone())),
            "{raw:?}"
        );
    }
}

fn raw(endpoint: &str) -> RawConfig {
    RawConfig {
        endpoint: Some(endpoint.into()),
        ..RawConfig::default()
    }
}

fn parse(raw: &RawConfig) -> (WidgetConfig, Vec<ConfigWarning>) {
    WidgetConfig::parse(raw).expect("the endpoint is valid")
}

#[test]
fn a_bad_instruments_url_is_a_warning_and_nothing_extra_is_loaded() {
    let mut r = raw("https://intake.example.org/referrals");
    let (config, warnings) = parse(&r);
    assert_eq!(config.instruments_url, None);
    assert!(warnings.is_empty(), "{warnings:?}");

    r.instruments_url = Some("/forms/wemwbs.json".into());
    let (config, warnings) = parse(&r);
    assert_eq!(
        config.instruments_url.as_ref().map(InstrumentsUrl::as_str),
        Some("/forms/wemwbs.json")
    );
    assert!(warnings.is_empty(), "{warnings:?}");

    for (bad, problem) in [
        ("javascript:alert(1)", UrlProblem::UnsupportedScheme),
        ("http://evil.example/x", UrlProblem::Insecure),
        ("", UrlProblem::Blank),
    ] {
        r.instruments_url = Some(bad.into());
        let (config, warnings) = parse(&r);
        assert_eq!(config.instruments_url, None, "{bad:?}");
        assert_eq!(
            warnings,
            [ConfigWarning::InstrumentsUrl(url_error(
                INSTRUMENTS_URL,
                problem
            ))],
            "{bad:?}"
        );
        let msg = warnings[0].to_string();
        assert!(msg.starts_with(INSTRUMENTS_URL), "{msg}");
        assert!(
            msg.contains("no extra instrument definitions are loaded"),
            "{msg}"
        );
        // The rest of the configuration still works.
        assert_eq!(config.measures, DEFAULT_MEASURES);
    }
}

#[test]
fn a_bad_endpoint_is_fatal_whatever_else_is_set() {
    let r = RawConfig {
        endpoint: Some("http://intake.example.org/x".into()),
        measures: Some("phq9".into()),
        instruments_url: Some("/forms/x.json".into()),
        draft_days: Some("3".into()),
        timeout_seconds: Some("20".into()),
        parent_origin: None,
        format: None,
        fhir_base: None,
        mode: None,
        organisation: None,
        privacy_url: None,
        client_reference_pattern: None,
        retention_days: None,
        lock_minutes: None,
        minimum_age: None,
        element_id: Some("w".into()),
        index: 0,
    };
    assert_eq!(
        WidgetConfig::parse(&r),
        Err(url_error(ENDPOINT, UrlProblem::Insecure))
    );
    assert_eq!(
        WidgetConfig::parse(&RawConfig::default()),
        Err(url_error(ENDPOINT, UrlProblem::Missing))
    );
}

// ---------------------------------------------------------------------------------------------
// data-measures
// ---------------------------------------------------------------------------------------------

fn measures(value: Option<&str>) -> (Vec<String>, Vec<ConfigWarning>) {
    let mut r = raw("https://intake.example.org/referrals");
    r.measures = value.map(Into::into);
    let (config, warnings) = parse(&r);
    (config.measures, warnings)
}

#[test]
fn without_data_measures_the_self_referral_default_is_asked() {
    assert_eq!(DEFAULT_MEASURES, ["ons4", "ucla3", "ons-loneliness"]);
    let (m, w) = measures(None);
    assert_eq!(m, DEFAULT_MEASURES);
    assert!(w.is_empty(), "{w:?}");
}

#[test]
fn measures_are_asked_in_the_order_given_and_case_folded() {
    let (m, w) = measures(Some("phq9,gad7,ons4"));
    assert_eq!(m, ["phq9", "gad7", "ons4"]);
    assert!(w.is_empty(), "{w:?}");

    let (m, w) = measures(Some(" GAD7 , Phq9,ONS-Loneliness "));
    assert_eq!(m, ["gad7", "phq9", "ons-loneliness"]);
    assert!(w.is_empty(), "{w:?}");

    // Empty entries between commas are skipped silently.
    let (m, w) = measures(Some("wemwbs,,swemwbs,"));
    assert_eq!(m, ["wemwbs", "swemwbs"]);
    assert!(w.is_empty(), "{w:?}");

    // Ids that are well formed but unknown are kept here; resolving them reports them.
    let (m, w) = measures(Some("ons4,not-built-in"));
    assert_eq!(m, ["ons4", "not-built-in"]);
    assert!(w.is_empty(), "{w:?}");
}

#[test]
fn a_measure_named_twice_is_asked_once_with_a_warning() {
    let (m, w) = measures(Some("ons4,phq9,ONS4,phq9"));
    assert_eq!(m, ["ons4", "phq9"]);
    assert_eq!(
        w,
        [
            ConfigWarning::DuplicateMeasure("ons4".into()),
            ConfigWarning::DuplicateMeasure("phq9".into()),
        ]
    );
    let msg = w[0].to_string();
    assert!(
        msg.contains("data-measures") && msg.contains("\"ons4\""),
        "{msg}"
    );
}

#[test]
fn a_malformed_measure_is_left_out_with_a_warning() {
    let (m, w) = measures(Some("ons4,ph q9,gad7!,<script>,phq_9,phq4"));
    assert_eq!(m, ["ons4", "phq4"]);
    assert_eq!(
        w,
        [
            ConfigWarning::MalformedMeasure("ph q9".into()),
            ConfigWarning::MalformedMeasure("gad7!".into()),
            ConfigWarning::MalformedMeasure("<script>".into()),
            ConfigWarning::MalformedMeasure("phq_9".into()),
        ]
    );
    let msg = w[0].to_string();
    assert!(
        msg.contains("data-measures") && msg.contains("left out"),
        "{msg}"
    );

    // A very long value is cut short in the message.
    let long = "x!".repeat(100);
    let (_, w) = measures(Some(&format!("ons4,{long}")));
    match &w[..] {
        [ConfigWarning::MalformedMeasure(shown)] => assert_eq!(shown.chars().count(), 40),
        other => panic!("{other:?}"),
    }
}

#[test]
fn empty_data_measures_falls_back_to_the_default_with_a_warning() {
    for empty in ["", "   ", ",", " , ,, "] {
        let (m, w) = measures(Some(empty));
        assert_eq!(m, DEFAULT_MEASURES, "{empty:?}");
        assert_eq!(w, [ConfigWarning::NoMeasures], "{empty:?}");
    }
    let msg = ConfigWarning::NoMeasures.to_string();
    assert!(
        msg.contains("data-measures") && msg.contains("ons4,ucla3,ons-loneliness"),
        "{msg}"
    );
}

#[test]
fn nothing_usable_in_data_measures_falls_back_to_the_default_too() {
    let (m, w) = measures(Some("!!!, ph q9"));
    assert_eq!(m, DEFAULT_MEASURES);
    assert_eq!(
        w,
        [
            ConfigWarning::MalformedMeasure("!!!".into()),
            ConfigWarning::MalformedMeasure("ph q9".into()),
            ConfigWarning::NoMeasures,
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// Instance name
// ---------------------------------------------------------------------------------------------

#[test]
fn each_widget_gets_its_own_instance_name() {
    let instance = |id: Option<&str>, index| {
        let r = RawConfig {
            element_id: id.map(Into::into),
            index,
            ..raw("https://x.example")
        };
        parse(&r).0.instance
    };
    assert_eq!(instance(Some("wellbeing"), 0), "wellbeing");
    assert_eq!(instance(Some(" wellbeing-2_b "), 0), "wellbeing-2_b");
    assert_eq!(instance(None, 0), "widget-1");
    assert_eq!(instance(Some(" "), 2), "widget-3");
}

#[test]
fn the_instance_name_keeps_only_letters_digits_hyphens_and_underscores() {
    let instance = |id: &str| {
        let r = RawConfig {
            element_id: Some(id.into()),
            index: 4,
            ..raw("https://x.example")
        };
        parse(&r).0.instance
    };
    assert_eq!(instance("my widget!"), "mywidget");
    assert_eq!(instance("../../draft:key"), "draftkey");
    assert_eq!(instance("<script>x</script>"), "scriptxscript");
    assert_eq!(instance("wb.1\n2"), "wb12");
    assert_eq!(instance("café"), "caf");
    // Nothing left: the position is used.
    assert_eq!(instance("¡¿ ✓"), "widget-5");
    assert_eq!(instance("..."), "widget-5");
    for id in ["a b", "x\"y", "ü-1", "tab\there"] {
        let got = instance(id);
        assert!(
            got.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'),
            "{id:?} → {got:?}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// data-draft-days and data-timeout-seconds
// ---------------------------------------------------------------------------------------------

#[test]
fn draft_days_and_timeout_default_and_fall_back_on_bad_values() {
    let (c, w) = parse(&raw("https://x.example"));
    assert_eq!((c.draft_days, c.timeout_seconds), (7, 15));
    assert_eq!(c.draft_max_age_ms(), 7 * 24 * 60 * 60 * 1000);
    assert!(w.is_empty());
    for (days, timeout, want, warnings) in [
        ("1", "1", (1, 1), vec![]),
        ("90", "120", (90, 120), vec![]),
        (" 14 ", "30", (14, 30), vec![]),
        (
            "0",
            "0",
            (7, 15),
            vec![ConfigWarning::DraftDays, ConfigWarning::TimeoutSeconds],
        ),
        (
            "91",
            "121",
            (7, 15),
            vec![ConfigWarning::DraftDays, ConfigWarning::TimeoutSeconds],
        ),
        (
            "seven",
            "1.5",
            (7, 15),
            vec![ConfigWarning::DraftDays, ConfigWarning::TimeoutSeconds],
        ),
        (
            "-3",
            "",
            (7, 15),
            vec![ConfigWarning::DraftDays, ConfigWarning::TimeoutSeconds],
        ),
    ] {
        let mut r = raw("https://x.example");
        r.draft_days = Some(days.into());
        r.timeout_seconds = Some(timeout.into());
        let (c, w) = parse(&r);
        assert_eq!(
            (c.draft_days, c.timeout_seconds),
            want,
            "{days:?} {timeout:?}"
        );
        assert_eq!(w, warnings, "{days:?} {timeout:?}");
    }
    assert!(
        ConfigWarning::DraftDays
            .to_string()
            .contains("data-draft-days")
    );
    assert!(
        ConfigWarning::TimeoutSeconds
            .to_string()
            .contains("data-timeout-seconds")
    );
}

#[test]
fn the_parent_origin_is_one_safe_origin_only() {
    use wellbeing_widget::domain::config::ParentOrigin;
    for ok in [
        "https://www.example-surgery.nhs.uk",
        "https://example.org:8443/",
        "http://127.0.0.1:8080",
        "HTTPS://Example.org",
    ] {
        assert!(ParentOrigin::parse(ok).is_ok(), "{ok}");
    }
    assert_eq!(
        ParentOrigin::parse("HTTPS://Example.org/")
            .unwrap()
            .as_str(),
        "https://example.org"
    );
    for (bad, problem) in [
        ("*", UrlProblem::NotAbsolute),
        ("", UrlProblem::Blank),
        ("https://example.org/path", UrlProblem::NotOrigin),
        ("https://example.org?x", UrlProblem::NotOrigin),
        ("http://example.org", UrlProblem::Insecure),
        ("null", UrlProblem::NotAbsolute),
    ] {
        assert_eq!(
            ParentOrigin::parse(bad).map_err(|e| e.problem),
            Err(problem),
            "{bad:?}"
        );
    }
    let mut r = raw("https://x.example");
    r.parent_origin = Some("*".into());
    let (c, w) = parse(&r);
    assert_eq!(c.parent_origin, None);
    assert!(w[0].to_string().contains("data-parent-origin"));
}

#[test]
fn the_format_is_json_unless_fhir_is_asked_for() {
    use wellbeing_widget::domain::config::{DEFAULT_FHIR_BASE, Format};
    let (c, w) = parse(&raw("https://x.example"));
    assert_eq!(
        (c.format, c.fhir_base.as_str()),
        (Format::Native, DEFAULT_FHIR_BASE)
    );
    assert!(w.is_empty());
    for (value, want, warned) in [
        ("fhir", Format::Fhir, false),
        (" FHIR ", Format::Fhir, false),
        ("json", Format::Native, false),
        ("xml", Format::Native, true),
    ] {
        let mut r = raw("https://x.example");
        r.format = Some(value.into());
        let (c, w) = parse(&r);
        assert_eq!(c.format, want, "{value:?}");
        assert_eq!(w == [ConfigWarning::Format], warned, "{value:?}");
    }
    let mut r = raw("https://x.example");
    r.fhir_base = Some("https://fhir.example-ics.nhs.uk/wellbeing/".into());
    assert_eq!(
        parse(&r).0.fhir_base,
        "https://fhir.example-ics.nhs.uk/wellbeing"
    );
    r.fhir_base = Some("http://fhir.example.org".into());
    let (c, w) = parse(&r);
    assert_eq!(
        (c.fhir_base.as_str(), w),
        (DEFAULT_FHIR_BASE, vec![ConfigWarning::FhirBase])
    );
}

#[test]
fn organisation_privacy_link_and_mode_are_checked() {
    let mut r = raw("https://x.example");
    r.organisation = Some("  Example   Surgery Wellbeing  ".into());
    r.privacy_url = Some("/privacy".into());
    r.mode = Some("self-referral".into());
    let (c, w) = parse(&r);
    assert_eq!(c.organisation.as_deref(), Some("Example Surgery Wellbeing"));
    assert_eq!(c.privacy_url.as_ref().map(|u| u.as_str()), Some("/privacy"));
    assert!(w.is_empty(), "{w:?}");

    r.organisation = Some("x".repeat(101));
    r.privacy_url = Some("javascript:alert(1)".into());
    r.mode = Some("clinic".into());
    let (c, w) = parse(&r);
    assert_eq!((c.organisation, c.privacy_url), (None, None));
    assert_eq!(c.mode, WidgetMode::SelfReferral);
    let messages: Vec<String> = w.iter().map(ToString::to_string).collect();
    assert!(
        messages[0].contains("data-mode") && messages[0].contains("clinic"),
        "{messages:?}"
    );
    assert!(messages[1].contains("data-organisation"), "{messages:?}");
    assert!(messages[2].starts_with("data-privacy-url"), "{messages:?}");
}

// ---------------------------------------------------------------------------------------------
// Follow-up mode

#[test]
fn follow_up_mode_pattern_retention_and_format() {
    let mut r = raw("https://x.example");
    let (c, w) = parse(&r);
    assert_eq!(c.mode, WidgetMode::SelfReferral);
    assert_eq!((c.client_reference_pattern, c.retention_days), (None, 180));
    assert!(w.is_empty(), "{w:?}");

    r.mode = Some(" follow-up ".into());
    r.client_reference_pattern = Some("lw-99999".into());
    r.retention_days = Some("90".into());
    let (c, w) = parse(&r);
    assert!(w.is_empty(), "{w:?}");
    assert_eq!(c.mode, WidgetMode::FollowUp);
    assert_eq!(
        c.client_reference_pattern.as_ref().map(|p| p.as_str()),
        Some("LW-99999")
    );
    assert_eq!(c.retention_days, 90);

    for bad in ["0", "731", "-1", "ninety", "1.5", ""] {
        r.retention_days = Some(bad.into());
        let (c, w) = parse(&r);
        assert_eq!(
            (c.retention_days, w),
            (180, vec![ConfigWarning::RetentionDays]),
            "{bad:?}"
        );
    }
    r.retention_days = Some("730".into());
    assert_eq!(parse(&r).0.retention_days, 730);

    r.client_reference_pattern = Some("ABC_99".into());
    let (c, w) = parse(&r);
    assert_eq!(c.client_reference_pattern, None);
    assert!(
        w[0].to_string()
            .starts_with("data-client-reference-pattern"),
        "{w:?}"
    );

    // FHIR would describe a referral: the follow-up sends its native payload, and says so.
    r.client_reference_pattern = None;
    r.format = Some("fhir".into());
    let (c, w) = parse(&r);
    assert_eq!(
        (c.format, w),
        (Format::Native, vec![ConfigWarning::FhirInFollowUp])
    );
    r.mode = None;
    assert_eq!(parse(&r).0.format, Format::Fhir);
}

// ---------------------------------------------------------------------------------------------
// data-lock-minutes
// ---------------------------------------------------------------------------------------------

#[test]
fn the_staff_lock_waits_5_minutes_unless_the_service_sets_a_whole_number_from_1_to_60() {
    let minutes = |v: Option<&str>| {
        let r = RawConfig {
            mode: Some("follow-up".into()),
            lock_minutes: v.map(Into::into),
            ..raw("https://x.example")
        };
        let (config, warnings) = parse(&r);
        (config.lock_minutes, warnings)
    };
    assert_eq!(minutes(None), (5, vec![]));
    assert_eq!(minutes(Some("1")), (1, vec![]));
    assert_eq!(minutes(Some(" 15 ")), (15, vec![]));
    assert_eq!(minutes(Some("60")), (60, vec![]));
    for bad in ["", "0", "61", "-1", "2.5", "five", "1e1", "never"] {
        assert_eq!(
            minutes(Some(bad)),
            (5, vec![ConfigWarning::LockMinutes]),
            "{bad:?}"
        );
    }
    assert_eq!(
        ConfigWarning::LockMinutes.to_string(),
        "data-lock-minutes must be a whole number of minutes from 1 to 60; the default of 5 is used"
    );
}

// ---------------------------------------------------------------------------------------------
// data-minimum-age
// ---------------------------------------------------------------------------------------------

#[test]
fn the_minimum_age_is_16_unless_the_service_sets_another_whole_number_from_10_to_99() {
    let age = |v: Option<&str>| {
        let r = RawConfig {
            minimum_age: v.map(Into::into),
            ..raw("https://x.example")
        };
        let (config, warnings) = parse(&r);
        (config.minimum_age, warnings)
    };
    assert_eq!(age(None), (16, vec![]));
    assert_eq!(age(Some("18")), (18, vec![]));
    assert_eq!(age(Some(" 10 ")), (10, vec![]));
    assert_eq!(age(Some("99")), (99, vec![]));
    for bad in ["", "9", "100", "-1", "16.5", "eighteen", "1e1"] {
        let (got, warnings) = age(Some(bad));
        assert_eq!(got, 16, "{bad:?} falls back to 16");
        assert_eq!(
            warnings,
            vec![ConfigWarning::MinimumAge],
            "{bad:?} is refused"
        );
        assert_eq!(
            warnings[0].to_string(),
            "data-minimum-age must be a whole number of years from 10 to 99; the default of 16 is used"
        );
    }
}
