//! A JSON object read as its key–value pairs, in the order written: a
//! locale's strings, a pack's strings per language, parameter overrides.
//! A plain list ships less code than a map, a few hundred keys are found
//! fast enough by a scan, and the order lets errors follow the file.

use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use std::fmt;
use std::marker::PhantomData;

/// An object's pairs, in order.
#[derive(Clone, Debug, PartialEq)]
pub struct Pairs<T>(pub Vec<(String, T)>);

impl<T> Default for Pairs<T> {
    fn default() -> Self {
        Pairs(Vec::new())
    }
}

impl<T> Pairs<T> {
    /// The value of `key`, if present (the first, should it repeat).
    pub fn get(&self, key: &str) -> Option<&T> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// The keys, in order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(k, _)| k.as_str())
    }

    /// Whether there are no pairs.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Pairs<T> {
    fn deserialize<D: Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
        struct Pairwise<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for Pairwise<T> {
            type Value = Pairs<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut pairs = Vec::new();
                while let Some(pair) = map.next_entry()? {
                    pairs.push(pair);
                }
                Ok(Pairs(pairs))
            }
        }
        de.deserialize_map(Pairwise(PhantomData))
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    //! Writing pairs back out, and their schema: what the schema command and
    //! the round-trip tests need, and the browser does not.
    use super::Pairs;
    use serde::ser::{Serialize, SerializeMap, Serializer};

    impl<T: Serialize> Serialize for Pairs<T> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut map = s.serialize_map(Some(self.0.len()))?;
            for (k, v) in &self.0 {
                map.serialize_entry(k, v)?;
            }
            map.end()
        }
    }

    impl<T: schemars::JsonSchema> schemars::JsonSchema for Pairs<T> {
        fn schema_name() -> std::borrow::Cow<'static, str> {
            format!("Pairs_of_{}", T::schema_name()).into()
        }
        fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
            schemars::json_schema!({
                "type": "object",
                "additionalProperties": generator.subschema_for::<T>(),
            })
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn pairs_keep_their_order() {
        let p: Pairs<f64> = serde_json::from_str(r#"{"b": 2, "a": 1}"#).unwrap();
        assert_eq!(p.keys().collect::<Vec<_>>(), ["b", "a"]);
        assert_eq!(p.get("a"), Some(&1.0));
        assert_eq!(serde_json::to_string(&p).unwrap(), r#"{"b":2.0,"a":1.0}"#);
        assert!(serde_json::from_str::<Pairs<f64>>("[]").is_err());
    }
}
