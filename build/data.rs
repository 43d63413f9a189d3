//! Reading and checking the data files under `data/`.
//!
//! `build.rs` compiles this file as a module, and so do the tests in `tests/data_files.rs`,
//! which feed it broken fixtures. Everything here returns errors instead of panicking: a bad
//! data file must fail the build with a message naming the file, the row and the problem.

use std::fmt;
use std::fs;
use std::path::Path;

use toml::de::{DeArray, DeTable, DeValue};
use toml::Spanned;

/// The tables of the reference, in its order: slug, `Table` variant, module, enum name.
pub const TABLES: [TableSpec; 15] = [
    TableSpec::new(
        "onelogin/server",
        "OneLoginServer",
        "onelogin",
        "ServerCode",
    ),
    TableSpec::new(
        "onelogin/android",
        "OneLoginAndroid",
        "onelogin",
        "AndroidCode",
    ),
    TableSpec::new("onelogin/ios", "OneLoginIos", "onelogin", "IosCode"),
    TableSpec::new("onepass/server", "OnePassServer", "onepass", "ServerCode"),
    TableSpec::new(
        "onepass/android",
        "OnePassAndroid",
        "onepass",
        "AndroidCode",
    ),
    TableSpec::new("onepass/ios", "OnePassIos", "onepass", "IosCode"),
    TableSpec::new(
        "h5-onelogin/server",
        "H5OneLoginServer",
        "h5_onelogin",
        "ServerCode",
    ),
    TableSpec::new("h5-onelogin/web", "H5OneLoginWeb", "h5_onelogin", "WebCode"),
    TableSpec::new(
        "h5-onelogin/miniprogram",
        "H5OneLoginMiniProgram",
        "h5_onelogin",
        "MiniProgramCode",
    ),
    TableSpec::new(
        "h5-onepass/server",
        "H5OnePassServer",
        "h5_onepass",
        "ServerCode",
    ),
    TableSpec::new("h5-onepass/web", "H5OnePassWeb", "h5_onepass", "WebCode"),
    TableSpec::new(
        "h5-onepass/miniprogram",
        "H5OnePassMiniProgram",
        "h5_onepass",
        "MiniProgramCode",
    ),
    TableSpec::new(
        "carrier/china-mobile",
        "ChinaMobile",
        "carrier",
        "ChinaMobileCode",
    ),
    TableSpec::new(
        "carrier/china-unicom",
        "ChinaUnicom",
        "carrier",
        "ChinaUnicomCode",
    ),
    TableSpec::new(
        "carrier/china-telecom",
        "ChinaTelecom",
        "carrier",
        "ChinaTelecomCode",
    ),
];

/// The closed vocabulary of `category`.
pub const CATEGORIES: [&str; 12] = [
    "success",
    "invalid-request",
    "signature",
    "token",
    "account",
    "network",
    "device",
    "user-cancelled",
    "sdk-usage",
    "rate-limited",
    "carrier",
    "service",
];

/// The closed vocabulary of `action`.
pub const ACTIONS: [&str; 5] = ["none", "retry", "refresh-token", "fallback", "abandon"];

/// Keys a row may have; anything else is a typo the build reports.
const ROW_KEYS: [&str; 11] = [
    "code",
    "aliases",
    "name",
    "symbol",
    "carrier",
    "category",
    "action",
    "why",
    "description",
    "cause",
    "remediation",
];

/// How one table of the reference maps onto the crate's types.
#[derive(Debug, Clone, Copy)]
pub struct TableSpec {
    /// The slug, which is also the data file's path under `data/` without `.toml`.
    pub slug: &'static str,
    /// The `Table` variant.
    pub variant: &'static str,
    /// The module that holds the table's enum.
    pub module: &'static str,
    /// The enum's name inside its module.
    pub enum_name: &'static str,
}

impl TableSpec {
    const fn new(
        slug: &'static str,
        variant: &'static str,
        module: &'static str,
        enum_name: &'static str,
    ) -> Self {
        TableSpec {
            slug,
            variant,
            module,
            enum_name,
        }
    }

