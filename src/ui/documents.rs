//! Renders a `documents::Document` as an A4 page for the browser's print;
//! the content is built by the pure `documents` module.

use leptos::prelude::*;

use super::browser::file_slug;
use super::route::Route;
use super::tr;
use super::widgets::{MeetingCrumbs, YearCrumbs};
use crate::documents::{
    achievement_summary, meeting_minutes, results_csv, score_table, scores_csv, vote_count_minutes,
    Block, Document,
};
use crate::domain::{ClusterId, DomainError, MeetingId, RoundId};
use crate::exchange::{check_results_file, results_file, results_fingerprint, ResultsCheck};
use crate::host::{download, now_iso};
use crate::i18n::{describe_domain_error, describe_record_error, Text};
use crate::state::use_store;

/// Which document a route asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Which {
    VoteCount(MeetingId, RoundId),
    Meeting(MeetingId),
    ScoreTable(ClusterId, u16),
    Achievements(ClusterId, u16),
}

#[component]
pub fn DocumentScreen(which: Which) -> impl IntoView {
    let store = use_store();
    let built = move || {
        let lang = store.lang.get();
        store.workspace.with(|ws| {
            let doc: Result<Document, DomainError> = match which {
                Which::VoteCount(m, r) => vote_count_minutes(ws, m, r, lang),
                Which::Meeting(m) => meeting_minutes(ws, m, lang),
                Which::ScoreTable(c, y) => score_table(ws, c, y, lang),
                Which::Achievements(c, y) => achievement_summary(ws, c, y, lang),
            };
            doc.map_err(|e| describe_domain_error(lang, &e, ws))
        })
    };
    let crumbs = match which {
        Which::VoteCount(m, r) => view! {
            <MeetingCrumbs meeting=m here=Text::VoteMinutesCrumb
                trail=vec![(Text::BallotRound, Route::Round(m, r).href())]/>
        }
        .into_any(),
        Which::Meeting(m) => view! { <MeetingCrumbs meeting=m here=Text::MeetingMinutesCrumb/> }.into_any(),
        Which::ScoreTable(c, y) => view! {
            <YearCrumbs cluster=c year=y here=Text::ScoreTable trail=vec![(Text::ScoresCrumb, Route::Scores(c, y).href())]/>
        }
        .into_any(),
        Which::Achievements(c, y) => view! {
            <YearCrumbs cluster=c year=y here=Text::AchievementsSummary trail=vec![(Text::ScoresCrumb, Route::Scores(c, y).href())]/>
        }
        .into_any(),
    };
    view! {
        <PrintTools>{crumbs}</PrintTools>
        {move || match built() {
            Ok(doc) => render(doc).into_any(),
            Err(message) => view! { <p class="form-error" role="alert" data-testid="document-error">{message}</p> }.into_any(),
        }}
    }
}

/// Above a document on screen: the way back (`children`), how it prints,
/// and the print button.
#[component]
pub(super) fn PrintTools(children: Children) -> impl IntoView {
    view! {
        <div class="no-print doc-tools">
            {children()}
            <p class="hint">{tr(Text::DocumentPrintHint)}</p>
            <button type="button" data-testid="document-print" on:click=move |_| {
                if let Some(w) = web_sys::window() {
                    let _ = w.print();
                }
            }>{tr(Text::Print)}</button>
        </div>
    }
}

