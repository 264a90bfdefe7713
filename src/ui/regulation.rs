//! The cluster's voting regulation (issue 18) on the cluster screen, and
//! the fields of a round's rules that it shares with the new-round form.

use leptos::prelude::*;

use super::tr;
use super::widgets::{form_restarts, FormError, SavedNote};
use crate::domain::{
    form, AwardRules, BlankBallot, ClusterId, Comparison, DomainError, Fraction, Quota, Regulation,
    RoundRules, RuleSetting, ShareBase, Threshold, TieBreak, WhoVotes, COMMON_AWARDS,
};
use crate::host::new_id;
use crate::i18n::{Lang, Text};
use crate::state::{use_store, Refusal};

/// The inputs of a round's rules as typed: the regulation's award rows and
/// the new-round form both read them into a `RoundRules`.
#[derive(Clone, Copy)]
pub struct RulesInputs {
    quota_share: RwSignal<bool>,
    quota: RwSignal<String>,
    threshold: RwSignal<String>,
    more_than: RwSignal<bool>,
    base: RwSignal<ShareBase>,
    blank_valid: RwSignal<bool>,
    self_vote: RwSignal<bool>,
    tie_break: RwSignal<TieBreak>,
}

fn percent(share: Fraction) -> String {
    // The form shows a share as typed most often: a fraction.
    share.to_string()
}

impl RulesInputs {
    pub fn new(rules: &RoundRules) -> RulesInputs {
        let inputs = RulesInputs {
            quota_share: RwSignal::new(false),
            quota: RwSignal::new(String::new()),
            threshold: RwSignal::new(String::new()),
            more_than: RwSignal::new(false),
            base: RwSignal::new(ShareBase::Valid),
            blank_valid: RwSignal::new(false),
            self_vote: RwSignal::new(true),
            tie_break: RwSignal::new(TieBreak::Runoff),
        };
        inputs.set(rules);
        inputs
    }

    /// Shows `rules` in the inputs.
    pub fn set(&self, rules: &RoundRules) {
        match rules.quota {
            Quota::Fixed(n) => {
                self.quota_share.set(false);
                self.quota.set(n.to_string());
            }
            Quota::ShareOfMembers(share) => {
                self.quota_share.set(true);
                self.quota.set(percent(share));
            }
        }
        self.threshold.set(percent(rules.threshold.share));
        self.more_than
            .set(rules.threshold.comparison == Comparison::MoreThan);
        self.base.set(rules.base);
        self.blank_valid.set(rules.blank == BlankBallot::Valid);
        self.self_vote.set(rules.self_vote_allowed);
        self.tie_break.set(rules.tie_break);
    }

    fn quota_of(quota_share: bool, text: &str) -> Option<Quota> {
        if quota_share {
            Fraction::parse(text).map(Quota::ShareOfMembers)
        } else {
            text.trim()
                .parse::<u32>()
                .ok()
                .filter(|n| *n > 0)
                .map(Quota::Fixed)
        }
    }

    /// The rules typed (with `lots_seed`), or the message of the field
    /// that cannot be read.
    pub fn read(&self, lang: Lang, lots_seed: u64) -> Result<RoundRules, &'static str> {
        let quota = Self::quota_of(
            self.quota_share.get_untracked(),
            &self.quota.get_untracked(),
        )
        .ok_or(Text::QuotaNotANumber.in_lang(lang))?;
        let share = Fraction::parse(&self.threshold.get_untracked())
            .ok_or(Text::ThresholdNotAFraction.in_lang(lang))?;
        Ok(RoundRules {
            quota,
            threshold: Threshold {
                share,
                comparison: if self.more_than.get_untracked() {
                    Comparison::MoreThan
                } else {
                    Comparison::AtLeast
                },
            },
            base: self.base.get_untracked(),
            blank: if self.blank_valid.get_untracked() {
                BlankBallot::Valid
            } else {
                BlankBallot::Invalid
            },
            self_vote_allowed: self.self_vote.get_untracked(),
            tie_break: self.tie_break.get_untracked(),
            lots_seed,
        })
    }

    /// The settings typed that differ from `regulation` (tracked): one
    /// that cannot be read differs.
    pub fn differing(&self, regulation: &RoundRules) -> Vec<RuleSetting> {
        let quota = Self::quota_of(self.quota_share.get(), &self.quota.get());
        let share = Fraction::parse(&self.threshold.get());
        let comparison = if self.more_than.get() {
            Comparison::MoreThan
        } else {
            Comparison::AtLeast
        };
        let typed = RoundRules {
            quota: quota.unwrap_or(regulation.quota),
            threshold: Threshold {
                share: share.unwrap_or(regulation.threshold.share),
                comparison,
            },
            base: self.base.get(),
            blank: if self.blank_valid.get() {
                BlankBallot::Valid
            } else {
                BlankBallot::Invalid
            },
            self_vote_allowed: self.self_vote.get(),
            tie_break: self.tie_break.get(),
            lots_seed: regulation.lots_seed,
        };
        // An unreadable field took the regulation's value above: it
        // differs, in the form's order.
        let mut differing = RuleSetting::differing(regulation, &typed);
        if quota.is_none() {
            differing.insert(0, RuleSetting::Quota);
        }
        if share.is_none() && !differing.contains(&RuleSetting::Threshold) {
            let at = differing
                .iter()
                .take_while(|s| **s == RuleSetting::Quota)
                .count();
            differing.insert(at, RuleSetting::Threshold);
        }
        differing
    }
}

