//! The static data the build script compiles from `data/`.

use crate::entry::{Steps, Text};
use crate::perfect_hash::{Bucket, PerfectMap, EMPTY};
use crate::{Action, Carrier, Category, Entry, Table};

include!(concat!(env!("OUT_DIR"), "/entries.rs"));
