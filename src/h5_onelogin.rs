//! H5 OneLogin (one-click login in H5 pages and mini-programs): the server API's, the web JS's and the mini-program JS's codes.
//!
//! One enum per table; each variant's discriminant is its code, and its documentation gives the
//! code, the vendor's Chinese description, our English translation and the remediation steps.

include!(concat!(env!("OUT_DIR"), "/h5_onelogin.rs"));
