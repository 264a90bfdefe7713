//! Error messages for people: what failed and where, in both languages.

use super::Lang;
use crate::domain::{DomainError, Workspace, YEAR_RANGE};
use crate::exchange::RecordError;
use crate::storage_error::StorageError;

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
        E::EmptyCouncilName => lang.pick("Tên hội đồng không được để trống.".into(), "The council's name must not be empty.".into()),
        E::CouncilYearFixed => lang.pick(
            "Đã nhận tệp kết quả của năm này nên không đổi được năm của hội đồng.".into(),
            "Results files of this year were received, so the council's year cannot change.".into(),
        ),
        E::DuplicateAwardLimit(award) => lang.pick(
            format!("Danh hiệu «{award}» có hai dòng giới hạn; hãy giữ một."),
            format!("The award “{award}” has two limit lines; keep one."),
        ),
        E::CouncilWrongYear { file, council } => lang.pick(
            format!("Tệp là kết quả năm {file}, còn hội đồng xét năm {council}. Không nhận tệp này."),
            format!("The file holds the results of {file}, and the council is for {council}. The file was not received."),
        ),
        E::UnknownReceivedFile => lang.pick("Không tìm thấy tệp đã nhận này.".into(), "This received file was not found.".into()),
        E::FingerprintShape => lang.pick(
            "Mã kiểm tra gồm 16 ký tự, mỗi ký tự là chữ số 0–9 hoặc chữ A–F, in ở cuối biên bản kiểm phiếu theo dạng XXXX-XXXX-XXXX-XXXX; hãy gõ lại đủ 16 ký tự.".into(),
            "A fingerprint is 16 characters, each a digit 0–9 or a letter A–F, printed at the end of the vote-count minutes as XXXX-XXXX-XXXX-XXXX; type all 16 again.".into(),
        ),
        E::NoCouncilMembers => lang.pick(
            "Hãy ghi các thành viên hội đồng (mỗi dòng một người) ở “Thiết lập của năm xét” trước khi tạo cuộc bỏ phiếu: chỉ họ được bỏ phiếu.".into(),
            "Enter the council's members (one per line) in “The council year's settings” before creating the vote: only they vote.".into(),
        ),
        E::NoNominees => lang.pick(
            "Chưa có đơn vị nào được đề nghị trong các tệp đang dùng để bỏ phiếu.".into(),
            "No unit is nominated in the files that stand, so there is nothing to vote on.".into(),
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
        E::VoteInProgress => lang.pick("Đang bỏ phiếu; hãy kết thúc vòng bỏ phiếu trước khi xoá.".into(), "A vote is in progress; end it before deleting.".into()),
        E::VoteWouldBeLost(award) => lang.pick(
            format!("Chưa làm gì: vòng “{award}” đang bỏ phiếu. Tệp và bản sao lưu không chứa phiếu của vòng chưa kết thúc, nên bước này sẽ làm mất các phiếu đã bỏ. Hãy kết thúc vòng bỏ phiếu trước."),
            format!("Nothing done: the round “{award}” is being voted on. Files and snapshots hold no ballots of a round that is not closed, so this step would lose the ballots cast. Close the round first."),
        ),
        E::MembersFrozenByVote => lang.pick(
            "Không đổi được thành viên: hội nghị của năm này đã mở vòng bỏ phiếu, và số suất, số đại biểu của các vòng đã tính theo danh sách thành viên này. Chưa thay đổi gì.".into(),
            "The members cannot change: this year's meeting has opened a ballot round, and the rounds' places and voters were counted from these members. Nothing was changed.".into(),
        ),
        E::NotSaved(why) => {
            let why = describe_storage_error(lang, why, workspace);
            lang.pick(
            format!("Chưa lưu: {why} Thay đổi vẫn hiện trên màn hình nhưng sẽ mất khi tải lại hoặc đóng trang. Hãy giải phóng bộ nhớ ở “Tệp và sao lưu”, rồi bấm “Thử lưu lại”."),
            format!("Not saved: {why} The change is still on screen but will be lost on a reload or when the page closes. Free some storage in “Files and backups”, then press “Try saving again”."),
        )
        }
        E::ChangedInAnotherTab => lang.pick(
            "Dữ liệu đã được thay đổi ở thẻ khác; chưa lưu gì. Màn hình đã hiện giá trị mới nhất — hãy xem lại rồi sửa nếu cần.".into(),
            "The data was changed in another tab; nothing was saved. The screen now shows the newest values — check them, then edit again if needed.".into(),
        ),
        E::VoteLockFailed(why) => {
            let why = describe_storage_error(lang, why, workspace);
            lang.pick(
            format!("Chưa thực hiện: không ghi được khoá của cuộc bỏ phiếu ({why}), nên một thẻ khác có thể cùng điều hành cuộc bỏ phiếu này. Hãy giải phóng bộ nhớ ở “Tệp và sao lưu” rồi thử lại."),
            format!("Not done: the vote's lock could not be written ({why}), so another tab could run the same vote. Free some storage in “Files and backups”, then try again."),
        )
        }
        E::UnknownMeeting => lang.pick("Không tìm thấy hội nghị.".into(), "The meeting was not found.".into()),
        E::MeetingExists => lang.pick("Năm này đã có hội nghị.".into(), "This year already has a meeting.".into()),
        E::CommitteeSize(n) => lang.pick(format!("Ban kiểm phiếu gồm 3 đến 5 người (đang có {n})."), format!("The counting committee has 3 to 5 members (now {n}).")),
        E::CommitteeMemberWithoutName => lang.pick("Một thành viên ban kiểm phiếu chưa có tên.".into(), "A counting-committee member has no name.".into()),
        E::DelegateWithoutName(unit) => lang.pick(format!("Một đại biểu của {} chưa có tên.", name(*unit)), format!("A delegate of {} has no name.", name(*unit))),
        E::UnknownRound => lang.pick("Không tìm thấy vòng bỏ phiếu.".into(), "The ballot round was not found.".into()),
        E::EmptyAward => lang.pick("Hãy nhập danh hiệu, hình thức khen thưởng của vòng.".into(), "Type the award of the round.".into()),
        E::AwardInRegulationTwice(award) => lang.pick(format!("Danh hiệu «{award}» đã có trong quy chế; mỗi danh hiệu chỉ ghi một lần."), format!("The award “{award}” is already in the regulation; each award is listed once.")),
        E::NoEarlierMeeting => lang.pick("Cụm chưa có hội nghị của năm nào trước năm này để sao chép.".into(), "The cluster has no meeting in an earlier year to copy.".into()),
        E::NoCandidates => lang.pick("Vòng bỏ phiếu chưa có đơn vị được đề cử.".into(), "The round has no candidates.".into()),
        E::QuotaZero => lang.pick("Chỉ tiêu phải có ít nhất 1 đơn vị.".into(), "The quota must allow at least 1 unit.".into()),
        E::RoundNotDraft => lang.pick("Vòng này đã mở hoặc đã kết thúc; không sửa được nữa.".into(), "This round has been opened or closed; it can no longer change.".into()),
        E::RoundNotOpen => lang.pick("Vòng bỏ phiếu chưa mở.".into(), "The ballot round is not open.".into()),
        E::RoundNotClosed => lang.pick("Vòng bỏ phiếu chưa kết thúc.".into(), "The ballot round is not closed.".into()),
        E::AnotherRoundOpen => lang.pick("Đang có một vòng khác mở; hãy kết thúc vòng đó trước.".into(), "Another round is open; close it first.".into()),
        E::EarlierRoundNotClosed => lang.pick("Các vòng trước chưa bỏ phiếu xong; bỏ phiếu theo thứ tự các vòng.".into(), "Earlier rounds have not been held yet; rounds are held in order.".into()),
        E::RoundIsOpen => lang.pick("Đang có vòng bỏ phiếu mở; danh sách đại biểu đã chốt.".into(), "A round is open; the roll is frozen.".into()),
        E::PinTooShort => lang.pick("Mã PIN cần ít nhất 4 ký tự.".into(), "The PIN needs at least 4 characters.".into()),
        E::WrongPin => lang.pick("Mã PIN không đúng.".into(), "Wrong PIN.".into()),
        E::NoVoters => lang.pick("Chưa có đại biểu nào có quyền bỏ phiếu.".into(), "Nobody is entitled to vote.".into()),
        E::VotingStarted => lang.pick("Đã bắt đầu bỏ phiếu; danh sách có mặt đã chốt.".into(), "Voting has started; presence is frozen.".into()),
        E::NotOnRoll => lang.pick("Người này không có trong danh sách đại biểu.".into(), "This person is not on the roll.".into()),
        E::BoothLocked => lang.pick("Máy đang khoá; cần mã PIN của người điều hành.".into(), "The laptop is locked; the operator's PIN is needed.".into()),
        E::NoQuorum { present, entitled } => lang.pick(
            format!("Chưa đủ số đại biểu có mặt theo quy định: {present}/{entitled}."),
            format!("No quorum: {present} of {entitled} present."),
        ),
        E::NotPresent => lang.pick("Đại biểu này chưa được đánh dấu có mặt.".into(), "This voter is not marked present.".into()),
        E::AlreadyVoted => lang.pick("Đại biểu này đã bỏ phiếu; mỗi người chỉ bỏ một phiếu.".into(), "This voter has already voted; one ballot each.".into()),
        E::NoBallotInProgress => lang.pick("Không có phiếu nào đang được bầu.".into(), "No ballot is being filled.".into()),
        E::NotACandidate => lang.pick("Phiếu có đơn vị không nằm trong danh sách.".into(), "The ballot names a unit that is not a candidate.".into()),
        E::TooManyApprovals => lang.pick("Số đơn vị được chọn vượt chỉ tiêu.".into(), "More units are chosen than there are places.".into()),
        E::SelfVote => lang.pick("Đại biểu không được bầu cho chính đơn vị mình trong vòng này.".into(), "A delegate may not approve their own unit in this round.".into()),
        E::NoRunoffNeeded => lang.pick("Vòng này không có trường hợp bằng phiếu và không còn chỉ tiêu.".into(), "This round has no tie and no place left.".into()),
        E::EmptyCriterionName => lang.pick("Hãy nhập tên tiêu chí.".into(), "Type the item's name.".into()),
        E::ZeroMax => lang.pick("Điểm tối đa phải lớn hơn 0.".into(), "The maximum must be above 0.".into()),
        E::UnknownCriterion => lang.pick("Không tìm thấy tiêu chí.".into(), "The item was not found.".into()),
        E::ScoreOverMax { points, max } => lang.pick(
            format!("Điểm {} vượt quá điểm tối đa {} của tiêu chí.", super::format_points(lang, *points), super::format_points(lang, *max)),
            format!("{} is above the item's maximum of {}.", super::format_points(lang, *points), super::format_points(lang, *max)),
        ),
        E::NotAMember(unit) => lang.pick(format!("{} không phải đơn vị thành viên năm này.", name(*unit)), format!("{} is not a member this year.", name(*unit))),
        E::NotAScore => lang.pick(
            "Điểm phải là số không âm, tối đa hai chữ số thập phân (ví dụ 27,5); chưa lưu.".into(),
            "A score is a number from 0 with at most two decimals (e.g. 27.5); not saved.".into(),
        ),
        E::MetricWithoutName => lang.pick("Một chỉ số có giá trị nhưng chưa có tên.".into(), "A metric has a value but no name.".into()),
        E::RunoffExists => lang.pick("Vòng này đã có vòng bầu lại; không tạo thêm.".into(), "This round already has its runoff; no other is made.".into()),
        E::LaterRoundStarted => lang.pick("Một vòng sau đã mở hoặc đã kết thúc; không tổ chức bầu lại được nữa, vì đơn vị trúng khi bầu lại đã là đơn vị được xét ở vòng sau.".into(), "A later round has already opened or closed; a runoff can no longer be held, since a unit it nominated stood in that later round.".into()),
        E::PresentOverEntitled { present, entitled } => lang.pick(
            format!("Số đại biểu có mặt ({present}) lớn hơn số đại biểu được triệu tập ({entitled})."),
            format!("Voters present ({present}) exceed the entitled voters ({entitled})."),
        ),
        E::Count(reconcile) => lang.pick(
            format!("Số liệu không khớp, chưa ghi nhận: {}", super::describe_reconcile_error(lang, reconcile)),
            format!("The counts do not add up; nothing was recorded: {}", super::describe_reconcile_error(lang, reconcile)),
        ),
        E::NotACandidateUnit(id) => lang.pick(format!("{} không có tên trong phiếu của vòng này.", name(*id)), format!("{} is not on this round's ballot.", name(*id))),
        E::PapersOutdated => lang.pick(
            "Danh sách đơn vị đã thay đổi sau khi in phiếu — hãy in lại phiếu (“In phiếu bầu”) rồi bỏ phiếu bằng phiếu mới.".into(),
            "The list of units changed after the ballot papers were printed — print the papers again (“Print ballot papers”) and vote on the new papers.".into(),
        ),
        E::PassFinished(pass) => lang.pick(
            format!("Lượt nhập {pass} đã kết thúc; không sửa được nữa."),
            format!("Entry pass {pass} is finished; it can no longer change."),
        ),
        E::NothingToUndo => lang.pick("Chưa có phiếu nào để xoá.".into(), "There is no ballot to take back.".into()),
        E::NoBallotsEntered(pass) => lang.pick(format!("Lượt nhập {pass} chưa có phiếu nào."), format!("Entry pass {pass} has no ballots yet.")),
        E::PassNotFinished => lang.pick("Cả hai lượt nhập phải kết thúc trước.".into(), "Both entry passes must be finished first.".into()),
        E::NoDifferenceAt(number) => lang.pick(format!("Hai lượt nhập giống nhau ở phiếu số {number}."), format!("The two passes agree on ballot {number}.")),
        E::SettleInOrder(number) => lang.pick(
            format!("Hãy xử lý phiếu số {number} trước (các phiếu cuối xử lý theo thứ tự)."),
            format!("Settle ballot {number} first (the last ballots are settled in order)."),
        ),
        E::NotACount(text) => lang.pick(
            format!("«{text}» không phải số nguyên không âm; chưa lưu."),
            format!("“{text}” is not a whole number from 0; not saved."),
        ),
        E::NotOnPaper(text) => lang.pick(
            format!("«{text}» không phải số thứ tự của một đơn vị trên phiếu. Gõ các số cách nhau bởi dấu phẩy (ví dụ 2, 3, 5), hoặc x nếu phiếu hỏng."),
            format!("“{text}” is not a unit's number on the paper. Type the numbers separated by commas (e.g. 2, 3, 5), or x for a spoilt paper."),
        ),
        E::PassesDiffer(n) => lang.pick(
            format!("Hai lượt nhập còn khác nhau ở {n} phiếu; ban kiểm phiếu cần đối chiếu phiếu giấy."),
            format!("The two passes still differ on {n} ballots; the committee must check the paper."),
        ),
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
        E::Integrity { path, problem } => {
            let problem = describe_integrity_problem(lang, problem);
            lang.pick(format!("Trường `{path}`: {problem}"), format!("Field `{path}`: {problem}"))
        }
    }
}

