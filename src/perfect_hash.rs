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

/// A text as a [`TextMap`] sees it: five little-endian words that together cover every byte.
///
/// For a text of 8 to 40 bytes they are the eight bytes starting at 0, 8, 16, 24 and
/// `len - 8`, each start clamped to `len - 8` (so a short text repeats its last word); a text of
/// 1 to 7 bytes is one word, its bytes then zeros, five times. Two texts of the same length have
/// the same words exactly when they are the same text, so comparing the length and the words
/// compares the texts: five word compares whatever the length, with no loop over the bytes.
pub(crate) type Words = [u64; 5];

/// One slot of a [`TextMap`]: its text's [`Words`] and length, and its value.
///
/// A slot fills one 64-byte cache line (five words, the length and a small value), so a lookup
/// reads one line of the table and finds a slot by a shift rather than a multiplication.
#[derive(Debug)]
#[repr(align(64))]
pub(crate) struct TextSlot<V: 'static> {
    /// The text's words, computed by the build script with [`words`].
    pub(crate) words: Words,
    /// The text's length; 0 for an empty slot, which no text matches.
    pub(crate) len: usize,
    /// The value.
    pub(crate) value: V,
}

/// A map from short texts (variant names, slugs): one level of multiply-shift hashing over a
/// key made from the text's first and last eight bytes and its length, then a comparison with
/// the slot's text, which settles every question.
///
/// The maps are small (at most a few dozen texts), so the build script can afford a sparse
/// table in which one multiplier alone keeps every text apart; that saves the second level a
/// [`PerfectMap`] needs. The slot keeps its text as [`Words`], worked out by the build script,
/// so the comparison is five word compares whatever the text's length.
///
/// The generated maps are consts whose slots are statics: where the map is known at compile
/// time (a typed enum's names, the slugs), the multiplier, the shift and the number of slots
/// are constants in the code, and the slot index needs no bounds check.
#[derive(Debug)]
pub(crate) struct TextMap<V: 'static> {
    /// Which middle words the key adds to the first and last (see [`text_key`]); zero for
    /// almost every map.
    pub(crate) middle: u8,
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
        let words = words(text)?;
        let slot = self.slots.get(
            (text_key(text.len(), &words, self.middle).wrapping_mul(self.mul) >> self.shift)
                as usize,
        )?;
        let [a0, a1, a2, a3, a4] = words;
        let [b0, b1, b2, b3, b4] = slot.words;
        let diff = (a0 ^ b0) | (a1 ^ b1) | (a2 ^ b2) | (a3 ^ b3) | (a4 ^ b4);
        (diff | (slot.len ^ text.len()) as u64 == 0).then_some(&slot.value)
    }
}

/// The [`Words`] of a text, or `None` for an empty text or one longer than [`TEXT_MAX`].
#[inline(always)]
pub(crate) fn words(text: &[u8]) -> Option<Words> {
    let n = text.len();
    // One compare tells the usual case (8 to 40 bytes) from the rest.
    let last = n.wrapping_sub(8);
    if last <= TEXT_MAX - 8 {
        let at = |start: usize| word_at(text, start.min(last));
        Some([at(0), at(8), at(16), at(24), at(last)])
    } else if (1..8).contains(&n) {
        Some([short_word(text); 5])
    } else {
        None
    }
}

/// The key a text is hashed by: the sum of its first and last words (one word twice for a text
/// under eight bytes), with its length mixed in, plus the middle words that `middle` selects
/// (bit 0 adds `words[1]`, bit 1 `words[2]`, bit 2 `words[3]`).
///
/// Names such as `SignatureIdMismatch` and `SignatureKeyMismatch` share their first and last
/// words and differ in length; names of one length that share both words differ in a middle
/// word. The build script picks, per map, the first `middle` under which every key differs, and
/// refuses the data (naming the texts) if none does. The map headers are consts, so `middle`
/// is a constant where the key is computed and the unused words cost nothing.
#[inline(always)]
pub(crate) fn text_key(len: usize, words: &Words, middle: u8) -> u64 {
    let pick = |k: usize| {
        if middle & (1 << (k - 1)) != 0 {
            words[k]
        } else {
            0
        }
    };
    words[0]
        .wrapping_add(words[4])
        .wrapping_add(pick(1))
        .wrapping_add(pick(2))
        .wrapping_add(pick(3))
        ^ len as u64
}

/// The eight bytes at `at`, little-endian; zero if the text ends before them.
#[inline(always)]
fn word_at(bytes: &[u8], at: usize) -> u64 {
    bytes
        .get(at..)
        .and_then(<[u8]>::first_chunk::<8>)
        .map_or(0, |w| u64::from_le_bytes(*w))
}

/// Up to seven bytes, little-endian.
#[inline]
fn short_word(bytes: &[u8]) -> u64 {
    bytes.iter().rev().fold(0, |w, &b| (w << 8) | u64::from(b))
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
