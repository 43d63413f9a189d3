//! A handler for failure reports sent by the Android app, here one whose carrier SDK failed.
//!
//! Run with `cargo run --example android_report`.

use geetest_codes::{Action, ClientReport, Lang, Table};

fn main() {
    // What the OneLogin Android SDK hands the app when China Mobile's SDK fails: the code is a
    // string, and the carrier's own answer sits in `metadata`.
    let report = r#"{
        "status": 500,
        "errorCode": "-40102",
        "msg": "取号失败",
        "process_id": "4cbd2f0b9e8e4b3f8a1c2d3e4f5a6b7c",
        "operator": "CM",
        "metadata": {"resultCode": "103111", "desc": "网关鉴权失败"}
    }"#;

    let report: ClientReport = match serde_json::from_str(report) {
        Ok(report) => report,
        Err(e) => {
            println!("unreadable report: {e}");
            return;
        }
    };
    let diagnosis = match report.diagnose(Table::OneLoginAndroid) {
        Ok(diagnosis) => diagnosis,
        Err(e) => {
            println!("cannot diagnose: {e}");
            return;
        }
    };

    match diagnosis.entry() {
        Some(entry) => println!("SDK said: {entry}"),
        None => println!(
            "SDK said {}, which the tables do not list",
            diagnosis.code()
        ),
    }
    if let Some(carrier) = diagnosis.carrier() {
        match (diagnosis.carrier_entry(), diagnosis.carrier_code()) {
            (Some(entry), _) => {
                println!(
                    "{} said: {} ({})",
                    carrier,
                    entry.code(),
                    entry.description(Lang::En)
                );
                for step in entry.remediation(Lang::En) {
                    println!("  - {step}");
                }
            }
            (None, Some(code)) => println!("{carrier} said {code}, which its table does not list"),
            (None, None) => println!("{carrier} failed without a code"),
        }
    }

    // The carrier's own code decides, when there is one: it says why the SDK failed.
    let action = diagnosis
        .carrier_entry()
        .or(diagnosis.entry())
        .map_or(Action::Fallback, |entry| entry.action());
    let decided = match action {
        Action::Retry => "ask the app to try one-click login again",
        Action::RefreshToken => "ask the app to pre-fetch again",
        Action::Abandon => "nothing: the user left",
        _ => "switch this user to SMS login",
    };
    println!(
        "decided: {decided} (process_id {})",
        diagnosis.process_id().unwrap_or("unknown")
    );
}