fn kind_name(lang: Lang, kind: crate::exchange::FileKind) -> &'static str {
    use crate::exchange::FileKind as K;
    match kind {
        K::Workspace => lang.pick_str("toàn bộ dữ liệu", "whole workspace"),
        K::Cluster => lang.pick_str("một cụm", "one cluster"),
        K::UnitReport => lang.pick_str("báo cáo của một đơn vị", "one unit's report"),
        K::Results => lang.pick_str("kết quả hội nghị", "meeting results"),
        K::Council => lang.pick_str("năm xét của hội đồng", "council year"),
    }
}

/// Why a file was refused, in words: what is wrong and where.
pub fn describe_file_error(lang: Lang, error: &crate::exchange::FileError) -> String {
    use crate::exchange::FileError as E;
    match error {
        E::TooLarge { bytes, limit } => lang.pick(
            format!("Tệp quá lớn ({} byte; tối đa {} byte).", super::format_integer(lang, *bytes as i64), super::format_integer(lang, *limit as i64)),
            format!("The file is too large ({} bytes; at most {}).", super::format_integer(lang, *bytes as i64), super::format_integer(lang, *limit as i64)),
        ),
        // serde_json's place for a file with nothing in it.
        E::NotJson { line: 1, column: 0 } => lang.pick(
            "Tệp rỗng: không có nội dung nào. Hãy xin lại tệp.".into(),
            "The file is empty: there is nothing in it. Ask for the file again.".into(),
        ),
        E::NotJson { line, column } => lang.pick(
            format!("Không phải tệp JSON hợp lệ (lỗi ở dòng {line}, cột {column}). Có thể tệp bị cắt cụt hoặc không phải tệp của thidua."),
            format!("Not a valid JSON file (error at line {line}, column {column}). The file may be cut short or not a thidua file."),
        ),
        E::NotThidua => lang.pick("Đây không phải tệp của thidua: tệp không ghi định dạng thidua.".into(), "This is not a thidua file: it does not say it is in thidua's format.".into()),
        E::UnknownKind(kind) => lang.pick(format!("Tệp ghi loại «{kind}», là loại tệp thidua không biết (có thể của phiên bản mới hơn)."), format!("The file says it is of kind “{kind}”, which thidua does not know (perhaps from a newer version).")),
        E::WrongKind { found, expected } => {
            let wanted: Vec<&str> = expected.iter().map(|k| kind_name(lang, *k)).collect();
            lang.pick(
                format!("Đây là tệp {}; ở đây chỉ nhận tệp {}.", kind_name(lang, *found), wanted.join(", ")),
                format!("This is a {} file; this screen takes {} files only.", kind_name(lang, *found), wanted.join(", ")),
            )
        }
        E::MissingChecksum => lang.pick("Tệp thiếu mã kiểm tra SHA-256 nên không kiểm được tệp còn nguyên vẹn.".into(), "The file has no SHA-256 checksum, so it cannot be checked as whole.".into()),
        E::ChecksumMismatch => lang.pick(
            "Mã kiểm tra SHA-256 không khớp với nội dung: tệp đã bị sửa hoặc hỏng. Hãy xin lại tệp gốc.".into(),
            "The SHA-256 checksum does not match the content: the file was changed or damaged. Ask for the original file again.".into(),
        ),
        E::DuplicateId { path, id } => lang.pick(
            format!("Trường `{path}`: mã {id} bị dùng cho hai bản ghi."),
            format!("Field `{path}`: id {id} is used by two records."),
        ),
        E::Record(inner) => describe_record_error(lang, inner),
    }
}

