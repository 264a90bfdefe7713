//! The higher council (issue 17): results files received, checked against
//! the paper fingerprint, consolidated with the flags a council must see,
//! the summary and CSV, and the council's own vote.
// Native only: the snapshots use insta, which is not built for wasm.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{sample_meeting, SAMPLE_M};
use serde_json::Value;
use thidua_core::documents::{council_csv, council_summary};
use thidua_core::domain::{
    AwardLimit, Council, CouncilDraft, CouncilId, DomainError, Fraction, PaperCheck, Receipt,
    RoundState, Standing, Voters, Workspace,
};
use thidua_core::exchange::{
    read_received_results, results_file, results_fingerprint, value_sha256, CouncilDto, FileError,
};
use thidua_core::i18n::Lang;
use thidua_core::rules::council::{
    consolidate, create_council_vote, file_outcomes, update_council_voters, Flag, RoundProblem,
    VotersUpdate,
};
use thidua_core::rules::rounds::results;
use thidua_core::sample::{council_sample_files, COUNCIL_SAMPLE_AWARD};

const AT: &str = "2024-10-20T08:00:00Z";

fn council() -> Council {
    Council::new(
        CouncilId(9),
        CouncilDraft {
            name: "Bộ Tư lệnh Bộ đội Biên phòng".into(),
            year: 2024,
            expected: vec![],
            limits: vec![],
            members: vec![
                "Trung tướng A".into(),
                "Thiếu tướng B".into(),
                "Đại tá C".into(),
            ],
        },
    )
    .expect("council")
}

fn files(n: usize, duplicate: bool) -> Vec<(String, String)> {
    council_sample_files(n, duplicate, AT).expect("generated clusters")
}

fn received(text: &str) -> thidua_core::domain::ReceivedFile {
    read_received_results(text, AT).expect("a good results file")
}

/// `text` with its `data` changed by `edit` and its checksum recomputed,
/// as someone editing the file by hand would.
fn edited(text: &str, edit: impl FnOnce(&mut Value)) -> String {
    let mut file: Value = serde_json::from_str(text).expect("json");
    edit(&mut file["data"]);
    let sha = value_sha256(&file["data"]);
    file["sha256"] = Value::String(sha);
    file.to_string()
}

#[test]
fn the_sample_clusters_file_consolidates_to_its_own_results() {
    let (ws, _) = sample_meeting();
    let text = results_file(&ws, SAMPLE_M, AT).expect("file");
    let file = received(&text);
    let meeting = ws.meeting(SAMPLE_M).expect("meeting");
    let own = results(meeting, ws.year_of(SAMPLE_M).expect("year"));
    let theirs = file_outcomes(&file);
    assert_eq!(own.len(), theirs.len());
    for ((_, totals, result), outcome) in own.iter().zip(&theirs) {
        assert_eq!(&outcome.totals, totals);
        assert_eq!(outcome.result.as_ref().expect("reconciles"), result);
    }
    let mut c = council();
    assert_eq!(c.receive(file), Ok(Receipt::New));
    let table = consolidate(&c);
    let nominated: Vec<_> = table.rows().map(|r| r.unit).collect();
    let expected: Vec<_> = own
        .iter()
        .flat_map(|(_, _, r)| r.nominated.clone())
        .collect();
    assert_eq!(nominated, expected);
    // The fingerprint the minutes print is the one the council checks.
    let printed = results_fingerprint(&ws, SAMPLE_M).expect("fingerprint");
    assert_eq!(
        c.confirm_paper(&c.received()[0].sha256.clone(), &printed.to_lowercase()),
        Ok(PaperCheck::Confirmed)
    );
}

