//! Scores of a cluster-year: the ranking with a chart, the keyboard grid
//! of self and cluster scores per unit, each unit's achievement report, and
//! the criteria table.

use leptos::prelude::*;

use super::tr;
use super::widgets::{chart_name, form_restarts, record_made, FormError, SavedNote, YearCrumbs};
use crate::domain::{
    form, parse_score, AchievementReport, ClusterId, Criterion, CriterionDraft, ItemKind, Metric,
    Points, ScoreInputError, Scorer, UnitId,
};
use crate::i18n::{format_points, format_signed_points, screen_text, Lang, Text};
use crate::rules::scoring::{ranking, RankRow};
use crate::state::{use_store, Refusal};

#[component]
pub fn ScoresScreen(cluster: ClusterId, year: u16) -> impl IntoView {
    let store = use_store();
    let exists = move || {
        store
            .workspace
            .with(|ws| ws.cluster(cluster).and_then(|c| c.year(year)).is_some())
    };
    let cluster_name = move || store.workspace.with(|ws| ws.cluster_name(cluster));
    let first_member = store.workspace.with_untracked(|ws| {
        ws.cluster(cluster)
            .and_then(|c| c.year(year))
            .and_then(|y| y.members.first().copied())
    });
    let selected = RwSignal::new(first_member);
    view! {
        <YearCrumbs cluster=cluster year=year here=Text::ScoresCrumb/>
        <h1 data-testid="scores-title">{tr(Text::EmulationScores)}" "{year}" — "{cluster_name}</h1>
        <Show when=exists fallback=|| view! { <p data-testid="not-found">{tr(Text::YearNotFound)}</p> }>
            <RankingCard cluster=cluster year=year/>
            <GridCard cluster=cluster year=year selected=selected/>
            <ReportCard cluster=cluster year=year selected=selected/>
            <CriteriaCard cluster=cluster year=year/>
            <super::documents::ScoreFilesCard cluster=cluster year=year/>
            <super::files::ImportCard expected=vec![crate::exchange::FileKind::UnitReport] testid="import-reports"/>
        </Show>
    }
}

#[component]
fn RankingCard(cluster: ClusterId, year: u16) -> impl IntoView {
    let store = use_store();
    let data = move || {
        store.workspace.with(|ws| {
            let y = ws.cluster(cluster)?.year(year)?;
            let rows = ranking(&y.criteria, &y.members, &y.scores);
            let named: Vec<(RankRow, String)> = rows
                .into_iter()
                .map(|r| {
                    let name = ws.unit_name(r.unit);
                    (r, name)
                })
                .collect();
            Some((named, y.criteria.max_total()))
        })
    };
    move || {
        let lang = store.lang.get();
        let Some((rows, max_total)) = data() else {
            return view! { <p></p> }.into_any();
        };
        let fmt = move |t: Option<i64>| {
            t.map(|t| format_signed_points(lang, t))
                .unwrap_or_else(|| "—".into())
        };
        let table_rows = rows.iter().map(|(row, name)| {
            let self_total = row.self_total.map(|t| t.total);
            let cluster_total = row.cluster_total.map(|t| t.total);
            let difference = match (self_total, cluster_total) {
                (Some(s), Some(c)) if s != c => format!("{}{}", if c > s { "+" } else { "" }, format_signed_points(lang, c - s)),
                (Some(_), Some(_)) => "0".into(),
                _ => "—".into(),
            };
            view! {
                <tr data-testid="rank-row">
                    <td class="num" data-testid="rank">{row.rank.map(|r| r.to_string()).unwrap_or_else(|| "—".into())}</td>
                    <td data-testid="rank-name">{name.clone()}</td>
                    <td class="num" data-testid="rank-self">{fmt(self_total)}</td>
                    <td class="num" data-testid="rank-cluster">{fmt(cluster_total)}</td>
                    <td class="num" data-testid="rank-difference">{difference}</td>
                </tr>
            }
        }).collect_view();
        view! {
            <section class="card">
                <h2>{tr(Text::ScoreTable)}</h2>
                <p class="hint">{tr(Text::ScoreTableExplained)}" "{format_points(lang, Points(max_total))}</p>
                <table class="data" data-testid="ranking">
                    <thead><tr>
                        <th scope="col">{tr(Text::Rank)}</th>
                        <th scope="col">{tr(Text::Units)}</th>
                        <th scope="col">{tr(Text::SelfScore)}</th>
                        <th scope="col">{tr(Text::ClusterScore)}</th>
                        <th scope="col">{tr(Text::Difference)}</th>
                    </tr></thead>
                    <tbody>{table_rows}</tbody>
                </table>
                {score_chart(lang, &rows, max_total)}
            </section>
        }
        .into_any()
    }
}

