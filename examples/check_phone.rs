//! A backend that reads OneLogin `check_phone` replies and decides what to do with each.
//!
//! Run with `cargo run --example check_phone`.

use geetest_codes::onelogin::ServerCode;
use geetest_codes::{Action, Category, Code, Lang};

/// The part of a `check_phone` reply this service reads. `status` is 200 on success.
#[derive(serde::Deserialize)]
struct CheckPhoneReply {
    status: Code<ServerCode>,
    #[serde(default)]
    error_msg: Option<String>,
    #[serde(default)]
    result: Option<String>,
}

/// What the login endpoint does next.
enum Decision {
    LogIn(String),
    StartOver,
    TryAgainLater,
    OfferSmsLogin { alert_team: Option<Category> },
    EndQuietly,
}

fn decide(reply: &CheckPhoneReply) -> Decision {
    match reply.status.action() {
        Action::None => Decision::LogIn(reply.result.clone().unwrap_or_default()),
        Action::RefreshToken => Decision::StartOver,
        Action::Retry => Decision::TryAgainLater,
        Action::Abandon => Decision::EndQuietly,
        // Problems with our account or our request need a person; the user still gets SMS.
        Action::Fallback => {
            let category = reply.status.category();
            let ours = matches!(
                category,
                Category::Account | Category::Signature | Category::InvalidRequest
            );
            Decision::OfferSmsLogin {
                alert_team: ours.then_some(category),
            }
        }
        // `Action` may grow; fall back to the safe choice.
        _ => Decision::OfferSmsLogin { alert_team: None },
    }
}

impl std::fmt::Display for Decision {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Decision::LogIn(phone) => write!(f, "log the user in as {phone}"),
            Decision::StartOver => f.write_str("start over with a fresh pre-fetch"),
            Decision::TryAgainLater => f.write_str("try again shortly"),
            Decision::OfferSmsLogin {
                alert_team: Some(category),
            } => {
                write!(f, "offer SMS login and alert the team ({category})")
            }
            Decision::OfferSmsLogin { alert_team: None } => f.write_str("offer SMS login"),
            Decision::EndQuietly => f.write_str("end quietly"),
        }
    }
}

fn main() {
    let replies = [
        r#"{"status": 200, "result": "13800000000"}"#,
        r#"{"status": 12101, "error_msg": "process_id已使用过"}"#,
        r#"{"status": 12104, "error_msg": "余额不足"}"#,
        r#"{"status": "12105"}"#,
        r#"{"status": 99999, "error_msg": "a code newer than this crate"}"#,
    ];
    for json in replies {
        let reply: CheckPhoneReply = match serde_json::from_str(json) {
            Ok(reply) => reply,
            Err(e) => {
                println!("{json}\n  unreadable reply: {e}\n");
                continue;
            }
        };
        println!("{json}");
        match reply.status.entry() {
            Some(entry) => println!("  {}", entry.description(Lang::En)),
            None => println!(
                "  code {} is not in the tables ({})",
                reply.status.code(),
                reply.error_msg.as_deref().unwrap_or("no message")
            ),
        }
        println!("  decided: {}\n", decide(&reply));
    }
}