    /// Whether the table is an Android or iOS SDK table, the only ones with carrier links.
    pub fn is_sdk(&self) -> bool {
        self.slug.ends_with("/android") || self.slug.ends_with("/ios")
    }
}

/// A text in both languages, list items already joined.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    /// The vendor's Chinese.
    pub zh: String,
    /// Our English.
    pub en: String,
}

/// One checked row.
#[derive(Debug, Clone)]
pub struct Row {
    /// The code as the reference prints it.
    pub code: i32,
    /// Other numbers for the same row.
    pub aliases: Vec<i32>,
    /// The variant name.
    pub name: String,
    /// The SDK's symbolic name, if the reference gives one.
    pub symbol: Option<String>,
    /// The carrier table's slug, for SDK rows that point to one.
    pub carrier: Option<String>,
    /// What went wrong, from [`CATEGORIES`].
    pub category: String,
    /// What to do now, from [`ACTIONS`].
    pub action: String,
    /// Why the category or action was chosen, where the row is two things.
    pub why: Option<String>,
    /// What the code means.
    pub description: Text,
    /// The common cause, where the table has that column.
    pub cause: Option<Text>,
    /// Remediation steps in Chinese.
    pub steps_zh: Vec<String>,
    /// Remediation steps in English, as many as in Chinese.
    pub steps_en: Vec<String>,
    /// The 1-based line where the row starts.
    pub line: usize,
}

/// One checked data file.
#[derive(Debug, Clone)]
pub struct TableData {
    /// How the table maps onto the crate's types.
    pub spec: TableSpec,
    /// Short English title.
    pub title: String,
    /// Where in the reference the table stands.
    pub section: String,
    /// The rows, in the reference's order.
    pub rows: Vec<Row>,
}

/// What was wrong with a data file, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    /// The file, as given to the checker.
    pub file: String,
    /// The row's code, when the problem lies in a row that has a readable code.
    pub code: Option<i64>,
    /// The row's position in the file (1-based), when the problem lies in a row.
    pub row: Option<usize>,
    /// The 1-based line, when the parser gives one.
    pub line: Option<usize>,
    /// The problem.
    pub message: String,
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        match (self.row, self.code) {
            (Some(row), Some(code)) => write!(f, ": row {row} (code {code})")?,
            (Some(row), None) => write!(f, ": row {row}")?,
            _ => {}
        }
        write!(f, ": {}", self.message)
    }
}

/// Where an error is: the file and, once known, the row.
struct Place<'a> {
    file: &'a str,
    source: &'a str,
    row: Option<usize>,
    code: Option<i64>,
    line: Option<usize>,
}

impl Place<'_> {
    fn error(&self, message: impl Into<String>) -> DataError {
        DataError {
            file: self.file.to_string(),
            code: self.code,
            row: self.row,
            line: self.line,
            message: message.into(),
        }
    }

    fn error_at(&self, offset: usize, message: impl Into<String>) -> DataError {
        let mut error = self.error(message);
        error.line = Some(line_of(self.source, offset));
        error
    }

    /// An error at `offset` when it is known, else at the place's own line (the row's start).
    fn error_near(&self, offset: Option<usize>, message: impl Into<String>) -> DataError {
        match offset {
            Some(offset) => self.error_at(offset, message),
            None => self.error(message),
        }
    }
}

