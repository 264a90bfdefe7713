//! The floor app: one localStorage key read, one list rendered.

use leptos::prelude::*;

fn main() {
    leptos::mount::mount_to_body(Floor);
}

/// The names stored under `thidua.floor`, one a line, as a list (the same
/// test ids as thidua's first screen, so one benchmark watches both).
#[component]
fn Floor() -> impl IntoView {
    let names: Vec<String> = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item("thidua.floor").ok().flatten())
        .map(|text| text.lines().map(str::to_owned).collect())
        .unwrap_or_default();
    view! {
        <header><span data-testid="brand">"floor"</span></header>
        <main>
            {if names.is_empty() {
                view! { <p data-testid="no-clusters">"—"</p> }.into_any()
            } else {
                view! {
                    <ul>{names.into_iter().map(|n| view! { <li data-testid="cluster-row">{n}</li> }).collect_view()}</ul>
                }.into_any()
            }}
        </main>
    }
}
