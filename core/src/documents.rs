//! The papers a cluster signs and sends up (PRODUCT.md §7), built as plain
//! document models from the workspace and a language. Pure: the UI only
//! renders a `Document`; tests snapshot its text form.

mod council;
mod csv;
mod dossier;
mod minutes;
mod model;
mod scores;

pub use council::{council_csv, council_summary};
pub use csv::{results_csv, scores_csv};
pub use dossier::{
    achievement_report, built_sections, dossier, dossier_gaps, letter_fields, nominated_units,
    nomination_letter, nominations, report_sections, sections_to_keep, DossierGap, NominatedUnit,
    Nomination,
};
pub use minutes::{meeting_minutes, vote_count_minutes};
pub use model::{Block, Document, Signature, Table};
pub use scores::{achievement_summary, score_table};

use crate::domain::{
    Cluster, ClusterId, Date, DomainError, EmulationYear, Meeting, MeetingId, UnitId, Workspace,
};
use crate::i18n::Lang;

/// A unit's full name, as documents write it.
fn full_name(ws: &Workspace, unit: UnitId) -> String {
    ws.unit(unit)
        .map_or_else(|| format!("#{unit}"), |u| u.full_name.clone())
}

/// A cluster and one of its years, or why not.
fn cluster_year(
    ws: &Workspace,
    cluster: ClusterId,
    year: u16,
) -> Result<(&Cluster, &EmulationYear), DomainError> {
    let c = ws
        .cluster(cluster)
        .ok_or(DomainError::UnknownCluster(cluster))?;
    let y = c.year(year).ok_or(DomainError::UnknownYear(year))?;
    Ok((c, y))
}

/// A meeting with its cluster and year, or why not.
fn meeting_context(
    ws: &Workspace,
    meeting: MeetingId,
) -> Result<(&Meeting, &Cluster, &EmulationYear), DomainError> {
    let m = ws.meeting(meeting).ok_or(DomainError::UnknownMeeting)?;
    let (c, y) = cluster_year(ws, m.cluster, m.year)?;
    Ok((m, c, y))
}

/// "ngày 03 tháng 10 năm 2024" / "3 October 2024".
pub fn date_in_words(lang: Lang, date: Date) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    match lang {
        Lang::Vi => format!(
            "ngày {:02} tháng {:02} năm {}",
            date.day, date.month, date.year
        ),
        Lang::En => format!(
            "{} {} {}",
            date.day,
            MONTHS[usize::from(date.month.clamp(1, 12)) - 1],
            date.year
        ),
    }
}

/// The left and right blocks of a Vietnamese administrative document's
/// header: issuing body (parent above, the cluster below, the number),
/// the national name and motto, and place and date.
fn header(lang: Lang, cluster: &Cluster, place: &str, date: Option<Date>) -> model::Header {
    administrative_header(
        lang,
        cluster.parent_org.to_uppercase(),
        cluster.name.to_uppercase(),
        lang.pick_str("Số: ……/BB-CTĐ", "No.: ……"),
        place,
        date,
    )
}

/// `header` for any issuing body: `parent` and `issuer` as printed, the
/// number line, and the place and date (blanks to fill by hand where
/// none is known).
fn administrative_header(
    lang: Lang,
    parent: String,
    issuer: String,
    number: &str,
    place: &str,
    date: Option<Date>,
) -> model::Header {
    let place = if place.trim().is_empty() {
        "……………".to_owned()
    } else {
        place.trim().to_owned()
    };
    let when = match (date, lang) {
        (Some(d), _) => date_in_words(lang, d),
        (None, Lang::Vi) => "ngày …… tháng …… năm ……".to_owned(),
        (None, Lang::En) => "…… ……… ……".to_owned(),
    };
    model::Header {
        parent,
        issuer,
        number: number.to_owned(),
        nation: lang
            .pick_str(
                "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "SOCIALIST REPUBLIC OF VIET NAM",
            )
            .to_owned(),
        motto: lang
            .pick_str(
                "Độc lập - Tự do - Hạnh phúc",
                "Independence - Freedom - Happiness",
            )
            .to_owned(),
        place_date: format!("{place}, {when}"),
    }
}

/// A blank to fill by hand when a detail was not recorded.
fn or_blank(text: &str) -> String {
    if text.trim().is_empty() {
        "……………………".to_owned()
    } else {
        text.trim().to_owned()
    }
}
