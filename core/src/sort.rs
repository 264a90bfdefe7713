//! One stable sort for every list the app orders.
//!
//! The standard library's sort is compiled anew for each element type and
//! each comparison: ≈ 1.5–3 KB of wasm per call site, a few dozen call sites.
//! Here the work is one merge sort over positions, compiled once; a call
//! site only adds its comparison and a loop of swaps.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping equal items in their order.
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    let order = stable_order(items.len(), &mut |a, b| compare(&items[a], &items[b]));
    permute(items, order);
}

/// Sorts `items` by the key `key` gives, keeping equal keys in their order.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in ascending order.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// The positions `0..len` in sorted order: `order[i]` is the position of
/// the item that belongs at `i`. A bottom-up merge sort, stable because a
/// tie takes the left run's item first.
fn stable_order(len: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    let mut merged = vec![0; len];
    let mut width = 1;
    while width < len {
        let mut start = 0;
        while start < len {
            let middle = (start + width).min(len);
            let end = (start + 2 * width).min(len);
            let (mut left, mut right, mut out) = (start, middle, start);
            while left < middle && right < end {
                if compare(order[right], order[left]) == Ordering::Less {
                    merged[out] = order[right];
                    right += 1;
                } else {
                    merged[out] = order[left];
                    left += 1;
                }
                out += 1;
            }
            merged[out..out + middle - left].copy_from_slice(&order[left..middle]);
            out += middle - left;
            merged[out..out + end - right].copy_from_slice(&order[right..end]);
            start = end;
        }
        std::mem::swap(&mut order, &mut merged);
        width *= 2;
    }
    order
}

/// Moves the item at `order[i]` to position `i`, for every `i`, by swaps.
fn permute<T>(items: &mut [T], order: Vec<usize>) {
    // `target[p]`: where the item now at position `p` must go.
    let mut target = vec![0; order.len()];
    for (to, &from) in order.iter().enumerate() {
        target[from] = to;
    }
    for position in 0..items.len() {
        // Each swap puts one item in its final place.
        while target[position] != position {
            let to = target[position];
            items.swap(position, to);
            target.swap(position, to);
        }
    }
}
