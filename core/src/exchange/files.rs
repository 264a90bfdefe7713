//! Files that move data between laptops (PRODUCT.md §8): the envelope
//! `{format, kind, version, exported_at, app_version, data, sha256}`, the
//! `data` of each kind, writing them, and reading one back into a
//! `merge::Bundle` with a precise message for every way a file can be bad.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::dto::{criteria_dto, criteria_from, report_dto, report_from, CriterionDto, ReportDto};
use super::record::{check_version, migrate};
use super::seal::sealed_meeting;
use super::shape::{from_value, not_written, to_value};
use super::{value_sha256, ClusterDto, MeetingDto, RecordError, UnitDto};
use crate::domain::merge::{Bundle, UnitReport};
use crate::domain::{Cluster, ClusterId, CriterionId, Meeting, Points, Unit, UnitId, Workspace};

/// Files above this size are refused before they are parsed.
pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;

/// What a file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// Everything on a laptop.
    Workspace,
    /// One cluster with all its years, its units and its meetings.
    Cluster,
    /// One unit's report and self scores for one cluster-year.
    UnitReport,
    /// One meeting's closed rounds and counts.
    Results,
    /// A higher council's year with the files it received (issue 17): its
    /// backup, read only by the council's screens.
    Council,
}

impl FileKind {
    pub const ALL: [FileKind; 5] = [
        FileKind::Workspace,
        FileKind::Cluster,
        FileKind::UnitReport,
        FileKind::Results,
        FileKind::Council,
    ];

    /// The kinds an import into the workspace takes (every kind but the
    /// council's year, which its own screens read).
    pub const WORKSPACE: [FileKind; 4] = [
        FileKind::Workspace,
        FileKind::Cluster,
        FileKind::UnitReport,
        FileKind::Results,
    ];

    /// The `kind` written in the file.
    pub fn tag(self) -> &'static str {
        match self {
            FileKind::Workspace => "workspace",
            FileKind::Cluster => "cluster",
            FileKind::UnitReport => "unit-report",
            FileKind::Results => "results",
            FileKind::Council => "council",
        }
    }

    pub fn from_tag(tag: &str) -> Option<FileKind> {
        FileKind::ALL.into_iter().find(|k| k.tag() == tag)
    }
}

/// Why a file cannot be imported. Nothing is changed by a refused file.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FileError {
    #[error("the file is {bytes} bytes; files above {limit} bytes are refused")]
    TooLarge { bytes: usize, limit: usize },
    #[error("not JSON (line {line}, column {column})")]
    NotJson { line: usize, column: usize },
    #[error("not a thidua file (field `format` is not \"thidua\")")]
    NotThidua,
    #[error("unknown kind of file {0:?}")]
    UnknownKind(String),
    #[error("a {found:?} file where one of {expected:?} is wanted")]
    WrongKind {
        found: FileKind,
        expected: Vec<FileKind>,
    },
    #[error("no checksum (field `sha256`)")]
    MissingChecksum,
    #[error("the checksum does not match the data: the file was changed or damaged")]
    ChecksumMismatch,
    #[error("{path}: the id {id} is used by two records")]
    DuplicateId { path: String, id: u64 },
    #[error(transparent)]
    Record(#[from] RecordError),
}

/// A file read and checked: its envelope and what it brings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadFile {
    pub kind: FileKind,
    /// The version the file was written in (older ones are migrated).
    pub version: u64,
    pub exported_at: String,
    pub app_version: String,
    /// The recorded (and verified) SHA-256 of `data`.
    pub sha256: String,
    pub bundle: Bundle,
}

/// `data` of a *workspace* file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WorkspaceData {
    pub units: Vec<UnitDto>,
    pub clusters: Vec<ClusterDto>,
    pub meetings: Vec<MeetingDto>,
}

/// `data` of a *cluster* file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClusterData {
    pub cluster: ClusterDto,
    /// Every unit the cluster lists.
    pub units: Vec<UnitDto>,
    pub meetings: Vec<MeetingDto>,
}

