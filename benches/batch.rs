//! The engine and `batch` on in-memory data: one scripted assessment, and
//! the batch workload of the README (`benches/workload.rs`) on one thread,
//! through the fast path and through the general path alone.
//!
//! `cargo bench --bench batch`; `-- --quick` for a short run.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use lactriage::answers::Answers;
use lactriage::batch::{self, Options};
use lactriage::engine;
use lactriage::rules::Rules;

mod workload;

fn benches(c: &mut Criterion) {
    let rules = Rules::builtin().expect("the built-in rules load");

    let mut answers = Answers::new();
    for arg in [
        "sepsis_signs=no",
        "skin_emergency=no",
        "abscess_signs=no",
        "antibiotics_hours=0",
        "lump=yes",
        "redness=none",
        "lactating=yes",
        "temperature=36.9",
        "recent_fever=no",
        "flu_like=no",
        "both_breasts=no",
        "lump_features=no",
        "duration_hours=12",
        "trend=same",
        "recurrent=no",
    ] {
        answers.set_from_arg(arg, &rules).expect("a valid answer");
    }
    c.bench_function("assess_self_care", |b| {
        b.iter(|| black_box(engine::assess(&rules, black_box(&answers)).is_ok()));
    });
    c.bench_function("load_builtin_rules", |b| {
        b.iter(|| black_box(Rules::builtin().is_ok()));
    });

    let lines = 20_000;
    let mut input = Vec::new();
    workload::write(&rules, lines, 1, &mut input).expect("in memory");
    let mut out = Vec::with_capacity(input.len());
    let mut group = c.benchmark_group("batch");
    group.throughput(Throughput::Elements(lines as u64));
    group.bench_function("fast_one_thread", |b| {
        b.iter(|| {
            out.clear();
            batch::run(
                &rules,
                &mut &input[..],
                &mut out,
                |_| {},
                Options::default(),
            )
            .expect("in memory")
        });
    });
    group.bench_function("general_only", |b| {
        b.iter(|| {
            out.clear();
            batch::run_general(&rules, &mut &input[..], &mut out).expect("in memory")
        });
    });
    group.finish();
}

criterion_group! {
    name = batch_benches;
    config = Criterion::default().measurement_time(Duration::from_secs(5));
    targets = benches
}
criterion_main!(batch_benches);
