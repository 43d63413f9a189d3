//! The tables as a whole: row counts, round trips of every code through every conversion, and
//! the hygiene of every text.

use std::collections::HashSet;

use geetest_codes::{
    carrier, entries, find, h5_onelogin, h5_onepass, lookup, lookup_name, onelogin, onepass,
    Carrier, Entry, Lang, Layer, Product, Table, TableCode,
};
use strum::{EnumCount, IntoEnumIterator, VariantNames};

/// Row counts of the fifteen tables, counted from the vendor's reference.
const ROWS: [(Table, usize); 15] = [
    (Table::OneLoginServer, 23),
    (Table::OneLoginAndroid, 24),
    (Table::OneLoginIos, 23),
    (Table::OnePassServer, 18),
    (Table::OnePassAndroid, 20),
    (Table::OnePassIos, 10),
    (Table::H5OneLoginServer, 13),
    (Table::H5OneLoginWeb, 18),
    (Table::H5OneLoginMiniProgram, 10),
    (Table::H5OnePassServer, 16),
    (Table::H5OnePassWeb, 10),
    (Table::H5OnePassMiniProgram, 7),
    (Table::ChinaMobile, 12),
    (Table::ChinaUnicom, 11),
    (Table::ChinaTelecom, 14),
];

#[test]
fn each_table_has_the_reference_row_count() {
    for (table, rows) in ROWS {
        assert_eq!(table.len(), rows, "{table}");
        assert_eq!(table.entries().len(), rows, "{table}");
        assert!(
            table.entries().iter().all(|e| e.table() == table),
            "{table}"
        );
    }
    assert_eq!(entries().len(), 229);
}

#[test]
fn entries_are_in_table_order() {
    let order: Vec<Table> = entries().iter().map(Entry::table).collect();
    let mut sorted = order.clone();
    sorted.sort();
    assert_eq!(order, sorted);
    assert_eq!(entries()[0].code(), 200);
    assert_eq!(entries()[228].code(), 80102);
}

/// Checks every conversion of one typed enum against its table.
fn round_trip<T>(count: usize, names: &[&str])
where
    T: TableCode + IntoEnumIterator + std::str::FromStr + TryFrom<i32> + Into<&'static str>,
    T: Into<i32> + MaybeSerde,
    <T as std::str::FromStr>::Err: std::fmt::Debug,
{
    let table = T::TABLE;
    let variants: Vec<T> = T::iter().collect();
    assert_eq!(variants.len(), count, "{table}: EnumCount");
    assert_eq!(variants.len(), table.len(), "{table}: variants vs rows");
    assert_eq!(names.len(), table.len(), "{table}: VariantNames");

    for (variant, entry) in variants.iter().zip(table.entries()) {
        let v = *variant;
        // Enum -> code -> entry, and the entry names the variant.
        assert_eq!(v.code(), entry.code());
        assert_eq!(Into::<i32>::into(v), entry.code());
        assert!(std::ptr::eq(v.entry(), entry), "{table} {}", entry.code());
        let name: &'static str = v.into();
        assert_eq!(name, entry.name());

        // Code -> enum, through every number of the row.
        for &number in std::iter::once(&entry.code()).chain(entry.aliases()) {
            assert_eq!(T::try_from(number).ok(), Some(v), "{table} {number}");
            assert_eq!(T::from_code(number), Some(v));
            assert_eq!(number.to_string().parse::<T>().ok(), Some(v));
            assert!(std::ptr::eq(lookup(table, number).unwrap(), entry));
        }
        // Name -> enum.
        assert_eq!(entry.name().parse::<T>().ok(), Some(v));
        assert_eq!(T::from_name(entry.name()), Some(v));
        assert!(std::ptr::eq(
            lookup_name(table, entry.name()).unwrap(),
            entry
        ));

        #[cfg(feature = "serde")]
        serde_round_trip(v, entry);

        // Display names the table, the code and the English description.
        assert_eq!(
            v.to_string(),
            format!(
                "{} {}: {}",
                table.slug(),
                entry.code(),
                entry.description(Lang::En)
            )
        );
    }
}

/// serde's traits when the `serde` feature is on, nothing otherwise.
#[cfg(feature = "serde")]
trait MaybeSerde: serde::Serialize + serde::de::DeserializeOwned {}
#[cfg(feature = "serde")]
impl<T: serde::Serialize + serde::de::DeserializeOwned> MaybeSerde for T {}
#[cfg(not(feature = "serde"))]
trait MaybeSerde {}
#[cfg(not(feature = "serde"))]
impl<T> MaybeSerde for T {}

