//! Finding a repeated item in O(n log n), with an answer that does not depend
//! on the order of the items: used by an application's validation (a
//! specialty or an earlier project named twice) and by a start record's check
//! (a specialty named twice).

/// The smallest item that occurs more than once, with the positions of its
/// first two occurrences. Up to [`SMALL`] items (an application's
/// specialties and past projects, almost always) are compared pair by pair in
/// place, allocating nothing; more are sorted with their positions, then
/// each compared with the next. The two give the same answer (tested).
pub(crate) fn smallest_repeated<'a, T: Ord + 'a>(
    items: impl ExactSizeIterator<Item = &'a T>,
) -> Option<(&'a T, usize, usize)> {
    match items.len() {
        // Fewer than two: nothing to compare.
        0 | 1 => None,
        n if n <= SMALL => {
            let mut small: [Option<&T>; SMALL] = [None; SMALL];
            for (slot, item) in small.iter_mut().zip(items) {
                *slot = Some(item);
            }
            smallest_repeated_pairwise(small.get(..n).unwrap_or_default())
        }
        _ => smallest_repeated_sorted(items),
    }
}

/// How many items [`smallest_repeated`] compares pair by pair (at most 28
/// comparisons) instead of sorting.
const SMALL: usize = 8;

/// Every pair compared: the smallest repeated item, and of its pairs the
/// first (its first two occurrences). For a few items only.
fn smallest_repeated_pairwise<'a, T: Ord + 'a>(
    items: &[Option<&'a T>],
) -> Option<(&'a T, usize, usize)> {
    let mut best: Option<(&T, usize, usize)> = None;
    for (second, b) in items.iter().enumerate() {
        for (first, a) in items.iter().enumerate().take(second) {
            if let (Some(a), Some(b)) = (a, b) {
                if a == b && best.is_none_or(|(x, f, s)| (*a, first, second) < (x, f, s)) {
                    best = Some((a, first, second));
                }
            }
        }
    }
    best
}

/// The items and their positions sorted, then each compared with the next.
fn smallest_repeated_sorted<'a, T: Ord + 'a>(
    items: impl Iterator<Item = &'a T>,
) -> Option<(&'a T, usize, usize)> {
    let mut sorted: Vec<(&T, usize)> = items.zip(0..).collect();
    sorted.sort_unstable();
    sorted.windows(2).find_map(|pair| match pair {
        [(a, first), (b, second)] if a == b => Some((*a, *first, *second)),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::{smallest_repeated, smallest_repeated_pairwise, smallest_repeated_sorted};

    #[test]
    fn finds_the_smallest_repeat_and_its_first_two_places() {
        let items = ["c", "b", "c", "b", "b"];
        assert_eq!(smallest_repeated(items.iter()), Some((&"b", 1, 3)));
        assert_eq!(smallest_repeated(["a", "b"].iter()), None);
        assert_eq!(smallest_repeated([0u8; 0].iter()), None);
    }

    #[test]
    fn pair_by_pair_and_sorted_agree() {
        // Every list of up to 8 items over an alphabet of 4 (87,381 lists):
        // the pair-by-pair path and the sorted path give the same answer,
        // and so does the public function; then a list past the small size.
        for len in 0..=8u32 {
            for code in 0..4u32.pow(len) {
                let items: Vec<u32> = (0..len).map(|i| code / 4u32.pow(i) % 4).collect();
                let sorted = smallest_repeated_sorted(items.iter());
                let some: Vec<Option<&u32>> = items.iter().map(Some).collect();
                assert_eq!(smallest_repeated_pairwise(&some), sorted, "{items:?}");
                assert_eq!(smallest_repeated(items.iter()), sorted, "{items:?}");
            }
        }
        let long: Vec<u32> = (0..20).map(|i| (i * 7) % 13).collect();
        assert_eq!(smallest_repeated(long.iter()), Some((&0, 0, 13)));
    }
}
