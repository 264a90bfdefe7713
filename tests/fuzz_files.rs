//! Fuzz past the checksum (issue 15): files of every kind, structurally
//! valid and sealed with a correct SHA-256, whose contents are mutated
//! where it hurts — extreme and negative numbers, huge ballot counts,
//! counts that do not reconcile, missing, duplicate and dangling ids, long
//! and odd Unicode names, deep nesting. Each file is read and imported
//! into laptops backed by a `MemoryStorage` the way the app does it
//! (read, plan, apply, snapshot, save, and the next start-up's load).
//! Each either imports into a workspace that passes the integrity check
//! and loads back unchanged, or is refused with a message naming its
//! place and storage untouched. Never a panic.
//!
//! A seeded generator (splitmix64), so a failure names its seed and case
//! and is replayed exactly; `FUZZ_CASES` sets the cases per file kind
//! (25 000 each by default, 100 000 files in all: about 80 s of CPU in a
//! debug build, the four kinds running side by side). The files are kept
//! small (four units, two criteria): in a debug build the time goes into
//! serde_json and SHA-256, in proportion to the file's size.
//!
//! Found so far: a unit report scored within its own table's maximum but
//! above this laptop's was imported, and the cluster then set aside at the
//! next start-up (now refused by `check_integrity`; a test of its own in
//! `tests/files.rs`).
#![cfg(not(target_arch = "wasm32"))]

#[path = "../core/tests/common/mod.rs"]
mod common;

use common::{cluster_with, unit, year_draft, C};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use thidua::domain::merge::{self, check_integrity, Choice};
use thidua::domain::{
    ClusterDraft, ClusterId, HandTotals, MeetingId, Points, Quota, RoundDraft, RoundId, RoundRules,
    Scorer, VoterId, Workspace,
};
use thidua::exchange::{
    cluster_file, results_file, unit_report_file, value_sha256, workspace_file, FileError,
    FileKind, RecordError,
};
use thidua::rules::rounds::{close_with_totals, open_round};
use thidua::storage::{load, take_snapshot, MemoryStorage, Persister};

const M: MeetingId = MeetingId(50);
const YEAR: u16 = 2024;

/// splitmix64: small, seeded, good enough to spread the mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// A small but complete laptop: four units, one cluster with a 2024 year
/// (two criteria, scores, a report), a meeting with a closed booth round
/// and a closed hand count.
fn base() -> Workspace {
    let mut ws = cluster_with(&["Đơn vị A", "Đơn vị B", "Đơn vị C", "Đơn vị D"]);
    ws.add_year(C, YEAR, year_draft(&[0, 1, 2, 3], Some(0), Some(1)))
        .expect("year");
    // Two short items instead of the sample table: small files, fast cases.
    let sample: Vec<_> = ws.clusters()[0].years()[0]
        .criteria
        .items
        .iter()
        .map(|c| c.id)
        .collect();
    for item in sample {
        ws.remove_criterion(C, YEAR, item).expect("trim");
    }
    let items: Vec<_> = ["Nhiệm vụ", "Kỷ luật"]
        .iter()
        .map(|name| {
            let draft = thidua::domain::CriterionDraft {
                kind: thidua::domain::ItemKind::Criterion,
                group: String::new(),
                name: (*name).into(),
                max: Points(1000),
                guidance: String::new(),
            };
            ws.add_criterion(C, YEAR, draft).expect("item")
        })
        .collect();
    for (idx, item) in items[..2].iter().enumerate() {
        ws.set_score(C, YEAR, unit(idx), Scorer::Cluster, *item, Some(Points(1)))
            .expect("score");
        ws.set_score(C, YEAR, unit(0), Scorer::SelfScore, *item, Some(Points(2)))
            .expect("self score");
    }
    let report = thidua::domain::AchievementReport {
        narrative: "Hoàn thành xuất sắc".into(),
        metrics: Vec::new(),
        ..thidua::domain::AchievementReport::default()
    };
    ws.set_report(C, YEAR, unit(0), report).expect("report");
    ws.add_meeting(M, C, YEAR).expect("meeting");
    let members: Vec<_> = (0..4).map(unit).collect();
    let round = |award: &str| RoundDraft {
        award: award.into(),
        rules: RoundRules {
            quota: Quota::Fixed(2),
            ..RoundRules::default()
        },
        candidates: members.clone(),
        rehearsal: false,
    };
    ws.add_round(M, RoundId(61), round("Cờ thi đua"))
        .expect("r1");
    ws.add_round(M, RoundId(62), round("Bằng khen"))
        .expect("r2");
    open_round(&mut ws, M, RoundId(61), "2468").expect("open");
    for u in &members {
        ws.set_present(M, RoundId(61), VoterId(u.0), true)
            .expect("present");
    }
    for (who, u) in members.iter().enumerate() {
        ws.start_ballot(M, RoundId(61), VoterId(u.0))
            .expect("start");
        let picks = vec![members[who % 2], members[2]];
        ws.submit_ballot(M, RoundId(61), picks).expect("submit");
        ws.unlock_booth(M, RoundId(61), "2468").expect("unlock");
    }
    ws.close_round(M, RoundId(61)).expect("close");
    // D had no vote in the booth round, so it stands in the second one
    // whether or not nominated units are excluded.
    let hand = HandTotals {
        collected: 4,
        valid: 3,
        invalid: 1,
        votes: [(members[3], 2)].into_iter().collect(),
    };
    close_with_totals(&mut ws, M, RoundId(62), 4, 4, hand).expect("hand");
    assert_eq!(check_integrity(&ws), Ok(()));
    ws
}