fn line_of(source: &str, offset: usize) -> usize {
    let end = offset.min(source.len());
    source.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Reads and checks every table's file under `dir`, in the reference's order.
///
/// Returns every problem found, not only the first, so one build shows them all.
pub fn load_dir(dir: &Path) -> Result<Vec<TableData>, Vec<DataError>> {
    let mut tables = Vec::new();
    let mut errors = Vec::new();
    for spec in TABLES {
        let path = dir.join(format!("{}.toml", spec.slug));
        let shown = format!("data/{}.toml", spec.slug);
        match fs::read_to_string(&path) {
            Ok(source) => match check_source(&shown, spec.slug, &source) {
                Ok(table) => tables.push(table),
                Err(mut errs) => errors.append(&mut errs),
            },
            Err(e) => errors.push(DataError {
                file: shown,
                code: None,
                row: None,
                line: None,
                message: format!("cannot read the file: {e}"),
            }),
        }
    }
    stray_files(dir, dir, &mut errors);
    if errors.is_empty() {
        Ok(tables)
    } else {
        Err(errors)
    }
}

/// Reports every `.toml` file under `dir` that is not one of the fifteen tables: a table the
/// build would otherwise skip without a word.
fn stray_files(root: &Path, dir: &Path, errors: &mut Vec<DataError>) {
    let Ok(listing) = fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<_> = listing.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            stray_files(root, &path, errors);
            continue;
        }
        let Ok(relative) = path.strip_prefix(root) else {
            continue;
        };
        let relative = relative.to_string_lossy().replace('\\', "/");
        let Some(slug) = relative.strip_suffix(".toml") else {
            continue;
        };
        if !TABLES.iter().any(|t| t.slug == slug) {
            let known: Vec<&str> = TABLES.iter().map(|t| t.slug).collect();
            errors.push(DataError {
                file: format!("data/{relative}"),
                code: None,
                row: None,
                line: None,
                message: format!(
                    "not one of the reference's tables; a table's file is data/<slug>.toml, with \
                     slug one of: {}",
                    known.join(", ")
                ),
            });
        }
    }
}

/// Checks the text of one data file that should hold the table `slug`.
///
/// `file` is only used in messages.
pub fn check_source(file: &str, slug: &str, source: &str) -> Result<TableData, Vec<DataError>> {
    let mut place = Place {
        file,
        source,
        row: None,
        code: None,
        line: None,
    };
    let Some(spec) = TABLES.iter().copied().find(|s| s.slug == slug) else {
        return Err(vec![
            place.error(format!("`{slug}` is not one of the reference's tables"))
        ]);
    };

    let doc = match DeTable::parse(source) {
        Ok(doc) => doc,
        Err(e) => {
            let mut error = place.error(format!("not valid TOML: {}", e.message().trim()));
            error.line = e.span().map(|s| line_of(source, s.start));
            return Err(vec![error]);
        }
    };
    let doc = doc.get_ref();

    let mut errors = Vec::new();
    for (key, _) in doc.iter() {
        let key: &str = key.get_ref();
        if !["slug", "title", "section", "row"].contains(&key) {
            errors
                .push(place.error_at(key_span(doc, key), format!("unknown top-level key `{key}`")));
        }
    }
    let file_slug = top_string(doc, "slug", &place, &mut errors);
    if let Some(found) = &file_slug {
        if found != slug {
            errors.push(place.error_near(
                value_start(doc, "slug"),
                format!("`slug` is \"{found}\" but the file holds `{slug}`: the slug must match the file's path"),
            ));
        }
    }
    let title = top_string(doc, "title", &place, &mut errors).unwrap_or_default();
    let section = section(doc, &place, &mut errors).unwrap_or_default();

    let mut rows = Vec::new();
    let mut places = Vec::new();
    match get(doc, "row").map(|v| (v.span(), v.get_ref())) {
        None => errors.push(place.error("the table has no rows (no [[row]] entries)")),
        Some((span, DeValue::Array(array))) if array.is_empty() => {
            errors.push(place.error_at(span.start, "the table has no rows (no [[row]] entries)"))
        }
        Some((_, DeValue::Array(array))) => {
            for (i, value) in array.iter().enumerate() {
                place.row = Some(i + 1);
                place.line = Some(line_of(source, value.span().start));
                place.code = None;
                match value.get_ref() {
                    DeValue::Table(table) => match check_row(&spec, table, &mut place) {
                        Ok((row, lines)) => {
                            rows.push(row);
                            places.push(lines);
                        }
                        Err(mut errs) => errors.append(&mut errs),
                    },
                    other => errors.push(place.error(format!(
                        "a row must be a table ([[row]]), found {}",
                        other.type_str()
                    ))),
                }
            }
            place.row = None;
            place.line = None;
            place.code = None;
        }
        Some((span, other)) => errors.push(place.error_at(
            span.start,
            format!(
                "`row` must be an array of tables ([[row]]), found {}",
                other.type_str()
            ),
        )),
    }

    check_table_rules(&rows, &places, &place, &mut errors);

    if errors.is_empty() {
        Ok(TableData {
            spec,
            title,
            section,
            rows,
        })
    } else {
        Err(errors)
    }
}

