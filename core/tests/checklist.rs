//! Issue 18: the meeting's checklist before the vote, the counting
//! committee's roles stored as roles (and the old stored words read as
//! them), and the committee's signature block on the vote-count minutes.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{meeting_with_round, sample_meeting, unit, FLAG, M, R1, SAMPLE_M};
use thidua_core::documents::vote_count_minutes;
use thidua_core::domain::{
    CommitteeMember, CommitteeRole, Delegate, Fraction, HandTotals, Meeting, MeetingDetails,
    RoundDraft, RoundId, RoundRules, VoterId, Voters, Workspace,
};
use thidua_core::exchange::{
    decode_record, encode_record, role_from_stored, stored_role, MeetingDto,
};
use thidua_core::i18n::{committee_role, Lang};
use thidua_core::rules::checklist::{checklist_shown, meeting_checklist, Check, CheckItem};
use thidua_core::rules::rounds::{close_with_totals, open_round, record_printed_papers};

fn member(name: &str, role: CommitteeRole) -> CommitteeMember {
    CommitteeMember {
        name: name.into(),
        role,
    }
}

fn committee() -> Vec<CommitteeMember> {
    vec![
        member("Một", CommitteeRole::Head),
        member("Hai", CommitteeRole::Member),
        member("Ba", CommitteeRole::Member),
    ]
}

fn set_details(ws: &mut Workspace, details: MeetingDetails) {
    ws.update_meeting(M, details, Fraction::two_thirds(), true)
        .expect("details");
}

fn state(list: &[Check], item: CheckItem) -> Option<bool> {
    list.iter().find(|c| c.item == item).map(|c| c.ready)
}

fn checklist(ws: &Workspace) -> Vec<Check> {
    meeting_checklist(ws, M).expect("checklist")
}

#[test]
fn a_new_meeting_lists_what_is_missing() {
    let ws = meeting_with_round(4);
    let list = checklist(&ws);
    let items: Vec<(CheckItem, bool)> = list.iter().map(|c| (c.item, c.ready)).collect();
    assert_eq!(
        items,
        vec![
            (CheckItem::Chair, false),
            (CheckItem::Secretary, false),
            (CheckItem::Committee, false),
            // One vote per member unit, eight members.
            (CheckItem::Voters, true),
            (CheckItem::Rounds, true),
            (CheckItem::OperatorPin, false),
        ]
    );
    // The PIN is chosen on the opening form of the first draft round.
    let pin = list
        .iter()
        .find(|c| c.item == CheckItem::OperatorPin)
        .expect("pin item");
    assert_eq!(pin.round, Some(R1));
    assert!(checklist_shown(&ws, M));
}

#[test]
fn filled_details_make_the_checklist_ready() {
    let mut ws = meeting_with_round(4);
    set_details(
        &mut ws,
        MeetingDetails {
            chair: "Chủ trì".into(),
            secretary: "Thư ký".into(),
            committee: committee(),
            ..Default::default()
        },
    );
    let list = checklist(&ws);
    assert_eq!(state(&list, CheckItem::Chair), Some(true));
    assert_eq!(state(&list, CheckItem::Secretary), Some(true));
    assert_eq!(state(&list, CheckItem::Committee), Some(true));
    assert_eq!(state(&list, CheckItem::OperatorPin), Some(false));
    open_round(&mut ws, M, R1, "2468").expect("open");
    let list = checklist(&ws);
    assert!(list.iter().all(|c| c.ready), "{list:?}");
    assert!(checklist_shown(&ws, M), "shown until the vote is over");
}

#[test]
fn a_committee_without_a_head_is_missing() {
    let mut ws = meeting_with_round(4);
    let mut no_head = committee();
    no_head[0].role = CommitteeRole::Other("Thư ký ban".into());
    set_details(
        &mut ws,
        MeetingDetails {
            committee: no_head,
            ..Default::default()
        },
    );
    assert_eq!(state(&checklist(&ws), CheckItem::Committee), Some(false));
}

#[test]
fn named_delegates_must_cover_every_member_unit() {
    let mut ws = meeting_with_round(4);
    let delegate = |idx: usize| Delegate {
        id: VoterId(900 + idx as u64),
        name: format!("Đại biểu {idx}"),
        unit: unit(idx),
    };
    ws.set_voters(M, Voters::Delegates((0..7).map(delegate).collect()))
        .expect("seven delegates");
    assert_eq!(state(&checklist(&ws), CheckItem::Voters), Some(false));
    ws.set_voters(M, Voters::Delegates((0..8).map(delegate).collect()))
        .expect("eight delegates");
    assert_eq!(state(&checklist(&ws), CheckItem::Voters), Some(true));
}

