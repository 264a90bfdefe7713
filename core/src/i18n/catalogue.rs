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

    // The app frame, its banners and the shared widgets.
    FilesAndBackups => "Tệp và sao lưu", "Files and backups";
    OpenFilesAndBackups => "Mở “Tệp và sao lưu”", "Open “Files and backups”";
    UpdatedElsewhere => "Dữ liệu vừa được thay đổi ở một thẻ hoặc cửa sổ khác; màn hình này đã cập nhật theo.", "The data was just changed in another tab or window; this screen has been updated.";
    SnapshotRestored => "Đã khôi phục bản sao lưu.", "The snapshot was restored.";
    NoticeOk => "Đã hiểu", "OK";
    PressAgainToDelete => "Bấm lần nữa để xoá (có sao lưu trước)", "Press again to delete (a snapshot is kept first)";
    DontDelete => "Không xoá", "Don't delete";
    LanguageName => "Tiếng Việt", "English";
    PanicTitle => "Ứng dụng gặp lỗi và đã dừng", "The app hit an error and stopped";
    PanicDataSafe => "Dữ liệu đã lưu trong trình duyệt không bị thay đổi. Hãy tải lại trang để tiếp tục.", "Your saved data is untouched. Reload the page to go on.";
    PanicReport => "Nếu lỗi lặp lại, hãy gửi nội dung dưới đây cho người hỗ trợ.", "If it happens again, send the text below to whoever supports you.";
    PanicReload => "Tải lại, về trang đầu", "Reload, back to the start";

    // The cluster screen.
    ClusterFile => "Tệp của cụm", "The cluster's file";
    ClusterFileExplained => "Tệp của cụm chứa mọi năm, đơn vị, điểm, báo cáo và hội nghị của cụm: gửi cho các đơn vị để họ làm báo cáo, hoặc cho cụm trưởng năm sau.", "The cluster file holds every year, unit, score, report and meeting of the cluster: send it to the units for their reports, or to next year's leader.";
    DeleteThisCluster => "Xoá cụm này", "Delete this cluster";

    // The year screen.
    ScoresAndReports => "Chấm điểm và báo cáo thành tích", "Scores and achievement reports";
    ScoresCardExplained => "Bảng tiêu chí, điểm tự chấm và cụm chấm, xếp hạng, báo cáo của các đơn vị.", "Criteria table, self and cluster scores, ranking, the units' reports.";
    OpenScoreTable => "Mở bảng chấm điểm", "Open the score table";
    MeetingCardTitle => "Hội nghị tổng kết và bình xét", "Year-end meeting and review";
    MeetingCardExplained => "Thông tin hội nghị, đại biểu, các vòng bỏ phiếu kín và kết quả.", "Meeting details, voters, the secret-ballot rounds and their results.";
    OpenMeeting => "Mở hội nghị", "Open the meeting";
    DeleteThisYear => "Xoá năm này", "Delete this year";
    DeleteYearExplained => "Xoá năm cùng điểm, báo cáo và hội nghị của năm. Một bản sao lưu được giữ trước khi xoá.", "Deletes the year with its scores, reports and meeting. A snapshot is kept first.";
    DeleteTheYear => "Xoá năm", "Delete the year";

    // Files and backups: the storage meter, export, import, snapshots.
    DownloadWholeWorkspace => "Tải về toàn bộ dữ liệu", "Download the whole workspace";
    WorkspaceFileExplained => "Một tệp .thidua.json chứa mọi cụm, đơn vị, năm, điểm, báo cáo và hội nghị trên máy này: để sao lưu, hoặc chuyển sang máy khác.", "One .thidua.json file with every cluster, unit, year, score, report and meeting on this laptop: to keep as a backup, or to move to another laptop.";
    DownloadWorkspaceFile => "Tải tệp toàn bộ dữ liệu", "Download the workspace file";
    DownloadClusterFile => "Tải tệp của cụm (.thidua.json)", "Download the cluster file (.thidua.json)";
    DownloadUnitReportFile => "Tải tệp báo cáo của đơn vị này", "Download this unit's report file";
    ImportReportFiles => "Nhập tệp báo cáo của các đơn vị", "Import the units' report files";
    ImportFiles => "Nhập tệp", "Import files";
    ImportExplained => "Chọn một hoặc nhiều tệp .thidua.json (hoặc kéo thả vào ô dưới). Trước khi thay đổi gì, ứng dụng cho xem cái mới, cái trùng và cái khác nhau để bạn chọn.", "Choose one or more .thidua.json files (or drop them on the box below). Before anything changes you see what is new, what is identical and what differs, and choose.";
    ChooseOrDropFiles => "Chọn tệp hoặc kéo thả vào đây", "Choose files or drop them here";
    NothingImported => "Không nhập gì cả:", "Nothing was imported:";
    ImportAsChosen => "Nhập theo lựa chọn trên", "Import as chosen above";
    CancelImport => "Huỷ, không nhập", "Cancel, import nothing";
    ResultsFingerprint => "mã kiểm tra kết quả", "results fingerprint";
    OnThisLaptop => "Trên máy này", "On this laptop";
    InTheFile => "Trong tệp", "In the file";
    ChooseWhatToKeep => "Chọn bản giữ lại", "Choose what to keep";
    Preview => "Xem trước", "Preview";
    NewRecords => "Bản ghi mới (sẽ được thêm)", "New records (will be added)";
    IdenticalRecords => "Trùng khớp với máy này (không đổi)", "Identical to this laptop (no change)";
    DifferingRecords => "Khác với máy này — chọn cho từng bản ghi (mặc định giữ bản trên máy):", "Different from this laptop — choose for each record (keeping mine unless you choose):";
    BrowserStorage => "Bộ nhớ của trình duyệt", "Browser storage";
    StorageUsed => "Bộ nhớ đã dùng", "Storage used";
    StoredData => "Dữ liệu", "Data";
    Snapshots => "Bản sao lưu", "Snapshots";
    SetAside => "Dữ liệu cất riêng", "Set aside";
    OtherPagesStorage => "Trang khác cùng địa chỉ", "Other pages of this address";
    StorageNearlyFull => "Bộ nhớ sắp đầy. Hãy tải về một bản toàn bộ dữ liệu, xoá các bản sao lưu cũ bên dưới, hoặc xoá cụm, năm không còn dùng (sau khi đã tải tệp của chúng).", "Storage is nearly full. Download a copy of the whole workspace, delete old snapshots below, or delete clusters and years no longer needed (after downloading their files).";
    AutomaticSnapshots => "Bản sao lưu tự động", "Automatic snapshots";
    SnapshotsExplained => "Trước mỗi lần nhập tệp và mỗi lần xoá cụm, năm hoặc vòng bỏ phiếu, ứng dụng giữ một bản sao toàn bộ dữ liệu (tối đa 5 bản, không bao giờ quá 80% bộ nhớ).", "Before every import and every deletion of a cluster, year or ballot round, the app keeps a copy of the whole workspace (at most 5, never beyond 80% of storage).";
    NoSnapshotsYet => "Chưa có bản sao lưu nào.", "No snapshots yet.";
    SnapshotWhen => "Khi nào", "When";
    SnapshotWhy => "Lý do", "Why";
    SnapshotContent => "Nội dung", "Content";
    PressAgainRestore => "Bấm lần nữa để khôi phục", "Press again to restore";
    Restore => "Khôi phục", "Restore";
    Download => "Tải về", "Download";
    Delete => "Xoá", "Delete";
    SnapshotKeptBeforeImport => " Một bản sao lưu trước khi nhập đã được giữ lại.", " A snapshot from before the import was kept.";
    KeepMine => "Giữ bản trên máy", "Keep mine";
    TakeTheirs => "Lấy bản trong tệp", "Take theirs";
    KeepBoth => "Giữ cả hai", "Keep both";
    SnapshotBeforeImport => "Trước khi nhập tệp", "Before importing";
    SnapshotBeforeClusterDeleted => "Trước khi xoá cụm", "Before deleting a cluster";
    SnapshotBeforeYearDeleted => "Trước khi xoá năm", "Before deleting a year";
    SnapshotBeforeRoundDeleted => "Trước khi xoá vòng bỏ phiếu", "Before deleting a ballot round";
    SnapshotBeforeRestore => "Trước khi khôi phục bản sao lưu", "Before restoring a snapshot";
    SnapshotReasonUnreadable => "Không đọc được", "Unreadable";
    RestoredWithSnapshot => "Đã khôi phục. Dữ liệu trước khi khôi phục cũng đã được giữ thành một bản sao lưu.", "Restored. The data from before the restore was kept as a snapshot too.";
    Restored => "Đã khôi phục.", "Restored.";

    // Documents, and the results and scores files.
    Back => "Quay lại", "Back";
    DocumentPrintHint => "Văn bản in trên khổ A4 theo ngôn ngữ đang chọn. Bấm “In” rồi chọn máy in hoặc “Lưu dưới dạng PDF”.", "The document prints on A4 in the language chosen. Press “Print”, then a printer or “Save as PDF”.";
    Print => "In", "Print";
    SignatureFullName => "(Ký, ghi rõ họ tên)", "(Signature and full name)";
    FileNotDownloaded => "Không tải được tệp xuống (trình duyệt từ chối hoặc chưa có dữ liệu).", "The file could not be downloaded (the browser refused, or there is no data).";
    ResultsFileTooLarge => "Tệp lớn hơn 20 MB; không phải tệp kết quả.", "The file is over 20 MB; not a results file.";
    DocumentsResultsFile => "Văn bản và tệp kết quả", "Documents and results file";
    MeetingMinutesPrint => "Biên bản hội nghị (in A4)", "Minutes of the meeting (print on A4)";
    VoteMinutesPerRound => "Biên bản kiểm phiếu từng vòng: mở vòng đã kết thúc.", "Vote-count minutes of each round: open a closed round.";
    CurrentResultsFingerprint => "Mã kiểm tra kết quả hiện tại", "Current results fingerprint";
    DownloadResultsFile => "Tải tệp kết quả (.thidua.json)", "Download the results file (.thidua.json)";
    DownloadResultsCsv => "Tải CSV kết quả", "Download results CSV";
    CheckReceivedResultsFile => "Kiểm tra một tệp kết quả nhận được", "Check a results file you received";
    Fingerprint => "mã kiểm tra", "fingerprint";
    ChecksumMatches => "tổng kiểm SHA-256 khớp với nội dung tệp; hãy đối chiếu mã với biên bản đã ký.", "the SHA-256 matches the file's content; compare the fingerprint with the signed minutes.";
    ChecksumDiffers => "tổng kiểm SHA-256 KHÔNG khớp: nội dung tệp đã bị thay đổi.", "the SHA-256 does NOT match: the file's content was changed.";
    DocumentsFiles => "Văn bản và tệp", "Documents and files";
    ScoreTablePrint => "Bảng tổng hợp kết quả chấm điểm (in A4)", "Score table (print on A4)";
    AchievementsPrint => "Tóm tắt thành tích các đơn vị (in A4)", "Summary of the units' achievements (print on A4)";
    DownloadScoresCsv => "Tải CSV điểm", "Download scores CSV";
    FileNotRead => "Không đọc được tệp.", "The file could not be read.";

    // The meeting: details, voters, ballot rounds.
    YearEndMeeting => "Hội nghị tổng kết năm", "Year-end meeting";
    NoMeetingYet => "Năm này chưa có hội nghị bình xét. Tạo hội nghị để chuẩn bị các vòng bỏ phiếu.", "This year has no review meeting yet. Create it to prepare the ballot rounds.";
    CreateMeeting => "Tạo hội nghị", "Create the meeting";
    MeetingDetails => "Thông tin hội nghị", "Meeting details";
    CountingCommittee => "Ban kiểm phiếu (3–5 người)", "Counting committee (3–5 people)";
    PersonName => "Họ tên", "Name";
    Role => "Nhiệm vụ", "Role";
    ExcludeNominated => "Đơn vị đã được đề nghị ở vòng cao hơn không xét ở vòng thấp hơn", "A unit nominated in a higher round is not a candidate in lower ones";
    Voters => "Đại biểu có quyền bỏ phiếu", "Voters";
    OneVotePerMemberUnit => "Mỗi đơn vị thành viên một phiếu", "One vote per member unit";
    NamedDelegates => "Danh sách đại biểu có tên", "A list of named delegates";
    Delegate => "Họ tên đại biểu", "Delegate";
    Remove => "Xoá", "Remove";
    AddDelegate => "Thêm đại biểu", "Add a delegate";
    BallotRoundsInOrder => "Các vòng bỏ phiếu (theo thứ tự, danh hiệu cao trước)", "Ballot rounds (in order, highest award first)";
    NoBallotRoundsYet => "Chưa có vòng bỏ phiếu nào.", "No ballot rounds yet.";
    Award => "Danh hiệu", "Award";
    Quota => "Chỉ tiêu", "Quota";
    Threshold => "Ngưỡng", "Threshold";
    RoundStatus => "Trạng thái", "State";
    AddBallotRound => "Thêm vòng bỏ phiếu", "Add a ballot round";
    AwardField => "Danh hiệu, hình thức khen thưởng", "Award";
    QuotaKind => "Chỉ tiêu: cách tính", "Quota: kind";
    NumberOfUnits => "Số đơn vị", "Number of units";
    ShareOfMembers => "Tỷ lệ số thành viên (làm tròn xuống)", "Share of members (rounded down)";
    ApprovalThreshold => "Ngưỡng tỷ lệ phiếu đồng ý", "Approval threshold";
    Comparison => "So sánh", "Comparison";
    AtLeast => "≥ (từ … trở lên)", "≥ (at least)";
    MoreThan => "> (trên …)", "> (more than)";
    ShareOf => "Tính trên", "Share of";
    ValidBallots => "Số phiếu hợp lệ", "Valid ballots";
    BallotsCollected => "Số phiếu thu về", "Ballots collected";
    VotersPresent => "Số đại biểu có mặt", "Voters present";
    VotersEntitled => "Tổng số đại biểu có quyền bỏ phiếu", "Voters entitled";
    TieAtQuotaLine => "Khi bằng phiếu tại chỉ tiêu", "A tie at the quota line";
    Runoff => "Bầu lại", "Runoff";
    ClusterScoreRanking => "Theo điểm chấm của cụm", "Cluster score ranking";
    DrawingLots => "Bốc thăm", "Drawing lots";
    BlankBallotValid => "Phiếu không chọn đơn vị nào vẫn hợp lệ", "A ballot approving nobody is valid";
    SelfVoteAllowed => "Đại biểu được bầu cho đơn vị mình", "Delegates may approve their own unit";
    RehearsalRoundOption => "Vòng diễn tập (phiếu không được tính, xoá khi kết thúc)", "Rehearsal round (ballots never count; deleted when it ends)";
    CandidatesOnBallot => "Đơn vị trong danh sách bầu", "Candidates on the ballot";
    AddRound => "Thêm vòng", "Add round";
    MeetingDateInvalid => "Ngày họp không hợp lệ.", "The meeting date is not valid.";
    QuorumNotAFraction => "Tỷ lệ có mặt tối thiểu phải là phân số (2/3) hoặc phần trăm (50%).", "The quorum must be a fraction (2/3) or a percentage (50%).";
    QuotaNotANumber => "Chỉ tiêu phải là số đơn vị (ví dụ 4) hoặc tỷ lệ (1/2, 30%).", "The quota must be a number of units (e.g. 4) or a share (1/2, 30%).";
    ThresholdNotAFraction => "Ngưỡng phải là phân số (1/2, 2/3) hoặc phần trăm (50%, 70,5%).", "The threshold must be a fraction (1/2, 2/3) or a percentage (50%, 70.5%).";
    MeetingDate => "Ngày họp", "Date";
    MeetingTime => "Giờ", "Time";
    MeetingPlace => "Địa điểm", "Place";
    MeetingChair => "Chủ trì", "Chair";
    MeetingSecretary => "Thư ký", "Secretary";
    DirectingOfficer => "Thủ trưởng dự, chỉ đạo", "Directing officer";
    RoundNotOpened => "Chưa mở", "Not opened";
    RoundVoting => "Đang bỏ phiếu", "Voting";
    RoundClosed => "Đã kết thúc", "Closed";
    RoundOnPaper => "Đang nhập phiếu giấy", "Entering paper ballots";
    RehearsalBadge => "Diễn tập", "Rehearsal";

    // A ballot round: opening, the operator, the ballot, the hand-back.
    Meeting => "Hội nghị", "Meeting";
    VoteInAnotherTab => "Đang bỏ phiếu ở thẻ hoặc cửa sổ khác", "The vote is running in another tab or window";
    VoteInAnotherTabExplained => "Vòng bỏ phiếu này do một thẻ hoặc cửa sổ khác trên máy này điều hành. Ở đây không nhận phiếu và không sửa được gì; hãy dùng thẻ đang điều hành. Nếu thẻ đó đã đóng, sau khoảng 20 giây thẻ này sẽ điều hành được.", "This ballot round is run by another tab or window of this laptop. Here no ballot is taken and nothing can be changed; use the tab that runs it. If that tab was closed, this one can take over after about 20 seconds.";
    RoundNotFound => "Không tìm thấy vòng bỏ phiếu này", "This ballot round was not found";
    RehearsalBanner => "DIỄN TẬP — phiếu không được tính", "REHEARSAL — ballots never count";
    Candidates => "Danh sách bầu", "Candidates";
    OpenOnLaptop => "Mở vòng bỏ phiếu trên máy này", "Open the round on this laptop";
    OpenRoundExplained => "Khi mở vòng, danh sách đại biểu được chốt. Người điều hành đặt mã PIN để mở khoá máy sau mỗi lượt bầu; hãy ghi nhớ mã này.", "Opening the round freezes the roll. The operator sets a PIN that unlocks the laptop after each ballot; remember it.";
    NewOperatorPin => "Mã PIN của người điều hành (ít nhất 4 ký tự)", "Operator PIN (at least 4 characters)";
    OpenRound => "Mở vòng bỏ phiếu", "Open the round";
    RunningTheVote => "Điều hành bỏ phiếu", "Running the vote";
    Voted => "Đã bỏ phiếu", "Voted";
    Quorum => "Tỷ lệ có mặt tối thiểu", "Quorum";
    QuorumMet => "đủ", "met";
    QuorumNotMet => "chưa đủ", "not met";
    RollExplained => "Đánh dấu đại biểu có mặt trước lượt bầu đầu tiên. Bấm “Phát phiếu” rồi trao máy cho đại biểu; kết quả chỉ hiện khi kết thúc vòng.", "Tick who is present before the first ballot. Press “Give ballot” and hand the laptop to the delegate; results appear only when the round is closed.";
    Voter => "Đại biểu", "Voter";
    BallotColumn => "Bỏ phiếu", "Ballot";
    PresentCount => "Có mặt:", "Present:";
    HasVoted => "Đã bỏ phiếu", "Has voted";
    GiveBallot => "Phát phiếu", "Give ballot";
    CloseRound => "Kết thúc vòng", "Close the round";
    ConfirmCloseRound => "Kết thúc vòng bỏ phiếu? Sau khi kết thúc không thể bỏ thêm phiếu.", "Close the round? No more ballots can be cast afterwards.";
    CloseAndShowResults => "Kết thúc và xem kết quả", "Close and show the results";
    NotYetGoBack => "Chưa, quay lại", "Not yet, go back";
    CloseBallotRound => "Kết thúc vòng bỏ phiếu", "Close the round";
    NoBallot => "Không có phiếu.", "No ballot.";
    BallotHeading => "Phiếu bầu", "Ballot";
    CheckYourBallot => "Kiểm tra lại phiếu của bạn", "Check your ballot";
    NoUnitChosen => "Bạn không chọn đơn vị nào.", "You chose no unit.";
    BallotWillBeInvalid => "Phiếu này sẽ là phiếu không hợp lệ.", "This ballot will be invalid.";
    CastBallot => "Gửi phiếu", "Cast the ballot";
    GoBackAndChange => "Quay lại sửa", "Go back and change";
    ApproveAtMost => "Đánh dấu đồng ý với tối đa", "Approve at most";
    UnitsAtEnd => "đơn vị.", "units.";
    OwnUnitNoSelfVote => "(đơn vị của bạn — không tự bầu)", "(your unit — no self vote)";
    Chosen => "Đã chọn", "Chosen";
    ReviewBallot => "Xem lại phiếu", "Review the ballot";
    BallotRecorded => "Cảm ơn. Phiếu của bạn đã được ghi nhận.", "Thank you. Your ballot has been recorded.";
    HandLaptopBack => "Hãy trao lại máy cho người điều hành.", "Please hand the laptop back to the operator.";
    BallotInterrupted => "Trang đã tải lại khi đang bầu.", "The page was reloaded during a ballot.";
    InterruptedBallotOf => "Phiếu đang bầu của", "The ballot being filled by";
    InterruptedBallotDiscarded => "chưa được ghi và đã bị huỷ, không ai xem được. Người điều hành phát lại phiếu cho đại biểu này.", "was not recorded and has been discarded unseen. The operator gives this delegate a new ballot.";
    OperatorPin => "Mã PIN của người điều hành", "Operator PIN";
    Unlock => "Mở khoá", "Unlock";

    // Paper mode: start, hand totals, the two passes, the entry pad, the printed pages.
    BallotRound => "Vòng bỏ phiếu", "Ballot round";
    NotTakingPaper => "Vòng này không ở giai đoạn nhập phiếu giấy.", "This round is not taking paper ballots.";
    BackToRound => "Về vòng bỏ phiếu", "Back to the round";
    BallotNo => "Phiếu số", "Ballot no.";
    IssuedAfterNumber => "phiếu phát ra", "issued";
    EntryKeys => "Phím", "Keys";
    KeyMarkUnit => "đánh dấu / bỏ đánh dấu đơn vị", "mark / unmark a unit";
    KeySaveNext => "lưu phiếu, sang phiếu tiếp theo", "save, next ballot";
    KeySpoilt => "phiếu hỏng (không hợp lệ)", "spoilt paper (invalid)";
    KeyUndo => "xoá phiếu vừa lưu", "take back the last ballot";
    KeyClear => "xoá các dấu của phiếu đang nhập", "clear this ballot's marks";
    LastEntered => "Phiếu vừa nhập (lượt này)", "Last entered (this pass)";
    PrintBallotPapers => "In phiếu bầu", "Print ballot papers";
    PaperSize => "Khổ giấy", "Paper size";
    LayoutA5 => "A5, hai phiếu trên một tờ A4", "A5, two to an A4 sheet";
    PapersNumberingHint => "Sau khi thu phiếu, ban kiểm phiếu đánh số phiếu theo thứ tự thu về; số in sẵn trên phiếu chỉ để kiểm đếm số tờ phát ra.", "After collecting, the committee numbers the papers in the order collected; the printed number only accounts for the papers issued.";
    EntryLog => "Sổ nhập phiếu", "Entry log";
    EntryLogTitle => "SỔ NHẬP PHIẾU BẦU", "BALLOT ENTRY LOG";
    FiguresAreUnitNumbers => "Số trong bảng là số thứ tự của đơn vị trên phiếu:", "Figures are the units' numbers on the paper:";
    Present => "Có mặt", "Present";
    Issued => "Phiếu phát ra", "Issued";
    Pass1 => "Lượt 1", "Pass 1";
    Pass2 => "Lượt 2", "Pass 2";
    BothPasses => "Hai lượt", "Passes";
    CountedAs => "Được tính", "Counted as";
    PassesAgree => "khớp", "agree";
    PassesDiffer => "khác — ban kiểm phiếu đối chiếu phiếu giấy", "differ — settled by the committee from the paper";
    PaperBallotEntry => "Nhập phiếu giấy", "Paper ballot entry";
    Entitled => "Có quyền bỏ phiếu", "Entitled";
    CorrectRoll => "Sửa số có mặt và số phiếu phát ra", "Correct the present and issued counts";
    PassFinished => "đã kết thúc", "finished";
    PassInProgress => "đang nhập", "in progress";
    ContinuePass => "Nhập tiếp lượt này", "Continue this pass";
    PassesExplained => "Mỗi lượt chỉ hiện phiếu của chính lượt đó. Khi cả hai lượt kết thúc, các phiếu hai lượt đọc khác nhau được liệt kê để ban kiểm phiếu đối chiếu với phiếu giấy.", "Each pass shows only its own ballots. Once both passes are finished, the ballots they read differently are listed for the committee to check against the paper.";
    BackToVoteMode => "Trở lại chọn cách bỏ phiếu", "Back to choosing how to vote";
    TwoPassesAgree => "Hai lượt nhập khớp nhau", "The two passes agree";
    CloseRoundAndShowResults => "Kết thúc vòng và xem kết quả", "Close the round and show the results";
    EntryLogToPrint => "Sổ nhập phiếu (để in)", "Entry log (to print)";
    EndRehearsal => "Kết thúc diễn tập và xoá phiếu", "End the rehearsal and delete its ballots";
    DifferencesExplained => "Lấy phiếu giấy có số tương ứng trong xấp phiếu, cả ban kiểm phiếu cùng xem, rồi chọn cách đọc đúng — hoặc gõ cách đọc đúng nếu cả hai lượt đều sai. Số trong cột là số thứ tự của đơn vị trên phiếu.", "Take the paper with that number from the pile, look at it together, and choose the right reading — or type it if both passes are wrong. Figures are the units' numbers on the paper.";
    Pass1Read => "Lượt 1 đọc", "Pass 1 read";
    Pass2Read => "Lượt 2 đọc", "Pass 2 read";
    PaperShows => "Phiếu giấy ghi", "The paper shows";
    AsPass1 => "Như lượt 1", "As pass 1";
    AsPass2 => "Như lượt 2", "As pass 2";
    UseThisReading => "Ghi cách đọc này", "Use this reading";
    VoteOnPaper => "Bỏ phiếu bằng phiếu giấy", "Vote on paper ballots";
    PaperModeExplained => "In phiếu bầu có đánh số, phát cho đại biểu, thu về rồi đánh số phiếu theo thứ tự thu. Hai thành viên ban kiểm phiếu lần lượt nhập cả xấp phiếu, mỗi người một lượt, không xem lượt của người kia; ứng dụng chỉ ra các phiếu hai lượt đọc khác nhau.", "Print numbered ballot papers, hand them out, collect them and number them in the order collected. Two committee members each enter the whole pile, one pass each, without seeing the other's; the app lists the ballots the two passes read differently.";
    StartPaperEntry => "Bắt đầu nhập phiếu giấy", "Start entering paper ballots";
    EnterHandCount => "Nhập kết quả đã kiểm bằng tay", "Enter a count done by hand";
    HandCountExplained => "Khi ban kiểm phiếu đã đếm phiếu bằng tay, nhập các con số tổng hợp. Số liệu không khớp (phiếu thu về lớn hơn phiếu phát ra, hợp lệ + không hợp lệ khác số thu về, một đơn vị nhiều phiếu hơn số phiếu hợp lệ…) sẽ bị từ chối kèm lý do.", "When the committee counted by hand, type the totals. Counts that do not add up (more collected than issued, valid + invalid not equal to collected, a unit with more votes than valid ballots…) are refused with the reason.";
    Unit => "Đơn vị", "Unit";
    VotesCast => "Số phiếu bầu", "Votes";
    CheckAndRecordCount => "Kiểm tra và ghi nhận kết quả", "Check and record the count";
    NumberOfPapers => "Số tờ phiếu", "Number of papers";
    IssuedCount => "Phát ra", "Issued";
    BallotsIssued => "Số phiếu phát ra", "Ballots issued";
    Collected => "Thu về", "Collected";
    Valid => "Hợp lệ", "Valid";
    Invalid => "Không hợp lệ", "Invalid";
    NoSelfVoteRule => "Đại biểu không bầu cho đơn vị mình.", "Do not choose your own unit.";
    PaperNumber => "Số", "No.";
    BallotPaperTitle => "PHIẾU BẦU", "BALLOT PAPER";
    RunoffMark => " (bầu lại)", " (runoff)";
    RehearsalMark => " (DIỄN TẬP)", " (REHEARSAL)";

    // The results of a round.
    RehearsalResults => "Kết quả diễn tập — không được tính", "Rehearsal results — they do not count";
    CountResult => "Kết quả kiểm phiếu", "Result of the count";
    VoteMinutesPrint => "Biên bản kiểm phiếu (in A4)", "Vote-count minutes (print on A4)";
    CountsReconcile => "Các số liệu khớp nhau: phát ra ≥ thu về = hợp lệ + không hợp lệ; tổng phiếu đồng ý ≤ phiếu hợp lệ × chỉ tiêu.", "The counts reconcile: issued ≥ collected = valid + invalid; approvals ≤ valid × quota.";
    Rank => "Hạng", "Rank";
    Votes => "Số phiếu", "Votes";
    Share => "Tỷ lệ", "Share";
    OutcomeAndReason => "Kết quả và lý do", "Outcome and reason";
    Conclusion => "Kết luận", "Conclusion";
    OpenRunoff => "Mở vòng bầu lại của vòng này", "Open this round's runoff";
    CreateRunoff => "Tạo vòng bầu lại cho các chỉ tiêu còn lại", "Create a runoff for the places left";
    CountEntitled => "Đại biểu có quyền bỏ phiếu", "Voters entitled";
    CountIssued => "Phiếu phát ra", "Ballots issued";
    CountCollected => "Phiếu thu về", "Ballots collected";
    CountValid => "Phiếu hợp lệ", "Valid ballots";
    CountInvalid => "Phiếu không hợp lệ", "Invalid ballots";
    BoothCountSource => "Bỏ phiếu trên máy (phiếu kín).", "Voted on the laptop (secret ballot).";
    HandCountSource => "Ban kiểm phiếu kiểm bằng tay; số liệu tổng hợp được nhập và đối chiếu.", "Counted by hand by the committee; the totals were typed and reconciled.";
    NoneNominated => "Không có đơn vị nào được đề nghị ở vòng này.", "No unit is nominated in this round.";

    // Scores, achievements and the criteria table.
    EmulationScores => "Chấm điểm thi đua năm", "Emulation scores";
    ScoreTable => "Bảng tổng hợp kết quả chấm điểm", "Score table";
    ScoreTableExplained => "Xếp hạng theo điểm cụm chấm; bằng điểm thì đồng hạng. Tổng điểm tiêu chí tối đa:", "Ranked by the cluster's score; equal totals share a rank. Criteria total:";
    SelfScore => "Tự chấm", "Self score";
    ClusterScore => "Cụm chấm", "Cluster score";
    Difference => "Chênh lệch", "Difference";
    YearHasNoMembers => "Năm này chưa có đơn vị thành viên.", "This year has no members.";
    Item => "Tiêu chí", "Item";
    MaxPoints => "Tối đa", "Max";
    UnitScoresTitle => "Chấm điểm từng đơn vị", "Scores of each unit";
    ScoreEntryHint => "Gõ điểm (chấp nhận dấu phẩy thập phân, ví dụ 27,5). Tab, Enter hoặc mũi tên lên/xuống để chuyển ô; điểm được lưu khi rời ô.", "Type points (a decimal comma is fine, e.g. 27,5). Tab, Enter or the up/down arrows move between cells; a score is saved when you leave its cell.";
    AchievementsSummary => "Tóm tắt thành tích", "Summary of achievements";
    Metric => "Chỉ số", "Metric";
    Value => "Giá trị", "Value";
    Measure => "Đơn vị tính", "Measure";
    AddMetric => "Thêm chỉ số", "Add a metric";
    AchievementReport => "Báo cáo thành tích", "Achievement report";
    ReportFileExplained => "Đơn vị gửi báo cáo và điểm tự chấm cho cụm trưởng bằng tệp:", "A unit sends its report and self scores to the leader as a file:";
    CriteriaTable => "Bảng tiêu chí", "Criteria table";
    CriteriaTableExplained => "Năm mới sao chép bảng tiêu chí của năm trước; năm đầu tiên dùng bảng mẫu (100 điểm).", "A new year copies the previous year's table; a first year starts from the sample table (100 points).";
    ItemKind => "Loại", "Kind";
    ItemGroup => "Nhóm", "Group";
    Guidance => "Hướng dẫn chấm", "Guidance";
    AddItem => "Thêm tiêu chí", "Add an item";
    Criterion => "Tiêu chí", "Criterion";
    Bonus => "Điểm thưởng", "Bonus";
    Deduction => "Điểm trừ", "Deduction";
    ItemName => "Tên tiêu chí", "Name";
    Maximum => "Điểm tối đa", "Maximum";
    MaximumNotANumber => "Điểm tối đa phải là số không âm, tối đa hai chữ số thập phân (ví dụ 10 hoặc 2,5).", "The maximum must be a number with at most two decimals (e.g. 10 or 2.5).";
    ScoresCrumb => "Chấm điểm", "Scores";
    ScoreChartCaption => "Thanh trên: tự chấm; thanh dưới (xanh): cụm chấm", "Upper bar: self score; lower (green): cluster score";
    BonusPrefix => "Điểm thưởng: ", "Bonus: ";
    DeductionPrefix => "Điểm trừ: ", "Deduction: ";
    SelfScoreInline => "tự chấm", "self score";
    ClusterScoreInline => "cụm chấm", "cluster score";
}
