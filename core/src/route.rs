//! Hash routes (`#/clusters/12/years/2024`): they work from `file://`.
//! Parsing is pure so it is tested natively.

use crate::domain::{ClusterId, CouncilId, MeetingId, Pass, RoundId};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    Home,
    Units,
    /// Files, import, snapshots and the storage meter.
    Files,
    Cluster(ClusterId),
    Year(ClusterId, u16),
    History(ClusterId),
    /// Criteria, scores, ranking and reports of a cluster-year.
    Scores(ClusterId, u16),
    /// The year-end meeting of a cluster-year: details, voters, rounds.
    Meeting(ClusterId, u16),
    /// The meeting's hall screen, for a projector in a second window.
    Hall(ClusterId, u16),
    /// One round: opening, the booth, the results.
    Round(MeetingId, RoundId),
    /// One committee member's entry of a paper round's pile.
    PaperPass(MeetingId, RoundId, Pass),
    /// Numbered ballot papers to print.
    BallotPapers(MeetingId, RoundId),
    /// Every entered paper ballot by number and pass, to print.
    EntryLog(MeetingId, RoundId),
    /// Biên bản kiểm phiếu of a closed round, to print.
    VoteMinutes(MeetingId, RoundId),
    /// Biên bản hội nghị, to print.
    MeetingMinutes(MeetingId),
    /// The nomination dossier of a meeting (issue 16), to fill and print.
    Dossier(MeetingId),
    /// Bảng tổng hợp kết quả chấm điểm of a cluster-year, to print.
    ScoreTable(ClusterId, u16),
    /// The units' achievement summary of a cluster-year, to print.
    Achievements(ClusterId, u16),
    /// The higher council's years (issue 17).
    Council,
    /// One council-year: the files received, the consolidated nominees.
    CouncilYear(CouncilId),
    /// The council-year's consolidated summary, to print.
    CouncilSummary(CouncilId),
    /// A deliberate panic, to check the error screen.
    PanicCheck,
    NotFound,
}

impl Route {
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        let cluster = |text: &str| text.parse().ok().map(ClusterId);
        match parts.as_slice() {
            [] => Route::Home,
            ["units"] => Route::Units,
            ["files"] => Route::Files,
            ["clusters", id] => cluster(id).map_or(Route::NotFound, Route::Cluster),
            ["clusters", id, "history"] => cluster(id).map_or(Route::NotFound, Route::History),
            ["clusters", id, "years", year] => match (cluster(id), year.parse()) {
                (Some(id), Ok(year)) => Route::Year(id, year),
                _ => Route::NotFound,
            },
            ["clusters", id, "years", year, "scores"] => match (cluster(id), year.parse()) {
                (Some(id), Ok(year)) => Route::Scores(id, year),
                _ => Route::NotFound,
            },
            ["clusters", id, "years", year, "meeting"] => match (cluster(id), year.parse()) {
                (Some(id), Ok(year)) => Route::Meeting(id, year),
                _ => Route::NotFound,
            },
            ["clusters", id, "years", year, "meeting", "hall"] => {
                match (cluster(id), year.parse()) {
                    (Some(id), Ok(year)) => Route::Hall(id, year),
                    _ => Route::NotFound,
                }
            }
            ["meetings", meeting, "minutes"] => meeting
                .parse()
                .map_or(Route::NotFound, |m| Route::MeetingMinutes(MeetingId(m))),
            ["meetings", meeting, "dossier"] => meeting
                .parse()
                .map_or(Route::NotFound, |m| Route::Dossier(MeetingId(m))),
            ["clusters", id, "years", year, "score-table"] => match (cluster(id), year.parse()) {
                (Some(id), Ok(year)) => Route::ScoreTable(id, year),
                _ => Route::NotFound,
            },
            ["clusters", id, "years", year, "achievements"] => match (cluster(id), year.parse()) {
                (Some(id), Ok(year)) => Route::Achievements(id, year),
                _ => Route::NotFound,
            },
            ["meetings", meeting, "rounds", round] => match (meeting.parse(), round.parse()) {
                (Ok(meeting), Ok(round)) => Route::Round(MeetingId(meeting), RoundId(round)),
                _ => Route::NotFound,
            },
            ["meetings", meeting, "rounds", round, rest @ ..] => {
                let (Ok(meeting), Ok(round)) = (meeting.parse(), round.parse()) else {
                    return Route::NotFound;
                };
                let (meeting, round) = (MeetingId(meeting), RoundId(round));
                match rest {
                    ["pass", "1"] => Route::PaperPass(meeting, round, Pass::First),
                    ["pass", "2"] => Route::PaperPass(meeting, round, Pass::Second),
                    ["papers"] => Route::BallotPapers(meeting, round),
                    ["log"] => Route::EntryLog(meeting, round),
                    ["minutes"] => Route::VoteMinutes(meeting, round),
                    _ => Route::NotFound,
                }
            }
            ["council"] => Route::Council,
            ["council", id] => id
                .parse()
                .map_or(Route::NotFound, |id| Route::CouncilYear(CouncilId(id))),
            ["council", id, "summary"] => id
                .parse()
                .map_or(Route::NotFound, |id| Route::CouncilSummary(CouncilId(id))),
            ["debug", "panic"] => Route::PanicCheck,
            _ => Route::NotFound,
        }
    }

    pub fn href(self) -> String {
        match self {
            Route::Home | Route::NotFound => "#/".to_owned(),
            Route::Units => "#/units".to_owned(),
            Route::Files => "#/files".to_owned(),
            Route::Cluster(id) => format!("#/clusters/{id}"),
            Route::Year(id, year) => format!("#/clusters/{id}/years/{year}"),
            Route::History(id) => format!("#/clusters/{id}/history"),
            Route::Scores(id, year) => format!("#/clusters/{id}/years/{year}/scores"),
            Route::Meeting(id, year) => format!("#/clusters/{id}/years/{year}/meeting"),
            Route::Hall(id, year) => format!("#/clusters/{id}/years/{year}/meeting/hall"),
            Route::Round(meeting, round) => format!("#/meetings/{}/rounds/{}", meeting.0, round.0),
            Route::PaperPass(meeting, round, pass) => {
                format!(
                    "#/meetings/{}/rounds/{}/pass/{}",
                    meeting.0,
                    round.0,
                    pass.number()
                )
            }
            Route::BallotPapers(meeting, round) => {
                format!("#/meetings/{}/rounds/{}/papers", meeting.0, round.0)
            }
            Route::EntryLog(meeting, round) => {
                format!("#/meetings/{}/rounds/{}/log", meeting.0, round.0)
            }
            Route::VoteMinutes(meeting, round) => {
                format!("#/meetings/{}/rounds/{}/minutes", meeting.0, round.0)
            }
            Route::MeetingMinutes(meeting) => format!("#/meetings/{}/minutes", meeting.0),
            Route::Dossier(meeting) => format!("#/meetings/{}/dossier", meeting.0),
            Route::ScoreTable(id, year) => format!("#/clusters/{id}/years/{year}/score-table"),
            Route::Achievements(id, year) => format!("#/clusters/{id}/years/{year}/achievements"),
            Route::Council => "#/council".to_owned(),
            Route::CouncilYear(id) => format!("#/council/{}", id.0),
            Route::CouncilSummary(id) => format!("#/council/{}/summary", id.0),
            Route::PanicCheck => "#/debug/panic".to_owned(),
        }
    }
}
