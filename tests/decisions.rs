//! Categories and actions, codes as they arrive (`Code<T>`), carriers and client reports.

use geetest_codes::{
    carrier, entries, h5_onelogin, lookup, onelogin, onepass, Action, Carrier, CarrierCode,
    Category, Code, Layer, Table,
};

/// Rows where the user left the authorization page or chose another way to log in, read from
/// the reference.
const USER_CANCELS: [(Table, i32); 8] = [
    (Table::OneLoginAndroid, -20301),
    (Table::OneLoginAndroid, -20302),
    (Table::OneLoginAndroid, -20303),
    (Table::OneLoginIos, -20302),
    (Table::OneLoginIos, -20303),
    (Table::H5OneLoginWeb, 30001),
    (Table::H5OneLoginWeb, 30002),
    (Table::H5OneLoginMiniProgram, 30002),
];

#[test]
fn user_cancels_are_abandoned_quietly_in_every_table() {
    for (table, code) in USER_CANCELS {
        let entry = lookup(table, code).unwrap();
        assert_eq!(entry.category(), Category::UserCancelled, "{entry}");
        assert_eq!(entry.action(), Action::Abandon, "{entry}");
    }
    // And nothing else is.
    let cancels = entries()
        .iter()
        .filter(|e| e.category() == Category::UserCancelled)
        .count();
    assert_eq!(cancels, USER_CANCELS.len());
    let abandons = entries()
        .iter()
        .filter(|e| e.action() == Action::Abandon)
        .count();
    assert_eq!(abandons, USER_CANCELS.len());
}

#[test]
fn balance_whitelist_and_app_id_rows_are_account_problems() {
    let rows = [
        (Table::OneLoginServer, 12104),   // 余额不足
        (Table::OnePassServer, 3001),     // 余额不足
        (Table::H5OneLoginServer, 21002), // 余额不足
        (Table::H5OnePassServer, 21002),  // 余额不足
        (Table::OneLoginServer, 12007),   // 源IP不在报备白名单中
        (Table::OnePassServer, 2006),     // 源IP不在报备白名单中
        (Table::H5OneLoginServer, 21007), // 源IP不在报备白名单中
        (Table::H5OnePassServer, 21007),  // 源IP不在报备白名单中
        (Table::ChinaMobile, 103511),     // 服务器 IP 白名单校验失败
        (Table::OneLoginServer, 12102),   // 未查询到对应的app_id
        (Table::OneLoginServer, 12103),   // 查询到对应的app_id不正确
        (Table::OnePassServer, 3101),     // 未查询到对应的app_id
    ];
    for (table, code) in rows {
        let entry = lookup(table, code).unwrap();
        assert_eq!(entry.category(), Category::Account, "{entry}");
        assert_eq!(entry.action(), Action::Fallback, "{entry}");
    }
}

#[test]
fn stale_or_reused_tokens_start_over() {
    let rows = [
        (Table::OneLoginServer, 12100),   // process_id不存在
        (Table::OneLoginServer, 12101),   // process_id已使用过
        (Table::OneLoginServer, 12108),   // token失效
        (Table::OneLoginServer, 12200),   // token失效
        (Table::OnePassServer, 3102),     // process_id不存在
        (Table::OnePassServer, 3105),     // process_id重复使用
        (Table::OnePassServer, 3200),     // accesscode失效
        (Table::H5OneLoginServer, 21004), // process_id不存在
        (Table::H5OneLoginServer, 21005), // process_id重复使用
        (Table::H5OnePassServer, 21004),  // process_id不存在
        (Table::H5OnePassServer, 21005),  // process_id重复使用
        (Table::ChinaMobile, 104201),     // token 已失效或不存在
        (Table::ChinaTelecom, 51114),     // AccessCode 只能使用一次 / 过期
    ];
    for (table, code) in rows {
        let entry = lookup(table, code).unwrap();
        assert_eq!(entry.category(), Category::Token, "{entry}");
        assert_eq!(entry.action(), Action::RefreshToken, "{entry}");
    }
}

#[test]
fn success_is_200_in_the_server_tables_and_nowhere_else() {
    for entry in entries() {
        let success = entry.code() == 200 && entry.table().layer() == Layer::Server;
        assert_eq!(entry.is_success(), success, "{entry}");
        assert_eq!(entry.category() == Category::Success, success, "{entry}");
        assert_eq!(entry.action() == Action::None, success, "{entry}");
    }
}

