//! The vendored serde-wasm-bindgen writes floats in its errors without
//! Rust's float formatter (vendor/serde-wasm-bindgen/PATCHED.md): JavaScript's
//! `String(x)` respelled as Rust spells it. This checks, in Chromium, that
//! every kind of float (random bit patterns, every scale, halfway cases,
//! subnormals, NaN and the infinities) and every other `Unexpected` reads
//! exactly as serde's own `Display` would write it.
#![cfg(target_arch = "wasm32")]

use serde::de::Unexpected;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn floats_match() {
    let mut xs = vec![
        0.0,
        -0.0,
        1.0,
        -1.0,
        5.0,
        1.5,
        0.1,
        0.3,
        1e-6,
        1e-7,
        1.234e-7,
        -2.5e-10,
        1e20,
        1e21,
        1.5e21,
        123456789012345680000.0,
        1.7976931348623157e308,
        5e-324,
        2.2250738585072014e-308,
        0.000001234,
        12345.678,
        -9.999e22,
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        1e16,
        1e15,
        123e18,
        0.1 + 0.2,
        100.0,
        4294967296.5,
        9007199254740993.0,
    ];
    let mut s: u64 = 12345;
    for _ in 0..5000 {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        let x = f64::from_bits(s);
        if x.is_finite() {
            xs.push(x);
        }
        xs.push((s % 1000000) as f64 / 1000.0);
        xs.push((s % 1000) as f64 * 10f64.powi((s % 60) as i32 - 30));
    }
    // ties: quarters and halves of large numbers, odd multiples at many scales
    for i in 0..5000u64 {
        let base = 1u64 << (50 + (i % 8));
        xs.push((base + i * 7919) as f64 + 0.25 * (i % 4) as f64);
        xs.push(((1u64 << 53) + 2 * i * 104729) as f64 * 2f64.powi((i % 40) as i32));
        xs.push(((1u64 << 52) + i * 3) as f64 * 2f64.powi(-((i % 70) as i32)));
        xs.push(-(((1u64 << 52) + i * 13) as f64 * 2f64.powi(-((i % 1100) as i32))));
    }
    for x in xs {
        let err = serde_wasm_bindgen::from_value::<String>(JsValue::from_f64(x))
            .unwrap_err()
            .to_string();
        let want = format!(
            "Error: invalid type: {}, expected a string",
            Unexpected::Float(x)
        );
        assert_eq!(err, want, "{x:?}");
        let e = <serde_wasm_bindgen::Error as serde::de::Error>::invalid_value(
            Unexpected::Float(x),
            &"y",
        )
        .to_string();
        assert_eq!(
            e,
            format!("Error: invalid value: {}, expected y", Unexpected::Float(x))
        );
    }
    for u in [
        Unexpected::Bool(true),
        Unexpected::Unsigned(7),
        Unexpected::Signed(-3),
        Unexpected::Char('x'),
        Unexpected::Str("a\"b\n"),
        Unexpected::Bytes(b"x"),
        Unexpected::Unit,
        Unexpected::Option,
        Unexpected::NewtypeStruct,
        Unexpected::Seq,
        Unexpected::Map,
        Unexpected::Enum,
        Unexpected::UnitVariant,
        Unexpected::NewtypeVariant,
        Unexpected::TupleVariant,
        Unexpected::StructVariant,
        Unexpected::Other("zz"),
    ] {
        let e = <serde_wasm_bindgen::Error as serde::de::Error>::invalid_type(u, &"y").to_string();
        assert_eq!(e, format!("Error: invalid type: {}, expected y", u));
    }
}