/// Where a checked row and its numbers stand in the file, for the rules that span rows.
struct RowPlace {
    /// The row's position in the file (1-based), counting rows that failed their own checks.
    index: usize,
    /// The line of `name`.
    name_line: usize,
    /// The line of `code`.
    code_line: usize,
    /// The line of each alias, in the order of `Row::aliases`.
    alias_lines: Vec<usize>,
}

/// Rules that span rows: unique names and numbers.
fn check_table_rules(
    rows: &[Row],
    places: &[RowPlace],
    place: &Place<'_>,
    errors: &mut Vec<DataError>,
) {
    for (i, (row, here)) in rows.iter().zip(places).enumerate() {
        let at = |line: usize, message: String| DataError {
            file: place.file.to_string(),
            code: Some(row.code.into()),
            row: Some(here.index),
            line: Some(line),
            message,
        };
        let earlier = rows[..i].iter().zip(&places[..i]);
        if let Some((first, there)) = earlier.clone().find(|(r, _)| r.name == row.name) {
            errors.push(at(
                here.name_line,
                format!(
                    "name `{}` collides with row {} (code {}, line {}): names must be unique in a table",
                    row.name, there.index, first.code, there.name_line
                ),
            ));
        }
        let numbers = std::iter::once((false, row.code, here.code_line)).chain(
            row.aliases
                .iter()
                .zip(&here.alias_lines)
                .map(|(&a, &line)| (true, a, line)),
        );
        for (is_alias, number, line) in numbers {
            let what = if is_alias { "alias" } else { "code" };
            if is_alias && number == row.code {
                errors.push(at(
                    line,
                    format!("alias {number} repeats the row's own code"),
                ));
                continue;
            }
            for (other, there) in earlier.clone() {
                if other.code == number {
                    errors.push(at(
                        line,
                        format!(
                            "{what} {number} appears twice: it is already the code of row {} (line {})",
                            there.index, there.code_line
                        ),
                    ));
                } else if let Some(k) = other.aliases.iter().position(|&a| a == number) {
                    let alias_line = there.alias_lines.get(k).copied().unwrap_or(other.line);
                    errors.push(at(
                        line,
                        format!(
                            "{what} {number} appears twice: it is already an alias of row {} (code {}, line {})",
                            there.index, other.code, alias_line
                        ),
                    ));
                }
            }
        }
        for (k, (&alias, &line)) in row.aliases.iter().zip(&here.alias_lines).enumerate() {
            if row.aliases[..k].contains(&alias) {
                errors.push(at(
                    line,
                    format!(
                        "alias {alias} appears twice: it is listed twice in this row's `aliases`"
                    ),
                ));
            }
        }
    }
}