pub(super) fn render(doc: Document) -> impl IntoView {
    let h = doc.header;
    let blocks = doc
        .blocks
        .into_iter()
        .map(|block| match block {
            Block::Heading(text) => view! { <h2 class="doc-heading">{text}</h2> }.into_any(),
            Block::Paragraph(text) => view! { <p class="doc-paragraph">{text}</p> }.into_any(),
            Block::Items(items) => view! {
                <ul class="doc-items">{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
            }
            .into_any(),
            Block::Table(table) => {
                let numeric = table.numeric.clone();
                let numeric_head = table.numeric;
                view! {
                    <table class="doc-table">
                        <thead><tr>{table.head.into_iter().enumerate().map(|(i, cell)| view! {
                            <th scope="col" class:num=numeric_head.get(i).copied().unwrap_or(false)>{cell}</th>
                        }).collect_view()}</tr></thead>
                        <tbody>{table.rows.into_iter().map(|row| {
                            let numeric = numeric.clone();
                            view! { <tr>{row.into_iter().enumerate().map(|(i, cell)| view! {
                                <td class:num=numeric.get(i).copied().unwrap_or(false)>{cell}</td>
                            }).collect_view()}</tr> }
                        }).collect_view()}</tbody>
                    </table>
                }
                .into_any()
            }
        })
        .collect_view();
    view! {
        <article class="document" data-testid="document">
            <header class="doc-header">
                <div class="doc-issuer">
                    <p>{h.parent}</p>
                    <p class="doc-strong doc-rule">{h.issuer}</p>
                    <p>{h.number}</p>
                </div>
                <div class="doc-nation">
                    <p class="doc-strong">{h.nation}</p>
                    <p class="doc-strong doc-rule">{h.motto}</p>
                    <p class="doc-place-date">{h.place_date}</p>
                </div>
            </header>
            <h1 class="doc-title" data-testid="document-title">{doc.title}</h1>
            {doc.subtitle.map(|s| view! { <p class="doc-subtitle">{s}</p> })}
            {blocks}
            {doc.fingerprint.map(|f| view! { <p class="doc-fingerprint" data-testid="document-fingerprint">{f}</p> })}
            <div class="doc-signatures">
                {doc.signatures.into_iter().map(|s| view! {
                    <div class="doc-signature">
                        <p class="doc-strong">{s.title}</p>
                        <p class="doc-sign-hint">{tr(Text::SignatureFullName)}</p>
                        <p class="doc-strong doc-sign-name">{s.name}</p>
                    </div>
                }).collect_view()}
            </div>
        </article>
    }
}

/// Offers a built file for download; says so on screen when there is
/// nothing to offer or the browser refuses.
pub(super) fn offer(
    message: RwSignal<Option<String>>,
    name: &str,
    mime: &str,
    text: Option<String>,
) {
    let ok = text.is_some_and(|text| download(name, mime, &text));
    message.set((!ok).then(|| tr(Text::FileNotDownloaded)().to_owned()));
}

/// The meeting's papers and files: the minutes to print, the results
/// file for the higher council and the units, a CSV for spreadsheets,
/// and checking a results file someone sent.
#[component]
pub fn MeetingFilesCard(meeting: MeetingId) -> impl IntoView {
    let store = use_store();
    let message = RwSignal::new(None::<String>);
    let names = move || {
        store.workspace.with(|ws| {
            ws.meeting(meeting)
                .map(|m| (file_slug(&ws.cluster_name(m.cluster)), m.year))
        })
    };
    let export = move |_| {
        let Some((slug, year)) = names() else { return };
        let file = store
            .workspace
            .with(|ws| results_file(ws, meeting, &now_iso()));
        let name = crate::exchange::file_name(
            crate::exchange::FileKind::Results,
            &[&slug, &year.to_string()],
        );
        offer(message, &name, "application/json", file);
    };
    let export_csv = move |_| {
        let Some((slug, year)) = names() else { return };
        let lang = store.lang.get_untracked();
        let csv = store
            .workspace
            .with(|ws| results_csv(ws, meeting, lang).ok());
        let name = format!("{slug}-{year}-ket-qua.csv");
        offer(message, &name, "text/csv;charset=utf-8", csv);
    };
    let fingerprint = move || store.workspace.with(|ws| results_fingerprint(ws, meeting));
    let checked = RwSignal::new(None::<Result<ResultsCheck, String>>);
    let on_file = move |ev: leptos::ev::Event| {
        use wasm_bindgen::JsCast;
        let file = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|input| input.files())
            .and_then(|files| files.get(0));
        let Some(file) = file else { return };
        if file.size() > 20.0 * 1024.0 * 1024.0 {
            checked.set(Some(Err(tr(Text::ResultsFileTooLarge)().to_owned())));
            return;
        }
        let lang = store.lang.get_untracked();
        let promise = file.text();
        leptos::task::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(promise).await;
            let outcome = match text.ok().and_then(|v| v.as_string()) {
                Some(text) => {
                    check_results_file(&text).map_err(|e| describe_record_error(lang, &e))
                }
                None => Err(Text::FileNotRead.in_lang(lang).to_owned()),
            };
            checked.set(Some(outcome));
        });
    };
    view! {
        <section class="card" data-testid="meeting-files">
            <h2>{tr(Text::DocumentsResultsFile)}</h2>
            <ul class="doc-links">
                <li><a href=Route::MeetingMinutes(meeting).href() data-testid="meeting-minutes-link">{tr(Text::MeetingMinutesPrint)}</a></li>
                <li>{tr(Text::VoteMinutesPerRound)}</li>
                <li><a href=Route::Dossier(meeting).href() data-testid="dossier-link">{tr(Text::DossierPrintLink)}</a></li>
            </ul>
            <p>{tr(Text::CurrentResultsFingerprint)}": "
                <strong class="fingerprint" data-testid="results-fingerprint">{fingerprint}</strong></p>
            <div class="form-actions">
                <button type="button" data-testid="export-results" on:click=export>{tr(Text::DownloadResultsFile)}</button>
                <button type="button" class="secondary" data-testid="export-results-csv" on:click=export_csv>{tr(Text::DownloadResultsCsv)}</button>
            </div>
            {move || message.get().map(|m| view! { <p class="form-error" role="alert">{m}</p> })}
            <label class="field check-file">
                <span class="field-label">{tr(Text::CheckReceivedResultsFile)}</span>
                <input type="file" accept=".json,application/json" data-testid="check-results-file" on:change=on_file/>
            </label>
            {move || checked.get().map(|outcome| match outcome {
                Ok(check) => view! {
                    <p data-testid="checked-results" class:ok=check.checksum_ok class:form-error=!check.checksum_ok>
                        {check.cluster}" · "{check.year}" — "{tr(Text::Fingerprint)}" "<strong class="fingerprint">{check.fingerprint}</strong>" · "
                        {if check.checksum_ok {
                            tr(Text::ChecksumMatches)()
                        } else {
                            tr(Text::ChecksumDiffers)()
                        }}
                    </p>
                }.into_any(),
                Err(message) => view! { <p class="form-error" role="alert" data-testid="checked-results">{message}</p> }.into_any(),
            })}
        </section>
    }
}