/// Self and cluster totals side by side, one pair of bars per unit.
fn score_chart(lang: Lang, rows: &[(RankRow, String)], max_total: u32) -> impl IntoView {
    // Whole pixels, as in the results chart: no float formatting.
    const LABEL_W: i64 = 170;
    const BAR_W: i64 = 420;
    const ROW_H: i64 = 34;
    let top = rows
        .iter()
        .flat_map(|(r, _)| {
            [
                r.self_total.map(|t| t.total),
                r.cluster_total.map(|t| t.total),
            ]
        })
        .flatten()
        .max()
        .unwrap_or(0);
    let scale = (i64::from(max_total)).max(top).max(1);
    let width = move |t: Option<i64>| BAR_W * t.unwrap_or(0).clamp(0, scale) / scale;
    let height = rows.len() as i64 * ROW_H + 10;
    let bars = rows.iter().enumerate().map(|(idx, (row, name))| {
        let y = 6 + idx as i64 * ROW_H;
        let cluster_total = row.cluster_total.map(|t| t.total);
        view! {
            {chart_name(name, LABEL_W - 8, y + 14, 25)}
            <rect x=LABEL_W y=y width=width(row.self_total.map(|t| t.total)) height="12" class="bar bar-self"></rect>
            <rect x=LABEL_W y=y + 13 width=width(cluster_total) height="12" class="bar bar-nominated"></rect>
            <text x=LABEL_W + width(cluster_total) + 6 y=y + 24 class="bar-value">{cluster_total.map(|t| format_signed_points(lang, t)).unwrap_or_default()}</text>
        }
    }).collect_view();
    let caption = Text::ScoreChartCaption.in_lang(lang);
    view! {
        <figure class="chart" data-testid="score-chart">
            <svg viewBox=format!("0 0 {} {}", LABEL_W + BAR_W + 70, height) role="img" aria-label=caption>{bars}</svg>
            <figcaption>{caption}</figcaption>
        </figure>
    }
}

/// Moves the focus to the grid cell at (`row`, `col`), if there is one.
fn focus_cell(row: usize, col: &str) {
    super::browser::focus_first(&format!("[data-grid-row='{row}'][data-grid-col='{col}']"));
}

