//! Property tests over every entry point that takes outside input: each returns a value or a
//! clear error, never panics, and never loses a number that fits in an `i32`.
//!
//! Generated inputs per run: 13 properties at 1,000 cases each and 4 at 500, so 15,000 inputs,
//! each fed to every one of the fifteen tables where the entry point is per table. The serde
//! paths are part of every property, so the file needs the `serde` feature.
#![cfg(feature = "serde")]

use geetest_codes::{
    carrier, h5_onelogin, h5_onepass, lookup, onelogin, onepass, Carrier, Code, ParseCodeErrorKind,
    Table, TableCode,
};
use proptest::prelude::*;

/// Runs `$check::<T>` for every table's enum.
macro_rules! for_every_table {
    ($check:ident ( $($arg:expr),* )) => {{
        $check::<onelogin::ServerCode>($($arg),*)?;
        $check::<onelogin::AndroidCode>($($arg),*)?;
        $check::<onelogin::IosCode>($($arg),*)?;
        $check::<onepass::ServerCode>($($arg),*)?;
        $check::<onepass::AndroidCode>($($arg),*)?;
        $check::<onepass::IosCode>($($arg),*)?;
        $check::<h5_onelogin::ServerCode>($($arg),*)?;
        $check::<h5_onelogin::WebCode>($($arg),*)?;
        $check::<h5_onelogin::MiniProgramCode>($($arg),*)?;
        $check::<h5_onepass::ServerCode>($($arg),*)?;
        $check::<h5_onepass::WebCode>($($arg),*)?;
        $check::<h5_onepass::MiniProgramCode>($($arg),*)?;
        $check::<carrier::ChinaMobileCode>($($arg),*)?;
        $check::<carrier::ChinaUnicomCode>($($arg),*)?;
        $check::<carrier::ChinaTelecomCode>($($arg),*)?;
    }};
}

/// Codes that exist somewhere, so that generated numbers hit as well as miss.
fn real_codes() -> Vec<i32> {
    geetest_codes::entries()
        .iter()
        .flat_map(|e| std::iter::once(e.code()).chain(e.aliases().iter().copied()))
        .collect()
}

fn any_code() -> impl Strategy<Value = i32> {
    prop_oneof![any::<i32>(), proptest::sample::select(real_codes())]
}

/// Strings shaped like codes: signs, spaces, ASCII and full-width digits, long digit runs.
fn code_like() -> impl Strategy<Value = String> {
    prop_oneof![
        "[ \t]{0,2}[+-]{0,2}[0-9]{0,12}[ \t\n]{0,2}",
        "[+-]?[0-9０-９]{1,8}",
        "[0-9]{10,60}",
        "-?[0-9]{1,6}[a-zA-Z_.eE][0-9]{0,3}",
        "[ +\\-]{0,3}[0-9]{1,6}[ ]{0,3}",
        "\\PC{0,16}",
    ]
}

fn check_number<T>(n: i32) -> Result<(), TestCaseError>
where
    T: TableCode + TryFrom<i32> + std::str::FromStr<Err = geetest_codes::ParseCodeError>,
{
    let table = T::TABLE;
    let known = lookup(table, n);
    prop_assert_eq!(T::try_from(n).is_ok(), known.is_some());
    let code = Code::<T>::from_code(n);
    match known {
        Some(entry) => prop_assert_eq!(code.code(), entry.code()),
        None => {
            prop_assert_eq!(code, Code::Unknown(n));
            let message = T::try_from(n).err().map(|_| ()).is_some();
            prop_assert!(message);
            let error = n.to_string().parse::<T>().unwrap_err();
            prop_assert_eq!(error.kind(), ParseCodeErrorKind::Unknown);
            prop_assert_eq!(error.code(), Some(n));
            prop_assert!(error.to_string().contains(table.slug()));
        }
    }
    // Text forms of the number read back the same.
    let text: Code<T> = format!(" {n} ").parse().unwrap();
    prop_assert_eq!(text, code);
    let json: Code<T> = serde_json::from_str(&n.to_string()).unwrap();
    prop_assert_eq!(json, code);
    let string: Code<T> = serde_json::from_str(&format!("\"{n}\"")).unwrap();
    prop_assert_eq!(string, code);
    if !code.is_known() {
        prop_assert_eq!(serde_json::to_string(&code).unwrap(), n.to_string());
    }
    Ok(())
}

fn check_wide_number<T: TableCode>(n: i64) -> Result<(), TestCaseError> {
    let result = serde_json::from_str::<Code<T>>(&n.to_string());
    match i32::try_from(n) {
        Ok(small) => prop_assert_eq!(result.unwrap().code(), Code::<T>::from_code(small).code()),
        Err(_) => {
            let message = result.unwrap_err().to_string();
            prop_assert!(message.contains(&n.to_string()), "{}", message);
            prop_assert!(message.contains(T::TABLE.slug()), "{}", message);
        }
    }
    Ok(())
}