fn check_row(
    spec: &TableSpec,
    row: &DeTable<'_>,
    place: &mut Place<'_>,
) -> Result<(Row, RowPlace), Vec<DataError>> {
    let mut errors = Vec::new();
    let row_line = place.line.unwrap_or(0);

    // The code first, so every later message can name it.
    let code_value = get(row, "code");
    let code_line = code_value.map_or(row_line, |v| line_of(place.source, v.span().start));
    let code = match code_value.map(|v| (v.span().start, v.get_ref())) {
        Some((at, DeValue::Integer(int))) => match parse_int(int.as_str(), int.radix()) {
            Some(n) => {
                place.code = Some(n);
                match i32::try_from(n) {
                    Ok(c) => Some(c),
                    Err(_) => {
                        errors.push(place.error_at(
                            at,
                            format!(
                                "code {n} does not fit in an i32 ({} to {})",
                                i32::MIN,
                                i32::MAX
                            ),
                        ));
                        None
                    }
                }
            }
            None => {
                errors.push(place.error_at(
                    at,
                    format!(
                        "code `{}` is not an integer that fits in an i32",
                        int.as_str()
                    ),
                ));
                None
            }
        },
        Some((at, other)) => {
            errors.push(place.error_at(
                at,
                format!("`code` must be an integer, found {}", other.type_str()),
            ));
            None
        }
        None => {
            errors.push(place.error("missing required field `code`"));
            None
        }
    };

    for (key, _) in row.iter() {
        let name: &str = key.get_ref();
        if !ROW_KEYS.contains(&name) {
            errors.push(place.error_at(
                key.span().start,
                format!(
                    "unknown field `{name}` (a row's fields are: {})",
                    ROW_KEYS.join(", ")
                ),
            ));
        }
    }

    let mut aliases = Vec::new();
    let mut alias_lines = Vec::new();
    if let Some(value) = get(row, "aliases") {
        match value.get_ref() {
            DeValue::Array(items) => {
                for item in items.iter() {
                    let at = item.span().start;
                    match item.get_ref() {
                        DeValue::Integer(int) => match parse_int(int.as_str(), int.radix())
                            .and_then(|n| i32::try_from(n).ok())
                        {
                            Some(n) => {
                                aliases.push(n);
                                alias_lines.push(line_of(place.source, at));
                            }
                            None => errors.push(place.error_at(
                                at,
                                format!(
                                    "alias `{}` is not an integer that fits in an i32",
                                    int.as_str()
                                ),
                            )),
                        },
                        other => errors.push(place.error_at(
                            at,
                            format!("`aliases` must hold integers, found {}", other.type_str()),
                        )),
                    }
                }
            }
            other => errors.push(place.error_at(
                value.span().start,
                format!(
                    "`aliases` must be an array of integers, found {}",
                    other.type_str()
                ),
            )),
        }
    }

    let name = required_string(row, "name", place, &mut errors);
    let name_line = value_line(row, "name", place);
    if let Some(name) = &name {
        let problem = if !is_upper_camel(name) {
            Some("is not an UpperCamelCase identifier (a capital letter, then letters and digits)")
        } else if name == "Self" {
            Some("is a Rust keyword, which cannot name a variant")
        } else if !name.chars().any(|c| c.is_ascii_lowercase()) {
            Some(
                "has no lowercase letter: it would read as a constant and could hide the enum's \
                 own constants, such as `TABLE`",
            )
        } else if name.len() > NAME_MAX {
            Some("is longer than 40 bytes, the longest name the lookup maps hold")
        } else {
            None
        };
        if let Some(problem) = problem {
            errors.push(
                place.error_near(value_start(row, "name"), format!("name `{name}` {problem}")),
            );
        }
    }
    let symbol = optional_string(row, "symbol", place, &mut errors);
    let why = optional_string(row, "why", place, &mut errors);

    let category = required_string(row, "category", place, &mut errors);
    if let Some(category) = &category {
        if !CATEGORIES.contains(&category.as_str()) {
            errors.push(place.error_near(
                value_start(row, "category"),
                format!(
                    "category `{category}` is not in the vocabulary: {}",
                    CATEGORIES.join(", ")
                ),
            ));
        }
    }
    let action = required_string(row, "action", place, &mut errors);
    if let Some(action) = &action {
        if !ACTIONS.contains(&action.as_str()) {
            errors.push(place.error_near(
                value_start(row, "action"),
                format!(
                    "action `{action}` is not in the vocabulary: {}",
                    ACTIONS.join(", ")
                ),
            ));
        }
    }

    let carrier = optional_string(row, "carrier", place, &mut errors);
    if let Some(code) = code {
        let at = get(row, "carrier").map(|v| v.span().start);
        check_carrier(spec, code, carrier.as_deref(), at, place, &mut errors);
    }

    let description = match get(row, "description") {
        Some(_) => text(row, "description", place, &mut errors),
        None => {
            errors.push(place.error("missing required field `description`"));
            None
        }
    };
    let cause = match get(row, "cause") {
        Some(_) => text(row, "cause", place, &mut errors),
        None => None,
    };

    let (steps_zh, steps_en) = match get(row, "remediation").map(|v| (v.span().start, v.get_ref()))
    {
        None => {
            errors.push(place.error("missing required field `remediation`"));
            (Vec::new(), Vec::new())
        }
        Some((at, DeValue::Table(table))) => {
            let zh = string_list(table, at, "remediation.zh", "zh", place, &mut errors);
            let en = string_list(table, at, "remediation.en", "en", place, &mut errors);
            only_languages(table, "remediation", place, &mut errors);
            if let (Some(zh), Some(en)) = (&zh, &en) {
                if zh.len() != en.len() {
                    errors.push(place.error_near(
                        value_start(table, "en"),
                        format!(
                            "remediation.zh has {} steps but remediation.en has {}: the Chinese and English step lists must have the same length",
                            zh.len(),
                            en.len()
                        ),
                    ));
                }
            }
            (zh.unwrap_or_default(), en.unwrap_or_default())
        }
        Some((at, other)) => {
            errors.push(place.error_at(
                at,
                format!(
                    "`remediation` must be a table with `zh` and `en` lists, found {}",
                    other.type_str()
                ),
            ));
            (Vec::new(), Vec::new())
        }
    };

    match (code, name, category, action, description, errors.is_empty()) {
        (Some(code), Some(name), Some(category), Some(action), Some(description), true) => {
            let lines = RowPlace {
                index: place.row.unwrap_or(0),
                name_line,
                code_line,
                alias_lines,
            };
            let row = Row {
                code,
                aliases,
                name,
                symbol,
                carrier,
                category,
                action,
                why,
                description,
                cause,
                steps_zh,
                steps_en,
                line: row_line,
            };
            Ok((row, lines))
        }
        _ => Err(errors),
    }
}

