//! What every table's typed enum has in common, and [`Code`], the wrapper that keeps codes the
//! tables do not know yet.

use std::fmt;
use std::hash::Hash;

use crate::error::{ParseCodeError, ParseCodeErrorKind};
use crate::{Action, Category, Entry, Lang, Layer, Table};

mod sealed {
    pub trait Sealed {}
}

/// A typed code of one table: implemented by the fifteen generated enums, such as
/// [`onelogin::ServerCode`](crate::onelogin::ServerCode).
///
/// Generic code (such as [`Code<T>`]) uses it to reach a table's codes and entries. It is
/// sealed: only this crate's enums implement it.
pub trait TableCode:
    Copy
    + Eq
    + Hash
    + fmt::Debug
    + fmt::Display
    + std::error::Error
    + Send
    + Sync
    + 'static
    + sealed::Sealed
{
    /// The table the enum's codes belong to.
    const TABLE: Table;

    /// The code as the reference prints it.
    fn code(self) -> i32;

    /// The code's row in the table.
    fn entry(self) -> &'static Entry;

    /// The variant for a code or one of its aliases, or `None` if the table does not know it.
    fn from_code(code: i32) -> Option<Self>;

    /// The variant with exactly this name, such as `"SignatureError"`.
    fn from_name(name: &str) -> Option<Self>;
}

/// How a text reads as a number: an `i32`, one too large, or no number at all.
pub(crate) enum Number {
    Fits(i32),
    OutOfRange,
    Invalid,
}

/// Reads a decimal integer with an optional sign; the caller has trimmed the text.
///
/// Any character other than one leading sign and ASCII digits makes the text not a number,
/// even after an overflow; only a run of digits too large for `i32` is out of range.
///
/// Not yet as fast as the lookups: the loop reads one digit at a time and ends where the text
/// does, a branch the processor mispredicts when lengths vary, so parsing a decimal string
/// costs several lookups (BENCHMARKS.md). Reading eight digits at a time would need the text
/// copied into a padded buffer first, which has not been measured to pay off.
#[inline]
pub(crate) fn read_number(text: &str) -> Number {
    let (negative, digits) = match text.as_bytes().split_first() {
        Some((b'-', rest)) => (true, rest),
        Some((b'+', rest)) => (false, rest),
        _ => (false, text.as_bytes()),
    };
    if digits.len() > MAX_DIGITS {
        return read_long_number(negative, digits);
    }
    read_digits(negative, digits)
}

/// The most digits an `i32` has: ten digits cannot overflow the `u64` they are summed in.
const MAX_DIGITS: usize = 10;

/// [`read_number`] for at most [`MAX_DIGITS`] digits after the sign.
#[inline(always)]
fn read_digits(negative: bool, digits: &[u8]) -> Number {
    if digits.is_empty() {
        return Number::Invalid;
    }
    let mut value: u64 = 0;
    for &byte in digits {
        let digit = byte.wrapping_sub(b'0');
        if digit > 9 {
            return Number::Invalid;
        }
        value = value * 10 + u64::from(digit);
    }
    // i32::MIN's magnitude is one more than i32::MAX.
    let magnitude = i64::from(i32::MAX) + i64::from(negative);
    match i64::try_from(value) {
        Ok(v) if v <= magnitude => match i32::try_from(if negative { -v } else { v }) {
            Ok(n) => Number::Fits(n),
            Err(_) => Number::OutOfRange,
        },
        _ => Number::OutOfRange,
    }
}

/// [`read_number`] for more than [`MAX_DIGITS`] digits: leading zeros, or a number too large.
#[cold]
#[inline(never)]
fn read_long_number(negative: bool, digits: &[u8]) -> Number {
    if !digits.iter().all(u8::is_ascii_digit) {
        return Number::Invalid;
    }
    let zeros = digits.iter().take_while(|&&b| b == b'0').count();
    match digits.get(zeros..) {
        Some([]) => Number::Fits(0),
        Some(significant) if significant.len() <= MAX_DIGITS => read_digits(negative, significant),
        _ => Number::OutOfRange,
    }
}

/// A float that is a whole number within `i32`, as some JSON writers send codes (`12105.0`).
#[cfg(feature = "serde")]
pub(crate) fn integral_f64(v: f64) -> Option<i32> {
    let in_range =
        v.is_finite() && v.fract() == 0.0 && v >= f64::from(i32::MIN) && v <= f64::from(i32::MAX);
    // The checks above make the cast exact.
    in_range.then_some(v as i32)
}

