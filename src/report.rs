//! Failure reports from apps and pages, and the diagnosis drawn from them.
//!
//! The Android SDKs report a failure as JSON such as
//! `{"status":500,"errorCode":"-40101","process_id":"…","operator":"CM","metadata":{"resultCode":"103111"}}`;
//! the iOS SDKs name the carrier `CM`/`CU`/`CT` too, and the H5 callbacks give `{"code":10010}`.
//! [`ClientReport`] reads any of these shapes through serde (unknown keys are ignored), and
//! [`ClientReport::diagnose`] turns it into a [`Diagnosis`]: the entry, the carrier and the
//! carrier's own entry.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::ser::{Serialize, SerializeStruct, Serializer};

use crate::codes::{read_number, Number};
use crate::{lookup, Carrier, Entry, Table};

/// A code as it stood in a report: an integer, a string, or something else.
#[derive(Debug, Clone, PartialEq)]
enum RawCode {
    Int(i128),
    Float(f64),
    Text(String),
    Other(&'static str),
}

impl RawCode {
    /// Whether the value stands for no code at all: `null` or an empty string.
    fn is_blank(&self) -> bool {
        match self {
            RawCode::Other(kind) => *kind == "null",
            RawCode::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }

    /// The code as an `i32`, or why it is not one.
    fn number(&self) -> Result<i32, String> {
        match self {
            RawCode::Int(n) => i32::try_from(*n).map_err(|_| format!("{n} does not fit in an i32")),
            // JSON writers in some languages send whole numbers as 12105.0.
            RawCode::Float(f) if f.fract() != 0.0 || !f.is_finite() => {
                Err(format!("{f} is not an integer"))
            }
            RawCode::Float(f) => {
                crate::codes::integral_f64(*f).ok_or_else(|| format!("{f} does not fit in an i32"))
            }
            RawCode::Text(s) => {
                let text = s.trim();
                match read_number(text) {
                    Number::Fits(n) => Ok(n),
                    Number::OutOfRange => Err(format!("{s:?} does not fit in an i32")),
                    _ => Err(format!("{s:?} is not a decimal integer")),
                }
            }
            RawCode::Other(kind) => Err(format!("the value is {kind}, not a number or a string")),
        }
    }
}

struct RawCodeVisitor;

impl<'de> Visitor<'de> for RawCodeVisitor {
    type Value = RawCode;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a code")
    }

