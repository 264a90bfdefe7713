//! What the council sees of the files it received (issue 17): each
//! file's rounds decided by the tally every cluster uses, what keeps a
//! file or a round from counting, and one table per award of every
//! nominated unit across the clusters, with the flags a council must see.
//! Derived every time from the kept counts; nothing here is stored.

use std::collections::BTreeMap;

use super::rounds::decide_closed;
use super::tally::RoundResult;
use crate::domain::{
    reconcile, unit_name_key, Council, PaperCheck, ReceivedFile, ReceivedRound, ReconcileError,
    RoundCandidates, Standing, Totals, UnitId,
};

/// Why a received round does not count.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RoundProblem {
    /// Its counts do not reconcile.
    Count(ReconcileError),
    /// A share-of-members quota, and the file does not carry the member
    /// count (written before it was carried).
    PlacesUnknown,
}

/// One received round decided, or why it cannot be.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoundOutcome {
    pub award: String,
    pub runoff: bool,
    pub totals: Totals,
    pub result: Result<RoundResult, RoundProblem>,
}

/// Each closed round of a file, decided with the units nominated by the
/// file's rounds before it excluded as the cluster excluded them (the
/// file lists them), and the cluster's score ranking for ties.
pub fn file_outcomes(file: &ReceivedFile) -> Vec<RoundOutcome> {
    let ranks: BTreeMap<UnitId, u32> = file.score_ranks.iter().copied().collect();
    let score_rank = (!ranks.is_empty()).then_some(&ranks);
    file.rounds
        .iter()
        .map(|round| RoundOutcome {
            award: round.award.clone(),
            runoff: round.runoff,
            totals: round.totals.clone(),
            result: decide_round(round, score_rank),
        })
        .collect()
}

fn decide_round(
    round: &ReceivedRound,
    score_rank: Option<&BTreeMap<UnitId, u32>>,
) -> Result<RoundResult, RoundProblem> {
    let places = round.places.ok_or(RoundProblem::PlacesUnknown)?;
    reconcile(&round.totals, places).map_err(RoundProblem::Count)?;
    let on_ballot = RoundCandidates {
        standing: round.candidates.clone(),
        excluded: round.excluded.clone(),
    };
    Ok(decide_closed(
        &round.totals,
        &on_ballot,
        &round.rules,
        places,
        score_rank,
    ))
}

/// What the received files list says of a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileStatus {
    pub paper: PaperCheck,
    pub standing: Standing,
    /// Rounds whose counts do not reconcile (or cannot be decided), by
    /// position in the file.
    pub problems: Vec<(usize, String, RoundProblem)>,
    pub rounds_not_closed: u32,
}

pub fn file_status(file: &ReceivedFile) -> FileStatus {
    FileStatus {
        paper: file.paper.clone(),
        standing: file.standing,
        problems: file_outcomes(file)
            .into_iter()
            .enumerate()
            .filter_map(|(idx, o)| o.result.err().map(|p| (idx, o.award, p)))
            .collect(),
        rounds_not_closed: file.rounds_not_closed,
    }
}

/// One nominated unit of one cluster for one award.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NomineeRow {
    pub award: String,
    pub cluster: String,
    pub unit: UnitId,
    pub unit_name: String,
    pub votes: u32,
    pub base: u32,
    /// Hundredths of a percent; `None` for a base of zero.
    pub share_bp: Option<u64>,
    /// Rank inside its cluster's round.
    pub rank: Option<u32>,
    /// The file's SHA-256; its fingerprint is the first 16 digits.
    pub sha256: String,
    pub paper: PaperCheck,
}

/// What a council must see before it votes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Flag {
    /// The same unit (by name: case and spacing aside, marks count) nominated by two clusters.
    SameUnit {
        unit_name: String,
        clusters: Vec<String>,
    },
    /// More nominees for an award than the council allows per cluster.
    OverLimit {
        cluster: String,
        award: String,
        nominated: u32,
        limit: u32,
    },
    /// A nominee's share below the council's minimum for the award.
    BelowMinimum {
        cluster: String,
        award: String,
        unit_name: String,
        share_bp: Option<u64>,
        minimum_bp: u64,
    },
    /// An expected cluster whose file has not arrived.
    Missing { cluster: String },
    /// A round whose counts do not reconcile: its nominees are left out.
    RoundNotCounted {
        cluster: String,
        award: String,
        problem: RoundProblem,
    },
    /// Rounds of the cluster's meeting were not closed when it wrote the
    /// file.
    RoundsOpen { cluster: String, rounds: u32 },
    /// The fingerprint of the signed minutes was not typed yet.
    PaperNotConfirmed { cluster: String },
    /// The fingerprint of the signed minutes is not the file's.
    PaperMismatch { cluster: String },
    /// Two files of one cluster-year wait for the secretary's choice;
    /// neither is consolidated.
    ChooseFile { cluster: String },
}

