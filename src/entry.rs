//! One row of a table: a code with its texts and the decision it calls for.

use std::fmt;

use crate::{Carrier, Table};

/// The language of a text: the vendor's Chinese or our English translation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, strum::EnumIter)]
pub enum Lang {
    /// The vendor's Chinese wording, as published.
    Zh,
    /// The English translation.
    #[default]
    En,
}

impl Lang {
    /// The language's code: `"zh"` or `"en"`.
    pub const fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }
}

/// What went wrong, in a dozen kinds a service can route on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, strum::EnumIter)]
#[non_exhaustive]
pub enum Category {
    /// Nothing: the request succeeded.
    Success,
    /// A parameter is missing, malformed or of the wrong type.
    InvalidRequest,
    /// The sign, key, timestamp or encryption is wrong.
    Signature,
    /// The process_id, token or accesscode is unknown, expired or already used.
    Token,
    /// The account's app id, balance, permission, IP whitelist, referer/origin registration or
    /// package signature is wrong.
    Account,
    /// No network, a timeout, weak signal, mobile data off, or proxy or certificate trouble.
    Network,
    /// No SIM, an unsupported carrier, card or network standard, a changed SIM, an emulator.
    Device,
    /// The user left the page or chose another way to log in.
    UserCancelled,
    /// The SDK was called out of order, twice, before init, or with a bad UI configuration.
    SdkUsage,
    /// Too many requests or attempts.
    RateLimited,
    /// A carrier's side failed or refused.
    Carrier,
    /// Geetest's own service failed.
    Service,
}

impl Category {
    /// Every category.
    pub const ALL: &'static [Category] = &[
        Category::Success,
        Category::InvalidRequest,
        Category::Signature,
        Category::Token,
        Category::Account,
        Category::Network,
        Category::Device,
        Category::UserCancelled,
        Category::SdkUsage,
        Category::RateLimited,
        Category::Carrier,
        Category::Service,
    ];

    /// The category's name as the data files and JSON write it, such as `"user-cancelled"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Category::Success => "success",
            Category::InvalidRequest => "invalid-request",
            Category::Signature => "signature",
            Category::Token => "token",
            Category::Account => "account",
            Category::Network => "network",
            Category::Device => "device",
            Category::UserCancelled => "user-cancelled",
            Category::SdkUsage => "sdk-usage",
            Category::RateLimited => "rate-limited",
            Category::Carrier => "carrier",
            Category::Service => "service",
        }
    }
}

impl fmt::Display for Category {
    /// Writes the kebab-case name, as in the JSON.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What the calling service should do with the attempt that produced a code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, strum::EnumIter)]
#[non_exhaustive]
pub enum Action {
    /// Nothing to do: the attempt succeeded.
    None,
    /// The failure is transient: the same attempt may succeed later.
    Retry,
    /// Start over with a fresh pre-fetch (a new process_id or token).
    RefreshToken,
    /// This method will not work now: offer SMS or password login, and route the root cause by
    /// its [`Category`].
    Fallback,
    /// The user chose to leave: end quietly, raise no alert.
    Abandon,
}

impl Action {
    /// Every action.
    pub const ALL: &'static [Action] = &[
        Action::None,
        Action::Retry,
        Action::RefreshToken,
        Action::Fallback,
        Action::Abandon,
    ];

    /// The action's name as the data files and JSON write it, such as `"refresh-token"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Action::None => "none",
            Action::Retry => "retry",
            Action::RefreshToken => "refresh-token",
            Action::Fallback => "fallback",
            Action::Abandon => "abandon",
        }
    }
}

impl fmt::Display for Action {
    /// Writes the kebab-case name, as in the JSON.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A text in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Text {
    pub(crate) zh: &'static str,
    pub(crate) en: &'static str,
}

impl Text {
    const fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.zh,
            Lang::En => self.en,
        }
    }
}

/// Remediation steps in both languages, as many in each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Steps {
    pub(crate) zh: &'static [&'static str],
    pub(crate) en: &'static [&'static str],
}

/// One row of one table of the reference: a code, what it means, and what to do about it.
///
/// Entries are static; get one with [`lookup`](crate::lookup), [`find`](crate::find), a typed
/// enum's `entry()`, or [`Table::entries`].
///
/// ```
/// use geetest_codes::{lookup, Action, Category, Lang, Table};
///
/// let entry = lookup(Table::OneLoginServer, 12105).unwrap();
/// assert_eq!(entry.name(), "SignatureError");
/// assert_eq!(entry.description(Lang::Zh), "签名错误");
/// assert_eq!(entry.remediation(Lang::Zh), ["检查是否未上传时间戳", "检查加密方式是否错误"]);
/// assert_eq!(entry.category(), Category::Signature);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Entry {
    pub(crate) table: Table,
    pub(crate) code: i32,
    pub(crate) aliases: &'static [i32],
    pub(crate) name: &'static str,
    pub(crate) symbol: Option<&'static str>,
    pub(crate) description: Text,
    pub(crate) cause: Option<Text>,
    pub(crate) remediation: Steps,
    pub(crate) carrier: Option<Carrier>,
    pub(crate) category: Category,
    pub(crate) action: Action,
}