/// `data` of a *unit-report* file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UnitReportData {
    pub cluster: u64,
    pub cluster_name: String,
    pub year: u16,
    pub unit: UnitDto,
    /// The criteria table the unit scored itself against.
    pub criteria: Vec<CriterionDto>,
    /// `[item id, hundredths]` pairs.
    pub self_scores: Vec<(u32, u32)>,
    pub report: Option<ReportDto>,
}

/// A snapshot kept in storage: the whole workspace before a risky step.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SnapshotDto {
    pub reason: String,
    #[serde(default)]
    pub subject: String,
    pub taken_at: String,
    pub data: WorkspaceData,
}

/// The workspace `data` describes, checked record by record as a file's.
pub fn workspace_from(data: WorkspaceData) -> Result<Workspace, FileError> {
    let mut bundle = read_workspace(to_value(&data)?)?;
    seal_all(&mut bundle.meetings);
    let ws = Workspace {
        units: bundle.units,
        clusters: bundle.clusters,
        meetings: bundle.meetings,
    };
    crate::domain::merge::check_integrity(&ws).map_err(|e| integrity_error(&ws, e))?;
    Ok(ws)
}

/// Every meeting read from a file or a snapshot as files carry it.
fn seal_all(meetings: &mut [crate::domain::Meeting]) {
    for meeting in meetings {
        if let std::borrow::Cow::Owned(sealed) = super::seal::sealed_meeting(meeting) {
            *meeting = sealed;
        }
    }
}

/// A workspace-wide problem named by the place of its record in a
/// workspace's data: `data.meetings[2]: the count … does not reconcile`.
pub fn integrity_error(ws: &Workspace, error: crate::domain::merge::IntegrityError) -> FileError {
    use crate::domain::merge::RecordRef;
    let place = match error.record {
        RecordRef::Unit(id) => ws
            .units
            .iter()
            .rposition(|u| u.id == id)
            .map(|i| format!("data.units[{i}]")),
        RecordRef::Cluster(id) => ws
            .clusters
            .iter()
            .rposition(|c| c.id == id)
            .map(|i| format!("data.clusters[{i}]")),
        RecordRef::Meeting(id) => ws
            .meetings
            .iter()
            .rposition(|m| m.id == id)
            .map(|i| format!("data.meetings[{i}]")),
    };
    RecordError::Integrity {
        path: place.unwrap_or_else(|| "data".to_owned()),
        problem: error.problem,
    }
    .into()
}

/// The whole file text: the envelope around `data` with its SHA-256, as
/// compact JSON (indentation would make a large workspace file 4× larger);
/// refused if serde cannot serialise `data`.
pub fn file_text<T: Serialize>(
    kind: FileKind,
    data: &T,
    exported_at: &str,
) -> Result<String, RecordError> {
    // Converted once, hashed and written from the same value.
    let data = to_value(data)?;
    let sha256 = value_sha256(&data);
    let envelope = serde_json::json!({
        "format": "thidua",
        "kind": kind.tag(),
        "version": super::CURRENT_VERSION,
        "exported_at": exported_at,
        "app_version": env!("CARGO_PKG_VERSION"),
        "data": data,
        "sha256": sha256,
    });
    serde_json::to_string(&envelope).map_err(not_written)
}

pub fn workspace_data(ws: &Workspace) -> WorkspaceData {
    WorkspaceData {
        units: ws.units.iter().map(UnitDto::from).collect(),
        clusters: ws.clusters.iter().map(ClusterDto::from).collect(),
        // A round in progress leaves without its ballots (`seal`).
        meetings: ws
            .meetings
            .iter()
            .map(|m| MeetingDto::from(&*sealed_meeting(m)))
            .collect(),
    }
}

pub fn cluster_data(ws: &Workspace, cluster: ClusterId) -> Option<ClusterData> {
    let c = ws.cluster(cluster)?;
    Some(ClusterData {
        cluster: ClusterDto::from(c),
        units: c
            .units
            .iter()
            .filter_map(|u| ws.unit(*u))
            .map(UnitDto::from)
            .collect(),
        meetings: ws
            .meetings
            .iter()
            .filter(|m| m.cluster == cluster)
            .map(|m| MeetingDto::from(&*sealed_meeting(m)))
            .collect(),
    })
}

