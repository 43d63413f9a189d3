//! The fifteen tables of the reference, and the products, layers and carriers they belong to.

use std::fmt;
use std::str::FromStr;

use crate::error::{ParseCarrierError, ParseCodeError, ParseTableError};
use crate::generated;

/// One table of Geetest's error-code reference.
///
/// The variants are in the reference's order. A table is identified by its slug
/// (`"onelogin/server"`), which is also the path of its data file under `data/`.
///
/// ```
/// use geetest_codes::{Layer, Product, Table};
///
/// let table: Table = "onepass/ios".parse()?;
/// assert_eq!(table, Table::OnePassIos);
/// assert_eq!(table.product(), Some(Product::OnePass));
/// assert_eq!(table.layer(), Layer::Ios);
/// assert_eq!(Table::from_parts(Product::OnePass, Layer::Ios), Some(table));
/// # Ok::<(), geetest_codes::ParseTableError>(())
/// ```
///
/// New tables may be added in minor releases, so the enum is `#[non_exhaustive]`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, strum::EnumIter, strum::EnumCount,
)]
#[non_exhaustive]
pub enum Table {
    /// OneLogin (one-click login) server API: `onelogin/server`.
    OneLoginServer,
    /// OneLogin Android SDK: `onelogin/android`.
    OneLoginAndroid,
    /// OneLogin iOS SDK: `onelogin/ios`.
    OneLoginIos,
    /// OnePass (number verification) server API: `onepass/server`.
    OnePassServer,
    /// OnePass Android SDK: `onepass/android`.
    OnePassAndroid,
    /// OnePass iOS SDK: `onepass/ios`.
    OnePassIos,
    /// H5 OneLogin server API: `h5-onelogin/server`.
    H5OneLoginServer,
    /// H5 OneLogin web JS: `h5-onelogin/web`.
    H5OneLoginWeb,
    /// H5 OneLogin mini-program JS: `h5-onelogin/miniprogram`.
    H5OneLoginMiniProgram,
    /// H5 OnePass server API: `h5-onepass/server`.
    H5OnePassServer,
    /// H5 OnePass web JS: `h5-onepass/web`.
    H5OnePassWeb,
    /// H5 OnePass mini-program JS: `h5-onepass/miniprogram`.
    H5OnePassMiniProgram,
    /// China Mobile's SDK codes: `carrier/china-mobile`.
    ChinaMobile,
    /// China Unicom's SDK codes: `carrier/china-unicom`.
    ChinaUnicom,
    /// China Telecom's SDK codes: `carrier/china-telecom`.
    ChinaTelecom,
}