/// The score papers of a cluster-year: table and summary to print, CSV.
#[component]
pub fn ScoreFilesCard(cluster: ClusterId, year: u16) -> impl IntoView {
    let store = use_store();
    let message = RwSignal::new(None::<String>);
    let export_csv = move |_| {
        let lang = store.lang.get_untracked();
        let (slug, csv) = store.workspace.with(|ws| {
            (
                file_slug(&ws.cluster_name(cluster)),
                scores_csv(ws, cluster, year, lang).ok(),
            )
        });
        offer(
            message,
            &format!("{slug}-{year}-diem.csv"),
            "text/csv;charset=utf-8",
            csv,
        );
    };
    view! {
        <section class="card" data-testid="score-files">
            <h2>{tr(Text::DocumentsFiles)}</h2>
            <ul class="doc-links">
                <li><a href=Route::ScoreTable(cluster, year).href() data-testid="score-table-link">{tr(Text::ScoreTablePrint)}</a></li>
                <li><a href=Route::Achievements(cluster, year).href() data-testid="achievements-link">{tr(Text::AchievementsPrint)}</a></li>
            </ul>
            <button type="button" class="secondary" data-testid="export-scores-csv" on:click=export_csv>{tr(Text::DownloadScoresCsv)}</button>
            {move || message.get().map(|m| view! { <p class="form-error" role="alert">{m}</p> })}
        </section>
    }
}
