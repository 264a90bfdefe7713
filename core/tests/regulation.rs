//! The cluster's regulation (issue 18): checked like other edits, stored
//! with the cluster only when set, the defaults of a new round and meeting,
//! and a meeting started from the previous year's.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{cluster_with, meeting_with_round, unit, year_draft, C, M};
use thidua_core::domain::{
    AwardRules, BlankBallot, CommitteeMember, CommitteeRole, Comparison, Delegate, DomainError,
    Fraction, MeetingDetails, MeetingId, Quota, Regulation, RoundDraft, RoundKind, RoundRules,
    RoundState, RuleSetting, ShareBase, Threshold, TieBreak, VoterId, Voters, WhoVotes, Workspace,
};
use thidua_core::exchange::{decode_record, encode_record, ClusterDto, RecordError};
use thidua_core::i18n::{describe_domain_error, Lang};

const FLAG: &str = "Cờ thi đua Bộ Quốc phòng";

fn flag_rules() -> RoundRules {
    RoundRules {
        quota: Quota::Fixed(2),
        threshold: Threshold {
            share: Fraction::two_thirds(),
            comparison: Comparison::MoreThan,
        },
        base: ShareBase::Present,
        blank: BlankBallot::Valid,
        self_vote_allowed: false,
        tie_break: TieBreak::ClusterScore,
        lots_seed: 0,
    }
}

fn regulation() -> Regulation {
    Regulation {
        quorum: Fraction::new(3, 4).expect("3/4"),
        who_votes: WhoVotes::NamedDelegates,
        awards: vec![AwardRules {
            award: FLAG.into(),
            rules: flag_rules(),
        }],
    }
}

fn cluster_record(ws: &Workspace) -> String {
    encode_record(&ClusterDto::from(ws.cluster(C).expect("cluster"))).expect("encode")
}

#[test]
fn an_invalid_regulation_is_refused_in_words_and_nothing_changes() {
    let mut ws = cluster_with(&["A", "B", "C"]);
    let twice = Regulation {
        awards: vec![
            AwardRules {
                award: FLAG.into(),
                rules: flag_rules(),
            },
            AwardRules {
                award: "  cờ thi đua  bộ quốc phòng ".into(),
                rules: RoundRules::default(),
            },
        ],
        ..regulation()
    };
    let refused = ws.set_regulation(C, twice);
    assert!(matches!(
        refused,
        Err(DomainError::AwardInRegulationTwice(_))
    ));
    let unnamed = Regulation {
        awards: vec![AwardRules {
            award: "   ".into(),
            rules: flag_rules(),
        }],
        ..regulation()
    };
    assert_eq!(ws.set_regulation(C, unnamed), Err(DomainError::EmptyAward));
    let no_place = Regulation {
        awards: vec![AwardRules {
            award: FLAG.into(),
            rules: RoundRules {
                quota: Quota::Fixed(0),
                ..flag_rules()
            },
        }],
        ..regulation()
    };
    assert_eq!(ws.set_regulation(C, no_place), Err(DomainError::QuotaZero));
    assert_eq!(
        ws.cluster(C).expect("cluster").regulation(),
        &Regulation::default()
    );
    // Worded in both languages, naming the award.
    let error = DomainError::AwardInRegulationTwice(FLAG.into());
    for lang in [Lang::Vi, Lang::En] {
        assert!(describe_domain_error(lang, &error, &ws).contains(FLAG));
    }
    assert!(describe_domain_error(Lang::Vi, &error, &ws).contains("quy chế"));
    assert!(describe_domain_error(Lang::En, &error, &ws).contains("regulation"));
}

#[test]
fn a_kept_regulation_has_clean_names_and_no_lots_seed() {
    let mut ws = cluster_with(&["A"]);
    let mut loose = regulation();
    loose.awards[0].award = format!("  {FLAG}  ");
    loose.awards[0].rules.lots_seed = 99;
    ws.set_regulation(C, loose).expect("valid");
    let kept = ws.cluster(C).expect("cluster").regulation();
    assert_eq!(kept, &regulation());
}

