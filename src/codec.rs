//! A compact binary form for data checked before it reaches the browser:
//! the built-in story, baked at build time (`cargo run --bin bake --
//! --write`), so the wasm neither parses nor checks JSON to start. No field
//! names, no quotes: each record's fields in the order its `record!` line
//! lists them, lengths and small numbers as LEB128, floats as 8 bytes.
//!
//! Decoding trusts the shape (the bytes were written by `Encode` from a
//! checked value) but not blindly: bytes that do not read give `None`,
//! never a panic. Reading goes on to the end past a fault, with empty
//! values, and `decode` refuses the whole: with no early return, a record
//! does not carry code dropping each field read so far at each of its
//! fields (the first version's `?` cost about 10 KB of wasm). The
//! explainer's wasm only reads: its writer is left out as unused.

use crate::dates::Date;
use crate::pairs::Pairs;

/// Bytes being read, front to back.
pub struct Reader<'a> {
    rest: &'a [u8],
    /// Whether everything so far read as what it should be.
    ok: bool,
}

impl<'a> Reader<'a> {
    /// Notes a fault; what is being read gets `value` instead.
    fn fail<T>(&mut self, value: T) -> T {
        self.ok = false;
        value
    }

    fn byte(&mut self) -> u8 {
        match self.rest.split_first() {
            Some((&b, rest)) => {
                self.rest = rest;
                b
            }
            None => self.fail(0),
        }
    }

    fn take(&mut self, n: usize) -> &'a [u8] {
        if n > self.rest.len() {
            self.rest = &[];
            return self.fail(&[]);
        }
        let (taken, rest) = self.rest.split_at(n);
        self.rest = rest;
        taken
    }

    /// An unsigned LEB128 number (a length, a count, a small integer).
    fn number(&mut self) -> u64 {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte();
            n |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return n;
            }
        }
        self.fail(0)
    }

    /// A count of items or bytes still to come: at most the bytes left
    /// (each item takes one at least), so a damaged count reserves nothing.
    fn count(&mut self) -> usize {
        let n = self.number();
        match usize::try_from(n) {
            Ok(n) if n <= self.rest.len() => n,
            _ => self.fail(0),
        }
    }

    /// A tag byte: 0 or 1.
    fn flag(&mut self) -> bool {
        match self.byte() {
            0 => false,
            1 => true,
            _ => self.fail(false),
        }
    }
}

/// Reads `T` from all of `bytes`; `None` if they do not read as one `T`.
pub fn decode<T: Decode>(bytes: &[u8]) -> Option<T> {
    let mut r = Reader {
        rest: bytes,
        ok: true,
    };
    let value = T::decode(&mut r);
    (r.ok && r.rest.is_empty()).then_some(value)
}

/// `value` as bytes `decode` reads back.
pub fn encode<T: Encode>(value: &T) -> Vec<u8> {
    let mut out = Vec::new();
    value.encode(&mut out);
    out
}

/// A type the wasm can read from its bytes (see `Reader` for a fault).
pub trait Decode: Sized {
    fn decode(r: &mut Reader) -> Self;
}

/// A type written as bytes (the bake, the pack reader).
pub trait Encode {
    fn encode(&self, out: &mut Vec<u8>);
}

fn put_number(mut n: u64, out: &mut Vec<u8>) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// `Decode` and `Encode` for a struct, its fields in the order listed; the
/// fields after `computed` are not written and start at their default
/// (resolving works them out). Decoding builds the struct with every field
/// named, so a field added to the struct and not here fails to compile.
macro_rules! record {
    ($t:ident { $($f:ident),* $(,)? } $(computed { $($c:ident),* })?) => {
        impl $crate::codec::Decode for $t {
            fn decode(r: &mut $crate::codec::Reader) -> Self {
                $t {
                    $($f: $crate::codec::Decode::decode(r),)*
                    $($($c: Default::default(),)*)?
                }
            }
        }
        impl $crate::codec::Encode for $t {
            fn encode(&self, out: &mut Vec<u8>) {
                $($crate::codec::Encode::encode(&self.$f, out);)*
            }
        }
    };
}
pub(crate) use record;

/// One of `all` (a fieldless enum's variants), read as its index.
pub fn one_of<T: Copy>(r: &mut Reader, all: &[T]) -> T {
    let at = u32::decode(r) as usize;
    all.get(at).copied().unwrap_or_else(|| r.fail(all[0]))
}

/// `value`, one of `all`, written as its index.
pub fn put_one_of<T: PartialEq>(value: &T, all: &[T], out: &mut Vec<u8>) {
    let at = all.iter().position(|v| v == value).unwrap_or(0);
    (at as u32).encode(out);
}

impl Decode for u32 {
    fn decode(r: &mut Reader) -> Self {
        let n = r.number();
        u32::try_from(n).unwrap_or_else(|_| r.fail(0))
    }
}

impl Encode for u32 {
    fn encode(&self, out: &mut Vec<u8>) {
        put_number(u64::from(*self), out);
    }
}

impl Decode for f64 {
    fn decode(r: &mut Reader) -> Self {
        match r.take(8).try_into() {
            Ok(bytes) => f64::from_le_bytes(bytes),
            Err(_) => r.fail(0.0),
        }
    }
}