#[test]
fn a_meeting_without_rounds_misses_them() {
    let mut ws = meeting_with_round(4);
    ws.delete_round(M, R1).expect("delete");
    let list = checklist(&ws);
    assert_eq!(state(&list, CheckItem::Rounds), Some(false));
    // A rehearsal is not a round of the vote.
    ws.add_round(
        M,
        RoundId(70),
        RoundDraft {
            award: "Diễn tập".into(),
            rules: RoundRules::default(),
            candidates: (0..8).map(unit).collect(),
            rehearsal: true,
        },
    )
    .expect("rehearsal");
    open_round(&mut ws, M, RoundId(70), "2468").expect("open rehearsal");
    let list = checklist(&ws);
    assert_eq!(state(&list, CheckItem::Rounds), Some(false));
    assert_eq!(state(&list, CheckItem::OperatorPin), Some(false));
}

#[test]
fn paper_rounds_ask_for_printed_papers_not_a_pin() {
    let mut ws = meeting_with_round(4);
    record_printed_papers(&mut ws, M, R1).expect("printed");
    let list = checklist(&ws);
    assert_eq!(state(&list, CheckItem::PapersPrinted), Some(true));
    assert_eq!(state(&list, CheckItem::OperatorPin), None);
}

#[test]
fn papers_printed_for_other_candidates_are_missing() {
    let mut ws = meeting_with_round(2);
    let r2 = RoundId(62);
    let draft = RoundDraft {
        award: "Bằng khen".into(),
        rules: RoundRules::default(),
        candidates: (0..8).map(unit).collect(),
        rehearsal: false,
    };
    ws.add_round(M, r2, draft).expect("round 2");
    // Papers of round 2 printed while round 1 is still a draft.
    record_printed_papers(&mut ws, M, r2).expect("printed");
    let list = checklist(&ws);
    assert_eq!(state(&list, CheckItem::PapersPrinted), Some(true));
    // Round 1 (booth) still needs its PIN.
    assert_eq!(state(&list, CheckItem::OperatorPin), Some(false));
    // Round 1 counted by hand nominates two units: round 2's papers list
    // units that no longer stand.
    let hand = HandTotals {
        collected: 8,
        valid: 8,
        invalid: 0,
        votes: [(unit(0), 8), (unit(1), 7)].into_iter().collect(),
    };
    close_with_totals(&mut ws, M, R1, 8, 8, hand).expect("hand count");
    let list = checklist(&ws);
    let papers = list
        .iter()
        .find(|c| c.item == CheckItem::PapersPrinted)
        .expect("papers item");
    assert!(!papers.ready);
    assert_eq!(papers.round, Some(r2));
    // Every round is on paper now: no PIN to choose.
    assert_eq!(state(&list, CheckItem::OperatorPin), None);
    record_printed_papers(&mut ws, M, r2).expect("printed again");
    assert_eq!(state(&checklist(&ws), CheckItem::PapersPrinted), Some(true));
}

#[test]
fn the_checklist_goes_once_every_round_is_closed() {
    let (ws, _) = sample_meeting();
    assert!(!checklist_shown(&ws, SAMPLE_M));
}

#[test]
fn stored_role_words_are_the_roles_and_other_text_stays_as_typed() {
    assert_eq!(role_from_stored("Trưởng ban".into()), CommitteeRole::Head);
    assert_eq!(role_from_stored("Ủy viên".into()), CommitteeRole::Member);
    // Only the exact stored words: anything else is kept byte for byte.
    for text in ["Head", "Uỷ viên", "trưởng ban", "Thư ký ban kiểm phiếu"] {
        let role = role_from_stored(text.into());
        assert_eq!(role, CommitteeRole::Other(text.into()));
        assert_eq!(stored_role(&role), text);
    }
    assert_eq!(stored_role(&CommitteeRole::Head), "Trưởng ban");
    assert_eq!(stored_role(&CommitteeRole::Member), "Ủy viên");
}