#[test]
fn a_new_round_takes_the_regulations_rules_for_its_award() {
    let mut ws = cluster_with(&["A"]);
    ws.set_regulation(C, regulation()).expect("valid");
    let kept = ws.cluster(C).expect("cluster").regulation();
    // The award as typed with other case and spaces is the same award.
    assert_eq!(kept.rules_for("cờ thi đua  BỘ QUỐC PHÒNG"), flag_rules());
    // An award the regulation does not list: the built-in defaults.
    assert_eq!(kept.rules_for("Đơn vị Quyết thắng"), RoundRules::default());
    assert_eq!(kept.rules_for(""), RoundRules::default());
    // What the form shows as changed: only the settings that differ; the
    // lots seed is not one.
    let chosen = RoundRules {
        quota: Quota::Fixed(3),
        tie_break: TieBreak::Runoff,
        lots_seed: 12345,
        ..flag_rules()
    };
    assert_eq!(
        RuleSetting::differing(&flag_rules(), &chosen),
        vec![RuleSetting::Quota, RuleSetting::TieBreak]
    );
    assert!(RuleSetting::differing(
        &flag_rules(),
        &RoundRules {
            lots_seed: 7,
            ..flag_rules()
        }
    )
    .is_empty());
}

#[test]
fn a_new_meeting_takes_the_quorum_and_who_votes_from_the_regulation() {
    let mut ws = cluster_with(&["A", "B", "C"]);
    ws.add_year(C, 2024, year_draft(&[0, 1, 2], None, None))
        .expect("year");
    ws.set_regulation(C, regulation()).expect("valid");
    ws.add_meeting(M, C, 2024).expect("meeting");
    let meeting = ws.meeting(M).expect("meeting");
    assert_eq!(meeting.quorum, Fraction::new(3, 4).expect("3/4"));
    assert_eq!(meeting.voters, Voters::Delegates(Vec::new()));
}

#[test]
fn the_regulation_travels_with_the_cluster_record_and_reads_back_the_same() {
    let mut ws = cluster_with(&["A", "B"]);
    ws.set_regulation(C, regulation()).expect("valid");
    let text = cluster_record(&ws);
    assert!(text.contains("\"regulation\""), "{text}");
    assert!(text.contains("named_delegates"), "{text}");
    let dto: ClusterDto = decode_record(&text).expect("decode");
    let back = thidua_core::domain::Cluster::try_from(dto).expect("valid");
    assert_eq!(back.regulation(), &regulation());
    assert_eq!(&back, ws.cluster(C).expect("cluster"));
    // And writes the same bytes again.
    assert_eq!(
        encode_record(&ClusterDto::from(&back)).expect("encode"),
        text
    );
}

#[test]
fn an_old_record_without_a_regulation_reads_as_the_default_and_writes_the_same_bytes() {
    let ws = cluster_with(&["A", "B"]);
    let text = cluster_record(&ws);
    assert!(!text.contains("regulation"), "{text}");
    let dto: ClusterDto = decode_record(&text).expect("decode");
    assert_eq!(dto.regulation, None);
    let cluster = thidua_core::domain::Cluster::try_from(dto).expect("valid");
    assert_eq!(cluster.regulation(), &Regulation::default());
    assert_eq!(
        encode_record(&ClusterDto::from(&cluster)).expect("encode"),
        text
    );
    // Set back to the default, the regulation is written as never set.
    let mut ws = ws;
    ws.set_regulation(C, regulation()).expect("valid");
    ws.set_regulation(C, Regulation::default()).expect("valid");
    assert_eq!(cluster_record(&ws), text);
}

