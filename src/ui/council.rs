//! The higher council's screens (issue 17): its years, one year's files
//! received with their paper check, the consolidated nominees and flags,
//! the exports and the council's own vote; the summary to print.

use std::collections::BTreeMap;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::browser::{compare_vi, navigate};
use super::documents::{render, PrintTools};
use super::route::Route;
use super::tr;
use super::widgets::following;
use crate::documents::{council_csv, council_summary};
use crate::domain::{
    AwardLimit, Council, CouncilDraft, CouncilId, Date, Fraction, PaperCheck, ReceivedFile,
    Standing,
};
use crate::exchange::read_council_file;
use crate::host::{download, now_iso};
use crate::i18n::{
    council_title, describe_domain_error, describe_file_error, describe_flag, describe_paper_check,
    describe_paper_outcome, describe_receipt, describe_round_problem, describe_standing,
    describe_storage_error, file_fingerprint, files_not_kept, format_megabytes, format_moment,
    format_share, not_a_limit, not_a_share, not_a_year, Lang, Text,
};
use crate::rules::council::{consolidate, file_outcomes, file_status, NomineeRow, VotersUpdate};
use crate::state::{use_store, CouncilImport, CouncilRefusal, Received};

fn describe_refusal(lang: Lang, refusal: &CouncilRefusal) -> String {
    let store = use_store();
    store.workspace.with_untracked(|ws| match refusal {
        CouncilRefusal::Domain(e) => describe_domain_error(lang, e, ws),
        CouncilRefusal::Storage(e) => describe_storage_error(lang, e, ws),
        CouncilRefusal::Missing => Text::CouncilMissing.in_lang(lang).to_owned(),
        CouncilRefusal::Vote(e) => e.describe(lang, ws),
        CouncilRefusal::Busy => Text::CouncilBusy.in_lang(lang).to_owned(),
    })
}

/// Today, from the browser's clock.
fn today() -> Option<Date> {
    let iso = now_iso();
    iso.get(..10).and_then(|d| d.parse().ok())
}

/// Lines of a textarea, trimmed, empty ones left out.
fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

/// `#/council`: the council's years and a form for a new one.
#[component]
pub fn CouncilListScreen() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let name = RwSignal::new(String::new());
    let year = RwSignal::new(
        today()
            .map(|d| d.year.saturating_sub(1))
            .unwrap_or(2024)
            .to_string(),
    );
    let error = RwSignal::new(None::<String>);
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang = lang.get_untracked();
        let typed = year.get_untracked();
        let Ok(year) = typed.trim().parse::<u16>() else {
            error.set(Some(not_a_year(lang, typed.trim())));
            return;
        };
        let draft = CouncilDraft {
            name: name.get_untracked(),
            year,
            ..CouncilDraft::default()
        };
        match store.add_council(draft) {
            Ok(id) => {
                error.set(None);
                navigate(Route::CouncilYear(id));
            }
            Err(e) => error.set(Some(describe_refusal(lang, &e))),
        }
    };
    let list = move || {
        let lang = lang.get();
        match store.councils() {
            Err(e) => view! { <p class="form-error" role="alert">{store.workspace.with(|ws| describe_storage_error(lang, &e, ws))}</p> }.into_any(),
            Ok(list) if list.is_empty() => view! { <p class="hint" data-testid="council-none">{Text::CouncilNone.in_lang(lang)}</p> }.into_any(),
            Ok(list) => view! {
                <ul class="council-years">
                    {list.into_iter().map(|c| match c {
                        Ok(c) => view! {
                            <li><a href=Route::CouncilYear(c.id).href() data-testid="council-year-link">{council_title(lang, &c.name, c.year)}</a>
                            " — "{c.received().len()}" "{lang.pick_str("tệp", "files")}</li>
                        }.into_any(),
                        Err(e) => view! {
                            <li class="form-error">{Text::CouncilUnreadable.in_lang(lang)}" "{store.workspace.with(|ws| describe_storage_error(lang, &e, ws))}</li>
                        }.into_any(),
                    }).collect_view()}
                </ul>
            }.into_any(),
        }
    };
    view! {
        <section data-testid="council">
            <h1>{tr(Text::CouncilHeading)}</h1>
            <p class="hint">{tr(Text::CouncilIntro)}</p>
            <h2>{tr(Text::CouncilYears)}</h2>
            {list}
            <CouncilImportCard/>
            <form class="card" on:submit=create data-testid="council-new">
                <h2>{tr(Text::CouncilNew)}</h2>
                <label class="field">
                    <span class="field-label">{tr(Text::CouncilName)}" *"</span>
                    <input type="text" required data-testid="council-name" bind:value=name/>
                </label>
                <label class="field">
                    <span class="field-label">{tr(Text::CouncilYear)}" *"</span>
                    <input type="text" inputmode="numeric" required data-testid="council-year" bind:value=year/>
                </label>
                <button type="submit" data-testid="council-create">{tr(Text::CouncilCreate)}</button>
                {move || error.get().map(|e| view! { <p class="form-error" role="alert" data-testid="council-new-error">{e}</p> })}
            </form>
        </section>
    }
}

/// What opening a council-year file said.
#[derive(Clone, Debug)]
enum ImportMessage {
    Done(Text),
    Refused(String),
    Differs(Box<Council>),
}

