//! Instructions per query, for `valgrind --tool=callgrind`, which counts instructions rather
//! than time and so gives the same answer on a loaded machine.
//!
//! `cargo bench --bench instructions --no-run`, then for each operation:
//! `valgrind --tool=callgrind <bench binary> <operation>`; subtract the `none` run's total and
//! divide by 1,024,000 queries. `BENCHMARKS.md` lists the operations and a run's counts.

use std::collections::HashMap;
use std::hint::black_box;

use geetest_codes::{find, lookup, onelogin, Entry, Table};
use rustc_hash::FxHashMap;

mod common;
use common::{by_table_and_number, phf_baseline, queries, ParseInputs};

include!(concat!(env!("OUT_DIR"), "/baselines.rs"));

const ROUNDS: usize = 1000;

fn main() {
    let operation = std::env::args().nth(1).unwrap_or_default();
    let batch = queries(None);
    let inputs = ParseInputs::new(Table::OneLoginServer);
    let (names, slugs, decimals) = inputs.texts();
    let std_map: HashMap<(Table, i32), &Entry> = by_table_and_number().into_iter().collect();
    let fx_map: FxHashMap<(Table, i32), &Entry> = std_map.iter().map(|(k, v)| (*k, *v)).collect();
    let phf_maps = phf_baseline();

    // One loop per operation, so that every operation (and `none`) pays the same loop.
    let sum = match operation.as_str() {
        "lookup" => run(&batch, |&(table, code)| {
            lookup(table, code).map_or(0, |e| i64::from(e.code()))
        }),
        "match" => run(&batch, |&(table, code)| {
            match_lookup(table.index(), code).map_or(0, i64::from)
        }),
        "std" => run(&batch, |&(table, code)| {
            std_map
                .get(&(table, code))
                .map_or(0, |e| i64::from(e.code()))
        }),
        "fx" => run(&batch, |&(table, code)| {
            fx_map
                .get(&(table, code))
                .map_or(0, |e| i64::from(e.code()))
        }),
        "phf" => run(&batch, |&(table, code)| {
            phf_maps[table.index()]
                .get(&code)
                .map_or(0, |e| i64::from(e.code()))
        }),
        "find" => run(&batch, |&(_, code)| find(code).len() as i64),
        "name" => run(&names, |name| {
            name.parse::<onelogin::ServerCode>()
                .map_or(0, |c| i64::from(c.code()))
        }),
        "decimal" => run(&decimals, |text| {
            text.parse::<onelogin::ServerCode>()
                .map_or(0, |c| i64::from(c.code()))
        }),
        "slug" => run(&slugs, |slug| {
            slug.parse::<Table>().map_or(0, |t| t.index() as i64)
        }),
        _ => run(&batch, |&(_, code)| i64::from(code)),
    };
    println!("{operation}: {sum}");
}

/// Runs `query` over a batch `ROUNDS` times and sums its answers.
fn run<Q>(batch: &[Q], query: impl Fn(&Q) -> i64) -> i64 {
    let mut sum = 0i64;
    for _ in 0..ROUNDS {
        for q in black_box(batch) {
            sum += query(q);
        }
    }
    sum
}
