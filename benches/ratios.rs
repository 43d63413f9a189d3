//! Parsing against lookups, timed in pairs: the ratios the targets are stated in, measured so
//! that a machine whose speed drifts during a run cannot tilt them.
//!
//! Each round times the lookup batch and a parser's batch back to back (in alternating order)
//! and keeps the parser's time divided by the lookup's; the report is the median and the
//! quartiles of those ratios over all rounds. `cargo bench --bench ratios`; `BENCHMARKS.md`
//! has a run's results.

use std::hint::black_box;
use std::time::{Duration, Instant};

use geetest_codes::{lookup, onelogin, Table};

mod common;
use common::{queries, ParseInputs};

/// Rounds per parser, and batches per timing within a round.
const ROUNDS: usize = 400;
const REPEAT: usize = 50;

fn main() {
    let batch = queries(None);
    let inputs = ParseInputs::new(Table::OneLoginServer);
    let (names, slugs, decimals) = inputs.texts();

    let lookups = || {
        let mut sum = 0i64;
        for &(table, code) in black_box(&batch) {
            sum += lookup(table, code).map_or(0, |e| i64::from(e.code()));
        }
        sum
    };
    let parsers: [(&str, &dyn Fn() -> i64); 3] = [
        ("ServerCode from a variant name", &|| {
            let mut hits = 0i64;
            for s in black_box(&names) {
                hits += i64::from(s.parse::<onelogin::ServerCode>().is_ok());
            }
            hits
        }),
        ("Table from a slug", &|| {
            let mut hits = 0i64;
            for s in black_box(&slugs) {
                hits += i64::from(s.parse::<Table>().is_ok());
            }
            hits
        }),
        ("ServerCode from a decimal string", &|| {
            let mut hits = 0i64;
            for s in black_box(&decimals) {
                hits += i64::from(s.parse::<onelogin::ServerCode>().is_ok());
            }
            hits
        }),
    ];

    println!(
        "{ROUNDS} rounds of {REPEAT} batches of 1,024 queries each; parser time / lookup time"
    );
    println!("| parser | lookup (ns/query, median) | parser (ns/query, median) | ratio: median | quartiles |");
    println!("|---|---:|---:|---:|---|");
    for (name, parse) in parsers {
        // Warm up both, then measure.
        time(&lookups);
        time(parse);
        let mut ratios = Vec::with_capacity(ROUNDS);
        let mut lookup_times = Vec::with_capacity(ROUNDS);
        let mut parse_times = Vec::with_capacity(ROUNDS);
        for round in 0..ROUNDS {
            let (l, p) = if round % 2 == 0 {
                let l = time(&lookups);
                (l, time(parse))
            } else {
                let p = time(parse);
                (time(&lookups), p)
            };
            ratios.push(p.as_secs_f64() / l.as_secs_f64());
            lookup_times.push(per_query(l));
            parse_times.push(per_query(p));
        }
        let (q1, median, q3) = quartiles(&mut ratios);
        let (_, lookup_median, _) = quartiles(&mut lookup_times);
        let (_, parse_median, _) = quartiles(&mut parse_times);
        println!(
            "| {name} | {lookup_median:.2} | {parse_median:.2} | {median:.2} | {q1:.2}–{q3:.2} |"
        );
    }
}

/// The time of `REPEAT` batches.
fn time(run: &dyn Fn() -> i64) -> Duration {
    let start = Instant::now();
    for _ in 0..REPEAT {
        black_box(run());
    }
    start.elapsed()
}

/// Nanoseconds per query of a timing of `REPEAT` batches.
fn per_query(t: Duration) -> f64 {
    t.as_secs_f64() * 1e9 / (REPEAT * common::BATCH) as f64
}

/// The first quartile, the median and the third quartile.
fn quartiles(values: &mut [f64]) -> (f64, f64, f64) {
    values.sort_by(f64::total_cmp);
    let at = |q: f64| values[((values.len() - 1) as f64 * q).round() as usize];
    (at(0.25), at(0.5), at(0.75))
}