/// Opens a council-year file (its backup, or one from another laptop).
#[component]
fn CouncilImportCard() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let message = RwSignal::new(None::<ImportMessage>);
    let on_pick = move |ev: leptos::ev::Event| {
        let input = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        let files = file_list(input.as_ref().and_then(|i| i.files()));
        if let Some(input) = input {
            input.set_value("");
        }
        leptos::task::spawn_local(async move {
            let Some((_, text)) = crate::host::read_files(files).await.into_iter().next() else {
                return;
            };
            let lang = lang.get_untracked();
            let read = match text {
                Err(None) => Err(Text::FileNotRead.in_lang(lang).to_owned()),
                Err(Some(e)) => Err(describe_file_error(lang, &e)),
                Ok(text) => read_council_file(&text).map_err(|e| describe_file_error(lang, &e)),
            };
            message.try_set(Some(match read {
                Err(why) => ImportMessage::Refused(why),
                Ok(council) => match store.import_council(council) {
                    Ok(CouncilImport::Added(_)) => ImportMessage::Done(Text::CouncilImportAdded),
                    Ok(CouncilImport::AlreadyHere(_)) => {
                        ImportMessage::Done(Text::CouncilImportSame)
                    }
                    Ok(CouncilImport::Differs(c)) => ImportMessage::Differs(c),
                    Err(e) => ImportMessage::Refused(describe_refusal(lang, &e)),
                },
            }));
        });
    };
    let shown = move || {
        message.get().map(|m| match m {
            ImportMessage::Done(text) => view! { <p class="saved-note" role="status" data-testid="council-import-message">{tr(text)}</p> }.into_any(),
            ImportMessage::Refused(why) => view! { <p class="form-error" role="alert" data-testid="council-import-message">{why}</p> }.into_any(),
            ImportMessage::Differs(council) => {
                let council = StoredValue::new(*council);
                view! {
                    <div class="confirm" role="alert" data-testid="council-import-differs">
                        <p>{tr(Text::CouncilImportDiffers)}</p>
                        <button type="button" data-testid="council-import-replace" on:click=move |_| {
                            let outcome = council.with_value(|c| store.replace_council(c));
                            message.set(Some(match outcome {
                                Ok(()) => ImportMessage::Done(Text::CouncilImportReplaced),
                                Err(e) => ImportMessage::Refused(describe_refusal(lang.get_untracked(), &e)),
                            }));
                        }>{tr(Text::CouncilImportReplace)}</button>
                        " "<button type="button" class="secondary" data-testid="council-import-keep"
                            on:click=move |_| message.set(None)>{tr(Text::CouncilImportKeep)}</button>
                    </div>
                }
                .into_any()
            }
        })
    };
    view! {
        <div class="card" data-testid="council-import-card">
            <h2>{tr(Text::CouncilImport)}</h2>
            <p class="hint">{tr(Text::CouncilImportHint)}</p>
            <label class="field">
                <span class="field-label">{tr(Text::CouncilImport)}</span>
                <input type="file" accept=".json,application/json" data-testid="council-import" on:change=on_pick/>
            </label>
            {shown}
        </div>
    }
}

fn crumbs(id: CouncilId, title: String, here: Option<Text>) -> impl IntoView {
    view! {
        <nav class="breadcrumb no-print" aria-label=tr(Text::Breadcrumb) data-testid="crumbs">
            <a href=Route::Council.href() data-testid="crumb-council">{tr(Text::NavCouncil)}</a>" › "
            {match here {
                Some(here) => view! {
                    <a href=Route::CouncilYear(id).href() data-testid="crumb-council-year">{title}</a>" › "
                    <span aria-current="page">{tr(here)}</span>
                }.into_any(),
                None => view! { <span aria-current="page">{title}</span> }.into_any(),
            }}
        </nav>
    }
}

/// What a row of the files list last said: the paper check's outcome, or
/// why it was refused (worded in the language of the moment).
#[derive(Clone, Debug, PartialEq, Eq)]
enum RowMessage {
    Paper(PaperCheck),
    Refused(CouncilRefusal),
}

/// What the settings form's last save said.
#[derive(Clone, Debug, PartialEq, Eq)]
enum SettingsMessage {
    Saved(VotersUpdate),
    Refused(CouncilRefusal),
    NotAYear(String),
    NotALimit(String, String),
    NotAShare(String, String),
}

/// What the user typed and was told on a council-year's screen, made once
/// for the screen: the year is drawn again whenever it changes (a file
/// received, a fingerprint checked, another tab's change, the language),
/// and none of this is lost then.
#[derive(Clone, Copy)]
struct Typed {
    /// Fingerprints typed and not yet checked, by file (SHA-256).
    fingerprints: RwSignal<BTreeMap<String, String>>,
    row_messages: RwSignal<BTreeMap<String, RowMessage>>,
    name: RwSignal<String>,
    year: RwSignal<String>,
    expected: RwSignal<String>,
    members: RwSignal<String>,
    /// Limits typed and not yet saved, by award: (at most, least share).
    limits: RwSignal<BTreeMap<String, (String, String)>>,
    settings_message: RwSignal<Option<SettingsMessage>>,
    /// Whether the settings are unfolded; at first, while no member is set.
    settings_open: RwSignal<Option<bool>>,
}