/// The carrier link must follow the number's family, and only SDK rows have one.
fn check_carrier(
    spec: &TableSpec,
    code: i32,
    carrier: Option<&str>,
    at: Option<usize>,
    place: &Place<'_>,
    errors: &mut Vec<DataError>,
) {
    let family = match code {
        -40199..=-40100 => Some("carrier/china-mobile"),
        -40299..=-40200 => Some("carrier/china-unicom"),
        -40399..=-40300 => Some("carrier/china-telecom"),
        _ => None,
    };
    match (spec.is_sdk(), family, carrier) {
        (false, _, Some(link)) => errors.push(place.error_near(at, format!(
            "carrier link `{link}` on a row of `{}`: only Android and iOS SDK rows link to a carrier table",
            spec.slug
        ))),
        (true, None, Some(link)) => errors.push(place.error_near(at, format!(
            "carrier link `{link}` on code {code}: only codes -401xx, -402xx and -403xx link to a carrier table"
        ))),
        (true, Some(expected), Some(link)) if link != expected => errors.push(place.error_near(at, format!(
            "carrier link `{link}` contradicts the code's family: {code} is {}, whose table is `{expected}`",
            carrier_family(expected)
        ))),
        (true, Some(expected), None) => errors.push(place.error(format!(
            "missing `carrier`: code {code} is {}, a carrier SDK failure, and must link to `{expected}`",
            carrier_family(expected)
        ))),
        _ => {}
    }
}

/// The carrier a family of SDK codes belongs to, in words.
fn carrier_family(slug: &str) -> &'static str {
    match slug {
        "carrier/china-mobile" => "a -401xx code (China Mobile)",
        "carrier/china-unicom" => "a -402xx code (China Unicom)",
        _ => "a -403xx code (China Telecom)",
    }
}

fn parse_int(digits: &str, radix: u32) -> Option<i64> {
    let clean: String = digits.chars().filter(|&c| c != '_').collect();
    i64::from_str_radix(&clean, radix).ok()
}

/// The longest variant name: the limit of the text maps that look names up
/// (`TEXT_MAX` in `src/perfect_hash.rs`; the build script checks that the two agree).
pub const NAME_MAX: usize = 40;

