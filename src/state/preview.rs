//! An import's preview: the chosen files read, absorbed and compared with the workspace, before anything changes.

use crate::domain::merge::{self, Bundle, MergeError, Plan};
use crate::domain::Workspace;
use crate::exchange::{read_file, FileError, FileKind, KeptChoices, ReadFile};
use crate::host::FileText;
use crate::storage::StorageError;

/// What the chosen files hold, checked and compared, waiting for the
/// user's confirmation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Preview {
    pub files: Vec<(String, ReadFile)>,
    pub plan: Plan,
    /// Names for the records the files bring (units and clusters not yet
    /// on this laptop included).
    pub naming: Workspace,
    /// For each item of the plan, when the user kept their own record over
    /// this very version of the file's before (`None`: not asked before).
    pub kept: Vec<Option<String>>,
    /// The earlier choices could not be read: every differing record is
    /// asked about again.
    pub kept_unread: Option<StorageError>,
}

/// Why the chosen files cannot be imported (the screen words it, beside
/// the file's name).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PreviewError {
    /// The browser could not read the file.
    Unreadable,
    File(FileError),
    Merge(MergeError),
}

/// Reads the chosen files (`texts`, by name), puts what they bring
/// together and compares it with `workspace`. Refused with every file that
/// cannot be read, or with the first that does not agree with the others,
/// or (under all the files' names) when the whole cannot be planned.
/// `kept`: the choices remembered from earlier imports.
pub fn preview(
    workspace: &Workspace,
    texts: Vec<(String, FileText)>,
    expected: &[FileKind],
    kept: Result<KeptChoices, StorageError>,
) -> Result<Preview, Vec<(String, PreviewError)>> {
    let mut problems = Vec::new();
    let mut read = Vec::new();
    for (name, text) in texts {
        match text {
            Err(Some(e)) => problems.push((name, PreviewError::File(e))),
            Err(None) => problems.push((name, PreviewError::Unreadable)),
            Ok(text) => match read_file(&text, expected) {
                Ok(file) => read.push((name, file)),
                Err(e) => problems.push((name, PreviewError::File(e))),
            },
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut bundle = Bundle::default();
    for (name, file) in &read {
        if let Err(e) = bundle.absorb(file.bundle.clone()) {
            return Err(vec![(name.clone(), PreviewError::Merge(e))]);
        }
    }
    let plan = merge::plan(workspace, &bundle).map_err(|e| {
        let names: Vec<&str> = read.iter().map(|(n, _)| n.as_str()).collect();
        vec![(names.join(", "), PreviewError::Merge(e))]
    })?;
    let (kept, kept_unread) = match kept {
        Ok(kept) => (kept.kept_in(&plan), None),
        Err(error) => (vec![None; plan.items.len()], Some(error)),
    };
    Ok(Preview {
        files: read,
        naming: bundle.naming(workspace),
        plan,
        kept,
        kept_unread,
    })
}
