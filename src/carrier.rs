//! The carriers' own SDK codes, which the app SDKs' -401xx (China Mobile), -402xx (China Unicom) and -403xx (China Telecom) failures carry in their reports.
//!
//! One enum per table; each variant's discriminant is its code, and its documentation gives the
//! code, the vendor's Chinese description, our English translation and the remediation steps.

include!(concat!(env!("OUT_DIR"), "/carrier.rs"));