#[component]
fn GridCard(cluster: ClusterId, year: u16, selected: RwSignal<Option<UnitId>>) -> impl IntoView {
    let store = use_store();
    let members = move || store.workspace.with(|ws| ws.members_named(cluster, year));
    // Rows change with the table only, never with the scores, so typing
    // and moving between cells never rebuilds the grid under the cursor.
    let items = Memo::new(move |_| {
        store.workspace.with(|ws| {
            ws.cluster(cluster)
                .and_then(|c| c.year(year))
                .map(|y| y.criteria.items.clone())
                .unwrap_or_default()
        })
    });
    let error = RwSignal::new(None::<Refusal>);
    let grid = move || {
        let Some(unit) = selected.get() else {
            return view! { <p class="empty">{tr(Text::YearHasNoMembers)}</p> }.into_any();
        };
        let rows = items
            .get()
            .into_iter()
            .enumerate()
            .map(|(idx, item)| score_row(cluster, year, unit, idx, item, error))
            .collect_view();
        view! {
            <table class="data score-grid" data-testid="score-grid">
                <thead><tr>
                    <th scope="col">{tr(Text::Item)}</th>
                    <th scope="col">{tr(Text::MaxPoints)}</th>
                    <th scope="col">{tr(Text::SelfScore)}</th>
                    <th scope="col">{tr(Text::ClusterScore)}</th>
                    <th scope="col">{tr(Text::Difference)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        }
        .into_any()
    };
    view! {
        <section class="card">
            <h2>{tr(Text::UnitScoresTitle)}</h2>
            <div class="unit-tabs" role="tablist" aria-label=tr(Text::Unit)>
                {move || members().into_iter().map(|(unit, name)| view! {
                    <button type="button" role="tab" class="small" data-testid="score-unit"
                        class:secondary=move || selected.get() != Some(unit)
                        aria-selected=move || (selected.get() == Some(unit)).to_string()
                        on:click=move |_| selected.set(Some(unit))>{name}</button>
                }).collect_view()}
            </div>
            <p class="hint">{tr(Text::ScoreEntryHint)}</p>
            {grid}
            <FormError error=error testid="score-error"/>
        </section>
    }
}

fn score_row(
    cluster: ClusterId,
    year: u16,
    unit: UnitId,
    idx: usize,
    item: Criterion,
    error: RwSignal<Option<Refusal>>,
) -> impl IntoView {
    let store = use_store();
    let lang = store.lang.get_untracked();
    let kind = match item.kind {
        ItemKind::Criterion => "",
        ItemKind::Bonus => Text::BonusPrefix.in_lang(lang),
        ItemKind::Deduction => Text::DeductionPrefix.in_lang(lang),
    };
    let item_id = item.id;
    let current = move |scorer: Scorer| {
        store.workspace.with(|ws| {
            ws.cluster(cluster)
                .and_then(|c| c.year(year))
                .and_then(|y| y.scores.get(&unit))
                .and_then(|s| s.by(scorer).get(&item_id).copied())
        })
    };
    let difference = move || match (current(Scorer::SelfScore), current(Scorer::Cluster)) {
        (Some(s), Some(c)) => {
            let d = i64::from(c.0) - i64::from(s.0);
            format!(
                "{}{}",
                if d > 0 { "+" } else { "" },
                format_signed_points(store.lang.get(), d)
            )
        }
        _ => String::new(),
    };
    let item_name = item.name.clone();
    let stored = move |ws: &crate::domain::Workspace, scorer: Scorer| {
        ws.cluster(cluster)
            .and_then(|c| c.year(year))
            .and_then(|y| y.scores.get(&unit))
            .and_then(|s| s.by(scorer).get(&item_id).copied())
    };
    let cell = move |scorer: Scorer, col: &'static str| {
        // The score the cell started from: a change typed here over a score
        // another tab changed meanwhile is refused (see `domain::form`).
        let base = StoredValue::new(store.workspace.with_untracked(|ws| stored(ws, scorer)));
        let text = RwSignal::new(
            base.get_value()
                .map(|p| format_points(lang, p))
                .unwrap_or_default(),
        );
        let invalid = RwSignal::new(false);
        // What this cell refused, kept beside it until the cell is put
        // right: each refused cell says its own reason.
        let refused = RwSignal::new(None::<(String, ScoreInputError)>);
        let (max, item_kind) = (item.max, item.kind);
        let check = move |value: &str| parse_score(value, item_kind, max);
        let commit = move |_| {
            let value = text.get_untracked();
            let points = match check(&value) {
                Ok(points) => points,
                Err(why) => {
                    // Nothing is saved; the cell says why and what stays.
                    invalid.set(true);
                    refused.set(Some((value, why)));
                    return;
                }
            };
            refused.set(None);
            let from = base.get_value();
            let outcome = store.apply(|ws| {
                let points = form::merge_field(&from, points, &stored(ws, scorer))?;
                ws.set_score(cluster, year, unit, scorer, item_id, points)
            });
            if super::widgets::form_restarts(&outcome) {
                let now = store.workspace.with_untracked(|ws| stored(ws, scorer));
                text.set(now.map(|p| format_points(lang, p)).unwrap_or_default());
                base.set_value(now);
            }
            invalid.set(outcome.is_err());
            error.set(outcome.err());
        };
        let message_id = format!("score-refused-{idx}-{col}");
        let described_by = message_id.clone();
        let message = move || {
            refused.get().map(|(typed, why)| {
                let now = store.workspace.with(|ws| stored(ws, scorer));
                screen_text::score_refused(store.lang.get(), &typed, why, now)
            })
        };
        view! {
            <td>
                <input type="text" inputmode="decimal" class="score-input" data-testid=format!("score-{col}")
                    data-grid-row=idx.to_string() data-grid-col=col
                    class:invalid=move || invalid.get()
                    aria-invalid=move || invalid.get().to_string()
                    aria-describedby=move || refused.get().is_some().then(|| described_by.clone())
                    aria-label=format!("{} — {}", item_name, if col == "self" { Text::SelfScoreInline } else { Text::ClusterScoreInline }.in_lang(lang))
                    prop:value=move || text.get()
                    on:input=move |ev| {
                        let value = event_target_value(&ev);
                        let ok = check(&value).is_ok();
                        invalid.set(!ok);
                        if ok {
                            refused.set(None);
                        }
                        text.set(value);
                    }
                    on:change=commit
                    on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                        match ev.key().as_str() {
                            "ArrowDown" | "Enter" => { ev.prevent_default(); focus_cell(idx + 1, col); }
                            "ArrowUp" => { ev.prevent_default(); if idx > 0 { focus_cell(idx - 1, col); } }
                            _ => {}
                        }
                    }/>
                {move || message().map(|m| view! {
                    <p class="cell-error" id=message_id.clone() role="alert" data-testid="score-cell-error">{m}</p>
                })}
            </td>
        }
    };
    view! {
        <tr data-testid="score-row">
            <td title=item.guidance.clone()>
                {(!item.group.is_empty()).then(|| view! { <span class="hint group-name">{item.group.clone()}</span><br/> })}
                {kind}{item.name.clone()}
            </td>
            <td class="num">{format_points(lang, item.max)}</td>
            {cell(Scorer::SelfScore, "self")}
            {cell(Scorer::Cluster, "cluster")}
            <td class="num" data-testid="score-difference">{difference}</td>
        </tr>
    }
}

