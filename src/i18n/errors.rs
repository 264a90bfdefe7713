//! Error messages for people: what failed and where, in both languages.

use super::Lang;
use crate::domain::{DomainError, Workspace, YEAR_RANGE};
use crate::exchange::RecordError;

/// A refused edit, in words, with unit names rather than ids.
pub fn describe_domain_error(lang: Lang, error: &DomainError, workspace: &Workspace) -> String {
    use DomainError as E;
    let name = |id| workspace.unit_name(id);
    match error {
        E::EmptyUnitName => lang.pick("Tên đầy đủ của đơn vị không được để trống.".into(), "The unit's full name must not be empty.".into()),
        E::EmptyClusterName => lang.pick("Tên cụm không được để trống.".into(), "The cluster's name must not be empty.".into()),
        E::DuplicateUnitName { name } => lang.pick(
            format!("Đã có đơn vị tên «{name}». Hãy chọn đơn vị đó trong danh sách thay vì tạo mới."),
            format!("A unit named “{name}” already exists. Pick it from the list instead of creating it again."),
        ),
        E::DuplicateClusterName { name } => lang.pick(
            format!("Đã có cụm tên «{name}» thuộc cùng cơ quan cấp trên."),
            format!("A cluster named “{name}” under the same parent organisation already exists."),
        ),
        E::IdInUse => lang.pick("Mã bản ghi mới bị trùng; hãy thử lại.".into(), "The new record's id is already in use; try again.".into()),
        E::UnknownUnit(id) => lang.pick(format!("Không tìm thấy đơn vị #{id}."), format!("Unit #{id} was not found.")),
        E::UnknownCluster(id) => lang.pick(format!("Không tìm thấy cụm #{id}."), format!("Cluster #{id} was not found.")),
        E::UnknownYear(year) => lang.pick(format!("Cụm chưa có năm {year}."), format!("The cluster has no year {year}.")),
        E::YearOutOfRange(year) => lang.pick(
            format!("Năm {year} không hợp lệ: phải từ {} đến {}.", YEAR_RANGE.start(), YEAR_RANGE.end()),
            format!("Year {year} is not valid: it must be between {} and {}.", YEAR_RANGE.start(), YEAR_RANGE.end()),
        ),
        E::YearExists(year) => lang.pick(format!("Năm {year} đã có trong cụm này."), format!("Year {year} already exists in this cluster.")),
        E::UnitAlreadyInCluster(id) => lang.pick(format!("{} đã ở trong cụm.", name(*id)), format!("{} is already in the cluster.", name(*id))),
        E::UnitNotInCluster(id) => lang.pick(format!("{} không thuộc cụm này.", name(*id)), format!("{} is not in this cluster.", name(*id))),
        E::UnitStillMember { unit, year } => lang.pick(
            format!("{} là thành viên năm {year}; hãy bỏ khỏi năm đó trước.", name(*unit)),
            format!("{} is a member in {year}; remove it from that year first.", name(*unit)),
        ),
        E::LeaderNotMember => lang.pick("Cụm trưởng phải là đơn vị thành viên của năm.".into(), "The leader unit must be a member this year.".into()),
        E::DeputyNotMember => lang.pick("Cụm phó phải là đơn vị thành viên của năm.".into(), "The deputy unit must be a member this year.".into()),
        E::LeaderIsDeputy => lang.pick("Cụm trưởng và cụm phó phải là hai đơn vị khác nhau.".into(), "The leader and the deputy must be different units.".into()),
        E::HandoverWithoutLeader => lang.pick("Cần chọn cụm trưởng của năm trước khi ghi bàn giao.".into(), "Choose the year's leader before recording a hand-over.".into()),
        E::HandoverNotFromLeader => lang.pick(
            "Bàn giao phải từ cụm trưởng của năm; hãy xoá bàn giao trước khi đổi cụm trưởng.".into(),
            "The hand-over must be from the year's leader; remove it before changing the leader.".into(),
        ),
        E::HandoverToSelf => lang.pick("Không thể bàn giao cờ cho chính đơn vị đang giữ cờ.".into(), "The flag cannot be handed over to the unit holding it.".into()),
    }
}

/// A stored record or file that could not be read, in words.
pub fn describe_record_error(lang: Lang, error: &RecordError) -> String {
    use RecordError as E;
    match error {
        E::NotJson { line, column, message } => lang.pick(
            format!("Không phải JSON hợp lệ (dòng {line}, cột {column}): {message}"),
            format!("Not valid JSON (line {line}, column {column}): {message}"),
        ),
        E::MissingVersion => lang.pick("Thiếu số phiên bản dữ liệu (trường `version`).".into(), "The data version is missing (field `version`).".into()),
        E::NewerVersion { found, supported } => lang.pick(
            format!("Dữ liệu phiên bản {found} mới hơn phiên bản ứng dụng đọc được ({supported}). Hãy cập nhật ứng dụng."),
            format!("Data version {found} is newer than this app reads ({supported}). Update the app."),
        ),
        E::UnknownVersion { found } => lang.pick(format!("Phiên bản dữ liệu {found} không xác định."), format!("Data version {found} is unknown.")),
        E::Shape { path, message } => lang.pick(format!("Trường `{path}`: {message}"), format!("Field `{path}`: {message}")),
        E::Invalid { path, problem } => lang.pick(format!("Trường `{path}`: {problem}"), format!("Field `{path}`: {problem}")),
    }
}
