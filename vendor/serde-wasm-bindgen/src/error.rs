use serde::de;
use std::fmt::{self, Write};
use wasm_bindgen::prelude::*;

/// A newtype that represents Serde errors as JavaScript exceptions.
///
/// Patched (see PATCHED.md): it also carries where in the value read it
/// arose, innermost segment last, as serde_path_to_error would report it.
#[derive(Debug)]
pub struct Error(JsValue, Vec<Segment>);

/// One step into a value: an array's index or an object's key.
#[derive(Debug)]
enum Segment {
    Index(u32),
    Key(JsValue),
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = String)]
    fn to_string(value: &JsValue) -> String;
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        to_string(&self.0).fmt(f)
    }
}

impl std::error::Error for Error {}

impl Error {
    /// Creates a JavaScript `Error` with a given message.
    pub fn new<T: std::fmt::Display>(msg: T) -> Self {
        Error(JsError::new(&msg.to_string()).into(), Vec::new())
    }

    /// Patched (see PATCHED.md): where the error arose, written as
    /// serde_path_to_error writes a path (`messages[1].source`), or "." for
    /// the value itself.
    pub fn path(&self) -> String {
        if self.1.is_empty() {
            return ".".into();
        }
        let mut path = String::new();
        for (i, segment) in self.1.iter().enumerate() {
            match segment {
                Segment::Index(index) => {
                    // An integer's `Display`, which the binary has anyway.
                    let _ = write!(path, "[{index}]");
                }
                Segment::Key(key) => {
                    if i > 0 {
                        path.push('.');
                    }
                    path.push_str(&to_string(key));
                }
            }
        }
        path
    }

    /// The error, as having arisen in the value at `key` of an object.
    #[cold]
    pub(crate) fn in_key(mut self, key: JsValue) -> Self {
        self.1.insert(0, Segment::Key(key));
        self
    }

    /// The error, as having arisen in the element at `index` of a list.
    #[cold]
    pub(crate) fn in_index(mut self, index: u32) -> Self {
        self.1.insert(0, Segment::Index(index));
        self
    }
}

impl serde::ser::Error for Error {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        Error::new(msg)
    }
}

impl serde::de::Error for Error {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        Error::new(msg)
    }

    // Patched (see PATCHED.md): serde's default wording, with the value
    // described by `Described` rather than `Unexpected`'s `Display`.
    #[cold]
    fn invalid_type(unexp: de::Unexpected, exp: &dyn de::Expected) -> Self {
        Error::new(format_args!(
            "invalid type: {}, expected {}",
            Described(unexp),
            exp
        ))
    }

    #[cold]
    fn invalid_value(unexp: de::Unexpected, exp: &dyn de::Expected) -> Self {
        Error::new(format_args!(
            "invalid value: {}, expected {}",
            Described(unexp),
            exp
        ))
    }
}

/// This conversion is needed for `?` to just work when using wasm-bindgen
/// imports that return JavaScript exceptions as `Result<T, JsValue>`.
impl From<JsValue> for Error {
    fn from(error: JsValue) -> Error {
        Error(error, Vec::new())
    }
}

// This conversion is needed for `?` to just work in wasm-bindgen exports
// that return `Result<T, JsValue>` to throw JavaScript exceptions.
impl From<Error> for JsValue {
    fn from(error: Error) -> JsValue {
        error.0
    }
}

/// Patched (see PATCHED.md): writes what serde's `Unexpected` `Display`
/// writes, word for word, but a float is written by JavaScript's `String`
/// (shortest round trip, like Rust's `Display`) instead of Rust's float
/// formatter, which then stays out of the wasm (about 14 KB).
struct Described<'a>(de::Unexpected<'a>);

impl fmt::Display for Described<'_> {
    fn fmt(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        use de::Unexpected::*;
        match self.0 {
            Bool(b) => write!(formatter, "boolean `{}`", b),
            Unsigned(i) => write!(formatter, "integer `{}`", i),
            Signed(i) => write!(formatter, "integer `{}`", i),
            Float(f) => {
                formatter.write_str("floating point `")?;
                write_float(formatter, f)?;
                formatter.write_str("`")
            }
            Char(c) => write!(formatter, "character `{}`", c),
            Str(s) => write!(formatter, "string {:?}", s),
            Bytes(_) => formatter.write_str("byte array"),
            Unit => formatter.write_str("unit value"),
            Option => formatter.write_str("Option value"),
            NewtypeStruct => formatter.write_str("newtype struct"),
            Seq => formatter.write_str("sequence"),
            Map => formatter.write_str("map"),
            Enum => formatter.write_str("enum"),
            UnitVariant => formatter.write_str("unit variant"),
            NewtypeVariant => formatter.write_str("newtype variant"),
            TupleVariant => formatter.write_str("tuple variant"),
            StructVariant => formatter.write_str("struct variant"),
            Other(other) => formatter.write_str(other),
        }
    }
}