impl Table {
    /// Every table, in the reference's order.
    pub const ALL: &'static [Table] = &[
        Table::OneLoginServer,
        Table::OneLoginAndroid,
        Table::OneLoginIos,
        Table::OnePassServer,
        Table::OnePassAndroid,
        Table::OnePassIos,
        Table::H5OneLoginServer,
        Table::H5OneLoginWeb,
        Table::H5OneLoginMiniProgram,
        Table::H5OnePassServer,
        Table::H5OnePassWeb,
        Table::H5OnePassMiniProgram,
        Table::ChinaMobile,
        Table::ChinaUnicom,
        Table::ChinaTelecom,
    ];

    /// The table's slug, such as `"onelogin/server"`.
    pub const fn slug(self) -> &'static str {
        match self {
            Table::OneLoginServer => "onelogin/server",
            Table::OneLoginAndroid => "onelogin/android",
            Table::OneLoginIos => "onelogin/ios",
            Table::OnePassServer => "onepass/server",
            Table::OnePassAndroid => "onepass/android",
            Table::OnePassIos => "onepass/ios",
            Table::H5OneLoginServer => "h5-onelogin/server",
            Table::H5OneLoginWeb => "h5-onelogin/web",
            Table::H5OneLoginMiniProgram => "h5-onelogin/miniprogram",
            Table::H5OnePassServer => "h5-onepass/server",
            Table::H5OnePassWeb => "h5-onepass/web",
            Table::H5OnePassMiniProgram => "h5-onepass/miniprogram",
            Table::ChinaMobile => "carrier/china-mobile",
            Table::ChinaUnicom => "carrier/china-unicom",
            Table::ChinaTelecom => "carrier/china-telecom",
        }
    }

    /// The table's short English title, such as `"OneLogin server API"`.
    pub fn title(self) -> &'static str {
        generated::TITLES[self.index()]
    }

    /// Where the table stands in the reference: its section and sub-heading.
    pub fn section(self) -> &'static str {
        generated::SECTIONS[self.index()]
    }

    /// The table's position in [`Table::ALL`].
    pub const fn index(self) -> usize {
        self as usize
    }

    /// The number of rows the table has.
    pub fn len(self) -> usize {
        let (start, end) = generated::RANGES[self.index()];
        usize::from(end - start)
    }

    /// Always `false`: every table has rows. Present because `len` is.
    pub fn is_empty(self) -> bool {
        self.len() == 0
    }

    /// The table's entries, in the reference's row order.
    pub fn entries(self) -> &'static [crate::Entry] {
        let (start, end) = generated::RANGES[self.index()];
        &generated::ENTRIES[usize::from(start)..usize::from(end)]
    }

    /// The product the table belongs to, or `None` for the three carrier tables.
    pub const fn product(self) -> Option<Product> {
        match self {
            Table::OneLoginServer | Table::OneLoginAndroid | Table::OneLoginIos => {
                Some(Product::OneLogin)
            }
            Table::OnePassServer | Table::OnePassAndroid | Table::OnePassIos => {
                Some(Product::OnePass)
            }
            Table::H5OneLoginServer | Table::H5OneLoginWeb | Table::H5OneLoginMiniProgram => {
                Some(Product::H5OneLogin)
            }
            Table::H5OnePassServer | Table::H5OnePassWeb | Table::H5OnePassMiniProgram => {
                Some(Product::H5OnePass)
            }
            Table::ChinaMobile | Table::ChinaUnicom | Table::ChinaTelecom => None,
        }
    }

    /// The layer that reports the table's codes.
    pub const fn layer(self) -> Layer {
        match self {
            Table::OneLoginServer
            | Table::OnePassServer
            | Table::H5OneLoginServer
            | Table::H5OnePassServer => Layer::Server,
            Table::OneLoginAndroid | Table::OnePassAndroid => Layer::Android,
            Table::OneLoginIos | Table::OnePassIos => Layer::Ios,
            Table::H5OneLoginWeb | Table::H5OnePassWeb => Layer::Web,
            Table::H5OneLoginMiniProgram | Table::H5OnePassMiniProgram => Layer::MiniProgram,
            Table::ChinaMobile | Table::ChinaUnicom | Table::ChinaTelecom => Layer::Carrier,
        }
    }

    /// The carrier whose codes the table holds, for the three carrier tables.
    pub const fn carrier(self) -> Option<Carrier> {
        match self {
            Table::ChinaMobile => Some(Carrier::ChinaMobile),
            Table::ChinaUnicom => Some(Carrier::ChinaUnicom),
            Table::ChinaTelecom => Some(Carrier::ChinaTelecom),
            _ => None,
        }
    }

    /// The table of a product's layer, if the product has that layer.
    ///
    /// App products have server, Android and iOS tables; H5 products have server, web and
    /// mini-program tables. [`Layer::Carrier`] belongs to no product: use
    /// [`Carrier::table`].
    pub const fn from_parts(product: Product, layer: Layer) -> Option<Table> {
        use Layer::*;
        use Product::*;
        match (product, layer) {
            (OneLogin, Server) => Some(Table::OneLoginServer),
            (OneLogin, Android) => Some(Table::OneLoginAndroid),
            (OneLogin, Ios) => Some(Table::OneLoginIos),
            (OnePass, Server) => Some(Table::OnePassServer),
            (OnePass, Android) => Some(Table::OnePassAndroid),
            (OnePass, Ios) => Some(Table::OnePassIos),
            (H5OneLogin, Server) => Some(Table::H5OneLoginServer),
            (H5OneLogin, Web) => Some(Table::H5OneLoginWeb),
            (H5OneLogin, MiniProgram) => Some(Table::H5OneLoginMiniProgram),
            (H5OnePass, Server) => Some(Table::H5OnePassServer),
            (H5OnePass, Web) => Some(Table::H5OnePassWeb),
            (H5OnePass, MiniProgram) => Some(Table::H5OnePassMiniProgram),
            _ => None,
        }
    }

    /// The table with exactly this slug, without allocating.
    #[inline]
    pub fn from_slug(slug: &str) -> Option<Table> {
        generated::BY_SLUG.get(slug).copied()
    }

    /// Iterates over every table, in the reference's order.
    pub fn iter() -> impl ExactSizeIterator<Item = Table> + Clone {
        Table::ALL.iter().copied()
    }
}

