//! Sorting the short lists the widget sorts (a page's errors, an instrument's bands, a Bundle's
//! items): a stable insertion sort.
//!
//! The standard library's sorts are fast on long lists but each use of them (per element type
//! and key) adds 2–4 KB to the wasm, and with ten of them that was about 40 KB before compression
//! (issue 6). The lists sorted here have tens of elements at most.

/// Sorts `list` by `key`, keeping equal elements in their order (as `slice::sort_by_key` does).
pub fn sort_by_key<T, K: Ord>(list: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(list, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `list` by `compare`, keeping equal elements in their order (as `slice::sort_by` does).
pub fn sort_by<T>(list: &mut [T], compare: impl Fn(&T, &T) -> std::cmp::Ordering) {
    for i in 1..list.len() {
        let mut j = i;
        while j > 0 && compare(&list[j - 1], &list[j]).is_gt() {
            list.swap(j - 1, j);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::sort_by_key;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sorts_as_the_standard_library_does(list in prop::collection::vec((0u8..5, any::<u16>()), 0..40)) {
            let mut ours = list.clone();
            let mut std = list;
            sort_by_key(&mut ours, |p| p.0);
            std.sort_by_key(|p| p.0);
            prop_assert_eq!(ours, std);
        }

        #[test]
        fn sorts_by_a_comparison_as_the_standard_library_does(list in prop::collection::vec((0u8..5, any::<u16>()), 0..40)) {
            let mut ours = list.clone();
            let mut std = list;
            super::sort_by(&mut ours, |a, b| b.0.cmp(&a.0));
            std.sort_by_key(|p| std::cmp::Reverse(p.0));
            prop_assert_eq!(ours, std);
        }
    }
}
