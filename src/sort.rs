//! One small stable sort for the explainer's short lists (a scenario's
//! events, chart markers, line labels). std's stable sort (driftsort) is
//! several KB of wasm for each element type it sorts; insertion sort is a few
//! hundred bytes, and its quadratic time does not show on lists this short.

/// Sorts `items` so that no item comes before one it is `less` than, keeping
/// equal items in the order given (as `sort_by` does).
pub fn sort_by<T>(items: &mut [T], less: impl Fn(&T, &T) -> bool) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && less(&items[j], &items[j - 1]) {
            items.swap(j, j - 1);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_like_std() {
        let mut seed = 7u32;
        for len in 0..40 {
            let items: Vec<(u32, usize)> = (0..len)
                .map(|i| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    ((seed >> 16) % 5, i)
                })
                .collect();
            let mut ours = items.clone();
            sort_by(&mut ours, |a, b| a.0 < b.0);
            let mut std = items;
            std.sort_by_key(|x| x.0);
            assert_eq!(ours, std);
        }
    }
}