/// A setting's name in the list of what differs from the regulation.
pub fn setting_text(setting: RuleSetting) -> Text {
    match setting {
        RuleSetting::Quota => Text::Quota,
        RuleSetting::Threshold => Text::ApprovalThreshold,
        RuleSetting::Base => Text::ShareOf,
        RuleSetting::Blank => Text::BlankBallotsSetting,
        RuleSetting::SelfVote => Text::SelfVoteSetting,
        RuleSetting::TieBreak => Text::TieAtQuotaLine,
    }
}

fn base_value(base: ShareBase) -> &'static str {
    match base {
        ShareBase::Entitled => "entitled",
        ShareBase::Present => "present",
        ShareBase::Collected => "collected",
        ShareBase::Valid => "valid",
    }
}

fn tie_value(tie: TieBreak) -> &'static str {
    match tie {
        TieBreak::Runoff => "runoff",
        TieBreak::ClusterScore => "score",
        TieBreak::Lots => "lots",
    }
}

/// The fields of a round's rules; `prefix` starts their `data-testid`s
/// (`round-quota`, `regulation-quota`, …).
#[component]
pub fn RulesFields(inputs: RulesInputs, prefix: &'static str) -> impl IntoView {
    let id = move |name: &str| format!("{prefix}-{name}");
    let select_base = move |ev| {
        inputs.base.set(match event_target_value(&ev).as_str() {
            "entitled" => ShareBase::Entitled,
            "present" => ShareBase::Present,
            "collected" => ShareBase::Collected,
            _ => ShareBase::Valid,
        })
    };
    let select_tie = move |ev| {
        inputs
            .tie_break
            .set(match event_target_value(&ev).as_str() {
                "score" => TieBreak::ClusterScore,
                "lots" => TieBreak::Lots,
                _ => TieBreak::Runoff,
            })
    };
    view! {
        <div class="form-grid">
            <label class="field">
                <span class="field-label">{tr(Text::QuotaKind)}</span>
                <select data-testid=id("quota-kind")
                    prop:value=move || if inputs.quota_share.get() { "share" } else { "fixed" }
                    on:change=move |ev| inputs.quota_share.set(event_target_value(&ev) == "share")>
                    <option value="fixed">{tr(Text::NumberOfUnits)}</option>
                    <option value="share">{tr(Text::ShareOfMembers)}</option>
                </select>
            </label>
            <label class="field">
                <span class="field-label">{tr(Text::Quota)}</span>
                <input type="text" inputmode="numeric" data-testid=id("quota") bind:value=inputs.quota/>
            </label>
            <label class="field">
                <span class="field-label">{tr(Text::ApprovalThreshold)}</span>
                <input type="text" data-testid=id("threshold") bind:value=inputs.threshold/>
            </label>
            <label class="field">
                <span class="field-label">{tr(Text::Comparison)}</span>
                <select data-testid=id("comparison")
                    prop:value=move || if inputs.more_than.get() { "more" } else { "at_least" }
                    on:change=move |ev| inputs.more_than.set(event_target_value(&ev) == "more")>
                    <option value="at_least">{tr(Text::AtLeast)}</option>
                    <option value="more">{tr(Text::MoreThan)}</option>
                </select>
            </label>
            <label class="field">
                <span class="field-label">{tr(Text::ShareOf)}</span>
                <select data-testid=id("base") prop:value=move || base_value(inputs.base.get()) on:change=select_base>
                    <option value="valid">{tr(Text::ValidBallots)}</option>
                    <option value="collected">{tr(Text::BallotsCollected)}</option>
                    <option value="present">{tr(Text::VotersPresent)}</option>
                    <option value="entitled">{tr(Text::VotersEntitled)}</option>
                </select>
            </label>
            <label class="field">
                <span class="field-label">{tr(Text::TieAtQuotaLine)}</span>
                <select data-testid=id("tie-break") prop:value=move || tie_value(inputs.tie_break.get()) on:change=select_tie>
                    <option value="runoff">{tr(Text::Runoff)}</option>
                    <option value="score">{tr(Text::ClusterScoreRanking)}</option>
                    <option value="lots">{tr(Text::DrawingLots)}</option>
                </select>
            </label>
        </div>
        <div class="checks">
            <label class="check"><input type="checkbox" data-testid=id("blank-valid") bind:checked=inputs.blank_valid/>" "
                {tr(Text::BlankBallotValid)}</label>
            <label class="check"><input type="checkbox" data-testid=id("self-vote") bind:checked=inputs.self_vote/>" "
                {tr(Text::SelfVoteAllowed)}</label>
        </div>
    }
}

