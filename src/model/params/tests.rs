//! The parameter table's tests: ranges, defaults, sources, keys.

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