/// `#/council/<id>`: one council-year.
#[component]
pub fn CouncilScreen(id: CouncilId) -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    // Storage is read again on every tick (another tab's change, the
    // heartbeat); the screen is drawn again only when the council-year
    // itself changed.
    let council = Memo::new(move |_| store.council(id));
    let stored = move |field: fn(&Council) -> String| {
        move || {
            council.with(|c| match c {
                Ok(Some(c)) => field(c),
                _ => String::new(),
            })
        }
    };
    // The settings fields follow what is stored until the user types.
    let typed = Typed {
        fingerprints: RwSignal::new(BTreeMap::new()),
        row_messages: RwSignal::new(BTreeMap::new()),
        name: following(stored(|c| c.name.clone())),
        year: following(stored(|c| c.year.to_string())),
        expected: following(stored(|c| c.expected.join("\n"))),
        members: following(stored(|c| c.members.join("\n"))),
        limits: RwSignal::new(BTreeMap::new()),
        settings_message: RwSignal::new(None),
        settings_open: RwSignal::new(None),
    };
    let header = move || {
        let lang_now = lang.get();
        match council.get() {
            Err(e) => Err(view! { <p class="form-error" role="alert" data-testid="council-error">{store.workspace.with(|ws| describe_storage_error(lang_now, &e, ws))}</p> }.into_any()),
            Ok(None) => Err(view! { <p class="form-error" role="alert" data-testid="council-error">{Text::CouncilMissing.in_lang(lang_now)}</p> }.into_any()),
            Ok(Some(council)) => Ok(council),
        }
    };
    view! {
        <section data-testid="council-year-screen">
            {move || match header() {
                Err(message) => message,
                Ok(council) => {
                    let title = council_title(lang.get(), &council.name, council.year);
                    view! {
                        {crumbs(id, title.clone(), None)}
                        <h1 data-testid="council-title">{title}</h1>
                        <p class="hint" data-testid="council-backup-note">{tr(Text::CouncilBackupNote)}</p>
                    }
                    .into_any()
                }
            }}
            <Show when=move || header().is_ok()>
                <ReceiveCard id=id/>
            </Show>
            {move || header().ok().map(|council| view! {
                <FilesCard council=council.clone() typed=typed/>
                <FlagsCard council=council.clone()/>
                <TableCard council=council.clone()/>
                <ExportCard council=council.clone()/>
                <VoteCard council=council.clone()/>
                <SettingsCard council=council typed=typed/>
            })}
        </section>
    }
}