impl fmt::Display for Table {
    /// Writes the slug.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.slug())
    }
}

impl FromStr for Table {
    type Err = ParseTableError;

    /// Parses a slug such as `"onelogin/server"`; surrounding whitespace is ignored.
    #[inline]
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match Table::from_slug(s) {
            Some(table) => Ok(table),
            None => Table::from_str_slow(s),
        }
    }
}

impl Table {
    /// [`Table::from_str`] for a text that is not a slug as it stands: trimmed, or rejected.
    #[cold]
    #[inline(never)]
    fn from_str_slow(s: &str) -> Result<Table, ParseTableError> {
        let text = crate::codes::trim(s);
        let found = if text.len() == s.len() {
            None
        } else {
            Table::from_slug(text)
        };
        found.ok_or_else(|| ParseTableError::new(s))
    }
}

/// A Geetest phone-number authentication product.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, strum::EnumIter)]
#[non_exhaustive]
pub enum Product {
    /// OneLogin: one-click login in apps.
    OneLogin,
    /// OnePass: number verification in apps.
    OnePass,
    /// OneLogin for H5 pages and mini-programs.
    H5OneLogin,
    /// OnePass for H5 pages and mini-programs.
    H5OnePass,
}

impl Product {
    /// The product's name as the reference writes it, such as `"H5 OneLogin"`.
    pub const fn name(self) -> &'static str {
        match self {
            Product::OneLogin => "OneLogin",
            Product::OnePass => "OnePass",
            Product::H5OneLogin => "H5 OneLogin",
            Product::H5OnePass => "H5 OnePass",
        }
    }
}

impl fmt::Display for Product {
    /// Writes the product's name.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The layer that reports a code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, strum::EnumIter)]
#[non_exhaustive]
pub enum Layer {
    /// The product's server API, called by the integrator's backend.
    Server,
    /// The Android SDK.
    Android,
    /// The iOS SDK.
    Ios,
    /// The web JS of an H5 product.
    Web,
    /// The mini-program JS of an H5 product.
    MiniProgram,
    /// A carrier's own SDK, behind the app SDKs.
    Carrier,
}

impl Layer {
    /// The layer's name, such as `"mini-program"`.
    pub const fn name(self) -> &'static str {
        match self {
            Layer::Server => "server",
            Layer::Android => "Android",
            Layer::Ios => "iOS",
            Layer::Web => "web",
            Layer::MiniProgram => "mini-program",
            Layer::Carrier => "carrier",
        }
    }
}

impl fmt::Display for Layer {
    /// Writes the layer's name.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One of the three Chinese carriers whose SDKs stand behind the products.
///
/// Parses from the operator names the SDKs report (`CM`, `CU`, `CT`), from the carrier tables'
/// slugs and from the Chinese names.
///
/// ```
/// use geetest_codes::{Carrier, Table};
///
/// let carrier: Carrier = "CU".parse()?;
/// assert_eq!(carrier, Carrier::ChinaUnicom);
/// assert_eq!(carrier.table(), Table::ChinaUnicom);
/// assert_eq!("中国电信".parse::<Carrier>()?, Carrier::ChinaTelecom);
/// # Ok::<(), geetest_codes::ParseCarrierError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, strum::EnumIter)]
#[non_exhaustive]
pub enum Carrier {
    /// China Mobile (中国移动, `CM`).
    ChinaMobile,
    /// China Unicom (中国联通, `CU`).
    ChinaUnicom,
    /// China Telecom (中国电信, `CT`).
    ChinaTelecom,
}

impl Carrier {
    /// Every carrier.
    pub const ALL: &'static [Carrier] = &[
        Carrier::ChinaMobile,
        Carrier::ChinaUnicom,
        Carrier::ChinaTelecom,
    ];

    /// The table of the carrier's own codes.
    pub const fn table(self) -> Table {
        match self {
            Carrier::ChinaMobile => Table::ChinaMobile,
            Carrier::ChinaUnicom => Table::ChinaUnicom,
            Carrier::ChinaTelecom => Table::ChinaTelecom,
        }
    }

