//! Tests of the data checker, `build/data.rs`, which `build.rs` runs on the files under `data/`.
//!
//! Each file under `tests/fixtures/bad-data/` is a small table with exactly one defect; its test
//! checks that the checker rejects it with one error naming the file, the line, the row (its
//! position and code) and the problem. The files under `tests/fixtures/good-data/` are the valid
//! bases the bad fixtures were made from, and must pass.

#[allow(dead_code)]
#[path = "../build/data.rs"]
mod data;
#[allow(dead_code)]
#[path = "../src/perfect_hash.rs"]
mod perfect_hash;

use std::fs;
use std::path::{Path, PathBuf};

use data::{DataError, TableData};

const BAD: &str = "tests/fixtures/bad-data";
const GOOD: &str = "tests/fixtures/good-data";

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(relative: &str) -> String {
    let path: PathBuf = manifest_dir().join(relative);
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn rendered(errors: &[DataError]) -> Vec<String> {
    errors.iter().map(ToString::to_string).collect()
}

/// Checks the good fixture `name` as the table `slug` and returns the table.
fn good(name: &str, slug: &str) -> TableData {
    let file = format!("{GOOD}/{name}");
    match data::check_source(&file, slug, &read(&file)) {
        Ok(table) => table,
        Err(errors) => panic!("{file} should pass, got:\n{:#?}", rendered(&errors)),
    }
}

/// Checks the bad fixture `name` as the table `slug`, and asserts that the checker reports
/// exactly one error, that it renders as `<file><at><message>` where `at` is the line and row part
/// (for instance `":18: row 2 (code 12105): "`), and that the message holds every one of `words`.
fn bad(name: &str, slug: &str, at: &str, words: &[&str]) -> DataError {
    let file = format!("{BAD}/{name}");
    let errors = match data::check_source(&file, slug, &read(&file)) {
        Ok(table) => panic!(
            "{file} should be rejected, but passed with {} rows",
            table.rows.len()
        ),
        Err(errors) => errors,
    };
    let shown = rendered(&errors);
    assert_eq!(
        errors.len(),
        1,
        "{file}: expected one error, got {shown:#?}"
    );
    let error = errors.into_iter().next().expect("one error");
    let text = error.to_string();
    assert_eq!(error.file, file, "the error names the file: {text}");
    let prefix = format!("{file}{at}");
    assert!(
        text.starts_with(&prefix),
        "expected the error to start with {prefix:?}, got {text:?}"
    );
    for word in words {
        assert!(
            error.message.contains(word),
            "expected the message to mention {word:?}, got {text:?}"
        );
    }
    error
}

// ---------------------------------------------------------------------------------------------
// Valid data.

#[test]
fn minimal_server_table_passes() {
    let table = good("onelogin-server-minimal.toml", "onelogin/server");
    assert_eq!(table.spec.slug, "onelogin/server");
    assert_eq!(table.title, "OneLogin server API");
    assert_eq!(table.section, "1、APP一键登录（OneLogin） · 服务端返回码");
    let codes: Vec<i32> = table.rows.iter().map(|r| r.code).collect();
    assert_eq!(codes, [200, 12105]);
    let lines: Vec<usize> = table.rows.iter().map(|r| r.line).collect();
    assert_eq!(
        lines,
        [6, 16],
        "each row's line is the line of its [[row]] header"
    );
    let signature = &table.rows[1];
    assert_eq!(signature.name, "SignatureError");
    assert_eq!(signature.category, "signature");
    assert_eq!(signature.action, "fallback");
    assert_eq!(signature.description.en, "Signature error");
    assert_eq!(signature.steps_zh.len(), 2);
    assert_eq!(signature.steps_en.len(), 2);
    assert!(table.rows[0].steps_en.is_empty());
    assert!(table.rows.iter().all(|r| r.carrier.is_none()));
}

#[test]
fn minimal_sdk_table_with_carrier_link_passes() {
    let table = good("onelogin-android-minimal.toml", "onelogin/android");
    assert!(table.spec.is_sdk());
    assert_eq!(table.rows.len(), 2);
    assert_eq!(table.rows[0].carrier, None);
    assert_eq!(table.rows[1].code, -40101);
    assert_eq!(
        table.rows[1].carrier.as_deref(),
        Some("carrier/china-mobile")
    );
}

#[test]
fn minimal_carrier_table_with_aliases_passes() {
    let table = good(
        "carrier-china-telecom-minimal.toml",
        "carrier/china-telecom",
    );
    let numbers: Vec<(i32, Vec<i32>)> = table
        .rows
        .iter()
        .map(|r| (r.code, r.aliases.clone()))
        .collect();
    assert_eq!(numbers, [(-8001, vec![80001]), (-8003, vec![80000])]);
}

#[test]
fn real_data_directory_loads() {
    let tables = match data::load_dir(&manifest_dir().join("data")) {
        Ok(tables) => tables,
        Err(errors) => panic!("data/ should load, got:\n{:#?}", rendered(&errors)),
    };
    assert_eq!(tables.len(), 15);
    let slugs: Vec<&str> = tables.iter().map(|t| t.spec.slug).collect();
    let expected: Vec<&str> = data::TABLES.iter().map(|s| s.slug).collect();
    assert_eq!(slugs, expected, "tables come in the reference's order");
    let rows: usize = tables.iter().map(|t| t.rows.len()).sum();
    assert_eq!(rows, 229);
}

#[test]
fn every_bad_fixture_has_a_test() {
    let own = include_str!("data_files.rs");
    let dir = manifest_dir().join(BAD);
    let entries = fs::read_dir(&dir).unwrap_or_else(|e| panic!("cannot list {BAD}: {e}"));
    let mut count = 0;
    for entry in entries {
        let name = entry.expect("a directory entry").file_name();
        let name = name.to_string_lossy();
        assert!(
            name.ends_with(".toml"),
            "{BAD}/{name} is not a TOML fixture"
        );
        assert!(
            own.contains(&format!("\"{name}\"")),
            "{BAD}/{name} has no test in tests/data_files.rs"
        );
        count += 1;
    }
    assert!(count >= 20, "only {count} bad fixtures");
}

// ---------------------------------------------------------------------------------------------
// Syntax and file-level problems.

#[test]
fn malformed_toml_names_its_line() {
    let error = bad(
        "malformed-toml.toml",
        "onelogin/server",
        ":12: ",
        &["not valid TOML", "string"],
    );
    assert_eq!(error.line, Some(12));
    assert_eq!(error.row, None);
}

#[test]
fn empty_table_is_rejected() {
    let error = bad(
        "no-rows.toml",
        "onelogin/server",
        ": ",
        &["no rows", "[[row]]"],
    );
    assert_eq!((error.row, error.code), (None, None));
}

#[test]
fn slug_that_does_not_match_the_file_is_rejected() {
    bad(
        "slug-mismatch.toml",
        "onelogin/server",
        ":2: ",
        &["`slug`", "\"onepass/server\"", "`onelogin/server`", "match"],
    );
}

// ---------------------------------------------------------------------------------------------
// Required fields.

#[test]
fn missing_code_is_rejected() {
    // With no code to name, the row is known by its position and line.
    let error = bad(
        "missing-code.toml",
        "onelogin/server",
        ":16: row 2: ",
        &["missing required field `code`"],
    );
    assert_eq!(error.code, None);
}

#[test]
fn missing_name_is_rejected() {
    bad(
        "missing-name.toml",
        "onelogin/server",
        ":16: row 2 (code 12105): ",
        &["missing required field `name`"],
    );
}

#[test]
fn missing_description_is_rejected() {
    bad(
        "missing-description.toml",
        "onelogin/server",
        ":16: row 2 (code 12105): ",
        &["missing required field `description`"],
    );
}

#[test]
fn missing_remediation_is_rejected() {
    bad(
        "missing-remediation.toml",
        "onelogin/server",
        ":16: row 2 (code 12105): ",
        &["missing required field `remediation`"],
    );
}

#[test]
fn missing_category_is_rejected() {
    bad(
        "missing-category.toml",
        "onelogin/server",
        ":16: row 2 (code 12105): ",
        &["missing required field `category`"],
    );
}

#[test]
fn missing_action_is_rejected() {
    bad(
        "missing-action.toml",
        "onelogin/server",
        ":16: row 2 (code 12105): ",
        &["missing required field `action`"],
    );
}

#[test]
fn empty_description_is_rejected() {
    bad(
        "empty-description.toml",
        "onelogin/server",
        ":22: row 2 (code 12105): ",
        &["`description.en`", "empty"],
    );
}

// ---------------------------------------------------------------------------------------------
// Names and numbers.

#[test]
fn name_that_is_not_upper_camel_case_is_rejected() {
    bad(
        "name-not-upper-camel.toml",
        "onelogin/server",
        ":18: row 2 (code 12105): ",
        &["`signature_error`", "UpperCamelCase"],
    );
}

#[test]
fn name_that_is_a_keyword_is_rejected() {
    bad(
        "name-is-a-keyword.toml",
        "onelogin/server",
        ":18: row 2 (code 12105): ",
        &["`Self`", "keyword"],
    );
}

#[test]
fn name_in_all_capitals_is_rejected() {
    bad(
        "name-all-capitals.toml",
        "onelogin/server",
        ":18: row 2 (code 12105): ",
        &["`TABLE`", "lowercase"],
    );
}

#[test]
fn name_longer_than_the_maps_hold_is_rejected() {
    bad(
        "name-too-long.toml",
        "onelogin/server",
        ":18: row 2 (code 12105): ",
        &[
            "`SignatureErrorWithAVeryLongNameOverFortyBytes`",
            "40 bytes",
        ],
    );
}

#[test]
fn name_collision_is_rejected() {
    bad(
        "name-collision.toml",
        "onelogin/server",
        ":18: row 2 (code 12105): ",
        &[
            "name `Success`",
            "collides with row 1",
            "code 200",
            "line 8",
        ],
    );
}

#[test]
fn duplicate_code_is_rejected() {
    bad(
        "duplicate-code.toml",
        "onelogin/server",
        ":17: row 2 (code 200): ",
        &["code 200", "appears twice", "code of row 1", "line 7"],
    );
}

#[test]
fn alias_listed_twice_in_a_row_is_rejected() {
    bad(
        "alias-listed-twice.toml",
        "carrier/china-telecom",
        ":19: row 2 (code -8003): ",
        &["alias 80000", "listed twice", "`aliases`"],
    );
}

#[test]
fn alias_shared_by_two_rows_is_rejected() {
    bad(
        "alias-in-two-rows.toml",
        "carrier/china-telecom",
        ":19: row 2 (code -8003): ",
        &[
            "alias 80001",
            "appears twice",
            "alias of row 1",
            "code -8001",
            "line 8",
        ],
    );
}

#[test]
fn alias_equal_to_another_rows_code_is_rejected() {
    bad(
        "alias-equals-other-code.toml",
        "carrier/china-telecom",
        ":19: row 2 (code -8003): ",
        &["alias -8001", "appears twice", "code of row 1", "line 7"],
    );
}

#[test]
fn code_that_does_not_fit_in_i32_is_rejected() {
    let error = bad(
        "code-out-of-i32.toml",
        "onelogin/server",
        ":17: row 2 (code 2147483648): ",
        &["code 2147483648", "does not fit in an i32"],
    );
    assert_eq!(error.code, Some(2_147_483_648));
}

// ---------------------------------------------------------------------------------------------
// Texts and vocabularies.

#[test]
fn step_lists_of_different_lengths_are_rejected() {
    bad(
        "step-count-mismatch.toml",
        "onelogin/server",
        ":24: row 2 (code 12105): ",
        &[
            "remediation.zh has 2 steps",
            "remediation.en has 1",
            "same length",
        ],
    );
}

#[test]
fn category_outside_the_vocabulary_is_rejected() {
    bad(
        "unknown-category.toml",
        "onelogin/server",
        ":19: row 2 (code 12105): ",
        &[
            "category `bad-signature`",
            "not in the vocabulary",
            "signature",
        ],
    );
}

#[test]
fn action_outside_the_vocabulary_is_rejected() {
    bad(
        "unknown-action.toml",
        "onelogin/server",
        ":20: row 2 (code 12105): ",
        &["action `retry-later`", "not in the vocabulary", "retry"],
    );
}

#[test]
fn unknown_field_is_rejected() {
    bad(
        "unknown-field.toml",
        "onelogin/server",
        ":19: row 2 (code 12105): ",
        &["unknown field `sybmol`", "symbol"],
    );
}

// ---------------------------------------------------------------------------------------------
// Carrier links.

#[test]
fn carrier_link_contradicting_the_code_family_is_rejected() {
    bad(
        "carrier-wrong-family.toml",
        "onelogin/android",
        ":21: row 2 (code -40201): ",
        &[
            "`carrier/china-mobile`",
            "contradicts the code's family",
            "-402xx",
            "China Unicom",
            "`carrier/china-unicom`",
        ],
    );
}

#[test]
fn carrier_link_on_a_server_table_is_rejected() {
    bad(
        "carrier-on-server-table.toml",
        "onelogin/server",
        ":21: row 2 (code 12105): ",
        &[
            "carrier link `carrier/china-mobile`",
            "`onelogin/server`",
            "only Android and iOS SDK rows",
        ],
    );
}

#[test]
fn sdk_carrier_row_without_a_link_is_rejected() {
    bad(
        "carrier-link-missing.toml",
        "onelogin/android",
        ":16: row 2 (code -40101): ",
        &[
            "missing `carrier`",
            "-401xx",
            "China Mobile",
            "`carrier/china-mobile`",
        ],
    );
}

#[test]
fn a_toml_file_that_is_no_table_fails_the_check() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let copy = std::env::temp_dir().join(format!("geetest-codes-stray-{}", std::process::id()));
    for spec in data::TABLES {
        let from = root.join(format!("{}.toml", spec.slug));
        let to = copy.join(format!("{}.toml", spec.slug));
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(from, to).unwrap();
    }
    assert!(data::load_dir(&copy).is_ok());
    std::fs::write(copy.join("onelogin/windows.toml"), "garbage [[[").unwrap();
    let errors = data::load_dir(&copy).unwrap_err();
    std::fs::remove_dir_all(&copy).unwrap();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].file, "data/onelogin/windows.toml");
    assert!(
        errors[0]
            .message
            .contains("not one of the reference's tables"),
        "{}",
        errors[0]
    );
}

// ---------------------------------------------------------------------------------------------
// The name maps' keys.

#[test]
fn names_that_share_length_and_edges_are_told_apart_by_a_middle_word() {
    // Same length, same first and last eight bytes: the first and last words alone cannot
    // separate them, so the build script adds a middle word to that map's key.
    let (a, b) = ("ChinaMobileAuthPageClosed", "ChinaMobileCodePageClosed");
    let words = |t: &str| perfect_hash::words(t.as_bytes()).expect("1 to 40 bytes");
    let key = |t: &str, middle| perfect_hash::text_key(t.len(), &words(t), middle);
    assert_eq!(key(a, 0), key(b, 0));
    // They differ in bytes 8 to 15, the second word, which bit 0 of `middle` adds.
    assert_ne!(words(a)[1], words(b)[1]);
    assert_ne!(key(a, 1), key(b, 1));
    assert_eq!(key(a, 2), key(b, 2));
}