#[test]
fn typed_enums_answer_the_same_decision_as_their_entries() {
    let code = onelogin::ServerCode::ProcessIdReused;
    assert_eq!(code.code(), 12101);
    assert_eq!(code.category(), Category::Token);
    assert_eq!(code.action(), Action::RefreshToken);
    assert!(!code.is_retryable());
    assert!(onelogin::ServerCode::Success.is_success());

    let timeout = onelogin::AndroidCode::try_from(-20105).unwrap();
    assert_eq!(timeout.category(), Category::Network);
    assert!(timeout.is_retryable());

    // Routing by category instead of by 229 variants.
    let route = |c: onepass::ServerCode| match c.category() {
        Category::Account => "page the account owner",
        Category::Signature | Category::InvalidRequest => "fix our request",
        _ => "other",
    };
    assert_eq!(
        route(onepass::ServerCode::InsufficientBalance),
        "page the account owner"
    );
    assert_eq!(
        route(onepass::ServerCode::try_from(2104).unwrap()),
        "fix our request"
    );
}

#[test]
fn every_row_has_a_category_and_action_that_agree() {
    for entry in entries() {
        match entry.category() {
            Category::Success => assert_eq!(entry.action(), Action::None, "{entry}"),
            Category::UserCancelled => assert_eq!(entry.action(), Action::Abandon, "{entry}"),
            Category::Token => assert_eq!(entry.action(), Action::RefreshToken, "{entry}"),
            Category::Account | Category::Signature | Category::InvalidRequest => {
                assert_eq!(entry.action(), Action::Fallback, "{entry}")
            }
            _ => assert!(
                matches!(
                    entry.action(),
                    Action::Retry | Action::Fallback | Action::RefreshToken
                ),
                "{entry}"
            ),
        }
    }
}

#[test]
fn code_wrapper_keeps_unknown_numbers() {
    let known: Code<onelogin::ServerCode> = Code::from_code(12105);
    assert_eq!(known, Code::Known(onelogin::ServerCode::SignatureError));
    assert_eq!(known.category(), Category::Signature);
    assert_eq!(known.to_string(), "onelogin/server 12105: Signature error");

    let unknown: Code<onelogin::ServerCode> = Code::from_code(99999);
    assert_eq!(unknown, Code::Unknown(99999));
    assert_eq!(unknown.code(), 99999);
    assert_eq!(unknown.entry(), None);
    assert_eq!(unknown.category(), Category::Service);
    assert_eq!(unknown.action(), Action::Fallback);
    assert!(!unknown.is_success() && !unknown.is_retryable());
    assert_eq!(unknown.to_string(), "onelogin/server 99999: unknown code");

    // In a carrier table an unknown code is the carrier's.
    let unknown: Code<carrier::ChinaUnicomCode> = Code::from_code(4242);
    assert_eq!(unknown.category(), Category::Carrier);

    // Text, aliases included.
    let alias: Code<carrier::ChinaTelecomCode> = "80001".parse().unwrap();
    assert_eq!(alias.code(), -8001);
    let kept: Code<h5_onelogin::WebCode> = " +424242 ".parse().unwrap();
    assert_eq!(kept, Code::Unknown(424242));
}

#[test]
fn carriers_parse_from_operator_names_slugs_and_chinese() {
    for (text, carrier) in [
        ("CM", Carrier::ChinaMobile),
        ("cu", Carrier::ChinaUnicom),
        (" CT ", Carrier::ChinaTelecom),
        ("carrier/china-unicom", Carrier::ChinaUnicom),
        ("china-telecom", Carrier::ChinaTelecom),
        ("中国移动", Carrier::ChinaMobile),
        ("联通", Carrier::ChinaUnicom),
        ("电信", Carrier::ChinaTelecom),
        ("China Mobile", Carrier::ChinaMobile),
    ] {
        assert_eq!(text.parse::<Carrier>(), Ok(carrier), "{text}");
    }
    let error = "CX".parse::<Carrier>().unwrap_err().to_string();
    assert!(error.contains("\"CX\""), "{error}");
    assert!(
        error.contains("CM") && error.contains("carrier/china-telecom"),
        "{error}"
    );
}

