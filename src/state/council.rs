//! The council's years in the store (issue 17): read from storage when a
//! council screen needs them (following `tick`, so another tab's change
//! shows), each edit made on the stored record as it is now and written
//! back, and the council's own vote made in the workspace.

use leptos::prelude::*;

use super::{Refusal, Store};
use crate::domain::{
    Council, CouncilDraft, CouncilId, DomainError, MeetingId, Receipt, ReceivedFile,
};
use crate::exchange::{read_received_results, FileError};
use crate::host::{FileText, Host};
use crate::rules::council::{
    consolidate, create_council_vote, update_council_voters, VotersUpdate,
};
use crate::storage::{self, KeyValue, StorageError, StoredCouncil};

/// Why a council edit changed nothing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CouncilRefusal {
    Domain(DomainError),
    Storage(StorageError),
    /// The council-year is no longer stored (deleted in another tab).
    Missing,
    /// The council's vote was refused by the workspace.
    Vote(Refusal),
    /// Another tab kept changing the council-year: nothing was written.
    Busy,
}

/// What opening a council-year file did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CouncilImport {
    /// Not here before: stored.
    Added(CouncilId),
    /// Here already, the same: nothing changed.
    AlreadyHere(CouncilId),
    /// Here already, different: nothing changed until the user chooses to
    /// replace it (`replace_council`).
    Differs(Box<Council>),
}

/// What became of one received file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Received {
    /// Taken in (or already here), with the file's SHA-256.
    Taken(Receipt, String),
    /// The browser could not read it.
    Unreadable,
    File(FileError),
    Domain(DomainError),
}