/// Whether a trimmed text looks like a number rather than a name.
#[inline]
pub(crate) fn looks_numeric(text: &str) -> bool {
    matches!(text.as_bytes().first(), Some(b'+' | b'-' | b'0'..=b'9'))
}

/// The code a text names in `T`'s table, read as it stands (no trimming): a variant name, or
/// a decimal `i32` (known, through its code or an alias, or not) if it starts with a sign or a
/// digit, and nothing otherwise.
#[inline(always)]
fn read_code<T: TableCode>(text: &str) -> Option<Code<T>> {
    // A text of eight bytes or more is most likely a name (codes in the reference have at
    // most seven characters), and the name map rejects anything else in one probe, so it is
    // asked before the first byte is looked at. Shorter names all start with a capital.
    if text.len() >= 8 {
        if let Some(found) = T::from_name(text) {
            return Some(Code::Known(found));
        }
    }
    match text.as_bytes().first() {
        Some(b'A'..=b'Z') if text.len() < 8 => T::from_name(text).map(Code::Known),
        Some(b'+' | b'-' | b'0'..=b'9') => match read_number(text) {
            Number::Fits(n) => Some(Code::from_code(n)),
            _ => None,
        },
        _ => None,
    }
}

/// [`read_code`], for a code the table knows.
#[inline(always)]
fn read_known<T: TableCode>(text: &str) -> Option<T> {
    read_code(text).and_then(|code| code.known())
}

/// Parses a decimal code (aliases included) or a variant name of `T`'s table; surrounding
/// whitespace is ignored.
///
/// The text is first read as it stands, which is how nearly every text arrives; only when that
/// fails does [`parse_slow`] trim it and, if that changed anything, read it again.
#[inline]
pub(crate) fn parse<T: TableCode>(input: &str) -> Result<T, ParseCodeError> {
    match read_known(input) {
        Some(found) => Ok(found),
        None => parse_slow::<T, T>(input, read_known),
    }
}

/// Like [`parse`], but a number the table does not know is kept as [`Code::Unknown`].
#[inline]
pub(crate) fn parse_code<T: TableCode>(input: &str) -> Result<Code<T>, ParseCodeError> {
    match read_code(input) {
        Some(found) => Ok(found),
        None => parse_slow::<T, Code<T>>(input, read_code),
    }
}

/// The parsers' path for a text that did not `read` as it stands: read again once trimmed, or
/// rejected with the reason.
#[cold]
#[inline(never)]
fn parse_slow<T: TableCode, R>(
    input: &str,
    read: fn(&str) -> Option<R>,
) -> Result<R, ParseCodeError> {
    let text = trim(input);
    if text.len() != input.len() {
        if let Some(found) = read(text) {
            return Ok(found);
        }
    }
    Err(parse_error::<T>(input, text))
}

/// `text.trim()`, without the scan when the text plainly has nothing to trim: its first and
/// last bytes are visible ASCII.
#[inline]
pub(crate) fn trim(text: &str) -> &str {
    match (text.as_bytes().first(), text.as_bytes().last()) {
        (Some(first), Some(last)) if first.is_ascii_graphic() && last.is_ascii_graphic() => text,
        _ => trim_any(text),
    }
}

/// `text.trim()`, kept out of line: the Unicode scan is rare and would crowd the paths that
/// call [`trim`].
#[cold]
#[inline(never)]
fn trim_any(text: &str) -> &str {
    text.trim()
}

/// Why `input` (`text` once trimmed) is not a code of `T`'s table.
///
/// A number the table does not know is read here a second time: the hot path keeps only
/// whether it found a known code. Handing the number over instead was measured: it took 11%
/// off decimal parsing's instructions but added 5% to name parsing's, whose ratio to a lookup
/// is the target BENCHMARKS.md holds the crate to, so it was left out.
#[inline]
fn parse_error<T: TableCode>(input: &str, text: &str) -> ParseCodeError {
    let (kind, code) = match read_decimal(text) {
        Ok(n) => (ParseCodeErrorKind::Unknown, Some(n)),
        Err(kind) => (kind, None),
    };
    ParseCodeError::new(T::TABLE, input, kind, code)
}

