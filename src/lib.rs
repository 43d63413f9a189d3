//! Typed error codes of Geetest's phone-number authentication products: OneLogin (one-click
//! login) and OnePass (number verification), in apps and in H5 pages and mini-programs, with
//! the carrier codes behind them.
//!
//! Geetest publishes what its codes mean only as a table in Chinese. This crate carries every
//! row of that reference, the vendor's Chinese and an English translation, the remediation
//! steps, and a decision for each code: what went wrong ([`Category`]) and what the calling
//! service should do now ([`Action`]). The same number means different things in different
//! tables, so every lookup names its [`Table`].
//!
//! # Look up a code's meaning and fix
//!
//! ```
//! use geetest_codes::{lookup, Lang, Table};
//!
//! let entry = lookup(Table::OneLoginServer, 12105).expect("12105 is in the table");
//! assert_eq!(entry.description(Lang::En), "Signature error");
//! for step in entry.remediation(Lang::En) {
//!     println!("- {step}");
//! }
//! ```
//!
//! # Match on a typed enum in error handling
//!
//! ```
//! use geetest_codes::onelogin::AndroidCode;
//! use geetest_codes::Action;
//!
//! fn handle(code: AndroidCode) -> &'static str {
//!     match code {
//!         AndroidCode::SimChanged => "pre-fetch again",
//!         other if other.action() == Action::Abandon => "the user left; say nothing",
//!         other if other.is_retryable() => "try again",
//!         _ => "offer SMS login",
//!     }
//! }
//!
//! let code = AndroidCode::try_from(-20106)?;
//! assert_eq!(handle(code), "pre-fetch again");
//! # Ok::<(), geetest_codes::UnknownCode>(())
//! ```
//!
//! # Deserialize a response that carries a code
//!
//! ```
//! # #[cfg(feature = "serde")] {
//! use geetest_codes::{onelogin::ServerCode, Code};
//!
//! #[derive(serde::Deserialize)]
//! struct CheckPhoneReply {
//!     status: Code<ServerCode>,
//! }
//!
//! let reply: CheckPhoneReply = serde_json::from_str(r#"{"status": 12200}"#)?;
//! assert_eq!(reply.status.code(), 12200);
//! // A code the tables do not list yet is kept, not lost.
//! let reply: CheckPhoneReply = serde_json::from_str(r#"{"status": 99999}"#)?;
//! assert_eq!(reply.status, Code::Unknown(99999));
//! # }
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! # The tables
//!
//! | [`Table`] | slug | typed enum |
//! |---|---|---|
//! | `OneLoginServer` | `onelogin/server` | [`onelogin::ServerCode`] |
//! | `OneLoginAndroid` | `onelogin/android` | [`onelogin::AndroidCode`] |
//! | `OneLoginIos` | `onelogin/ios` | [`onelogin::IosCode`] |
//! | `OnePassServer` | `onepass/server` | [`onepass::ServerCode`] |
//! | `OnePassAndroid` | `onepass/android` | [`onepass::AndroidCode`] |
//! | `OnePassIos` | `onepass/ios` | [`onepass::IosCode`] |
//! | `H5OneLoginServer` | `h5-onelogin/server` | [`h5_onelogin::ServerCode`] |
//! | `H5OneLoginWeb` | `h5-onelogin/web` | [`h5_onelogin::WebCode`] |
//! | `H5OneLoginMiniProgram` | `h5-onelogin/miniprogram` | [`h5_onelogin::MiniProgramCode`] |
//! | `H5OnePassServer` | `h5-onepass/server` | [`h5_onepass::ServerCode`] |
//! | `H5OnePassWeb` | `h5-onepass/web` | [`h5_onepass::WebCode`] |
//! | `H5OnePassMiniProgram` | `h5-onepass/miniprogram` | [`h5_onepass::MiniProgramCode`] |
//! | `ChinaMobile` | `carrier/china-mobile` | [`carrier::ChinaMobileCode`] |
//! | `ChinaUnicom` | `carrier/china-unicom` | [`carrier::ChinaUnicomCode`] |
//! | `ChinaTelecom` | `carrier/china-telecom` | [`carrier::ChinaTelecomCode`] |
//!
//! # How lookups work
//!
//! Every key is known when the crate is built, so `build.rs` lays out perfect-hash maps for
//! them: a lookup by table and code is two multiplications, a few loads and one compare, with
//! no start-up work and no allocation, about as fast as `FxHashMap` and several times faster
//! than a `match` or phf's SipHash-based maps (the crate's `BENCHMARKS.md` has the figures).
//! Names and slugs use a one-level variant keyed by their length and their first and last
//! eight bytes (and a middle word, in a map whose names need it), then compare the whole text,
//! kept in the map as five words, in five word compares. Parsers read a text as it arrives and
//! trim it only if that fails.
//!
//! # Features
//!
//! - `serde` (default): `Serialize` for entries and codes; `Deserialize` for codes from an
//!   integer or a decimal string.
//! - `cli`: the `geetest-codes` command, which explains any code like `rustc --explain`.

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod carrier;
mod codes;
mod entry;
mod error;
mod generated;
pub mod h5_onelogin;
pub mod h5_onepass;
pub mod onelogin;
pub mod onepass;
mod perfect_hash;
#[cfg(feature = "serde")]
mod report;
mod table;

