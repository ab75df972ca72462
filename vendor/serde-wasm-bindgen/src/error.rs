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

/// Patched (see PATCHED.md): `s` in double quotes with the escapes JSON
/// would need (`"`, `\\`, control characters), as `{:?}` writes it for any
/// text a host types; `{:?}` itself would link Rust's Unicode-printable
/// tables and `char::escape_debug` (about 3 KB of wasm) for the rest.
fn quoted(f: &mut fmt::Formatter, s: &str) -> fmt::Result {
    f.write_char('"')?;
    for c in s.chars() {
        match c {
            '"' | '\\' => {
                f.write_char('\\')?;
                f.write_char(c)?;
            }
            '\n' => f.write_str("\\n")?,
            '\r' => f.write_str("\\r")?,
            '\t' => f.write_str("\\t")?,
            c if (c as u32) < 0x20 => write!(f, "\\u{{{:x}}}", c as u32)?,
            c => f.write_char(c)?,
        }
    }
    f.write_char('"')
}

/// Patched (see PATCHED.md): writes what serde's `Unexpected` `Display`
/// writes, word for word, but a float as JavaScript's `String` writes it
/// (`0`, `1.5`, `1e+21`: the number as the host wrote it, not serde's
/// `0.0`), so Rust's float formatter stays out of the wasm (about 14 KB).
struct Described<'a>(de::Unexpected<'a>);

impl fmt::Display for Described<'_> {
    fn fmt(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        use de::Unexpected::*;
        match self.0 {
            Bool(b) => write!(formatter, "boolean `{}`", b),
            Unsigned(i) => write!(formatter, "integer `{}`", i),
            Signed(i) => write!(formatter, "integer `{}`", i),
            Float(f) => write!(
                formatter,
                "floating point `{}`",
                to_string(&JsValue::from_f64(f))
            ),
            Char(c) => write!(formatter, "character `{}`", c),
            Str(s) => {
                formatter.write_str("string ")?;
                quoted(formatter, s)
            }
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
