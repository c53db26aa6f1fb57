//! The analyses on generated rules files of growing size: `rules check` and
//! `rules diff` should grow with the file, not with its number of paths.
//!
//! `cargo bench --bench analysis`; `-- --quick` for a short run.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use lactriage::analysis::{check, diff};
use lactriage::rules::Rules;

mod shapes;

fn load(text: &str) -> Rules {
    Rules::parse(text, "generated.toml").expect("a generated file loads")
}

fn analysis(c: &mut Criterion) {
    let mut group = c.benchmark_group("check_diamond");
    for stages in [10, 20, 40, 80] {
        let rules = load(&shapes::diamond(stages, false));
        group.throughput(Throughput::Elements(rules.nodes.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(stages), &rules, |b, r| {
            b.iter(|| black_box(check::check(r)));
        });
    }
    group.finish();

    let mut group = c.benchmark_group("diff_diamond");
    for stages in [10, 20, 40, 80] {
        let rules = load(&shapes::diamond(stages, false));
        group.throughput(Throughput::Elements(rules.nodes.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(stages), &rules, |b, r| {
            b.iter(|| black_box(diff::diff(r, r, &[]).expect("comparable")));
        });
    }
    group.finish();

    let mut group = c.benchmark_group("check_chain");
    group.sample_size(10);
    for steps in [1_000, 5_000, 20_000] {
        let rules = load(&shapes::chain(steps));
        group.throughput(Throughput::Elements(steps as u64));
        group.bench_with_input(BenchmarkId::from_parameter(steps), &rules, |b, r| {
            b.iter(|| black_box(check::check(r)));
        });
    }
    group.finish();

    let mut group = c.benchmark_group("load_chain");
    group.sample_size(10);
    for steps in [1_000, 5_000, 20_000] {
        let text = shapes::chain(steps);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(steps), &text, |b, t| {
            b.iter(|| black_box(load(t)));
        });
    }
    group.finish();

    let builtin = Rules::builtin().expect("the built-in rules load");
    c.bench_function("check_default_rules", |b| {
        b.iter(|| black_box(check::check(&builtin)));
    });
    c.bench_function("diff_default_rules", |b| {
        b.iter(|| black_box(diff::diff(&builtin, &builtin, &[]).expect("comparable")));
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(2));
    targets = analysis
}
criterion_main!(benches);
