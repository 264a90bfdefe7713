//! The interface: the app frame, its banners and one module per screen.
//! Components only read the store and call `Store::apply`; every decision
//! is made in `domain` and `rules`.

mod browser;
mod cluster;
mod council;
mod documents;
mod dossier;
mod files;
mod hall;
mod history;
mod home;
mod meeting;
pub mod panic;
mod paper;
mod regulation;
mod results;
mod round;
pub use thidua_core::route;
mod scores;
mod units;
mod widgets;
mod year;

use leptos::prelude::*;

use crate::i18n::{
    describe_record_error, describe_storage_error, name_unreadable, screen_text, Text,
};
use crate::state::{use_store, Notice, Store};
use route::Route;

/// A reactive translation of `text` in the current language.
pub fn tr(text: Text) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = use_store().lang;
    move || text.in_lang(lang.get())
}

#[component]
pub fn App() -> impl IntoView {
    // The hall screen runs alone in its window, reading storage only
    // (issue 16); the hash decides at start (see `hall::HallWindow`).
    if let Route::Hall(cluster, year) = Route::parse(&browser::current_hash()) {
        return view! { <hall::HallWindow cluster=cluster year=year/> }.into_any();
    }
    let store = Store::load();
    crate::host::mark("store-ready");
    provide_context(store);
    store.watch();
    let route = RwSignal::new(Route::parse(&browser::current_hash()));
    let _listener = window_event_listener(leptos::ev::hashchange, move |_| {
        match Route::parse(&browser::current_hash()) {
            // The hall screen starts anew, without this tab's store.
            Route::Hall(..) => browser::reload(),
            next => route.set(next),
        }
    });
    // While a delegate has the laptop, every route shows that booth round
    // (Back, Forward, a typed address, a link, a reload): one decision,
    // `Workspace::locked_booth`, and no way out is offered until the PIN.
    let locked = Memo::new(move |_| store.workspace.with(|ws| ws.locked_booth()));
    Effect::new(move |_| {
        if let Some((meeting, round)) = locked.get() {
            if route.get() != Route::Round(meeting, round) {
                browser::replace_route(Route::Round(meeting, round));
            }
        }
    });
    // A destructive step waiting in the backup dialog is cancelled when the
    // user goes elsewhere or the booth locks: its outcome would otherwise
    // land on a screen that is gone.
    Effect::new(move |previous: Option<Route>| {
        let now = route.get();
        if locked.with(Option::is_some) || previous.is_some_and(|p| p != now) {
            store.answer_backup(None);
        }
        now
    });
    // The document's language follows the switch (screen readers, hyphens).
    Effect::new(move |_| browser::set_document_lang(store.lang.get().code()));

    view! {
        <header class="app-header">
            {move || if locked.with(Option::is_some) {
                view! { <span class="brand" data-testid="brand">"thidua"</span> }.into_any()
            } else {
                view! { <a class="brand" href="#/" data-testid="brand">"thidua"</a> }.into_any()
            }}
            <span class="tagline">{tr(Text::AppTagline)}</span>
            <Show when=move || locked.with(Option::is_none)>
            <nav aria-label=tr(Text::MainNavigation)>
                <a href="#/" data-testid="nav-clusters"
                    class:active=move || matches!(route.get(), Route::Home | Route::Cluster(_) | Route::Year(..) | Route::History(_) | Route::Meeting(..) | Route::Round(..) | Route::Scores(..) | Route::PaperPass(..) | Route::BallotPapers(..) | Route::EntryLog(..) | Route::VoteMinutes(..) | Route::MeetingMinutes(..) | Route::Dossier(..) | Route::ScoreTable(..) | Route::Achievements(..))>
                    {tr(Text::Clusters)}
                </a>
                <a href="#/units" data-testid="nav-units" class:active=move || route.get() == Route::Units>
                    {tr(Text::Units)}
                </a>
                <a href="#/files" data-testid="nav-files" class:active=move || route.get() == Route::Files>
                    {tr(Text::FilesAndBackups)}
                </a>
                <a href="#/council" data-testid="nav-council"
                    class:active=move || matches!(route.get(), Route::Council | Route::CouncilYear(_) | Route::CouncilSummary(_))>
                    {tr(Text::NavCouncil)}
                </a>
            </nav>
            </Show>
            <LangSwitch/>
        </header>
        <Banners locked=locked/>
        <NoticeBanner/>
        <files::BackupDialog/>
        <main data-testid="main">
            {move || {
                if let Some((meeting, round)) = locked.get() {
                    return view! {
                        <div class="booth-locked" data-testid="booth-locked">
                            <round::RoundScreen meeting=meeting round=round/>
                        </div>
                    }.into_any();
                }
                match route.get() {
                Route::Home => view! { <home::HomeScreen/> }.into_any(),
                Route::Units => view! { <units::UnitsScreen/> }.into_any(),
                Route::Files => view! { <files::FilesScreen/> }.into_any(),
                Route::Cluster(id) => view! { <cluster::ClusterScreen id=id/> }.into_any(),
                Route::Year(id, year) => view! { <year::YearScreen id=id year=year/> }.into_any(),
                Route::History(id) => view! { <history::HistoryScreen id=id/> }.into_any(),
                Route::Scores(id, year) => view! { <scores::ScoresScreen cluster=id year=year/> }.into_any(),
                Route::Meeting(id, year) => view! { <meeting::MeetingScreen cluster=id year=year/> }.into_any(),
                Route::Round(meeting, round) => view! { <round::RoundScreen meeting=meeting round=round/> }.into_any(),
                Route::PaperPass(meeting, round, pass) => view! { <paper::PaperEntryScreen meeting=meeting round=round pass=pass/> }.into_any(),
                Route::BallotPapers(meeting, round) => view! { <paper::BallotPapersScreen meeting=meeting round=round/> }.into_any(),
                Route::EntryLog(meeting, round) => view! { <paper::EntryLogScreen meeting=meeting round=round/> }.into_any(),
                Route::VoteMinutes(m, r) => view! { <documents::DocumentScreen which=documents::Which::VoteCount(m, r)/> }.into_any(),
                Route::MeetingMinutes(m) => view! { <documents::DocumentScreen which=documents::Which::Meeting(m)/> }.into_any(),
                Route::Dossier(m) => view! { <dossier::DossierScreen meeting=m/> }.into_any(),
                Route::ScoreTable(c, y) => view! { <documents::DocumentScreen which=documents::Which::ScoreTable(c, y)/> }.into_any(),
                Route::Achievements(c, y) => view! { <documents::DocumentScreen which=documents::Which::Achievements(c, y)/> }.into_any(),
                Route::Council => view! { <council::CouncilListScreen/> }.into_any(),
                Route::CouncilYear(id) => view! { <council::CouncilScreen id=id/> }.into_any(),
                Route::CouncilSummary(id) => view! { <council::CouncilSummaryScreen id=id/> }.into_any(),
                Route::PanicCheck => panic_check().into_any(),
                // Reloaded into `hall::HallWindow` as soon as it is set.
                Route::Hall(..) => ().into_any(),
                Route::NotFound => view! {
                    <section class="card" data-testid="not-found">
                        <h1>{tr(Text::PageNotFound)}</h1>
                        <a href="#/">{tr(Text::BackToClusters)}</a>
                    </section>
                }.into_any(),
            }}}
        </main>
        <footer class="app-footer">{tr(Text::FooterStorage)}</footer>
    }
    .into_any()
}