/// Every nominee across the clusters, per award in the order awards first
/// appear, and the flags.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Consolidation {
    pub awards: Vec<(String, Vec<NomineeRow>)>,
    pub flags: Vec<Flag>,
}

impl Consolidation {
    pub fn rows(&self) -> impl Iterator<Item = &NomineeRow> {
        self.awards.iter().flat_map(|(_, rows)| rows)
    }

    /// The units the council votes on for an award: every nominee of a
    /// standing file whose paper fingerprint does not contradict it, once
    /// per unit, in table order.
    pub fn vote_candidates(&self, award: &str) -> Vec<&NomineeRow> {
        let mut seen: Vec<String> = Vec::new();
        self.awards
            .iter()
            .filter(|(a, _)| a == award)
            .flat_map(|(_, rows)| rows)
            .filter(|r| !matches!(r.paper, PaperCheck::Mismatch(_)))
            .filter(|r| {
                let key = unit_name_key(&r.unit_name);
                let fresh = !seen.contains(&key);
                seen.push(key);
                fresh
            })
            .collect()
    }
}

/// The council's consolidated picture: from each standing file, the
/// nominees of its rounds that reconcile; flags for everything the
/// council must see. The order is that of the files' arrival, each
/// file's rounds in order, each round's nominees in rank order.
pub fn consolidate(council: &Council) -> Consolidation {
    let mut out = Consolidation::default();
    for file in council.received() {
        match file.standing {
            Standing::Replaced => continue,
            Standing::AwaitingChoice => {
                let flag = Flag::ChooseFile {
                    cluster: file.cluster.clone(),
                };
                if !out.flags.contains(&flag) {
                    out.flags.push(flag);
                }
                continue;
            }
            Standing::Stands => {}
        }
        match &file.paper {
            PaperCheck::Confirmed => {}
            PaperCheck::NotConfirmed => out.flags.push(Flag::PaperNotConfirmed {
                cluster: file.cluster.clone(),
            }),
            PaperCheck::Mismatch(_) => out.flags.push(Flag::PaperMismatch {
                cluster: file.cluster.clone(),
            }),
        }
        if file.rounds_not_closed > 0 {
            out.flags.push(Flag::RoundsOpen {
                cluster: file.cluster.clone(),
                rounds: file.rounds_not_closed,
            });
        }
        for outcome in file_outcomes(file) {
            let result = match outcome.result {
                Ok(result) => result,
                Err(problem) => {
                    out.flags.push(Flag::RoundNotCounted {
                        cluster: file.cluster.clone(),
                        award: outcome.award,
                        problem,
                    });
                    continue;
                }
            };
            let rows = match out.awards.iter_mut().find(|(a, _)| *a == outcome.award) {
                Some((_, rows)) => rows,
                None => {
                    out.awards.push((outcome.award.clone(), Vec::new()));
                    match out.awards.last_mut() {
                        Some((_, rows)) => rows,
                        None => continue,
                    }
                }
            };
            for unit in &result.nominated {
                let Some(line) = result.candidates.iter().find(|c| c.unit == *unit) else {
                    continue;
                };
                rows.push(NomineeRow {
                    award: outcome.award.clone(),
                    cluster: file.cluster.clone(),
                    unit: *unit,
                    unit_name: file.unit_name(*unit),
                    votes: line.votes,
                    base: result.base,
                    share_bp: line.share_bp,
                    rank: line.rank,
                    sha256: file.sha256.clone(),
                    paper: file.paper.clone(),
                });
            }
        }
    }
    flag_limits(council, &mut out);
    flag_same_units(&mut out);
    for expected in &council.expected {
        let key = unit_name_key(expected);
        let arrived = council
            .received()
            .iter()
            .any(|f| unit_name_key(&f.cluster) == key);
        if !arrived {
            out.flags.push(Flag::Missing {
                cluster: expected.clone(),
            });
        }
    }
    out
}