impl Encode for f64 {
    fn encode(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.to_le_bytes());
    }
}

impl Decode for bool {
    fn decode(r: &mut Reader) -> Self {
        r.flag()
    }
}

impl Encode for bool {
    fn encode(&self, out: &mut Vec<u8>) {
        out.push(u8::from(*self));
    }
}

impl Decode for String {
    fn decode(r: &mut Reader) -> Self {
        let n = r.count();
        match std::str::from_utf8(r.take(n)) {
            Ok(text) => text.to_owned(),
            Err(_) => r.fail(String::new()),
        }
    }
}

impl Encode for String {
    fn encode(&self, out: &mut Vec<u8>) {
        put_number(self.len() as u64, out);
        out.extend_from_slice(self.as_bytes());
    }
}

impl<T: Decode> Decode for Option<T> {
    fn decode(r: &mut Reader) -> Self {
        r.flag().then(|| T::decode(r))
    }
}

impl<T: Encode> Encode for Option<T> {
    fn encode(&self, out: &mut Vec<u8>) {
        match self {
            None => out.push(0),
            Some(v) => {
                out.push(1);
                v.encode(out);
            }
        }
    }
}

impl<T: Decode> Decode for Vec<T> {
    fn decode(r: &mut Reader) -> Self {
        (0..r.count()).map(|_| T::decode(r)).collect()
    }
}

impl<T: Encode> Encode for Vec<T> {
    fn encode(&self, out: &mut Vec<u8>) {
        put_number(self.len() as u64, out);
        for item in self {
            item.encode(out);
        }
    }
}

impl<T: Encode> Encode for &T {
    fn encode(&self, out: &mut Vec<u8>) {
        (*self).encode(out);
    }
}

impl<A: Decode, B: Decode> Decode for (A, B) {
    fn decode(r: &mut Reader) -> Self {
        (A::decode(r), B::decode(r))
    }
}

impl<A: Encode, B: Encode> Encode for (A, B) {
    fn encode(&self, out: &mut Vec<u8>) {
        self.0.encode(out);
        self.1.encode(out);
    }
}

impl<T: Decode> Decode for Pairs<T> {
    fn decode(r: &mut Reader) -> Self {
        Pairs(Vec::decode(r))
    }
}

impl<T: Encode> Encode for Pairs<T> {
    fn encode(&self, out: &mut Vec<u8>) {
        self.0.encode(out);
    }
}

impl Decode for Date {
    fn decode(r: &mut Reader) -> Self {
        let year = u32::decode(r);
        Date {
            year: i32::try_from(year).unwrap_or_else(|_| r.fail(0)),
            month: u32::decode(r),
            day: u32::decode(r),
        }
    }
}

impl Encode for Date {
    fn encode(&self, out: &mut Vec<u8>) {
        // Years before year 0 are not in any story; they would not read back.
        u32::try_from(self.year).unwrap_or(u32::MAX).encode(out);
        self.month.encode(out);
        self.day.encode(out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip<T: Encode + Decode + PartialEq + std::fmt::Debug>(value: T) {
        let bytes = encode(&value);
        assert_eq!(decode::<T>(&bytes), Some(value));
    }

    #[test]
    fn values_read_back_as_written() {
        for n in [0, 1, 127, 128, 300, 16_383, 16_384, u32::MAX] {
            round_trip(n);
        }
        for x in [0.0, -1.5, 0.35, f64::MAX, f64::MIN_POSITIVE] {
            round_trip(x);
        }
        round_trip(true);
        round_trip(false);
        round_trip(String::new());
        round_trip("Élysée « ami » 🇫🇷".to_string());
        round_trip(Some(vec![1u32, 2, 3]));
        round_trip(None::<String>);
        round_trip(Pairs(vec![("a".to_string(), 0.5), ("b".to_string(), 2.0)]));
        round_trip(Date {
            year: 2026,
            month: 1,
            day: 20,
        });
    }

    #[test]
    fn damaged_bytes_give_none_not_a_panic() {
        let bytes = encode(&vec!["one".to_string(), "two".to_string()]);
        // Every shorter prefix, and one byte too many.
        for n in 0..bytes.len() {
            assert_eq!(decode::<Vec<String>>(&bytes[..n]), None, "prefix of {n}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(decode::<Vec<String>>(&longer), None);
        // A count far beyond the bytes reserves nothing it cannot fill.
        assert_eq!(decode::<Vec<u32>>(&[0xff, 0xff, 0xff, 0xff, 0x0f]), None);
        // Not UTF-8; a tag that is neither 0 nor 1; a number that never ends.
        assert_eq!(decode::<String>(&[2, 0xc3, 0x28]), None);
        assert_eq!(decode::<Option<u32>>(&[2]), None);
        assert_eq!(decode::<bool>(&[7]), None);
        assert_eq!(decode::<u32>(&[0x80; 11]), None);
        let mut big = Vec::new();
        put_number(u64::from(u32::MAX) + 1, &mut big);
        assert_eq!(decode::<u32>(&big), None);
    }
}
