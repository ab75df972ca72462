//! The vendored serde-wasm-bindgen writes floats in its errors without
//! Rust's float formatter (vendor/serde-wasm-bindgen/PATCHED.md): as
//! JavaScript's `String(x)` writes them, the number as the host wrote it
//! (`0`, not serde's `0.0`). This checks, in Chromium, floats of every kind
//! (random bit patterns, every scale, subnormals, ±0, NaN and the
//! infinities), and that every other `Unexpected` reads exactly as serde's
//! own `Display` would write it.
#![cfg(target_arch = "wasm32")]

use serde::de::Unexpected;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = String)]
    fn js_string(value: &JsValue) -> String;
}

#[wasm_bindgen_test]
fn floats_read_as_javascript_writes_them() {
    for (x, written) in [
        (0.0, "0"),
        (1.0, "1"),
        (-2.5, "-2.5"),
        (0.1 + 0.2, "0.30000000000000004"),
        (1e-7, "1e-7"),
        (1.5e21, "1.5e+21"),
        (f64::NAN, "NaN"),
        (f64::INFINITY, "Infinity"),
    ] {
        let err = serde_wasm_bindgen::from_value::<String>(JsValue::from_f64(x))
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            format!("Error: invalid type: floating point `{written}`, expected a string")
        );
    }
    let mut xs = vec![-0.0, 5e-324, 1.7976931348623157e308, 9007199254740993.0];
    let mut s: u64 = 12345;
    for _ in 0..2000 {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        let x = f64::from_bits(s);
        if x.is_finite() {
            xs.push(x);
        }
        xs.push((s % 1000) as f64 * 10f64.powi((s % 60) as i32 - 30));
    }
    for x in xs {
        let written = js_string(&JsValue::from_f64(x));
        let err = serde_wasm_bindgen::from_value::<String>(JsValue::from_f64(x))
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            format!("Error: invalid type: floating point `{written}`, expected a string"),
            "{x:?}"
        );
        let e = <serde_wasm_bindgen::Error as serde::de::Error>::invalid_value(
            Unexpected::Float(x),
            &"y",
        )
        .to_string();
        assert_eq!(
            e,
            format!("Error: invalid value: floating point `{written}`, expected y")
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
