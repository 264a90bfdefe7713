//! Ballot rules and ballots (PRODUCT.md §4): exact fractions, thresholds, quotas,
//! and the ballot box, which keeps ballots as a canonical multiset — no
//! voter, no time, no order.

use std::collections::BTreeMap;
use std::fmt;

use super::UnitId;

/// An exact share `num/den` with `0 < num ≤ den`; never a float.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Fraction {
    num: u32,
    den: u32,
}

impl Fraction {
    /// A share in (0, 1] in lowest terms (`50/100` is `1/2`), or `None`.
    pub fn new(num: u32, den: u32) -> Option<Fraction> {
        if den == 0 || num == 0 || num > den {
            return None;
        }
        let (mut a, mut b) = (num, den);
        while b != 0 {
            (a, b) = (b, a % b);
        }
        Some(Fraction {
            num: num / a,
            den: den / a,
        })
    }

    pub fn num(self) -> u32 {
        self.num
    }

    pub fn den(self) -> u32 {
        self.den
    }

    /// One half, the default threshold.
    pub fn half() -> Fraction {
        Fraction { num: 1, den: 2 }
    }

    /// Two thirds, the default quorum.
    pub fn two_thirds() -> Fraction {
        Fraction { num: 2, den: 3 }
    }

    /// Reads `2/3`, `50%`, `70,5%` or `70.5%` (decimal comma accepted).
    pub fn parse(text: &str) -> Option<Fraction> {
        let text = text.trim();
        if let Some((num, den)) = text.split_once('/') {
            return Fraction::new(num.trim().parse().ok()?, den.trim().parse().ok()?);
        }
        let percent = text.strip_suffix('%')?.trim().replace(',', ".");
        let (whole, decimals) = percent.split_once('.').unwrap_or((&percent, ""));
        if decimals.len() > 2 || !decimals.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        let scale = 10u32.pow(decimals.len() as u32);
        let whole: u32 = whole.parse().ok()?;
        let decimals: u32 = if decimals.is_empty() {
            0
        } else {
            decimals.parse().ok()?
        };
        Fraction::new(
            whole.checked_mul(scale)?.checked_add(decimals)?,
            100 * scale,
        )
    }

    /// `count * self`, rounded down: a quota as a share of the members.
    pub fn of_rounded_down(self, count: u32) -> u32 {
        (u64::from(count) * u64::from(self.num) / u64::from(self.den)) as u32
    }

    /// The share in hundredths of a percent (`1/2` → 5000), rounded half up.
    pub fn basis_points(self) -> u64 {
        (u64::from(self.num) * 20_000 / u64::from(self.den)).div_ceil(2)
    }
}

impl fmt::Display for Fraction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.num, self.den)
    }
}

/// `≥` or `>` against the threshold share.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Comparison {
    AtLeast,
    MoreThan,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Threshold {
    pub share: Fraction,
    pub comparison: Comparison,
}

impl Default for Threshold {
    /// `≥ 1/2`.
    fn default() -> Threshold {
        Threshold {
            share: Fraction::half(),
            comparison: Comparison::AtLeast,
        }
    }
}

impl Threshold {
    /// Whether `votes` out of `base` meet the threshold, in integers:
    /// `votes * den >= num * base` (or `>`). A base of zero meets nothing.
    pub fn is_met(self, votes: u32, base: u32) -> bool {
        if base == 0 {
            return false;
        }
        let lhs = u64::from(votes) * u64::from(self.share.den);
        let rhs = u64::from(self.share.num) * u64::from(base);
        match self.comparison {
            Comparison::AtLeast => lhs >= rhs,
            Comparison::MoreThan => lhs > rhs,
        }
    }
}

/// What the threshold's share is taken of.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ShareBase {
    Entitled,
    Present,
    Collected,
    #[default]
    Valid,
}

/// How many units a round may nominate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Quota {
    Fixed(u32),
    /// A share of the year's members, rounded down.
    ShareOfMembers(Fraction),
}

