//! Every fixed string of the interface, Vietnamese first. The macro makes
//! it impossible to add a string in one language only.

use super::Lang;

macro_rules! catalogue {
    ($($key:ident => $vi:literal, $en:literal;)*) => {
        /// A fixed interface string.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Text { $($key),* }

        impl Text {
            /// Every string, for tests of the catalogue.
            pub const ALL: &'static [Text] = &[$(Text::$key),*];

            pub fn in_lang(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $(
                        (Text::$key, Lang::Vi) => $vi,
                        (Text::$key, Lang::En) => $en,
                    )*
                }
            }
        }
    };
}

catalogue! {
    AppTagline => "Công tác thi đua của cụm, ngay trên trình duyệt", "Emulation-cluster work, right in the browser";
    MainNavigation => "Điều hướng chính", "Main navigation";
    Breadcrumb => "Vị trí", "You are here";
    Clusters => "Cụm thi đua", "Clusters";
    Units => "Đơn vị", "Units";
    Actions => "Thao tác", "Actions";
    Add => "Thêm", "Add";
    Save => "Lưu", "Save";
    Saved => "Đã lưu", "Saved";
    Edit => "Sửa", "Edit";
    Close => "Đóng", "Close";
    Dismiss => "Đã hiểu, ẩn thông báo", "Understood, hide this";
    TryAgain => "Thử lưu lại", "Try saving again";
    NoneChosen => "— Chưa chọn —", "— None —";
    Notes => "Ghi chú", "Notes";
    FooterStorage => "Dữ liệu chỉ được lưu trong trình duyệt của máy này; không gửi đi đâu.", "Data is kept only in this laptop's browser; nothing is sent anywhere.";
    PageNotFound => "Không có trang này", "There is no such page";
    BackToClusters => "Về danh sách cụm", "Back to the clusters";
    BackToCluster => "Về trang của cụm", "Back to the cluster";
    NotSaved => "Chưa lưu được thay đổi.", "Changes are not saved.";
    NotSavedAdvice => "Các thay đổi vẫn hiện trên màn hình nhưng sẽ mất khi đóng trang. Hãy giải phóng bộ nhớ: ở “Tệp và sao lưu”, tải tệp toàn bộ dữ liệu về máy và xoá các bản sao lưu cũ (hoặc xoá dữ liệu không cần của trang khác), rồi bấm “Thử lưu lại”.", "Your changes are still on screen but will be lost when the page closes. Free some storage: in “Files and backups”, download the workspace file and delete old snapshots (or remove data other sites no longer need), then press “Try saving again”.";
    SetAsideTitle => "Một số dữ liệu đã lưu không đọc được, hoặc không khớp với phần còn lại, và đã được cất riêng; phần còn lại vẫn dùng bình thường:", "Some stored data could not be read, or did not fit with the rest, and was set aside; everything else works as usual:";
    SetAsideAdvice => "Dữ liệu cất riêng không bị xoá và không bị ghi đè. Hãy báo cho người hỗ trợ để khôi phục.", "Data set aside is neither deleted nor written over. Tell whoever supports you so it can be recovered.";
    NoClustersYet => "Chưa có cụm thi đua nào. Hãy tạo cụm mới hoặc nạp dữ liệu mẫu.", "No clusters yet. Create one, or load the sample data.";
    ClusterName => "Tên cụm", "Cluster name";
    ClusterNumber => "Số hiệu cụm", "Cluster number";
    ParentOrg => "Cơ quan cấp trên", "Parent organisation";
    UnitsCount => "Số đơn vị", "Units";
    LatestYearLeader => "Năm gần nhất: cụm trưởng", "Latest year: leader";
    NewCluster => "Tạo cụm thi đua mới", "New cluster";
    CreateCluster => "Tạo cụm", "Create cluster";
    SampleData => "Dữ liệu mẫu", "Sample data";
    SampleDataExplained => "Cụm thi đua số 8 BĐBP năm 2024: 8 đơn vị, cụm trưởng Cục Kỹ thuật, bàn giao cờ cho Lữ đoàn Thông tin 21 tại hội nghị ngày 03/10/2024.", "Border Guard emulation cluster No. 8 in 2024: 8 units, leader Cục Kỹ thuật, flag handed to Lữ đoàn Thông tin 21 at the meeting of 3 October 2024.";
    LoadSample => "Nạp dữ liệu mẫu", "Load sample data";
    ClusterNotFound => "Không tìm thấy cụm này", "This cluster was not found";
    ClusterDetails => "Thông tin cụm", "Cluster details";
    ClusterHistory => "Lịch sử cụm", "Cluster history";
    History => "Lịch sử", "History";
    ClusterUnits => "Đơn vị của cụm", "Units of the cluster";
    RotationExplained => "Thứ tự trong bảng là thứ tự luân phiên cụm trưởng; dùng ↑ ↓ để sắp xếp.", "The order of this table is the order in which the leader role rotates; use ↑ ↓ to change it.";
    RotationOrder => "Thứ tự", "Order";
    NoUnitsYet => "Cụm chưa có đơn vị nào.", "The cluster has no units yet.";
    NoUnitsAnywhere => "Chưa có đơn vị nào.", "No units yet.";
    MoveEarlier => "Đưa lên trước", "Move earlier";
    MoveLater => "Đưa xuống sau", "Move later";
    RemoveFromCluster => "Bỏ khỏi cụm", "Remove from cluster";
    AddExistingUnit => "Thêm đơn vị đã có", "Add an existing unit";
    NewUnit => "Thêm đơn vị mới", "New unit";
    NewUnitOutsideCluster => "Đơn vị tạo ở đây chưa thuộc cụm nào; có thể thêm vào cụm ở trang của cụm.", "A unit created here belongs to no cluster yet; add it to one from the cluster's page.";
    EditUnit => "Sửa thông tin đơn vị", "Edit unit";
    AddUnit => "Thêm đơn vị", "Add unit";
    UnitFullName => "Tên đầy đủ", "Full name";
    UnitShortName => "Tên viết tắt", "Short name";
    UnitKind => "Loại đơn vị", "Kind";
    Commander => "Chỉ huy", "Commander";
    Contact => "Liên hệ", "Contact";
    EmulationYears => "Các năm thi đua", "Emulation years";
    EmulationYear => "Năm thi đua", "Emulation year";
    Year => "Năm", "Year";
    Members => "Số thành viên", "Members";
    LeaderUnit => "Cụm trưởng", "Leader unit";
    DeputyUnit => "Cụm phó", "Deputy unit";
    NoYearsYet => "Chưa có năm thi đua nào.", "No emulation years yet.";
    NewYear => "Năm mới", "New year";
    CreateYear => "Tạo năm", "Create year";
    YearNotANumber => "Hãy nhập năm bằng số, ví dụ 2025.", "Type the year as a number, e.g. 2025.";
    YearNotFound => "Cụm không có năm này", "The cluster has no such year";
    MembersAndRoles => "Thành viên, cụm trưởng, cụm phó", "Members, leader and deputy";
    MemberUnits => "Đơn vị thành viên trong năm", "Member units this year";
    UnitsTicked => "đơn vị được chọn", "units ticked";
    Handover => "Bàn giao cờ cụm trưởng", "Hand-over of the leader flag";
    HandoverFrom => "Đơn vị bàn giao (cụm trưởng năm nay)", "Handed over by (this year's leader)";
    HandoverTo => "Đơn vị nhận cờ", "Handed over to";
    HandoverDate => "Ngày bàn giao", "Date of the hand-over";
    NoLeaderYet => "chưa chọn cụm trưởng", "no leader chosen yet";
    RecordHandover => "Ghi nhận bàn giao", "Record the hand-over";
    RemoveHandover => "Xoá bàn giao", "Remove the hand-over";
    DateMissing => "Hãy chọn ngày bàn giao hợp lệ.", "Choose a valid hand-over date.";
    NextYear => "Năm tiếp theo", "Next year";
    NextYearExplained => "Tạo năm tiếp theo từ năm này: giữ nguyên đơn vị thành viên; cụm trưởng đề xuất là đơn vị nhận cờ hoặc đơn vị kế tiếp theo thứ tự luân phiên (có thể sửa).", "Create the next year from this one: the same members; as leader, the unit that received the flag or the next one in rotation (you can change it).";
    StartYear => "Bắt đầu năm", "Start year";
    OpenYear => "Mở năm", "Open year";
    Joined => "Đơn vị mới vào", "Joined";
    Left => "Đơn vị rời cụm", "Left";
    BackupNoRoomTitle => "Không đủ chỗ giữ bản sao lưu trong trình duyệt", "No room to keep a snapshot in the browser";
    BackupNoRoomText => "Trước bước này, ứng dụng luôn giữ một bản sao toàn bộ dữ liệu, nhưng bộ nhớ của trình duyệt đã đầy. Hãy tải tệp sao lưu về máy và kiểm tra tệp đã được lưu, rồi bấm “Tôi đã lưu tệp sao lưu”. Chưa có gì thay đổi.", "Before this step the app always keeps a copy of the whole workspace, but the browser's storage is full. Download the backup file, check that it was saved, then press “I have the backup file”. Nothing has changed yet.";
    BackupDownload => "Tải tệp sao lưu", "Download the backup file";
    BackupSaved => "Tôi đã lưu tệp sao lưu", "I have the backup file";
    BackupWithout => "Tiếp tục mà không có bản sao lưu", "Go on without a backup";
    BackupCancel => "Huỷ, không làm gì", "Cancel, change nothing";
    BackupDownloadFailed => "Trình duyệt không tải được tệp. Hãy thử lại, hoặc huỷ.", "The browser did not download the file. Try again, or cancel.";
    SealedRoundsNote => "Đang bỏ phiếu: tệp và bản sao lưu lấy lúc này không chứa phiếu của vòng chưa kết thúc (ghi như chưa ai bỏ phiếu):", "A vote is in progress: files and snapshots taken now hold no ballots of a round that is not closed (written as if nobody had voted yet):";
    PapersOutdated => "Danh sách đơn vị đã thay đổi sau khi in phiếu — hãy in lại phiếu", "The list of units changed after the ballot papers were printed — print the papers again";
    PapersOutdatedExplained => "Một vòng cao hơn đã kết thúc (hoặc thay đổi) sau khi in phiếu, nên số thứ tự trên phiếu đã in không còn đúng với danh sách bầu dưới đây. Không dùng các phiếu đã in: hãy in lại phiếu, phát phiếu mới rồi mới nhập phiếu.", "A higher round closed (or changed) after the papers were printed, so the numbers on the printed papers no longer match the candidates below. Do not use the printed papers: print them again and hand out the new papers before entering ballots.";
    ReprintPapers => "In lại phiếu bầu", "Print the ballot papers again";
    NotStandingHere => "Không xét ở vòng này (đã được đề nghị ở vòng cao hơn)", "Not standing in this round (nominated in a higher round)";
    StorageUsageUnreadable => "Không đọc được mức dùng bộ nhớ:", "Storage use could not be read:";
    SnapshotsUnreadable => "Không đọc được danh sách bản sao lưu:", "The list of snapshots could not be read:";
    SnapshotNotDeleted => "Chưa xoá được bản sao lưu:", "The snapshot was not deleted:";
    ImportNotSaved => "Dữ liệu nhập đang hiện trên màn hình nhưng chưa lưu được vào máy:", "The imported data is on screen but could not be saved on this laptop:";
    VoteLockNotKept => "Không làm mới được khoá của cuộc bỏ phiếu, nên sau khoảng 20 giây một thẻ khác có thể điều hành cùng cuộc bỏ phiếu này. Hãy giải phóng bộ nhớ ở “Tệp và sao lưu”.", "The vote's lock could not be refreshed, so after about 20 seconds another tab could run the same vote. Free some storage in “Files and backups”.";
    BallotNotStored => "Phiếu chưa được lưu vào máy. Hãy trao lại máy cho người điều hành.", "The ballot is not stored on this laptop yet. Please hand the laptop back to the operator.";
    BallotNotStoredOperator => "Phiếu vừa bầu chưa được lưu vào máy (bộ nhớ đầy): phiếu và dấu “đã bầu” của đại biểu chỉ đang ở trên màn hình. Hãy giải phóng bộ nhớ ở “Tệp và sao lưu” (tải tệp toàn bộ dữ liệu, xoá bản sao lưu cũ) rồi bấm “Thử lưu lại”. Nếu trang bị tải lại trước khi lưu được, phiếu đó không được tính và đại biểu được bầu lại.", "The last ballot is not stored on this laptop (storage full): the ballot and the delegate's “voted” mark are only on screen. Free some storage in “Files and backups” (download the workspace file, delete old snapshots), then press “Try saving again”. If the page is reloaded before it is saved, that ballot does not count and the delegate votes again.";
}
