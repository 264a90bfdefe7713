//! A pasted list of units, one a line, read and flagged before anything is saved.
//!
//! Each line is new, an exact duplicate (the same `unit_name_key` as a unit
//! on this laptop or an earlier line) or a near-duplicate (the same once
//! case, Vietnamese diacritics and a trailing "BĐBP" / "Biên phòng" are
//! set aside), and names what it collides with. `Workspace::add_units`
//! then adds the chosen lines in one edit, all or nothing.

use super::units::unit_name_key;
use super::workspace::clean;
use super::{ClusterId, DomainError, Unit, UnitDraft, UnitId, Workspace};

/// What a pasted line collides with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Collision {
    /// A unit already on this laptop, by its full name.
    Unit { id: UnitId, name: String },
    /// An earlier line of the same paste (its position, 0-based), as typed.
    Line { index: usize, name: String },
}

impl Collision {
    /// The name of what the line collides with.
    pub fn name(&self) -> &str {
        match self {
            Collision::Unit { name, .. } | Collision::Line { name, .. } => name,
        }
    }
}

/// How a pasted line reads against the units and the other lines.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LineFlag {
    /// No unit and no earlier line is like it: added on confirm.
    New,
    /// The same unit by the domain's own rule (`unit_name_key`): never added.
    Duplicate(Collision),
    /// Different to the rule but alike to a reader (case, diacritics,
    /// a "BĐBP" suffix): added only if the user ticks it.
    NearDuplicate(Collision),
}

/// One non-blank line of the paste.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PastedLine {
    /// The name as it will be stored (spaces tidied, as `add_unit` does).
    pub name: String,
    pub flag: LineFlag,
}

/// Reads a pasted list: one unit a line, trimmed, blank lines skipped;
/// each line flagged against `existing` and the lines before it. An exact
/// duplicate is named before a near one, and a unit before a line.
pub fn read_pasted_units(text: &str, existing: &[Unit]) -> Vec<PastedLine> {
    let mut lines: Vec<PastedLine> = Vec::new();
    for raw in text.lines() {
        let name = clean(raw);
        if name.is_empty() {
            continue;
        }
        let key = unit_name_key(&name);
        let loose = loose_name_key(&name);
        let exact_unit = existing.iter().find(|u| u.name_key() == key);
        let exact_line = lines.iter().position(|l| unit_name_key(&l.name) == key);
        let near_unit = existing
            .iter()
            .find(|u| loose_name_key(&u.full_name) == loose);
        let near_line = lines.iter().position(|l| loose_name_key(&l.name) == loose);
        let unit = |u: &Unit| Collision::Unit {
            id: u.id,
            name: u.full_name.clone(),
        };
        let line = |index: usize| Collision::Line {
            index,
            name: lines[index].name.clone(),
        };
        let flag = match (exact_unit, exact_line, near_unit, near_line) {
            (Some(u), _, _, _) => LineFlag::Duplicate(unit(u)),
            (None, Some(i), _, _) => LineFlag::Duplicate(line(i)),
            (None, None, Some(u), _) => LineFlag::NearDuplicate(unit(u)),
            (None, None, None, Some(i)) => LineFlag::NearDuplicate(line(i)),
            (None, None, None, None) => LineFlag::New,
        };
        lines.push(PastedLine { name, flag });
    }
    lines
}

/// Trailing words that name the border guard itself, set aside when two
/// names are compared loosely (already folded: lower case, no diacritics).
const SUFFIXES: &[&str] = &["bo doi bien phong", "bien phong", "bdbp", "bp"];

/// A name as a reader compares it: lower case, Vietnamese diacritics
/// dropped (đ read as d), punctuation as space, and a trailing "BĐBP" /
/// "Biên phòng" set aside (unless nothing else is left).
pub fn loose_name_key(name: &str) -> String {
    let folded: String = name
        .chars()
        .flat_map(char::to_lowercase)
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .map(fold_letter)
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let words = folded.split_whitespace().collect::<Vec<_>>().join(" ");
    for suffix in SUFFIXES {
        if let Some(rest) = words.strip_suffix(&format!(" {suffix}")) {
            return rest.to_owned();
        }
    }
    words
}

/// A lower-case Vietnamese letter without its marks.
fn fold_letter(c: char) -> char {
    const GROUPS: &[(char, &str)] = &[
        ('a', "àáảãạăằắẳẵặâầấẩẫậ"),
        ('e', "èéẻẽẹêềếểễệ"),
        ('i', "ìíỉĩị"),
        ('o', "òóỏõọôồốổỗộơờớởỡợ"),
        ('u', "ùúủũụưừứửữự"),
        ('y', "ỳýỷỹỵ"),
        ('d', "đ"),
    ];
    GROUPS
        .iter()
        .find(|(_, marked)| marked.contains(c))
        .map_or(c, |(base, _)| *base)
}

impl Workspace {
    /// Creates several units in one edit, each appended to the rotation of
    /// `cluster` if given: all of them or, on the first refusal, none.
    pub fn add_units(
        &mut self,
        units: Vec<(UnitId, UnitDraft)>,
        cluster: Option<ClusterId>,
    ) -> Result<(), DomainError> {
        let mut next = self.clone();
        for (id, draft) in units {
            next.add_unit(id, draft, cluster)?;
        }
        *self = next;
        Ok(())
    }
}