#[test]
fn a_carrier_link_leads_to_the_carriers_own_entry() {
    let sdk = lookup(Table::OneLoginAndroid, -40102).unwrap();
    let carrier = sdk.carrier().unwrap();
    assert_eq!(carrier, Carrier::ChinaMobile);

    let code = carrier.parse_code("200072").unwrap();
    let entry = code.entry().unwrap();
    assert_eq!(entry.table(), Table::ChinaMobile);
    assert!(entry
        .description(geetest_codes::Lang::Zh)
        .contains("CA根证书校验失败"));

    assert_eq!(
        carrier.code(103911).entry().unwrap().category(),
        Category::RateLimited
    );
    assert_eq!(
        carrier.parse_code("777"),
        Ok(CarrierCode::Unknown(Carrier::ChinaMobile, 777))
    );
    assert_eq!(CarrierCode::Unknown(Carrier::ChinaMobile, 777).code(), 777);
    let error = carrier.parse_code("20O072").unwrap_err();
    assert!(
        error.to_string().contains("carrier/china-mobile"),
        "{error}"
    );
    // China Telecom's newer numbers find the same row.
    let telecom = Carrier::ChinaTelecom.code(80007);
    assert_eq!(telecom.code(), -8104);
    assert_eq!(telecom.carrier(), Carrier::ChinaTelecom);
}

#[cfg(feature = "serde")]
mod with_serde {
    use super::*;
    use geetest_codes::{ClientReport, ReportError};
    use serde::{Deserialize, Serialize};

    #[derive(Debug, Deserialize, Serialize)]
    struct Reply {
        status: Code<onelogin::ServerCode>,
    }