fn is_upper_camel(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_uppercase())
        && chars.all(|c| c.is_ascii_alphanumeric())
}

fn get<'a, 'i>(table: &'a DeTable<'i>, key: &str) -> Option<&'a Spanned<DeValue<'i>>> {
    table
        .iter()
        .find(|(k, _)| {
            let k: &str = k.get_ref();
            k == key
        })
        .map(|(_, v)| v)
}

/// Where the value of `key` starts, if `table` has it.
fn value_start(table: &DeTable<'_>, key: &str) -> Option<usize> {
    get(table, key).map(|v| v.span().start)
}

/// The line of the value of `key`, or the place's own line when `table` lacks it.
fn value_line(table: &DeTable<'_>, key: &str, place: &Place<'_>) -> usize {
    value_start(table, key).map_or(place.line.unwrap_or(0), |at| line_of(place.source, at))
}

fn key_span(table: &DeTable<'_>, key: &str) -> usize {
    table
        .iter()
        .find(|(k, _)| {
            let k: &str = k.get_ref();
            k == key
        })
        .map(|(k, _)| k.span().start)
        .unwrap_or(0)
}

fn top_string(
    doc: &DeTable<'_>,
    key: &str,
    place: &Place<'_>,
    errors: &mut Vec<DataError>,
) -> Option<String> {
    match get(doc, key).map(|v| (v.span().start, v.get_ref())) {
        Some((_, DeValue::String(s))) if !s.trim().is_empty() => Some(s.to_string()),
        Some((at, DeValue::String(_))) => {
            errors.push(place.error_at(at, format!("`{key}` is empty")));
            None
        }
        Some((at, other)) => {
            errors.push(place.error_at(
                at,
                format!("`{key}` must be a string, found {}", other.type_str()),
            ));
            None
        }
        None => {
            errors.push(place.error(format!("missing required top-level key `{key}`")));
            None
        }
    }
}

/// `section`: the reference's headings above the table, outermost first, joined with " · ".
fn section(doc: &DeTable<'_>, place: &Place<'_>, errors: &mut Vec<DataError>) -> Option<String> {
    match get(doc, "section").map(|v| (v.span().start, v.get_ref())) {
        Some((_, DeValue::Array(items))) if !items.is_empty() => {
            strings_of(items, "section", place, errors).map(|h| h.join(" · "))
        }
        Some((at, DeValue::Array(_))) => {
            errors.push(place.error_at(at, "`section` is an empty list"));
            None
        }
        _ => top_string(doc, "section", place, errors),
    }
}

fn required_string(
    row: &DeTable<'_>,
    key: &str,
    place: &Place<'_>,
    errors: &mut Vec<DataError>,
) -> Option<String> {
    if get(row, key).is_none() {
        errors.push(place.error(format!("missing required field `{key}`")));
        return None;
    }
    optional_string(row, key, place, errors)
}

fn optional_string(
    row: &DeTable<'_>,
    key: &str,
    place: &Place<'_>,
    errors: &mut Vec<DataError>,
) -> Option<String> {
    match get(row, key).map(|v| (v.span().start, v.get_ref())) {
        None => None,
        Some((at, DeValue::String(s))) => match clean_text(s, key) {
            Ok(s) => Some(s),
            Err(message) => {
                errors.push(place.error_at(at, message));
                None
            }
        },
        Some((at, other)) => {
            errors.push(place.error_at(
                at,
                format!("`{key}` must be a string, found {}", other.type_str()),
            ));
            None
        }
    }
}

/// A text must be one line, not blank, and free of stray spaces at its ends.
fn clean_text(s: &str, key: &str) -> Result<String, String> {
    if s.trim().is_empty() {
        Err(format!("`{key}` is empty"))
    } else if s.contains(['\n', '\r']) {
        Err(format!("`{key}` has a line break; texts are one line"))
    } else if s.trim() != s {
        Err(format!("`{key}` has spaces at its start or end"))
    } else {
        Ok(s.to_string())
    }
}

