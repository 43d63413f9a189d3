//! Lookups, parses, iteration and `Display` into a reused buffer allocate nothing on the heap.
//!
//! A counting global allocator counts, per thread, every allocation made while a closure runs.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::fmt::Write;

use geetest_codes::{
    carrier, entries, find, h5_onepass, lookup, lookup_name, onelogin, Carrier, Code, Table,
};

struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

// SAFETY: every call is forwarded unchanged to `System`, which upholds the contract; the
// counter is a const-initialised thread-local, which does not allocate.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.with(|n| n.set(n.get() + 1));
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.with(|n| n.set(n.get() + 1));
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// How many allocations `f` made on this thread.
fn allocations(f: impl FnOnce()) -> usize {
    let before = ALLOCATIONS.with(Cell::get);
    f();
    ALLOCATIONS.with(Cell::get) - before
}

#[test]
fn the_counter_counts() {
    // Without this, a broken counter would make every other test pass.
    assert!(allocations(|| drop(std::hint::black_box(vec![1u8; 16]))) >= 1);
}

#[test]
fn lookups_allocate_nothing() {
    let n = allocations(|| {
        let mut sum = 0i64;
        for entry in entries() {
            for &number in std::iter::once(&entry.code()).chain(entry.aliases()) {
                sum += i64::from(lookup(entry.table(), number).map_or(0, |e| e.code()));
                sum += find(number).map(|e| i64::from(e.code())).sum::<i64>();
            }
            sum += lookup_name(entry.table(), entry.name()).map_or(0, |e| i64::from(e.code()));
            sum += i64::from(lookup(entry.table(), 424_242).is_some());
        }
        sum += find(-1).len() as i64;
        std::hint::black_box(sum);
    });
    assert_eq!(n, 0);
}

#[test]
fn parses_allocate_nothing() {
    let n = allocations(|| {
        let mut hits = 0usize;
        for text in [
            "12105",
            " +12105 ",
            "SignatureError",
            "-1",
            "ProcessIdReused",
        ] {
            hits += usize::from(text.parse::<onelogin::ServerCode>().is_ok());
            hits += usize::from(text.parse::<Code<onelogin::ServerCode>>().is_ok());
        }
        hits += usize::from(onelogin::AndroidCode::try_from(-40101).is_ok());
        hits += usize::from(carrier::ChinaTelecomCode::try_from(80001).is_ok());
        hits += usize::from(h5_onepass::WebCode::try_from(7).is_ok());
        for table in Table::iter() {
            hits += usize::from(table.slug().parse::<Table>().is_ok());
        }
        for text in ["CM", "cu", "中国电信", "carrier/china-mobile"] {
            hits += usize::from(text.parse::<Carrier>().is_ok());
        }
        hits += usize::from(Carrier::ChinaMobile.parse_code("200072").is_ok());
        std::hint::black_box(hits);
    });
    assert_eq!(n, 0);
}

#[cfg(feature = "serde")]
#[test]
fn deserializing_codes_allocates_nothing() {
    let n = allocations(|| {
        let mut sum = 0i64;
        for json in ["12105", "\"12105\"", "99999", "\"-7\""] {
            let code: Code<onelogin::ServerCode> =
                serde_json::from_str(json).unwrap_or(Code::Unknown(0));
            sum += i64::from(code.code());
        }
        std::hint::black_box(sum);
    });
    assert_eq!(n, 0);
}

#[test]
fn iteration_allocates_nothing() {
    let n = allocations(|| {
        let mut count = 0usize;
        count += Table::iter().map(|t| t.entries().len()).sum::<usize>();
        count += onelogin::ServerCode::iter().count();
        count += carrier::ChinaMobileCode::iter()
            .map(|c| c.remediation(geetest_codes::Lang::En).len())
            .sum::<usize>();
        count += entries().iter().filter(|e| e.is_retryable()).count();
        std::hint::black_box(count);
    });
    assert_eq!(n, 0);
}

#[test]
fn display_into_a_reused_buffer_allocates_nothing() {
    let mut buffer = String::with_capacity(4096);
    let n = allocations(|| {
        for entry in entries() {
            buffer.clear();
            let _ = write!(
                buffer,
                "{entry} {} {} {}",
                entry.table(),
                entry.category(),
                entry.action()
            );
        }
        for code in onelogin::AndroidCode::iter() {
            buffer.clear();
            let _ = write!(buffer, "{code}");
        }
        buffer.clear();
        let _ = write!(buffer, "{}", Code::<onelogin::ServerCode>::Unknown(99999));
    });
    assert_eq!(n, 0);
    assert!(buffer.contains("99999"));
}