    #[test]
    fn a_reply_with_an_unknown_status_is_kept() {
        let reply: Reply = serde_json::from_str(r#"{"status": 99999}"#).unwrap();
        assert_eq!(reply.status, Code::Unknown(99999));
        assert_eq!(
            serde_json::to_string(&reply).unwrap(),
            r#"{"status":99999}"#
        );

        let reply: Reply = serde_json::from_str(r#"{"status": "12200"}"#).unwrap();
        assert_eq!(
            reply.status.known(),
            Some(onelogin::ServerCode::TokenExpiredOrReused)
        );
        assert_eq!(
            serde_json::to_string(&reply).unwrap(),
            r#"{"status":12200}"#
        );
    }

    #[test]
    fn a_reply_with_an_unreadable_status_says_which_and_where() {
        let error = serde_json::from_str::<Reply>(r#"{"status": "twelve"}"#).unwrap_err();
        let message = error.to_string();
        assert!(
            message.contains("twelve") && message.contains("onelogin/server"),
            "{message}"
        );
        let error = serde_json::from_str::<Reply>(r#"{"status": 4294967296}"#).unwrap_err();
        assert!(error.to_string().contains("4294967296"), "{error}");
    }

    #[test]
    fn typed_enums_serialize_as_integers_and_read_strings() {
        let code: onelogin::AndroidCode = serde_json::from_str(r#""-40101""#).unwrap();
        assert_eq!(code.code(), -40101);
        assert_eq!(serde_json::to_string(&code).unwrap(), "-40101");
        let error = serde_json::from_str::<onelogin::AndroidCode>("-1").unwrap_err();
        assert!(error.to_string().contains("onelogin/android"), "{error}");
    }

    fn diagnose(table: Table, json: &str) -> Result<geetest_codes::Diagnosis, ReportError> {
        serde_json::from_str::<ClientReport>(json)
            .unwrap()
            .diagnose(table)
    }

    #[test]
    fn an_android_report_of_a_carrier_failure() {
        let d = diagnose(
            Table::OnePassAndroid,
            r#"{"status":500,"code":"-40201","processID":"abc","op":"CU",
                "metadata":{"resultCode":"3005","msg":"x"},"extra":[1,2]}"#,
        )
        .unwrap();
        assert_eq!(d.code(), -40201);
        assert_eq!(d.entry().unwrap().table(), Table::OnePassAndroid);
        assert_eq!(d.carrier(), Some(Carrier::ChinaUnicom));
        assert_eq!(d.carrier_code(), Some(3005));
        assert_eq!(d.carrier_entry().unwrap().table(), Table::ChinaUnicom);
        assert_eq!(d.process_id(), Some("abc"));
    }

    #[test]
    fn reports_take_codes_as_integers_or_strings() {
        let d = diagnose(Table::H5OneLoginWeb, r#"{"code":30001}"#).unwrap();
        assert_eq!(d.entry().unwrap().action(), Action::Abandon);
        let d = diagnose(
            Table::OneLoginIos,
            r#"{"errorCode":" -20202 ","operator":"CT"}"#,
        )
        .unwrap();
        assert_eq!(d.code(), -20202);
        assert_eq!(d.carrier(), Some(Carrier::ChinaTelecom));
        // The code's own link outranks the report's operator.
        let d = diagnose(
            Table::OneLoginIos,
            r#"{"errorCode":"-40301","operator":"CM"}"#,
        )
        .unwrap();
        assert_eq!(d.carrier(), Some(Carrier::ChinaTelecom));
        assert_eq!(d.carrier_code(), None);
    }

    #[test]
    fn blank_codes_give_way_to_the_next_key() {
        for json in [
            r#"{"errorCode":null,"code":"-40101"}"#,
            r#"{"code":"-40101","errorCode":""}"#,
            r#"{"errorCode":"  ","code":-40101,"status":500}"#,
        ] {
            let d = diagnose(Table::OneLoginAndroid, json).unwrap();
            assert_eq!(d.code(), -40101, "{json}");
        }
        let missing = diagnose(Table::OneLoginAndroid, r#"{"errorCode":null}"#).unwrap_err();
        assert!(matches!(missing, ReportError::MissingCode { .. }));
    }

    #[test]
    fn server_replies_are_read_by_their_status() {
        let d = diagnose(
            Table::OneLoginServer,
            r#"{"status":12105,"error_msg":"签名错误"}"#,
        )
        .unwrap();
        assert_eq!(d.entry().unwrap().name(), "SignatureError");
        // An SDK report's status 500 does not hide its real code.
        let d = diagnose(
            Table::OneLoginAndroid,
            r#"{"status":500,"errorCode":"-20202"}"#,
        )
        .unwrap();
        assert_eq!(d.code(), -20202);
    }

    #[test]
    fn whole_number_floats_are_codes() {
        let d = diagnose(Table::H5OneLoginWeb, r#"{"code":10010.0}"#).unwrap();
        assert_eq!(d.code(), 10010);
        let reply: Reply = serde_json::from_str(r#"{"status": 12105.0}"#).unwrap();
        assert_eq!(
            reply.status.known(),
            Some(onelogin::ServerCode::SignatureError)
        );
        let reply: Reply = serde_json::from_str(r#"{"status": -0}"#).unwrap();
        assert_eq!(reply.status, Code::Unknown(0));
        let error = serde_json::from_str::<Reply>(r#"{"status": 1e12}"#).unwrap_err();
        assert!(error.to_string().contains("onelogin/server"), "{error}");
        let error = serde_json::from_str::<Reply>(r#"{"status": 200.5}"#).unwrap_err();
        assert!(error.to_string().contains("200.5"), "{error}");
    }

    #[test]
    fn an_unreadable_carrier_code_is_reported_not_hidden() {
        let d = diagnose(
            Table::OneLoginAndroid,
            r#"{"errorCode":"-40101","metadata":{"resultCode":"10311x"}}"#,
        )
        .unwrap();
        assert_eq!(d.carrier_code(), None);
        assert!(d.carrier_code_problem().unwrap().contains("10311x"));
        let d = diagnose(
            Table::OneLoginAndroid,
            r#"{"errorCode":"-40101","metadata":"{}"}"#,
        )
        .unwrap();
        assert!(d.carrier_code_problem().unwrap().contains("string"));
        let d = diagnose(Table::OneLoginAndroid, r#"{"errorCode":"-40101"}"#).unwrap();
        assert_eq!(d.carrier_code_problem(), None);
    }

    #[test]
    fn a_carrier_code_is_kept_when_the_carrier_is_unknown() {
        // -20200 links to no carrier and "CMCC" is no carrier name the crate reads, yet the
        // carrier's own code is still in the report.
        for json in [
            r#"{"errorCode":"-20200","metadata":{"resultCode":"103111"}}"#,
            r#"{"errorCode":"-20200","operator":"CMCC","metadata":{"resultCode":103111}}"#,
        ] {
            let d = diagnose(Table::OneLoginAndroid, json).unwrap();
            assert_eq!(d.carrier(), None, "{json}");
            assert_eq!(d.carrier_code(), Some(103111), "{json}");
            assert_eq!(d.carrier_entry(), None, "{json}");
            assert_eq!(serde_json::to_value(&d).unwrap()["carrier_code"], 103111);
        }
    }

    #[test]
    fn a_blank_carrier_code_gives_way_to_the_next_key() {
        let d = diagnose(
            Table::OneLoginAndroid,
            r#"{"errorCode":"-40101","metadata":{"resultCode":null,"code":"103111"}}"#,
        )
        .unwrap();
        assert_eq!(d.carrier_code(), Some(103111));
        assert_eq!(d.carrier_entry().unwrap().name(), "WrongCarrierRequest");
        let d = diagnose(
            Table::OneLoginAndroid,
            r#"{"errorCode":"-40101","metadata":{"resultCode":" ","result":"103111"}}"#,
        )
        .unwrap();
        assert_eq!(d.carrier_code(), Some(103111));
    }

    #[test]
    fn an_unreadable_carrier_code_is_reported_without_a_carrier_too() {
        let d = diagnose(
            Table::OneLoginAndroid,
            r#"{"errorCode":"-20302","metadata":{"resultCode":"abc"}}"#,
        )
        .unwrap();
        assert_eq!(d.carrier(), None);
        assert!(d.carrier_code_problem().unwrap().contains("abc"));
    }

    #[test]
    fn a_carrier_tables_report_is_about_that_carrier() {
        let d = diagnose(
            Table::ChinaTelecom,
            r#"{"code":"-8001","operator":"CM","metadata":{"resultCode":"103111"}}"#,
        )
        .unwrap();
        assert_eq!(d.carrier(), Some(Carrier::ChinaTelecom));
        assert_eq!(d.entry().unwrap().code(), -8001);
        assert_eq!(d.carrier_code(), None);
        assert_eq!(d.carrier_entry(), None);
    }

    #[test]
    fn an_unknown_code_is_diagnosed_without_an_entry() {
        let d = diagnose(Table::OneLoginAndroid, r#"{"errorCode":"-29999"}"#).unwrap();
        assert_eq!(d.code(), -29999);
        assert_eq!(d.entry(), None);
        let json = serde_json::to_value(&d).unwrap();
        assert_eq!(json["code"], -29999);
        assert!(json["entry"].is_null());
    }

    #[test]
    fn a_report_without_a_readable_code_is_a_clear_error() {
        let missing = diagnose(Table::OneLoginAndroid, r#"{"status":500}"#).unwrap_err();
        assert!(matches!(missing, ReportError::MissingCode { .. }));
        assert!(
            missing.to_string().contains("onelogin/android"),
            "{missing}"
        );

        for (json, needle) in [
            (r#"{"errorCode":"x1"}"#, "x1"),
            (r#"{"errorCode":1.5}"#, "1.5"),
            (r#"{"errorCode":true}"#, "boolean"),
            (r#"{"code":99999999999}"#, "99999999999"),
            (r#"{"code":{"nested":1}}"#, "object"),
        ] {
            let error = diagnose(Table::OneLoginAndroid, json).unwrap_err();
            assert!(matches!(error, ReportError::MalformedCode { .. }), "{json}");
            assert!(error.to_string().contains(needle), "{json}: {error}");
        }
    }

    /// A compact binary format's deserializer, as bincode and postcard are: it cannot say what
    /// comes next, so `deserialize_any` fails, and it holds one `i32`.
    struct Compact(i32);

    impl<'de> serde::Deserializer<'de> for Compact {
        type Error = serde::de::value::Error;

        fn deserialize_any<V: serde::de::Visitor<'de>>(
            self,
            _: V,
        ) -> Result<V::Value, Self::Error> {
            Err(serde::de::Error::custom(
                "a compact format cannot describe itself",
            ))
        }

        fn deserialize_i32<V: serde::de::Visitor<'de>>(
            self,
            v: V,
        ) -> Result<V::Value, Self::Error> {
            v.visit_i32(self.0)
        }

        fn is_human_readable(&self) -> bool {
            false
        }

        serde::forward_to_deserialize_any! {
            bool i8 i16 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
            option unit unit_struct newtype_struct seq tuple tuple_struct map struct enum
            identifier ignored_any
        }
    }

    #[test]
    fn codes_read_back_from_compact_binary_formats() {
        assert_eq!(
            Code::<onelogin::ServerCode>::deserialize(Compact(12105)),
            Ok(Code::Known(onelogin::ServerCode::SignatureError))
        );
        assert_eq!(
            Code::<onelogin::ServerCode>::deserialize(Compact(99999)),
            Ok(Code::Unknown(99999))
        );
        assert_eq!(
            onelogin::ServerCode::deserialize(Compact(12105)),
            Ok(onelogin::ServerCode::SignatureError)
        );
        let unknown = onelogin::ServerCode::deserialize(Compact(99999)).unwrap_err();
        assert!(unknown.to_string().contains("99999"), "{unknown}");
    }
}
