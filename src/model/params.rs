//! The model's parameters: their defaults, accepted ranges and sources, kept as
//! data (`DESCRIPTORS`) so the "About the model" panel, the sliders, the
//! command-line runner, validation and the JSON Schemas all read the same table.
//!
//! The table is written once, in `parameters!` below: one row per parameter,
//! from which the id enum, `ParamId::ALL`, `DESCRIPTORS`, the `Params` struct,
//! its defaults and the per-id access are all generated, so a parameter cannot
//! be added to one of them and not the others. What still lives elsewhere (the
//! locale labels, docs/model.md's table, the committed schemas) is held to the
//! table by tests/params_table.rs.

use serde::Serialize;

mod checks;
#[cfg(not(target_arch = "wasm32"))]
mod schema;
#[cfg(test)]
mod tests;
#[cfg(not(target_arch = "wasm32"))]
pub use schema::overrides_schema;

/// Everything a reader or a fact-checker needs to know about one parameter.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ParamDescriptor {
    /// Which parameter this describes.
    pub id: ParamId,
    /// Stable snake_case id used by `--set`, configs and the JS handle.
    pub key: &'static str,
    /// The symbol used in the model's equations.
    pub symbol: &'static str,
    /// Short English label, for native tools. The interface shows the
    /// locale's `param.<key>` (and `param.<key>.source`), so the wasm does not
    /// carry these; a test checks that en.json says the same.
    #[cfg(not(target_arch = "wasm32"))]
    pub label: &'static str,
    /// Value used when nothing overrides it.
    pub default: f64,
    /// Smallest accepted value (inclusive).
    pub min: f64,
    /// Largest accepted value (inclusive).
    pub max: f64,
    /// Unit, or "" for a pure number.
    pub unit: &'static str,
    /// The source the value and range are tied to.
    #[cfg(not(target_arch = "wasm32"))]
    pub source: &'static str,
}

