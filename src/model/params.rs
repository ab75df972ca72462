//! The model's parameters: their defaults, accepted ranges and sources, kept as
//! data (`DESCRIPTORS`) so the "About the model" panel, the sliders, the
//! command-line runner and validation all read the same table.

use crate::error::InputError;
use crate::num::{fixed, short};
use serde::Serialize;
use std::f64::consts::LN_2;

/// Identifies one parameter; `key()` gives its stable snake_case id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ParamId {
    P0,
    N0,
    Eta,
    Gamma,
    HalfLife,
    ROk,
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
/// Where model.md gives no range ("—") the range here is our own choice, said
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
        id: ParamId::N0,
        key: "n0",
        symbol: "n₀",
        #[cfg(not(target_arch = "wasm32"))]
        label: "Weight of the record of discretion",
        default: 10.0,
        min: 5.0,
        max: 40.0,
        unit: "messages",
        #[cfg(not(target_arch = "wasm32"))]
        source: "Weight of a long record of discretion (Jøsang & Ismail 2002, beta reputation)",
    },
    ParamDescriptor {
        id: ParamId::Eta,
        key: "eta",
        symbol: "η",
        #[cfg(not(target_arch = "wasm32"))]
        label: "How much more a sensitive leak reveals",
        default: 2.0,
        min: 1.0,
        max: 3.0,
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
        source: "Jøsang & Ismail 2002, beta reputation with forgetting",
    },
    ParamDescriptor {
        id: ParamId::ROk,
        key: "r_ok",
        symbol: "r_ok",
        #[cfg(not(target_arch = "wasm32"))]
        label: "Discretion evidence per day of candor",
        default: 0.005,
        min: 0.001,
        max: 0.01,
        unit: "per day",
        #[cfg(not(target_arch = "wasm32"))]
        source: "Yarhi-Milo & Yin, \"Can You Keep a Secret?\" (range: our choice)",
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
        ParamId::N0,
        ParamId::Eta,
        ParamId::Gamma,
        ParamId::HalfLife,
        ParamId::ROk,
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
    /// n₀, prior strength (record of discretion).
    pub n0: f64,
    /// η, convexity of evidence in sensitivity (AP, June 2025).
    pub eta: f64,
    /// γ, learning from others' leaks (Kleine).
    pub gamma: f64,
    /// H, memory half-life in days (Jøsang & Ismail 2002).
    pub half_life: f64,
    /// r_ok, discretion evidence per day per unit candor (Yarhi-Milo & Yin).
    pub r_ok: f64,
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
            n0: 0.0,
            eta: 0.0,
            gamma: 0.0,
            half_life: 0.0,
            r_ok: 0.0,
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
    /// b_ss, the discretion evidence the baseline keeps accruing.
    pub b_ss: f64,
    /// α₀, prior pseudo-count of leaks.
    pub alpha0: f64,
    /// β₀, prior pseudo-count of discretion (beyond b_ss).
    pub beta0: f64,
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
            ParamId::N0 => &mut self.n0,
            ParamId::Eta => &mut self.eta,
            ParamId::Gamma => &mut self.gamma,
            ParamId::HalfLife => &mut self.half_life,
            ParamId::ROk => &mut self.r_ok,
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

    /// Checks every value against its range, then the conditions the prior
    /// needs (β₀ > 0 and the stability guard), and returns the derived prior.
    pub fn validate(&self) -> Result<Prior, InputError> {
        for d in &DESCRIPTORS {
            check_range(d, self.get(d.id))?;
        }
        let candor0 = (self.k / self.p0).min(1.0);
        let b_ss = self.r_ok * candor0 * self.half_life / LN_2;
        let alpha0 = self.p0 * self.n0;
        let beta0 = (1.0 - self.p0) * self.n0 - b_ss;
        if beta0 <= 0.0 {
            return Err(InputError::new(
                "n0",
                format!(
                    "too small for the other values: the prior's discretion count β₀ = (1 − p0)·n0 − b_ss = {} must be above 0 (raise n0, or lower r_ok or half_life)",
                    fixed(beta0, 3)
                ),
            ));
        }
        let guard = self.k * self.r_ok * self.half_life / (LN_2 * alpha0);
        if guard >= 1.0 {
            return Err(InputError::new(
                "r_ok",
                format!(
                    "with these values k·r_ok·H / (ln 2·α₀) = {} is not below 1, so the baseline would not be stable (lower r_ok, k or half_life, or raise p0 or n0)",
                    fixed(guard, 3)
                ),
            ));
        }
        let lock_in0 = lock_in_target(self.phi, self.psi, self.rho0);
        Ok(Prior {
            candor0,
            b_ss,
            alpha0,
            beta0,
            lock_in0,
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
        assert!((prior.candor0 - 0.8).abs() < 1e-12);
    }
}
