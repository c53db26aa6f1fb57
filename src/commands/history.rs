//! `lactriage history`: the checks kept in the private history, as a table
//! (with a small chart of temperature and urgency on a terminal), JSON or
//! CSV; `--forget` deletes an episode, or everything, for good.

use std::io::{self, Write};

use crate::cli::{HistoryArgs, HistoryFormat};
use crate::error::Error;
use crate::exit_codes::ExitCode;
use crate::history::follow_up::when;
use crate::history::{self, Row, Store};
use crate::rules::Rules;
use crate::t;
use crate::Terminal;

pub(crate) fn run(
    args: &HistoryArgs,
    terminal: &Terminal,
    stdout: &mut dyn Write,
) -> Result<ExitCode, Error> {
    let path = match &args.history {
        Some(path) => path.clone(),
        None => history::default_path()?,
    };
    let client = args.client.as_deref().unwrap_or("");
    let mut out = io::BufWriter::new(stdout);
    // Reading never creates a history.
    let Some(store) = Store::open_existing(&path)? else {
        if args.forget.is_some() {
            writeln!(
                out,
                "{}",
                t!("history-none-to-forget", path = path.display().to_string())
            )
            .map_err(Error::Output)?;
        } else {
            match args.format {
                HistoryFormat::Table => writeln!(
                    out,
                    "{}",
                    t!("history-none-kept-at", path = path.display().to_string())
                ),
                HistoryFormat::Json => writeln!(out, "[]"),
                HistoryFormat::Csv => writeln!(out, "{CSV_HEADER}"),
            }
            .map_err(Error::Output)?;
        }
        out.flush().map_err(Error::Output)?;
        return Ok(ExitCode::Success);
    };
    if let Some(what) = &args.forget {
        let said = if what.eq_ignore_ascii_case("all") {
            // With --client, that client's checks; without, everything.
            store.forget_all(args.client.as_deref())?;
            match &args.client {
                Some(client) => t!("history-forgot-client", client = client.as_str()),
                None => t!("history-forgot-all", path = path.display().to_string()),
            }
        } else {
            let episode: i64 = what
                .trim()
                .parse()
                .map_err(|_| Error::ForgetWhat(what.clone()))?;
            store.forget(episode, client)?;
            t!("history-forgot-episode", episode = episode)
        };
        writeln!(out, "{said}").map_err(Error::Output)?;
        out.flush().map_err(Error::Output)?;
        return Ok(ExitCode::Success);
    }
    match args.format {
        HistoryFormat::Table => {
            // The built-in rules name the conditions; a check made with
            // other rules shows its condition's id.
            let rules = crate::rules::Rules::builtin_in(crate::i18n::current()).ok();
            write_table(
                &mut out,
                &store.rows(client)?,
                terminal.stdout_is_terminal,
                rules.as_ref(),
            )
        }
        HistoryFormat::Json => serde_json::to_writer_pretty(&mut out, &store.episodes(client)?)
            .map_err(io::Error::from)
            .and_then(|()| writeln!(out)),
        HistoryFormat::Csv => write_csv(&mut out, &store.rows(client)?),
    }
    .and_then(|()| out.flush())
    .map_err(Error::Output)?;
    Ok(ExitCode::Success)
}

/// A temperature in °C from a kept answer, as the JSON result wrote it.
fn temperature(value: &serde_json::Value) -> Option<f64> {
    match value {
        serde_json::Value::Number(n) => n.as_f64(),
        serde_json::Value::String(s) => {
            match crate::answers::parse_temperature(&crate::answers::RawAnswer::Text(s.clone())) {
                Ok(crate::answers::Answer::Temperature(t)) => Some(t.celsius),
                _ => None,
            }
        }
        _ => None,
    }
}

/// The signs a person remembers a check by: lump, redness, fever (now, by
/// the reading, or in the 24 hours before).
fn signs(row: &Row) -> String {
    let mut signs = Vec::new();
    if matches!(row.lump.as_deref(), Some("yes" | "unsure")) {
        signs.push(t!("history-sign-lump"));
    }
    if let Some(redness) = row.redness.as_deref().filter(|r| *r != "none") {
        signs.push(t!("history-sign-redness", redness = redness));
    }
    if temperature(&row.temperature).is_some_and(|t| t >= 38.0) {
        signs.push(t!("history-sign-fever"));
    } else if matches!(row.recent_fever.as_deref(), Some("yes" | "unsure")) {
        signs.push(t!("history-sign-recent-fever"));
    }
    if signs.is_empty() {
        "-".to_string()
    } else {
        signs.join(", ")
    }
}