pub use codes::{Code, TableCode};
pub use entry::{Action, Category, Entry, Lang};
pub use error::{
    ParseCarrierError, ParseCodeError, ParseCodeErrorKind, ParseTableError, UnknownCode,
};
#[cfg(feature = "serde")]
pub use report::{ClientReport, Diagnosis, ReportError};
pub use table::{Carrier, CarrierCode, Layer, Product, Table};

/// The edition of Geetest's error-code reference the data follows: the published table
/// "错误码" for OneLogin, OnePass, H5 OneLogin and H5 OnePass, with its carrier section.
pub const REFERENCE_EDITION: &str =
    "Geetest 错误码 reference, OneLogin/OnePass, as published in 2026";

/// The entry for `code` in `table`, aliases included; `None` if the table does not list it.
///
/// ```
/// use geetest_codes::{lookup, Table};
///
/// assert_eq!(lookup(Table::ChinaTelecom, 80001).unwrap().code(), -8001);
/// assert!(lookup(Table::OneLoginServer, 99999).is_none());
/// ```
#[inline]
pub fn lookup(table: Table, code: i32) -> Option<&'static Entry> {
    entry_index(table, code).map(|i| &generated::ENTRIES[i])
}

/// The index in `ENTRIES` of `code` in `table`.
#[inline]
pub(crate) fn entry_index(table: Table, code: i32) -> Option<usize> {
    let key = perfect_hash::code_key(table.index(), code);
    generated::BY_CODE.get(key).map(|&i| usize::from(i))
}

/// The entry named `name` (a variant name such as `"SignatureError"`) in `table`.
#[inline]
pub fn lookup_name(table: Table, name: &str) -> Option<&'static Entry> {
    generated::name_index(table, name).map(|i| &generated::ENTRIES[i])
}

/// Every entry whose code or alias is `code`, in any table, in table order.
///
/// A number alone is ambiguous: `30002` closes the H5 OneLogin authorization page but means an
/// unrecognised network to China Telecom.
///
/// ```
/// use geetest_codes::{find, Table};
///
/// let tables: Vec<Table> = find(30002).map(|e| e.table()).collect();
/// assert_eq!(tables, [Table::H5OneLoginWeb, Table::H5OneLoginMiniProgram, Table::ChinaTelecom]);
/// ```
#[inline]
pub fn find(code: i32) -> impl ExactSizeIterator<Item = &'static Entry> + Clone {
    let (start, end) = generated::BY_NUMBER
        .get(perfect_hash::number_key(code))
        .copied()
        .unwrap_or((0, 0));
    let indexes = generated::FIND_LIST
        .get(usize::from(start)..usize::from(end))
        .unwrap_or(&[]);
    // The indexes are written by the build script from the same table, so they are in range.
    indexes.iter().map(|&i| &generated::ENTRIES[usize::from(i)])
}

/// Every entry of every table: table order, then the reference's row order.
pub fn entries() -> &'static [Entry] {
    &generated::ENTRIES
}

/// The README's examples, compiled and run as doctests.
#[cfg(all(doctest, feature = "serde"))]
#[doc = include_str!("../README.md")]
struct ReadmeExamples;
