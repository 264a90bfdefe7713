//! The decision of an award round (PRODUCT.md §4): from a closed round's totals,
//! who is nominated, with an explanation per candidate (the counts
//! themselves and their reconciliation are the domain's, `domain::Totals`).
//! Integer arithmetic only; no floating point decides anything.

use std::collections::BTreeMap;

use crate::domain::{RoundRules, ShareBase, TieBreak, Totals, UnitId};

/// Where a candidate ended up, and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    /// At or over the threshold and within the quota.
    Nominated,
    /// Tied at the quota line; the cluster's score ranking placed it.
    NominatedByScore,
    /// Tied at the quota line; drawing lots placed it.
    NominatedByLots,
    BelowThreshold,
    /// Over the threshold, but others with more votes filled the places.
    BeyondQuota,
    /// Tied at the quota line; the cluster's score ranking placed others.
    BehindOnScore,
    /// Tied at the quota line; drawing lots placed others.
    NotDrawn,
    /// Tied at the quota line, for a runoff.
    Tied,
    /// Nominated in a higher round, so not a candidate here.
    Excluded,
}

impl Status {
    pub fn is_nominated(self) -> bool {
        matches!(
            self,
            Status::Nominated | Status::NominatedByScore | Status::NominatedByLots
        )
    }
}

/// One candidate's line of the explanation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CandidateResult {
    pub unit: UnitId,
    pub votes: u32,
    /// Share of the base in hundredths of a percent, rounded half up;
    /// `None` when the base is zero.
    pub share_bp: Option<u64>,
    /// 1 + the number of candidates with more votes; `None` if excluded.
    pub rank: Option<u32>,
    pub status: Status,
}

/// The decision of a round.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoundResult {
    pub base: u32,
    pub places: u32,
    /// Ranked by votes, then ballot order; excluded units last.
    pub candidates: Vec<CandidateResult>,
    /// Units nominated, in rank order.
    pub nominated: Vec<UnitId>,
    /// The group tied at the quota line left for a runoff, and the places
    /// it competes for.
    pub runoff: Option<(Vec<UnitId>, u32)>,
    /// Places nobody filled (too few candidates over the threshold).
    pub unfilled: u32,
}

/// What decides besides the counts: units excluded by higher rounds, and
/// the cluster's score ranking (1 = best) where scores exist.
#[derive(Clone, Copy, Debug, Default)]
pub struct DecisionContext<'a> {
    pub excluded: &'a [UnitId],
    pub score_rank: Option<&'a BTreeMap<UnitId, u32>>,
}

pub fn base_of(totals: &Totals, base: ShareBase) -> u32 {
    match base {
        ShareBase::Entitled => totals.entitled,
        ShareBase::Present => totals.present,
        ShareBase::Collected => totals.collected,
        ShareBase::Valid => totals.valid,
    }
}

fn share_bp(votes: u32, base: u32) -> Option<u64> {
    (base > 0).then(|| (u64::from(votes) * 20_000 / u64::from(base)).div_ceil(2))
}

/// PRODUCT.md §4 decision: candidates at or over the threshold, ranked by votes;
/// the top `places` are nominated; a group of equal votes across the quota
/// line is tied, and the tie-break rule settles it or leaves it for a runoff.
pub fn decide(
    totals: &Totals,
    candidates: &[UnitId],
    rules: &RoundRules,
    places: u32,
    context: DecisionContext<'_>,
) -> RoundResult {
    let base = base_of(totals, rules.base);
    let votes_of = |unit: &UnitId| totals.votes.get(unit).copied().unwrap_or(0);
    let standing: Vec<UnitId> = candidates
        .iter()
        .filter(|c| !context.excluded.contains(c))
        .copied()
        .collect();

    // Rank by votes, then by ballot order (a stable sort keeps it).
    let mut ranked = standing.clone();
    crate::sort::sort_by_key(&mut ranked, |c| std::cmp::Reverse(votes_of(c)));
    let rank_of = |unit: &UnitId| {
        1 + standing
            .iter()
            .filter(|o| votes_of(o) > votes_of(unit))
            .count() as u32
    };

    let qualified: Vec<UnitId> = ranked
        .iter()
        .filter(|c| rules.threshold.is_met(votes_of(c), base))
        .copied()
        .collect();
    let mut status: BTreeMap<UnitId, Status> = BTreeMap::new();
    for unit in &ranked {
        status.insert(*unit, Status::BelowThreshold);
    }
    let mut nominated: Vec<UnitId> = Vec::new();
    let mut runoff = None;
    let places_usize = places as usize;
    if qualified.len() <= places_usize {
        nominated.extend(qualified.iter().copied());
    } else if places_usize > 0 {
        let line = votes_of(&qualified[places_usize - 1]);
        let above: Vec<UnitId> = qualified
            .iter()
            .filter(|c| votes_of(c) > line)
            .copied()
            .collect();
        let tied: Vec<UnitId> = qualified
            .iter()
            .filter(|c| votes_of(c) == line)
            .copied()
            .collect();
        nominated.extend(above.iter().copied());
        let left = places_usize - above.len();
        if tied.len() <= left {
            nominated.extend(tied.iter().copied());
        } else {
            let settled = break_tie(&tied, left, rules, context);
            for (unit, how) in &settled.placed {
                status.insert(*unit, *how);
                nominated.push(*unit);
            }
            for (unit, how) in &settled.behind {
                status.insert(*unit, *how);
            }
            if !settled.still_tied.is_empty() {
                let places_left = (left - settled.placed.len()) as u32;
                for unit in &settled.still_tied {
                    status.insert(*unit, Status::Tied);
                }
                runoff = Some((settled.still_tied, places_left));
            }
        }
        for unit in qualified.iter().filter(|c| votes_of(c) < line) {
            status.insert(*unit, Status::BeyondQuota);
        }
    } else {
        for unit in &qualified {
            status.insert(*unit, Status::BeyondQuota);
        }
    }
    for unit in &nominated {
        status.entry(*unit).and_modify(|s| {
            if *s == Status::BelowThreshold {
                *s = Status::Nominated;
            }
        });
    }
    let filled = nominated.len() as u32 + runoff.as_ref().map_or(0, |(_, p)| *p);
    let unfilled = places.saturating_sub(filled);

    let mut lines: Vec<CandidateResult> = ranked
        .iter()
        .map(|unit| CandidateResult {
            unit: *unit,
            votes: votes_of(unit),
            share_bp: share_bp(votes_of(unit), base),
            rank: Some(rank_of(unit)),
            status: status.get(unit).copied().unwrap_or(Status::BelowThreshold),
        })
        .collect();
    lines.extend(
        candidates
            .iter()
            .filter(|c| context.excluded.contains(c))
            .map(|unit| CandidateResult {
                unit: *unit,
                votes: votes_of(unit),
                share_bp: share_bp(votes_of(unit), base),
                rank: None,
                status: Status::Excluded,
            }),
    );
    RoundResult {
        base,
        places,
        candidates: lines,
        nominated,
        runoff,
        unfilled,
    }
}