    fn visit_i64<E>(self, v: i64) -> Result<RawCode, E> {
        Ok(RawCode::Int(v.into()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<RawCode, E> {
        Ok(RawCode::Int(v.into()))
    }
    fn visit_i128<E>(self, v: i128) -> Result<RawCode, E> {
        Ok(RawCode::Int(v))
    }
    fn visit_u128<E>(self, v: u128) -> Result<RawCode, E> {
        Ok(RawCode::Int(i128::try_from(v).unwrap_or(i128::MAX)))
    }
    fn visit_f64<E>(self, v: f64) -> Result<RawCode, E> {
        Ok(RawCode::Float(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<RawCode, E> {
        Ok(RawCode::Text(v.to_string()))
    }
    fn visit_bool<E>(self, _: bool) -> Result<RawCode, E> {
        Ok(RawCode::Other("a boolean"))
    }
    fn visit_unit<E>(self) -> Result<RawCode, E> {
        Ok(RawCode::Other("null"))
    }
    fn visit_none<E>(self) -> Result<RawCode, E> {
        Ok(RawCode::Other("null"))
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<RawCode, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<RawCode, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(RawCode::Other("a list"))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawCode, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(RawCode::Other("an object"))
    }
}

impl<'de> Deserialize<'de> for RawCode {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(RawCodeVisitor)
    }
}

/// A text field that may also arrive as a number (`"op": 1`) or as something unusable.
struct Loose(Option<String>);

impl<'de> Deserialize<'de> for Loose {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Loose(match RawCode::deserialize(d)? {
            RawCode::Text(s) => Some(s),
            RawCode::Int(n) => Some(n.to_string()),
            RawCode::Float(_) | RawCode::Other(_) => None,
        }))
    }
}

/// The keys of a carrier's raw response that hold its code, most specific first.
const CARRIER_CODE_KEYS: [&str; 5] = ["resultCode", "result_code", "errorCode", "code", "result"];

/// The carrier's raw response: only its code is kept.
#[derive(Default)]
struct Metadata {
    /// The code under the most specific of [`CARRIER_CODE_KEYS`], and that key's rank.
    code: Option<(usize, RawCode)>,
    /// What the metadata was, when it was not an object.
    not_object: Option<&'static str>,
}

impl Metadata {
    fn shaped(kind: &'static str) -> Self {
        Metadata {
            code: None,
            not_object: Some(kind),
        }
    }
}

impl<'de> Deserialize<'de> for Metadata {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct MetadataVisitor;
        impl<'de> Visitor<'de> for MetadataVisitor {
            type Value = Metadata;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("the carrier's response")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Metadata, A::Error> {
                let mut found = Metadata::default();
                while let Some(key) = map.next_key::<String>()? {
                    match CARRIER_CODE_KEYS.iter().position(|k| *k == key) {
                        Some(rank) if found.code.as_ref().is_none_or(|(r, _)| rank < *r) => {
                            // A null or empty value gives way to the next key, as the report's
                            // own code keys do.
                            let value: RawCode = map.next_value()?;
                            if !value.is_blank() {
                                found.code = Some((rank, value));
                            }
                        }
                        _ => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                Ok(found)
            }
            // Anything that is not an object holds no readable carrier code; the diagnosis says
            // what the metadata was instead. An SDK that sends its metadata as a JSON text inside
            // a string is not decoded: that would need a JSON parser in the library, which only
            // the `cli` feature brings.
            fn visit_str<E>(self, _: &str) -> Result<Metadata, E> {
                Ok(Metadata::shaped("a string"))
            }
            fn visit_i64<E>(self, _: i64) -> Result<Metadata, E> {
                Ok(Metadata::shaped("a number"))
            }
            fn visit_u64<E>(self, _: u64) -> Result<Metadata, E> {
                Ok(Metadata::shaped("a number"))
            }
            fn visit_f64<E>(self, _: f64) -> Result<Metadata, E> {
                Ok(Metadata::shaped("a number"))
            }
            fn visit_bool<E>(self, _: bool) -> Result<Metadata, E> {
                Ok(Metadata::shaped("a boolean"))
            }
            fn visit_unit<E>(self) -> Result<Metadata, E> {
                Ok(Metadata::default())
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Metadata, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Metadata::shaped("a list"))
            }
        }
        d.deserialize_any(MetadataVisitor)
    }
}

/// The failure report an app or page sends: read with serde from its JSON.
///
/// Recognised keys: the code in `errorCode` (OneLogin SDKs), `code` (OnePass SDKs, H5) or,
/// failing both and for a server table only, `status` (the server APIs' replies), as an
/// integer, a whole-number float or a decimal string; the first of them that is neither
/// `null` nor an empty string is the code. The carrier in `operator`, `operatorType`, `op` or
/// `real_op` (`CM`, `CU`, `CT`, or a carrier's name); the carrier's raw response in
/// `metadata`, whose `resultCode` (or `result_code`, `errorCode`, `code`, `result`) is the
/// carrier's own code; and `process_id` or `processID`. Other keys are ignored, and no key is
/// required: a report without a readable code is refused by [`ClientReport::diagnose`], not
/// by deserialization.
///
/// ```
/// use geetest_codes::{Carrier, ClientReport, Table};
///
/// let json = r#"{"status":500,"errorCode":"-40101","operator":"CM",
///                "process_id":"8c2f…","metadata":{"resultCode":"103111"}}"#;
/// let report: ClientReport = serde_json::from_str(json)?;
/// let diagnosis = report.diagnose(Table::OneLoginAndroid)?;
/// assert_eq!(diagnosis.code(), -40101);
/// assert_eq!(diagnosis.carrier(), Some(Carrier::ChinaMobile));
/// assert_eq!(diagnosis.carrier_entry().unwrap().code(), 103111);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct ClientReport {
    error_code: Option<RawCode>,
    code: Option<RawCode>,
    status: Option<RawCode>,
    operator: Option<String>,
    carrier_code: Option<RawCode>,
    metadata_not_object: Option<&'static str>,
    process_id: Option<String>,
}

impl<'de> Deserialize<'de> for ClientReport {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct ReportVisitor;
        impl<'de> Visitor<'de> for ReportVisitor {
            type Value = ClientReport;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a failure report (a JSON object)")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<ClientReport, A::Error> {
                let mut report = ClientReport::default();
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "errorCode" => report.error_code = Some(map.next_value()?),
                        "code" => report.code = Some(map.next_value()?),
                        "status" => report.status = Some(map.next_value()?),
                        "operator" | "operatorType" | "op" | "real_op" => {
                            let Loose(value) = map.next_value()?;
                            // The first operator that names a carrier wins; a value
                            // that names none is kept only while nothing better came.
                            let names_carrier = value
                                .as_deref()
                                .is_some_and(|v| v.parse::<Carrier>().is_ok());
                            let have_carrier = report
                                .operator
                                .as_deref()
                                .is_some_and(|v| v.parse::<Carrier>().is_ok());
                            if !have_carrier && (names_carrier || report.operator.is_none()) {
                                report.operator = value;
                            }
                        }
                        "metadata" => {
                            let metadata: Metadata = map.next_value()?;
                            report.carrier_code = metadata.code.map(|(_, code)| code);
                            report.metadata_not_object = metadata.not_object;
                        }
                        "process_id" | "processID" => {
                            let Loose(value) = map.next_value()?;
                            if report.process_id.is_none() {
                                report.process_id = value;
                            }
                        }
                        _ => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                Ok(report)
            }
        }
        d.deserialize_map(ReportVisitor)
    }
}

/// Why a report could not be diagnosed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ReportError {
    /// The report has no `errorCode`, `code` or `status`, or only `null` or empty ones.
    #[error(
        "the report for the {table} table has no code (expected `errorCode` or `code`, or `status` from a server API)"
    )]
    MissingCode {
        /// The table the report was read for.
        table: Table,
    },
    /// The report's code is not an integer or a decimal string that fits in an `i32`.
    #[error("the report for the {table} table has an unreadable `{key}`: {reason}")]
    MalformedCode {
        /// The table the report was read for.
        table: Table,
        /// The key that held the code.
        key: &'static str,
        /// What is wrong with it.
        reason: String,
    },
}