#[test]
fn a_stored_regulation_listing_an_award_twice_is_refused_with_its_place() {
    let mut ws = cluster_with(&["A"]);
    ws.set_regulation(C, regulation()).expect("valid");
    let text = cluster_record(&ws);
    let mut value: serde_json::Value = serde_json::from_str(&text).expect("json");
    let award = value["data"]["regulation"]["awards"][0].clone();
    value["data"]["regulation"]["awards"]
        .as_array_mut()
        .expect("awards")
        .push(award);
    let dto: ClusterDto = decode_record(&value.to_string()).expect("shape");
    match thidua_core::domain::Cluster::try_from(dto) {
        Err(RecordError::Invalid { path, .. }) => assert_eq!(path, "data.regulation.awards"),
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn a_meeting_starts_from_the_previous_years_with_rounds_rules_and_committee() {
    let mut ws = meeting_with_round(2);
    let committee: Vec<CommitteeMember> = [
        CommitteeRole::Head,
        CommitteeRole::Member,
        CommitteeRole::Member,
    ]
    .into_iter()
    .enumerate()
    .map(|(idx, role)| CommitteeMember {
        name: format!("Người {idx}"),
        role,
    })
    .collect();
    let details = MeetingDetails {
        place: "Hội trường".into(),
        time: "08:00".into(),
        chair: "Chủ trì".into(),
        secretary: "Thư ký".into(),
        committee: committee.clone(),
        date: "2024-12-01".parse().ok(),
        ..MeetingDetails::default()
    };
    ws.update_meeting(M, details, Fraction::new(3, 5).expect("3/5"), false)
        .expect("details");
    ws.set_voters(
        M,
        Voters::Delegates(vec![
            Delegate {
                id: VoterId(900),
                name: "Đại biểu A".into(),
                unit: unit(0),
            },
            Delegate {
                id: VoterId(901),
                name: "Đại biểu H".into(),
                unit: unit(7),
            },
        ]),
    )
    .expect("voters");
    let rules = RoundRules {
        quota: Quota::Fixed(1),
        tie_break: TieBreak::Lots,
        ..RoundRules::default()
    };
    let second = RoundDraft {
        award: "Bằng khen".into(),
        rules,
        candidates: vec![unit(1), unit(7)],
        rehearsal: false,
    };
    ws.add_round(M, thidua_core::domain::RoundId(63), second)
        .expect("second round");
    let practice = RoundDraft {
        award: "Thử".into(),
        rules: RoundRules::default(),
        candidates: vec![unit(0)],
        rehearsal: true,
    };
    ws.add_round(M, thidua_core::domain::RoundId(64), practice)
        .expect("rehearsal");
    // 2025: unit H (7) is no longer a member.
    ws.add_year(C, 2025, year_draft(&[0, 1, 2, 3, 4, 5, 6], None, None))
        .expect("2025");
    let mut ids = 5000u64..;
    let next = MeetingId(77);
    ws.add_meeting_from_earlier(next, C, 2025, &mut || ids.next().unwrap_or(0))
        .expect("from 2024");
    let old = ws.meeting(M).expect("2024").clone();
    let new = ws.meeting(next).expect("2025");
    assert_eq!(new.year, 2025);
    assert_eq!(new.details.date, None);
    assert_eq!(new.details.place, "Hội trường");
    assert_eq!(new.details.chair, "Chủ trì");
    assert_eq!(new.details.committee, committee);
    assert_eq!(new.quorum, old.quorum);
    assert!(!new.exclusion);
    // The delegate of a unit no longer a member is not carried over.
    match &new.voters {
        Voters::Delegates(list) => {
            assert_eq!(list.len(), 1);
            assert_eq!(list[0].name, "Đại biểu A");
        }
        other => panic!("expected delegates, got {other:?}"),
    }
    // The two regular rounds, as drafts, with their rules and fresh seeds;
    // not the rehearsal.
    let rounds = new.rounds();
    assert_eq!(rounds.len(), 2);
    for (new_round, old_round) in rounds.iter().zip(old.rounds()) {
        assert_eq!(new_round.award, old_round.award);
        assert_eq!(new_round.state, RoundState::Draft);
        assert_eq!(new_round.kind, RoundKind::Regular);
        assert_eq!(
            RoundRules {
                lots_seed: 0,
                ..new_round.rules
            },
            RoundRules {
                lots_seed: 0,
                ..old_round.rules
            }
        );
        assert!(new_round.rules.lots_seed >= 5000);
        assert!(new_round.id != old_round.id);
    }
    // Candidates still members: all but H in the first, B alone in the second.
    assert_eq!(
        rounds[0].candidates(),
        &(0..7).map(unit).collect::<Vec<_>>()
    );
    assert_eq!(rounds[1].candidates(), &[unit(1)]);
    // The earlier meeting is untouched and the new one is editable.
    assert_eq!(ws.meeting(M).expect("2024"), &old);
    let mut renamed = ws.meeting(next).expect("2025").details.clone();
    renamed.chair = "Chủ trì mới".into();
    ws.update_meeting(next, renamed, Fraction::two_thirds(), true)
        .expect("editable");
    assert_eq!(ws.meeting(next).expect("2025").details.chair, "Chủ trì mới");
    assert_eq!(
        ws.meeting(M).expect("2024").details.chair,
        "Chủ trì",
        "the earlier meeting keeps its own names"
    );
}

#[test]
fn a_meeting_from_an_earlier_year_is_refused_without_one_and_changes_nothing() {
    let mut ws = meeting_with_round(2);
    let before = ws.clone();
    let mut ids = 5000u64..;
    // 2024 already has its meeting.
    assert_eq!(
        ws.add_meeting_from_earlier(MeetingId(77), C, 2024, &mut || ids.next().unwrap_or(0)),
        Err(DomainError::MeetingExists)
    );
    // 2023 has no earlier meeting.
    ws.add_year(C, 2023, year_draft(&[0, 1], None, None))
        .expect("2023");
    let with_2023 = ws.clone();
    assert_eq!(
        ws.add_meeting_from_earlier(MeetingId(77), C, 2023, &mut || ids.next().unwrap_or(0)),
        Err(DomainError::NoEarlierMeeting)
    );
    assert_eq!(ws, with_2023);
    assert_eq!(before.meeting(M), ws.meeting(M));
    for lang in [Lang::Vi, Lang::En] {
        assert!(!describe_domain_error(lang, &DomainError::NoEarlierMeeting, &ws).is_empty());
    }
}

#[test]
fn the_meeting_minutes_cite_the_regulation() {
    let mut ws = meeting_with_round(2);
    ws.set_regulation(C, regulation()).expect("valid");
    for (lang, words) in [
        (
            Lang::Vi,
            [
                "Theo quy chế của cụm",
                "3/4",
                "Cờ thi đua Bộ Quốc phòng: chỉ tiêu 2 đơn vị",
                "> 2/3",
                "số đại biểu có mặt",
            ],
        ),
        (
            Lang::En,
            [
                "Under the cluster's regulation",
                "3/4",
                "Cờ thi đua Bộ Quốc phòng: quota 2 units",
                "> 2/3",
                "voters present",
            ],
        ),
    ] {
        let text = thidua_core::documents::meeting_minutes(&ws, M, lang)
            .expect("minutes")
            .to_string();
        for word in words {
            assert!(text.contains(word), "{lang:?} lacks {word:?}:\n{text}");
        }
    }
}

#[test]
fn the_regulation_travels_in_workspace_and_cluster_files() {
    use thidua_core::exchange::{cluster_file, read_file, workspace_file, FileKind};
    let mut ws = meeting_with_round(2);
    ws.set_regulation(C, regulation()).expect("valid");
    let at = "2024-12-01T08:00:00Z";
    for file in [
        workspace_file(&ws, at).expect("workspace file"),
        cluster_file(&ws, C, at).expect("cluster file"),
    ] {
        let read = read_file(&file, &FileKind::ALL).expect("reads back");
        let cluster = read
            .bundle
            .clusters
            .iter()
            .find(|c| c.id == C)
            .expect("the cluster");
        assert_eq!(cluster.regulation(), &regulation());
    }
}

#[test]
fn an_import_preview_shows_a_set_regulation_and_nothing_for_the_default() {
    use thidua_core::domain::merge::Part;
    use thidua_core::i18n::describe_part;
    let mut ws = cluster_with(&["A", "B"]);
    let label = |ws: &Workspace, lang| {
        let part = Part::Cluster(ws.cluster(C).expect("cluster").clone());
        describe_part(lang, ws, &part)
            .into_iter()
            .find(|(label, _)| label == "Quy chế bỏ phiếu" || label == "Voting regulation")
    };
    assert_eq!(label(&ws, Lang::Vi), None);
    ws.set_regulation(C, regulation()).expect("valid");
    let (_, vi) = label(&ws, Lang::Vi).expect("shown in Vietnamese");
    assert!(vi.contains("3/4") && vi.contains(FLAG), "{vi}");
    let (_, en) = label(&ws, Lang::En).expect("shown in English");
    assert!(en.starts_with("Under the cluster's regulation"), "{en}");
}
