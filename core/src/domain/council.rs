//! The higher council's year (PRODUCT.md §10, issue 17): the results files
//! received from its clusters, kept in the compact shape the tally needs,
//! the fingerprint each cluster's signed minutes carry, and which file
//! stands when a cluster sent two.
//!
//! What the council reads of a file (its rounds, their counts) is plain
//! data here; the decisions are derived from it by `rules::council` with
//! the tally every cluster uses, never stored.

use super::{unit_name_key, Date, DomainError, Fraction, MeetingId, RoundRules, Totals, UnitId};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CouncilId(pub u64);

impl std::fmt::Display for CouncilId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// What the council sets for one award: at most how many units a cluster
/// may nominate, and the least share a nominee must have.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AwardLimit {
    pub award: String,
    pub per_cluster: Option<u32>,
    pub min_share: Option<Fraction>,
}

/// Whether the fingerprint printed on a cluster's signed minutes was
/// typed and agrees with the file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum PaperCheck {
    #[default]
    NotConfirmed,
    Confirmed,
    /// The fingerprint typed from the paper, which is not the file's.
    Mismatch(String),
}

/// Which of a cluster-year's files the council goes by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Standing {
    #[default]
    Stands,
    /// A second, different file for a cluster-year that already had one:
    /// shown beside it until the secretary chooses.
    AwaitingChoice,
    /// Kept, but another file of the same cluster-year stands.
    Replaced,
}

/// One closed round as a file brought it: the rules, the places it
/// awards, its candidates and its counts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReceivedRound {
    pub award: String,
    pub runoff: bool,
    pub rules: RoundRules,
    /// `None` when the file does not say (a share-of-members quota in a
    /// file written before the member count was carried).
    pub places: Option<u32>,
    pub candidates: Vec<UnitId>,
    pub excluded: Vec<UnitId>,
    pub totals: Totals,
}

/// A results file as the council keeps it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReceivedFile {
    /// SHA-256 of the file's `data` (lower-case hex); the fingerprint is
    /// its first 16 digits.
    pub sha256: String,
    pub cluster: String,
    pub year: u16,
    pub meeting_date: Option<Date>,
    pub exported_at: String,
    pub arrived_at: String,
    pub paper: PaperCheck,
    pub standing: Standing,
    /// The names of the units the rounds name.
    pub units: Vec<(UnitId, String)>,
    pub rounds: Vec<ReceivedRound>,
    pub rounds_not_closed: u32,
    pub score_ranks: Vec<(UnitId, u32)>,
}

impl ReceivedFile {
    pub fn unit_name(&self, unit: UnitId) -> String {
        self.units
            .iter()
            .find(|(id, _)| *id == unit)
            .map_or_else(|| format!("#{unit}"), |(_, name)| name.clone())
    }

    /// The 16 hex digits the minutes print, upper case, without dashes.
    pub fn fingerprint_digits(&self) -> String {
        self.sha256
            .chars()
            .take(16)
            .collect::<String>()
            .to_uppercase()
    }

    fn same_cluster_year(&self, other: &ReceivedFile) -> bool {
        self.year == other.year && unit_name_key(&self.cluster) == unit_name_key(&other.cluster)
    }
}

/// A council-year: "Hội đồng Thi đua – Khen thưởng <name>, năm <year>".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Council {
    pub id: CouncilId,
    pub name: String,
    pub year: u16,
    /// The clusters whose files the council expects, by name.
    pub expected: Vec<String>,
    pub limits: Vec<AwardLimit>,
    /// The council's members, who vote on the nominees by name.
    pub members: Vec<String>,
    /// In the order they arrived; changed only by the edits below.
    pub(crate) received: Vec<ReceivedFile>,
    /// The council's own vote, once created.
    pub vote: Option<MeetingId>,
}

/// What receiving a file did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Receipt {
    New,
    /// The very same data was received before: nothing changed.
    AlreadyReceived,
    /// Another file of the same cluster-year is here: the two wait for
    /// the secretary's choice.
    SecondVersion,
}

/// A council's settings as a form gives them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CouncilDraft {
    pub name: String,
    pub year: u16,
    pub expected: Vec<String>,
    pub limits: Vec<AwardLimit>,
    pub members: Vec<String>,
}

impl Council {
    pub fn new(id: CouncilId, draft: CouncilDraft) -> Result<Council, DomainError> {
        let mut council = Council {
            id,
            name: String::new(),
            year: draft.year,
            expected: Vec::new(),
            limits: Vec::new(),
            members: Vec::new(),
            received: Vec::new(),
            vote: None,
        };
        council.update(draft)?;
        Ok(council)
    }

    /// Restores a council as stored; the files' order and standing as kept.
    pub fn with_received(mut self, received: Vec<ReceivedFile>) -> Council {
        self.received = received;
        self
    }

    pub fn received(&self) -> &[ReceivedFile] {
        &self.received
    }

    pub fn file(&self, sha256: &str) -> Option<&ReceivedFile> {
        self.received.iter().find(|f| f.sha256 == sha256)
    }