impl ClientReport {
    /// Diagnoses the report as one from `table`: its entry, its carrier and the carrier's entry.
    ///
    /// Fails only when the report has no readable code; a code the table does not know gives a
    /// diagnosis without an entry, keeping the number.
    pub fn diagnose(&self, table: Table) -> Result<Diagnosis, ReportError> {
        // `status` is the server APIs' code. The SDKs' reports carry `"status":500` beside their
        // real code, so it counts only for a server table, and only after the other two.
        let status = if table.layer() == crate::Layer::Server {
            &self.status
        } else {
            &None
        };
        let (key, raw) = [
            ("errorCode", &self.error_code),
            ("code", &self.code),
            ("status", status),
        ]
        .into_iter()
        .find_map(|(key, raw)| raw.as_ref().filter(|r| !r.is_blank()).map(|r| (key, r)))
        .ok_or(ReportError::MissingCode { table })?;
        let code =
            raw.number()
                .map_err(|reason| ReportError::MalformedCode { table, key, reason })?;
        let entry = lookup(table, code);
        // A carrier table's report is about that carrier whatever `operator` says; otherwise
        // the code's own carrier link, then the report's `operator`.
        let carrier = table
            .carrier()
            .or_else(|| entry.and_then(Entry::carrier))
            .or_else(|| self.operator.as_deref().and_then(|op| op.parse().ok()));
        // The carrier's code in `metadata` is kept even when the carrier is unknown. One that
        // cannot be read is left out, with the reason, rather than failing the diagnosis: the
        // app's own code is what the report is about. A carrier table's code is itself the
        // carrier's code, so there `metadata` is not read.
        let (carrier_code, carrier_code_problem) = match &self.carrier_code {
            _ if table.carrier().is_some() => (None, None),
            Some(raw) if !raw.is_blank() => match raw.number() {
                Ok(n) => (Some(n), None),
                Err(reason) => (None, Some(reason)),
            },
            _ => (
                None,
                self.metadata_not_object
                    .map(|kind| format!("the report's `metadata` is {kind}, not an object")),
            ),
        };
        let carrier_entry = match (carrier, carrier_code) {
            (Some(carrier), Some(code)) => lookup(carrier.table(), code),
            _ => None,
        };
        Ok(Diagnosis {
            table,
            code,
            entry,
            carrier,
            carrier_code,
            carrier_entry,
            carrier_code_problem,
            process_id: self.process_id.clone(),
        })
    }
}