impl Entry {
    /// The table the row belongs to.
    pub const fn table(&self) -> Table {
        self.table
    }

    /// The code as the reference prints it.
    pub const fn code(&self) -> i32 {
        self.code
    }

    /// Other numbers for the same row, such as China Telecom's newer `80001` for `-8001`.
    pub const fn aliases(&self) -> &'static [i32] {
        self.aliases
    }

    /// The variant name of the row in its table's enum, such as `"SignatureError"`.
    pub const fn name(&self) -> &'static str {
        self.name
    }

    /// The SDK's symbolic name for the code, where the reference gives one
    /// (OnePass iOS: `"GOPErrorInvalidPhoneNumber"` …).
    pub const fn symbol(&self) -> Option<&'static str> {
        self.symbol
    }

    /// What the code means.
    pub const fn description(&self, lang: Lang) -> &'static str {
        self.description.get(lang)
    }

    /// The common cause, where the reference gives one (the H5 tables' cause column, and some
    /// rows whose description lists causes).
    pub const fn cause(&self, lang: Lang) -> Option<&'static str> {
        match &self.cause {
            Some(text) => Some(text.get(lang)),
            None => None,
        }
    }

    /// The remediation steps, in order. Empty where the reference gives none.
    pub const fn remediation(&self, lang: Lang) -> &'static [&'static str] {
        match lang {
            Lang::Zh => self.remediation.zh,
            Lang::En => self.remediation.en,
        }
    }

    /// For SDK codes -401xx, -402xx and -403xx: the carrier whose SDK failed. Its own code,
    /// found in the failure report, is explained by [`Carrier::table`].
    pub const fn carrier(&self) -> Option<Carrier> {
        self.carrier
    }

    /// What went wrong.
    pub const fn category(&self) -> Category {
        self.category
    }

    /// What the calling service should do with this attempt now.
    pub const fn action(&self) -> Action {
        self.action
    }

    /// Whether the code reports success (the server tables' `200`).
    pub const fn is_success(&self) -> bool {
        matches!(self.category, Category::Success)
    }

    /// Whether the same attempt may succeed if tried again later ([`Action::Retry`]).
    pub const fn is_retryable(&self) -> bool {
        matches!(self.action, Action::Retry)
    }

    /// Whether `number` is this row's code or one of its aliases.
    pub fn has_number(&self, number: i32) -> bool {
        self.code == number || self.aliases.contains(&number)
    }
}

impl fmt::Display for Entry {
    /// Writes the table's slug, the code and the English description, as in
    /// `onelogin/server 12105: Signature error`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {}: {}",
            self.table.slug(),
            self.code,
            self.description.en
        )
    }
}

#[cfg(feature = "serde")]
mod serde_impl {
    use serde::ser::{Serialize, SerializeMap, SerializeStruct, Serializer};

    use super::{Action, Category, Entry, Steps, Text};
    use crate::{Carrier, Table};

    impl Serialize for Text {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut map = serializer.serialize_map(Some(2))?;
            map.serialize_entry("zh", self.zh)?;
            map.serialize_entry("en", self.en)?;
            map.end()
        }
    }

    impl Serialize for Steps {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut map = serializer.serialize_map(Some(2))?;
            map.serialize_entry("zh", self.zh)?;
            map.serialize_entry("en", self.en)?;
            map.end()
        }
    }

    /// Serializes as the slug.
    impl Serialize for Table {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.serialize_str(self.slug())
        }
    }

    /// Serializes as the slug of the carrier's table, such as `"carrier/china-mobile"`.
    impl Serialize for Carrier {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.serialize_str(self.table().slug())
        }
    }

    /// Serializes as the kebab-case name, such as `"user-cancelled"`.
    impl Serialize for Category {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.serialize_str(self.as_str())
        }
    }

    /// Serializes as the kebab-case name, such as `"refresh-token"`.
    impl Serialize for Action {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.serialize_str(self.as_str())
        }
    }

    /// Serializes as an object with the keys `table`, `code`, `aliases`, `name`, `symbol`,
    /// `description`, `cause`, `remediation`, `carrier`, `category` and `action`.
    impl Serialize for Entry {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut s = serializer.serialize_struct("Entry", 11)?;
            s.serialize_field("table", &self.table)?;
            s.serialize_field("code", &self.code)?;
            s.serialize_field("aliases", self.aliases)?;
            s.serialize_field("name", self.name)?;
            s.serialize_field("symbol", &self.symbol)?;
            s.serialize_field("description", &self.description)?;
            s.serialize_field("cause", &self.cause)?;
            s.serialize_field("remediation", &self.remediation)?;
            s.serialize_field("carrier", &self.carrier)?;
            s.serialize_field("category", &self.category)?;
            s.serialize_field("action", &self.action)?;
            s.end()
        }
    }
}
