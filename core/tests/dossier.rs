//! The nomination dossier (issue 16): the letter and an achievement report
//! snapshot-tested in both languages, the letter's fields checked before
//! printing, the bundle's order, and the new fields stored only when
//! filled.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use thidua_core::documents::{
    achievement_report, built_sections, dossier, dossier_gaps, letter_fields, nominated_units,
    nomination_letter, nominations, report_sections, sections_to_keep, DossierGap,
};
use thidua_core::domain::{
    AchievementReport, Cluster, ClusterId, DomainError, Meeting, NominationLetter, ReportSections,
    UnitDraft, Workspace,
};
use thidua_core::exchange::{decode_record, encode_record, ClusterDto, MeetingDto};
use thidua_core::i18n::Lang;
use thidua_core::sample::SAMPLE_YEAR;

use common::{sample_meeting, FLAG, MERIT, SAMPLE_M as M};

fn letter() -> NominationLetter {
    NominationLetter {
        recipient: "  Hội đồng Thi đua - Khen thưởng   Bộ đội Biên phòng ".into(),
        number: "125/TTr-CTĐ".into(),
        ..NominationLetter::default()
    }
}

fn members(ws: &Workspace) -> Vec<thidua_core::domain::UnitId> {
    ws.year_of(M).expect("year").members.clone()
}

#[test]
fn the_letter_in_both_languages() {
    let (mut ws, _) = sample_meeting();
    ws.set_nomination_letter(M, letter()).expect("letter");
    for (lang, name) in [
        (Lang::Vi, "nomination_letter_vi"),
        (Lang::En, "nomination_letter_en"),
    ] {
        let doc = nomination_letter(&ws, M, lang).expect("letter");
        insta::assert_snapshot!(name, doc.to_string());
    }
}

#[test]
fn an_achievement_report_in_both_languages() {
    let (mut ws, cluster) = sample_meeting();
    // Cục PCMT&TP: nominated for the certificate, with the sample's report;
    // one section edited, the others built from its data.
    let unit = members(&ws)[3];
    ws.set_report_sections(
        cluster,
        SAMPLE_YEAR,
        unit,
        ReportSections {
            movements:
                "  Phong trào thi đua Quyết thắng.\n\n  Phong trào “Biên phòng toàn dân”.  \n"
                    .into(),
            ..ReportSections::default()
        },
    )
    .expect("sections");
    for (lang, name) in [
        (Lang::Vi, "achievement_report_vi"),
        (Lang::En, "achievement_report_en"),
    ] {
        let doc = achievement_report(&ws, M, unit, lang).expect("report");
        insta::assert_snapshot!(name, doc.to_string());
    }
}

#[test]
fn nominations_are_the_results_nominated_units_with_their_votes() {
    let (ws, _) = sample_meeting();
    let list = nominations(&ws, M).expect("nominations");
    let results = thidua_core::rules::rounds::results(
        ws.meeting(M).expect("meeting"),
        ws.year_of(M).expect("year"),
    );
    assert_eq!(list.len(), 2);
    for (nomination, (round, totals, result)) in list.iter().zip(&results) {
        assert_eq!(nomination.rounds, vec![*round]);
        let units: Vec<_> = nomination.units.iter().map(|n| n.unit).collect();
        assert_eq!(units, result.nominated);
        for n in &nomination.units {
            let c = result
                .candidates
                .iter()
                .find(|c| c.unit == n.unit)
                .expect("listed");
            assert_eq!(
                (n.votes, n.share_bp, n.valid),
                (c.votes, c.share_bp, totals.valid)
            );
        }
    }
    assert_eq!(
        nominated_units(&ws, M).expect("units").len(),
        list.iter().map(|n| n.units.len()).sum::<usize>(),
        "a unit proposed once per meeting here"
    );
}

#[test]
fn the_dossier_is_the_letter_the_minutes_and_a_report_per_nominated_unit() {
    let (mut ws, _) = sample_meeting();
    ws.set_nomination_letter(M, letter()).expect("letter");
    for lang in [Lang::Vi, Lang::En] {
        let docs = dossier(&ws, M, lang).expect("dossier");
        let units = nominated_units(&ws, M).expect("units");
        assert_eq!(docs.len(), 2 + 2 + units.len());
        let titles: Vec<&str> = docs.iter().map(|d| d.title.as_str()).collect();
        let expected = match lang {
            Lang::Vi => [
                "TỜ TRÌNH",
                "BIÊN BẢN HỘI NGHỊ",
                "BIÊN BẢN KIỂM PHIẾU",
                "BÁO CÁO THÀNH TÍCH",
            ],
            Lang::En => [
                "NOMINATION LETTER",
                "MINUTES OF THE MEETING",
                "VOTE-COUNT MINUTES",
                "ACHIEVEMENT REPORT",
            ],
        };
        assert_eq!(
            &titles[..4],
            &[expected[0], expected[1], expected[2], expected[2]]
        );
        for (doc, unit) in docs[4..].iter().zip(&units) {
            assert_eq!(doc.title, expected[3]);
            let name = ws.unit(*unit).expect("unit").full_name.to_uppercase();
            assert_eq!(
                doc.header.issuer, name,
                "one report per nominated unit, in order"
            );
        }
        // The letter lists every attached document.
        let letter = docs[0].to_string();
        for unit in &units {
            assert!(
                letter.contains(&ws.unit(*unit).expect("unit").full_name),
                "{letter}"
            );
        }
    }
    let _ = (FLAG, MERIT);
}

