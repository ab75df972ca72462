//! The model's parameters: their defaults, accepted ranges and sources, kept as
//! data (`DESCRIPTORS`) so the "About the model" panel, the sliders, the
//! command-line runner and validation all read the same table.

use crate::error::InputError;
use crate::num::short;
use serde::Serialize;

/// Identifies one parameter; `key()` gives its stable snake_case id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ParamId {
    P0,
    Q,
    Lambda,
    Eta,
    Gamma,
    HalfLife,
    K,
    TauCandor,
    TauRhetoric,
    Rho0,
    Xi,
    Chi,
    Phi,
    Psi,
    Sigma,
    D,
    ThetaB,
}

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

/// Every parameter, in the order of the model's documentation.
///
/// Where docs/model.md gives no range ("—") the range here is our own choice, said
/// so in `source`, wide enough to explore and narrow enough to keep the prior valid.
pub const DESCRIPTORS: [ParamDescriptor; 17] = [
    ParamDescriptor {
        id: ParamId::P0,
        key: "p0",
        symbol: "p₀",
        #[cfg(not(target_arch = "wasm32"))]
        label: "Prior chance a message leaks",
        default: 0.05,
        min: 0.01,
        max: 0.1,
        unit: "",
        #[cfg(not(target_arch = "wasm32"))]
        source: "Kleine (The Times): no precedent for a leader publishing another's messages",
    },
    ParamDescriptor {
        id: ParamId::Q,
        key: "q",
        symbol: "q",
        #[cfg(not(target_arch = "wasm32"))]
        label: "Chance a leader who posts private texts posts a given sensitive one",
        default: 0.8,
        min: 0.5,
        max: 1.0,
        unit: "",
        #[cfg(not(target_arch = "wasm32"))]
        source: "Kleine (The Times): \"anything said to him is unlikely to remain confidential\" (above even odds; the value is our calibration)",
    },
    ParamDescriptor {
        id: ParamId::Lambda,
        key: "lambda",
        symbol: "λ",
        #[cfg(not(target_arch = "wasm32"))]
        label: "How much one deliberate post reveals",
        default: 30.0,
        min: 10.0,
        max: 60.0,
        unit: "",
        #[cfg(not(target_arch = "wasm32"))]
        source: "Kydd 2005 (trust as a belief about the other side, updated by Bayes' rule); Kleine (The Times): no precedent, so a post is strong evidence (the value is our calibration)",
    },
    ParamDescriptor {
        id: ParamId::Eta,
        key: "eta",
        symbol: "η",
        #[cfg(not(target_arch = "wasm32"))]
        label: "How much more a sensitive leak reveals",
        default: 3.0,
        min: 1.0,
        max: 4.0,
        unit: "",
        #[cfg(not(target_arch = "wasm32"))]
        source: "NATO's Secretary General on his own posted text (AP, June 2025): \"nothing in it which had to stay secret\"",
    },
    ParamDescriptor {
        id: ParamId::Gamma,
        key: "gamma",
        symbol: "γ",
        #[cfg(not(target_arch = "wasm32"))]
        label: "What allies learn from another's leak",
        default: 0.8,
        min: 0.3,
        max: 1.0,
        unit: "",
        #[cfg(not(target_arch = "wasm32"))]
        source: "Kleine (The Times): \"anything said to him is unlikely to remain confidential\"",
    },
    ParamDescriptor {
        id: ParamId::HalfLife,
        key: "half_life",
        symbol: "H",
        #[cfg(not(target_arch = "wasm32"))]
        label: "Memory half-life",
        default: 365.0,
        min: 90.0,
        max: 730.0,
        unit: "days",
        #[cfg(not(target_arch = "wasm32"))]
        source: "Jøsang & Ismail 2002 (reputation with forgetting); Kleine (The Times): allies \"need to assume\" it, a lasting belief",
    },
    ParamDescriptor {
        id: ParamId::K,
        key: "k",
        symbol: "k",
        #[cfg(not(target_arch = "wasm32"))]
        label: "Benefit/cost of the direct channel",
        default: 0.04,
        min: 0.02,
        max: 0.08,
        unit: "",
        #[cfg(not(target_arch = "wasm32"))]
        source: "Carnegie & Carson 2020, Secrets in Global Governance",
    },
    ParamDescriptor {
        id: ParamId::TauCandor,
        key: "tau_candor",
        symbol: "τ_κ",
        #[cfg(not(target_arch = "wasm32"))]
        label: "Time for candor to adjust",
        default: 14.0,
        min: 7.0,
        max: 60.0,
        unit: "days",
        #[cfg(not(target_arch = "wasm32"))]
        source: "Kleine (The Times): leaders will not abandon messaging (that habits move slowly is our reading)",
    },
    ParamDescriptor {
        id: ParamId::TauRhetoric,
        key: "tau_rhetoric",
        symbol: "τ_ρ",
        #[cfg(not(target_arch = "wasm32"))]
        label: "Time for rhetoric to relax",
        default: 7.0,
        min: 3.0,
        max: 30.0,
        unit: "days",
        #[cfg(not(target_arch = "wasm32"))]
        source: "Our assumption (no source)",
    },
    ParamDescriptor {
        id: ParamId::Rho0,
        key: "rho0",
        symbol: "ρ₀",
        #[cfg(not(target_arch = "wasm32"))]
        label: "Baseline share of the dispute in public",
        default: 0.1,
        min: 0.0,
        max: 0.5,
        unit: "",
        #[cfg(not(target_arch = "wasm32"))]
        source: "Our assumption (no source; range: our choice)",
    },
    ParamDescriptor {
        id: ParamId::Xi,
        key: "xi",
        symbol: "ξ",
        #[cfg(not(target_arch = "wasm32"))]
        label: "Public stage replacing the lost private channel",
        default: 0.8,
        min: 0.3,
        max: 1.0,
        unit: "",
        #[cfg(not(target_arch = "wasm32"))]
        source: "Lungescu: escalation instead of quiet solutions; Kleine & Huntington 2024",
    },
    ParamDescriptor {
        id: ParamId::Chi,
        key: "chi",
        symbol: "χ",
        #[cfg(not(target_arch = "wasm32"))]
        label: "Jump into public at a leak",
        default: 0.5,
        min: 0.0,
        max: 1.0,
        unit: "",
        #[cfg(not(target_arch = "wasm32"))]
        source: "Tocci (FT): public diminishment as a weapon",
    },
    ParamDescriptor {
        id: ParamId::Phi,
        key: "phi",
        symbol: "φ",
        #[cfg(not(target_arch = "wasm32"))]
        label: "Lock-in growth",
        default: 0.02,
        min: 0.005,
        max: 0.05,
        unit: "per day",
        #[cfg(not(target_arch = "wasm32"))]
        source: "Fearon 1994 (audience costs)",
    },
    ParamDescriptor {
        id: ParamId::Psi,
        key: "psi",
        symbol: "ψ",
        #[cfg(not(target_arch = "wasm32"))]
        label: "Lock-in decay",
        default: 0.02,
        min: 0.005,
        max: 0.05,
        unit: "per day",
        #[cfg(not(target_arch = "wasm32"))]
        source: "Kurizaki 2007 (secrecy lets leaders back down)",
    },
    ParamDescriptor {
        id: ParamId::Sigma,
        key: "sigma",
        symbol: "σ",
        #[cfg(not(target_arch = "wasm32"))]
        label: "Posturing under publicity",
        default: 0.8,
        min: 0.3,
        max: 1.0,
        unit: "",
        #[cfg(not(target_arch = "wasm32"))]
        source: "Stasavage 2004 (open-door bargaining breeds posturing)",
    },
    ParamDescriptor {
        id: ParamId::D,
        key: "d",
        symbol: "d",
        #[cfg(not(target_arch = "wasm32"))]
        label: "Distance between the sides",
        default: 0.4,
        min: 0.2,
        max: 0.6,
        unit: "",
        #[cfg(not(target_arch = "wasm32"))]
        source: "Putnam 1988 (two-level games, win-sets)",
    },
    ParamDescriptor {
        id: ParamId::ThetaB,
        key: "theta_b",
        symbol: "θ_b",
        #[cfg(not(target_arch = "wasm32"))]
        label: "Speed of bureaucratic channels",
        default: 0.3,
        min: 0.1,
        max: 0.6,
        unit: "",
        #[cfg(not(target_arch = "wasm32"))]
        source: "Politico, senior diplomat: \"everything will go through bureaucratic procedures\"",
    },
];

