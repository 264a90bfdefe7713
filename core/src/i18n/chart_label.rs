//! A unit's name laid out on the few short lines a chart's label has room for.
//!
//! Lines break between words; a name longer than the room ends with "…"
//! instead of being cut without a sign. The chart shows the whole name on
//! hover and the table beside it in full.

/// `name` on at most `lines` lines of at most `per_line` characters, broken
/// between words; what does not fit ends with "…" (a word longer than a
/// line too).
pub fn chart_label(name: &str, per_line: usize, lines: usize) -> Vec<String> {
    let per_line = per_line.max(2);
    let lines = lines.max(1);
    let width = |s: &str| s.chars().count();
    let cut = |s: &str| -> String {
        let mut short: String = s.chars().take(per_line - 1).collect();
        short.push('…');
        short
    };
    let mut wrapped: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in name.split_whitespace() {
        let word = if width(word) > per_line {
            cut(word)
        } else {
            word.to_owned()
        };
        if current.is_empty() {
            current = word;
        } else if width(&current) + 1 + width(&word) <= per_line {
            current.push(' ');
            current.push_str(&word);
        } else {
            wrapped.push(std::mem::replace(&mut current, word));
        }
    }
    if !current.is_empty() {
        wrapped.push(current);
    }
    if wrapped.len() > lines {
        wrapped.truncate(lines);
        if let Some(last) = wrapped.last_mut() {
            if last.ends_with('…') {
                // Already marked as cut.
            } else if width(last) < per_line {
                last.push('…');
            } else if let Some(space) = last.rfind(' ') {
                last.truncate(space);
                last.push('…');
            } else {
                *last = cut(last);
            }
        }
    }
    wrapped
}