/// Serializes as the integer code; deserializes from every number of the row, as an integer
/// or a decimal string.
#[cfg(feature = "serde")]
fn serde_round_trip<T>(v: T, entry: &Entry)
where
    T: TableCode + serde::Serialize + serde::de::DeserializeOwned,
{
    assert_eq!(serde_json::to_string(&v).unwrap(), entry.code().to_string());
    for &number in std::iter::once(&entry.code()).chain(entry.aliases()) {
        assert_eq!(serde_json::from_str::<T>(&number.to_string()).unwrap(), v);
        assert_eq!(
            serde_json::from_str::<T>(&format!("\"{number}\"")).unwrap(),
            v
        );
        let code: geetest_codes::Code<T> = serde_json::from_str(&number.to_string()).unwrap();
        assert_eq!(code, geetest_codes::Code::Known(v));
    }
    let json = serde_json::to_value(entry).unwrap();
    assert_eq!(json["code"], entry.code());
    assert_eq!(json["name"], entry.name());
    assert_eq!(json["table"], entry.table().slug());
}

#[test]
fn every_code_round_trips_through_every_conversion() {
    round_trip::<onelogin::ServerCode>(onelogin::ServerCode::COUNT, onelogin::ServerCode::VARIANTS);
    round_trip::<onelogin::AndroidCode>(
        onelogin::AndroidCode::COUNT,
        onelogin::AndroidCode::VARIANTS,
    );
    round_trip::<onelogin::IosCode>(onelogin::IosCode::COUNT, onelogin::IosCode::VARIANTS);
    round_trip::<onepass::ServerCode>(onepass::ServerCode::COUNT, onepass::ServerCode::VARIANTS);
    round_trip::<onepass::AndroidCode>(onepass::AndroidCode::COUNT, onepass::AndroidCode::VARIANTS);
    round_trip::<onepass::IosCode>(onepass::IosCode::COUNT, onepass::IosCode::VARIANTS);
    round_trip::<h5_onelogin::ServerCode>(
        h5_onelogin::ServerCode::COUNT,
        h5_onelogin::ServerCode::VARIANTS,
    );
    round_trip::<h5_onelogin::WebCode>(h5_onelogin::WebCode::COUNT, h5_onelogin::WebCode::VARIANTS);
    round_trip::<h5_onelogin::MiniProgramCode>(
        h5_onelogin::MiniProgramCode::COUNT,
        h5_onelogin::MiniProgramCode::VARIANTS,
    );
    round_trip::<h5_onepass::ServerCode>(
        h5_onepass::ServerCode::COUNT,
        h5_onepass::ServerCode::VARIANTS,
    );
    round_trip::<h5_onepass::WebCode>(h5_onepass::WebCode::COUNT, h5_onepass::WebCode::VARIANTS);
    round_trip::<h5_onepass::MiniProgramCode>(
        h5_onepass::MiniProgramCode::COUNT,
        h5_onepass::MiniProgramCode::VARIANTS,
    );
    round_trip::<carrier::ChinaMobileCode>(
        carrier::ChinaMobileCode::COUNT,
        carrier::ChinaMobileCode::VARIANTS,
    );
    round_trip::<carrier::ChinaUnicomCode>(
        carrier::ChinaUnicomCode::COUNT,
        carrier::ChinaUnicomCode::VARIANTS,
    );
    round_trip::<carrier::ChinaTelecomCode>(
        carrier::ChinaTelecomCode::COUNT,
        carrier::ChinaTelecomCode::VARIANTS,
    );
}

#[test]
fn the_signature_error_of_onelogin_server() {
    let entry = lookup(Table::OneLoginServer, 12105).unwrap();
    assert_eq!(entry.name(), "SignatureError");
    assert_eq!(entry.description(Lang::Zh), "签名错误");
    assert_eq!(entry.description(Lang::En), "Signature error");
    assert_eq!(
        entry.remediation(Lang::Zh),
        ["检查是否未上传时间戳", "检查加密方式是否错误"]
    );
    assert_eq!(entry.remediation(Lang::En).len(), 2);
    assert_eq!(entry.symbol(), None);
    assert_eq!(entry.cause(Lang::En), None);
    assert_eq!(entry.carrier(), None);
    assert_eq!(onelogin::ServerCode::SignatureError.code(), 12105);
}

