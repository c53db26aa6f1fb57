//! Rules files of a given shape and size, for the analysis benchmark and the
//! tests that keep the analysis from growing with the number of paths.
//!
//! - `diamond(l)`: `l` stages; stage i asks `p<i>`: yes goes on to the next
//!   stage, no to a detour asking `r<i>`, whose yes and no both go on. A last
//!   step asks `fin`. 2^l paths in O(l) lines. `detour_lowers` makes the
//!   last detour's yes end at `today` at once, so that answering the last
//!   stage's `p` with yes (worse) can lead to self-care: a property fails.
//! - `chain(n)`: n steps, step i asks `q<i>`: yes is `today`, no goes on.

use std::fmt::Write as _;

/// Everything but questions, steps, outcomes and properties: the levels,
/// one source and one condition `c`. Starts at step `s0`.
pub const HEADER: &str = r#"[rules]
name = "shape"
version = "0.0.1"
start = "s0"
disclaimer = "Generated for a benchmark; not a diagnosis."

[urgency.emergency]
label = "Emergency"
contact = "Now."
watch_for = []

[urgency.today]
label = "Today"
contact = "Today."
watch_for = []

[urgency.within_24h]
label = "Within 24 hours"
contact = "Within 24 hours."
watch_for = ["signs"]

[urgency.within_days]
label = "Within days"
contact = "Within days."
watch_for = ["signs"]

[urgency.self_care]
label = "Self-care"
contact = "At home."
watch_for = ["signs"]

[lists]
signs = ["A fever."]
care = ["Rest."]
avoid = ["Heat."]

[[source]]
id = "s"
text = "A source."

[[condition]]
id = "c"
title = "A condition"
summary = "A summary."
advice = ["care"]
avoid = ["avoid"]
sources = ["s"]
"#;

const OUTCOMES: &str = r#"
[[outcome]]
id = "o_today"
condition = "c"
urgency = "today"
why = "Because."

[[outcome]]
id = "o_self"
condition = "c"
urgency = "self_care"
why = "Because."
"#;

fn question(out: &mut String, id: &str) {
    let _ = write!(
        out,
        "\n[[question]]\nid = \"{id}\"\nlabel = \"{id}\"\nkind = \"yes_no\"\nparent = \"Is it so?\"\n"
    );
}

fn step(out: &mut String, id: &str, ask: &str, yes: &str, no: &str) {
    let _ = write!(
        out,
        "\n[[step]]\nid = \"{id}\"\nask = \"{ask}\"\nyes = \"{yes}\"\nno = \"{no}\"\n"
    );
}

pub fn diamond(l: usize, detour_lowers: bool) -> String {
    let mut out = format!("{HEADER}{OUTCOMES}");
    for i in 0..l {
        question(&mut out, &format!("p{i}"));
        question(&mut out, &format!("r{i}"));
    }
    question(&mut out, "fin");
    for i in 0..l {
        let next = if i + 1 < l {
            format!("s{}", i + 1)
        } else {
            "fin".to_string()
        };
        step(
            &mut out,
            &format!("s{i}"),
            &format!("p{i}"),
            &next,
            &format!("d{i}"),
        );
        let detour_yes = if detour_lowers && i + 1 == l {
            "o_today"
        } else {
            &next
        };
        step(
            &mut out,
            &format!("d{i}"),
            &format!("r{i}"),
            detour_yes,
            &next,
        );
    }
    step(&mut out, "fin", "fin", "o_today", "o_self");
    for i in 0..l {
        let _ = write!(
            out,
            "\n[[property]]\nname = \"p{i} never lowers\"\nworse = \"p{i}\"\n"
        );
    }
    out.push_str("\n[[property]]\nname = \"fin is today\"\nwhen = { fin = [\"yes\"] }\nat_least = \"today\"\n");
    out
}

pub fn chain(n: usize) -> String {
    let mut out = format!("{HEADER}{OUTCOMES}");
    for i in 0..n {
        question(&mut out, &format!("q{i}"));
    }
    for i in 0..n {
        let next = if i + 1 < n {
            format!("s{}", i + 1)
        } else {
            "o_self".to_string()
        };
        step(
            &mut out,
            &format!("s{i}"),
            &format!("q{i}"),
            "o_today",
            &next,
        );
    }
    let _ = write!(
        out,
        "\n[[property]]\nname = \"q0 never lowers\"\nworse = \"q0\"\n\n[[property]]\nname = \"the last never lowers\"\nworse = \"q{}\"\n\n[[property]]\nname = \"q1 is today\"\nwhen = {{ q1 = [\"yes\"] }}\nat_least = \"today\"\n",
        n - 1
    );
    out
}