/// What the round form says of its rules: as in the regulation, or which
/// settings differ from it, with a button back to the regulation's.
#[component]
pub fn RulesSource(inputs: RulesInputs, regulation: Memo<RoundRules>) -> impl IntoView {
    let store = use_store();
    let differing = move || regulation.with(|r| inputs.differing(r));
    move || {
        let lang = store.lang.get();
        let differing = differing();
        if differing.is_empty() {
            view! {
                <p class="hint" data-testid="round-rules-source">{tr(Text::RulesAsRegulation)}</p>
            }
            .into_any()
        } else {
            let list = differing
                .iter()
                .map(|s| setting_text(*s).in_lang(lang))
                .collect::<Vec<_>>()
                .join(", ");
            view! {
                <p class="hint" data-testid="round-rules-source">
                    {tr(Text::RulesDifferFromRegulation)}" "
                    <span data-testid="round-rules-differ">{list}</span>" "
                    <button type="button" class="small secondary" data-testid="round-rules-reset"
                        on:click=move |_| inputs.set(&regulation.get_untracked())>
                        {tr(Text::UseRegulationRules)}
                    </button>
                </p>
            }
            .into_any()
        }
    }
}

/// One award's row of the regulation being edited.
#[derive(Clone, Copy)]
struct AwardRow {
    key: u64,
    award: RwSignal<String>,
    rules: RulesInputs,
}

fn rows_of(regulation: &Regulation) -> Vec<AwardRow> {
    regulation
        .awards
        .iter()
        .map(|a| AwardRow {
            key: new_id(),
            award: RwSignal::new(a.award.clone()),
            rules: RulesInputs::new(&a.rules),
        })
        .collect()
}