/// The route `#/debug/panic` stops the app on purpose, so that anyone can
/// see the error screen (and the tests can check it).
fn panic_check() -> impl IntoView {
    panic!("deliberate check of the error screen (#/debug/panic)");
    #[allow(unreachable_code)]
    ()
}

#[component]
fn LangSwitch() -> impl IntoView {
    let store = use_store();
    let other = move || store.lang.get().other();
    view! {
        <button type="button" class="lang-switch" data-testid="lang-switch"
            lang=move || other().code()
            on:click=move |_| store.set_lang(other())>
            {move || Text::LanguageName.in_lang(other())}
        </button>
    }
}

/// The app's banners; while the booth is locked they offer no link away.
#[component]
fn Banners(
    locked: Memo<Option<(crate::domain::MeetingId, crate::domain::RoundId)>>,
) -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    view! {
        <Show when=move || store.save_error.with(Option::is_some)>
            <div class="banner banner-error" role="alert" data-testid="save-error">
                <strong>{tr(Text::NotSaved)}</strong>" "
                {move || store.save_error.get().map(|e| store.workspace.with(|ws| describe_storage_error(lang.get(), &e, ws)))}
                <p>{tr(Text::NotSavedAdvice)}</p>
                <button type="button" data-testid="retry-save" on:click=move |_| store.retry_save()>{tr(Text::TryAgain)}</button>
                <Show when=move || locked.with(Option::is_none)>
                    " "<a href="#/files" data-testid="save-error-files">{tr(Text::OpenFilesAndBackups)}</a>
                </Show>
            </div>
        </Show>
        <Show when=move || store.lock_error.with(Option::is_some)>
            <div class="banner banner-error" role="alert" data-testid="lock-error">
                {tr(Text::VoteLockNotKept)}" "
                {move || store.lock_error.get().map(|e| store.workspace.with(|ws| describe_storage_error(lang.get(), &e, ws)))}
                <Show when=move || locked.with(Option::is_none)>
                    " "<a href="#/files" data-testid="lock-error-files">{tr(Text::OpenFilesAndBackups)}</a>
                </Show>
            </div>
        </Show>
        <Show when=move || store.set_aside.with(|s| !s.is_empty())>
            <div class="banner banner-warning" role="alert" data-testid="set-aside">
                <strong>{tr(Text::SetAsideTitle)}</strong>
                <ul>
                    {move || store.set_aside.get().into_iter().map(|entry| {
                        let lang = lang.get();
                        let what = store.workspace.with(|ws| name_unreadable(lang, &entry.key, &entry.label, ws));
                        let said = screen_text::set_aside_entry(lang, &what, entry.kept_under.is_some());
                        let where_kept = screen_text::set_aside_place(lang, entry.kept_under.as_deref());
                        view! {
                            <li data-testid="set-aside-entry">{said}" "
                                <details class="technical">
                                    <summary>{Text::TechnicalDetails.in_lang(lang)}</summary>
                                    <code>{entry.key.clone()}</code>": "{describe_record_error(lang, &entry.error)}" — "{where_kept}
                                </details>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                <p>{tr(Text::SetAsideAdvice)}</p>
                <button type="button" data-testid="dismiss-set-aside" on:click=move |_| store.set_aside.set(Vec::new())>{tr(Text::Dismiss)}</button>
            </div>
        </Show>
    }
}

/// The notice after another tab changed the data, or a snapshot had to be
/// downloaded instead of kept.
#[component]
pub fn NoticeBanner() -> impl IntoView {
    let store = use_store();
    move || {
        store.notice.get().map(|notice| {
            let text = match notice {
                Notice::UpdatedElsewhere => tr(Text::UpdatedElsewhere)()
                .to_owned(),
                Notice::SnapshotDownloaded(name) => screen_text::snapshot_downloaded(store.lang.get(), &name),
                Notice::Restored => tr(Text::SnapshotRestored)().to_owned(),
            };
            view! {
                <div class="banner banner-info" role="status" data-testid="notice">
                    {text}" "
                    <button type="button" class="secondary" data-testid="dismiss-notice" on:click=move |_| store.notice.set(None)>{tr(Text::NoticeOk)}</button>
                </div>
            }
        })
    }
}
