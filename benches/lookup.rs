//! Lookups and parses against what a user would write by hand, in one run.
//!
//! Every benchmark runs a batch of 1,024 queries: 80% hit, 20% miss (a number from another
//! table, a neighbouring number, a random number), in a fixed pseudo-random order so that
//! branch prediction cannot learn the batch. Criterion reports the time per batch; divide by
//! 1,024 for one query. `cargo bench --bench lookup`; `BENCHMARKS.md` has a run's results.

use std::collections::HashMap;
use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use geetest_codes::{entries, find, lookup, onelogin, Code, Entry, Table};
use rustc_hash::FxHashMap;

// `match_lookup(table, code)`: one `match` per table, generated from the same data.
include!(concat!(env!("OUT_DIR"), "/baselines.rs"));

mod common;
use common::{by_table_and_number, phf_baseline, queries, ParseInputs, BATCH};

/// The benchmark of `lookup`: every query of the batch, summing the codes found.
fn lookups(batch: &[(Table, i32)]) -> i64 {
    let mut sum = 0i64;
    for &(table, code) in black_box(batch) {
        sum += lookup(table, code).map_or(0, |e| i64::from(e.code()));
    }
    sum
}

fn bench_lookup(c: &mut Criterion) {
    let batch = queries(None);
    let std_map: HashMap<(Table, i32), &'static Entry> =
        by_table_and_number().into_iter().collect();
    let fx_map: FxHashMap<(Table, i32), &'static Entry> =
        std_map.iter().map(|(k, v)| (*k, *v)).collect();
    let phf_maps = phf_baseline();

    let mut group = c.benchmark_group("lookup");
    group.throughput(Throughput::Elements(BATCH as u64));
    group.bench_function("geetest_codes::lookup", |b| b.iter(|| lookups(&batch)));
    group.bench_function("baseline: match", |b| {
        b.iter(|| {
            let mut sum = 0i64;
            for &(table, code) in black_box(&batch) {
                let entry = match_lookup(table.index(), code).map(|i| &entries()[usize::from(i)]);
                sum += entry.map_or(0, |e| i64::from(e.code()));
            }
            sum
        })
    });
    group.bench_function("baseline: std HashMap", |b| {
        b.iter(|| {
            let mut sum = 0i64;
            for key in black_box(&batch) {
                sum += std_map.get(key).map_or(0, |e| i64::from(e.code()));
            }
            sum
        })
    });
    group.bench_function("baseline: FxHashMap", |b| {
        b.iter(|| {
            let mut sum = 0i64;
            for key in black_box(&batch) {
                sum += fx_map.get(key).map_or(0, |e| i64::from(e.code()));
            }
            sum
        })
    });
    group.bench_function("baseline: phf 0.14 Map", |b| {
        b.iter(|| {
            let mut sum = 0i64;
            for &(table, code) in black_box(&batch) {
                sum += phf_maps[table.index()]
                    .get(&code)
                    .map_or(0, |e| i64::from(e.code()));
            }
            sum
        })
    });
    group.finish();
}

fn bench_typed(c: &mut Criterion) {
    let table = Table::OneLoginAndroid;
    let batch: Vec<i32> = queries(Some(table))
        .into_iter()
        .map(|(_, code)| code)
        .collect();
    let mut group = c.benchmark_group("typed enum");
    group.throughput(Throughput::Elements(BATCH as u64));
    group.bench_function("onelogin::AndroidCode::try_from", |b| {
        b.iter(|| {
            let mut sum = 0i64;
            for &code in black_box(&batch) {
                sum += onelogin::AndroidCode::try_from(code).map_or(0, |c| i64::from(c.code()));
            }
            sum
        })
    });
    group.bench_function("baseline: match", |b| {
        b.iter(|| {
            let mut sum = 0i64;
            for &code in black_box(&batch) {
                let entry = match_lookup(table.index(), code).map(|i| &entries()[usize::from(i)]);
                sum += entry.map_or(0, |e| i64::from(e.code()));
            }
            sum
        })
    });
    group.finish();
}

fn bench_find(c: &mut Criterion) {
    let batch: Vec<i32> = queries(None).into_iter().map(|(_, code)| code).collect();
    let mut group = c.benchmark_group("find");
    group.throughput(Throughput::Elements(BATCH as u64));
    group.bench_function("geetest_codes::find", |b| {
        b.iter(|| {
            let mut sum = 0usize;
            for &code in black_box(&batch) {
                sum += find(code).len();
            }
            sum
        })
    });
    group.bench_function("baseline: lookup in each of 15 tables", |b| {
        b.iter(|| {
            let mut sum = 0usize;
            for &code in black_box(&batch) {
                sum += Table::iter().filter(|&t| lookup(t, code).is_some()).count();
            }
            sum
        })
    });
    group.finish();
}

fn bench_parse(c: &mut Criterion) {
    let table = Table::OneLoginServer;
    let inputs = ParseInputs::new(table);
    let (names, slugs, decimals) = inputs.texts();
    let json = decimals.clone();

    let mut group = c.benchmark_group("parse");
    group.throughput(Throughput::Elements(BATCH as u64));
    // The same lookups as the `lookup` group, measured again beside the parsers: this machine's
    // speed drifts over a run, and the parsers' target is a ratio to a lookup.
    let reference = queries(None);
    group.bench_function("reference: geetest_codes::lookup", |b| {
        b.iter(|| lookups(&reference))
    });
    group.bench_function("ServerCode from a decimal string", |b| {
        b.iter(|| {
            let mut hits = 0usize;
            for s in black_box(&decimals) {
                hits += usize::from(s.parse::<onelogin::ServerCode>().is_ok());
            }
            hits
        })
    });
    group.bench_function("ServerCode from a variant name", |b| {
        b.iter(|| {
            let mut hits = 0usize;
            for s in black_box(&names) {
                hits += usize::from(s.parse::<onelogin::ServerCode>().is_ok());
            }
            hits
        })
    });
    group.bench_function("Table from a slug", |b| {
        b.iter(|| {
            let mut hits = 0usize;
            for s in black_box(&slugs) {
                hits += usize::from(s.parse::<Table>().is_ok());
            }
            hits
        })
    });
    group.bench_function("Code<ServerCode> from JSON", |b| {
        b.iter(|| {
            let mut sum = 0i64;
            for s in black_box(&json) {
                let code: Code<onelogin::ServerCode> =
                    serde_json::from_str(s).unwrap_or(Code::Unknown(0));
                sum += i64::from(code.code());
            }
            sum
        })
    });
    group.finish();
}

criterion_group!(benches, bench_lookup, bench_typed, bench_find, bench_parse);
criterion_main!(benches);
