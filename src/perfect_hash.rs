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

/// A map from short texts (variant names, slugs): one level of multiply-shift hashing over a
/// hash of the text, then a comparison with the slot's text, which settles every question.
///
/// The maps are small (at most a few dozen texts), so the build script can afford a sparse
/// table in which one multiplier alone keeps every text apart; that saves the second level a
/// [`PerfectMap`] needs.
#[derive(Debug)]
pub(crate) struct TextMap<V: 'static> {
    /// The multiplier.
    pub(crate) mul: u64,
    /// `64 - log2(slots)`.
    pub(crate) shift: u32,
    /// Each slot's text and value; an empty text where no text landed.
    pub(crate) slots: &'static [(&'static str, V)],
}

impl<V> TextMap<V> {
    /// The value stored for exactly `text`, if the map holds it.
    #[inline(always)]
    pub(crate) fn get(&self, text: &str) -> Option<&'static V> {
        let text = text.as_bytes();
        let (first, last) = edges(text);
        let key = mix(text.len(), first, last);
        let (stored, value) = self
            .slots
            .get((key.wrapping_mul(self.mul) >> self.shift) as usize)?;
        let stored = stored.as_bytes();
        let same = stored.len() == text.len()
            && !text.is_empty()
            && if text.len() < 8 {
                stored == text
            } else {
                // The edges are in hand already; only a text longer than 16 bytes has a middle.
                edges(stored) == (first, last) && same_middle(stored, text)
            };
        same.then_some(value)
    }
}

/// Whether two texts of the same length, at least 8 bytes, agree between their first and last
/// eight bytes. Compared eight bytes at a time, without a call to `memcmp`.
#[inline]
fn same_middle(a: &[u8], b: &[u8]) -> bool {
    let mut i = 8;
    while i + 8 < a.len() {
        let chunk = |t: &[u8]| t.get(i..).and_then(|rest| rest.first_chunk::<8>().copied());
        match (chunk(a), chunk(b)) {
            (Some(x), Some(y)) if x == y => i += 8,
            _ => return false,
        }
    }
    true
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