#[test]
fn a_file_edited_to_give_a_unit_more_votes_is_caught_by_the_paper_fingerprint() {
    let (name, text) = files(1, false).remove(0);
    let original = received(&text);
    let printed = original.fingerprint_digits();
    // Move two ballots from the winner to the second unit: the counts
    // still reconcile, the checksum is recomputed, only paper tells.
    let tampered = edited(&text, |data| {
        let ballots = &mut data["meeting"]["rounds"][0]["state"]["closed"]["ballots"];
        let entries = ballots["counts"].as_array_mut().expect("counts");
        let winner = entries
            .iter_mut()
            .max_by_key(|e| e["count"].as_u64())
            .expect("an entry");
        let n = winner["count"].as_u64().expect("count");
        winner["count"] = Value::from(n - 2);
        let second = original.rounds[0].candidates[1].0;
        match entries
            .iter_mut()
            .find(|e| e["approvals"] == serde_json::json!([second]))
        {
            Some(entry) => {
                let n = entry["count"].as_u64().expect("count");
                entry["count"] = Value::from(n + 2);
            }
            None => entries.push(serde_json::json!({"approvals": [second], "count": 2})),
        }
        assert!(!name.is_empty());
    });
    let file = received(&tampered);
    assert_ne!(file.sha256, original.sha256);
    assert!(
        file_outcomes(&file)[0].result.is_ok(),
        "the counts reconcile"
    );
    let mut c = council();
    c.receive(file.clone()).expect("received");
    let check = c
        .confirm_paper(
            &file.sha256,
            &format!("{}-{}", &printed[..8], &printed[8..]),
        )
        .expect("a fingerprint");
    assert!(matches!(check, PaperCheck::Mismatch(_)));
    let table = consolidate(&c);
    assert!(table
        .flags
        .iter()
        .any(|f| matches!(f, Flag::PaperMismatch { .. })));
    assert!(table.vote_candidates(COUNCIL_SAMPLE_AWARD).is_empty());
}

#[test]
fn a_file_whose_counts_do_not_reconcile_is_flagged_and_left_out() {
    let (_, text) = files(1, false).remove(0);
    let bad = edited(&text, |data| {
        // More ballots collected than issued.
        let closed = &mut data["meeting"]["rounds"][0]["state"]["closed"];
        closed["issued"] = Value::from(3);
        closed["present"] = Value::from(3);
    });
    let file = received(&bad);
    let mut c = council();
    c.receive(file).expect("received");
    let table = consolidate(&c);
    assert_eq!(table.rows().count(), 0);
    assert!(table.flags.iter().any(|f| matches!(
        f,
        Flag::RoundNotCounted {
            problem: RoundProblem::Count(_),
            ..
        }
    )));
}

#[test]
fn a_checksum_that_does_not_match_is_refused_as_an_import_is() {
    let (_, text) = files(1, false).remove(0);
    let mut value: Value = serde_json::from_str(&text).expect("json");
    value["data"]["cluster"] = Value::String("Cụm khác".into());
    assert_eq!(
        read_received_results(&value.to_string(), AT),
        Err(FileError::ChecksumMismatch)
    );
    assert!(matches!(
        read_received_results("{\"format\":\"thidua\",\"kind\":\"workspace\"}", AT),
        Err(FileError::WrongKind { .. })
    ));
}

#[test]
fn the_same_unit_nominated_by_two_clusters_is_flagged() {
    let mut c = council();
    for (_, text) in files(3, true) {
        c.receive(received(&text)).expect("received");
    }
    let table = consolidate(&c);
    assert_eq!(table.rows().count(), 3);
    let same: Vec<_> = table
        .flags
        .iter()
        .filter_map(|f| match f {
            Flag::SameUnit {
                unit_name,
                clusters,
            } => Some((unit_name.clone(), clusters.len())),
            _ => None,
        })
        .collect();
    assert_eq!(same, vec![("Đồn Biên phòng số 1 cụm 1".to_owned(), 2)]);
    // The council votes on it once.
    assert_eq!(table.vote_candidates(COUNCIL_SAMPLE_AWARD).len(), 2);
}

#[test]
fn limits_minimum_shares_and_missing_clusters_are_flagged() {
    let (ws, _) = sample_meeting();
    let text = results_file(&ws, SAMPLE_M, AT).expect("file");
    let mut c = council();
    let mut draft = CouncilDraft {
        name: c.name.clone(),
        year: 2024,
        expected: vec![
            "Cụm thi đua số 8 BĐBP".into(),
            "Cụm thi đua số 3 BĐBP".into(),
        ],
        limits: vec![AwardLimit {
            award: "Cờ thi đua của Bộ Tư lệnh BĐBP".into(),
            per_cluster: Some(1),
            min_share: Fraction::new(99, 100),
        }],
        members: c.members.clone(),
    };
    c.update(draft.clone()).expect("settings");
    c.receive(received(&text)).expect("received");
    let table = consolidate(&c);
    assert!(table.flags.contains(&Flag::OverLimit {
        cluster: "Cụm thi đua số 8 BĐBP".into(),
        award: "Cờ thi đua của Bộ Tư lệnh BĐBP".into(),
        nominated: 4,
        limit: 1,
    }));
    assert!(table
        .flags
        .iter()
        .any(|f| matches!(f, Flag::BelowMinimum { .. })));
    assert_eq!(
        table
            .flags
            .iter()
            .filter(|f| matches!(f, Flag::Missing { .. }))
            .collect::<Vec<_>>(),
        vec![&Flag::Missing {
            cluster: "Cụm thi đua số 3 BĐBP".into()
        }]
    );
    // Once files are in, the year is fixed.
    draft.year = 2025;
    assert_eq!(c.update(draft), Err(DomainError::CouncilYearFixed));
}

