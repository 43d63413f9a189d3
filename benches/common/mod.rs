//! The query batches the benchmarks share.

// Each bench uses only some of these.
#![allow(dead_code)]

use geetest_codes::{entries, lookup, Entry, Table};

pub const BATCH: usize = 1024;

/// xorshift64*: a fixed-seed generator, so every run measures the same batch.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// 1,024 (table, number) queries, restricted to `only` if given.
pub fn queries(only: Option<Table>) -> Vec<(Table, i32)> {
    let mut rng = Rng(0x0005_eed0_f9ee_7e57);
    let pool: Vec<&Entry> = entries()
        .iter()
        .filter(|e| only.is_none_or(|t| e.table() == t))
        .collect();
    let tables: Vec<Table> = match only {
        Some(t) => vec![t],
        None => Table::iter().collect(),
    };
    let mut out = Vec::with_capacity(BATCH);
    while out.len() < BATCH {
        let entry = pool[rng.below(pool.len())];
        if rng.below(10) < 8 {
            let numbers: Vec<i32> = std::iter::once(entry.code())
                .chain(entry.aliases().iter().copied())
                .collect();
            out.push((entry.table(), numbers[rng.below(numbers.len())]));
            continue;
        }
        let table = tables[rng.below(tables.len())];
        let miss = match rng.below(3) {
            // A number of another table.
            0 => entries()[rng.below(entries().len())].code(),
            // A neighbouring number.
            1 => entry.code() + if rng.below(2) == 0 { 1 } else { -1 },
            // Any number.
            _ => rng.next() as i32,
        };
        if lookup(table, miss).is_none() {
            out.push((table, miss));
        }
    }
    out
}

/// Texts packed one after another in a single buffer, as a parser meets them in a response it
/// has just read, rather than in 1,024 separate heap allocations scattered by earlier ones.
pub struct Packed {
    buffer: String,
    ends: Vec<usize>,
}

impl Packed {
    pub fn new(texts: &[String]) -> Self {
        let mut buffer = String::new();
        let mut ends = Vec::with_capacity(texts.len());
        for text in texts {
            buffer.push_str(text);
            ends.push(buffer.len());
        }
        Packed { buffer, ends }
    }

    /// The texts, borrowed from the buffer.
    pub fn texts(&self) -> Vec<&str> {
        let mut start = 0;
        self.ends
            .iter()
            .map(|&end| {
                let text = &self.buffer[start..end];
                start = end;
                text
            })
            .collect()
    }
}

/// The parsers' batches for `table`, each packed: variant names, slugs and decimal strings.
pub struct ParseInputs {
    pub names: Packed,
    pub slugs: Packed,
    pub decimals: Packed,
}

impl ParseInputs {
    pub fn new(table: Table) -> Self {
        ParseInputs {
            names: Packed::new(&names(table)),
            slugs: Packed::new(&slugs()),
            decimals: Packed::new(&decimals(table)),
        }
    }

    /// The names, slugs and decimal strings, borrowed from their buffers.
    pub fn texts(&self) -> (Vec<&str>, Vec<&str>, Vec<&str>) {
        (
            self.names.texts(),
            self.slugs.texts(),
            self.decimals.texts(),
        )
    }
}

/// 1,024 variant names for `table`'s enum, from `queries(Some(table))`: a hit's name, and for
/// a miss a name of another table or a near miss (a name of this table with `X` appended).
pub fn names(table: Table) -> Vec<String> {
    queries(Some(table))
        .iter()
        .map(|&(t, code)| match lookup(t, code) {
            Some(entry) => entry.name().to_string(),
            None => {
                let other = &entries()[(code.unsigned_abs() as usize) % entries().len()];
                if other.table() == t {
                    format!("{}X", other.name())
                } else {
                    other.name().to_string()
                }
            }
        })
        .collect()
}

/// The numbers of `queries(Some(table))` as decimal strings.
pub fn decimals(table: Table) -> Vec<String> {
    queries(Some(table))
        .iter()
        .map(|(_, code)| code.to_string())
        .collect()
}

/// 1,024 slugs: 80% a table's slug, 20% a slug with `s` appended.
pub fn slugs() -> Vec<String> {
    let mut rng = Rng(7);
    (0..BATCH)
        .map(|_| {
            let slug = Table::ALL[rng.below(Table::ALL.len())].slug();
            if rng.below(10) < 8 {
                slug.to_string()
            } else {
                format!("{slug}s")
            }
        })
        .collect()
}

/// phf 0.14's `Map`, laid out at start-up by its own generator: one map per table, as the
/// crate's first representation had them.
pub fn phf_baseline() -> Vec<&'static phf::Map<i32, &'static Entry>> {
    Table::iter()
        .map(|table| {
            let pairs: Vec<(i32, &'static Entry)> = table
                .entries()
                .iter()
                .flat_map(|e| {
                    std::iter::once(e.code())
                        .chain(e.aliases().iter().copied())
                        .map(move |n| (n, e))
                })
                .collect();
            let keys: Vec<i32> = pairs.iter().map(|(k, _)| *k).collect();
            let state = phf_generator::generate_hash(&keys);
            let ordered: Vec<(i32, &'static Entry)> = state.map.iter().map(|&i| pairs[i]).collect();
            let map = phf::Map {
                key: state.key,
                disps: Box::leak(state.disps.into_boxed_slice()),
                entries: Box::leak(ordered.into_boxed_slice()),
            };
            &*Box::leak(Box::new(map))
        })
        .collect()
}

/// Every number of every row, keyed by (table, number), as a user would index them by hand.
pub fn by_table_and_number() -> Vec<((Table, i32), &'static Entry)> {
    entries()
        .iter()
        .flat_map(|e| {
            std::iter::once(e.code())
                .chain(e.aliases().iter().copied())
                .map(move |n| ((e.table(), n), e))
        })
        .collect()
}