fn check_text<T>(s: &str) -> Result<(), TestCaseError>
where
    T: TableCode + std::str::FromStr<Err = geetest_codes::ParseCodeError>,
{
    match s.parse::<T>() {
        Ok(code) => {
            let trimmed = s.trim();
            let by_number = trimmed.parse::<i32>().ok().and_then(T::from_code);
            prop_assert!(by_number == Some(code) || T::from_name(trimmed) == Some(code));
        }
        Err(error) => {
            prop_assert_eq!(error.table(), T::TABLE);
            let shown = error.input().trim_end_matches('…');
            prop_assert!(s.starts_with(shown));
            prop_assert!(!error.to_string().is_empty());
        }
    }
    let wrapped = s.parse::<Code<T>>();
    if let Ok(Code::Unknown(n)) = wrapped {
        prop_assert_eq!(s.trim().parse::<i32>().ok(), Some(n));
    }
    // As a JSON string, the same answer as FromStr on Code<T>.
    let json = serde_json::to_string(s).unwrap();
    let from_json = serde_json::from_str::<Code<T>>(&json);
    prop_assert_eq!(from_json.is_ok(), wrapped.is_ok());
    Ok(())
}

fn check_json<T: TableCode + serde::de::DeserializeOwned>(
    value: &serde_json::Value,
) -> Result<(), TestCaseError> {
    let result = serde_json::from_value::<Code<T>>(value.clone());
    if let (Ok(code), Some(n)) = (&result, value.as_i64()) {
        // A known code may have arrived as an alias; an unknown one keeps its number.
        match code.entry() {
            Some(entry) => prop_assert!(entry.has_number(n as i32)),
            None => prop_assert_eq!(i64::from(code.code()), n),
        }
    }
    // The typed enum agrees: it reads exactly the known codes.
    let typed = serde_json::from_value::<T>(value.clone());
    if let Ok(code) = &result {
        prop_assert_eq!(typed.is_ok(), code.is_known());
    }
    Ok(())
}