#[test]
fn receiving_the_same_file_again_changes_nothing_and_a_second_file_waits_for_a_choice() {
    let (_, text) = files(1, false).remove(0);
    let mut c = council();
    assert_eq!(c.receive(received(&text)), Ok(Receipt::New));
    let before = c.clone();
    assert_eq!(c.receive(received(&text)), Ok(Receipt::AlreadyReceived));
    assert_eq!(c, before);
    // A second, different file of the same cluster-year.
    let second = edited(&text, |data| {
        data["meeting"]["details"]["place"] = Value::String("Hà Nội".into());
    });
    assert_eq!(c.receive(received(&second)), Ok(Receipt::SecondVersion));
    assert!(c
        .received()
        .iter()
        .all(|f| f.standing == Standing::AwaitingChoice));
    let table = consolidate(&c);
    assert_eq!(table.rows().count(), 0, "nothing stands until chosen");
    assert!(table
        .flags
        .iter()
        .any(|f| matches!(f, Flag::ChooseFile { .. })));
    let newer = c.received()[1].sha256.clone();
    c.choose(&newer).expect("chosen");
    assert_eq!(c.received()[0].standing, Standing::Replaced);
    assert_eq!(c.received()[1].standing, Standing::Stands);
    assert_eq!(consolidate(&c).rows().count(), 1);
}

#[test]
fn a_file_of_another_year_is_refused() {
    let (_, text) = files(1, false).remove(0);
    let mut c = council();
    c.update(CouncilDraft {
        name: c.name.clone(),
        year: 2025,
        ..CouncilDraft::default()
    })
    .expect("year");
    let before = c.clone();
    assert_eq!(
        c.receive(received(&text)),
        Err(DomainError::CouncilWrongYear {
            file: 2024,
            council: 2025
        })
    );
    assert_eq!(c, before);
}

#[test]
fn a_typed_fingerprint_ignores_dashes_spaces_and_case_and_refuses_other_shapes() {
    let (_, text) = files(1, false).remove(0);
    let mut c = council();
    let file = received(&text);
    let digits = file.fingerprint_digits();
    c.receive(file.clone()).expect("received");
    let spaced = digits
        .to_lowercase()
        .chars()
        .enumerate()
        .flat_map(|(i, ch)| {
            if i % 4 == 0 && i > 0 {
                vec![' ', '-', ch]
            } else {
                vec![ch]
            }
        })
        .collect::<String>();
    assert_eq!(
        c.confirm_paper(&file.sha256, &spaced),
        Ok(PaperCheck::Confirmed)
    );
    let before = c.clone();
    for bad in [
        "",
        "3F2A-9C01-77BE",
        "3F2A-9C01-77BE-0D4G",
        "3F2A-9C01-77BE-0D45-1",
    ] {
        assert_eq!(
            c.confirm_paper(&file.sha256, bad),
            Err(DomainError::FingerprintShape),
            "{bad:?}"
        );
    }
    assert_eq!(c, before);
}

#[test]
fn a_council_year_is_stored_and_read_back_whole() {
    let mut c = council();
    for (_, text) in files(4, true) {
        c.receive(received(&text)).expect("received");
    }
    let sha = c.received()[0].sha256.clone();
    let digits = c.received()[0].fingerprint_digits();
    c.confirm_paper(&sha, &digits).expect("confirmed");
    let sha1 = c.received()[1].sha256.clone();
    c.confirm_paper(&sha1, "0000-0000-0000-0000")
        .expect("typed");
    let dto = CouncilDto::from(&c);
    let text = serde_json::to_string(&dto).expect("json");
    let back: CouncilDto = serde_json::from_str(&text).expect("read");
    assert_eq!(Council::try_from(back).expect("valid"), c);
}