/// Every place in a JSON value, as a JSON pointer, with the key or array
/// name it sits under.
fn places(value: &Value, at: String, under: &str, out: &mut Vec<(String, String)>) {
    out.push((at.clone(), under.to_owned()));
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                places(v, format!("{at}/{k}"), k, out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                places(v, format!("{at}/{i}"), under, out);
            }
        }
        _ => {}
    }
}

const COUNT_KEYS: [&str; 10] = [
    "count",
    "spoilt",
    "collected",
    "valid",
    "invalid",
    "votes",
    "entitled",
    "present",
    "issued",
    "places",
];
const ID_KEYS: [&str; 17] = [
    "id",
    "unit",
    "cluster",
    "parent",
    "voter",
    "from",
    "to",
    "leader",
    "deputy",
    "units",
    "members",
    "candidates",
    "excluded",
    "approvals",
    "voted",
    "marks",
    "year",
];

fn extreme_number(rng: &mut Rng, ids: &[u64]) -> Value {
    match rng.below(14) {
        0 => json!(0),
        1 => json!(-1),
        2 => json!(u32::MAX),
        3 => json!(u64::from(u32::MAX) + 1),
        4 => json!(i64::MIN),
        5 => json!(u64::MAX),
        6 => json!(1e300),
        7 => json!(1u64 << 53),
        8 => json!(thidua::domain::MAX_COUNT),
        9 => json!(thidua::domain::MAX_COUNT + 1),
        10 => json!(3_000_000_000u32),
        11 => json!(*rng.pick(ids)),
        12 => json!(0.5),
        _ => json!(rng.below(12)),
    }
}

fn odd_string(rng: &mut Rng, names: &[String]) -> Value {
    let name = rng.pick(names).clone();
    Value::String(match rng.below(12) {
        0 => String::new(),
        1 => "   ".into(),
        2 => "ẞ".repeat(rng.below(1500)),
        3 => "\u{202e}Cụm\u{0}\u{feff}\u{200b}".into(),
        4 => "e\u{301}\u{301}\u{301}👩‍👩‍👧‍👦".into(),
        // The same name as another record, as a reader sees it.
        5 => format!("  {}  ", name.to_uppercase()),
        6 => name.replace(' ', "   "),
        7 => name,
        8 => "<script>alert(1)</script>".into(),
        9 => "2/3".into(),
        10 => "9999-99-99".into(),
        _ => "x".repeat(rng.below(300)),
    })
}

fn deep(rng: &mut Rng) -> Value {
    let depth = 1 + rng.below(200);
    let mut value = json!(1);
    for _ in 0..depth {
        value = if rng.chance(50) {
            json!([value])
        } else {
            json!({ "a": value })
        };
    }
    value
}

/// Changes the value at one place, in a way fitting what is there.
fn mutate(
    data: &mut Value,
    place: &str,
    under: &str,
    rng: &mut Rng,
    ids: &[u64],
    names: &[String],
) {
    let Some(target) = data.pointer_mut(place) else {
        return;
    };
    if rng.chance(4) {
        *target = deep(rng);
        return;
    }
    match target {
        Value::Number(_) | Value::Null if ID_KEYS.contains(&under) => {
            *target = match rng.below(4) {
                // Another record's id: a duplicate or a wrong reference.
                0 | 1 => json!(*rng.pick(ids)),
                // Dangling.
                2 => json!(rng.next() >> 11),
                _ => extreme_number(rng, ids),
            }
        }
        Value::Number(_) if COUNT_KEYS.contains(&under) => {
            *target = if rng.chance(50) {
                // Small numbers: counts that do not reconcile.
                json!(rng.below(12))
            } else {
                extreme_number(rng, ids)
            }
        }
        Value::Number(_) => *target = extreme_number(rng, ids),
        Value::String(_) => *target = odd_string(rng, names),
        Value::Bool(b) => *b = !*b,
        Value::Null => *target = extreme_number(rng, ids),
        Value::Array(items) => match rng.below(6) {
            0 if !items.is_empty() => {
                let i = rng.below(items.len());
                items.remove(i);
            }
            1 | 2 if !items.is_empty() => {
                let i = rng.below(items.len());
                let copy = items[i].clone();
                items.push(copy);
            }
            3 => items.clear(),
            4 => items.reverse(),
            _ => items.push(extreme_number(rng, ids)),
        },
        Value::Object(map) => match rng.below(3) {
            0 if !map.is_empty() => {
                let keys: Vec<String> = map.keys().cloned().collect();
                map.remove(rng.pick(&keys));
            }
            1 => {
                map.insert("unknown".into(), json!(1));
            }
            _ => *target = json!(null),
        },
    }
}

