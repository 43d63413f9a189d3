//! Instructions per query, for `valgrind --tool=callgrind`, which counts instructions rather
//! than time and so gives the same answer on a loaded machine.
//!
//! `cargo bench --bench instructions --no-run`, then for each operation:
//! `valgrind --tool=callgrind <bench binary> <operation>`; subtract the `none` run's total and
//! divide by 1,024,000 queries. `BENCHMARKS.md` lists the operations and a run's counts.

use std::collections::HashMap;
use std::hint::black_box;

use geetest_codes::{entries, find, lookup, onelogin, Entry, Table};
use rustc_hash::FxHashMap;

mod common;
use common::{by_table_and_number, phf_baseline, queries};

include!(concat!(env!("OUT_DIR"), "/baselines.rs"));

const ROUNDS: usize = 1000;

fn main() {
    let operation = std::env::args().nth(1).unwrap_or_default();
    let batch = queries(None);
    // Names of one table's queries: 80% its own, 20% another table's or none.
    let names: Vec<&str> = queries(Some(Table::OneLoginServer))
        .iter()
        .enumerate()
        .map(|(i, &(t, c))| lookup(t, c).map_or(entries()[i % entries().len()].name(), Entry::name))
        .collect();
    let slugs: Vec<&str> = batch.iter().map(|(t, _)| t.slug()).collect();
    let std_map: HashMap<(Table, i32), &Entry> = by_table_and_number().into_iter().collect();
    let fx_map: FxHashMap<(Table, i32), &Entry> = std_map.iter().map(|(k, v)| (*k, *v)).collect();
    let phf_maps = phf_baseline();

    let mut sum = 0i64;
    for _ in 0..ROUNDS {
        for (i, &(table, code)) in black_box(&batch).iter().enumerate() {
            sum += match operation.as_str() {
                "lookup" => lookup(table, code).map_or(0, |e| i64::from(e.code())),
                "match" => match_lookup(table.index(), code).map_or(0, i64::from),
                "std" => std_map
                    .get(&(table, code))
                    .map_or(0, |e| i64::from(e.code())),
                "fx" => fx_map
                    .get(&(table, code))
                    .map_or(0, |e| i64::from(e.code())),
                "phf" => phf_maps[table.index()]
                    .get(&code)
                    .map_or(0, |e| i64::from(e.code())),
                "find" => find(code).len() as i64,
                "name" => names[i]
                    .parse::<onelogin::ServerCode>()
                    .map_or(0, |c| i64::from(c.code())),
                "slug" => slugs[i].parse::<Table>().map_or(0, |t| t.index() as i64),
                _ => i64::from(code),
            };
        }
    }
    println!("{operation}: {sum}");
}
