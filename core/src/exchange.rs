//! The persisted format: versioned records, their DTOs (serde's derives),
//! and the checked conversion from DTO to domain. The only code (with
//! `storage`) that knows JSON.

mod council_dto;
mod dto;
mod files;
mod kept;
mod meeting_dto;
mod record;
mod regulation_dto;
mod results;
mod seal;
mod shape;

pub use council_dto::{council_file, read_council_file, read_received_results, CouncilDto};
pub use dto::{ClusterDto, SettingsDto, UnitDto};
pub use files::{
    ascii_slug, cluster_data, cluster_file, file_name, file_text, read_file, unit_report_data,
    unit_report_file, workspace_data, workspace_file, workspace_from, ClusterData, FileError,
    FileKind, ReadFile, SnapshotDto, UnitReportData, WorkspaceData, MAX_FILE_BYTES,
};
pub use kept::{record_token, record_version, KeptChoiceDto, KeptChoices, KeptDto, MAX_KEPT};
pub use meeting_dto::{role_from_stored, stored_role, MeetingDto};
pub use record::{
    decode_record, decode_record_carefully, encode_record, migrate, record_label, RecordError,
    RecordLabel, CURRENT_VERSION,
};
pub use regulation_dto::{AwardRulesDto, RegulationDto, WhoVotesDto};
pub use results::{
    check_results_file, data_sha256, fingerprint, results_data, results_file, results_fingerprint,
    value_sha256, ResultsCheck, ResultsDto, ScoreRankDto, TallyInputsDto, UnitNameDto,
};
pub use seal::{sealed_meeting, sealed_rounds, vote_at_risk};
pub use shape::from_text;