/// A trimmed text as a decimal `i32`, or why it is none.
#[inline]
fn read_decimal(text: &str) -> Result<i32, ParseCodeErrorKind> {
    if text.is_empty() {
        Err(ParseCodeErrorKind::Empty)
    } else if !looks_numeric(text) {
        Err(ParseCodeErrorKind::Invalid)
    } else {
        match read_number(text) {
            Number::Fits(n) => Ok(n),
            Number::OutOfRange => Err(ParseCodeErrorKind::OutOfRange),
            Number::Invalid => Err(ParseCodeErrorKind::Invalid),
        }
    }
}

/// A decimal `i32` with an optional sign and surrounding whitespace, or the error that says
/// why `input` is none, checked against `table`.
pub(crate) fn parse_decimal(table: Table, input: &str) -> Result<i32, ParseCodeError> {
    read_decimal(trim(input)).map_err(|kind| ParseCodeError::new(table, input, kind, None))
}

/// A code as it arrived: one the table knows, or a number it does not know yet.
///
/// Put it in a response struct where a code is expected. It deserializes from an integer, a
/// whole-number float (`12105.0`) or a decimal string, never fails on a number that fits in an
/// `i32`, and serializes an unknown code back unchanged, so a reply is never lost because the
/// vendor added a code. A known code serializes as its row's code: China Telecom's alias
/// `80001` comes back as `-8001`, the number the reference lists first for that row.
/// Formats that are not human-readable (bincode, postcard, MessagePack, CBOR) read it as an
/// integer, the form it is written in: there a code sent as a string or a float is an error.
///
/// ```
/// use geetest_codes::{onelogin::ServerCode, Action, Code};
///
/// let known = Code::<ServerCode>::from_code(12105);
/// assert_eq!(known, Code::Known(ServerCode::SignatureError));
///
/// let unknown = Code::<ServerCode>::from_code(99999);
/// assert_eq!(unknown.code(), 99999);
/// assert_eq!(unknown.action(), Action::Fallback);
/// ```
///
/// For a code the table does not know, [`category`](Code::category) is
/// [`Category::Carrier`] in the carrier tables and [`Category::Service`] elsewhere, and
/// [`action`](Code::action) is [`Action::Fallback`]: the conservative choice, which neither
/// retries blindly nor drops the attempt silently.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Code<T> {
    /// A code of the table.
    Known(T),
    /// A number the table does not list, kept as it arrived.
    Unknown(i32),
}

impl<T: TableCode> Code<T> {
    /// The known code for `code`, or `Unknown(code)`.
    pub fn from_code(code: i32) -> Self {
        match T::from_code(code) {
            Some(known) => Code::Known(known),
            None => Code::Unknown(code),
        }
    }

    /// The number: the known code's, or the unknown one as it arrived.
    ///
    /// A known code read through an alias gives the row's main code (China Telecom's `80001`
    /// reads as `-8001`).
    pub fn code(&self) -> i32 {
        match *self {
            Code::Known(known) => known.code(),
            Code::Unknown(n) => n,
        }
    }

    /// The typed code, if the table knows it.
    pub fn known(&self) -> Option<T> {
        match *self {
            Code::Known(known) => Some(known),
            Code::Unknown(_) => None,
        }
    }

    /// The code's row, if the table knows it.
    pub fn entry(&self) -> Option<&'static Entry> {
        self.known().map(TableCode::entry)
    }

    /// Whether the table knows the code.
    pub fn is_known(&self) -> bool {
        matches!(self, Code::Known(_))
    }

    /// What went wrong. For an unknown code: [`Category::Carrier`] in a carrier table,
    /// [`Category::Service`] elsewhere.
    pub fn category(&self) -> Category {
        match self.entry() {
            Some(entry) => entry.category(),
            None if T::TABLE.layer() == Layer::Carrier => Category::Carrier,
            None => Category::Service,
        }
    }

    /// What to do with the attempt now. For an unknown code: [`Action::Fallback`].
    pub fn action(&self) -> Action {
        self.entry().map_or(Action::Fallback, Entry::action)
    }

    /// Whether the code reports success. An unknown code never does.
    pub fn is_success(&self) -> bool {
        self.entry().is_some_and(Entry::is_success)
    }

    /// Whether the same attempt may succeed later. An unknown code is not retried.
    pub fn is_retryable(&self) -> bool {
        self.entry().is_some_and(Entry::is_retryable)
    }

    /// The code's description, or `None` for an unknown code.
    pub fn description(&self, lang: Lang) -> Option<&'static str> {
        self.entry().map(|e| e.description(lang))
    }
}

