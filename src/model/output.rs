//! The model's outputs by name: the one list that the runner's CSV columns,
//! the handle's `state().outputs`, the story packs' predictions and the
//! views' meters and charts all read.

use super::sim::Outputs;

/// One output of the model (a field of `Outputs`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Output {
    LeakRisk,
    Trust,
    Candor,
    LeakerShare,
    Rerouted,
    Rhetoric,
    LockIn,
    Publicity,
    SafetyValve,
    Compromise,
    Speed,
    Progress,
}

impl Output {
    /// Every output, in the runner's column order.
    pub const ALL: [Output; 12] = [
        Output::LeakRisk,
        Output::Trust,
        Output::Candor,
        Output::LeakerShare,
        Output::Rerouted,
        Output::Rhetoric,
        Output::LockIn,
        Output::Publicity,
        Output::SafetyValve,
        Output::Compromise,
        Output::Speed,
        Output::Progress,
    ];

    /// The stable name: the CSV column, the key in `state().outputs`, the
    /// id a story pack maps a prediction to; locale keys are `meter.<name>`.
    pub fn name(self) -> &'static str {
        match self {
            Output::LeakRisk => "leak_risk",
            Output::Trust => "trust",
            Output::Candor => "candor",
            Output::LeakerShare => "leaker_share",
            Output::Rerouted => "rerouted",
            Output::Rhetoric => "rhetoric",
            Output::LockIn => "lock_in",
            Output::Publicity => "publicity",
            Output::SafetyValve => "safety_valve",
            Output::Compromise => "compromise",
            Output::Speed => "speed",
            Output::Progress => "progress",
        }
    }

    /// The output named `name`, if the model has one.
    pub fn from_name(name: &str) -> Option<Output> {
        Output::ALL.into_iter().find(|o| o.name() == name)
    }

    /// This output's value in a day's outputs.
    pub fn value(self, o: &Outputs) -> f64 {
        match self {
            Output::LeakRisk => o.leak_risk,
            Output::Trust => o.trust,
            Output::Candor => o.candor,
            Output::LeakerShare => o.leaker_share,
            Output::Rerouted => o.rerouted,
            Output::Rhetoric => o.rhetoric,
            Output::LockIn => o.lock_in,
            Output::Publicity => o.publicity,
            Output::SafetyValve => o.safety_valve,
            Output::Compromise => o.compromise,
            Output::Speed => o.speed,
            Output::Progress => o.progress,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_found_again() {
        for (i, o) in Output::ALL.iter().enumerate() {
            assert_eq!(Output::from_name(o.name()), Some(*o));
            assert!(Output::ALL[..i].iter().all(|p| p.name() != o.name()));
        }
        assert_eq!(Output::from_name("mood"), None);
    }

    /// The handle and the runner's JSON serialise `Outputs` by its field
    /// names: they must be the names this list gives, in its order.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn serialised_fields_are_the_output_names() {
        let o = Outputs {
            rerouted: 0.25,
            ..Outputs::default()
        };
        let text = serde_json::to_string(&o).unwrap();
        let mut last = 0;
        for name in Output::ALL.map(Output::name) {
            let at = text.find(&format!("\"{name}\":")).expect(name);
            assert!(at >= last, "{name} out of order in {text}");
            last = at;
        }
        assert_eq!(text.matches(':').count(), Output::ALL.len());
        assert_eq!(Output::Rerouted.value(&o), 0.25);
    }
}
