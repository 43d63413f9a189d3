//! The query batches the benchmarks share.

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