impl<T: TableCode> From<i32> for Code<T> {
    fn from(code: i32) -> Self {
        Code::from_code(code)
    }
}

impl<T: TableCode> From<Code<T>> for i32 {
    fn from(code: Code<T>) -> i32 {
        code.code()
    }
}

impl<T: TableCode> fmt::Display for Code<T> {
    /// A known code displays as its enum does (`onelogin/server 12105: Signature error`); an
    /// unknown one as `onelogin/server 99999: unknown code`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Code::Known(known) => fmt::Display::fmt(known, f),
            Code::Unknown(n) => write!(f, "{} {n}: unknown code", T::TABLE.slug()),
        }
    }
}

impl<T: TableCode> std::str::FromStr for Code<T> {
    type Err = ParseCodeError;

    /// Parses a decimal number (kept even if the table does not know it) or a variant name.
    #[inline]
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse_code::<T>(s)
    }
}

#[cfg(feature = "serde")]
pub(crate) mod serde_impl {
    use std::fmt;
    use std::marker::PhantomData;

    use serde::de::{self, Deserializer, Visitor};
    use serde::ser::{Serialize, Serializer};

    use super::{parse_code, Code, TableCode};
    use crate::error::{ParseCodeError, ParseCodeErrorKind};

    /// Reads an integer or a decimal string into a `Code<T>`.
    struct CodeVisitor<T>(PhantomData<T>);

    impl<T: TableCode> CodeVisitor<T> {
        fn out_of_range<E: de::Error>(shown: &dyn fmt::Display) -> E {
            let input = shown.to_string();
            E::custom(ParseCodeError::new(
                T::TABLE,
                &input,
                ParseCodeErrorKind::OutOfRange,
                None,
            ))
        }
    }

    impl<'de, T: TableCode> Visitor<'de> for CodeVisitor<T> {
        type Value = Code<T>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(
                f,
                "a code of the {} table, as an integer or a decimal string",
                T::TABLE
            )
        }

        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
            i32::try_from(v)
                .map(Code::from_code)
                .map_err(|_| Self::out_of_range(&v))
        }

        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
            i32::try_from(v)
                .map(Code::from_code)
                .map_err(|_| Self::out_of_range(&v))
        }

        fn visit_i128<E: de::Error>(self, v: i128) -> Result<Self::Value, E> {
            i32::try_from(v)
                .map(Code::from_code)
                .map_err(|_| Self::out_of_range(&v))
        }

        fn visit_u128<E: de::Error>(self, v: u128) -> Result<Self::Value, E> {
            i32::try_from(v)
                .map(Code::from_code)
                .map_err(|_| Self::out_of_range(&v))
        }

        fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
            // Some JSON writers send whole numbers as 12105.0, and serde_json reads -0 as a float.
            match super::integral_f64(v) {
                Some(n) => Ok(Code::from_code(n)),
                None if v.fract() == 0.0 => Err(Self::out_of_range(&v)),
                None => {
                    let input = v.to_string();
                    Err(E::custom(ParseCodeError::new(
                        T::TABLE,
                        &input,
                        ParseCodeErrorKind::Invalid,
                        None,
                    )))
                }
            }
        }

        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            parse_code::<T>(v).map_err(E::custom)
        }
    }

    /// Deserializes a `Code<T>` from an integer or a decimal string (or a variant name).
    pub(crate) fn deserialize_code<'de, D: Deserializer<'de>, T: TableCode>(
        deserializer: D,
    ) -> Result<Code<T>, D::Error> {
        // Self-describing formats (JSON, TOML, YAML …) say whether a code arrived as a number
        // or a string. Compact binary formats such as bincode and postcard cannot, so there a
        // code is read back the way it was written: as an `i32`.
        if deserializer.is_human_readable() {
            deserializer.deserialize_any(CodeVisitor(PhantomData))
        } else {
            deserializer.deserialize_i32(CodeVisitor(PhantomData))
        }
    }

    /// Serializes as the integer code, unknown codes included.
    impl<T: TableCode> Serialize for Code<T> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.serialize_i32(self.code())
        }
    }

    /// Deserializes from an integer or a decimal string; any number that fits in an `i32`
    /// succeeds, known to the table or not.
    impl<'de, T: TableCode> serde::Deserialize<'de> for Code<T> {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            deserialize_code(deserializer)
        }
    }
}

