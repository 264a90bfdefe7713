//! The storage meter: bytes used against the quota, by kind.

use leptos::prelude::*;

use crate::i18n::{describe_storage_error, format_megabytes, screen_text, Text};
use crate::state::use_store;
use crate::storage::{self, Usage, QUOTA_UNITS};
use crate::ui::tr;

/// Bytes used against the quota, by kind, with the way out when full.
#[component]
pub fn StorageCard() -> impl IntoView {
    let store = use_store();
    // A memo: the card changes only when the numbers do.
    let usage = Memo::new(move |_| {
        store.tick.track();
        store.workspace.track();
        store.storage(|b| storage::usage(b))
    });
    let lang = store.lang;
    let mb = move |units: usize| format_megabytes(lang.get(), units);
    view! {
        <section class="card" data-testid="storage-card">
            <h2>{tr(Text::BrowserStorage)}</h2>
            {move || usage.get().err().map(|e| view! {
                <p class="form-error" role="alert" data-testid="storage-usage-error">
                    {tr(Text::StorageUsageUnreadable)}" "{store.workspace.with(|ws| describe_storage_error(lang.get(), &e, ws))}
                </p>
            })}
            {move || {
                let u: Usage = usage.get().unwrap_or_default();
                let percent = u.percent().min(100);
                view! {
                    <p data-testid="storage-used">
                        {screen_text::storage_used(lang.get(), &mb(u.total()), &mb(QUOTA_UNITS), u.percent())}
                    </p>
                    <div class="meter" role="meter" aria-valuemin="0" aria-valuemax="100"
                        aria-valuenow=percent.to_string()
                        aria-label=tr(Text::StorageUsed)
                        class:meter-warning=u.warning()>
                        <div class="meter-fill" style=format!("width: {percent}%")></div>
                    </div>
                    <ul class="meter-parts">
                        <li>{tr(Text::StoredData)}": "{mb(u.live)}</li>
                        <li>{tr(Text::Snapshots)}": "{mb(u.snapshots)}</li>
                        {(u.aside > 0).then(|| view! { <li>{tr(Text::SetAside)}": "{mb(u.aside)}</li> })}
                        {(u.other > 0).then(|| view! { <li>{tr(Text::OtherPagesStorage)}": "{mb(u.other)}</li> })}
                    </ul>
                    {u.warning().then(|| view! {
                        <p class="banner banner-warning" role="alert" data-testid="storage-warning">
                            {tr(Text::StorageNearlyFull)}
                        </p>
                    })}
                }
            }}
        </section>
    }
}