/// `f` as serde writes it (`WithDecimalPoint`): Rust's `Display` of the
/// float, then ".0" if that has no decimal point; "NaN", "inf", "-inf" as
/// they are. JavaScript's `String` finds the same shortest digits that read
/// back as `f`, closest to `f`, but writes them in exponent form below 1e-6
/// and from 1e21 ("1e-7", "1.5e+21") where Rust writes every digit, "0" for
/// -0 where Rust writes "-0", and when `f` lies exactly halfway between two
/// such candidates it takes the even one where Rust takes the one further
/// from zero. All three are undone here.
fn write_float(formatter: &mut fmt::Formatter, f: f64) -> fmt::Result {
    if f.is_nan() {
        return formatter.write_str("NaN");
    }
    if f.is_sign_negative() {
        formatter.write_str("-")?;
    }
    if f.is_infinite() {
        return formatter.write_str("inf");
    }
    if f == 0.0 {
        return formatter.write_str("0.0");
    }
    // The value is 0.`digits` times ten to the `point`.
    let mut digits = [0u8; 24];
    let (mut n, mut point, mut exponent) = (0, 0i32, 0i32);
    let (mut after_point, mut in_exponent, mut negative) = (false, false, false);
    for b in to_string(&JsValue::from_f64(f.abs())).bytes() {
        match b {
            b'.' => after_point = true,
            b'e' => in_exponent = true,
            b'-' => negative = true,
            b'0'..=b'9' if in_exponent => exponent = exponent * 10 + i32::from(b - b'0'),
            b'0' if n == 0 => point -= i32::from(after_point),
            b'0'..=b'9' if n < digits.len() => {
                digits[n] = b;
                n += 1;
                point += i32::from(!after_point);
            }
            _ => {}
        }
    }
    point += if negative { -exponent } else { exponent };
    while n > 1 && digits[n - 1] == b'0' {
        n -= 1;
    }
    if halfway_above(f.abs(), &digits[..n], point) {
        // The last digit is even: adding one carries nowhere.
        digits[n - 1] += 1;
    }
    let digits = &digits[..n];
    let write = |formatter: &mut fmt::Formatter, bytes: &[u8]| {
        bytes
            .iter()
            .try_for_each(|&b| formatter.write_char(char::from(b)))
    };
    let zeros = |formatter: &mut fmt::Formatter, count: i32| {
        (0..count).try_for_each(|_| formatter.write_char('0'))
    };
    if point <= 0 {
        formatter.write_str("0.")?;
        zeros(formatter, -point)?;
        write(formatter, digits)
    } else if point as usize >= n {
        write(formatter, digits)?;
        zeros(formatter, point - n as i32)?;
        formatter.write_str(".0")
    } else {
        write(formatter, &digits[..point as usize])?;
        formatter.write_char('.')?;
        write(formatter, &digits[point as usize..])
    }
}

/// Whether `x` (positive, finite) is exactly 0.`digits`5 times ten to the
/// `point`: halfway between `digits` and the next candidate up.
fn halfway_above(x: f64, digits: &[u8], point: i32) -> bool {
    if digits.len() > 17 {
        return false;
    }
    // half (odd) times ten to the q, that is half times five to the q, times
    // two to the q.
    let half = digits
        .iter()
        .fold(0u64, |n, d| n * 10 + u64::from(d - b'0'))
        * 10
        + 5;
    let q = point - digits.len() as i32 - 1;
    // x is odd times two to the e.
    let bits = x.to_bits();
    let (m, e) = match (bits >> 52) as i32 {
        0 => (bits, -1074),
        biased => (bits & ((1 << 52) - 1) | 1 << 52, biased - 1075),
    };
    let odd = m >> m.trailing_zeros();
    if e + m.trailing_zeros() as i32 != q {
        return false;
    }
    match 5u64.checked_pow(q.unsigned_abs()) {
        Some(five) if q >= 0 => half.checked_mul(five) == Some(odd),
        Some(five) => odd.checked_mul(five) == Some(half),
        None => false,
    }
}
