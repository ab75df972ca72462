//! A small JSON value for hand-checked inputs (host configs), so every error
//! can name the exact field (`config.params.gamma`) and the wasm carries no
//! generic deserializer for them.

/// A parsed JSON value. Objects keep their key order.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Num(f64),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

impl Json {
    /// Parses JSON text; the error is one readable line.
    pub fn parse(text: &str) -> Result<Json, String> {
        #[cfg(target_arch = "wasm32")]
        {
            let value = js_sys::JSON::parse(text).map_err(|e| {
                let js: &js_sys::Error = wasm_bindgen::JsCast::unchecked_ref(&e);
                format!("not valid JSON ({})", String::from(js.message()))
            })?;
            Ok(from_js(&value))
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            serde_json::from_str::<serde_json::Value>(text)
                .map(|v| from_serde(&v))
                .map_err(|e| format!("not valid JSON ({e})"))
        }
    }

    /// What kind of value this is, for error messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "a true/false value",
            Json::Num(_) => "a number",
            Json::Str(_) => "a string",
            Json::Arr(_) => "a list",
            Json::Obj(_) => "an object",
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn from_js(v: &wasm_bindgen::JsValue) -> Json {
    use wasm_bindgen::JsCast;
    if v.is_null() || v.is_undefined() {
        Json::Null
    } else if let Some(b) = v.as_bool() {
        Json::Bool(b)
    } else if let Some(n) = v.as_f64() {
        Json::Num(n)
    } else if let Some(s) = v.as_string() {
        Json::Str(s)
    } else if js_sys::Array::is_array(v) {
        Json::Arr(
            v.unchecked_ref::<js_sys::Array>()
                .iter()
                .map(|x| from_js(&x))
                .collect(),
        )
    } else {
        let entries = js_sys::Object::entries(v.unchecked_ref());
        Json::Obj(
            entries
                .iter()
                .map(|pair| {
                    let pair: js_sys::Array = pair.unchecked_into();
                    (
                        pair.get(0).as_string().unwrap_or_default(),
                        from_js(&pair.get(1)),
                    )
                })
                .collect(),
        )
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn from_serde(v: &serde_json::Value) -> Json {
    use serde_json::Value;
    match v {
        Value::Null => Json::Null,
        Value::Bool(b) => Json::Bool(*b),
        Value::Number(n) => Json::Num(n.as_f64().unwrap_or(f64::NAN)),
        Value::String(s) => Json::Str(s.clone()),
        Value::Array(a) => Json::Arr(a.iter().map(from_serde).collect()),
        Value::Object(o) => Json::Obj(o.iter().map(|(k, v)| (k.clone(), from_serde(v))).collect()),
    }
}

/// Why a value was refused: the field's full path and the problem.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldError {
    pub path: String,
    pub problem: String,
}

impl FieldError {
    /// An error at `path`.
    pub fn new(path: impl Into<String>, problem: impl Into<String>) -> Self {
        FieldError {
            path: path.into(),
            problem: problem.into(),
        }
    }
}

impl std::fmt::Display for FieldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.problem)
    }
}

impl From<FieldError> for String {
    fn from(e: FieldError) -> String {
        e.to_string()
    }
}

/// An object being read field by field; errors carry the field's full path.
pub struct Fields<'a> {
    path: String,
    fields: &'a [(String, Json)],
}

/// Reads one value at a path; used for list items and nested objects.
pub type Reader<'a, T> = &'a dyn Fn(&Json, &str) -> Result<T, FieldError>;

impl Json {
    /// This value as an object whose keys must all be in `known`.
    pub fn object<'a>(&'a self, path: &str, known: &[&str]) -> Result<Fields<'a>, FieldError> {
        let Json::Obj(fields) = self else {
            return Err(FieldError::new(
                path,
                format!("must be an object, not {}", self.kind()),
            ));
        };
        for (key, _) in fields {
            if !known.contains(&key.as_str()) {
                return Err(FieldError::new(
                    format!("{path}.{key}"),
                    format!("unknown field (known: {})", known.join(", ")),
                ));
            }
        }
        Ok(Fields {
            path: path.to_string(),
            fields,
        })
    }

    /// This value as a string.
    pub fn string(&self, path: &str) -> Result<String, FieldError> {
        match self {
            Json::Str(s) => Ok(s.clone()),
            other => Err(FieldError::new(
                path,
                format!("must be a string, not {}", other.kind()),
            )),
        }
    }

    /// This value as a number.
    pub fn number(&self, path: &str) -> Result<f64, FieldError> {
        match self {
            Json::Num(x) => Ok(*x),
            other => Err(FieldError::new(
                path,
                format!("must be a number, not {}", other.kind()),
            )),
        }
    }

    /// This value as a whole number of at least 0.
    pub fn whole(&self, path: &str) -> Result<u32, FieldError> {
        match self {
            Json::Num(x) if x.fract() == 0.0 && *x >= 0.0 && *x <= f64::from(u32::MAX) => {
                Ok(*x as u32)
            }
            other => Err(FieldError::new(
                path,
                format!("must be a whole number of 0 or more, not {}", other.kind()),
            )),
        }
    }
}

impl<'a> Fields<'a> {
    /// The path of a field of this object.
    pub fn path(&self, name: &str) -> String {
        format!("{}.{name}", self.path)
    }

    /// A field, if present.
    pub fn get(&self, name: &str) -> Option<&'a Json> {
        self.fields.iter().find(|(k, _)| k == name).map(|(_, v)| v)
    }

    /// A required field.
    pub fn required(&self, name: &str) -> Result<&'a Json, FieldError> {
        self.get(name)
            .ok_or_else(|| FieldError::new(self.path(name), "is missing"))
    }

    /// A required string field.
    pub fn string(&self, name: &str) -> Result<String, FieldError> {
        self.required(name)?.string(&self.path(name))
    }

    /// A required number field.
    pub fn number(&self, name: &str) -> Result<f64, FieldError> {
        self.required(name)?.number(&self.path(name))
    }

    /// A required whole-number field.
    pub fn whole(&self, name: &str) -> Result<u32, FieldError> {
        self.required(name)?.whole(&self.path(name))
    }

    /// A required list field, each item read by `item` at `name[i]`.
    pub fn list<T>(&self, name: &str, item: Reader<T>) -> Result<Vec<T>, FieldError> {
        let path = self.path(name);
        match self.required(name)? {
            Json::Arr(items) => items
                .iter()
                .enumerate()
                .map(|(i, v)| item(v, &format!("{path}[{i}]")))
                .collect(),
            other => Err(FieldError::new(
                path,
                format!("must be a list, not {}", other.kind()),
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_read_with_their_paths() {
        let json = Json::parse(r#"{"a": "x", "n": 3, "l": ["p", 2]}"#).unwrap();
        let f = json.object("doc", &["a", "n", "l"]).unwrap();
        assert_eq!(f.string("a").unwrap(), "x");
        assert_eq!(f.whole("n").unwrap(), 3);
        assert_eq!(
            f.string("n").unwrap_err().to_string(),
            "doc.n: must be a string, not a number"
        );
        assert_eq!(
            f.string("zz").unwrap_err().to_string(),
            "doc.zz: is missing"
        );
        let err = f.list("l", &|v, p| v.string(p)).unwrap_err();
        assert_eq!(err.to_string(), "doc.l[1]: must be a string, not a number");
        let err = json.object("doc", &["a", "n"]).err().unwrap();
        assert!(err.to_string().starts_with("doc.l: unknown field"), "{err}");
        assert!(Json::Num(-1.0).whole("x").is_err());
        assert!(Json::Num(1.5).whole("x").is_err());
    }
}
