//! wasm-bindgen tests in headless Chromium: the real localStorage, and the
//! app mounted on a real page.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use leptos::task::tick;
use thidua::domain::Workspace;
use thidua::sample;
use thidua::storage::{load, BrowserStorage, KeyValue, Persister};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn clear_thidua_keys() {
    let mut browser = BrowserStorage::open().expect("localStorage");
    for key in browser.keys().expect("keys") {
        if key.starts_with("thidua.") {
            browser.remove(&key).expect("remove");
        }
    }
}

/// The built-in sample cluster, with ids 2, 3, …
fn sample_workspace() -> Workspace {
    let mut ws = Workspace::default();
    let mut next = 1u64;
    sample::load_sample(&mut ws, || {
        next += 1;
        next
    })
    .expect("sample");
    ws
}

#[wasm_bindgen_test]
fn storage_round_trip_in_the_browser() {
    clear_thidua_keys();
    let ws = sample_workspace();
    let mut browser = BrowserStorage::open().expect("localStorage");
    Persister::default()
        .save_workspace(&mut browser, &ws)
        .expect("save");
    assert!(thidua::storage::usage(&browser).expect("usage").live > 0);
    let loaded = load(&mut browser).expect("load");
    assert!(loaded.set_aside.is_empty());
    let mut units = loaded.workspace.units().to_vec();
    units.sort_by_key(|u| u.id);
    let mut expected = ws.units().to_vec();
    expected.sort_by_key(|u| u.id);
    assert_eq!(units, expected);
    assert_eq!(loaded.workspace.clusters(), ws.clusters());
    clear_thidua_keys();
}

#[wasm_bindgen_test]
async fn corrupt_value_is_set_aside_and_reported_on_screen() {
    clear_thidua_keys();
    let mut browser = BrowserStorage::open().expect("localStorage");
    browser
        .set("thidua.cluster.77", "{\"version\":1,\"data\":")
        .expect("plant");
    leptos::mount::mount_to_body(thidua::ui::App);
    tick().await;
    let document = document();
    let banner = document
        .query_selector("[data-testid=set-aside]")
        .expect("query")
        .expect("the banner is shown");
    let text = banner.text_content().unwrap_or_default();
    assert!(text.contains("thidua.cluster.77"), "{text}");
    assert!(text.contains("thidua.aside.1.thidua.cluster.77"), "{text}");
    assert_eq!(browser.get("thidua.cluster.77").expect("get"), None);
    assert_eq!(
        browser
            .get("thidua.aside.1.thidua.cluster.77")
            .expect("get")
            .as_deref(),
        Some("{\"version\":1,\"data\":")
    );
    clear_thidua_keys();
}

/// Snapshots in the real localStorage: one is kept and restores whole;
/// with the origin's storage filled to the quota, none is kept, nothing is
/// removed, and the live records are untouched.
#[wasm_bindgen_test]
fn snapshots_respect_the_real_quota() {
    use thidua::storage::{read_snapshot, snapshots, take_snapshot, usage};
    clear_thidua_keys();
    let ws = sample_workspace();
    let mut browser = BrowserStorage::open().expect("localStorage");
    Persister::default()
        .save_workspace(&mut browser, &ws)
        .expect("save");
    let key = take_snapshot(&mut browser, "import", "a.thidua.json", "now", &ws).expect("snapshot");
    assert_eq!(
        read_snapshot(&browser, &key).expect("restore").clusters(),
        ws.clusters()
    );
    let live_before = usage(&browser).expect("usage").live;
    // Fill what is left of the quota with another app's keys.
    let mut size = 1usize << 20;
    let mut n = 0;
    while size > 16 {
        if browser
            .set(&format!("filler.{n}"), &"x".repeat(size))
            .is_ok()
        {
            n += 1;
        } else {
            size /= 2;
        }
    }
    let refused = take_snapshot(&mut browser, "delete-year", "", "later", &ws);
    assert!(refused.is_err(), "no room: {refused:?}");
    assert_eq!(
        snapshots(&browser).expect("list").len(),
        1,
        "the old one is kept"
    );
    assert_eq!(usage(&browser).expect("usage").live, live_before);
    for i in 0..n {
        browser.remove(&format!("filler.{i}")).expect("remove");
    }
    clear_thidua_keys();
}