#[test]
fn sixty_clusters_are_kept_in_a_small_fraction_of_the_quota() {
    let mut c = council();
    for (_, text) in files(60, false) {
        c.receive(received(&text)).expect("received");
    }
    let stored = serde_json::to_string(&CouncilDto::from(&c)).expect("json");
    // localStorage holds about 5 MB; the council's year takes under 2 % of it.
    assert!(stored.len() < 100_000, "{} bytes", stored.len());
    assert_eq!(consolidate(&c).rows().count(), 60);
}

#[test]
fn the_council_votes_on_its_nominees_with_the_clusters_machinery() {
    let mut c = council();
    for (_, text) in files(3, true) {
        c.receive(received(&text)).expect("received");
    }
    let table = consolidate(&c);
    let mut ws = Workspace::default();
    let mut next = 500u64;
    let meeting = create_council_vote(&mut ws, &c, &table, &mut || {
        next += 1;
        next
    })
    .expect("vote created");
    let m = ws.meeting(meeting).expect("meeting");
    assert_eq!(m.rounds().len(), 1);
    let round = &m.rounds()[0];
    assert_eq!(round.award, COUNCIL_SAMPLE_AWARD);
    assert_eq!(round.candidates().len(), 2, "the shared nominee once");
    assert_eq!(round.state, RoundState::Draft);
    let Voters::Delegates(delegates) = &m.voters else {
        panic!("named members")
    };
    let names: Vec<_> = delegates.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(names, ["Trung tướng A", "Thiếu tướng B", "Đại tá C"]);
    let year = ws.year_of(meeting).expect("year");
    assert_eq!(m.entitled(&year.members).len(), 3);
    // The body is the council's: named under it, reused by its next vote;
    // a second vote of the same year is refused, nothing changed.
    assert_eq!(ws.clusters().len(), 1);
    assert_eq!(ws.clusters()[0].name, "Hội đồng Thi đua – Khen thưởng");
    assert_eq!(ws.clusters()[0].parent_org, "Bộ Tư lệnh Bộ đội Biên phòng");
    let before = ws.clone();
    assert_eq!(
        create_council_vote(&mut ws, &c, &table, &mut || {
            next += 1;
            next
        }),
        Err(DomainError::MeetingExists)
    );
    assert_eq!(ws, before);
    // Nothing to vote on is refused, the workspace unchanged.
    let empty = council();
    let before = ws.clone();
    assert_eq!(
        create_council_vote(&mut ws, &empty, &consolidate(&empty), &mut || 1),
        Err(DomainError::NoNominees)
    );
    assert_eq!(ws, before);
}

#[test]
fn summary_and_csv_in_both_languages() {
    let mut c = council();
    c.update(CouncilDraft {
        name: c.name.clone(),
        year: 2024,
        expected: vec!["Cụm thi đua số 4".into()],
        limits: vec![],
        members: c.members.clone(),
    })
    .expect("settings");
    for (_, text) in files(3, true) {
        c.receive(received(&text)).expect("received");
    }
    let sha = c.received()[0].sha256.clone();
    let digits = c.received()[0].fingerprint_digits();
    c.confirm_paper(&sha, &digits).expect("confirmed");
    let table = consolidate(&c);
    for lang in [Lang::Vi, Lang::En] {
        let doc = council_summary(
            &c,
            &table,
            lang,
            thidua_core::domain::Date::new(2024, 11, 2),
        );
        insta::assert_snapshot!(format!("council_summary_{lang:?}"), doc.to_string());
        let csv = council_csv(&table, lang);
        assert!(csv.starts_with('\u{feff}'));
        insta::assert_snapshot!(format!("council_csv_{lang:?}"), csv);
    }
}

/// Issue 17, found by trying it: "Hà Tiên" and "Hà Tiến" are two units;
/// names that differ by a mark were read as one, the second nominee left
/// off the council's ballot without a word.
#[test]
fn names_that_differ_by_a_mark_are_two_units() {
    let mut texts = files(2, false);
    for (k, name) in [(0, "Đồn Biên phòng Hà Tiên"), (1, "Đồn Biên phòng Hà Tiến")] {
        let winner = received(&texts[k].1).rounds[0].candidates[0].0;
        texts[k].1 = edited(&texts[k].1, |data| {
            for unit in data["units"].as_array_mut().expect("units") {
                if unit["id"] == serde_json::json!(winner) {
                    unit["name"] = Value::String(name.into());
                }
            }
        });
    }
    let mut c = council();
    for (_, text) in &texts {
        c.receive(received(text)).expect("received");
    }
    let table = consolidate(&c);
    assert!(!table
        .flags
        .iter()
        .any(|f| matches!(f, Flag::SameUnit { .. })));
    assert_eq!(table.vote_candidates(COUNCIL_SAMPLE_AWARD).len(), 2);
}