/// Why an import cannot be made, in words.
pub fn describe_merge_error(lang: Lang, error: &crate::domain::merge::MergeError) -> String {
    use crate::domain::merge::MergeError as E;
    match error {
        E::FilesDisagree { what } => lang.pick(
            format!("Hai tệp có nội dung khác nhau cho cùng một bản ghi ({what}); hãy chỉ chọn một tệp."),
            format!("Two files carry different content for the same record ({what}); choose only one of them."),
        ),
        E::ClusterMissing { what, cluster, year } => lang.pick(
            format!("{what}: thuộc «{cluster}» năm {year}, chưa có trên máy này. Hãy nhập tệp của cụm trước."),
            format!("{what}: belongs to “{cluster}” ({year}), which is not on this laptop. Import that cluster's file first."),
        ),
        E::NotAMember { unit, cluster, year } => lang.pick(
            format!("«{unit}» không phải đơn vị thành viên của «{cluster}» năm {year} trên máy này."),
            format!("“{unit}” is not a member of “{cluster}” in {year} on this laptop."),
        ),
        E::CriteriaDiffer { unit, year, item, name, here } => lang.pick(
            format!("Báo cáo của «{unit}» ({year}) chấm mục {item} «{name}», nhưng bảng tiêu chí trên máy này ghi mục đó là «{here}». Hãy thống nhất bảng tiêu chí trước."),
            format!("The report of “{unit}” ({year}) scores item {item} “{name}”, which this laptop's criteria table has as “{here}”. Agree on the criteria table first."),
        ),
        E::Broken(problem) => {
            let what = describe_integrity_problem(lang, problem);
            lang.pick(
            format!("Nhập tệp sẽ làm dữ liệu không nhất quán ({what}); không có gì thay đổi."),
            format!("The import would leave the data inconsistent ({what}); nothing was changed."),
            )
        }
        E::CannotKeepBoth(what) => lang.pick(
            format!("Không thể “giữ cả hai” cho {what}: bản ghi này chỉ có một."),
            format!("“Keep both” cannot be chosen for {what}: there is only one such record."),
        ),
    }
}