fn arb_json() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        code_like().prop_map(Value::String),
        any_code().prop_map(Value::from),
        any_code().prop_map(|n| Value::String(n.to_string())),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        let key = prop_oneof![
            Just("errorCode".to_string()),
            Just("code".to_string()),
            Just("operator".to_string()),
            Just("operatorType".to_string()),
            Just("op".to_string()),
            Just("real_op".to_string()),
            Just("metadata".to_string()),
            Just("resultCode".to_string()),
            Just("process_id".to_string()),
            Just("processID".to_string()),
            "[a-z]{1,6}",
        ];
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(key, inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn any_i32_is_kept_or_found(n in any_code()) {
        for_every_table!(check_number(n));
    }

    #[test]
    fn any_i64_from_json_is_read_or_refused_by_name(n in prop_oneof![any::<i64>(), any_code().prop_map(i64::from)]) {
        for_every_table!(check_wide_number(n));
    }

    #[test]
    fn any_string_parses_or_says_why(s in "\\PC*") {
        for_every_table!(check_text(&s));
        let _ = s.parse::<Table>();
        let _ = s.parse::<Carrier>();
    }

    #[test]
    fn code_shaped_strings_parse_or_say_why(s in code_like()) {
        for_every_table!(check_text(&s));
        for &carrier in Carrier::ALL {
            match carrier.parse_code(&s) {
                Ok(code) => prop_assert_eq!(Some(code.code()), s.trim().parse::<i32>().ok().map(|n| carrier.code(n).code())),
                Err(error) => prop_assert!(error.to_string().contains(carrier.table().slug())),
            }
        }
    }

    #[test]
    fn table_errors_list_the_valid_slugs(s in "\\PC{0,40}") {
        match s.parse::<Table>() {
            Ok(table) => prop_assert_eq!(table.slug(), s.trim()),
            Err(error) => prop_assert!(error.to_string().contains("onelogin/server")),
        }
    }

    #[test]
    fn carrier_errors_list_the_valid_names(s in "\\PC{0,12}") {
        if let Err(error) = s.parse::<Carrier>() {
            prop_assert!(error.to_string().contains("CM"));
        }
    }

    #[test]
    fn long_digit_runs_are_out_of_range_not_a_panic(digits in "[1-9][0-9]{10,200}", sign in "[+-]?") {
        let s = format!("{sign}{digits}");
        let error = s.parse::<onelogin::ServerCode>().unwrap_err();
        prop_assert_eq!(error.kind(), ParseCodeErrorKind::OutOfRange);
        prop_assert!(error.input().chars().count() <= 65);
    }

    #[test]
    fn full_width_digits_are_refused(s in "[０-９]{1,8}") {
        let error = s.parse::<onepass::ServerCode>().unwrap_err();
        prop_assert_eq!(error.kind(), ParseCodeErrorKind::Invalid);
        prop_assert!(error.to_string().contains(&s));
    }

    #[test]
    fn lookup_agrees_with_a_scan_of_the_table(n in any_code()) {
        for table in Table::iter() {
            let scanned = table.entries().iter().find(|e| e.has_number(n));
            prop_assert_eq!(lookup(table, n).map(|e| e as *const _), scanned.map(|e| e as *const _));
        }
    }

    #[test]
    fn names_and_slugs_agree_with_a_scan(s in prop_oneof![
        "\\PC{0,40}",
        proptest::sample::select(geetest_codes::entries().iter().map(|e| e.name()).collect::<Vec<_>>())
            .prop_flat_map(|name| (Just(name), 0..name.len(), "[A-Za-z0-9]{0,1}"))
            .prop_map(|(name, cut, extra)| format!("{}{extra}", &name[..cut])),
        // Same length and same first and last eight bytes as a real name or slug, another
        // middle: only the full comparison tells them apart.
        proptest::sample::select(
            geetest_codes::entries().iter().map(|e| e.name())
                .chain(Table::iter().map(Table::slug))
                .filter(|t| t.len() > 16)
                .collect::<Vec<_>>(),
        )
            .prop_flat_map(|text| (Just(text), 8..text.len() - 8, "[a-z]"))
            .prop_map(|(text, at, c)| format!("{}{c}{}", &text[..at], &text[at + 1..])),
    ]) {
        for table in Table::iter() {
            let scanned = table.entries().iter().find(|e| e.name() == s);
            prop_assert_eq!(geetest_codes::lookup_name(table, &s).map(|e| e as *const _), scanned.map(|e| e as *const _));
        }
        let by_slug = Table::iter().find(|t| t.slug() == s);
        prop_assert_eq!(Table::from_slug(&s), by_slug);
    }

    #[test]
    fn find_agrees_with_lookup(n in any_code()) {
        let found: Vec<Table> = geetest_codes::find(n).map(|e| e.table()).collect();
        let expected: Vec<Table> = Table::iter().filter(|t| lookup(*t, n).is_some()).collect();
        prop_assert_eq!(found, expected);
    }

    #[test]
    fn carrier_codes_keep_their_number(n in any_code()) {
        for &carrier in Carrier::ALL {
            let code = carrier.code(n);
            prop_assert_eq!(code.carrier(), carrier);
            if code.entry().is_none() {
                prop_assert_eq!(code.code(), n);
            }
        }
    }

    #[test]
    fn unknown_codes_serialize_back_unchanged(n in any::<i32>()) {
        let code: Code<h5_onepass::WebCode> = serde_json::from_str(&n.to_string()).unwrap();
        if !code.is_known() {
            prop_assert_eq!(serde_json::to_string(&code).unwrap(), n.to_string());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn any_json_value_as_a_code(value in arb_json()) {
        for_every_table!(check_json(&value));
    }

    #[test]
    fn any_json_value_as_a_client_report(value in arb_json()) {
        let report = serde_json::from_value::<geetest_codes::ClientReport>(value.clone());
        if let Ok(report) = report {
            for table in Table::iter() {
                match report.diagnose(table) {
                    Ok(d) => {
                        prop_assert_eq!(d.entry().map(|e| e.table()).unwrap_or(table), table);
                        let json = serde_json::to_value(&d).unwrap();
                        prop_assert_eq!(json["code"].as_i64(), Some(i64::from(d.code())));
                    }
                    Err(error) => prop_assert!(error.to_string().contains(table.slug())),
                }
            }
        } else {
            // Only a report that is not a JSON object is refused outright.
            prop_assert!(!value.is_object());
        }
    }

    #[test]
    fn any_json_text_as_a_client_report(s in "\\PC{0,40}") {
        if let Ok(report) = serde_json::from_str::<geetest_codes::ClientReport>(&s) {
            let _ = report.diagnose(Table::OneLoginAndroid);
        }
    }

    #[test]
    fn reports_keep_unknown_codes(n in any_code(), as_text in any::<bool>()) {
        let code = if as_text { serde_json::Value::String(n.to_string()) } else { n.into() };
        let report = serde_json::json!({ "errorCode": code, "operator": "CU" });
        let report: geetest_codes::ClientReport = serde_json::from_value(report).unwrap();
        let d = report.diagnose(Table::OneLoginAndroid).unwrap();
        prop_assert_eq!(d.code(), n);
    }
}