/// The cluster's regulation: quorum, who votes, and per award the rules a
/// new round starts from, each choice explained in plain words.
#[component]
pub fn RegulationCard(id: ClusterId) -> impl IntoView {
    let store = use_store();
    let present = move || {
        store
            .workspace
            .with_untracked(|ws| ws.cluster(id).map(|c| c.regulation().clone()))
            .unwrap_or_default()
    };
    let start = present();
    let base = StoredValue::new(start.clone());
    let quorum = RwSignal::new(start.quorum.to_string());
    let who = RwSignal::new(start.who_votes);
    let rows = RwSignal::new(rows_of(&start));
    let restart = move || {
        let now = present();
        quorum.set(now.quorum.to_string());
        who.set(now.who_votes);
        rows.set(rows_of(&now));
        base.set_value(now);
    };
    let error = RwSignal::new(None::<Refusal>);
    let field_error = RwSignal::new(None::<&'static str>);
    let saved = RwSignal::new(false);
    let add_row = move |_| {
        rows.update(|r| {
            r.push(AwardRow {
                key: new_id(),
                award: RwSignal::new(String::new()),
                rules: RulesInputs::new(&RoundRules::default()),
            })
        })
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(false);
        let lang = store.lang.get_untracked();
        let Some(quorum) = Fraction::parse(&quorum.get_untracked()) else {
            field_error.set(Some(Text::QuorumNotAFraction.in_lang(lang)));
            return;
        };
        let mut awards = Vec::new();
        for row in rows.get_untracked() {
            match row.rules.read(lang, 0) {
                Ok(rules) => awards.push(AwardRules {
                    award: row.award.get_untracked(),
                    rules,
                }),
                Err(message) => {
                    field_error.set(Some(message));
                    return;
                }
            }
        }
        field_error.set(None);
        let mine = Regulation {
            quorum,
            who_votes: who.get_untracked(),
            awards,
        };
        let from = base.get_value();
        let outcome = store.apply(|ws| {
            let now = ws
                .cluster(id)
                .map(|c| c.regulation().clone())
                .ok_or(DomainError::UnknownCluster(id))?;
            // Compared as kept (clean names, no seed): an untouched form
            // is the regulation it started from.
            let mine = mine.checked()?;
            let regulation = form::merge_field(&from, mine, &now)?;
            ws.set_regulation(id, regulation)
        });
        if form_restarts(&outcome) {
            restart();
        }
        saved.set(outcome.is_ok());
        error.set(outcome.err());
    };
    let explained = [
        (Text::Quota, Text::QuotaMeans),
        (Text::ApprovalThreshold, Text::ThresholdMeans),
        (Text::ShareOf, Text::BaseMeans),
        (Text::TieAtQuotaLine, Text::TieMeans),
        (Text::BlankBallotsSetting, Text::BlankMeans),
        (Text::SelfVoteSetting, Text::SelfVoteMeans),
    ];
    view! {
        <section class="card" data-testid="regulation-card" id="regulation">
            <h2>{tr(Text::Regulation)}</h2>
            <p class="hint">{tr(Text::RegulationExplained)}</p>
            <form on:submit=submit data-testid="regulation-form" novalidate>
                <div class="form-grid">
                    <label class="field">
                        <span class="field-label">{tr(Text::Quorum)}</span>
                        <input type="text" data-testid="regulation-quorum" bind:value=quorum/>
                        <span class="hint">{tr(Text::QuorumExplained)}</span>
                    </label>
                    <label class="field">
                        <span class="field-label">{tr(Text::WhoVotes)}</span>
                        <select data-testid="regulation-who-votes"
                            prop:value=move || if who.get() == WhoVotes::NamedDelegates { "delegates" } else { "units" }
                            on:change=move |ev| who.set(if event_target_value(&ev) == "delegates" { WhoVotes::NamedDelegates } else { WhoVotes::OnePerUnit })>
                            <option value="units">{tr(Text::OneVotePerMemberUnit)}</option>
                            <option value="delegates">{tr(Text::NamedDelegates)}</option>
                        </select>
                        <span class="hint">{tr(Text::WhoVotesExplained)}</span>
                    </label>
                </div>
                <h3>{tr(Text::AwardRules)}</h3>
                <p class="hint">{tr(Text::AwardRulesExplained)}</p>
                <details data-testid="regulation-explained">
                    <summary>{tr(Text::WhatChoicesMean)}</summary>
                    <dl class="explained">
                        {explained.into_iter().map(|(term, means)| view! {
                            <dt>{tr(term)}</dt><dd>{tr(means)}</dd>
                        }).collect_view()}
                    </dl>
                </details>
                <Show when=move || rows.with(Vec::is_empty)>
                    <p class="empty" data-testid="regulation-no-awards">{tr(Text::NoAwardRulesYet)}</p>
                </Show>
                <datalist id="regulation-awards">
                    {COMMON_AWARDS.iter().map(|a| view! { <option value=*a></option> }).collect_view()}
                </datalist>
                <For each=move || rows.get() key=|row| row.key let:row>
                    <fieldset class="award-rules" data-testid="regulation-award">
                        <legend>{move || {
                            let name = row.award.get();
                            if name.trim().is_empty() { Text::AwardField.in_lang(store.lang.get()).to_owned() } else { name }
                        }}</legend>
                        <label class="field">
                            <span class="field-label">{tr(Text::AwardField)}" *"</span>
                            <input type="text" list="regulation-awards" data-testid="regulation-award-name" bind:value=row.award/>
                        </label>
                        <RulesFields inputs=row.rules prefix="regulation"/>
                        <button type="button" class="small secondary" data-testid="regulation-remove-award"
                            on:click=move |_| rows.update(|r| r.retain(|x| x.key != row.key))>
                            {tr(Text::RemoveAwardRules)}
                        </button>
                    </fieldset>
                </For>
                <div class="form-actions">
                    <button type="button" class="secondary" data-testid="regulation-add-award" on:click=add_row>{tr(Text::AddAwardRules)}</button>
                    <button type="submit" data-testid="save-regulation">{tr(Text::SaveRegulation)}</button>
                    <SavedNote shown=saved testid="regulation-saved"/>
                </div>
                {move || field_error.get().map(|m| view! { <p class="form-error" role="alert" data-testid="regulation-error">{m}</p> })}
                <FormError error=error testid="regulation-error"/>
            </form>
        </section>
    }
}