fn flag_limits(council: &Council, out: &mut Consolidation) {
    let mut flags = Vec::new();
    for (award, rows) in &out.awards {
        let Some(limit) = council.limit_of(award) else {
            continue;
        };
        if let Some(max) = limit.per_cluster {
            let mut per_cluster: Vec<(String, u32)> = Vec::new();
            for row in rows {
                match per_cluster.iter_mut().find(|(c, _)| *c == row.cluster) {
                    Some((_, n)) => *n = n.saturating_add(1),
                    None => per_cluster.push((row.cluster.clone(), 1)),
                }
            }
            for (cluster, nominated) in per_cluster {
                if nominated > max {
                    flags.push(Flag::OverLimit {
                        cluster,
                        award: award.clone(),
                        nominated,
                        limit: max,
                    });
                }
            }
        }
        if let Some(minimum) = limit.min_share {
            let minimum_bp = minimum.basis_points();
            for row in rows {
                if row.share_bp.is_none_or(|s| s < minimum_bp) {
                    flags.push(Flag::BelowMinimum {
                        cluster: row.cluster.clone(),
                        award: award.clone(),
                        unit_name: row.unit_name.clone(),
                        share_bp: row.share_bp,
                        minimum_bp,
                    });
                }
            }
        }
    }
    out.flags.extend(flags);
}

fn flag_same_units(out: &mut Consolidation) {
    let mut by_name: Vec<(String, String, Vec<String>)> = Vec::new();
    for row in out.rows() {
        let key = unit_name_key(&row.unit_name);
        match by_name.iter_mut().find(|(k, _, _)| *k == key) {
            Some((_, _, clusters)) => {
                if !clusters.contains(&row.cluster) {
                    clusters.push(row.cluster.clone());
                }
            }
            None => by_name.push((key, row.unit_name.clone(), vec![row.cluster.clone()])),
        }
    }
    for (_, unit_name, clusters) in by_name {
        if clusters.len() > 1 {
            out.flags.push(Flag::SameUnit {
                unit_name,
                clusters,
            });
        }
    }
}

/// Creates the council's own vote on the consolidated nominees with the
/// machinery every cluster uses: a body named after the council whose
/// member units are the nominees and the council's standing office
/// ("Thường trực Hội đồng …"), whose named delegates are the council's
/// members (so only they vote, and they vote for no unit of their own), a
/// meeting for the council's year, and one draft round per award with the
/// award's nominees as candidates, counted on all members (base:
/// entitled voters; as many places as nominees, so the threshold
/// decides each). Nominees are matched to units of this workspace by
/// name; the others are added with their clusters' ids where free.
/// `new_id` gives fresh ids. Returns the meeting.
pub fn create_council_vote(
    ws: &mut crate::domain::Workspace,
    council: &Council,
    consolidation: &Consolidation,
    new_id: &mut dyn FnMut() -> u64,
) -> Result<crate::domain::MeetingId, crate::domain::DomainError> {
    use crate::domain::{
        cluster_name_key, unit_name_key, ClusterDraft, ClusterId, DomainError, MeetingId, Quota,
        RoundDraft, RoundId, RoundRules, ShareBase, UnitDraft, YearDraft,
    };
    if council.members.is_empty() {
        return Err(DomainError::NoCouncilMembers);
    }
    let mut next = ws.clone();
    let mut unit_for = |next: &mut crate::domain::Workspace,
                        wanted: Option<UnitId>,
                        name: &str|
     -> Result<UnitId, DomainError> {
        let key = unit_name_key(name);
        if let Some(u) = next
            .units()
            .iter()
            .find(|u| unit_name_key(&u.full_name) == key)
        {
            return Ok(u.id);
        }
        let id = match wanted {
            Some(id) if next.unit(id).is_none() => id,
            _ => UnitId(new_id()),
        };
        let draft = UnitDraft {
            full_name: name.to_owned(),
            ..UnitDraft::default()
        };
        next.add_unit(id, draft, None)?;
        Ok(id)
    };
    let office_name = format!("Thường trực {}", council_title_vi(council));
    let office = unit_for(&mut next, None, &office_name)?;
    let mut members = vec![office];
    let mut rounds: Vec<(String, Vec<UnitId>)> = Vec::new();
    for (award, _) in &consolidation.awards {
        let mut candidates = Vec::new();
        for row in consolidation.vote_candidates(award) {
            let unit = unit_for(&mut next, Some(row.unit), &row.unit_name)?;
            if !members.contains(&unit) {
                members.push(unit);
            }
            if !candidates.contains(&unit) {
                candidates.push(unit);
            }
        }
        if !candidates.is_empty() {
            rounds.push((award.clone(), candidates));
        }
    }
    if rounds.is_empty() {
        return Err(DomainError::NoNominees);
    }
    // The body is the council's own: one per council, its years the
    // council-years that voted (a later year reuses it).
    let body = ClusterDraft {
        name: COUNCIL_BODY.to_owned(),
        number: String::new(),
        parent_org: council.name.clone(),
        notes: String::new(),
    };
    let key = cluster_name_key(&body.name, &body.parent_org);
    let existing = next
        .clusters()
        .iter()
        .find(|c| cluster_name_key(&c.name, &c.parent_org) == key)
        .map(|c| (c.id, c.units().to_vec(), c.year(council.year).is_some()));
    let (cluster, in_body, has_year) = match existing {
        Some(found) => found,
        None => {
            let id = ClusterId(new_id());
            next.add_cluster(id, body)?;
            (id, Vec::new(), false)
        }
    };
    for unit in &members {
        if !in_body.contains(unit) {
            next.add_unit_to_cluster(cluster, *unit)?;
        }
    }
    let year = YearDraft {
        members: members.clone(),
        leader: None,
        deputy: None,
    };
    if has_year {
        next.update_year(cluster, council.year, year)?;
    } else {
        next.add_year(cluster, council.year, year)?;
    }
    let meeting = MeetingId(new_id());
    next.add_meeting(meeting, cluster, council.year)?;
    next.set_voters(meeting, council_voters(&[], council, office, new_id))?;
    for (award, candidates) in rounds {
        // Each member approves any of the nominees: as many places as
        // candidates, the threshold deciding; the secretary may change it.
        let rules = RoundRules {
            quota: Quota::Fixed(candidates.len() as u32),
            base: ShareBase::Entitled,
            ..RoundRules::default()
        };
        next.add_round(
            meeting,
            RoundId(new_id()),
            RoundDraft {
                award,
                rules,
                candidates,
                rehearsal: false,
            },
        )?;
    }
    *ws = next;
    Ok(meeting)
}