/// What a failure report says: the code and its entry, the carrier and its own code.
///
/// Serializes as an object with exactly the keys `code`, `entry`, `carrier`, `carrier_code`,
/// `carrier_entry` and `process_id`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnosis {
    table: Table,
    code: i32,
    entry: Option<&'static Entry>,
    carrier: Option<Carrier>,
    carrier_code: Option<i32>,
    carrier_entry: Option<&'static Entry>,
    carrier_code_problem: Option<String>,
    process_id: Option<String>,
}

impl Diagnosis {
    /// The table the report came from.
    pub fn table(&self) -> Table {
        self.table
    }

    /// The code as received.
    pub fn code(&self) -> i32 {
        self.code
    }

    /// The code's entry, or `None` when the table does not list the code.
    pub fn entry(&self) -> Option<&'static Entry> {
        self.entry
    }

    /// The carrier: the table's own for a carrier table, else the one the code points to
    /// (-401xx/-402xx/-403xx), else the one the report names.
    pub fn carrier(&self) -> Option<Carrier> {
        self.carrier
    }

    /// The carrier's own code from the report's `metadata`, when it holds a readable one, even
    /// if the report does not say which carrier answered (then [`carrier`](Diagnosis::carrier)
    /// is `None` and so is [`carrier_entry`](Diagnosis::carrier_entry)). Always `None` for a
    /// carrier table, whose code is already the carrier's.
    pub fn carrier_code(&self) -> Option<i32> {
        self.carrier_code
    }

    /// The carrier code's entry in the carrier's table, when that table lists it.
    pub fn carrier_entry(&self) -> Option<&'static Entry> {
        self.carrier_entry
    }

    /// Why the carrier code in the report's `metadata` could not be read, when it was present
    /// but not a decimal `i32` (it is then left out of [`carrier_code`](Diagnosis::carrier_code)
    /// rather than failing the diagnosis: the app's own code is what the report is about).
    pub fn carrier_code_problem(&self) -> Option<&str> {
        self.carrier_code_problem.as_deref()
    }

    /// The report's `process_id`, which Geetest's support asks for.
    pub fn process_id(&self) -> Option<&str> {
        self.process_id.as_deref()
    }
}

impl Serialize for Diagnosis {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Diagnosis", 6)?;
        s.serialize_field("code", &self.code)?;
        s.serialize_field("entry", &self.entry)?;
        s.serialize_field("carrier", &self.carrier)?;
        s.serialize_field("carrier_code", &self.carrier_code)?;
        s.serialize_field("carrier_entry", &self.carrier_entry)?;
        s.serialize_field("process_id", &self.process_id)?;
        s.end()
    }
}