pub fn unit_report_data(
    ws: &Workspace,
    cluster: ClusterId,
    year: u16,
    unit: UnitId,
) -> Option<UnitReportData> {
    let c = ws.cluster(cluster)?;
    let y = c.year(year)?;
    if !y.members.contains(&unit) {
        return None;
    }
    Some(UnitReportData {
        cluster: cluster.0,
        cluster_name: c.name.clone(),
        year,
        unit: UnitDto::from(ws.unit(unit)?),
        criteria: criteria_dto(&y.criteria),
        self_scores: y
            .scores
            .get(&unit)
            .map(|s| s.self_scores.iter().map(|(k, v)| (k.0, v.0)).collect())
            .unwrap_or_default(),
        report: y.reports.get(&unit).map(|r| report_dto(unit, r)),
    })
}

/// Every file this build writes, by kind; `None` for a record that is
/// not there or data serde cannot serialise (the screen then says the
/// file was not downloaded).
pub fn workspace_file(ws: &Workspace, at: &str) -> Option<String> {
    file_text(FileKind::Workspace, &workspace_data(ws), at).ok()
}

pub fn cluster_file(ws: &Workspace, cluster: ClusterId, at: &str) -> Option<String> {
    file_text(FileKind::Cluster, &cluster_data(ws, cluster)?, at).ok()
}

pub fn unit_report_file(
    ws: &Workspace,
    cluster: ClusterId,
    year: u16,
    unit: UnitId,
    at: &str,
) -> Option<String> {
    file_text(
        FileKind::UnitReport,
        &unit_report_data(ws, cluster, year, unit)?,
        at,
    )
    .ok()
}

/// A file name that says what the file is: `thidua-<kind>-<what>.thidua.json`
/// in plain ASCII (Vietnamese letters without their marks), so it survives
/// USB sticks, e-mail and every file system.
pub fn file_name(kind: FileKind, parts: &[&str]) -> String {
    let mut name = format!("thidua-{}", kind.tag());
    for part in parts {
        let slug = ascii_slug(part);
        if !slug.is_empty() {
            name.push('-');
            name.push_str(&slug);
        }
    }
    name.push_str(".thidua.json");
    name
}

