//! wasm-bindgen tests in headless Chromium: the real localStorage, and the
//! app mounted on a real page.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use leptos::task::tick;
use thidua::domain::{sample, Workspace};
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

#[wasm_bindgen_test]
fn storage_round_trip_in_the_browser() {
    clear_thidua_keys();
    let mut ws = Workspace::default();
    let mut next = 1u64;
    sample::load_sample(&mut ws, || {
        next += 1;
        next
    })
    .expect("sample");
    let mut browser = BrowserStorage::open().expect("localStorage");
    Persister::default()
        .save_workspace(&mut browser, &ws)
        .expect("save");
    assert!(browser.used_bytes() > 0);
    let loaded = load(&mut browser).expect("load");
    assert!(loaded.set_aside.is_empty());
    let mut units = loaded.workspace.units.clone();
    units.sort_by_key(|u| u.id);
    let mut expected = ws.units.clone();
    expected.sort_by_key(|u| u.id);
    assert_eq!(units, expected);
    assert_eq!(loaded.workspace.clusters, ws.clusters);
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