    /// The files the council goes by: one per cluster-year, the one that
    /// stands.
    pub fn standing_files(&self) -> impl Iterator<Item = &ReceivedFile> {
        self.received
            .iter()
            .filter(|f| f.standing == Standing::Stands)
    }

    /// Changes the settings; the year is fixed once files were received.
    pub fn update(&mut self, draft: CouncilDraft) -> Result<(), DomainError> {
        let name = draft.name.trim().to_owned();
        if name.is_empty() {
            return Err(DomainError::EmptyCouncilName);
        }
        if !super::YEAR_RANGE.contains(&draft.year) {
            return Err(DomainError::YearOutOfRange(draft.year));
        }
        if draft.year != self.year && !self.received.is_empty() {
            return Err(DomainError::CouncilYearFixed);
        }
        let clean = |list: Vec<String>| -> Vec<String> {
            let mut out: Vec<String> = Vec::new();
            for item in list {
                let item = item.trim().to_owned();
                if !item.is_empty() && !out.iter().any(|o| unit_name_key(o) == unit_name_key(&item))
                {
                    out.push(item);
                }
            }
            out
        };
        let mut limits: Vec<AwardLimit> = Vec::new();
        for limit in draft.limits {
            let award = limit.award.trim().to_owned();
            if award.is_empty() || (limit.per_cluster.is_none() && limit.min_share.is_none()) {
                continue;
            }
            if limits.iter().any(|l| l.award == award) {
                return Err(DomainError::DuplicateAwardLimit(award));
            }
            limits.push(AwardLimit { award, ..limit });
        }
        self.name = name;
        self.year = draft.year;
        self.expected = clean(draft.expected);
        self.members = clean(draft.members);
        self.limits = limits;
        Ok(())
    }

    pub fn limit_of(&self, award: &str) -> Option<&AwardLimit> {
        self.limits.iter().find(|l| l.award == award)
    }

    /// Takes a received file in. The same data twice changes nothing; a
    /// file of another year is refused; a second file of a cluster-year
    /// waits beside the first for the secretary's choice.
    pub fn receive(&mut self, file: ReceivedFile) -> Result<Receipt, DomainError> {
        if self.received.iter().any(|f| f.sha256 == file.sha256) {
            return Ok(Receipt::AlreadyReceived);
        }
        if file.year != self.year {
            return Err(DomainError::CouncilWrongYear {
                file: file.year,
                council: self.year,
            });
        }
        let earlier = self.received.iter().any(|f| f.same_cluster_year(&file));
        let mut file = file;
        if earlier {
            file.standing = Standing::AwaitingChoice;
            // The one standing so far waits too: nothing is consolidated
            // for the cluster until the secretary chooses.
            for f in &mut self.received {
                if f.same_cluster_year(&file) && f.standing == Standing::Stands {
                    f.standing = Standing::AwaitingChoice;
                }
            }
            self.received.push(file);
            Ok(Receipt::SecondVersion)
        } else {
            file.standing = Standing::Stands;
            self.received.push(file);
            Ok(Receipt::New)
        }
    }

    /// The secretary's choice between the files of one cluster-year: this
    /// one stands, the others are kept, marked replaced.
    pub fn choose(&mut self, sha256: &str) -> Result<(), DomainError> {
        let chosen = self
            .file(sha256)
            .cloned()
            .ok_or(DomainError::UnknownReceivedFile)?;
        for f in &mut self.received {
            if f.sha256 == sha256 {
                f.standing = Standing::Stands;
            } else if f.same_cluster_year(&chosen) {
                f.standing = Standing::Replaced;
            }
        }
        Ok(())
    }

    /// Checks the fingerprint typed from a cluster's signed minutes
    /// against the file (16 hex digits; dashes, spaces and case ignored)
    /// and keeps the outcome. Anything but 16 hex digits is refused and
    /// changes nothing.
    pub fn confirm_paper(&mut self, sha256: &str, typed: &str) -> Result<PaperCheck, DomainError> {
        let digits = fingerprint_typed(typed).ok_or(DomainError::FingerprintShape)?;
        let file = self
            .received
            .iter_mut()
            .find(|f| f.sha256 == sha256)
            .ok_or(DomainError::UnknownReceivedFile)?;
        file.paper = if digits == file.fingerprint_digits() {
            PaperCheck::Confirmed
        } else {
            PaperCheck::Mismatch(group_fingerprint(&digits))
        };
        Ok(file.paper.clone())
    }
}

/// The 16 hex digits of a typed fingerprint, upper case, or `None` if it
/// is not 16 hex digits once dashes and spaces are taken out.
pub fn fingerprint_typed(typed: &str) -> Option<String> {
    let digits: String = typed
        .chars()
        .filter(|c| !matches!(c, '-' | ' ' | '\u{2010}'..='\u{2015}'))
        .collect::<String>()
        .to_uppercase();
    (digits.len() == 16 && digits.chars().all(|c| c.is_ascii_hexdigit())).then_some(digits)
}

/// `3F2A9C0177BE0D45` as the minutes print it: `3F2A-9C01-77BE-0D45`.
pub fn group_fingerprint(digits: &str) -> String {
    digits
        .chars()
        .collect::<Vec<_>>()
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}