impl Quota {
    pub fn places(self, n_members: u32) -> u32 {
        match self {
            Quota::Fixed(n) => n,
            Quota::ShareOfMembers(share) => share.of_rounded_down(n_members),
        }
    }
}

/// Whether a ballot approving nobody counts as valid.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum BlankBallot {
    #[default]
    Invalid,
    Valid,
}

/// What settles a tie at the quota line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum TieBreak {
    #[default]
    Runoff,
    /// The cluster's score ranking, where scores exist.
    ClusterScore,
    /// Drawing lots with the round's recorded seed.
    Lots,
}

/// The rules of one award round; its defaults are those of PRODUCT.md §4.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct RoundRules {
    pub quota: Quota,
    pub threshold: Threshold,
    pub base: ShareBase,
    pub blank: BlankBallot,
    pub self_vote_allowed: bool,
    pub tie_break: TieBreak,
    /// Seed for drawing lots, recorded so the draw can be repeated.
    pub lots_seed: u64,
}

impl Default for RoundRules {
    fn default() -> RoundRules {
        RoundRules {
            quota: Quota::Fixed(1),
            threshold: Threshold::default(),
            base: ShareBase::Valid,
            blank: BlankBallot::Invalid,
            self_vote_allowed: true,
            tie_break: TieBreak::Runoff,
            lots_seed: 0,
        }
    }
}

/// The most any count of a meeting may be: ballots in a box, voters on a
/// roll, a hand-typed total, a candidate's votes. No meeting comes near
/// it; a stored record or a file above it is refused at conversion, so
/// the tally's sums (of at most this many ballots) never overflow.
pub const MAX_COUNT: u32 = 1_000_000;

/// One ballot's content: the approved units, sorted and without repeats.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Approvals(Vec<UnitId>);

impl Approvals {
    pub fn new(mut units: Vec<UnitId>) -> Approvals {
        crate::sort::sort(&mut units);
        units.dedup();
        Approvals(units)
    }

    pub fn units(&self) -> &[UnitId] {
        &self.0
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Ballots as a canonical multiset: each distinct content with its count.
/// Two boxes holding the same ballots are equal whatever the order they
/// were cast in, and nothing in it links a ballot to a voter.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BallotBox {
    counts: BTreeMap<Approvals, u32>,
    /// Ballots marked invalid as a whole (spoilt paper), whatever they show.
    spoilt: u32,
}

impl BallotBox {
    pub fn cast(&mut self, approvals: Approvals) {
        *self.counts.entry(approvals).or_insert(0) += 1;
    }

    pub fn cast_spoilt(&mut self) {
        self.spoilt += 1;
    }

    /// Rebuilds a box from stored counts; zero counts are dropped. `None`
    /// if the ballots together would be more than `MAX_COUNT` (summed with
    /// checked arithmetic): a box never holds more, so every total taken
    /// from it (`len`, the tally's valid, invalid and votes) fits a `u32`.
    pub fn from_counts(
        entries: impl IntoIterator<Item = (Approvals, u32)>,
        spoilt: u32,
    ) -> Option<BallotBox> {
        let mut total = spoilt;
        let mut ballot_box = BallotBox {
            counts: BTreeMap::new(),
            spoilt,
        };
        for (approvals, count) in entries {
            total = total.checked_add(count)?;
            if count > 0 {
                let slot = ballot_box.counts.entry(approvals).or_insert(0);
                *slot = slot.checked_add(count)?;
            }
        }
        (total <= MAX_COUNT).then_some(ballot_box)
    }

    /// Each distinct content and its count, in canonical order.
    pub fn entries(&self) -> impl Iterator<Item = (&Approvals, u32)> {
        self.counts.iter().map(|(a, n)| (a, *n))
    }

    pub fn spoilt(&self) -> u32 {
        self.spoilt
    }

    pub fn len(&self) -> u32 {
        self.counts.values().sum::<u32>() + self.spoilt
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
