//! A part of a record that copies of the workspace share until one of them changes it.
//!
//! The store edits a copy of the whole workspace and the persister keeps
//! the workspace as last saved: both copy every record. A cluster's years
//! (its scores and reports) and a meeting's rounds (their ballots) are most
//! of the data, so they are held as `Shared`: a copy points at the same
//! value, the first change through `DerefMut` makes the copy its own, and
//! comparing two copies that still share is one pointer comparison (issue
//! 19: start-up made a whole second copy of the large workspace, 42,000
//! allocations, to compare it with itself a moment later).

use std::fmt;
use std::ops::{Deref, DerefMut};
use std::sync::Arc;

/// A value shared by copies until one changes it (see the module).
#[derive(Default)]
pub struct Shared<T>(Arc<T>);

impl<T> Shared<T> {
    pub fn new(value: T) -> Shared<T> {
        Shared(Arc::new(value))
    }
}

impl<T> From<T> for Shared<T> {
    fn from(value: T) -> Shared<T> {
        Shared::new(value)
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Shared<T> {
        Shared(Arc::clone(&self.0))
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// A change makes the value this copy's own first; the other copies keep
/// what they had.
impl<T: Clone> DerefMut for Shared<T> {
    fn deref_mut(&mut self) -> &mut T {
        Arc::make_mut(&mut self.0)
    }
}

/// Equal when shared, else when the values are equal.
impl<T: PartialEq> PartialEq for Shared<T> {
    fn eq(&self, other: &Shared<T>) -> bool {
        Arc::ptr_eq(&self.0, &other.0) || *self.0 == *other.0
    }
}

impl<T: Eq> Eq for Shared<T> {}

impl<T: fmt::Debug> fmt::Debug for Shared<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl<'a, T> IntoIterator for &'a Shared<Vec<T>> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

/// Iterating mutably makes the list this copy's own first.
impl<'a, T: Clone> IntoIterator for &'a mut Shared<Vec<T>> {
    type Item = &'a mut T;
    type IntoIter = std::slice::IterMut<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        Arc::make_mut(&mut self.0).iter_mut()
    }
}