/// Issue 17, found by trying it: a vote made before the members were
/// entered had the nominated units vote; members changed afterwards never
/// reached the vote.
#[test]
fn the_councils_voters_are_its_members_until_a_round_opens() {
    let mut c = council();
    for (_, text) in files(2, false) {
        c.receive(received(&text)).expect("received");
    }
    let table = consolidate(&c);
    let mut ws = Workspace::default();
    let mut next = 900u64;
    let mut fresh = move || {
        next += 1;
        next
    };
    let mut without = c.clone();
    without.members.clear();
    assert_eq!(
        create_council_vote(&mut ws, &without, &table, &mut fresh),
        Err(DomainError::NoCouncilMembers)
    );
    let meeting = create_council_vote(&mut ws, &c, &table, &mut fresh).expect("vote");
    c.vote = Some(meeting);
    let names = |ws: &Workspace| match &ws.meeting(meeting).expect("meeting").voters {
        Voters::Delegates(list) => list
            .iter()
            .map(|d| (d.id, d.name.clone()))
            .collect::<Vec<_>>(),
        Voters::OnePerUnit => panic!("named members"),
    };
    let first = names(&ws);
    let mut draft = CouncilDraft {
        name: c.name.clone(),
        year: c.year,
        expected: vec![],
        limits: vec![],
        members: vec!["Trung tướng A".into(), "Đại tá D".into()],
    };
    c.update(draft.clone()).expect("members");
    assert_eq!(
        update_council_voters(&mut ws, &c, &mut fresh),
        Ok(VotersUpdate::Updated)
    );
    let now = names(&ws);
    assert_eq!(now.len(), 2);
    assert_eq!(now[0], first[0], "a member kept keeps their voter id");
    assert_eq!(now[1].1, "Đại tá D");
    assert_eq!(
        update_council_voters(&mut ws, &c, &mut fresh),
        Ok(VotersUpdate::Unchanged)
    );
    // Once a round has opened its roll is frozen: the voters stay.
    let round = ws.meeting(meeting).expect("m").rounds()[0].id;
    thidua_core::rules::rounds::open_round(&mut ws, meeting, round, "2468").expect("open");
    draft.members.push("Thượng tá E".into());
    c.update(draft).expect("members");
    let before = ws.clone();
    assert_eq!(
        update_council_voters(&mut ws, &c, &mut fresh),
        Ok(VotersUpdate::VoteStarted)
    );
    assert_eq!(ws, before);
}

#[test]
fn a_council_year_file_reads_back_whole_and_is_checked_as_any_file() {
    let mut c = council();
    for (_, text) in files(3, true) {
        c.receive(received(&text)).expect("received");
    }
    let sha = c.received()[0].sha256.clone();
    let digits = c.received()[0].fingerprint_digits();
    c.confirm_paper(&sha, &digits).expect("confirmed");
    let text = thidua_core::exchange::council_file(&c, AT).expect("file");
    assert_eq!(
        thidua_core::exchange::read_council_file(&text),
        Ok(c.clone())
    );
    // Edited without its checksum: refused as any file is.
    let mut value: Value = serde_json::from_str(&text).expect("json");
    value["data"]["members"] = serde_json::json!(["Someone else"]);
    assert_eq!(
        thidua_core::exchange::read_council_file(&value.to_string()),
        Err(FileError::ChecksumMismatch)
    );
    // A results file is not a council year, and a council year is not
    // taken by the workspace's import.
    let (_, results) = files(1, false).remove(0);
    assert!(matches!(
        thidua_core::exchange::read_council_file(&results),
        Err(FileError::WrongKind { .. })
    ));
    assert!(matches!(
        thidua_core::exchange::read_file(&text, &thidua_core::exchange::FileKind::WORKSPACE),
        Err(FileError::WrongKind { .. })
    ));
}