/// Which file a failure comes from: the kind, the seed and the case
/// number replay it (formatted only when an assertion fails).
struct Case {
    kind: &'static str,
    seed: u64,
    n: usize,
}

impl std::fmt::Display for Case {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} seed {:#x} case {}", self.kind, self.seed, self.n)
    }
}

/// A laptop to import into: its workspace, its storage and persister as
/// start-up left them.
#[derive(Clone)]
struct Laptop {
    ws: Workspace,
    store: MemoryStorage,
    persister: Persister,
}

fn laptop(ws: &Workspace) -> Laptop {
    let mut store = MemoryStorage::default();
    Persister::default()
        .save_workspace(&mut store, ws)
        .expect("save");
    let loaded = load(&mut store).expect("load");
    assert!(loaded.set_aside.is_empty());
    Laptop {
        ws: loaded.workspace,
        store,
        persister: loaded.persister,
    }
}

fn sorted(ws: Workspace) -> Workspace {
    let (mut units, mut clusters, mut meetings) = ws.into_parts();
    units.sort_by_key(|u| u.id);
    clusters.sort_by_key(|c| c.id);
    meetings.sort_by_key(|m| m.id);
    Workspace::new(units, clusters, meetings).expect("the same records")
}

/// Refused files name their place; the envelope, sealed correctly, is
/// never what is refused.
fn check_refusal(err: &FileError, case: &Case) {
    match err {
        FileError::Record(RecordError::Shape { path, message }) => {
            assert!(path.starts_with("data"), "{case}: {path}: {message}");
            assert!(!message.is_empty(), "{case}");
        }
        FileError::Record(RecordError::Invalid { path, problem }) => {
            assert!(path.starts_with("data"), "{case}: {path}: {problem}");
            assert!(!problem.is_empty(), "{case}");
        }
        FileError::Record(RecordError::Integrity { path, problem }) => {
            assert!(path.starts_with("data"), "{case}: {path}: {problem}");
            assert!(!problem.to_string().is_empty(), "{case}");
        }
        FileError::DuplicateId { path, .. } => assert!(path.starts_with("data."), "{case}"),
        // Nesting past serde_json's recursion limit: the file is not
        // read at all, with the line and column where it stopped.
        FileError::NotJson { line, column } => assert!(*line >= 1 && *column >= 1, "{case}"),
        other => panic!("{case}: the sealed envelope was refused: {other:?}"),
    }
}

/// One file into one laptop, as the app imports it.
fn import_into(text: &str, laptop: &Laptop, rng: &mut Rng, case: &Case) -> bool {
    let before = laptop.store.entries.clone();
    let mut store = laptop.store.clone();
    let outcome = (|| -> Result<Workspace, String> {
        let file = thidua::exchange::read_file(text, &FileKind::WORKSPACE).map_err(|e| {
            check_refusal(&e, case);
            e.to_string()
        })?;
        let plan = merge::plan(&laptop.ws, &file.bundle).map_err(|e| e.to_string())?;
        let choices: Vec<Choice> = plan
            .items
            .iter()
            .map(|_| *rng.pick(&[Choice::KeepMine, Choice::TakeTheirs, Choice::KeepBoth]))
            .collect();
        let mut next = 1u64 << 40;
        merge::apply(&laptop.ws, &plan, &choices, &mut || {
            next += 1;
            next
        })
        .map_err(|e| e.to_string())
    })();
    let after = match outcome {
        Err(message) => {
            assert!(!message.trim().is_empty(), "{case}: empty message");
            assert_eq!(store.entries, before, "{case}: a refusal wrote");
            return false;
        }
        Ok(after) => after,
    };
    assert_eq!(check_integrity(&after), Ok(()), "{case}");
    // As `Store::import`: a snapshot of this laptop first, then the save.
    if rng.chance(10) {
        let key = take_snapshot(&mut store, "import", "fuzz", "t", &laptop.ws).expect("snapshot");
        let kept = thidua::storage::read_snapshot(&store, &key).expect("snapshot reads");
        assert_eq!(sorted(kept), sorted(laptop.ws.clone()), "{case}");
    }
    let mut persister = laptop.persister.clone();
    persister
        .save_workspace(&mut store, &after)
        .unwrap_or_else(|e| panic!("{case}: save: {e}"));
    // The next start-up reads what the import accepted, all of it.
    let loaded = load(&mut store).expect("load");
    assert!(
        loaded.set_aside.is_empty(),
        "{case}: accepted by the import, set aside on load: {:?}",
        loaded.set_aside
    );
    assert_eq!(sorted(loaded.workspace), sorted(after), "{case}");
    true
}

