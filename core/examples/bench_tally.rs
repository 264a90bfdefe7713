//! Prints the time to tally 10,000 ballots × 50 candidates (count,
//! reconcile, decide). Run by `make bench`; numbers, never assertions.

use std::time::Instant;

use thidua_core::domain::{
    reconcile, totals_from_ballots, Approvals, BallotBox, Quota, Roll, RoundRules, UnitId,
};
use thidua_core::rules::tally::{decide, DecisionContext};

fn main() {
    const N_BALLOTS: u32 = 10_000;
    const N_CANDIDATES: u64 = 50;
    const QUOTA: u32 = 10;
    let candidates: Vec<UnitId> = (1..=N_CANDIDATES).map(UnitId).collect();
    let rules = RoundRules {
        quota: Quota::Fixed(QUOTA),
        ..RoundRules::default()
    };
    // Deterministic pseudo-random ballots, each approving up to QUOTA units.
    let mut state = 0x2024_1003_u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut ballot_box = BallotBox::default();
    for _ in 0..N_BALLOTS {
        let n = (next() % u64::from(QUOTA + 1)) as usize;
        let approvals: Vec<UnitId> = (0..n)
            .map(|_| candidates[(next() % N_CANDIDATES) as usize])
            .collect();
        ballot_box.cast(Approvals::new(approvals));
    }
    let roll = Roll {
        entitled: N_BALLOTS,
        present: N_BALLOTS,
        issued: N_BALLOTS,
    };
    let runs = 20;
    let mut times = Vec::with_capacity(runs);
    let mut nominated = 0;
    for _ in 0..runs {
        let start = Instant::now();
        let totals = totals_from_ballots(&ballot_box, &candidates, &rules, QUOTA, roll);
        let ok = reconcile(&totals, QUOTA).is_ok();
        let result = decide(
            &totals,
            &candidates,
            &rules,
            QUOTA,
            DecisionContext::default(),
        );
        times.push(start.elapsed());
        nominated = result.nominated.len() + usize::from(!ok);
    }
    times.sort();
    println!(
        "tally of {N_BALLOTS} ballots x {N_CANDIDATES} candidates (quota {QUOTA}): median {:.2} ms, min {:.2} ms over {runs} runs ({} distinct ballots, {nominated} nominated)",
        times[runs / 2].as_secs_f64() * 1e3,
        times[0].as_secs_f64() * 1e3,
        ballot_box.entries().count()
    );
}
