//! Words for ballot rules and results: thresholds, bases, statuses with
//! their reasons — the explanation a delegate reads on the results screen.

use super::{format_share, Lang};
use crate::domain::{
    Comparison, Invalidity, PaperBallot, Quota, ReconcileError, Regulation, RoundRules, ShareBase,
    TieBreak, UnitId, WhoVotes,
};
use crate::rules::tally::Status;

pub fn describe_base(lang: Lang, base: ShareBase) -> &'static str {
    match (base, lang) {
        (ShareBase::Entitled, Lang::Vi) => "tổng số đại biểu có quyền bỏ phiếu",
        (ShareBase::Entitled, Lang::En) => "voters entitled",
        (ShareBase::Present, Lang::Vi) => "số đại biểu có mặt",
        (ShareBase::Present, Lang::En) => "voters present",
        (ShareBase::Collected, Lang::Vi) => "số phiếu thu về",
        (ShareBase::Collected, Lang::En) => "ballots collected",
        (ShareBase::Valid, Lang::Vi) => "số phiếu hợp lệ",
        (ShareBase::Valid, Lang::En) => "valid ballots",
    }
}

/// `≥ 1/2 (50,00%) số phiếu hợp lệ`.
pub fn describe_threshold(lang: Lang, rules: &RoundRules) -> String {
    let sign = match rules.threshold.comparison {
        Comparison::AtLeast => "≥",
        Comparison::MoreThan => ">",
    };
    let share = rules.threshold.share;
    format!(
        "{sign} {share} ({}) {}",
        format_share(lang, share.basis_points()),
        describe_base(lang, rules.base)
    )
}

pub fn describe_quota(lang: Lang, quota: Quota, places: u32) -> String {
    match quota {
        Quota::Fixed(n) => lang.pick(format!("{n} đơn vị"), format!("{n} units")),
        Quota::ShareOfMembers(share) => lang.pick(
            format!("{share} số đơn vị thành viên = {places}"),
            format!("{share} of the members = {places}"),
        ),
    }
}

/// The regulation as the minutes cite it (issue 18): the quorum, who
/// votes, and each award's quota, threshold with its base and tie-break;
/// the other awards under the built-in rules. `members` sizes a quota
/// given as a share.
pub fn describe_regulation(lang: Lang, regulation: &Regulation, members: u32) -> String {
    let quorum = regulation.quorum;
    let quorum = format!("{quorum} ({})", format_share(lang, quorum.basis_points()));
    let who = match regulation.who_votes {
        WhoVotes::OnePerUnit => lang.pick_str(
            "mỗi đơn vị thành viên một phiếu",
            "one vote per member unit",
        ),
        WhoVotes::NamedDelegates => lang.pick_str(
            "các đại biểu được cử có quyền bỏ phiếu",
            "the named delegates vote",
        ),
    };
    let award = |name: &str, rules: &RoundRules| {
        let quota = describe_quota(lang, rules.quota, rules.quota.places(members));
        let threshold = describe_threshold(lang, rules);
        let tie = describe_tie_break(lang, rules.tie_break);
        lang.pick(
            format!("{name}: chỉ tiêu {quota}, cần đạt {threshold}, bằng phiếu thì {tie}"),
            format!("{name}: quota {quota}, needs {threshold}, a tie settled by {tie}"),
        )
    };
    let mut parts: Vec<String> = regulation
        .awards
        .iter()
        .map(|a| award(&a.award, &a.rules))
        .collect();
    let others = describe_threshold(lang, &RoundRules::default());
    parts.push(if regulation.awards.is_empty() {
        lang.pick(
            format!("mỗi danh hiệu cần đạt {others}"),
            format!("every award needs {others}"),
        )
    } else {
        lang.pick(
            format!("các danh hiệu khác cần đạt {others}"),
            format!("other awards need {others}"),
        )
    });
    lang.pick(
        format!(
            "Theo quy chế của cụm: hội nghị đủ điều kiện bỏ phiếu khi có mặt từ {quorum} số đại biểu có quyền bỏ phiếu; {who}; {}.",
            parts.join("; ")
        ),
        format!(
            "Under the cluster's regulation: the vote is held when at least {quorum} of the entitled voters are present; {who}; {}.",
            parts.join("; ")
        ),
    )
}