fn fuzz_kind(kind: FileKind, seed: u64) {
    let cases: usize = std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(25_000);
    let ws = base();
    let at = "2024-10-03T09:00:00Z";
    let text = match kind {
        FileKind::Workspace => workspace_file(&ws, at),
        FileKind::Cluster => cluster_file(&ws, C, at),
        FileKind::UnitReport => unit_report_file(&ws, C, YEAR, unit(0), at),
        FileKind::Results => results_file(&ws, M, at),
        // Not a workspace file: read by the council's own screens
        // (`read_council_file`), never merged into a workspace.
        FileKind::Council => return,
    };
    let mut file: Value = serde_json::from_str(&text.expect("file")).expect("json");
    let data = file["data"].take();
    let mut all = Vec::new();
    places(&data, String::new(), "", &mut all);
    let counts: Vec<_> = all
        .iter()
        .filter(|(_, k)| COUNT_KEYS.contains(&k.as_str()))
        .cloned()
        .collect();
    let id_places: Vec<_> = all
        .iter()
        .filter(|(_, k)| ID_KEYS.contains(&k.as_str()))
        .cloned()
        .collect();
    let mut ids: Vec<u64> = ws.units().iter().map(|u| u.id.0).collect();
    ids.extend([C.0, M.0, 61, 62]);
    let mut names: Vec<String> = ws.units().iter().map(|u| u.full_name.clone()).collect();
    names.push(ws.clusters()[0].name.clone());
    // Laptops: an empty one, the one the file came from, and one with a
    // cluster of the same name under another parent body.
    let mut twin = ws.clone();
    twin.add_cluster(
        ClusterId(77),
        ClusterDraft {
            name: ws.clusters()[0].name.clone(),
            parent_org: "BĐBP tỉnh khác".into(),
            ..Default::default()
        },
    )
    .expect("twin");
    let laptops = [laptop(&Workspace::default()), laptop(&ws), laptop(&twin)];
    let mut rng = Rng(seed);
    let (mut accepted, mut refused) = (0usize, 0usize);
    for n in 0..cases {
        let case = Case {
            kind: kind.tag(),
            seed,
            n,
        };
        let mut mutated = data.clone();
        for _ in 0..1 + rng.below(3) {
            let (place, under) = match rng.below(4) {
                0 if !counts.is_empty() => rng.pick(&counts).clone(),
                1 if !id_places.is_empty() => rng.pick(&id_places).clone(),
                _ => rng.pick(&all).clone(),
            };
            mutate(&mut mutated, &place, &under, &mut rng, &ids, &names);
        }
        // The envelope written out around the data's text, sealed with the
        // SHA-256 of that same text: `value_sha256` (checked once below)
        // without serialising the data twice.
        let data_text = mutated.to_string();
        let sha256: String = Sha256::digest(data_text.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        if n == 0 {
            assert_eq!(sha256, value_sha256(&mutated));
        }
        let into = rng.pick(&laptops);
        let text = format!(
            "{{\"format\":\"thidua\",\"kind\":\"{}\",\"version\":{},\"exported_at\":\"2024-10-03T09:00:00Z\",\"app_version\":\"fuzz\",\"data\":{data_text},\"sha256\":\"{sha256}\"}}",
            kind.tag(),
            thidua::exchange::CURRENT_VERSION
        );
        if import_into(&text, into, &mut rng, &case) {
            accepted += 1;
        } else {
            refused += 1;
        }
    }
    eprintln!(
        "{}: {cases} files, {accepted} imported, {refused} refused",
        kind.tag()
    );
    assert!(
        accepted > cases / 50,
        "the mutations reach the import: {accepted}"
    );
    assert!(
        refused > cases / 50,
        "the mutations reach the checks: {refused}"
    );
}

#[test]
fn fuzz_sealed_workspace_files() {
    fuzz_kind(FileKind::Workspace, 0x5EED_0001);
}

#[test]
fn fuzz_sealed_cluster_files() {
    fuzz_kind(FileKind::Cluster, 0x5EED_0002);
}

#[test]
fn fuzz_sealed_unit_report_files() {
    fuzz_kind(FileKind::UnitReport, 0x5EED_0003);
}

#[test]
fn fuzz_sealed_results_files() {
    fuzz_kind(FileKind::Results, 0x5EED_0004);
}