impl ParamId {
    /// Every id, in `DESCRIPTORS` order.
    pub const ALL: [ParamId; 17] = [
        ParamId::P0,
        ParamId::Q,
        ParamId::Lambda,
        ParamId::Eta,
        ParamId::Gamma,
        ParamId::HalfLife,
        ParamId::K,
        ParamId::TauCandor,
        ParamId::TauRhetoric,
        ParamId::Rho0,
        ParamId::Xi,
        ParamId::Chi,
        ParamId::Phi,
        ParamId::Psi,
        ParamId::Sigma,
        ParamId::D,
        ParamId::ThetaB,
    ];

    /// The descriptor of this parameter.
    pub fn descriptor(self) -> &'static ParamDescriptor {
        // ALL and DESCRIPTORS share one order; a unit test holds them together.
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

/// A full parameter set. Fields are public for reading; change values through
/// `set` so that ids stay the single way in from configs and the UI.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Params {
    /// p₀, prior leak probability (Kleine).
    pub p0: f64,
    /// q, the chance that a leader who posts private texts posts a given sensitive one (Kleine).
    pub q: f64,
    /// λ, the log-odds one fully sensitive post adds to the belief (Kydd 2005).
    pub lambda: f64,
    /// η, convexity of evidence in sensitivity (AP, June 2025).
    pub eta: f64,
    /// γ, learning from others' leaks (Kleine).
    pub gamma: f64,
    /// H, memory half-life in days (Jøsang & Ismail 2002).
    pub half_life: f64,
    /// k, benefit/cost of the direct channel (Carnegie & Carson 2020).
    pub k: f64,
    /// τ_κ, candor adjustment time in days (Kleine).
    pub tau_candor: f64,
    /// τ_ρ, rhetoric relaxation time in days (our assumption).
    pub tau_rhetoric: f64,
    /// ρ₀, baseline public share (our assumption).
    pub rho0: f64,
    /// ξ, substitution of public stage for lost private channel (Lungescu; Kleine & Huntington 2024).
    pub xi: f64,
    /// χ, public jump per unit sensitivity at a leak (Tocci).
    pub chi: f64,
    /// φ, lock-in growth per day (Fearon 1994).
    pub phi: f64,
    /// ψ, lock-in decay per day (Kurizaki 2007).
    pub psi: f64,
    /// σ, posturing under publicity (Stasavage 2004).
    pub sigma: f64,
    /// d, distance between the sides (Putnam 1988).
    pub d: f64,
    /// θ_b, relative speed of bureaucratic channels (Politico).
    pub theta_b: f64,
}

