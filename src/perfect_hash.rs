//! The crate's lookup maps: two-level perfect hashing (Fredman, Komlós and Szemerédi) with
//! multiply-shift hash functions, built by the build script for the fixed set of keys.
//!
//! Why not a general-purpose map: every key is known at build time, so the build script can
//! pick multipliers under which no two keys collide. A lookup is then two multiplications,
//! two shifts, three loads and one compare, with no start-up work and no allocation. phf's
//! maps, the first representation, spend most of a lookup in SipHash (see BENCHMARKS.md).
//!
//! The build script compiles this same file, so the hash functions below are the ones its
//! maps were built with.

/// One first-level bucket: where its slots start and how keys spread over them.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Bucket {
    /// The bucket's multiplier (0 for a bucket of one slot).
    pub(crate) mul: u64,
    /// `64 - log2(slots)`, or 63 with a zero multiplier for one slot.
    pub(crate) shift: u32,
    /// The bucket's first slot.
    pub(crate) base: u32,
}

/// A perfect-hash map from `u64` keys to values, laid out by the build script.
#[derive(Debug)]
pub(crate) struct PerfectMap<V: 'static> {
    /// The first-level multiplier.
    pub(crate) mul: u64,
    /// `64 - log2(buckets)`, or 63 with a zero multiplier for one bucket.
    pub(crate) shift: u32,
    /// The buckets, a power of two of them.
    pub(crate) buckets: &'static [Bucket],
    /// Each slot's key; [`EMPTY`] where no key landed.
    pub(crate) keys: &'static [u64],
    /// Each slot's value.
    pub(crate) values: &'static [V],
}

/// The key of an empty slot; the build script checks that no real key equals it.
pub(crate) const EMPTY: u64 = u64::MAX;

impl<V> PerfectMap<V> {
    /// The slot a key would occupy.
    #[inline]
    pub(crate) fn slot(&self, key: u64) -> Option<usize> {
        let bucket = self
            .buckets
            .get((key.wrapping_mul(self.mul) >> self.shift) as usize)?;
        Some(bucket.base as usize + (key.wrapping_mul(bucket.mul) >> bucket.shift) as usize)
    }

    /// The value stored for `key`, if the map holds it.
    #[inline]
    pub(crate) fn get(&self, key: u64) -> Option<&'static V> {
        let slot = self.slot(key)?;
        if *self.keys.get(slot)? == key {
            self.values.get(slot)
        } else {
            None
        }
    }
}

/// The longest text a [`TextMap`] holds; the build script refuses longer names and slugs.
pub(crate) const TEXT_MAX: usize = 40;

/// One slot of a [`TextMap`]: its text, zero-padded to [`TEXT_MAX`] bytes, and its value.
#[derive(Debug)]
pub(crate) struct TextSlot<V: 'static> {
    /// The text, then zeros.
    pub(crate) text: [u8; TEXT_MAX],
    /// The text's length; 0 for an empty slot.
    pub(crate) len: u8,
    /// The value.
    pub(crate) value: V,
}

/// `text` zero-padded to [`TEXT_MAX`] bytes, for the generated slots.
pub(crate) const fn pad(text: &[u8]) -> [u8; TEXT_MAX] {
    let mut out = [0u8; TEXT_MAX];
    let mut i = 0;
    while i < text.len() && i < TEXT_MAX {
        out[i] = text[i];
        i += 1;
    }
    out
}

/// A map from short texts (variant names, slugs): one level of multiply-shift hashing over a
/// hash of the text, then a comparison with the slot's text, which settles every question.
///
/// The maps are small (at most a few dozen texts), so the build script can afford a sparse
/// table in which one multiplier alone keeps every text apart; that saves the second level a
/// [`PerfectMap`] needs. The comparison always reads the same five words, clamped to the
/// text's end, so that texts of mixed lengths cost no mispredicted branches.
#[derive(Debug)]
pub(crate) struct TextMap<V: 'static> {
    /// The multiplier.
    pub(crate) mul: u64,
    /// `64 - log2(slots)`.
    pub(crate) shift: u32,
    /// The slots; an empty slot has length 0.
    pub(crate) slots: &'static [TextSlot<V>],
}

impl<V> TextMap<V> {
    /// The value stored for exactly `text`, if the map holds it.
    #[inline(always)]
    pub(crate) fn get(&self, text: &str) -> Option<&'static V> {
        let text = text.as_bytes();
        let n = text.len();
        if n == 0 || n > TEXT_MAX {
            return None;
        }
        let (first, last) = edges(text);
        let slot = self
            .slots
            .get((mix(n, first, last).wrapping_mul(self.mul) >> self.shift) as usize)?;
        let mut diff = u64::from(usize::from(slot.len) != n);
        if n >= 8 {
            // Five overlapping words cover any text of 8 to 40 bytes.
            for k in 0..TEXT_MAX / 8 {
                let at = (8 * k).min(n - 8);
                diff |= word_at(text, at) ^ word_at(&slot.text, at);
            }
        } else {
            diff |= first ^ word_at(&slot.text, 0);
        }
        (diff == 0).then_some(&slot.value)
    }
}

/// The eight bytes at `at`, little-endian; zero if the text ends before them.
#[inline(always)]
fn word_at(bytes: &[u8], at: usize) -> u64 {
    bytes
        .get(at..)
        .and_then(<[u8]>::first_chunk::<8>)
        .map_or(0, |w| u64::from_le_bytes(*w))
}

/// The key of `code` in `table` (given by its index) in the map of all codes.
#[inline]
pub(crate) const fn code_key(table: usize, code: i32) -> u64 {
    ((table as u64 + 1) << 32) | code as u32 as u64
}

/// The key of a number in the map from numbers to all their entries.
#[inline]
pub(crate) const fn number_key(code: i32) -> u64 {
    code as u32 as u64
}

const K: u64 = 0x9e37_79b9_7f4a_7c15;

/// A hash of a short text, enough to tell one map's texts apart (the build script checks that
/// it does): its length, its first eight bytes and its last eight bytes. The map compares the
/// whole text after.
///
/// The library reaches it through [`TextMap::get`]; the build script calls it directly.
#[allow(dead_code)]
pub(crate) fn text_key(text: &[u8]) -> u64 {
    let (first, last) = edges(text);
    mix(text.len(), first, last)
}

/// The first and last eight bytes of a text, little-endian; a shorter text is both.
#[inline]
fn edges(text: &[u8]) -> (u64, u64) {
    match (text.first_chunk::<8>(), text.last_chunk::<8>()) {
        (Some(first), Some(last)) => (u64::from_le_bytes(*first), u64::from_le_bytes(*last)),
        _ => {
            let w = short_word(text);
            (w, w)
        }
    }
}

#[inline]
fn mix(len: usize, first: u64, last: u64) -> u64 {
    let h = (first ^ len as u64).wrapping_mul(K);
    let h = (h.rotate_left(29) ^ last).wrapping_mul(K);
    // Never the empty slot's key.
    h & !1
}

/// Up to seven bytes, little-endian.
#[inline]
fn short_word(bytes: &[u8]) -> u64 {
    bytes.iter().rev().fold(0, |w, &b| (w << 8) | u64::from(b))
}