#[test]
fn china_telecom_rows_answer_to_both_numbers() {
    for (old, new) in [
        (-8001, 80001),
        (-8003, 80000),
        (-8005, 80103),
        (-8100, 80004),
        (-8104, 80007),
    ] {
        let entry = lookup(Table::ChinaTelecom, old).unwrap();
        assert_eq!(entry.aliases(), [new]);
        assert!(std::ptr::eq(
            lookup(Table::ChinaTelecom, new).unwrap(),
            entry
        ));
        let typed = carrier::ChinaTelecomCode::try_from(new).unwrap();
        assert_eq!(typed.code(), old);
    }
    // 80102 is a row of its own, not an alias.
    assert_eq!(
        lookup(Table::ChinaTelecom, 80102).unwrap().aliases(),
        [] as [i32; 0]
    );
}

#[test]
fn sdk_carrier_failures_link_to_the_carrier_of_their_number() {
    let mut linked = 0;
    for entry in entries() {
        let family = match entry.code() {
            -40199..=-40100 => Some(Carrier::ChinaMobile),
            -40299..=-40200 => Some(Carrier::ChinaUnicom),
            -40399..=-40300 => Some(Carrier::ChinaTelecom),
            _ => None,
        };
        let sdk = matches!(entry.table().layer(), Layer::Android | Layer::Ios);
        assert_eq!(entry.carrier(), family.filter(|_| sdk), "{entry}");
        linked += usize::from(entry.carrier().is_some());
    }
    // OneLogin Android and iOS: six each; OnePass Android: six; OnePass iOS: three.
    assert_eq!(linked, 21);
    // The reference's text for OnePass Android -40301 names China Unicom by mistake; the
    // number decides.
    let entry = lookup(Table::OnePassAndroid, -40301).unwrap();
    assert!(entry.description(Lang::Zh).contains("联通运营商错误码"));
    assert_eq!(entry.carrier(), Some(Carrier::ChinaTelecom));
}

#[test]
fn the_same_number_in_two_tables_gives_two_entries() {
    let meanings: Vec<&Entry> = find(-20101).collect();
    let tables: Vec<Table> = meanings.iter().map(|e| e.table()).collect();
    assert_eq!(
        tables,
        [
            Table::OneLoginAndroid,
            Table::OneLoginIos,
            Table::OnePassAndroid
        ]
    );
    let texts: HashSet<&str> = meanings.iter().map(|e| e.description(Lang::Zh)).collect();
    assert_eq!(texts.len(), 3, "three different meanings of -20101");

    let left: Vec<&Entry> = find(-20302).collect();
    let tables: Vec<Table> = left.iter().map(|e| e.table()).collect();
    assert_eq!(
        tables,
        [
            Table::OneLoginAndroid,
            Table::OneLoginIos,
            Table::OnePassIos
        ]
    );
    assert_eq!(left[0].category(), geetest_codes::Category::UserCancelled);
    assert_eq!(left[1].category(), geetest_codes::Category::UserCancelled);
    assert_eq!(left[2].symbol(), Some("GOPErrorUnsupportedNetwork"));

    let closed: Vec<Table> = find(30002).map(|e| e.table()).collect();
    assert_eq!(
        closed,
        [
            Table::H5OneLoginWeb,
            Table::H5OneLoginMiniProgram,
            Table::ChinaTelecom
        ]
    );
    let telecom = lookup(Table::ChinaTelecom, 30002).unwrap();
    let web = lookup(Table::H5OneLoginWeb, 30002).unwrap();
    assert_ne!(telecom, web);
    assert!(telecom.description(Lang::Zh).contains("无法识别用户网络"));
}

#[test]
fn find_covers_every_number_of_every_table() {
    for entry in entries() {
        for &number in std::iter::once(&entry.code()).chain(entry.aliases()) {
            let found: Vec<&Entry> = find(number).collect();
            assert!(found.iter().any(|e| std::ptr::eq(*e, entry)), "{entry}");
            let expected = Table::iter()
                .filter(|t| lookup(*t, number).is_some())
                .count();
            assert_eq!(found.len(), expected, "{number}");
        }
    }
    assert_eq!(find(99999).len(), 0);
}

