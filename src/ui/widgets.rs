//! Small pieces shared by the screens: labelled fields, unit pickers, the
//! inline error line and the two-step delete button.

use leptos::prelude::*;

use super::route::Route;
use super::tr;
use crate::domain::{ClusterId, Date, DomainError, MeetingId, UnitId, Workspace};
use crate::i18n::{screen_text, Text};
use crate::state::{use_store, Refusal};

/// A labelled text input bound to `value`.
#[component]
pub fn TextField(
    label: Text,
    value: RwSignal<String>,
    testid: &'static str,
    #[prop(optional)] required: bool,
    /// The input's `type`; text by default.
    #[prop(optional)]
    input_type: Option<&'static str>,
    #[prop(optional)] multiline: bool,
) -> impl IntoView {
    let input = if multiline {
        view! { <textarea data-testid=testid rows="2" bind:value=value></textarea> }.into_any()
    } else {
        view! { <input type=input_type.unwrap_or("text") data-testid=testid required=required bind:value=value/> }
            .into_any()
    };
    view! {
        <label class="field">
            <span class="field-label">{tr(label)}{required.then_some(" *")}</span>
            {input}
        </label>
    }
}

/// A date typed as day/month/year (`03/10/2024`), the same in both
/// languages and whatever the browser's own language: a text input, not
/// `<input type=date>`, which the browser shows in its locale's order.
/// `value` holds the text as typed; read it with `Date::parse_dmy`. An ISO
/// date typed or pasted (`2024-10-03`) is accepted and rewritten as
/// day/month/year when the field is left.
#[component]
pub fn DateField(
    label: Text,
    value: RwSignal<String>,
    testid: &'static str,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    let tidy = move |_| {
        if let Some(date) = Date::parse_dmy(&value.get_untracked()) {
            value.set(date.to_vietnamese());
        }
    };
    view! {
        <label class="field">
            <span class="field-label">{tr(label)}{required.then_some(" *")}</span>
            <input type="text" inputmode="numeric" autocomplete="off" data-testid=testid
                required=required placeholder=move || tr(Text::DatePlaceholder)
                bind:value=value on:change=tidy/>
        </label>
    }
}

/// A form field's value that starts as `proposal` and follows it while the
/// user has not changed it: when the proposal changes (the workspace it is
/// computed from changed), a value still equal to the previous proposal
/// takes the new one; a value the user typed or chose stays.
pub fn following<T>(proposal: impl Fn() -> T + Send + Sync + 'static) -> RwSignal<T>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let proposal = Memo::new(move |_| proposal());
    let value = RwSignal::new(proposal.get_untracked());
    Effect::new(move |previous: Option<T>| {
        let now = proposal.get();
        if let Some(before) = previous {
            if before != now && value.with_untracked(|v| *v == before) {
                value.set(now.clone());
            }
        }
        now
    });
    value
}

/// A unit's name left of a chart's bar, right-aligned at `x`, on at most
/// two lines of `per_line` characters centred on `middle`, the whole name
/// on hover (an SVG `<title>`); see `i18n::chart_label`.
pub fn chart_name(name: &str, x: i64, middle: i64, per_line: usize) -> impl IntoView {
    let spans = chart_name_lines(
        name,
        ChartLines {
            x,
            middle,
            per_line,
            lines: 2,
            step: 13,
            baseline: 4,
        },
    );
    view! {
        <g data-testid="chart-name">
            <title>{name.to_owned()}</title>
            <text text-anchor="end" class="bar-label">{spans}</text>
        </g>
    }
}

/// Where and how a chart's unit name is written: right-aligned at `x`,
/// centred on `middle`, on at most `lines` lines of `per_line` characters,
/// `step` apart, each line's baseline `baseline` below its centre.
pub struct ChartLines {
    pub x: i64,
    pub middle: i64,
    pub per_line: usize,
    pub lines: usize,
    pub step: i64,
    pub baseline: i64,
}

/// A unit's name as the `<tspan>` lines of a chart label
/// (`i18n::chart_label`: broken between words, "…" where cut).
pub fn chart_name_lines(name: &str, at: ChartLines) -> impl IntoView {
    let lines = crate::i18n::chart_label(name, at.per_line, at.lines);
    let first = at.middle + at.baseline - (lines.len() as i64 - 1) * at.step / 2;
    lines
        .into_iter()
        .enumerate()
        .map(|(i, line)| {
            view! { <tspan x=at.x y=first + i as i64 * at.step>{line}</tspan> }
        })
        .collect_view()
}

/// A select of units with an empty first choice.
#[component]
pub fn UnitSelect(
    label: Text,
    options: Signal<Vec<(UnitId, String)>>,
    value: RwSignal<Option<UnitId>>,
    testid: &'static str,
) -> impl IntoView {
    view! {
        <label class="field">
            <span class="field-label">{tr(label)}</span>
            <select data-testid=testid on:change=move |ev| {
                value.set(event_target_value(&ev).parse().ok().map(UnitId));
            }>
                <option value="" prop:selected=move || value.get().is_none()>{tr(Text::NoneChosen)}</option>
                {move || options.get().into_iter().map(|(id, name)| view! {
                    <option value=id.0.to_string() prop:selected=move || value.get() == Some(id)>{name}</option>
                }).collect_view()}
            </select>
        </label>
    }
}

/// The inline message of a refused edit, in the current language.
#[component]
pub fn FormError(error: RwSignal<Option<Refusal>>, testid: &'static str) -> impl IntoView {
    let store = use_store();
    move || {
        error.get().map(|e| {
            let message = store.workspace.with(|ws| e.describe(store.lang.get(), ws));
            view! { <p class="form-error" role="alert" data-testid=testid>{message}</p> }
        })
    }
}

