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