/// Why a workspace does not hold together (the integrity check of
/// storage, files and snapshots), in words, Vietnamese first.
pub fn describe_integrity_problem(
    lang: Lang,
    problem: &crate::domain::merge::IntegrityProblem,
) -> String {
    use crate::domain::merge::IntegrityProblem as P;
    match problem {
        P::UnitIdTwice { unit } => lang.pick(format!("mã đơn vị {unit} bị dùng cho hai đơn vị"), format!("unit id {unit} is used twice")),
        P::UnitNameTwice { name, first, second } => lang.pick(
            format!("hai đơn vị khác nhau cùng tên «{name}» (mã {first} và {second})"),
            format!("two different units are named “{name}” (ids {first} and {second})"),
        ),
        P::ClusterIdTwice { cluster } => lang.pick(format!("mã cụm {cluster} bị dùng cho hai cụm"), format!("cluster id {cluster} is used twice")),
        P::ClusterNameTwice { name, parent } => lang.pick(
            format!("hai cụm cùng tên «{name}» thuộc cùng cơ quan cấp trên «{parent}»"),
            format!("two clusters are named “{name}” under the same parent organisation “{parent}”"),
        ),
        P::ClusterListsMissingUnit { cluster, unit } => lang.pick(
            format!("cụm «{cluster}» có đơn vị mã {unit}, nhưng đơn vị này không có trên máy này"),
            format!("cluster “{cluster}” lists unit {unit}, which is not on this laptop"),
        ),
        P::YearHasStranger { cluster, year, unit } => lang.pick(
            format!("«{cluster}» năm {year} có đơn vị mã {unit}, nhưng đơn vị này không thuộc cụm"),
            format!("“{cluster}” {year} has unit {unit}, which is not in the cluster"),
        ),
        P::ScoreForMissingItem { cluster, year, item } => lang.pick(
            format!("«{cluster}» năm {year} có điểm cho mục {item}, nhưng bảng tiêu chí của năm không có mục này"),
            format!("“{cluster}” {year} has a score for item {item}, which its criteria table lacks"),
        ),
        P::ScoreAboveMax { cluster, year, item } => lang.pick(
            format!("«{cluster}» năm {year} có điểm vượt quá điểm tối đa của mục {item}"),
            format!("“{cluster}” {year} has a score above the maximum of item {item}"),
        ),
        P::MeetingIdTwice { meeting } => lang.pick(format!("mã hội nghị {meeting} bị dùng cho hai hội nghị"), format!("meeting id {meeting} is used twice")),
        P::TwoMeetings { cluster, year } => lang.pick(
            format!("«{cluster}» có hai hội nghị trong năm {year}"),
            format!("“{cluster}” has two meetings in {year}"),
        ),
        P::MeetingNamesMissingUnit { cluster, year, unit } => lang.pick(
            format!("hội nghị của «{cluster}» năm {year} có đơn vị mã {unit}, nhưng đơn vị này không có trên máy này"),
            format!("the meeting of “{cluster}” {year} names unit {unit}, which is not on this laptop"),
        ),
        P::MeetingWithoutCluster { cluster, year } => lang.pick(
            format!("một hội nghị năm {year} thuộc cụm mã {cluster}, nhưng cụm này (hoặc năm này của cụm) không có trên máy này"),
            format!("a meeting of {year} belongs to cluster {cluster}, which (or whose year) is not on this laptop"),
        ),
        P::HandVotesForNonCandidate { award, year, unit } => lang.pick(
            format!("kết quả kiểm phiếu thủ công của vòng «{award}» ({year}) ghi phiếu cho đơn vị mã {unit}, nhưng đơn vị này không được đề cử"),
            format!("the hand count of round “{award}” ({year}) gives votes to unit {unit}, which is not a candidate"),
        ),
        P::CountDoesNotReconcile { award, year, error } => {
            let why = super::describe_reconcile_error(lang, error);
            lang.pick(
                format!("số liệu kiểm phiếu của vòng «{award}» ({year}) không khớp: {why}"),
                format!("the count of round “{award}” ({year}) does not reconcile: {why}"),
            )
        }
        P::ClusterGone { cluster } => lang.pick(format!("không còn cụm mã {cluster}"), format!("cluster {cluster} is missing")),
        P::YearGone { cluster, year } => lang.pick(format!("cụm mã {cluster} không có năm {year}"), format!("cluster {cluster} has no year {year}")),
        P::PreviewInconsistent => lang.pick(
            "bản xem trước không khớp với nội dung tệp; hãy chọn tệp lại".into(),
            "the preview does not match the files; choose the files again".into(),
        ),
    }
}