#[test]
fn an_old_record_reads_its_roles_and_is_written_back_the_same() {
    let (ws, _) = sample_meeting();
    let text = encode_record(&MeetingDto::from(ws.meeting(SAMPLE_M).expect("m"))).expect("write");
    assert!(text.contains(r#""role":"Trưởng ban""#), "{text}");
    assert!(text.contains(r#""role":"Ủy viên""#), "{text}");
    let read =
        Meeting::try_from(decode_record::<MeetingDto>(&text).expect("decode")).expect("valid");
    let roles: Vec<CommitteeRole> = read
        .details
        .committee
        .iter()
        .map(|m| m.role.clone())
        .collect();
    assert_eq!(
        roles,
        vec![
            CommitteeRole::Head,
            CommitteeRole::Member,
            CommitteeRole::Member
        ]
    );
    assert_eq!(
        encode_record(&MeetingDto::from(&read)).expect("rewrite"),
        text
    );
}

#[test]
fn roles_are_worded_in_each_language() {
    assert_eq!(committee_role(Lang::Vi, &CommitteeRole::Head), "Trưởng ban");
    assert_eq!(committee_role(Lang::Vi, &CommitteeRole::Member), "Ủy viên");
    assert_eq!(committee_role(Lang::En, &CommitteeRole::Head), "Head");
    assert_eq!(committee_role(Lang::En, &CommitteeRole::Member), "Member");
    let other = CommitteeRole::Other("Giám sát".into());
    assert_eq!(committee_role(Lang::En, &other), "Giám sát");
    assert_eq!(CommitteeRole::default_at(0), CommitteeRole::Head);
    assert_eq!(CommitteeRole::default_at(3), CommitteeRole::Member);
    assert_eq!(CommitteeRole::other("  "), CommitteeRole::Member);
}

#[test]
fn english_minutes_sign_with_english_roles() {
    let (ws, _) = sample_meeting();
    let doc = vote_count_minutes(&ws, SAMPLE_M, FLAG, Lang::En).expect("minutes");
    let titles: Vec<(String, String)> = doc
        .signatures
        .iter()
        .map(|s| (s.title.clone(), s.name.clone()))
        .collect();
    assert_eq!(
        titles[..3],
        [
            (
                "HEAD OF THE COUNTING COMMITTEE".to_owned(),
                "Trung tá Lê Minh".to_owned()
            ),
            ("MEMBER".to_owned(), "Thiếu tá Phạm An".to_owned()),
            ("MEMBER".to_owned(), "Đại úy Trần Bình".to_owned()),
        ]
    );
    let text = doc.to_string();
    assert!(
        !text.contains("Ủy viên") && !text.contains("ỦY VIÊN"),
        "{text}"
    );
    assert!(text.contains("Trung tá Lê Minh — Head"), "{text}");
}

#[test]
fn the_head_signs_first_wherever_listed() {
    let (mut ws, _) = sample_meeting();
    let mut details = ws.meeting(SAMPLE_M).expect("m").details.clone();
    details.committee = vec![
        member("Ủy viên A", CommitteeRole::Member),
        member("Trưởng ban B", CommitteeRole::Head),
        member("Giám sát C", CommitteeRole::Other("Giám sát".into())),
    ];
    ws.update_meeting(SAMPLE_M, details, Fraction::two_thirds(), true)
        .expect("details");
    let doc = vote_count_minutes(&ws, SAMPLE_M, FLAG, Lang::Vi).expect("minutes");
    let titles: Vec<(&str, &str)> = doc
        .signatures
        .iter()
        .map(|s| (s.title.as_str(), s.name.as_str()))
        .collect();
    assert_eq!(
        titles,
        vec![
            ("TRƯỞNG BAN KIỂM PHIẾU", "Trưởng ban B"),
            ("ỦY VIÊN", "Ủy viên A"),
            ("GIÁM SÁT", "Giám sát C"),
            ("THƯ KÝ", "Thiếu tá Nguyễn Thu Hà"),
            ("CHỦ TRÌ HỘI NGHỊ", "Đại tá Vũ Văn Khương"),
        ]
    );
}

/// The hand-over's place is a field of its own (issue 18): stored only when
/// set, so a hand-over without one is written as before, and printed in
/// the meeting minutes.
#[test]
fn the_handover_place_is_stored_only_when_set_and_printed() {
    use thidua_core::documents::meeting_minutes;
    use thidua_core::domain::Handover;
    use thidua_core::exchange::ClusterDto;
    let (mut ws, cluster) = sample_meeting();
    let year = ws.year_of(SAMPLE_M).expect("year").year;
    let before = ws
        .cluster(cluster)
        .and_then(|c| c.year(year))
        .and_then(|y| y.handover.clone())
        .expect("the sample's hand-over");
    assert_eq!(before.place, "");
    let stored = |ws: &Workspace| {
        encode_record(&ClusterDto::from(ws.cluster(cluster).expect("cluster"))).expect("write")
    };
    let without = stored(&ws);
    assert!(!without.contains(r#""place""#), "{without}");
    ws.set_handover(
        cluster,
        year,
        Some(Handover {
            place: " Hội trường Bộ Tư lệnh ".into(),
            ..before.clone()
        }),
    )
    .expect("place set");
    let with = stored(&ws);
    assert!(
        with.contains(r#""place":"Hội trường Bộ Tư lệnh""#),
        "{with}"
    );
    let read: thidua_core::domain::Cluster =
        ClusterDto::try_into(decode_record::<ClusterDto>(&with).expect("decode")).expect("valid");
    let handover = read.year(year).and_then(|y| y.handover.clone()).expect("h");
    assert_eq!(handover.place, "Hội trường Bộ Tư lệnh");
    let vi = meeting_minutes(&ws, SAMPLE_M, Lang::Vi)
        .expect("minutes")
        .to_string();
    assert!(
        vi.contains("ngày 03 tháng 10 năm 2024, tại Hội trường Bộ Tư lệnh."),
        "{vi}"
    );
    let en = meeting_minutes(&ws, SAMPLE_M, Lang::En)
        .expect("minutes")
        .to_string();
    assert!(
        en.contains("on 3 October 2024, in Hội trường Bộ Tư lệnh."),
        "{en}"
    );
    // Taken off again: the record is byte for byte what it was.
    ws.set_handover(cluster, year, Some(before))
        .expect("no place");
    assert_eq!(stored(&ws), without);
}