/// Generates everything that lists the parameters from one row each:
///
/// ```text
/// /// doc: the symbol, what it is, and its citation or "our assumption"
/// Variant field { symbol, label, default, range: min..=max, unit, source }
/// ```
///
/// The row's doc comment goes on both the enum variant and the struct field;
/// the key is the field's name, so the two cannot disagree. Variants are
/// declared in row order, which is what lets `descriptor()` index
/// `DESCRIPTORS` by `id as usize`.
macro_rules! parameters {
    ($(
        $(#[doc = $doc:literal])*
        $id:ident $field:ident {
            symbol: $symbol:literal,
            label: $label:literal,
            default: $default:literal,
            range: $min:literal ..= $max:literal,
            unit: $unit:literal,
            source: $source:literal $(,)?
        }
    )*) => {
        /// Identifies one parameter; `key()` gives its stable snake_case id.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum ParamId {
            $( $(#[doc = $doc])* $id, )*
        }

        impl ParamId {
            /// Every id, in `DESCRIPTORS` order.
            pub const ALL: [ParamId; COUNT] = [$(ParamId::$id),*];
        }

        /// How many parameters the table has.
        const COUNT: usize = [$(stringify!($field)),*].len();

        /// Every parameter, in the order of the model's documentation, whose
        /// table gives the same defaults and ranges (tests/params_table.rs).
        /// A range the sources do not give is our own choice, said so in
        /// `source`, wide enough to explore and narrow enough to keep the
        /// prior valid.
        pub const DESCRIPTORS: [ParamDescriptor; COUNT] = [$(
            ParamDescriptor {
                id: ParamId::$id,
                key: stringify!($field),
                symbol: $symbol,
                #[cfg(not(target_arch = "wasm32"))]
                label: $label,
                default: $default,
                min: $min,
                max: $max,
                unit: $unit,
                #[cfg(not(target_arch = "wasm32"))]
                source: $source,
            },
        )*];

        /// A full parameter set. Fields are public for reading; change values
        /// through `set` so that ids stay the single way in from configs and
        /// the UI.
        #[derive(Clone, Copy, Debug, PartialEq, Serialize)]
        pub struct Params {
            $( $(#[doc = $doc])* pub $field: f64, )*
        }

        impl Default for Params {
            // Filled from DESCRIPTORS rather than written as literals: the
            // literals would be inlined at every caller, a few hundred bytes
            // of wasm each, while this loop reads the table the wasm carries
            // anyway.
            fn default() -> Self {
                let mut p = Params { $($field: 0.0,)* };
                for d in &DESCRIPTORS {
                    *p.slot(d.id) = d.default;
                }
                p
            }
        }

        impl Params {
            /// The value of one parameter.
            pub fn get(&self, id: ParamId) -> f64 {
                // Through `slot`, so the wasm carries one match, not two.
                let mut copy = *self;
                *copy.slot(id)
            }

            fn slot(&mut self, id: ParamId) -> &mut f64 {
                match id { $(ParamId::$id => &mut self.$field,)* }
            }
        }
    };
}

// The table. Each row's doc comment carries the parameter's citation (or says
// it is our assumption); `source` is the longer note the "About the model"
// panel and the schemas show (the interface reads it from the locale files,
// which a test holds equal to it). docs/model.md's table explains each choice.
parameters! {
    /// p₀, prior leak probability (Kleine).
    P0 p0 {
        symbol: "p₀",
        label: "Prior chance a message leaks",
        default: 0.05,
        range: 0.01..=0.1,
        unit: "",
        source: "Kleine (The Times): no precedent for a leader publishing another's messages",
    }
    /// q, the chance that a leader who posts private texts posts a given sensitive one (Kleine).
    Q q {
        symbol: "q",
        label: "Chance a leader who posts private texts posts a given sensitive one",
        default: 0.8,
        range: 0.5..=1.0,
        unit: "",
        source: "Kleine (The Times): \"anything said to him is unlikely to remain confidential\" (above even odds; the value is our calibration)",
    }
    /// λ, the log-odds one fully sensitive post adds to the belief (Kydd 2005).
    Lambda lambda {
        symbol: "λ",
        label: "How much one deliberate post reveals",
        default: 30.0,
        range: 10.0..=60.0,
        unit: "",
        source: "Kydd 2005 (trust as a belief about the other side, updated by Bayes' rule); Kleine (The Times): no precedent, so a post is strong evidence (the value is our calibration)",
    }
    /// η, convexity of evidence in sensitivity (AP, June 2025).
    Eta eta {
        symbol: "η",
        label: "How much more a sensitive leak reveals",
        default: 3.0,
        range: 1.0..=4.0,
        unit: "",
        source: "NATO's Secretary General on his own posted text (AP, June 2025): \"nothing in it which had to stay secret\"",
    }
    /// γ, learning from others' leaks (Kleine).
    Gamma gamma {
        symbol: "γ",
        label: "What allies learn from another's leak",
        default: 0.8,
        range: 0.3..=1.0,
        unit: "",
        source: "Kleine (The Times): \"anything said to him is unlikely to remain confidential\"",
    }
    /// H, memory half-life in days (Jøsang & Ismail 2002).
    HalfLife half_life {
        symbol: "H",
        label: "Memory half-life",
        default: 365.0,
        range: 90.0..=730.0,
        unit: "days",
        source: "Jøsang & Ismail 2002 (reputation with forgetting); Kleine (The Times): allies \"need to assume\" it, a lasting belief",
    }
    /// k, benefit/cost of the direct channel (Carnegie & Carson 2020).
    K k {
        symbol: "k",
        label: "Benefit/cost of the direct channel",
        default: 0.04,
        range: 0.02..=0.08,
        unit: "",
        source: "Carnegie & Carson 2020, Secrets in Global Governance",
    }
    /// τ_κ, candor adjustment time in days (Kleine).
    TauCandor tau_candor {
        symbol: "τ_κ",
        label: "Time for candor to adjust",
        default: 14.0,
        range: 7.0..=60.0,
        unit: "days",
        source: "Kleine (The Times): leaders will not abandon messaging (that habits move slowly is our reading)",
    }
    /// τ_ρ, rhetoric relaxation time in days (our assumption).
    TauRhetoric tau_rhetoric {
        symbol: "τ_ρ",
        label: "Time for rhetoric to relax",
        default: 7.0,
        range: 3.0..=30.0,
        unit: "days",
        source: "Our assumption (no source)",
    }
    /// ρ₀, baseline public share (our assumption).
    Rho0 rho0 {
        symbol: "ρ₀",
        label: "Baseline share of the dispute in public",
        default: 0.1,
        range: 0.0..=0.5,
        unit: "",
        source: "Our assumption (no source; range: our choice)",
    }
    /// ξ, substitution of public stage for lost private channel (Lungescu; Kleine & Huntington 2024).
    Xi xi {
        symbol: "ξ",
        label: "Public stage replacing the lost private channel",
        default: 0.8,
        range: 0.3..=1.0,
        unit: "",
        source: "Lungescu: escalation instead of quiet solutions; Kleine & Huntington 2024",
    }
    /// χ, public jump per unit sensitivity at a leak (Tocci).
    Chi chi {
        symbol: "χ",
        label: "Jump into public at a leak",
        default: 0.5,
        range: 0.0..=1.0,
        unit: "",
        source: "Tocci (FT): public diminishment as a weapon",
    }
    /// φ, lock-in growth per day (Fearon 1994).
    Phi phi {
        symbol: "φ",
        label: "Lock-in growth",
        default: 0.02,
        range: 0.005..=0.05,
        unit: "per day",
        source: "Fearon 1994 (audience costs)",
    }
    /// ψ, lock-in decay per day (Kurizaki 2007).
    Psi psi {
        symbol: "ψ",
        label: "Lock-in decay",
        default: 0.02,
        range: 0.005..=0.05,
        unit: "per day",
        source: "Kurizaki 2007 (secrecy lets leaders back down)",
    }
    /// σ, posturing under publicity (Stasavage 2004).
    Sigma sigma {
        symbol: "σ",
        label: "Posturing under publicity",
        default: 0.8,
        range: 0.3..=1.0,
        unit: "",
        source: "Stasavage 2004 (open-door bargaining breeds posturing)",
    }
    /// d, distance between the sides (Putnam 1988).
    D d {
        symbol: "d",
        label: "Distance between the sides",
        default: 0.4,
        range: 0.2..=0.6,
        unit: "",
        source: "Putnam 1988 (two-level games, win-sets)",
    }
    /// θ_b, relative speed of bureaucratic channels (Politico).
    ThetaB theta_b {
        symbol: "θ_b",
        label: "Speed of bureaucratic channels",
        default: 0.3,
        range: 0.1..=0.6,
        unit: "",
        source: "Politico, senior diplomat: \"everything will go through bureaucratic procedures\"",
    }
}

impl ParamId {
    /// The descriptor of this parameter.
    pub fn descriptor(self) -> &'static ParamDescriptor {
        // `parameters!` declares the variants and DESCRIPTORS in one row
        // order, so a variant's discriminant is its row's index.
        &DESCRIPTORS[self as usize]
    }

    /// The stable snake_case id.
    pub fn key(self) -> &'static str {
        self.descriptor().key
    }

    /// Looks a parameter up by its snake_case id.
    pub fn from_key(key: &str) -> Option<ParamId> {
        DESCRIPTORS.iter().find(|d| d.key == key).map(|d| d.id)
    }
}

/// Quantities fixed by the parameters: the prior that makes "no leak" an exact
/// resting point of the dynamics.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Prior {
    /// κ₀, the candor chosen at the prior leak risk.
    pub candor0: f64,
    /// θ₀ as log-odds: the prior belief that the recipient posts private
    /// texts when it suits him, chosen so that θ₀·q = p₀.
    pub belief0: f64,
    /// A at rest, the audience-cost lock-in of the baseline rhetoric.
    pub lock_in0: f64,
}

/// A* for a given public share: where audience-cost lock-in settles.
pub(crate) fn lock_in_target(phi: f64, psi: f64, rho: f64) -> f64 {
    let lambda = phi * rho + psi * (1.0 - rho);
    if lambda > 0.0 {
        phi * rho / lambda
    } else {
        0.0
    }
}