#[test]
fn tables_parse_from_slugs_and_lead_back_from_product_and_layer() {
    for table in Table::iter() {
        assert_eq!(table.slug().parse::<Table>(), Ok(table));
        match table.product() {
            Some(product) => assert_eq!(Table::from_parts(product, table.layer()), Some(table)),
            None => {
                assert_eq!(table.layer(), Layer::Carrier);
                assert_eq!(table.carrier().map(Carrier::table), Some(table));
            }
        }
    }
    assert_eq!(Table::from_parts(Product::H5OnePass, Layer::Android), None);
    assert_eq!(Table::iter().count(), Table::COUNT);
    let error = "onelogin/windows".parse::<Table>().unwrap_err();
    let message = error.to_string();
    assert!(message.contains("\"onelogin/windows\""), "{message}");
    assert!(message.contains("carrier/china-telecom"), "{message}");
}

fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// Every text of an entry, with a label for failure messages.
fn texts(entry: &Entry, lang: Lang) -> Vec<(String, &'static str)> {
    let mut out = vec![("description".to_string(), entry.description(lang))];
    if let Some(cause) = entry.cause(lang) {
        out.push(("cause".to_string(), cause));
    }
    for (i, step) in entry.remediation(lang).iter().enumerate() {
        out.push((format!("step {}", i + 1), step));
    }
    out
}

#[test]
fn every_text_is_clean() {
    const FURNITURE: [&str; 5] = [
        "返回码 描述",
        "错误码 描述",
        "描述 处理",
        "H5返回码",
        "说明 常见原因",
    ];
    for entry in entries() {
        assert_eq!(
            entry.remediation(Lang::Zh).len(),
            entry.remediation(Lang::En).len(),
            "{entry}"
        );
        for lang in [Lang::Zh, Lang::En] {
            for (label, text) in texts(entry, lang) {
                let at = format!("{entry} ({label}, {lang:?}): {text:?}");
                assert!(!text.trim().is_empty(), "{at}: empty");
                assert_eq!(text.trim(), text, "{at}: spaces at the ends");
                assert!(!text.contains(['\n', '\r', '\t']), "{at}: a line break");
                assert!(!text.contains('|'), "{at}: table markup");
                assert!(
                    !FURNITURE.iter().any(|f| text.contains(f)),
                    "{at}: page furniture"
                );
                let numbered = text.chars().next().is_some_and(|c| c.is_ascii_digit())
                    && text.chars().nth(1).is_some_and(|c| "、:：.)".contains(c));
                assert!(!numbered, "{at}: a step number");
                assert!(
                    !text.ends_with('；') && !text.ends_with(';'),
                    "{at}: a list separator"
                );
                let chars: Vec<char> = text.chars().collect();
                for w in chars.windows(3) {
                    let bad_join = is_cjk(w[0]) && w[1] == ' ' && is_cjk(w[2]);
                    assert!(!bad_join, "{at}: a space between two Chinese characters");
                }
                if lang == Lang::En {
                    assert!(!text.chars().any(is_cjk), "{at}: Chinese in the English");
                    assert!(
                        !text.chars().any(|c| "，。；：（）“”、！？".contains(c)),
                        "{at}: full-width punctuation in the English"
                    );
                } else {
                    assert!(text.chars().any(is_cjk) || text.is_ascii(), "{at}");
                }
            }
        }
        // Descriptions are phrases; steps are sentences.
        let description = entry.description(Lang::En);
        assert!(
            !description.ends_with('.'),
            "{entry}: description ends with a period"
        );
        for step in entry.remediation(Lang::En) {
            assert!(
                step.ends_with('.'),
                "{entry}: step {step:?} is not a sentence"
            );
        }
    }
}

#[test]
fn names_are_unique_identifiers_within_each_table() {
    for table in Table::iter() {
        let mut seen = HashSet::new();
        for entry in table.entries() {
            let name = entry.name();
            assert!(
                name.chars().next().is_some_and(|c| c.is_ascii_uppercase()),
                "{name}"
            );
            assert!(name.chars().all(|c| c.is_ascii_alphanumeric()), "{name}");
            assert!(seen.insert(name), "{table}: {name} twice");
        }
    }
}

