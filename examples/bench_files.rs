//! Export and import of a large workspace (20 clusters × 10 years × 15
//! units, with scores, reports and ballots), and its size in storage.
//! Run by `make bench`; it prints numbers and asserts nothing.

use std::time::{Duration, Instant};

use thidua::domain::merge;
use thidua::domain::{ClusterDraft, Workspace};
use thidua::exchange::{
    decode_record, decode_record_carefully, read_file, workspace_file, ClusterDto, FileKind,
    MeetingDto, UnitDto,
};
use thidua::sample::large_workspace;
use thidua::storage::{MemoryStorage, Persister, QUOTA_UNITS};

fn median(mut runs: Vec<Duration>) -> f64 {
    runs.sort();
    runs[runs.len() / 2].as_secs_f64() * 1000.0
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> (f64, T) {
    let mut out = None;
    let times = (0..runs)
        .map(|_| {
            let start = Instant::now();
            out = Some(f());
            start.elapsed()
        })
        .collect();
    (median(times), out.expect("at least one run"))
}

fn main() {
    let start = Instant::now();
    let Ok(ws) = large_workspace(20, 10, 15) else {
        eprintln!("bench_files: the large workspace could not be built");
        std::process::exit(1);
    };
    let built = start.elapsed().as_secs_f64() * 1000.0;
    let mut store = MemoryStorage::default();
    let (save_ms, saved) = time(1, || Persister::default().save_workspace(&mut store, &ws));
    let records = saved.unwrap_or(0);
    let stored: usize = store
        .entries
        .iter()
        .map(|(k, v)| k.encode_utf16().count() + v.encode_utf16().count())
        .sum();
    // One score changed, then saved: what every keystroke-save costs.
    let mut persister = Persister::default();
    let mut edited_store = MemoryStorage::default();
    let _ = persister.save_workspace(&mut edited_store, &ws);
    let mut edited = ws.clone();
    let (one_edit_ms, written) = time(5, || {
        if let Some(c) = edited.clusters().first() {
            let draft = ClusterDraft {
                name: c.name.clone(),
                number: c.number.clone(),
                parent_org: c.parent_org.clone(),
                notes: format!("{}.", c.notes),
            };
            let _ = edited.update_cluster(c.id, draft);
        }
        persister.save_workspace(&mut edited_store, &edited)
    });
    // Start-up's reading of the stored records (`storage::load`: every
    // record decoded and checked, the workspace built), and the decoding
    // alone both ways: straight from the text (`decode_record`'s quick
    // reading) and through a JSON `Value` (the careful one).
    let (load_ms, loaded) = time(5, || thidua::storage::load(&mut store.clone()));
    let loaded_ok = loaded.is_ok_and(|l| l.workspace == ws && l.set_aside.is_empty());
    let decode_all = |careful: bool| {
        let mut read = 0usize;
        for (key, text) in &store.entries {
            let ok = match key.split('.').nth(1) {
                Some("unit") if careful => decode_record_carefully::<UnitDto>(text).is_ok(),
                Some("unit") => decode_record::<UnitDto>(text).is_ok(),
                Some("cluster") if careful => decode_record_carefully::<ClusterDto>(text).is_ok(),
                Some("cluster") => decode_record::<ClusterDto>(text).is_ok(),
                Some("meeting") if careful => decode_record_carefully::<MeetingDto>(text).is_ok(),
                Some("meeting") => decode_record::<MeetingDto>(text).is_ok(),
                _ => false,
            };
            read += usize::from(ok);
        }
        read
    };
    let (quick_ms, quick_read) = time(5, || decode_all(false));
    let (careful_ms, careful_read) = time(5, || decode_all(true));
    let at = "2026-11-27T00:00:00Z";
    // The stored records, for the start-up benchmark in the browser.
    let out = std::path::Path::new("target/bench");
    let stored_records: std::collections::BTreeMap<_, _> = store.entries.iter().collect();
    match serde_json::to_string(&stored_records) {
        Ok(text) if std::fs::create_dir_all(out).is_ok() => {
            if std::fs::write(out.join("large-workspace.json"), text).is_err() {
                eprintln!("bench_files: could not write target/bench/large-workspace.json");
            }
        }
        _ => eprintln!("bench_files: could not write target/bench/large-workspace.json"),
    }
    let (export_ms, file) = time(5, || workspace_file(&ws, at).unwrap_or_default());
    let (read_ms, read) = time(5, || read_file(&file, &[FileKind::Workspace]));
    let Ok(read) = read else {
        eprintln!("bench_files: the exported file did not read back");
        std::process::exit(1);
    };
    let empty = Workspace::default();
    let (plan_new_ms, plan) = time(5, || merge::plan(&empty, &read.bundle));
    let Ok(plan) = plan else {
        eprintln!("bench_files: no plan");
        std::process::exit(1);
    };
    let mut id = 0u64;
    let (apply_ms, applied) = time(5, || {
        merge::apply(&empty, &plan, &[], &mut || {
            id += 1;
            id
        })
    });
    let (plan_same_ms, same) = time(5, || merge::plan(&ws, &read.bundle));
    let identical = same.map(|p| p.identical_count()).unwrap_or(0);
    println!(
        "large workspace: {} clusters, {} units, {} meetings (built in {built:.0} ms)",
        ws.clusters().len(),
        ws.units().len(),
        ws.meetings().len()
    );
    println!(
        "stored: {records} records, {:.2} MB ({stored} UTF-16 units) = {:.0}% of the {:.1} MB quota; 2.5 MB budget {}; first save {save_ms:.0} ms",
        stored as f64 / 1_048_576.0,
        stored as f64 * 100.0 / QUOTA_UNITS as f64,
        QUOTA_UNITS as f64 / 1_048_576.0,
        if stored <= 2_500_000 { "met" } else { "MISSED" },
    );
    println!(
        "start-up read of the {records} records: {load_ms:.0} ms ({}); decoding alone {quick_ms:.0} ms straight from the text ({quick_read} read), {careful_ms:.0} ms through a JSON Value ({careful_read} read) (median of 5, native release)",
        if loaded_ok { "the same workspace" } else { "NOT the same workspace" }
    );
    println!(
        "workspace file: {:.2} MB; export {export_ms:.0} ms; read + check {read_ms:.0} ms (median of 5, native release)",
        file.len() as f64 / 1_048_576.0
    );
    println!(
        "import preview into an empty laptop: {} items in {plan_new_ms:.0} ms; apply + integrity check {apply_ms:.0} ms ({})",
        plan.items.len(),
        if applied.is_ok() { "ok" } else { "FAILED" }
    );
    println!(
        "import preview into the same laptop: {identical} identical items in {plan_same_ms:.0} ms"
    );
    println!(
        "save after one edit: {one_edit_ms:.1} ms ({} record written; records equal to the last save are not encoded again)",
        written.unwrap_or(0)
    );
}
