//! The council's years in the store (issue 17): read from storage when a
//! council screen needs them (following `tick`, so another tab's change
//! shows), each edit made on the stored record as it is now and written
//! back, and the council's own vote made in the workspace.

use leptos::prelude::*;

use super::{Refusal, Store};
use crate::domain::{Council, CouncilDraft, CouncilId, DomainError, MeetingId, Receipt};
use crate::exchange::{read_received_results, FileError};
use crate::host::{FileText, Host};
use crate::rules::council::{consolidate, create_council_vote};
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
}

/// What became of one received file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Received {
    Taken(Receipt),
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
    /// write leaves storage as it was.
    pub fn edit_council<T>(
        &self,
        id: CouncilId,
        edit: impl FnOnce(&mut Council) -> Result<T, DomainError>,
    ) -> Result<T, CouncilRefusal> {
        let outcome = self.with_storage(|kv| {
            let Some(mut council) = storage::read_council(kv, id)? else {
                return Ok(Err(CouncilRefusal::Missing));
            };
            let before = council.clone();
            let value = match edit(&mut council) {
                Ok(value) => value,
                Err(e) => return Ok(Err(CouncilRefusal::Domain(e))),
            };
            if council != before {
                storage::write_council(kv, &council)?;
            }
            Ok(Ok(value))
        });
        self.tick.update(|t| *t += 1);
        outcome.map_err(CouncilRefusal::Storage)?
    }

    /// Receives results files into a council-year: each is read with every
    /// check an import makes and taken in or refused with its reason; the
    /// files taken are stored together, or (storage refusing) none is.
    pub fn receive_results(
        &self,
        id: CouncilId,
        files: Vec<(String, FileText)>,
    ) -> Result<Vec<(String, Received)>, CouncilRefusal> {
        let at = self.host.with_value(|h| h.now_iso());
        self.edit_council(id, |council| {
            Ok(files
                .into_iter()
                .map(|(name, text)| {
                    let outcome = match text {
                        Err(None) => Received::Unreadable,
                        Err(Some(e)) => Received::File(e),
                        Ok(text) => match read_received_results(&text, &at) {
                            Err(e) => Received::File(e),
                            Ok(file) => match council.receive(file) {
                                Ok(receipt) => Received::Taken(receipt),
                                Err(e) => Received::Domain(e),
                            },
                        },
                    };
                    (name, outcome)
                })
                .collect())
        })
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