#[test]
fn an_empty_recipient_or_signer_is_flagged_before_printing() {
    let (mut ws, _) = sample_meeting();
    // The sample's leader unit (Cục Kỹ thuật) records its commander: the
    // signer comes from there until one is typed.
    assert_eq!(dossier_gaps(&ws, M), Ok(vec![DossierGap::Recipient]));
    let fields = letter_fields(&ws, M).expect("fields");
    assert_eq!(
        (fields.signer_rank.as_str(), fields.signer_name.as_str()),
        ("Đại tá", "Vũ Khương")
    );
    ws.set_nomination_letter(M, letter()).expect("letter");
    assert_eq!(dossier_gaps(&ws, M), Ok(vec![]));
    assert_eq!(
        ws.meeting(M).expect("meeting").letter.recipient,
        "Hội đồng Thi đua - Khen thưởng Bộ đội Biên phòng"
    );
    // Without a commander on record and no name typed, nobody signs.
    let leader = ws.year_of(M).expect("year").leader.expect("leader");
    let unit = ws.unit(leader).expect("unit").clone();
    ws.update_unit(
        leader,
        UnitDraft {
            full_name: unit.full_name.clone(),
            short_name: unit.short_name.clone(),
            kind: unit.kind.clone(),
            commander: String::new(),
            contact: unit.contact.clone(),
        },
    )
    .expect("unit");
    assert_eq!(dossier_gaps(&ws, M), Ok(vec![DossierGap::Signer]));
    let typed = NominationLetter {
        signer_rank: "Thượng tá".into(),
        signer_name: "Lê Văn A".into(),
        ..letter()
    };
    ws.set_nomination_letter(M, typed).expect("letter");
    assert_eq!(dossier_gaps(&ws, M), Ok(vec![]));
    let printed = nomination_letter(&ws, M, Lang::Vi)
        .expect("letter")
        .to_string();
    assert!(printed.contains("] Thượng tá Lê Văn A"), "{printed}");
}

#[test]
fn a_meeting_without_a_closed_round_has_nothing_to_propose() {
    let mut ids = 1u64..;
    let mut ws = Workspace::default();
    let cluster: ClusterId =
        thidua_core::sample::load_sample(&mut ws, || ids.next().unwrap_or(0)).expect("sample");
    ws.add_meeting(M, cluster, SAMPLE_YEAR).expect("meeting");
    assert_eq!(
        dossier_gaps(&ws, M),
        Ok(vec![DossierGap::NoClosedRound, DossierGap::Recipient])
    );
}

#[test]
fn report_sections_are_kept_with_the_units_year_and_survive_a_report_edit() {
    let (mut ws, cluster) = sample_meeting();
    let unit = members(&ws)[3];
    let sections = ReportSections {
        awards: "Cờ thi đua của Bộ Quốc phòng năm 2023".into(),
        ..ReportSections::default()
    };
    ws.set_report_sections(cluster, SAMPLE_YEAR, unit, sections.clone())
        .expect("sections");
    let report = |ws: &Workspace| ws.year_of(M).expect("year").reports.get(&unit).cloned();
    ws.set_report(
        cluster,
        SAMPLE_YEAR,
        unit,
        AchievementReport {
            narrative: "Mới".into(),
            ..AchievementReport::default()
        },
    )
    .expect("report");
    let kept = report(&ws).expect("report");
    assert_eq!(
        (kept.narrative.as_str(), &kept.sections),
        ("Mới", &sections)
    );
    // Clearing every section of a unit with no other report removes it.
    let bare = members(&ws)[0];
    ws.set_report_sections(cluster, SAMPLE_YEAR, bare, sections.clone())
        .expect("sections");
    assert!(ws.year_of(M).expect("year").reports.contains_key(&bare));
    ws.set_report_sections(cluster, SAMPLE_YEAR, bare, ReportSections::default())
        .expect("cleared");
    assert!(!ws.year_of(M).expect("year").reports.contains_key(&bare));
    // Only members have reports.
    let before = ws.clone();
    let outsider = thidua_core::domain::UnitId(424_242);
    assert_eq!(
        ws.set_report_sections(cluster, SAMPLE_YEAR, outsider, sections),
        Err(DomainError::NotAMember(outsider))
    );
    assert_eq!(ws, before);
}

