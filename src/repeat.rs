//! Finding a repeated item in O(n log n), with an answer that does not depend
//! on the order of the items: used by an application's validation (a
//! specialty or an earlier project named twice) and by a start record's check
//! (a specialty named twice).

/// The smallest item that occurs more than once, with the positions of its
/// first two occurrences: the items and their positions are sorted, then each
/// compared with the next.
pub(crate) fn smallest_repeated<'a, T: Ord + 'a>(
    items: impl ExactSizeIterator<Item = &'a T>,
) -> Option<(&'a T, usize, usize)> {
    // Fewer than two (the common case, on the decision's hot path): nothing
    // to sort, nothing allocated.
    if items.len() < 2 {
        return None;
    }
    let mut sorted: Vec<(&T, usize)> = items.zip(0..).collect();
    sorted.sort_unstable();
    sorted.windows(2).find_map(|pair| match pair {
        [(a, first), (b, second)] if a == b => Some((*a, *first, *second)),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::smallest_repeated;

    #[test]
    fn finds_the_smallest_repeat_and_its_first_two_places() {
        let items = ["c", "b", "c", "b", "b"];
        assert_eq!(smallest_repeated(items.iter()), Some((&"b", 1, 3)));
        assert_eq!(smallest_repeated(["a", "b"].iter()), None);
        assert_eq!(smallest_repeated([0u8; 0].iter()), None);
    }
}