fn file_list(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

#[component]
fn ReceiveCard(id: CouncilId) -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let outcomes = RwSignal::new(Vec::<(String, Received)>::new());
    // Files reported received that were gone from the stored year a moment
    // later (another tab wrote it at the same time).
    let not_kept = RwSignal::new(Vec::<String>::new());
    let refusal = RwSignal::new(None::<CouncilRefusal>);
    let dragging = RwSignal::new(false);
    let take = move |files: Vec<web_sys::File>| {
        if files.is_empty() {
            return;
        }
        // The screen may be left while the files are read, and within the
        // second after: what follows then writes into nothing (`try_`),
        // never into a signal that is gone.
        leptos::task::spawn_local(async move {
            let texts = crate::host::read_files(files).await;
            let result = store.receive_results(id, texts);
            not_kept.try_set(Vec::new());
            match result {
                Err(e) => {
                    outcomes.try_set(Vec::new());
                    refusal.try_set(Some(e));
                }
                Ok(list) => {
                    refusal.try_set(None);
                    outcomes.try_set(list);
                    set_timeout(
                        move || {
                            let Some(reported) = outcomes.try_get_untracked() else {
                                return;
                            };
                            let stored = store.council(id).ok().flatten();
                            let missing: Vec<String> = reported
                                .into_iter()
                                .filter_map(|(name, r)| match r {
                                    Received::Taken(_, sha) => stored
                                        .as_ref()
                                        .is_none_or(|c| c.file(&sha).is_none())
                                        .then_some(name),
                                    _ => None,
                                })
                                .collect();
                            not_kept.try_set(missing);
                        },
                        std::time::Duration::from_millis(1000),
                    );
                }
            }
        });
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let input = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        take(file_list(input.as_ref().and_then(|i| i.files())));
        if let Some(input) = input {
            input.set_value("");
        }
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        take(file_list(ev.data_transfer().and_then(|d| d.files())));
    };
    let line = move |r: &Received| -> (String, bool) {
        let lang = lang.get();
        match r {
            Received::Taken(receipt, _) => (describe_receipt(lang, *receipt).to_owned(), true),
            Received::Unreadable => (Text::FileNotRead.in_lang(lang).to_owned(), false),
            Received::File(e) => (describe_file_error(lang, e), false),
            Received::Domain(e) => (
                store
                    .workspace
                    .with_untracked(|ws| describe_domain_error(lang, e, ws)),
                false,
            ),
        }
    };
    view! {
        <div class="card" data-testid="council-receive">
            <h2>{tr(Text::CouncilReceive)}</h2>
            <p class="hint">{tr(Text::CouncilReceiveHint)}</p>
            <div class="drop-zone" class:dragging=move || dragging.get() data-testid="council-drop"
                on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); dragging.set(true); }
                on:dragleave=move |_| dragging.set(false)
                on:drop=on_drop>
                <label class="field">
                    <span class="field-label">{tr(Text::CouncilDrop)}</span>
                    <input type="file" multiple accept=".json,application/json" data-testid="council-files" on:change=on_pick/>
                </label>
            </div>
            {move || refusal.get().map(|e| view! { <p class="form-error" role="alert" data-testid="council-receive-error">{describe_refusal(lang.get(), &e)}</p> })}
            {move || {
                let missing = not_kept.get();
                (!missing.is_empty()).then(|| view! {
                    <p class="form-error" role="alert" data-testid="council-not-kept">{files_not_kept(lang.get(), &missing)}</p>
                })
            }}
            <div role="status">
                <ul class="council-receipts" data-testid="council-receipts">
                    {move || outcomes.get().into_iter().map(|(name, r)| {
                        let (text, ok) = line(&r);
                        view! {
                            <li data-testid="council-receipt" class:form-error=!ok>
                                <strong>{name}</strong>": "{text}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </div>
        </div>
    }
}

/// The nominees of a file in one line per award, to compare two files.
fn file_nominees(lang: Lang, file: &crate::domain::ReceivedFile) -> Vec<String> {
    file_outcomes(file)
        .into_iter()
        .map(|o| match o.result {
            Ok(result) => {
                let names: Vec<String> = result
                    .nominated
                    .iter()
                    .map(|u| {
                        let votes = result
                            .candidates
                            .iter()
                            .find(|c| c.unit == *u)
                            .map_or(0, |c| c.votes);
                        format!("{} ({votes})", file.unit_name(*u))
                    })
                    .collect();
                format!("{}: {}", o.award, names.join("; "))
            }
            Err(problem) => format!("{}: {}", o.award, describe_round_problem(lang, &problem)),
        })
        .collect()
}

#[component]
fn FilesCard(council: Council, typed: Typed) -> impl IntoView {
    let store = use_store();
    let lang = store.lang.get_untracked();
    let id = council.id;
    if council.received().is_empty() {
        return view! {
            <div class="card" data-testid="council-files-card">
                <h2>{tr(Text::CouncilFiles)}</h2>
                <p class="hint">{tr(Text::CouncilNoFiles)}</p>
            </div>
        }
        .into_any();
    }
    // Files waiting for a choice, grouped by cluster in arrival order.
    let mut waiting: Vec<(String, Vec<ReceivedFile>)> = Vec::new();
    for f in council
        .received()
        .iter()
        .filter(|f| f.standing == Standing::AwaitingChoice)
    {
        let key = crate::domain::unit_name_key(&f.cluster);
        match waiting.iter_mut().find(|(k, _)| *k == key) {
            Some((_, files)) => files.push(f.clone()),
            None => waiting.push((key, vec![f.clone()])),
        }
    }
    let rows = council
        .received()
        .iter()
        .enumerate()
        .map(|(idx, f)| {
            let status = file_status(f);
            let sha = StoredValue::new(f.sha256.clone());
            let check = move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                let sha = sha.get_value();
                let text = typed
                    .fingerprints
                    .with_untracked(|m| m.get(&sha).cloned().unwrap_or_default());
                let message = match store.edit_council(id, |c| c.confirm_paper(&sha, &text)) {
                    Ok(paper) => {
                        typed.fingerprints.update(|m| {
                            m.remove(&sha);
                        });
                        RowMessage::Paper(paper)
                    }
                    Err(e) => RowMessage::Refused(e),
                };
                typed.row_messages.update(|m| {
                    m.insert(sha, message);
                });
            };
            let choose = move |_| {
                if let Err(e) = store.edit_council(id, |c| c.choose(&sha.get_value())) {
                    typed.row_messages.update(|m| {
                        m.insert(sha.get_value(), RowMessage::Refused(e));
                    });
                }
            };
            let paper_class = match f.paper {
                PaperCheck::Confirmed => "paper-ok",
                PaperCheck::NotConfirmed => "paper-pending",
                PaperCheck::Mismatch(_) => "paper-bad",
            };
            let mut state = vec![describe_standing(lang, f.standing).to_owned()];
            if status.problems.is_empty() {
                state.push(Text::CouncilCountsOk.in_lang(lang).to_owned());
            }
            for (_, award, problem) in &status.problems {
                state.push(format!("{award}: {}", describe_round_problem(lang, problem)));
            }
            if status.rounds_not_closed > 0 {
                state.push(lang.pick(
                    format!("còn {} vòng chưa kết thúc", status.rounds_not_closed),
                    format!("{} round(s) not closed", status.rounds_not_closed),
                ));
            }
            let awaiting = f.standing == Standing::AwaitingChoice;
            let value = move || {
                typed
                    .fingerprints
                    .with(|m| m.get(&sha.get_value()).cloned().unwrap_or_default())
            };
            let on_input = move |ev: leptos::ev::Event| {
                let text = event_target_value(&ev);
                typed.fingerprints.update(|m| {
                    m.insert(sha.get_value(), text);
                });
            };
            let message = move || {
                typed.row_messages.with(|m| m.get(&sha.get_value()).cloned()).map(|msg| {
                    let (text, ok) = match &msg {
                        RowMessage::Paper(paper) => {
                            (describe_paper_outcome(lang, paper), *paper == PaperCheck::Confirmed)
                        }
                        RowMessage::Refused(e) => (describe_refusal(lang, e), false),
                    };
                    view! { <p class:form-error=!ok class:saved-note=ok role="status" data-testid="council-paper-message">{text}</p> }
                })
            };
            view! {
                <tr data-testid="council-file" class:replaced=f.standing == Standing::Replaced>
                    <td class="num">{idx + 1}</td>
                    <td data-testid="council-file-cluster">{f.cluster.clone()}</td>
                    <td class="num">{f.year}</td>
                    <td>{f.meeting_date.map(|d| d.to_vietnamese()).unwrap_or_default()}</td>
                    <td class="mono" data-testid="council-file-fingerprint">{file_fingerprint(f)}</td>
                    <td class=paper_class data-testid="council-file-paper">{describe_paper_check(lang, &f.paper)}</td>
                    <td data-testid="council-file-status">{state.join("; ")}</td>
                    <td>{format_moment(&f.arrived_at)}</td>
                    <td>
                        <form class="inline-form" on:submit=check>
                            <label class="field">
                                <span class="field-label">{tr(Text::CouncilPaperInput)}</span>
                                <input type="text" class="mono" autocomplete="off" placeholder=tr(Text::CouncilPaperPlaceholder)
                                    data-testid="council-paper-input" prop:value=value on:input=on_input/>
                            </label>
                            <button type="submit" data-testid="council-paper-check">{tr(Text::CouncilPaperCheck)}</button>
                        </form>
                        {awaiting.then(|| view! {
                            <button type="button" data-testid="council-choose" on:click=choose>{tr(Text::CouncilChoose)}</button>
                        })}
                        {message}
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="card" data-testid="council-files-card">
            <h2>{tr(Text::CouncilFiles)}</h2>
            <div class="table-scroll">
                <table class="data council-files" data-testid="council-files-table">
                    <thead><tr>
                        <th scope="col">{tr(Text::CouncilRowNo)}</th>
                        <th scope="col">{tr(Text::CouncilCluster)}</th>
                        <th scope="col">{tr(Text::CouncilYear)}</th>
                        <th scope="col">{tr(Text::CouncilMeetingDate)}</th>
                        <th scope="col">{tr(Text::CouncilFingerprint)}</th>
                        <th scope="col">{tr(Text::CouncilPaper)}</th>
                        <th scope="col">{tr(Text::CouncilStatus)}</th>
                        <th scope="col">{tr(Text::CouncilArrived)}</th>
                        <th scope="col">{tr(Text::Actions)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            {(!waiting.is_empty()).then(|| view! {
                <div class="council-compare" data-testid="council-compare">
                    <p class="hint">{tr(Text::CouncilCompare)}</p>
                    {waiting.into_iter().map(|(_, files)| view! {
                        <div class="side-by-side" data-testid="council-compare-cluster">
                            {files.iter().map(|f| view! {
                                <div class="card compare-file" data-testid="council-compare-file">
                                    <h3>{f.cluster.clone()}" — "<span class="mono">{file_fingerprint(f)}</span></h3>
                                    <p class="hint">{format_moment(&f.exported_at)}</p>
                                    <ul>{file_nominees(lang, f).into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                                </div>
                            }).collect_view()}
                        </div>
                    }).collect_view()}
                </div>
            })}
        </div>
    }
    .into_any()
}

#[component]
fn FlagsCard(council: Council) -> impl IntoView {
    let lang = use_store().lang.get_untracked();
    let flags = consolidate(&council).flags;
    view! {
        <div class="card" data-testid="council-flags">
            <h2>{tr(Text::CouncilFlags)}</h2>
            {if flags.is_empty() {
                view! { <p class="hint">{tr(Text::CouncilNoFlags)}</p> }.into_any()
            } else {
                view! {
                    <ul class="council-flags">
                        {flags.iter().map(|f| view! { <li data-testid="council-flag">{describe_flag(lang, f)}</li> }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </div>
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SortBy {
    /// Files' arrival, then rank.
    Arrival,
    Votes,
    Share,
    Cluster,
    Unit,
}

fn sorted(mut rows: Vec<NomineeRow>, by: SortBy) -> Vec<NomineeRow> {
    match by {
        SortBy::Arrival => {}
        SortBy::Votes => crate::sort::sort_by(&mut rows, |a, b| b.votes.cmp(&a.votes)),
        SortBy::Share => crate::sort::sort_by(&mut rows, |a, b| b.share_bp.cmp(&a.share_bp)),
        SortBy::Cluster => {
            crate::sort::sort_by(&mut rows, |a, b| compare_vi(&a.cluster, &b.cluster))
        }
        SortBy::Unit => {
            crate::sort::sort_by(&mut rows, |a, b| compare_vi(&a.unit_name, &b.unit_name))
        }
    }
    rows
}

#[component]
fn TableCard(council: Council) -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let table = StoredValue::new(consolidate(&council));
    let award = RwSignal::new(String::new());
    let cluster = RwSignal::new(String::new());
    let by = RwSignal::new(SortBy::Arrival);
    let awards: Vec<String> =
        table.with_value(|t| t.awards.iter().map(|(a, _)| a.clone()).collect());
    let mut clusters: Vec<String> = Vec::new();
    table.with_value(|t| {
        for row in t.rows() {
            if !clusters.contains(&row.cluster) {
                clusters.push(row.cluster.clone());
            }
        }
    });
    let sort_button = move |label: Text, key: SortBy, testid: &'static str| {
        view! {
            <button type="button" class="link-button" data-testid=testid
                aria-pressed=move || (by.get() == key).to_string()
                on:click=move |_| by.set(key)>{tr(label)}</button>
        }
    };
    let body = move || {
        let lang = lang.get();
        let award_now = award.get();
        let cluster_now = cluster.get();
        let by_now = by.get();
        table.with_value(|t| {
            if t.awards.is_empty() {
                return view! { <p class="hint" data-testid="council-no-rows">{Text::CouncilNoRows.in_lang(lang)}</p> }.into_any();
            }
            t.awards
                .iter()
                .filter(|(a, _)| award_now.is_empty() || *a == award_now)
                .map(|(a, rows)| {
                    let rows: Vec<NomineeRow> = rows
                        .iter()
                        .filter(|r| cluster_now.is_empty() || r.cluster == cluster_now)
                        .cloned()
                        .collect();
                    let rows = sorted(rows, by_now);
                    view! {
                        <h3>{a.clone()}</h3>
                        <div class="table-scroll">
                        <table class="data council-table" data-testid="council-award-table">
                            <thead><tr>
                                <th scope="col">{tr(Text::CouncilRowNo)}</th>
                                <th scope="col">{sort_button(Text::CouncilCluster, SortBy::Cluster, "council-sort-cluster")}</th>
                                <th scope="col">{sort_button(Text::Unit, SortBy::Unit, "council-sort-unit")}</th>
                                <th scope="col" class="num">{sort_button(Text::Votes, SortBy::Votes, "council-sort-votes")}</th>
                                <th scope="col" class="num">{tr(Text::CouncilBase)}</th>
                                <th scope="col" class="num">{sort_button(Text::Share, SortBy::Share, "council-sort-share")}</th>
                                <th scope="col" class="num">{tr(Text::CouncilRank)}</th>
                                <th scope="col">{tr(Text::CouncilFingerprint)}</th>
                            </tr></thead>
                            <tbody>
                                {rows.into_iter().enumerate().map(|(n, r)| {
                                    let mark = match &r.paper {
                                        PaperCheck::Confirmed => None,
                                        PaperCheck::NotConfirmed => Some(Text::CouncilNotConfirmedMark),
                                        PaperCheck::Mismatch(_) => Some(Text::CouncilMismatchMark),
                                    };
                                    let fp = crate::exchange::fingerprint(&r.sha256);
                                    view! {
                                        <tr data-testid="council-row" class:paper-pending=mark == Some(Text::CouncilNotConfirmedMark)
                                            class:paper-bad=mark == Some(Text::CouncilMismatchMark)>
                                            <td class="num">{n + 1}</td>
                                            <td data-testid="council-row-cluster">{r.cluster.clone()}</td>
                                            <td data-testid="council-row-unit">{r.unit_name.clone()}</td>
                                            <td class="num" data-testid="council-row-votes">{r.votes}</td>
                                            <td class="num">{r.base}</td>
                                            <td class="num">{r.share_bp.map_or_else(|| "—".to_owned(), |s| format_share(lang, s))}</td>
                                            <td class="num">{r.rank.map(|k| k.to_string()).unwrap_or_default()}</td>
                                            <td class="mono">{fp}{mark.map(|m| view! { " " <span class="paper-mark" data-testid="council-row-mark">"("{m.in_lang(lang)}")"</span> })}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                        </div>
                    }
                })
                .collect_view()
                .into_any()
        })
    };
    view! {
        <div class="card" data-testid="council-table">
            <h2>{tr(Text::CouncilTable)}</h2>
            <div class="filters">
                <label class="field">
                    <span class="field-label">{tr(Text::Award)}</span>
                    <select data-testid="council-filter-award" on:change=move |ev| award.set(event_target_value(&ev))>
                        <option value="">{tr(Text::CouncilAll)}</option>
                        {awards.into_iter().map(|a| view! { <option value=a.clone()>{a.clone()}</option> }).collect_view()}
                    </select>
                </label>
                <label class="field">
                    <span class="field-label">{tr(Text::CouncilFilterCluster)}</span>
                    <select data-testid="council-filter-cluster" on:change=move |ev| cluster.set(event_target_value(&ev))>
                        <option value="">{tr(Text::CouncilAll)}</option>
                        {clusters.into_iter().map(|c| view! { <option value=c.clone()>{c.clone()}</option> }).collect_view()}
                    </select>
                </label>
            </div>
            <p class="hint">{tr(Text::CouncilSortHint)}</p>
            {body}
        </div>
    }
}

#[component]
fn ExportCard(council: Council) -> impl IntoView {
    let store = use_store();
    let id = council.id;
    let message = RwSignal::new(None::<String>);
    let council = StoredValue::new(council);
    let csv = move |_| {
        let lang = store.lang.get_untracked();
        let (text, name) = council.with_value(|c| {
            (
                council_csv(&consolidate(c), lang),
                format!(
                    "thidua-council-{}-{}.csv",
                    super::browser::file_slug(&c.name),
                    c.year
                ),
            )
        });
        let ok = download(&name, "text/csv;charset=utf-8", &text);
        message.set((!ok).then(|| Text::FileNotDownloaded.in_lang(lang).to_owned()));
    };
    let size = move || {
        let lang = store.lang.get();
        store.council_size(id).ok().map(|units| {
            format!(
                "{}: {}",
                Text::CouncilStoredSize.in_lang(lang),
                format_megabytes(lang, units)
            )
        })
    };
    view! {
        <div class="card" data-testid="council-exports">
            <h2>{tr(Text::CouncilExports)}</h2>
            <button type="button" data-testid="council-csv" on:click=csv>{tr(Text::CouncilCsv)}</button>
            " "<button type="button" class="secondary" data-testid="council-export" on:click=move |_| {
                let ok = council.with_value(|c| store.download_council(c));
                message.set((!ok).then(|| Text::FileNotDownloaded.in_lang(store.lang.get_untracked()).to_owned()));
            }>{tr(Text::CouncilExport)}</button>
            " "<a href=Route::CouncilSummary(id).href() data-testid="council-summary-link">{tr(Text::CouncilSummary)}</a>
            {move || message.get().map(|m| view! { <p class="form-error" role="alert">{m}</p> })}
            <p class="hint" data-testid="council-size">{size}</p>
        </div>
    }
}

#[component]
fn VoteCard(council: Council) -> impl IntoView {
    let store = use_store();
    let id = council.id;
    let error = RwSignal::new(None::<String>);
    let existing = council.vote;
    let place = move || {
        let meeting = existing?;
        store
            .workspace
            .with(|ws| ws.meeting(meeting).map(|m| (m.cluster, m.year)))
    };
    let create = move |_| {
        let lang = store.lang.get_untracked();
        match store.create_council_vote(id) {
            Ok(meeting) => {
                error.set(None);
                let at = store
                    .workspace
                    .with_untracked(|ws| ws.meeting(meeting).map(|m| (m.cluster, m.year)));
                if let Some((cluster, year)) = at {
                    navigate(Route::Meeting(cluster, year));
                }
            }
            Err(e) => error.set(Some(describe_refusal(lang, &e))),
        }
    };
    view! {
        <div class="card" data-testid="council-vote">
            <h2>{tr(Text::CouncilVote)}</h2>
            <p class="hint">{tr(Text::CouncilVoteHint)}</p>
            {move || match place() {
                Some((cluster, year)) => view! {
                    <a href=Route::Meeting(cluster, year).href() data-testid="council-vote-link">{tr(Text::CouncilVoteOpen)}</a>
                }.into_any(),
                None => view! {
                    <button type="button" data-testid="council-vote-create" on:click=create>{tr(Text::CouncilVoteCreate)}</button>
                }.into_any(),
            }}
            {move || error.get().map(|e| view! { <p class="form-error" role="alert" data-testid="council-vote-error">{e}</p> })}
        </div>
    }
}

/// A limit's least share as typed back: `50%`, or the fraction.
fn share_text(share: Option<Fraction>) -> String {
    share.map_or_else(String::new, |f| f.to_string())
}

#[component]
fn SettingsCard(council: Council, typed: Typed) -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let id = council.id;
    // Every award the files bring, and those with a limit already, with
    // the stored limit as text.
    let mut awards: Vec<String> = consolidate(&council)
        .awards
        .into_iter()
        .map(|(a, _)| a)
        .collect();
    for limit in &council.limits {
        if !awards.contains(&limit.award) {
            awards.push(limit.award.clone());
        }
    }
    let limits: Vec<(String, String, String)> = awards
        .into_iter()
        .map(|award| {
            let limit = council.limit_of(&award);
            let max = limit
                .and_then(|l| l.per_cluster)
                .map(|n| n.to_string())
                .unwrap_or_default();
            let min = share_text(limit.and_then(|l| l.min_share));
            (award, max, min)
        })
        .collect();
    let limits = StoredValue::new(limits);
    // A limit as shown: what the user typed, else what is stored.
    let limit_text = move |award: &str, stored: &str, which: usize| {
        typed.limits.with(|m| {
            m.get(award)
                .map(|(max, min)| if which == 0 { max.clone() } else { min.clone() })
                .unwrap_or_else(|| stored.to_owned())
        })
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut parsed = Vec::new();
        let mut problem = None;
        limits.with_value(|rows| {
            for (award, max, min) in rows {
                let max_text = limit_text(award, max, 0);
                let min_text = limit_text(award, min, 1);
                let per_cluster = match max_text.trim() {
                    "" => None,
                    t => match t.parse::<u32>() {
                        Ok(n) => Some(n),
                        Err(_) => {
                            problem.get_or_insert(SettingsMessage::NotALimit(
                                award.clone(),
                                t.to_owned(),
                            ));
                            None
                        }
                    },
                };
                let min_share = match min_text.trim() {
                    "" => None,
                    t => match Fraction::parse(t) {
                        Some(f) => Some(f),
                        None => {
                            problem.get_or_insert(SettingsMessage::NotAShare(
                                award.clone(),
                                t.to_owned(),
                            ));
                            None
                        }
                    },
                };
                parsed.push(AwardLimit {
                    award: award.clone(),
                    per_cluster,
                    min_share,
                });
            }
        });
        if let Some(problem) = problem {
            typed.settings_message.set(Some(problem));
            return;
        }
        let year_text = typed.year.get_untracked();
        let Ok(year) = year_text.trim().parse::<u16>() else {
            typed
                .settings_message
                .set(Some(SettingsMessage::NotAYear(year_text.trim().to_owned())));
            return;
        };
        let draft = CouncilDraft {
            name: typed.name.get_untracked(),
            year,
            expected: lines(&typed.expected.get_untracked()),
            limits: parsed,
            members: lines(&typed.members.get_untracked()),
        };
        let outcome = store.save_council_settings(id, draft);
        if outcome.is_ok() {
            typed.limits.set(BTreeMap::new());
        }
        typed.settings_message.set(Some(match outcome {
            Ok(update) => SettingsMessage::Saved(update),
            Err(e) => SettingsMessage::Refused(e),
        }));
    };
    let message = move || {
        typed.settings_message.get().map(|m| {
            let lang = lang.get();
            let (text, ok) = match &m {
                SettingsMessage::Saved(VotersUpdate::Updated) => {
                    (Text::CouncilVotersUpdated.in_lang(lang).to_owned(), true)
                }
                SettingsMessage::Saved(VotersUpdate::VoteStarted) => {
                    (Text::CouncilVoteStartedVoters.in_lang(lang).to_owned(), true)
                }
                SettingsMessage::Saved(VotersUpdate::Unchanged) => {
                    (Text::Saved.in_lang(lang).to_owned(), true)
                }
                SettingsMessage::Refused(e) => (describe_refusal(lang, e), false),
                SettingsMessage::NotAYear(t) => (not_a_year(lang, t), false),
                SettingsMessage::NotALimit(a, t) => (not_a_limit(lang, a, t), false),
                SettingsMessage::NotAShare(a, t) => (not_a_share(lang, a, t), false),
            };
            view! { <p class:form-error=!ok class:saved-note=ok role="status" data-testid="council-settings-message">{text}</p> }
        })
    };
    let open = typed
        .settings_open
        .get_untracked()
        .unwrap_or(council.members.is_empty());
    let toggled = move |ev: leptos::ev::Event| {
        let open = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
            .map(|d| d.open());
        if open.is_some() {
            typed.settings_open.set(open);
        }
    };
    view! {
        <details class="card" data-testid="council-settings" open=open on:toggle=toggled>
            <summary><h2 class="inline-heading">{tr(Text::CouncilSettings)}</h2></summary>
            // Any change makes the last save's message stale: it goes.
            <form on:submit=save on:input=move |_| typed.settings_message.set(None)>
                <label class="field">
                    <span class="field-label">{tr(Text::CouncilName)}" *"</span>
                    <input type="text" required data-testid="council-settings-name" bind:value=typed.name/>
                </label>
                <label class="field">
                    <span class="field-label">{tr(Text::CouncilYear)}" *"</span>
                    <input type="text" inputmode="numeric" required data-testid="council-settings-year" bind:value=typed.year/>
                </label>
                <label class="field">
                    <span class="field-label">{tr(Text::CouncilExpected)}</span>
                    <textarea rows="4" data-testid="council-expected" bind:value=typed.expected></textarea>
                </label>
                <label class="field">
                    <span class="field-label">{tr(Text::CouncilMembers)}</span>
                    <textarea rows="4" data-testid="council-members" bind:value=typed.members></textarea>
                </label>
                <h3>{tr(Text::CouncilLimits)}</h3>
                <p class="hint">{tr(Text::CouncilLimitsHint)}</p>
                {limits.with_value(|rows| rows.iter().enumerate().map(|(idx, (award, max, min))| {
                    let (award, max, min) = (StoredValue::new(award.clone()), StoredValue::new(max.clone()), StoredValue::new(min.clone()));
                    let set = move |which: usize, text: String| {
                        typed.limits.update(|m| {
                            let entry = m
                                .entry(award.get_value())
                                .or_insert_with(|| (max.get_value(), min.get_value()));
                            if which == 0 { entry.0 = text } else { entry.1 = text }
                        });
                    };
                    view! {
                        <fieldset class="limit-row" data-testid="council-limit">
                            <legend>{award.get_value()}</legend>
                            <label class="field">
                                <span class="field-label">{tr(Text::CouncilLimitMax)}</span>
                                <input type="text" inputmode="numeric" data-testid=format!("council-limit-max-{idx}")
                                    prop:value=move || limit_text(&award.get_value(), &max.get_value(), 0)
                                    on:input=move |ev| set(0, event_target_value(&ev))/>
                            </label>
                            <label class="field">
                                <span class="field-label">{tr(Text::CouncilLimitMin)}</span>
                                <input type="text" data-testid=format!("council-limit-min-{idx}")
                                    prop:value=move || limit_text(&award.get_value(), &min.get_value(), 1)
                                    on:input=move |ev| set(1, event_target_value(&ev))/>
                            </label>
                        </fieldset>
                    }
                }).collect_view())}
                <button type="submit" data-testid="council-settings-save">{tr(Text::Save)}</button>
                {message}
            </form>
        </details>
    }
}

/// `#/council/<id>/summary`: the consolidated summary on A4.
#[component]
pub fn CouncilSummaryScreen(id: CouncilId) -> impl IntoView {
    let store = use_store();
    let council = Memo::new(move |_| store.council(id));
    move || {
        let lang = store.lang.get();
        match council.get() {
            Ok(Some(council)) => {
                let title = council_title(lang, &council.name, council.year);
                let doc = council_summary(&council, &consolidate(&council), lang, today());
                view! {
                    <PrintTools>{crumbs(id, title, Some(Text::CouncilSummaryCrumb))}</PrintTools>
                    {render(doc)}
                }
                .into_any()
            }
            Ok(None) => view! { <p class="form-error" role="alert" data-testid="document-error">{Text::CouncilMissing.in_lang(lang)}</p> }.into_any(),
            Err(e) => view! { <p class="form-error" role="alert" data-testid="document-error">{store.workspace.with(|ws| describe_storage_error(lang, &e, ws))}</p> }.into_any(),
        }
    }
}