#[test]
fn the_new_fields_are_stored_only_when_filled_and_read_back() {
    let (mut ws, cluster) = sample_meeting();
    let meeting_text = |ws: &Workspace| {
        encode_record(&MeetingDto::from(ws.meeting(M).expect("meeting"))).expect("text")
    };
    let cluster_text = |ws: &Workspace| {
        encode_record(&ClusterDto::from(ws.cluster(cluster).expect("cluster"))).expect("text")
    };
    assert!(!meeting_text(&ws).contains("letter"));
    assert!(!cluster_text(&ws).contains("sections"));
    ws.set_nomination_letter(M, letter()).expect("letter");
    let unit = members(&ws)[3];
    ws.set_report_sections(
        cluster,
        SAMPLE_YEAR,
        unit,
        ReportSections {
            mission: "Nhiệm vụ".into(),
            ..ReportSections::default()
        },
    )
    .expect("sections");
    let text = meeting_text(&ws);
    assert!(
        text.contains(r#""letter":{"number":"125/TTr-CTĐ","recipient":"#),
        "{text}"
    );
    assert!(
        !text.contains("signer"),
        "empty fields are not written: {text}"
    );
    let back =
        Meeting::try_from(decode_record::<MeetingDto>(&text).expect("dto")).expect("meeting");
    assert_eq!(&back, ws.meeting(M).expect("meeting"));
    let text = cluster_text(&ws);
    assert!(
        text.contains(r#""sections":{"mission":"Nhiệm vụ"}"#),
        "{text}"
    );
    let back =
        Cluster::try_from(decode_record::<ClusterDto>(&text).expect("dto")).expect("cluster");
    assert_eq!(&back, ws.cluster(cluster).expect("cluster"));
}

#[test]
fn a_section_left_as_built_is_not_kept_and_follows_the_language() {
    let (mut ws, cluster) = sample_meeting();
    let unit = members(&ws)[3];
    let built = built_sections(&ws, M, unit, Lang::Vi).expect("built");
    assert!(
        built.mission.contains("là đơn vị thành viên"),
        "{}",
        built.mission
    );
    let typed = ReportSections {
        movements: "Phong trào thi đua Quyết thắng".into(),
        ..built.clone()
    };
    let kept = sections_to_keep(typed, &built);
    assert_eq!(
        kept,
        ReportSections {
            movements: "Phong trào thi đua Quyết thắng".into(),
            ..ReportSections::default()
        }
    );
    ws.set_report_sections(cluster, SAMPLE_YEAR, unit, kept)
        .expect("sections");
    let english = report_sections(&ws, M, unit, Lang::En).expect("sections");
    assert!(
        english.mission.contains("is a member unit"),
        "{}",
        english.mission
    );
    assert_eq!(english.movements, "Phong trào thi đua Quyết thắng");
}

#[test]
fn filling_the_letter_leaves_the_results_file_and_its_fingerprint_alone() {
    let (mut ws, _) = sample_meeting();
    let before = thidua_core::exchange::results_fingerprint(&ws, M).expect("fingerprint");
    ws.set_nomination_letter(M, letter()).expect("letter");
    assert_eq!(
        thidua_core::exchange::results_fingerprint(&ws, M),
        Some(before),
        "the minutes printed before the letter was filled keep their fingerprint"
    );
}

#[test]
fn taking_a_units_report_file_keeps_the_dossier_sections_written_here() {
    use thidua_core::domain::merge::{apply, plan, Bundle, Choice, RecordKey, UnitReport};
    let (mut ws, cluster) = sample_meeting();
    let unit = members(&ws)[3];
    let sections = ReportSections {
        awards: "Cờ thi đua của Bộ Quốc phòng năm 2023".into(),
        ..ReportSections::default()
    };
    ws.set_report_sections(cluster, SAMPLE_YEAR, unit, sections.clone())
        .expect("sections");
    let year = ws.year_of(M).expect("year").clone();
    // The unit's own file: its report as the unit wrote it, no sections.
    let bundle = Bundle {
        reports: vec![UnitReport {
            cluster,
            cluster_name: ws.cluster_name(cluster),
            year: SAMPLE_YEAR,
            unit: ws.unit(unit).expect("unit").clone(),
            criteria: year.criteria.clone(),
            self_scores: Default::default(),
            report: Some(AchievementReport {
                narrative: "Báo cáo mới của đơn vị".into(),
                ..AchievementReport::default()
            }),
        }],
        ..Bundle::default()
    };
    let preview = plan(&ws, &bundle).expect("plan");
    let choices: Vec<Choice> = preview
        .items
        .iter()
        .map(|i| {
            if i.key == RecordKey::Report(cluster, SAMPLE_YEAR, unit) {
                Choice::TakeTheirs
            } else {
                Choice::KeepMine
            }
        })
        .collect();
    let mut ids = 90_000u64..;
    let out = apply(&ws, &preview, &choices, &mut || ids.next().unwrap_or(0)).expect("apply");
    let report = out.year_of(M).expect("year").reports[&unit].clone();
    assert_eq!(report.narrative, "Báo cáo mới của đơn vị");
    assert_eq!(report.sections, sections, "the leader's dossier edits stay");
}