/// A metric row being edited.
type MetricRow = (usize, RwSignal<String>, RwSignal<String>, RwSignal<String>);

#[component]
fn ReportCard(cluster: ClusterId, year: u16, selected: RwSignal<Option<UnitId>>) -> impl IntoView {
    let store = use_store();
    let form = move || {
        let unit = selected.get()?;
        let report = store.workspace.with_untracked(|ws| {
            ws.cluster(cluster)
                .and_then(|c| c.year(year))
                .and_then(|y| y.reports.get(&unit).cloned())
                .unwrap_or_default()
        });
        let name = store.workspace.with_untracked(|ws| ws.unit_name(unit));
        let narrative = RwSignal::new(report.narrative.clone());
        let next_key = StoredValue::new(report.metrics.len() + 1);
        let rows_of = |report: &AchievementReport| -> Vec<MetricRow> {
            report
                .metrics
                .iter()
                .enumerate()
                .map(|(i, m)| {
                    (
                        i,
                        RwSignal::new(m.name.clone()),
                        RwSignal::new(m.value.clone()),
                        RwSignal::new(m.measure.clone()),
                    )
                })
                .collect()
        };
        let rows: RwSignal<Vec<MetricRow>> = RwSignal::new(rows_of(&report));
        // The report the form started from: a save changes only what was
        // typed here (see `domain::form`).
        let present = move |ws: &crate::domain::Workspace| {
            ws.cluster(cluster)
                .and_then(|c| c.year(year))
                .map(|y| y.reports.get(&unit).cloned().unwrap_or_default())
        };
        let base = StoredValue::new(report);
        let restart = move || {
            let now = store.workspace.with_untracked(present).unwrap_or_default();
            narrative.set(now.narrative.clone());
            next_key.set_value(now.metrics.len() + 1);
            rows.set(rows_of(&now));
            base.set_value(now);
        };
        let error = RwSignal::new(None::<Refusal>);
        let saved = RwSignal::new(false);
        let add = move |_| {
            let key = next_key.get_value();
            next_key.set_value(key + 1);
            rows.update(|r| {
                r.push((
                    key,
                    RwSignal::new(String::new()),
                    RwSignal::new(String::new()),
                    RwSignal::new(String::new()),
                ))
            });
        };
        let save = move |_| {
            let metrics = rows
                .get_untracked()
                .into_iter()
                .map(|(_, n, v, m)| Metric {
                    name: n.get_untracked(),
                    value: v.get_untracked(),
                    measure: m.get_untracked(),
                })
                .collect();
            // The dossier's sections are not edited here: the form keeps
            // the ones it started from, so another tab's are not undone.
            let report = AchievementReport {
                narrative: narrative.get_untracked(),
                metrics,
                sections: base.with_value(|b| b.sections.clone()),
            };
            let from = base.get_value();
            let outcome = store.apply(|ws| {
                let report = form::merged(&from, report, present(ws))?;
                ws.set_report(cluster, year, unit, report)
            });
            if form_restarts(&outcome) {
                restart();
            }
            saved.set(outcome.is_ok());
            error.set(outcome.err());
        };
        Some(view! {
            <h3>{name}</h3>
            <label class="field">
                <span class="field-label">{tr(Text::AchievementsSummary)}</span>
                <textarea rows="4" data-testid="report-narrative" bind:value=narrative></textarea>
            </label>
            <table class="data" data-testid="report-metrics">
                <thead><tr>
                    <th scope="col">{tr(Text::Metric)}</th>
                    <th scope="col">{tr(Text::Value)}</th>
                    <th scope="col">{tr(Text::Measure)}</th>
                    <th scope="col"><span class="visually-hidden">{tr(Text::Actions)}</span></th>
                </tr></thead>
                <tbody>
                    {move || rows.get().into_iter().map(|(key, n, v, m)| view! {
                        <tr data-testid="metric-row">
                            <td><input type="text" data-testid="metric-name" aria-label=tr(Text::Metric) bind:value=n/></td>
                            <td><input type="text" data-testid="metric-value" aria-label=tr(Text::Value) bind:value=v/></td>
                            <td><input type="text" data-testid="metric-measure" aria-label=tr(Text::Measure) bind:value=m/></td>
                            <td><button type="button" class="small secondary" on:click=move |_| rows.update(|r| r.retain(|row| row.0 != key))>{tr(Text::Remove)}</button></td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            <div class="form-actions">
                <button type="button" class="secondary" data-testid="add-metric" on:click=add>{tr(Text::AddMetric)}</button>
                <button type="button" data-testid="save-report" on:click=save>{tr(Text::Save)}</button>
                <SavedNote shown=saved testid="report-saved"/>
            </div>
            <FormError error=error testid="report-error"/>
        })
    };
    view! {
        <section class="card">
            <h2>{tr(Text::AchievementReport)}</h2>
            {form}
            <p class="hint">{tr(Text::ReportFileExplained)}</p>
            {move || selected.get().map(|unit| view! { <super::files::UnitReportButton cluster=cluster year=year unit=unit/> })}
        </section>
    }
}

#[component]
fn CriteriaCard(cluster: ClusterId, year: u16) -> impl IntoView {
    let store = use_store();
    let items = move || {
        store.workspace.with(|ws| {
            ws.cluster(cluster)
                .and_then(|c| c.year(year))
                .map(|y| y.criteria.items.clone())
                .unwrap_or_default()
        })
    };
    let kind = RwSignal::new(ItemKind::Criterion);
    let group = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let max = RwSignal::new(String::new());
    let guidance = RwSignal::new(String::new());
    let error = RwSignal::new(None::<Refusal>);
    let max_error = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(points) = Points::parse(&max.get_untracked()) else {
            max_error.set(true);
            return;
        };
        max_error.set(false);
        let draft = CriterionDraft {
            kind: kind.get_untracked(),
            group: group.get_untracked(),
            name: name.get_untracked(),
            max: points,
            guidance: guidance.get_untracked(),
        };
        let outcome = store.apply(|ws| ws.add_criterion(cluster, year, draft));
        // Made but not stored is made: the form empties (pressing again
        // would add it twice) and says it is not saved.
        if record_made(&outcome) {
            name.set(String::new());
            max.set(String::new());
            guidance.set(String::new());
        }
        error.set(outcome.err());
    };
    view! {
        <section class="card">
            <h2>{tr(Text::CriteriaTable)}</h2>
            <p class="hint">{tr(Text::CriteriaTableExplained)}</p>
            <table class="data" data-testid="criteria">
                <thead><tr>
                    <th scope="col">{tr(Text::ItemKind)}</th>
                    <th scope="col">{tr(Text::ItemGroup)}</th>
                    <th scope="col">{tr(Text::Item)}</th>
                    <th scope="col">{tr(Text::MaxPoints)}</th>
                    <th scope="col">{tr(Text::Guidance)}</th>
                    <th scope="col"><span class="visually-hidden">{tr(Text::Actions)}</span></th>
                </tr></thead>
                <tbody>
                    {move || {
                        let lang = store.lang.get();
                        items().into_iter().map(|item| {
                            let id = item.id;
                            let kind_word = match item.kind {
                                ItemKind::Criterion => Text::Criterion,
                                ItemKind::Bonus => Text::Bonus,
                                ItemKind::Deduction => Text::Deduction,
                            }
                            .in_lang(lang);
                            view! {
                                <tr data-testid="criterion-row">
                                    <td>{kind_word}</td>
                                    <td>{item.group}</td>
                                    <td>{item.name}</td>
                                    <td class="num">{format_points(lang, item.max)}</td>
                                    <td class="hint">{item.guidance}</td>
                                    <td><button type="button" class="small secondary" data-testid="remove-criterion"
                                        on:click=move |_| error.set(store.apply(|ws| ws.remove_criterion(cluster, year, id)).err())>{tr(Text::Remove)}</button></td>
                                </tr>
                            }
                        }).collect_view()
                    }}
                </tbody>
            </table>
            <h3>{tr(Text::AddItem)}</h3>
            <form class="form-grid" on:submit=submit data-testid="new-criterion-form" novalidate>
                <label class="field">
                    <span class="field-label">{tr(Text::ItemKind)}</span>
                    <select data-testid="criterion-kind" on:change=move |ev| kind.set(match event_target_value(&ev).as_str() {
                        "bonus" => ItemKind::Bonus,
                        "deduction" => ItemKind::Deduction,
                        _ => ItemKind::Criterion,
                    })>
                        <option value="criterion">{tr(Text::Criterion)}</option>
                        <option value="bonus">{tr(Text::Bonus)}</option>
                        <option value="deduction">{tr(Text::Deduction)}</option>
                    </select>
                </label>
                <label class="field"><span class="field-label">{tr(Text::ItemGroup)}</span><input type="text" data-testid="criterion-group" bind:value=group/></label>
                <label class="field"><span class="field-label">{tr(Text::ItemName)}" *"</span><input type="text" data-testid="criterion-name" bind:value=name/></label>
                <label class="field"><span class="field-label">{tr(Text::Maximum)}" *"</span><input type="text" inputmode="decimal" data-testid="criterion-max" bind:value=max/></label>
                <label class="field"><span class="field-label">{tr(Text::Guidance)}</span><input type="text" data-testid="criterion-guidance" bind:value=guidance/></label>
                <div class="form-actions"><button type="submit" data-testid="add-criterion">{tr(Text::Add)}</button></div>
            </form>
            <Show when=move || max_error.get()>
                <p class="form-error" role="alert" data-testid="criterion-max-error">{tr(Text::MaximumNotANumber)}</p>
            </Show>
            <FormError error=error testid="criterion-error"/>
        </section>
    }
}