/// Reports every key of `field` (a table of texts by language) other than `zh` and `en`.
fn only_languages(
    table: &DeTable<'_>,
    field: &str,
    place: &Place<'_>,
    errors: &mut Vec<DataError>,
) {
    for (k, _) in table.iter() {
        let name: &str = k.get_ref();
        if name != "zh" && name != "en" {
            errors.push(place.error_at(
                k.span().start,
                format!("unknown field `{field}.{name}` (only `zh` and `en`)"),
            ));
        }
    }
}

/// `description` or `cause`: a table with `zh` and `en`, each a string or a list of strings.
fn text(
    row: &DeTable<'_>,
    key: &str,
    place: &Place<'_>,
    errors: &mut Vec<DataError>,
) -> Option<Text> {
    let value = get(row, key)?;
    let at = value.span().start;
    let DeValue::Table(table) = value.get_ref() else {
        errors.push(place.error_at(at, format!("`{key}` must be a table with `zh` and `en`")));
        return None;
    };
    only_languages(table, key, place, errors);
    let mut one = |lang: &str, joiner: &str| -> Option<(String, usize)> {
        let full = format!("{key}.{lang}");
        match get(table, lang).map(|v| (v.span().start, v.get_ref())) {
            None => {
                errors.push(place.error_at(at, format!("missing required field `{full}`")));
                None
            }
            Some((at, DeValue::String(s))) => match clean_text(s, &full) {
                Ok(s) => Some((s, 1)),
                Err(message) => {
                    errors.push(place.error_at(at, message));
                    None
                }
            },
            Some((at, DeValue::Array(_))) => {
                let items = string_list(table, at, &full, lang, place, errors)?;
                if items.is_empty() {
                    errors.push(place.error_at(at, format!("`{full}` is an empty list")));
                    return None;
                }
                let n = items.len();
                Some((items.join(joiner), n))
            }
            Some((at, other)) => {
                errors.push(place.error_at(
                    at,
                    format!(
                        "`{full}` must be a string or a list of strings, found {}",
                        other.type_str()
                    ),
                ));
                None
            }
        }
    };
    let zh = one("zh", "；");
    let en = one("en", "; ");
    let ((zh, nz), (en, ne)) = (zh?, en?);
    if nz != ne {
        errors.push(place.error_near(
            value_start(table, "en"),
            format!(
                "`{key}.zh` has {nz} items but `{key}.en` has {ne}: the Chinese and English lists must have the same length"
            ),
        ));
        return None;
    }
    Some(Text { zh, en })
}

/// The list `key` of `table` (whose own value starts at `at`), every item a clean string.
fn string_list(
    table: &DeTable<'_>,
    at: usize,
    full: &str,
    key: &str,
    place: &Place<'_>,
    errors: &mut Vec<DataError>,
) -> Option<Vec<String>> {
    match get(table, key).map(|v| (v.span().start, v.get_ref())) {
        None => {
            errors.push(place.error_at(at, format!("missing required field `{full}`")));
            None
        }
        Some((_, DeValue::Array(items))) => strings_of(items, full, place, errors),
        Some((at, other)) => {
            errors.push(place.error_at(
                at,
                format!(
                    "`{full}` must be a list of strings, found {}",
                    other.type_str()
                ),
            ));
            None
        }
    }
}

fn strings_of(
    items: &DeArray<'_>,
    full: &str,
    place: &Place<'_>,
    errors: &mut Vec<DataError>,
) -> Option<Vec<String>> {
    let mut out = Vec::new();
    let mut ok = true;
    for (i, item) in items.iter().enumerate() {
        let at = item.span().start;
        match item.get_ref() {
            DeValue::String(s) => match clean_text(s, &format!("{full}[{}]", i + 1)) {
                Ok(s) => out.push(s),
                Err(message) => {
                    errors.push(place.error_at(at, message));
                    ok = false;
                }
            },
            other => {
                errors.push(place.error_at(
                    at,
                    format!(
                        "`{full}[{}]` must be a string, found {}",
                        i + 1,
                        other.type_str()
                    ),
                ));
                ok = false;
            }
        }
    }
    ok.then_some(out)
}
