//! Builds the two-level perfect-hash layout that `src/perfect_hash.rs` reads.
//!
//! First level: `bucket = (key * mul) >> shift` over a power of two of buckets, about one per
//! key. Second level: each bucket of `c` keys gets about `c²` slots and a multiplier under which
//! its keys land in distinct slots. The multipliers come from a fixed-seed generator, so the
//! same keys always give the same layout.

/// One bucket of the layout.
pub struct Bucket {
    /// The bucket's multiplier.
    pub mul: u64,
    /// `64 - log2(slots)`.
    pub shift: u32,
    /// The bucket's first slot.
    pub base: u32,
}

/// A finished layout: which key sits in each slot.
pub struct Layout {
    /// The first-level multiplier.
    pub mul: u64,
    /// `64 - log2(buckets)`.
    pub shift: u32,
    /// The buckets.
    pub buckets: Vec<Bucket>,
    /// For each slot, the index of the key in it.
    pub slots: Vec<Option<usize>>,
}

/// splitmix64: a small, fixed-seed source of odd multipliers.
struct Multipliers(u64);

impl Multipliers {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        (z ^ (z >> 31)) | 1
    }
}

/// `(mul, shift)` that send every key to slot 0 of a one-slot range.
const ONE_SLOT: (u64, u32) = (0, 63);

fn spread(key: u64, mul: u64, shift: u32) -> usize {
    (key.wrapping_mul(mul) >> shift) as usize
}

/// Lays out `keys`, which must be distinct and must not include the empty slot's key.
pub fn build(keys: &[u64]) -> Result<Layout, String> {
    for (i, key) in keys.iter().enumerate() {
        if *key == u64::MAX {
            return Err(format!("key {i} equals the empty slot's key"));
        }
        if keys[..i].contains(key) {
            return Err(format!("key {key:#x} appears twice"));
        }
    }
    let mut rng = Multipliers(0x6765_6574_6573_7421);
    let bits = usize::BITS - keys.len().max(1).saturating_sub(1).leading_zeros();
    let n_buckets = 1usize << bits;
    let (shift, tries) = if bits == 0 {
        (ONE_SLOT.1, 1)
    } else {
        (64 - bits, 10_000)
    };

    // First level: a multiplier under which the buckets stay small (sum of squares <= 3n).
    let mut chosen = None;
    for _ in 0..tries {
        let mul = if bits == 0 { ONE_SLOT.0 } else { rng.next() };
        let mut members: Vec<Vec<usize>> = vec![Vec::new(); n_buckets];
        for (i, key) in keys.iter().enumerate() {
            members[spread(*key, mul, shift)].push(i);
        }
        let cost: usize = members.iter().map(|m| m.len() * m.len()).sum();
        if cost <= 3 * keys.len().max(1) {
            chosen = Some((mul, members));
            break;
        }
    }
    let (mul, members) = chosen.ok_or("no first-level multiplier spreads the keys")?;

    // Second level: per bucket, the smallest power of two of slots that fits its keys apart.
    let mut buckets = Vec::with_capacity(n_buckets);
    let mut slots: Vec<Option<usize>> = Vec::new();
    for group in &members {
        let base = u32::try_from(slots.len()).map_err(|_| "too many slots")?;
        if group.len() <= 1 {
            buckets.push(Bucket {
                mul: ONE_SLOT.0,
                shift: ONE_SLOT.1,
                base,
            });
            slots.push(group.first().copied());
            continue;
        }
        let mut placed = None;
        let mut bits = usize::BITS - (group.len() * group.len() - 1).leading_zeros();
        while placed.is_none() && bits < 16 {
            for _ in 0..10_000 {
                let bmul = rng.next();
                let mut local = vec![None; 1 << bits];
                let fits = group.iter().all(|&i| {
                    let at = spread(keys[i], bmul, 64 - bits);
                    local[at].replace(i).is_none()
                });
                if fits {
                    placed = Some((bmul, bits, local));
                    break;
                }
            }
            bits += 1;
        }
        let (bmul, bbits, local) = placed.ok_or("no second-level multiplier separates a bucket")?;
        buckets.push(Bucket {
            mul: bmul,
            shift: 64 - bbits,
            base,
        });
        slots.extend(local);
    }
    Ok(Layout {
        mul,
        shift,
        buckets,
        slots,
    })
}

/// A one-level layout for a few keys: a multiplier under which every key has a slot of its own
/// in a table of `2^bits` slots, with `bits` as small as the search allows (starting at twice
/// the keys' count, rounded up to a power of two).
pub fn build_single(keys: &[u64]) -> Result<(u64, u32, Vec<Option<usize>>), String> {
    let mut rng = Multipliers(0x7465_7874_6d61_7073);
    let mut bits = usize::BITS - (2 * keys.len().max(1) - 1).leading_zeros();
    while bits <= 12 {
        for _ in 0..20_000 {
            let mul = rng.next();
            let mut slots = vec![None; 1 << bits];
            let fits = keys
                .iter()
                .enumerate()
                .all(|(i, key)| slots[spread(*key, mul, 64 - bits)].replace(i).is_none());
            if fits {
                return Ok((mul, 64 - bits, slots));
            }
        }
        bits += 1;
    }
    Err("no multiplier separates the keys in 4096 slots".to_string())
}