pub fn describe_tie_break(lang: Lang, tie_break: TieBreak) -> &'static str {
    match (tie_break, lang) {
        (TieBreak::Runoff, Lang::Vi) => "bầu lại giữa các đơn vị bằng phiếu",
        (TieBreak::Runoff, Lang::En) => "a runoff among the tied units",
        (TieBreak::ClusterScore, Lang::Vi) => "theo thứ hạng điểm chấm của cụm",
        (TieBreak::ClusterScore, Lang::En) => "the cluster's score ranking",
        (TieBreak::Lots, Lang::Vi) => "bốc thăm",
        (TieBreak::Lots, Lang::En) => "drawing lots",
    }
}

/// The status word and the reason, for one candidate's line.
pub fn describe_status(lang: Lang, status: Status, rules: &RoundRules) -> (&'static str, String) {
    let threshold = describe_threshold(lang, rules);
    match status {
        Status::Nominated => (
            lang.pick_str("Được đề nghị", "Nominated"),
            lang.pick(
                format!("Đạt ngưỡng {threshold} và nằm trong chỉ tiêu."),
                format!("Meets {threshold} and is within the quota."),
            ),
        ),
        Status::NominatedByScore => (
            lang.pick_str("Được đề nghị", "Nominated"),
            lang.pick(
                "Bằng phiếu tại vị trí chỉ tiêu; xếp trên theo điểm chấm của cụm.".into(),
                "Tied at the quota line; placed by the cluster's score ranking.".into(),
            ),
        ),
        Status::NominatedByLots => (
            lang.pick_str("Được đề nghị", "Nominated"),
            lang.pick(
                format!(
                    "Bằng phiếu tại vị trí chỉ tiêu; trúng khi bốc thăm (số hạt giống {}).",
                    rules.lots_seed
                ),
                format!(
                    "Tied at the quota line; drawn by lot (seed {}).",
                    rules.lots_seed
                ),
            ),
        ),
        Status::BelowThreshold => (
            lang.pick_str("Không đạt", "Not nominated"),
            lang.pick(
                format!("Chưa đạt ngưỡng {threshold}."),
                format!("Does not meet {threshold}."),
            ),
        ),
        Status::BeyondQuota => (
            lang.pick_str("Ngoài chỉ tiêu", "Beyond the quota"),
            lang.pick(
                "Đạt ngưỡng nhưng các đơn vị khác nhiều phiếu hơn đã đủ chỉ tiêu.".into(),
                "Meets the threshold, but units with more votes filled the places.".into(),
            ),
        ),
        Status::BehindOnScore => (
            lang.pick_str("Ngoài chỉ tiêu", "Beyond the quota"),
            lang.pick(
                "Bằng phiếu với các đơn vị ở vị trí chỉ tiêu; xếp sau theo thứ hạng điểm chấm của cụm.".into(),
                "Tied with the units at the quota line; placed after them by the cluster's score ranking.".into(),
            ),
        ),
        Status::NotDrawn => (
            lang.pick_str("Ngoài chỉ tiêu", "Beyond the quota"),
            lang.pick(
                format!(
                    "Bằng phiếu với các đơn vị ở vị trí chỉ tiêu; không trúng khi bốc thăm (số hạt giống {}).",
                    rules.lots_seed
                ),
                format!(
                    "Tied with the units at the quota line; not drawn by lot (seed {}).",
                    rules.lots_seed
                ),
            ),
        ),
        Status::Tied => (
            lang.pick_str("Bằng phiếu", "Tied"),
            lang.pick(
                format!(
                    "Bằng phiếu tại vị trí chỉ tiêu; giải quyết bằng {}.",
                    describe_tie_break(lang, TieBreak::Runoff)
                ),
                "Tied at the quota line; settled by a runoff.".into(),
            ),
        ),
        Status::Excluded => (
            lang.pick_str("Không xét", "Excluded"),
            lang.pick(
                "Đã được đề nghị ở một vòng cao hơn.".into(),
                "Already nominated in a higher round.".into(),
            ),
        ),
    }
}