/// Implements the shared API of one table's enum on top of the three conversions the build
/// script generates (`entry_index` and `from_entry_index`).
macro_rules! impl_code_enum {
    ($name:ident, $table:expr) => {
        impl $name {
            /// The table these codes belong to.
            pub const TABLE: $crate::Table = $table;

            /// The code as the reference prints it (the enum's discriminant).
            pub const fn code(self) -> i32 {
                self as i32
            }

            /// The variant for a code or one of its aliases, or `None` if the table does not
            /// know it.
            #[inline]
            pub fn from_code(code: i32) -> Option<Self> {
                $crate::entry_index($table, code).and_then(Self::from_entry_index)
            }

            /// The variant with exactly this name, such as `"SignatureError"`.
            #[inline]
            pub fn from_name(name: &str) -> Option<Self> {
                Self::NAME_MAP.get(name).copied()
            }

            /// The code's row in the table: its texts, steps and decision.
            pub fn entry(self) -> &'static $crate::Entry {
                &$crate::generated::ENTRIES[self.entry_index()]
            }

            /// The variant's name, such as `"SignatureError"`.
            pub fn name(self) -> &'static str {
                self.into()
            }

            /// What the code means. Shorthand for `entry().description(lang)`.
            pub fn description(self, lang: $crate::Lang) -> &'static str {
                self.entry().description(lang)
            }

            /// The remediation steps. Shorthand for `entry().remediation(lang)`.
            pub fn remediation(self, lang: $crate::Lang) -> &'static [&'static str] {
                self.entry().remediation(lang)
            }

            /// What went wrong. Shorthand for `entry().category()`.
            pub fn category(self) -> $crate::Category {
                self.entry().category()
            }

            /// What to do with the attempt now. Shorthand for `entry().action()`.
            pub fn action(self) -> $crate::Action {
                self.entry().action()
            }

            /// Whether the code reports success.
            pub fn is_success(self) -> bool {
                self.entry().is_success()
            }

            /// Whether the same attempt may succeed later.
            pub fn is_retryable(self) -> bool {
                self.entry().is_retryable()
            }

            /// Every code of the table, in the reference's order.
            pub fn iter() -> impl ExactSizeIterator<Item = Self> + Clone {
                <Self as strum::VariantArray>::VARIANTS.iter().copied()
            }
        }

        impl $crate::codes::sealed_impl::Sealed for $name {}

        impl $crate::TableCode for $name {
            const TABLE: $crate::Table = $table;

            fn code(self) -> i32 {
                self as i32
            }

            fn entry(self) -> &'static $crate::Entry {
                $name::entry(self)
            }

            #[inline]
            fn from_code(code: i32) -> Option<Self> {
                $name::from_code(code)
            }

            #[inline]
            fn from_name(name: &str) -> Option<Self> {
                $name::from_name(name)
            }
        }

        impl TryFrom<i32> for $name {
            type Error = $crate::UnknownCode;

            /// Accepts the code or one of its aliases.
            fn try_from(code: i32) -> Result<Self, Self::Error> {
                Self::from_code(code).ok_or($crate::UnknownCode::new($table, code))
            }
        }

        impl From<$name> for i32 {
            fn from(code: $name) -> i32 {
                code as i32
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::ParseCodeError;

            /// Parses the decimal code (or an alias), with an optional sign and surrounding
            /// whitespace, or the variant name.
            #[inline]
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                $crate::codes::parse::<Self>(s)
            }
        }

        #[cfg(feature = "serde")]
        impl serde::Serialize for $name {
            /// Serializes as the integer code.
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_i32(*self as i32)
            }
        }

        #[cfg(feature = "serde")]
        impl<'de> serde::Deserialize<'de> for $name {
            /// Deserializes from an integer or a decimal string; a number the table does not
            /// know is an error naming the number and the table.
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                match $crate::codes::serde_impl::deserialize_code::<D, Self>(deserializer)? {
                    $crate::Code::Known(code) => Ok(code),
                    $crate::Code::Unknown(n) => Err(<D::Error as serde::de::Error>::custom(
                        $crate::UnknownCode::new($table, n),
                    )),
                }
            }
        }
    };
}

pub(crate) use impl_code_enum;

/// Re-export of the sealing trait for the generated impls.
pub(crate) mod sealed_impl {
    pub use super::sealed::Sealed;
}