/// The body the council's vote is held in, under the council's name as
/// its parent (the documents' header: the council's body above, this
/// below).
pub const COUNCIL_BODY: &str = "Hội đồng Thi đua – Khen thưởng";

/// "Hội đồng Thi đua – Khen thưởng <name>": its standing office is named
/// after it.
pub fn council_title_vi(council: &Council) -> String {
    format!("Hội đồng Thi đua – Khen thưởng {}", council.name)
}

/// The council's members as the named delegates of its standing office,
/// keeping the ids of those already on `before` (by name).
fn council_voters(
    before: &[crate::domain::Delegate],
    council: &Council,
    office: UnitId,
    new_id: &mut dyn FnMut() -> u64,
) -> crate::domain::Voters {
    use crate::domain::{Delegate, VoterId, Voters};
    Voters::Delegates(
        council
            .members
            .iter()
            .map(|name| Delegate {
                id: before
                    .iter()
                    .find(|d| d.name == *name)
                    .map_or_else(|| VoterId(new_id()), |d| d.id),
                name: name.clone(),
                unit: office,
            })
            .collect(),
    )
}

/// Whether the council's vote took its members as they are now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VotersUpdate {
    /// No vote yet, or its voters are the members already.
    Unchanged,
    Updated,
    /// A round has opened: its roll is frozen, so the voters stay.
    VoteStarted,
}

/// Brings the council's vote's named voters in step with its members
/// while no round of it has opened.
pub fn update_council_voters(
    ws: &mut crate::domain::Workspace,
    council: &Council,
    new_id: &mut dyn FnMut() -> u64,
) -> Result<VotersUpdate, crate::domain::DomainError> {
    use crate::domain::{RoundState, Voters};
    let Some(meeting) = council.vote.and_then(|id| ws.meeting(id)) else {
        return Ok(VotersUpdate::Unchanged);
    };
    let Voters::Delegates(before) = &meeting.voters else {
        return Ok(VotersUpdate::Unchanged);
    };
    let Some(office) = before.first().map(|d| d.unit) else {
        return Ok(VotersUpdate::Unchanged);
    };
    let voters = council_voters(before, council, office, new_id);
    if voters == meeting.voters {
        return Ok(VotersUpdate::Unchanged);
    }
    if meeting
        .rounds()
        .iter()
        .any(|r| r.state != RoundState::Draft)
    {
        return Ok(VotersUpdate::VoteStarted);
    }
    if council.members.is_empty() {
        return Err(crate::domain::DomainError::NoCouncilMembers);
    }
    let id = meeting.id;
    ws.set_voters(id, voters)?;
    Ok(VotersUpdate::Updated)
}
