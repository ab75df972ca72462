//! Numbers as text, by integer arithmetic. Nothing the explainer shows needs
//! more than a few fixed decimals, and Rust's float formatting (the Grisu and
//! Dragon algorithms, about 14 KB of wasm) then stays out of the wasm: keep
//! `{}`/`{:?}` of an `f64` out of code the browser build compiles. serde's
//! "invalid type: floating point …" messages, the last place that asked for
//! it, write the number through JavaScript (vendor/serde-wasm-bindgen).
//! `fixed` rounds half away from zero, as people (and JavaScript's
//! `Math.round`) do.

/// `x` with exactly `decimals` decimals (`fixed(0.125, 2)` is "0.13").
pub fn fixed(x: f64, decimals: u32) -> String {
    let mut out = String::new();
    write_fixed(&mut out, x, decimals);
    out
}

/// `fixed(x, decimals)` written at the end of `out`: a chart line writes
/// hundreds of numbers into one string on every change, without a string
/// each.
pub fn write_fixed(out: &mut String, x: f64, decimals: u32) {
    if x.is_nan() {
        return out.push_str("NaN");
    }
    if x.is_infinite() {
        return out.push_str(if x > 0.0 { "inf" } else { "-inf" });
    }
    let decimals = decimals.min(9);
    let scale = 10u64.pow(decimals);
    let scaled = (x.abs() * scale as f64 + 0.5).floor();
    if scaled >= 1e18 {
        return out.push_str(&large(x));
    }
    let n = scaled as u64;
    if x < 0.0 && n != 0 {
        out.push('-');
    }
    write_digits(out, n / scale, 1);
    if decimals > 0 {
        out.push('.');
        write_digits(out, n % scale, decimals as usize);
    }
}

/// `n` in decimal digits, with leading zeros up to `width` digits.
fn write_digits(out: &mut String, mut n: u64, width: usize) {
    // u64::MAX has 20 digits; `width` is at most 9.
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    while start > 0 && (n > 0 || digits.len() - start < width) {
        start -= 1;
        digits[start] = b'0' + (n % 10) as u8;
        n /= 10;
    }
    out.extend(digits[start..].iter().map(|&d| char::from(d)));
}

/// `x` as briefly as it reads: up to six decimals, trailing zeros dropped
/// ("0.05", "365", "-1.5"); huge values in powers of ten ("1.2e20").
pub fn short(x: f64) -> String {
    let text = fixed(x, 6);
    if text.contains('.') && !text.contains('e') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    }
}

/// `x` held within `lo`–`hi`. Unlike `f64::clamp` it has no panic path
/// (whose message formats floats, pulling the float formatter into the
/// wasm); NaN stays NaN, and `lo` wins should `lo > hi`.
pub fn clamp(x: f64, lo: f64, hi: f64) -> f64 {
    if x < lo {
        lo
    } else if x > hi {
        hi.max(lo)
    } else {
        x
    }
}

/// A number too large for `fixed`: its leading digits and power of ten.
fn large(x: f64) -> String {
    let mut mantissa = x.abs();
    let mut exponent = 0;
    while mantissa >= 10.0 {
        mantissa /= 10.0;
        exponent += 1;
    }
    let sign = if x < 0.0 { "-" } else { "" };
    format!("{sign}{}e{exponent}", short(mantissa))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_are_written_as_rust_writes_them_padded_to_width() {
        let mut seed = 99u64;
        for _ in 0..20_000 {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let n = seed >> (seed % 64);
            for width in [1, 2, 9] {
                let mut out = String::from("x");
                write_digits(&mut out, n, width);
                assert_eq!(out, format!("x{n:0width$}"));
            }
        }
        let mut out = String::new();
        write_digits(&mut out, u64::MAX, 1);
        assert_eq!(out, u64::MAX.to_string());
        out.clear();
        write_digits(&mut out, 0, 1);
        assert_eq!(out, "0");
    }

    #[test]
    fn write_fixed_appends_what_fixed_returns() {
        let mut out = String::from("1,");
        write_fixed(&mut out, -2.25, 1);
        out.push(' ');
        write_fixed(&mut out, 1e30, 2);
        assert_eq!(out, format!("1,{} {}", fixed(-2.25, 1), fixed(1e30, 2)));
        assert_eq!(fixed(-2.25, 1), "-2.3");
        assert_eq!(fixed(0.05, 3), "0.050");
        assert_eq!(fixed(-0.01, 1), "0.0");
        assert_eq!(fixed(12345.6789, 0), "12346");
    }

    #[test]
    fn fixed_rounds_half_away_from_zero() {
        assert_eq!(fixed(0.125, 2), "0.13");
        assert_eq!(fixed(0.6, 2), "0.60");
        assert_eq!(fixed(92.2, 0), "92");
        assert_eq!(fixed(65.5, 0), "66");
        assert_eq!(fixed(-1.25, 1), "-1.3");
        assert_eq!(fixed(-0.001, 2), "0.00");
        assert_eq!(fixed(7.0, 0), "7");
        assert_eq!(fixed(0.05, 3), "0.050");
        assert_eq!(fixed(f64::NAN, 2), "NaN");
        assert_eq!(fixed(f64::NEG_INFINITY, 2), "-inf");
    }

    #[test]
    fn short_drops_what_is_not_needed() {
        for (x, want) in [
            (0.05, "0.05"),
            (365.0, "365"),
            (-1.5, "-1.5"),
            (0.0, "0"),
            (1e-9, "0"),
            (0.000001, "0.000001"),
            (7.0, "7"),
        ] {
            assert_eq!(short(x), want, "{x}");
        }
        assert_eq!(short(1.2e20), "1.2e20");
        assert_eq!(short(-3e30), "-3e30");
    }

    #[test]
    fn clamp_holds_values_and_keeps_nan() {
        assert_eq!(clamp(1.5, 0.0, 1.0), 1.0);
        assert_eq!(clamp(-0.5, 0.0, 1.0), 0.0);
        assert_eq!(clamp(0.25, 0.0, 1.0), 0.25);
        assert!(clamp(f64::NAN, 0.0, 1.0).is_nan());
        assert_eq!(clamp(5.0, 3.0, 2.0), 3.0);
    }

    #[test]
    fn short_agrees_with_rust_for_plain_values() {
        for x in [
            0.01, 0.1, 0.3, 0.8, 1.0, 2.0, 14.0, 90.0, 730.0, 0.005, 0.02, 0.15, 0.6, 1.5, 3.0,
            9999.0, 210.5,
        ] {
            assert_eq!(short(x), format!("{x}"));
        }
    }
}
