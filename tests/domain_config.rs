//! Host-element configuration: the endpoint rule (https, or http only on this machine).
#![cfg(not(target_arch = "wasm32"))]

use wellbeing_widget::domain::config::{Endpoint, EndpointError, RawConfig, WidgetConfig};

#[test]
fn https_and_local_http_are_accepted() {
    for ok in [
        "https://intake.example.org/referrals",
        "HTTPS://intake.example.org:8443/x?y=1",
        "http://localhost:8081/submissions",
        "http://127.0.0.1:8081/submissions",
        "http://[::1]:8081/submissions",
        "  https://intake.example.org  ",
    ] {
        assert!(Endpoint::parse(Some(ok)).is_ok(), "{ok}");
    }
}

#[test]
fn everything_else_is_refused_with_a_clear_reason() {
    let cases = [
        (None, EndpointError::Missing),
        (Some(""), EndpointError::Missing),
        (Some("   "), EndpointError::Missing),
        (Some("/submissions"), EndpointError::NotAbsolute),
        (Some("intake.example.org"), EndpointError::NotAbsolute),
        (Some("http://intake.example.org/x"), EndpointError::Insecure),
        (Some("http://127.0.0.2/x"), EndpointError::Insecure),
        (
            Some("http://localhost.example.org/x"),
            EndpointError::Insecure,
        ),
        (
            Some("ftp://intake.example.org/x"),
            EndpointError::UnsupportedScheme,
        ),
        (
            Some("javascript://alert(1)"),
            EndpointError::UnsupportedScheme,
        ),
        (
            Some("https://user:pw@intake.example.org/x"),
            EndpointError::Credentials,
        ),
        (Some("https:///x"), EndpointError::NoHost),
        (
            Some("https://intake.example.org/a b"),
            EndpointError::NotAbsolute,
        ),
    ];
    for (raw, want) in cases {
        assert_eq!(Endpoint::parse(raw), Err(want.clone()), "{raw:?}");
        assert!(
            want.to_string().contains("data-endpoint"),
            "the message names the attribute"
        );
    }
    assert!(EndpointError::Insecure.to_string().contains("https://"));
}

#[test]
fn each_widget_gets_its_own_instance_name() {
    let raw = |id: Option<&str>, index| RawConfig {
        endpoint: Some("https://x.example".into()),
        element_id: id.map(Into::into),
        index,
    };
    assert_eq!(
        WidgetConfig::parse(&raw(Some("wellbeing"), 0))
            .unwrap()
            .instance,
        "wellbeing"
    );
    assert_eq!(
        WidgetConfig::parse(&raw(None, 0)).unwrap().instance,
        "widget-1"
    );
    assert_eq!(
        WidgetConfig::parse(&raw(Some(" "), 2)).unwrap().instance,
        "widget-3"
    );
}