    /// The operator name the SDKs report: `"CM"`, `"CU"` or `"CT"`.
    pub const fn operator(self) -> &'static str {
        match self {
            Carrier::ChinaMobile => "CM",
            Carrier::ChinaUnicom => "CU",
            Carrier::ChinaTelecom => "CT",
        }
    }

    /// The carrier's English name, such as `"China Mobile"`.
    pub const fn name(self) -> &'static str {
        match self {
            Carrier::ChinaMobile => "China Mobile",
            Carrier::ChinaUnicom => "China Unicom",
            Carrier::ChinaTelecom => "China Telecom",
        }
    }

    /// The carrier's Chinese name, such as `"中国移动"`.
    pub const fn name_zh(self) -> &'static str {
        match self {
            Carrier::ChinaMobile => "中国移动",
            Carrier::ChinaUnicom => "中国联通",
            Carrier::ChinaTelecom => "中国电信",
        }
    }

    /// The carrier's entry for its own code, or the number kept as an unknown code.
    ///
    /// ```
    /// use geetest_codes::{Carrier, CarrierCode};
    ///
    /// let code = Carrier::ChinaMobile.code(200072);
    /// assert_eq!(code.entry().unwrap().name(), "CaRootCertificateCheckFailed");
    /// assert_eq!(Carrier::ChinaMobile.code(999), CarrierCode::Unknown(Carrier::ChinaMobile, 999));
    /// ```
    pub fn code(self, code: i32) -> CarrierCode {
        match crate::lookup(self.table(), code) {
            Some(entry) => CarrierCode::Known(entry),
            None => CarrierCode::Unknown(self, code),
        }
    }

    /// Like [`Carrier::code`], for a code that arrived as text, such as `"200072"`.
    ///
    /// Surrounding whitespace and a sign are accepted; anything that is not a decimal `i32`
    /// is an error naming the text and the carrier's table.
    pub fn parse_code(self, code: &str) -> Result<CarrierCode, ParseCodeError> {
        crate::codes::parse_decimal(self.table(), code)
            .map(|n| self.code(n))
            .map_err(ParseCodeError::numbers_only)
    }

    /// The carrier for an operator name, slug or Chinese name, without allocating.
    fn from_name(s: &str) -> Option<Carrier> {
        Carrier::ALL.iter().copied().find(|c| {
            let short = &c.name_zh()[c.name_zh().len() - "移动".len()..];
            s.eq_ignore_ascii_case(c.operator())
                || s == c.table().slug()
                || s == &c.table().slug()["carrier/".len()..]
                || s.eq_ignore_ascii_case(c.name())
                || s == c.name_zh()
                || s == short
        })
    }
}

impl fmt::Display for Carrier {
    /// Writes the English name.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Carrier {
    type Err = ParseCarrierError;

    /// Parses `CM`/`CU`/`CT` (any case), a slug (`carrier/china-mobile` or `china-mobile`),
    /// the English name, or the Chinese name (`中国移动` or `移动`). Surrounding whitespace is
    /// ignored.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Carrier::from_name(s.trim()).ok_or_else(|| ParseCarrierError::new(s))
    }
}

/// A carrier's own code: one its table lists, or a number it does not, kept with the carrier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CarrierCode {
    /// A code the carrier's table lists.
    Known(&'static crate::Entry),
    /// A number the carrier's table does not list.
    Unknown(Carrier, i32),
}

impl CarrierCode {
    /// The carrier.
    pub fn carrier(&self) -> Carrier {
        match *self {
            CarrierCode::Known(entry) => entry.table().carrier().unwrap_or(Carrier::ChinaMobile),
            CarrierCode::Unknown(carrier, _) => carrier,
        }
    }

    /// The number, as the carrier's table prints it or as it arrived.
    pub fn code(&self) -> i32 {
        match *self {
            CarrierCode::Known(entry) => entry.code(),
            CarrierCode::Unknown(_, code) => code,
        }
    }

    /// The entry, if the carrier's table lists the code.
    pub fn entry(&self) -> Option<&'static crate::Entry> {
        match *self {
            CarrierCode::Known(entry) => Some(entry),
            CarrierCode::Unknown(..) => None,
        }
    }
}