impl Default for Params {
    fn default() -> Self {
        let mut p = Params {
            p0: 0.0,
            q: 0.0,
            lambda: 0.0,
            eta: 0.0,
            gamma: 0.0,
            half_life: 0.0,
            k: 0.0,
            tau_candor: 0.0,
            tau_rhetoric: 0.0,
            rho0: 0.0,
            xi: 0.0,
            chi: 0.0,
            phi: 0.0,
            psi: 0.0,
            sigma: 0.0,
            d: 0.0,
            theta_b: 0.0,
        };
        for d in &DESCRIPTORS {
            *p.slot(d.id) = d.default;
        }
        p
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

impl Params {
    /// The value of one parameter.
    pub fn get(&self, id: ParamId) -> f64 {
        let mut copy = *self;
        *copy.slot(id)
    }

    /// Sets one parameter after checking it against its range; the set as a
    /// whole is checked again by `validate`.
    pub fn set(&mut self, id: ParamId, value: f64) -> Result<(), InputError> {
        check_range(id.descriptor(), value)?;
        *self.slot(id) = value;
        Ok(())
    }

    /// Sets a parameter named by its snake_case id.
    pub fn set_by_key(&mut self, key: &str, value: f64) -> Result<(), InputError> {
        let id = ParamId::from_key(key).ok_or_else(|| {
            if RETIRED.contains(&key) {
                // A config written for the first model names its old
                // parameters: say what became of them, not just "unknown".
                return InputError::new(
                    key,
                    "belonged to the first model, which counted a post as one leak among many; trust is now a belief about the recipient, moved by lambda and q (see docs/model.md)",
                );
            }
            InputError::new(key, format!("unknown parameter (known: {})", known_keys()))
        })?;
        self.set(id, value)
    }

    /// These parameters with `overrides` (id → value) applied on top and the
    /// whole set checked; errors name the id (`gamma: 7 is outside …`).
    pub fn overridden(mut self, overrides: &[(String, f64)]) -> Result<Params, InputError> {
        for (key, value) in overrides {
            self.set_by_key(key, *value)?;
        }
        self.validate()?;
        Ok(self)
    }

    fn slot(&mut self, id: ParamId) -> &mut f64 {
        match id {
            ParamId::P0 => &mut self.p0,
            ParamId::Q => &mut self.q,
            ParamId::Lambda => &mut self.lambda,
            ParamId::Eta => &mut self.eta,
            ParamId::Gamma => &mut self.gamma,
            ParamId::HalfLife => &mut self.half_life,
            ParamId::K => &mut self.k,
            ParamId::TauCandor => &mut self.tau_candor,
            ParamId::TauRhetoric => &mut self.tau_rhetoric,
            ParamId::Rho0 => &mut self.rho0,
            ParamId::Xi => &mut self.xi,
            ParamId::Chi => &mut self.chi,
            ParamId::Phi => &mut self.phi,
            ParamId::Psi => &mut self.psi,
            ParamId::Sigma => &mut self.sigma,
            ParamId::D => &mut self.d,
            ParamId::ThetaB => &mut self.theta_b,
        }
    }

    /// Checks every value against its range and returns the derived prior.
    ///
    /// Every set of in-range values is valid: p₀ ≤ 0.1 < 0.5 ≤ q keeps the
    /// prior belief θ₀ = p₀/q strictly between 0 and 1.
    pub fn validate(&self) -> Result<Prior, InputError> {
        for d in &DESCRIPTORS {
            check_range(d, self.get(d.id))?;
        }
        let theta0 = self.p0 / self.q;
        Ok(Prior {
            candor0: (self.k / self.p0).min(1.0),
            belief0: crate::math::ln(theta0 / (1.0 - theta0)),
            lock_in0: lock_in_target(self.phi, self.psi, self.rho0),
        })
    }
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

fn check_range(d: &ParamDescriptor, value: f64) -> Result<(), InputError> {
    if value.is_nan() {
        return Err(InputError::new(d.key, "is not a number (NaN)"));
    }
    if value.is_infinite() {
        return Err(InputError::new(d.key, "is infinite"));
    }
    if value < d.min || value > d.max {
        return Err(InputError::new(
            d.key,
            format!(
                "{} is outside its range {} to {}",
                short(value),
                short(d.min),
                short(d.max)
            ),
        ));
    }
    Ok(())
}

/// Parameters of the first model (beta evidence), gone with it.
const RETIRED: [&str; 2] = ["n0", "r_ok"];

fn known_keys() -> String {
    DESCRIPTORS
        .iter()
        .map(|d| d.key)
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_descriptors_share_one_order() {
        for (i, id) in ParamId::ALL.iter().enumerate() {
            assert_eq!(DESCRIPTORS[i].id, *id);
            assert_eq!(*id as usize, i);
        }
    }

    #[test]
    fn defaults_lie_inside_their_ranges_and_validate() {
        for d in &DESCRIPTORS {
            assert!(d.min <= d.default && d.default <= d.max, "{}", d.key);
        }
        let prior = Params::default().validate().expect("defaults are valid");
        // κ₀ = min(1, 0.04/0.05) = 0.8; θ₀ = 0.05/0.8 = 0.0625, whose
        // log-odds are ln(0.0625/0.9375) = ln(1/15) = −2.70805.
        assert!((prior.candor0 - 0.8).abs() < 1e-12);
        assert!((prior.belief0 + 15f64.ln()).abs() < 1e-12);
    }

    /// The range ends of p₀ and q keep θ₀ = p₀/q strictly inside (0, 1),
    /// so every in-range set is valid.
    #[test]
    fn the_prior_belief_is_a_probability_at_every_range_end() {
        for p0 in [0.01, 0.1] {
            for q in [0.5, 1.0] {
                let mut p = Params::default();
                p.set(ParamId::P0, p0).unwrap();
                p.set(ParamId::Q, q).unwrap();
                let prior = p.validate().unwrap();
                assert!(prior.belief0.is_finite(), "p0 {p0}, q {q}");
            }
        }
    }
}