impl<S: KeyValue + 'static, H: Host> Store<S, H> {
    /// Every stored council-year (reactive: follows `tick`).
    pub fn councils(&self) -> Result<Vec<StoredCouncil>, StorageError> {
        self.tick.track();
        self.with_storage(|kv| storage::read_councils(kv))
    }

    /// One council-year as stored now (reactive: follows `tick`).
    pub fn council(&self, id: CouncilId) -> Result<Option<Council>, StorageError> {
        self.tick.track();
        self.with_storage(|kv| storage::read_council(kv, id))
    }

    /// The stored size of a council-year, in UTF-16 code units.
    pub fn council_size(&self, id: CouncilId) -> Result<usize, StorageError> {
        self.tick.track();
        self.with_storage(|kv| storage::council_size(kv, id))
    }

    /// Creates a council-year; `Ok` means it is stored.
    pub fn add_council(&self, draft: CouncilDraft) -> Result<CouncilId, CouncilRefusal> {
        let id = CouncilId(self.host.with_value(|h| h.new_id()));
        let council = Council::new(id, draft).map_err(CouncilRefusal::Domain)?;
        let written = self.with_storage(|kv| storage::write_council(kv, &council));
        self.tick.update(|t| *t += 1);
        written.map_err(CouncilRefusal::Storage)?;
        Ok(id)
    }

    /// Runs `edit` on the council-year as stored now and writes it back
    /// when it changed. `Ok` means the change is stored; a refused edit or
    /// write leaves storage as it was. The record is read again just
    /// before the write: if another tab wrote it meanwhile, the edit is
    /// made again on that tab's version (`edit` is run at most three
    /// times), so neither tab's change is written over.
    pub fn edit_council<T>(
        &self,
        id: CouncilId,
        mut edit: impl FnMut(&mut Council) -> Result<T, DomainError>,
    ) -> Result<T, CouncilRefusal> {
        let outcome = self.with_storage(|kv| {
            for _ in 0..3 {
                let seen = storage::council_text(kv, id)?;
                let Some(mut council) = storage::read_council(kv, id)? else {
                    return Ok(Err(CouncilRefusal::Missing));
                };
                let before = council.clone();
                let value = match edit(&mut council) {
                    Ok(value) => value,
                    Err(e) => return Ok(Err(CouncilRefusal::Domain(e))),
                };
                if council == before {
                    return Ok(Ok(value));
                }
                if storage::council_text(kv, id)? != seen {
                    continue;
                }
                storage::write_council(kv, &council)?;
                return Ok(Ok(value));
            }
            Ok(Err(CouncilRefusal::Busy))
        });
        self.tick.update(|t| *t += 1);
        outcome.map_err(CouncilRefusal::Storage)?
    }

    /// Receives results files into a council-year: each is read first with
    /// every check an import makes (outside the stored record, so the
    /// record is read and written in one short step), then taken in or
    /// refused with its reason; the files taken are stored together, or
    /// (storage refusing) none is. A file taken carries its SHA-256, so
    /// the screen can check that it is still there afterwards.
    pub fn receive_results(
        &self,
        id: CouncilId,
        files: Vec<(String, FileText)>,
    ) -> Result<Vec<(String, Received)>, CouncilRefusal> {
        let at = self.host.with_value(|h| h.now_iso());
        let read: Vec<(String, Result<ReceivedFile, Received>)> = files
            .into_iter()
            .map(|(name, text)| {
                let file = match text {
                    Err(None) => Err(Received::Unreadable),
                    Err(Some(e)) => Err(Received::File(e)),
                    Ok(text) => read_received_results(&text, &at).map_err(Received::File),
                };
                (name, file)
            })
            .collect();
        self.edit_council(id, |council| {
            Ok(read
                .iter()
                .map(|(name, file)| {
                    let outcome = match file {
                        Err(refused) => refused.clone(),
                        Ok(file) => match council.receive(file.clone()) {
                            Ok(receipt) => Received::Taken(receipt, file.sha256.clone()),
                            Err(e) => Received::Domain(e),
                        },
                    };
                    (name.clone(), outcome)
                })
                .collect())
        })
    }

    /// Opens a council-year file (its backup): stored when it is new;
    /// when a different version is here, nothing changes yet.
    pub fn import_council(&self, council: Council) -> Result<CouncilImport, CouncilRefusal> {
        let outcome = self.with_storage(|kv| {
            match storage::read_council(kv, council.id) {
                Ok(Some(here)) if here == council => {
                    return Ok(CouncilImport::AlreadyHere(council.id))
                }
                Ok(Some(_)) => return Ok(CouncilImport::Differs(Box::new(council))),
                // Nothing here, or a record that cannot be read: the file
                // is the way back.
                Ok(None) | Err(StorageError::ReadFailed { .. }) => {}
                Err(e) => return Err(e),
            }
            storage::write_council(kv, &council)?;
            Ok(CouncilImport::Added(council.id))
        });
        self.tick.update(|t| *t += 1);
        outcome.map_err(CouncilRefusal::Storage)
    }

    /// Replaces the stored council-year with the file's, as the user chose.
    pub fn replace_council(&self, council: &Council) -> Result<(), CouncilRefusal> {
        let outcome = self.with_storage(|kv| storage::write_council(kv, council));
        self.tick.update(|t| *t += 1);
        outcome.map_err(CouncilRefusal::Storage)
    }

    /// The council-year as a file, to keep as its backup.
    pub fn download_council(&self, council: &Council) -> bool {
        let at = self.host.with_value(|h| h.now_iso());
        let Ok(text) = crate::exchange::council_file(council, &at) else {
            return false;
        };
        let name = crate::exchange::file_name(
            crate::exchange::FileKind::Council,
            &[&council.name, &council.year.to_string()],
        );
        self.host
            .with_value(|h| h.download(&name, "application/json", &text))
    }

    /// Saves a council-year's settings; then, while no round of the
    /// council's vote has opened, its named voters follow the members.
    pub fn save_council_settings(
        &self,
        id: CouncilId,
        draft: CouncilDraft,
    ) -> Result<VotersUpdate, CouncilRefusal> {
        let council = self.edit_council(id, |c| {
            c.update(draft.clone())?;
            Ok(c.clone())
        })?;
        let host = self.host;
        self.apply(|ws| {
            update_council_voters(ws, &council, &mut || host.with_value(|h| h.new_id()))
        })
        .map_err(CouncilRefusal::Vote)
    }

    /// Creates the council's vote on its consolidated nominees in the
    /// workspace and keeps it with the council-year; returns the meeting.
    pub fn create_council_vote(&self, id: CouncilId) -> Result<MeetingId, CouncilRefusal> {
        let council = self
            .with_storage(|kv| storage::read_council(kv, id))
            .map_err(CouncilRefusal::Storage)?
            .ok_or(CouncilRefusal::Missing)?;
        if let Some(existing) = council.vote {
            if self
                .workspace
                .with_untracked(|ws| ws.meeting(existing).is_some())
            {
                return Ok(existing);
            }
        }
        let consolidation = consolidate(&council);
        let host = self.host;
        let meeting = self
            .apply(|ws| {
                create_council_vote(ws, &council, &consolidation, &mut || {
                    host.with_value(|h| h.new_id())
                })
            })
            .map_err(CouncilRefusal::Vote)?;
        self.edit_council(id, |c| {
            c.vote = Some(meeting);
            Ok(meeting)
        })
    }
}
