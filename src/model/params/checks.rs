//! Setting and checking parameter values: each against its range, a set
//! with a pack's or a config's overrides, and the prior the set implies.

use super::{lock_in_target, ParamDescriptor, ParamId, Params, Prior, DESCRIPTORS};
use crate::error::InputError;
use crate::num::short;

impl Params {
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
    let keys: Vec<&str> = DESCRIPTORS.iter().map(|d| d.key).collect();
    crate::text::join(&keys, ", ")
}