#[test]
fn ios_onepass_rows_carry_the_sdk_symbols() {
    let entry = lookup(Table::OnePassIos, -20301).unwrap();
    assert_eq!(entry.symbol(), Some("GOPErrorInvalidPhoneNumber"));
    let with_symbols = Table::OnePassIos
        .entries()
        .iter()
        .filter(|e| e.symbol().is_some())
        .count();
    // Every row but the three carrier failures.
    assert_eq!(with_symbols, 7);
    assert!(entries()
        .iter()
        .filter(|e| e.symbol().is_some())
        .all(|e| e.table() == Table::OnePassIos));
}

#[test]
fn h5_web_rows_have_the_cause_column() {
    for table in [Table::H5OneLoginWeb, Table::H5OnePassWeb] {
        assert!(
            table.entries().iter().all(|e| e.cause(Lang::Zh).is_some()),
            "{table}"
        );
    }
    let entry = lookup(Table::H5OnePassWeb, 100).unwrap();
    assert_eq!(entry.cause(Lang::Zh), Some("断网，超时或者跨域"));
}

#[test]
fn texts_with_surrounding_whitespace_parse_as_their_trimmed_selves() {
    use onelogin::ServerCode;
    // A name of seven bytes, one of fourteen, a number and an alias-free code, each with
    // whitespace before, after or both, including a full-width space (U+3000).
    for text in ["Success", "SignatureError", "12105", "+12105"] {
        let expected = text.parse::<ServerCode>().unwrap();
        for padded in [
            format!(" {text}"),
            format!("{text}\t"),
            format!("\n{text} "),
            format!("\u{3000}{text}\u{3000}"),
        ] {
            assert_eq!(padded.parse::<ServerCode>(), Ok(expected), "{padded:?}");
            assert_eq!(
                padded.parse::<geetest_codes::Code<ServerCode>>(),
                Ok(geetest_codes::Code::Known(expected)),
                "{padded:?}"
            );
        }
    }
    assert_eq!(
        " onelogin/server\n".parse::<Table>(),
        Ok(Table::OneLoginServer)
    );
    assert_eq!(
        "\u{3000}carrier/china-mobile".parse::<Table>(),
        Ok(Table::ChinaMobile)
    );

    // Whitespace inside, or a name in the wrong case, is still refused, and the error keeps the
    // input as it arrived.
    for bad in [
        "Signature Error",
        " signatureerror ",
        "SUCCESS",
        "Success\u{0}",
    ] {
        let error = bad.parse::<ServerCode>().unwrap_err();
        assert_eq!(error.input(), bad);
        assert_eq!(error.kind(), geetest_codes::ParseCodeErrorKind::Invalid);
    }
    let error = " 99999 ".parse::<ServerCode>().unwrap_err();
    assert_eq!(
        (error.input(), error.kind(), error.code()),
        (
            " 99999 ",
            geetest_codes::ParseCodeErrorKind::Unknown,
            Some(99999)
        )
    );
    assert_eq!(
        " onelogin/server x".parse::<Table>().unwrap_err().input(),
        " onelogin/server x"
    );
}

#[test]
fn numbers_with_leading_zeros_and_at_the_limits_of_i32() {
    use geetest_codes::{Code, ParseCodeErrorKind};
    use onelogin::ServerCode;
    assert_eq!("0000000012105".parse(), Ok(ServerCode::SignatureError));
    assert_eq!(
        "+000000000000012105".parse(),
        Ok(ServerCode::SignatureError)
    );
    for (text, n) in [
        ("2147483647", i32::MAX),
        ("-2147483648", i32::MIN),
        ("-000000000002147483648", i32::MIN),
        ("000000000000", 0),
        ("-0", 0),
    ] {
        assert_eq!(
            text.parse::<Code<ServerCode>>(),
            Ok(Code::Unknown(n)),
            "{text}"
        );
    }
    for text in [
        "2147483648",
        "-2147483649",
        "00000000002147483648",
        "99999999999",
    ] {
        let error = text.parse::<Code<ServerCode>>().unwrap_err();
        assert_eq!(error.kind(), ParseCodeErrorKind::OutOfRange, "{text}");
    }
    // A stray character makes the text no number, even after the digits overflow.
    for text in ["2147483648x", "000000000000x", "12105-", "--12105", "+"] {
        let error = text.parse::<Code<ServerCode>>().unwrap_err();
        assert_eq!(error.kind(), ParseCodeErrorKind::Invalid, "{text}");
    }
}
