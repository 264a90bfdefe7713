//! The persisted format: versioned records, their DTOs, and the checked
//! conversion from DTO to domain. The only code (with `storage`) that
//! knows JSON.

mod dto;
mod meeting_dto;
mod record;
mod results;

pub use dto::{ClusterDto, SettingsDto, UnitDto};
pub use meeting_dto::MeetingDto;
pub use record::{decode_record, encode_record, RecordError, CURRENT_VERSION};
pub use results::{
    canonical_json, check_results_file, data_sha256, fingerprint, results_data, results_file,
    results_fingerprint, ResultsCheck, ResultsDto, UnitNameDto,
};