/// A kept time as the table shows it: `Sat 21 Nov, 22:10`.
fn shown_time(time: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(time).map_or_else(|_| time.to_string(), |t| when(&t))
}

/// A condition in the words of the built-in rules, or its id.
fn condition_title(rules: Option<&Rules>, id: &str) -> String {
    rules
        .and_then(|r| r.conditions.iter().find(|c| c.id == id))
        .map_or_else(|| id.to_string(), |c| c.title.clone())
}

fn write_table(
    w: &mut impl Write,
    rows: &[Row],
    chart: bool,
    rules: Option<&Rules>,
) -> io::Result<()> {
    if rows.is_empty() {
        return writeln!(w, "{}", t!("history-none-kept"));
    }
    for episode in rows.chunk_by(|a, b| a.episode == b.episode) {
        let first = &episode[0];
        if first.check != rows[0].check {
            writeln!(w)?;
        }
        let client = if first.client.is_empty() {
            String::new()
        } else {
            t!("history-client", client = first.client.as_str())
        };
        writeln!(
            w,
            "{}",
            t!(
                "history-episode",
                episode = first.episode,
                client = client,
                checks = episode.len(),
                since = shown_time(&first.time)
            )
        )?;
        writeln!(
            w,
            "  {:<19}{:>8}  {:<11} {}",
            t!("history-col-when"),
            t!("history-col-temp"),
            t!("history-col-urgency"),
            t!("history-col-signs")
        )?;
        for row in episode {
            let t = temperature(&row.temperature).map_or_else(
                || "-".to_string(),
                |t| format!("{} °C", crate::i18n::decimal(format!("{t:.1}"))),
            );
            writeln!(
                w,
                "  {:<19}{:>8}  {:<11} {}",
                shown_time(&row.time),
                t,
                t!("history-urgency", urgency = row.urgency.as_str()),
                signs(row)
            )?;
            writeln!(w, "  {:<19}{}", "", condition_title(rules, &row.condition))?;
        }
        if chart && episode.len() > 1 {
            write_chart(w, episode)?;
        }
    }
    Ok(())
}

/// Per check: its time, the temperature as a bar from 36 to 41 °C, and
/// the urgency as a level: enough to see the way things are going.
fn write_chart(w: &mut impl Write, episode: &[Row]) -> io::Result<()> {
    const LEVELS: [&str; 5] = [
        "self_care",
        "within_days",
        "within_24h",
        "today",
        "emergency",
    ];
    const BAR: usize = 20;
    writeln!(
        w,
        "  {:<19}{:<BAR$}  {}",
        "",
        t!("history-chart-temperature"),
        t!("history-col-urgency")
    )?;
    for row in episode {
        let bar = match temperature(&row.temperature) {
            Some(t) => {
                let n = (((t - 36.0) / 5.0 * BAR as f64)
                    .round()
                    .clamp(0.0, BAR as f64)) as usize;
                format!("{}{}", "█".repeat(n), "·".repeat(BAR - n))
            }
            None => format!("{:<BAR$}", t!("history-no-reading")),
        };
        let level = LEVELS
            .iter()
            .position(|l| *l == row.urgency)
            .map_or(0, |i| i + 1);
        writeln!(
            w,
            "  {:<19}{bar}  {}{} {}",
            shown_time(&row.time),
            "▮".repeat(level),
            "▯".repeat(5 - level),
            t!("history-urgency", urgency = row.urgency.as_str())
        )?;
    }
    Ok(())
}

const CSV_HEADER: &str =
    "episode,client,check,time,temperature_c,urgency,condition,rules_version,rules_digest,lump,redness,recent_fever";

fn write_csv(w: &mut impl Write, rows: &[Row]) -> io::Result<()> {
    writeln!(w, "{CSV_HEADER}")?;
    for row in rows {
        writeln!(
            w,
            "{},{},{},{},{},{},{},{},{},{},{},{}",
            row.episode,
            csv(&row.client),
            row.check,
            csv(&row.time),
            temperature(&row.temperature).map_or_else(String::new, |t| format!("{t}")),
            csv(&row.urgency),
            csv(&row.condition),
            csv(&row.rules_version),
            csv(&row.rules_digest),
            csv(row.lump.as_deref().unwrap_or("")),
            csv(row.redness.as_deref().unwrap_or("")),
            csv(row.recent_fever.as_deref().unwrap_or(""))
        )?;
    }
    Ok(())
}

/// A CSV field, quoted when it must be; a leading =, +, - or @ is quoted
/// with a ' so that a spreadsheet does not run it as a formula.
fn csv(field: &str) -> String {
    let field = if field.starts_with(['=', '+', '-', '@']) {
        format!("'{field}")
    } else {
        field.to_string()
    };
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field
    }
}
