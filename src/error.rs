//! Errors for input the crate cannot turn into a code, table or carrier.
//!
//! Each error keeps the input it rejected and, where one applies, the table it was checked
//! against, so its message can say both.

use std::fmt;

use crate::{Carrier, Table};

/// A number that is not a code of the table it was checked against.
///
/// Returned by `TryFrom<i32>` on the typed enums. Display:
/// `99999 is not a code of the onelogin/server table`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[error("{code} is not a code of the {table} table")]
pub struct UnknownCode {
    table: Table,
    code: i32,
}

impl UnknownCode {
    pub(crate) const fn new(table: Table, code: i32) -> Self {
        UnknownCode { table, code }
    }

    /// The table that does not know the code.
    pub const fn table(&self) -> Table {
        self.table
    }

    /// The number, kept as it arrived.
    pub const fn code(&self) -> i32 {
        self.code
    }
}

/// Why a text is not a code of a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ParseCodeErrorKind {
    /// The text is empty or only whitespace.
    Empty,
    /// The text is neither a decimal integer nor a variant name of the table.
    Invalid,
    /// The text is a decimal integer outside the range of `i32`.
    OutOfRange,
    /// The text is a number the table does not know (kept in [`ParseCodeError::code`]).
    Unknown,
}

/// A text that could not be parsed as a code of a table.
///
/// Returned by `FromStr` on the typed enums and by their serde deserializers. Its message
/// names the input and the table, such as
/// `"abc" is not a code of the onelogin/server table: neither a decimal number nor one of the table's variant names`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ParseCodeError {
    table: Table,
    input: ShortText,
    kind: ParseCodeErrorKind,
    code: Option<i32>,
    /// Whether the parser also took variant names, which the message then mentions.
    names: bool,
}

impl ParseCodeError {
    #[inline]
    pub(crate) fn new(
        table: Table,
        input: &str,
        kind: ParseCodeErrorKind,
        code: Option<i32>,
    ) -> Self {
        ParseCodeError {
            table,
            input: ShortText::new(input),
            kind,
            code,
            names: true,
        }
    }

    /// The same error from a parser that takes numbers only, such as
    /// [`Carrier::parse_code`](crate::Carrier::parse_code).
    pub(crate) fn numbers_only(self) -> Self {
        ParseCodeError {
            names: false,
            ..self
        }
    }

    /// The table the input was checked against.
    pub fn table(&self) -> Table {
        self.table
    }

    /// The input that was rejected, cut after 40 bytes (at a character boundary, marked with
    /// "…") so that a huge input cannot bloat a log.
    pub fn input(&self) -> &str {
        self.input.as_str()
    }

    /// Why the input was rejected.
    pub fn kind(&self) -> ParseCodeErrorKind {
        self.kind
    }

    /// The number, when the input was a valid `i32` that the table does not know.
    pub fn code(&self) -> Option<i32> {
        self.code
    }
}

impl fmt::Display for ParseCodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:?} is not a code of the {} table: ",
            self.input, self.table
        )?;
        match self.kind {
            ParseCodeErrorKind::Empty => f.write_str("the text is empty"),
            ParseCodeErrorKind::Invalid if self.names => {
                f.write_str("neither a decimal number nor one of the table's variant names")
            }
            ParseCodeErrorKind::Invalid => f.write_str("not a decimal number"),
            ParseCodeErrorKind::OutOfRange => f.write_str("the number does not fit in an i32"),
            ParseCodeErrorKind::Unknown => f.write_str("the table has no such code"),
        }
    }
}

impl std::error::Error for ParseCodeError {}

/// A text that is not the slug of any table. Its message lists the valid slugs.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ParseTableError {
    input: ShortText,
}

impl ParseTableError {
    #[inline]
    pub(crate) fn new(input: &str) -> Self {
        ParseTableError {
            input: ShortText::new(input),
        }
    }

    /// The input that was rejected, cut after 40 bytes as in [`ParseCodeError::input`].
    pub fn input(&self) -> &str {
        self.input.as_str()
    }
}

impl fmt::Display for ParseTableError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:?} is not a table; valid tables are: ",
            self.input.as_str()
        )?;
        for (i, table) in Table::ALL.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(table.slug())?;
        }
        Ok(())
    }
}

impl std::error::Error for ParseTableError {}

/// A text that names no carrier. Its message lists the accepted names.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ParseCarrierError {
    input: ShortText,
}

impl ParseCarrierError {
    pub(crate) fn new(input: &str) -> Self {
        ParseCarrierError {
            input: ShortText::new(input),
        }
    }

    /// The input that was rejected, cut after 40 bytes as in [`ParseCodeError::input`].
    pub fn input(&self) -> &str {
        self.input.as_str()
    }
}

impl fmt::Display for ParseCarrierError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:?} is not a carrier; valid carriers are: ",
            self.input.as_str()
        )?;
        for (i, c) in Carrier::ALL.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(
                f,
                "{} ({}, {}, {})",
                c.operator(),
                c.table().slug(),
                c.name(),
                c.name_zh()
            )?;
        }
        Ok(())
    }
}

impl std::error::Error for ParseCarrierError {}

/// The start of a rejected input, kept inline so that building an error never allocates:
/// parsing is often on a hot path where most inputs are fine and a few are not.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct ShortText {
    bytes: [u8; ShortText::CAPACITY],
    len: u8,
}

impl ShortText {
    /// Room for the kept bytes and a closing "…" (three bytes).
    const CAPACITY: usize = 43;
    /// How much of the input is kept.
    const KEEP: usize = 40;

    #[inline]
    fn new(input: &str) -> Self {
        let mut end = input.len().min(Self::KEEP);
        while !input.is_char_boundary(end) {
            end -= 1;
        }
        let kept = input.as_bytes().get(..end).unwrap_or_default();
        let mut bytes = [0u8; Self::CAPACITY];
        match end.checked_sub(8) {
            // Five overlapping eight-byte copies cover any 8 to 40 bytes, with no loop.
            Some(last) => {
                for start in [0, 8, 16, 24, 32] {
                    let at = start.min(last);
                    if let (Some(to), Some(from)) = (
                        bytes.get_mut(at..at + 8),
                        kept.get(at..).and_then(<[u8]>::first_chunk::<8>),
                    ) {
                        to.copy_from_slice(from);
                    }
                }
            }
            None => {
                for (to, from) in bytes.iter_mut().zip(kept) {
                    *to = *from;
                }
            }
        }
        let mut len = end;
        if end < input.len() {
            let ellipsis = "…".as_bytes();
            bytes[len..len + ellipsis.len()].copy_from_slice(ellipsis);
            len += ellipsis.len();
        }
        ShortText {
            bytes,
            len: len as u8,
        }
    }

    fn as_str(&self) -> &str {
        // The bytes are a prefix of a `str` cut at a character boundary, plus "…".
        std::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or_default()
    }
}

impl fmt::Debug for ShortText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}
