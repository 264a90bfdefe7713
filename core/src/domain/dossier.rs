//! What the secretary fills in for the nomination dossier (PRODUCT.md §7):
//! the letter's recipient, number and signer, kept per meeting, and the
//! sections of a unit's achievement report as edited before printing,
//! kept with the unit's report of the year.

use super::{ClusterId, DomainError, MeetingId, UnitId, Workspace};

/// The fields of the nomination letter (tờ trình) a secretary fills in.
/// Empty fields are stored as nothing (records without a letter keep
/// their bytes).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NominationLetter {
    /// Kính gửi: "Hội đồng Thi đua - Khen thưởng Bộ đội Biên phòng".
    pub recipient: String,
    /// The number line, "125/TTr-CTĐ"; left to fill by hand when empty.
    pub number: String,
    /// The commander who signs for the leader unit: "Vũ Khương".
    pub signer_name: String,
    /// The signer's rank: "Đại tá".
    pub signer_rank: String,
}

impl NominationLetter {
    pub fn is_empty(&self) -> bool {
        self == &NominationLetter::default()
    }

    fn trimmed(self) -> NominationLetter {
        let clean = |text: String| text.split_whitespace().collect::<Vec<_>>().join(" ");
        NominationLetter {
            recipient: clean(self.recipient),
            number: clean(self.number),
            signer_name: clean(self.signer_name),
            signer_rank: clean(self.signer_rank),
        }
    }
}

/// A unit's achievement report (báo cáo thành tích) section by section,
/// as edited for the dossier; an empty section is built from the unit's
/// data when printed (`documents::report_sections`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReportSections {
    /// I. The unit, its situation and mission.
    pub mission: String,
    /// II. The year's achievements (the metrics are listed after it).
    pub achievements: String,
    /// III. The emulation movements.
    pub movements: String,
    /// IV. Awards already received.
    pub awards: String,
}

impl ReportSections {
    pub fn is_empty(&self) -> bool {
        self == &ReportSections::default()
    }
}

/// Keeps a text's lines, each trimmed, and drops empty lines at either end.
fn clean_lines(text: &str) -> String {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let first = lines.iter().position(|l| !l.is_empty());
    let last = lines.iter().rposition(|l| !l.is_empty());
    match (first, last) {
        (Some(a), Some(b)) => lines[a..=b].join("\n"),
        _ => String::new(),
    }
}

impl Workspace {
    /// Keeps the letter's fields of a meeting's dossier.
    pub fn set_nomination_letter(
        &mut self,
        meeting: MeetingId,
        letter: NominationLetter,
    ) -> Result<(), DomainError> {
        self.meeting_mut(meeting)?.letter = letter.trimmed();
        Ok(())
    }

    /// Keeps the dossier's sections of a member's achievement report for
    /// the year (a unit without a report gets one with only them).
    pub fn set_report_sections(
        &mut self,
        cluster: ClusterId,
        year: u16,
        unit: UnitId,
        sections: ReportSections,
    ) -> Result<(), DomainError> {
        let target = self.year_mut(cluster, year)?;
        if !target.members.contains(&unit) {
            return Err(DomainError::NotAMember(unit));
        }
        let sections = ReportSections {
            mission: clean_lines(&sections.mission),
            achievements: clean_lines(&sections.achievements),
            movements: clean_lines(&sections.movements),
            awards: clean_lines(&sections.awards),
        };
        let report = target.reports.entry(unit).or_default();
        report.sections = sections;
        if report.is_empty() {
            target.reports.remove(&unit);
        }
        Ok(())
    }
}