/// Lower-case ASCII letters, digits and single dashes.
pub fn ascii_slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        let plain = fold_vietnamese(c);
        if plain.is_ascii_alphanumeric() {
            out.push(plain);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

fn fold_vietnamese(c: char) -> char {
    const GROUPS: [(&str, char); 6] = [
        ("àáảãạăằắẳẵặâầấẩẫậ", 'a'),
        ("èéẻẽẹêềếểễệ", 'e'),
        ("ìíỉĩị", 'i'),
        ("òóỏõọôồốổỗộơờớởỡợ", 'o'),
        ("ùúủũụưừứửữự", 'u'),
        ("ỳýỷỹỵ", 'y'),
    ];
    if c == 'đ' {
        return 'd';
    }
    GROUPS
        .iter()
        .find(|(group, _)| group.contains(c))
        .map_or(c, |(_, plain)| *plain)
}

/// A file's envelope, checked: its kind among those expected, a version
/// this app reads, a `data` object whose SHA-256 is the recorded one,
/// migrated to the current version.
pub(super) struct Envelope {
    pub kind: FileKind,
    pub version: u64,
    pub exported_at: String,
    pub app_version: String,
    /// The recorded (and verified) SHA-256 of `data` as written.
    pub sha256: String,
    pub data: Value,
}

/// The checks every file passes before its data is read: size, JSON,
/// format, kind, version, checksum (over the data as written, before any
/// migration).
pub(super) fn open_envelope(text: &str, expected: &[FileKind]) -> Result<Envelope, FileError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(FileError::TooLarge {
            bytes: text.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut value: Value = serde_json::from_str(text).map_err(|e| FileError::NotJson {
        line: e.line(),
        column: e.column(),
    })?;
    if value.get("format").and_then(Value::as_str) != Some("thidua") {
        return Err(FileError::NotThidua);
    }
    let tag = value
        .get("kind")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    let kind = FileKind::from_tag(&tag).ok_or(FileError::UnknownKind(tag))?;
    if !expected.contains(&kind) {
        return Err(FileError::WrongKind {
            found: kind,
            expected: expected.to_vec(),
        });
    }
    let version = check_version(&value)?;
    let mut data = value
        .get_mut("data")
        .map(Value::take)
        .filter(|d| d.is_object())
        .ok_or_else(|| RecordError::invalid("data", "missing or not an object"))?;
    let recorded = value
        .get("sha256")
        .and_then(Value::as_str)
        .ok_or(FileError::MissingChecksum)?
        .to_owned();
    let actual = value_sha256(&data);
    if !recorded.eq_ignore_ascii_case(&actual) {
        return Err(FileError::ChecksumMismatch);
    }
    migrate(&mut data, version);
    let text_of = |field: &str| {
        value
            .get(field)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    Ok(Envelope {
        kind,
        version,
        exported_at: text_of("exported_at"),
        app_version: text_of("app_version"),
        sha256: actual,
        data,
    })
}

/// Reads a file's text. `expected` lists the kinds this screen takes.
pub fn read_file(text: &str, expected: &[FileKind]) -> Result<ReadFile, FileError> {
    let envelope = open_envelope(text, expected)?;
    let data = envelope.data;
    let mut bundle = match envelope.kind {
        FileKind::Workspace => read_workspace(data)?,
        FileKind::Cluster => read_cluster(data)?,
        FileKind::UnitReport => read_unit_report(data)?,
        FileKind::Results => read_results(data)?,
        // A council-year is no part of the workspace: its own screens read
        // it (`read_council_file`).
        FileKind::Council => {
            return Err(FileError::WrongKind {
                found: FileKind::Council,
                expected: expected
                    .iter()
                    .copied()
                    .filter(|k| *k != FileKind::Council)
                    .collect(),
            })
        }
    };
    // A file carries no ballots of a round in progress and no delegate's
    // screen, whoever wrote it (an older version, another program): read
    // as it is written (`seal::sealed_meeting`), so a file can neither lock
    // this laptop to another operator's PIN nor bring ballots in.
    seal_all(&mut bundle.meetings);
    Ok(ReadFile {
        kind: envelope.kind,
        version: envelope.version,
        exported_at: envelope.exported_at,
        app_version: envelope.app_version,
        sha256: envelope.sha256,
        bundle,
    })
}

/// Takes field `field` of an object and reads it as `T`, naming the path.
pub(super) fn field<T: DeserializeOwned>(
    data: &mut Value,
    field: &str,
    path: &str,
) -> Result<T, FileError> {
    let value = data.get_mut(field).map(Value::take).unwrap_or(Value::Null);
    from_value(value).map_err(|message| {
        FileError::Record(RecordError::Shape {
            path: format!("{path}.{field}"),
            message,
        })
    })
}

/// Reads an array field element by element, so a bad record is named by
/// its position: `data.units[3]`.
fn list<T: DeserializeOwned>(data: &mut Value, name: &str) -> Result<Vec<(String, T)>, FileError> {
    let Some(Value::Array(items)) = data.get_mut(name).map(Value::take) else {
        return Err(RecordError::invalid(format!("data.{name}"), "missing or not a list").into());
    };
    items
        .into_iter()
        .enumerate()
        .map(|(idx, item)| {
            let path = format!("data.{name}[{idx}]");
            from_value(item)
                .map(|dto| (path.clone(), dto))
                .map_err(|message| FileError::Record(RecordError::Shape { path, message }))
        })
        .collect()
}

/// A domain error of a nested record names its place in the file: the
/// record's `data.…` path becomes `data.clusters[2].…`.
pub(super) fn within(error: RecordError, path: &str) -> FileError {
    let rebase = |p: String| match p.strip_prefix("data") {
        Some(rest) => format!("{path}{rest}"),
        None => format!("{path}.{p}"),
    };
    FileError::Record(match error {
        RecordError::Shape { path, message } => RecordError::Shape {
            path: rebase(path),
            message,
        },
        RecordError::Invalid { path, problem } => RecordError::Invalid {
            path: rebase(path),
            problem,
        },
        RecordError::Integrity { path, problem } => RecordError::Integrity {
            path: rebase(path),
            problem,
        },
        other => other,
    })
}

fn no_duplicates<T>(items: &[(String, T)], id: impl Fn(&T) -> u64) -> Result<(), FileError> {
    for (idx, (path, item)) in items.iter().enumerate() {
        if items[..idx].iter().any(|(_, other)| id(other) == id(item)) {
            return Err(FileError::DuplicateId {
                path: format!("{path}.id"),
                id: id(item),
            });
        }
    }
    Ok(())
}

fn units_of(list: Vec<(String, UnitDto)>) -> Result<Vec<Unit>, FileError> {
    no_duplicates(&list, |u| u.id)?;
    list.into_iter()
        .map(|(path, dto)| Unit::try_from(dto).map_err(|e| within(e, &path)))
        .collect()
}

fn clusters_of(list: Vec<(String, ClusterDto)>) -> Result<Vec<Cluster>, FileError> {
    no_duplicates(&list, |c| c.id)?;
    list.into_iter()
        .map(|(path, dto)| Cluster::try_from(dto).map_err(|e| within(e, &path)))
        .collect()
}

fn meetings_of(list: Vec<(String, MeetingDto)>) -> Result<Vec<Meeting>, FileError> {
    no_duplicates(&list, |m| m.id)?;
    list.into_iter()
        .map(|(path, dto)| Meeting::try_from(dto).map_err(|e| within(e, &path)))
        .collect()
}

fn read_workspace(mut data: Value) -> Result<Bundle, FileError> {
    Ok(Bundle {
        units: units_of(list(&mut data, "units")?)?,
        clusters: clusters_of(list(&mut data, "clusters")?)?,
        meetings: meetings_of(list(&mut data, "meetings")?)?,
        reports: Vec::new(),
    })
}

fn read_cluster(mut data: Value) -> Result<Bundle, FileError> {
    let cluster: ClusterDto = field(&mut data, "cluster", "data")?;
    let cluster = Cluster::try_from(cluster).map_err(|e| within(e, "data.cluster"))?;
    let meetings = meetings_of(list(&mut data, "meetings")?)?;
    for (idx, meeting) in meetings.iter().enumerate() {
        if meeting.cluster != cluster.id {
            return Err(RecordError::invalid(
                format!("data.meetings[{idx}].cluster"),
                "is not the file's cluster",
            )
            .into());
        }
    }
    Ok(Bundle {
        units: units_of(list(&mut data, "units")?)?,
        clusters: vec![cluster],
        meetings,
        reports: Vec::new(),
    })
}

fn read_unit_report(data: Value) -> Result<Bundle, FileError> {
    let dto: UnitReportData = from_value(data).map_err(|message| RecordError::Shape {
        path: "data".into(),
        message,
    })?;
    let unit = Unit::try_from(dto.unit).map_err(|e| within(e, "data.unit"))?;
    let criteria = criteria_from(dto.criteria, "data")?;
    let mut self_scores = std::collections::BTreeMap::new();
    for (idx, (item, points)) in dto.self_scores.into_iter().enumerate() {
        let path = format!("data.self_scores[{idx}]");
        let Some(criterion) = criteria.item(CriterionId(item)) else {
            return Err(
                RecordError::invalid(path, format!("item {item} is not in `criteria`")).into(),
            );
        };
        if points > criterion.max.0 {
            return Err(RecordError::invalid(path, "is above the item's maximum").into());
        }
        if self_scores
            .insert(CriterionId(item), Points(points))
            .is_some()
        {
            return Err(RecordError::invalid(path, format!("item {item} is scored twice")).into());
        }
    }
    if let Some(report) = &dto.report {
        if report.unit != unit.id.0 {
            return Err(RecordError::invalid("data.report.unit", "is not the file's unit").into());
        }
    }
    Ok(Bundle {
        reports: vec![UnitReport {
            cluster: ClusterId(dto.cluster),
            cluster_name: dto.cluster_name,
            year: dto.year,
            unit,
            criteria,
            self_scores,
            report: dto.report.map(report_from),
        }],
        ..Bundle::default()
    })
}

fn read_results(mut data: Value) -> Result<Bundle, FileError> {
    let meeting: MeetingDto = field(&mut data, "meeting", "data")?;
    let meeting = Meeting::try_from(meeting).map_err(|e| within(e, "data.meeting"))?;
    Ok(Bundle {
        meetings: vec![meeting],
        ..Bundle::default()
    })
}