/// A change to a vote that another live tab runs, refused: in words.
pub fn describe_round_in_another_tab(lang: Lang) -> String {
    lang.pick(
        "Vòng bỏ phiếu này đang được điều hành ở một thẻ hoặc cửa sổ khác; ở đây chỉ xem được."
            .into(),
        "This vote is being run in another tab or window; here it is read-only.".into(),
    )
}

/// A deletion refused because storage kept no snapshot first, in words.
pub fn describe_snapshot_failed(lang: Lang, error: &StorageError, ws: &Workspace) -> String {
    let why = describe_storage_error(lang, error, ws);
    lang.pick(
        format!("Chưa xoá: không giữ được bản sao lưu trước khi xoá ({why}). Hãy tải tệp toàn bộ dữ liệu về máy rồi thử lại."),
        format!("Not deleted: no snapshot could be kept first ({why}). Download the workspace file, then try again."),
    )
}

/// Why the browser's storage failed, in words: which record (named from
/// `ws` by `name_stored`, never by its storage key), and the reason.
pub fn describe_storage_error(lang: Lang, error: &StorageError, ws: &Workspace) -> String {
    let name = |key: &str| super::name_stored(lang, key, ws);
    match error {
        StorageError::Unavailable(reason) => lang.pick(
            format!("Trình duyệt không cho dùng bộ nhớ lưu trữ ({reason})."),
            format!("The browser does not allow its storage to be used ({reason})."),
        ),
        StorageError::QuotaExceeded { key, .. } => lang.pick(
            format!("Bộ nhớ lưu trữ của trình duyệt đã đầy (khi lưu {}).", name(key)),
            format!("The browser's storage is full (while saving {}).", name(key)),
        ),
        StorageError::WriteFailed { key, reason } => lang.pick(
            format!("Lưu {} thất bại ({reason}).", name(key)),
            format!("Saving {} failed ({reason}).", name(key)),
        ),
        StorageError::ReadFailed { key, reason } => lang.pick(
            format!("Đọc {} thất bại ({reason}).", name(key)),
            format!("Reading {} failed ({reason}).", name(key)),
        ),
        StorageError::ReadBackMismatch { key } => lang.pick(
            format!("Đọc lại {} không khớp với dữ liệu vừa ghi.", name(key)),
            format!("Reading {} back does not match what was written.", name(key)),
        ),
        StorageError::ChangedElsewhere { key } => lang.pick(
            format!("Một thẻ hoặc cửa sổ khác vừa sửa {}; thẻ này đã nạp lại dữ liệu mới nhất, thay đổi vừa rồi ở đây chưa được lưu.", name(key)),
            format!("Another tab or window just changed {}; this tab has reloaded the newest data, and the change just made here was not saved.", name(key)),
        ),
        StorageError::NoRoomForSnapshot { needed } => lang.pick(
            format!("Không đủ chỗ để giữ bản sao lưu ({} ký tự).", super::format_integer(lang, *needed as i64)),
            format!("No room to keep a snapshot ({} characters).", super::format_integer(lang, *needed as i64)),
        ),
        StorageError::BadSnapshot { key, error } => {
            let reason = describe_file_error(lang, error);
            lang.pick(
                format!("Không đọc được {}: {reason}", name(key)),
                format!("{} cannot be read: {reason}", capitalized(&name(key))),
            )
        }
        StorageError::SnapshotGone { key } => lang.pick(
            format!("Không còn {}.", name(key)),
            format!("{} is gone.", capitalized(&name(key))),
        ),
        StorageError::Unsettled { problem } => {
            let reason = describe_integrity_problem(lang, problem);
            lang.pick(
                format!("Dữ liệu một thẻ khác đang ghi chưa khớp với nhau ({reason}); sẽ đọc lại khi thẻ đó ghi xong."),
                format!("What another tab is writing does not hold together yet ({reason}); it will be read again once that tab has finished."),
            )
        }
    }
}

/// `text` with its first letter in capitals, to open a sentence.
fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}