/// A short confirmation after a save, e.g. "Đã lưu".
#[component]
pub fn SavedNote(shown: RwSignal<bool>, testid: &'static str) -> impl IntoView {
    move || {
        shown
            .get()
            .then(|| view! { <span class="saved-note" role="status" data-testid=testid>{tr(Text::Saved)}</span> })
    }
}

/// Clusters › cluster › Năm year › [Hội nghị ›] [trail ›] `here`: the one
/// breadcrumb trail of every screen under a cluster-year, each step a link
/// back (print CSS hides it on paper). `meeting` adds the year's meeting;
/// `trail` adds links after it (e.g. the round); `here_text` replaces
/// `here` when the last step has a value in it.
#[component]
pub fn YearCrumbs(
    cluster: ClusterId,
    year: u16,
    here: Text,
    #[prop(optional)] meeting: bool,
    #[prop(optional)] trail: Vec<(Text, String)>,
    #[prop(default = None)] here_text: Option<Signal<String>>,
) -> impl IntoView {
    let store = use_store();
    let cluster_name = move || store.workspace.with(|ws| ws.cluster_name(cluster));
    let year_label = move || screen_text::year_title(store.lang.get(), year);
    let here_label = move || match here_text {
        Some(text) => text.get(),
        None => here.in_lang(store.lang.get()).to_owned(),
    };
    view! {
        <nav class="breadcrumb no-print" aria-label=tr(Text::Breadcrumb) data-testid="crumbs">
            <a href="#/" data-testid="crumb-clusters">{tr(Text::Clusters)}</a>" › "
            <a href=Route::Cluster(cluster).href() data-testid="crumb-cluster">{cluster_name}</a>" › "
            <a href=Route::Year(cluster, year).href() data-testid="crumb-year">{year_label}</a>" › "
            {meeting.then(|| view! {
                <a href=Route::Meeting(cluster, year).href() data-testid="crumb-meeting">{tr(Text::Meeting)}</a>" › "
            })}
            {trail.into_iter().map(|(label, href)| view! {
                <a href=href data-testid="crumb-trail">{tr(label)}</a>" › "
            }).collect_view()}
            <span aria-current="page">{here_label}</span>
        </nav>
    }
}

/// `YearCrumbs` of a screen under a meeting, found from its id (nothing
/// while the meeting is not there).
#[component]
pub fn MeetingCrumbs(
    meeting: MeetingId,
    here: Text,
    #[prop(optional)] trail: Vec<(Text, String)>,
    #[prop(optional, into)] here_text: Option<Signal<String>>,
) -> impl IntoView {
    let store = use_store();
    let place = move || {
        store
            .workspace
            .with(|ws| ws.meeting(meeting).map(|m| (m.cluster, m.year)))
    };
    move || {
        place().map(|(cluster, year)| {
            view! { <YearCrumbs cluster=cluster year=year here=here meeting=true trail=trail.clone() here_text=here_text/> }
        })
    }
}

/// Whether a form, after pressing save, should show the record as it now
/// is (and start from it): after a save, after a change kept on screen but
/// not stored, and after a refusal because another tab changed the record.
/// After any other refusal the user's typing stays for them to correct.
pub fn form_restarts<T>(outcome: &Result<T, Refusal>) -> bool {
    matches!(
        outcome,
        Ok(_)
            | Err(Refusal::Domain(
                DomainError::ChangedInAnotherTab | DomainError::NotSaved(_)
            ))
    )
}

/// Whether a creation form's record now exists on screen: made and stored,
/// or made and kept on screen but not stored (pressing again would make it
/// twice). Every creation form empties itself on this answer and keeps the
/// user's typing on any other.
pub fn record_made<T>(outcome: &Result<T, Refusal>) -> bool {
    matches!(
        outcome,
        Ok(_) | Err(Refusal::Domain(DomainError::NotSaved(_)))
    )
}

/// The deletion a `DeleteButton` makes.
pub type DeleteEdit =
    std::sync::Arc<dyn Fn(&mut Workspace) -> Result<(), DomainError> + Send + Sync>;

/// A two-step delete button: the first press asks, the second deletes
/// after a snapshot.
#[component]
pub fn DeleteButton(
    testid: &'static str,
    label: Text,
    reason: &'static str,
    subject: Signal<String>,
    edit: DeleteEdit,
    #[prop(optional)] then_go: Option<Route>,
) -> impl IntoView {
    let store = use_store();
    let asking = RwSignal::new(false);
    let error = RwSignal::new(None::<Refusal>);
    let press = move |_| {
        if !asking.get_untracked() {
            asking.set(true);
            return;
        }
        asking.set(false);
        let edit = edit.clone();
        let subject = subject.get_untracked();
        store.guarded(move |backup| {
            match store.apply_destructive(reason, &subject, backup, |ws| edit(ws)) {
                Ok(Some(())) => {
                    error.set(None);
                    if let Some(route) = then_go {
                        super::browser::navigate(route);
                    }
                }
                Ok(None) => return false,
                Err(e) => error.set(Some(e)),
            }
            true
        });
    };
    view! {
        <button type="button" class="danger" data-testid=testid on:click=press>
            {move || if asking.get() { tr(Text::PressAgainToDelete)() } else { tr(label)() }}
        </button>
        {move || asking.get().then(|| view! {
            <button type="button" class="secondary" data-testid=format!("{testid}-cancel") on:click=move |_| asking.set(false)>{tr(Text::DontDelete)}</button>
        })}
        <FormError error=error testid=testid/>
    }
}