/// Why a count was refused, with its numbers.
pub fn describe_reconcile_error(lang: Lang, error: &ReconcileError) -> String {
    use ReconcileError as E;
    match error {
        E::CollectedOverIssued { issued, collected } => lang.pick(
            format!("Số phiếu thu về ({collected}) lớn hơn số phiếu phát ra ({issued})."),
            format!("Ballots collected ({collected}) exceed ballots issued ({issued})."),
        ),
        E::CollectedNotValidPlusInvalid { collected, valid, invalid } => lang.pick(
            format!("Số phiếu thu về ({collected}) khác số phiếu hợp lệ ({valid}) cộng không hợp lệ ({invalid})."),
            format!("Ballots collected ({collected}) differ from valid ({valid}) plus invalid ({invalid})."),
        ),
        E::ApprovalsOverLimit { approvals, valid, places } => lang.pick(
            format!("Tổng số phiếu đồng ý ({approvals}) vượt quá số phiếu hợp lệ × chỉ tiêu ({valid} × {places})."),
            format!("Approvals ({approvals}) exceed valid ballots × places ({valid} × {places})."),
        ),
        E::CandidateOverValid { votes, valid, .. } => lang.pick(
            format!("Một đơn vị có {votes} phiếu, nhiều hơn số phiếu hợp lệ ({valid})."),
            format!("A unit has {votes} votes, more than the valid ballots ({valid})."),
        ),
        E::IssuedOverPresent { issued, present } => lang.pick(
            format!("Số phiếu phát ra ({issued}) lớn hơn số đại biểu có mặt ({present})."),
            format!("Ballots issued ({issued}) exceed voters present ({present})."),
        ),
    }
}

/// A paper ballot as read, by the candidates' numbers on the paper
/// ("2, 3, 5"); `None` is a number one pass has and the other has not.
pub fn describe_paper_ballot(
    lang: Lang,
    ballot: Option<&PaperBallot>,
    candidates: &[UnitId],
) -> String {
    match ballot {
        None => lang.pick_str("(không có phiếu)", "(no ballot)").to_owned(),
        Some(PaperBallot::Spoilt) => lang.pick_str("Phiếu hỏng", "Spoilt").to_owned(),
        Some(PaperBallot::Marks(marks)) if marks.is_empty() => {
            lang.pick_str("Không đánh dấu", "No mark").to_owned()
        }
        Some(PaperBallot::Marks(marks)) => {
            let mut numbers: Vec<usize> = marks
                .units()
                .iter()
                .filter_map(|u| candidates.iter().position(|c| c == u))
                .map(|idx| idx + 1)
                .collect();
            crate::sort::sort(&mut numbers);
            numbers
                .iter()
                .map(|n| n.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        }
    }
}

/// Why a ballot about to be saved will not count, or that it will.
pub fn describe_validity(lang: Lang, validity: Result<(), Invalidity>, places: u32) -> String {
    match validity {
        Ok(()) => lang.pick_str("Hợp lệ", "Valid").to_owned(),
        Err(Invalidity::Spoilt) => lang
            .pick_str("Không hợp lệ: phiếu hỏng", "Invalid: spoilt paper")
            .to_owned(),
        Err(Invalidity::OverQuota) => lang.pick(
            format!("Không hợp lệ: đánh dấu quá {places} đơn vị"),
            format!("Invalid: more than {places} marked"),
        ),
        Err(Invalidity::Blank) => lang
            .pick_str(
                "Không hợp lệ: không đánh dấu đơn vị nào",
                "Invalid: nothing marked",
            )
            .to_owned(),
        Err(Invalidity::NotACandidate) => lang
            .pick_str(
                "Không hợp lệ: có đơn vị ngoài danh sách",
                "Invalid: a unit not on the list",
            )
            .to_owned(),
    }
}
