//! The `geetest-codes` command: output, JSON shape and exit codes.
#![cfg(feature = "cli")]

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_geetest-codes"))
        .args(args)
        .output()
        .expect("the command runs")
}

fn run_with_stdin(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_geetest-codes"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the command starts");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().expect("the command ends")
}

/// A JSON object's keys, sorted.
fn sorted_keys(value: &Value) -> Vec<&str> {
    let mut keys: Vec<&str> = value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    keys
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("UTF-8 output")
}

#[test]
fn explain_12105_shows_both_languages_and_the_steps() {
    let output = run(&["explain", "12105"]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    assert!(
        text.contains("onelogin/server 12105 SignatureError"),
        "{text}"
    );
    assert!(text.contains("签名错误"), "{text}");
    assert!(text.contains("Signature error"), "{text}");
    assert!(text.contains("1. 检查是否未上传时间戳"), "{text}");
    assert!(text.contains("2. 检查加密方式是否错误"), "{text}");
    assert!(text.contains("Category: signature"), "{text}");
}

#[test]
fn explain_with_a_language_shows_only_that_language() {
    let output = run(&["explain", "12105", "--lang", "en"]);
    let text = stdout(&output);
    assert!(text.contains("Signature error"), "{text}");
    assert!(!text.contains("签名错误"), "{text}");
}

#[test]
fn explain_a_negative_code_in_every_table_that_has_it() {
    let output = run(&["explain", "-20101"]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    assert!(text.contains("onelogin/android -20101"), "{text}");
    assert!(text.contains("onelogin/ios -20101"), "{text}");
    assert!(text.contains("onepass/android -20101"), "{text}");
}

#[test]
fn explain_a_carrier_failure_says_which_table_to_read_next() {
    let output = run(&["explain", "-40201", "--table", "onelogin/android"]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    assert!(text.contains("--table carrier/china-unicom"), "{text}");
    assert!(!text.contains("onelogin/ios"), "{text}");
}

#[test]
fn explain_json_is_an_array_of_entries_with_exactly_the_documented_keys() {
    let output = run(&["explain", "30002", "--json"]);
    assert_eq!(output.status.code(), Some(0));
    let value: Value = serde_json::from_str(&stdout(&output)).unwrap();
    let array = value.as_array().unwrap();
    let tables: Vec<&str> = array.iter().map(|e| e["table"].as_str().unwrap()).collect();
    assert_eq!(
        tables,
        [
            "h5-onelogin/web",
            "h5-onelogin/miniprogram",
            "carrier/china-telecom"
        ]
    );
    for entry in array {
        assert_eq!(
            sorted_keys(entry),
            [
                "action",
                "aliases",
                "carrier",
                "category",
                "cause",
                "code",
                "description",
                "name",
                "remediation",
                "symbol",
                "table"
            ]
        );
        assert_eq!(entry["code"], 30002);
    }
}

#[test]
fn explain_json_of_12105_has_the_documented_shape() {
    let output = run(&["explain", "12105", "--json"]);
    let value: Value = serde_json::from_str(&stdout(&output)).unwrap();
    let entry = &value[0];
    assert_eq!(entry["table"], "onelogin/server");
    assert_eq!(entry["code"], 12105);
    assert_eq!(entry["aliases"], serde_json::json!([]));
    assert_eq!(entry["name"], "SignatureError");
    assert_eq!(entry["symbol"], Value::Null);
    assert_eq!(entry["description"]["zh"], "签名错误");
    assert_eq!(entry["description"]["en"], "Signature error");
    assert_eq!(entry["cause"], Value::Null);
    assert_eq!(entry["remediation"]["zh"][0], "检查是否未上传时间戳");
    assert_eq!(entry["remediation"]["en"].as_array().unwrap().len(), 2);
    assert_eq!(entry["carrier"], Value::Null);
    assert_eq!(entry["category"], "signature");
    assert_eq!(entry["action"], "fallback");
}

#[test]
fn explain_json_carries_carrier_links_and_aliases() {
    let output = run(&["explain", "-40301", "--table", "onepass/android", "--json"]);
    let value: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(value[0]["carrier"], "carrier/china-telecom");

    let output = run(&["explain", "80001", "--json"]);
    let value: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(value[0]["code"], -8001);
    assert_eq!(value[0]["aliases"], serde_json::json!([80001]));
}

#[test]
fn an_unknown_code_exits_1_with_a_message() {
    let output = run(&["explain", "99999"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("no table has the code 99999"),
        "{}",
        stderr(&output)
    );

    let output = run(&["explain", "12105", "--table", "onepass/server"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("onepass/server"),
        "{}",
        stderr(&output)
    );

    let output = run(&["explain", "99999", "--json"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        serde_json::from_str::<Value>(&stdout(&output)).unwrap(),
        serde_json::json!([])
    );
}

#[test]
fn an_unknown_table_exits_2_listing_the_valid_ones() {
    let output = run(&["explain", "12105", "--table", "onelogin/windows"]);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(message.contains("onelogin/windows"), "{message}");
    assert!(message.contains("h5-onepass/miniprogram"), "{message}");
}

#[test]
fn a_non_numeric_code_exits_2_naming_it() {
    for bad in ["12x05", "--", "1e5", "九九"] {
        let output = run(&["explain", bad]);
        assert_eq!(output.status.code(), Some(2), "{bad}");
        assert!(stderr(&output).contains(bad), "{bad}: {}", stderr(&output));
    }
    let output = run(&["explain", "99999999999"]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn forgiving_forms_of_a_code_are_accepted() {
    for form in ["+12105", " 12105 ", "SignatureError"] {
        let output = run(&["explain", form]);
        assert_eq!(output.status.code(), Some(0), "{form}");
        assert!(stdout(&output).contains("onelogin/server 12105"), "{form}");
    }
}

#[test]
fn export_holds_all_229_rows_in_order() {
    let output = run(&["export"]);
    assert_eq!(output.status.code(), Some(0));
    let value: Value = serde_json::from_str(&stdout(&output)).unwrap();
    let array = value.as_array().unwrap();
    assert_eq!(array.len(), 229);
    assert_eq!(array[0]["table"], "onelogin/server");
    assert_eq!(array[0]["code"], 200);
    assert_eq!(array[228]["table"], "carrier/china-telecom");
    assert_eq!(array[228]["code"], 80102);
    let tables: Vec<&str> = array.iter().map(|e| e["table"].as_str().unwrap()).collect();
    let mut first_seen: Vec<&str> = tables.clone();
    first_seen.dedup();
    assert_eq!(first_seen.len(), 15, "each table's rows stand together");
}

#[test]
fn tables_lists_slug_title_and_rows() {
    let output = run(&["tables"]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 15);
    assert!(lines[0].starts_with("onelogin/server"), "{text}");
    assert!(lines[0].ends_with("23 rows"), "{text}");
    assert!(lines[14].starts_with("carrier/china-telecom"), "{text}");
    assert!(lines[14].ends_with("14 rows"), "{text}");
}

#[test]
fn completions_are_printed_for_bash() {
    let output = run(&["completions", "bash"]);
    assert_eq!(output.status.code(), Some(0));
    let script = stdout(&output);
    assert!(script.contains("complete -F _geetest__codes"), "{script}");
    // Every state the script moves to (`cmd="…"`) has a case arm that completes it, so that
    // `geetest-codes explain --t<TAB>` and `diagnose --table o<TAB>` complete.
    let states: Vec<&str> = script
        .lines()
        .filter_map(|line| line.trim().strip_prefix("cmd=\""))
        .filter_map(|rest| rest.strip_suffix('"'))
        .filter(|state| !state.is_empty())
        .collect();
    assert!(
        states.contains(&"geetest__codes__subcmd__explain"),
        "{states:?}"
    );
    for state in states {
        assert!(
            script
                .lines()
                .any(|line| line.trim() == format!("{state})")),
            "no case arm for {state}"
        );
    }
}

#[test]
fn a_closed_stdout_ends_quietly() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_geetest-codes"))
        .arg("export")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read nothing and close the pipe, as `| head -0` would.
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    let message = stderr(&output);
    assert!(!message.contains("panicked"), "{message}");
    assert!(message.is_empty(), "{message}");
}

#[test]
fn diagnose_reads_an_android_report_with_a_carrier_failure() {
    let report = r#"{"status":500,"errorCode":"-40101","process_id":"5b9e1c0a","operator":"CM",
                     "metadata":{"resultCode":"200072","desc":"CA根证书校验失败"}}"#;
    let output = run_with_stdin(
        &["diagnose", "--table", "onelogin/android", "--json"],
        report,
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let value: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(
        sorted_keys(&value),
        [
            "carrier",
            "carrier_code",
            "carrier_entry",
            "code",
            "entry",
            "process_id"
        ]
    );
    assert_eq!(value["code"], -40101);
    assert_eq!(value["entry"]["table"], "onelogin/android");
    assert_eq!(value["carrier"], "carrier/china-mobile");
    assert_eq!(value["carrier_code"], 200072);
    assert_eq!(value["carrier_entry"]["table"], "carrier/china-mobile");
    assert_eq!(value["carrier_entry"]["code"], 200072);
    assert_eq!(value["process_id"], "5b9e1c0a");

    let output = run_with_stdin(&["diagnose", "--table", "onelogin/android"], report);
    let text = stdout(&output);
    assert!(text.contains("carrier/china-mobile 200072"), "{text}");
    assert!(text.contains("process_id: 5b9e1c0a"), "{text}");
}

#[test]
fn diagnose_exit_codes() {
    let unknown = run_with_stdin(
        &["diagnose", "--table", "h5-onepass/web", "--json"],
        r#"{"code":555}"#,
    );
    assert_eq!(unknown.status.code(), Some(1));
    let value: Value = serde_json::from_str(&stdout(&unknown)).unwrap();
    assert_eq!(value["code"], 555);
    assert_eq!(value["entry"], Value::Null);

    let missing = run_with_stdin(&["diagnose", "--table", "h5-onepass/web"], r#"{"msg":"x"}"#);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("no code"), "{}", stderr(&missing));

    let malformed = run_with_stdin(
        &["diagnose", "--table", "h5-onepass/web"],
        r#"{"code":"abc"}"#,
    );
    assert_eq!(malformed.status.code(), Some(2));
    assert!(stderr(&malformed).contains("abc"), "{}", stderr(&malformed));

    let not_json = run_with_stdin(&["diagnose", "--table", "h5-onepass/web"], "status=500");
    assert_eq!(not_json.status.code(), Some(2));
}

#[test]
fn diagnose_survives_stray_bytes_and_a_byte_order_mark() {
    let mut report = b"\xef\xbb\xbf{\"errorCode\":\"-40101\",\"msg\":\"".to_vec();
    report.extend_from_slice(b"\xff\xfe GBK text\"}");
    let mut child = Command::new(env!("CARGO_BIN_EXE_geetest-codes"))
        .args(["diagnose", "--table", "onelogin/android", "--json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&report).unwrap();
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let value: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(value["code"], -40101);
}

#[test]
fn long_bad_arguments_are_cut_in_messages() {
    let long = "9x".repeat(5000);
    let output = run(&["explain", &long]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).len() < 300, "{}", stderr(&output));
}

#[test]
fn a_name_asked_of_the_wrong_table_says_where_it_is() {
    let output = run(&["explain", "SignatureError", "--table", "onepass/ios"]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(
        message.contains("does not have a code named SignatureError")
            && message.contains("onelogin/server"),
        "{message}"
    );
    let output = run(&["explain", "2147483648"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("does not fit in an i32"));
}

#[test]
fn a_carrier_code_without_a_carrier_is_still_shown() {
    let output = run_with_stdin(
        &["diagnose", "--table", "onelogin/android", "--lang", "en"],
        r#"{"errorCode":"-20200","metadata":{"resultCode":"103111"}}"#,
    );
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    assert!(
        text.contains("carrier code 103111: the report does not say which carrier answered"),
        "{text}"
    );
}
