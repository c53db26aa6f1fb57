//! Writes a history of many checks, for the README's figure of
//! `lactriage history` (scripts/bench.sh):
//! `cargo run --release --example history-workload -- FILE CHECKS`.
//! Checks come 10 to an episode, six hours apart.

use std::process::ExitCode;

use lactriage::history::{NewCheck, Store};

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (Some(path), Some(Ok(checks))) = (args.next(), args.next().map(|n| n.parse::<u32>()))
    else {
        eprintln!("usage: history-workload FILE CHECKS");
        return ExitCode::from(2);
    };
    let store = match Store::open(std::path::Path::new(&path)) {
        Ok(store) => store,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let start =
        chrono::Local::now().fixed_offset() - chrono::Duration::hours(6 * i64::from(checks));
    let mut episode = None;
    for i in 0..checks {
        let temperature = 36.5 + f64::from(i % 7) * 0.4;
        let check = NewCheck {
            client: "",
            episode: if i % 10 == 0 { None } else { episode },
            time: start + chrono::Duration::hours(6 * i64::from(i)),
            rules: ("mastitis-spectrum", "2.3.0", "1101d0ca80a87120"),
            answers: serde_json::json!({
                "sepsis_signs": "no", "skin_emergency": "no", "abscess_signs": "no",
                "antibiotics_hours": 0, "lump": "yes", "redness": "small",
                "lactating": "yes", "temperature": temperature, "duration_hours": 12
            }),
            urgency: if temperature >= 38.0 {
                "today"
            } else {
                "within_24h"
            },
            condition: "inflammatory_mastitis",
        };
        match store.save(&check) {
            Ok(saved) => episode = Some(saved.episode),
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}
