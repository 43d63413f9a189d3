//! OnePass (number verification in apps): the server API's, the Android SDK's and the iOS SDK's codes.
//!
//! One enum per table; each variant's discriminant is its code, and its documentation gives the
//! code, the vendor's Chinese description, our English translation and the remediation steps.

include!(concat!(env!("OUT_DIR"), "/onepass.rs"));