/// How a tie at the quota line was settled: each tied unit ends up in
/// exactly one list, with the status that says which rule put it there.
struct TieOutcome {
    placed: Vec<(UnitId, Status)>,
    /// Placed after the others by the same rule.
    behind: Vec<(UnitId, Status)>,
    /// Left for a runoff.
    still_tied: Vec<UnitId>,
}

/// Settles a tie for `left` places among `tied` by the tie-break rule.
fn break_tie(
    tied: &[UnitId],
    left: usize,
    rules: &RoundRules,
    context: DecisionContext<'_>,
) -> TieOutcome {
    let unsettled = || TieOutcome {
        placed: Vec::new(),
        behind: Vec::new(),
        still_tied: tied.to_vec(),
    };
    match rules.tie_break {
        TieBreak::Runoff => unsettled(),
        TieBreak::ClusterScore => {
            let Some(ranking) = context.score_rank else {
                return unsettled();
            };
            // Units without a score rank after every scored unit.
            let rank = |u: &UnitId| ranking.get(u).copied().unwrap_or(u32::MAX);
            let mut ordered = tied.to_vec();
            crate::sort::sort_by_key(&mut ordered, rank);
            let line = rank(&ordered[left - 1]);
            let of = |keep: &dyn Fn(u32) -> bool| -> Vec<UnitId> {
                ordered.iter().filter(|u| keep(rank(u))).copied().collect()
            };
            let (above, at_line) = (of(&|r| r < line), of(&|r| r == line));
            let behind = of(&|r| r > line)
                .into_iter()
                .map(|u| (u, Status::BehindOnScore))
                .collect();
            let placed = |units: &[UnitId]| -> Vec<(UnitId, Status)> {
                units
                    .iter()
                    .map(|u| (*u, Status::NominatedByScore))
                    .collect()
            };
            if above.len() + at_line.len() <= left {
                let mut all = above;
                all.extend(at_line);
                TieOutcome {
                    placed: placed(&all),
                    behind,
                    still_tied: Vec::new(),
                }
            } else {
                TieOutcome {
                    placed: placed(&above),
                    behind,
                    still_tied: at_line,
                }
            }
        }
        TieBreak::Lots => {
            let mut order = tied.to_vec();
            crate::sort::sort(&mut order);
            shuffle(&mut order, rules.lots_seed);
            let (drawn, not_drawn) = order.split_at(left);
            TieOutcome {
                placed: drawn
                    .iter()
                    .map(|u| (*u, Status::NominatedByLots))
                    .collect(),
                behind: not_drawn.iter().map(|u| (*u, Status::NotDrawn)).collect(),
                still_tied: Vec::new(),
            }
        }
    }
}

/// Fisher–Yates with splitmix64: the same seed gives the same draw on
/// every machine, so the minutes can record the seed.
fn shuffle(items: &mut [UnitId], seed: u64) {
    let mut state = seed;
    let mut next = move || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    for idx in (1..items.len()).rev() {
        let pick = (next() % (idx as u64 + 1)) as usize;
        items.swap(idx, pick);
    }
}
