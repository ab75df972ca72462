//! How fast the model runs: the explainer re-simulates on every slider move,
//! so a 600-day run with the default six senders must take well under a frame.
//! Throughput is per simulated day (601 rows: days 0..=600).
//!
//! `cargo bench --bench model`

use backchannel::model::simulate;
use backchannel::story::Story;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use std::time::Duration;

const DAYS: u32 = 600;

fn what_happened(c: &mut Criterion) {
    let story = Story::builtin().unwrap();
    let (params, senders) = (story.resolved().params, story.resolved().senders.clone());
    assert_eq!(senders.len(), 6);
    let events = story.scenario("what-happened").unwrap().events.clone();
    let mut group = c.benchmark_group("simulate/what-happened/600 days/6 senders");
    group.throughput(Throughput::Elements(u64::from(DAYS) + 1));
    for dt in [1.0, 0.25] {
        group.bench_function(format!("dt={dt}"), |b| {
            b.iter(|| {
                simulate(
                    black_box(&params),
                    black_box(&senders),
                    black_box(&events),
                    black_box(DAYS),
                    black_box(dt),
                )
                .unwrap()
            })
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    targets = what_happened
}
criterion_main!(benches);
