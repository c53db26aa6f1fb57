//! The README's examples are real: every `console` block is run and must
//! print exactly what it shows, and every `toml` block must parse.

use std::path::Path;
use std::process::Command;

use crate::harness::{bin, project_file};

struct Block {
    language: String,
    first_line: usize,
    body: String,
}

fn blocks() -> Vec<Block> {
    let readme = std::fs::read_to_string(project_file("README.md")).expect("a README");
    let mut blocks = Vec::new();
    let mut current: Option<Block> = None;
    for (i, line) in readme.lines().enumerate() {
        match (&mut current, line.strip_prefix("```")) {
            (None, Some(language)) => {
                current = Some(Block {
                    language: language.trim().to_string(),
                    first_line: i + 2,
                    body: String::new(),
                })
            }
            (Some(_), Some(_)) => blocks.extend(current.take()),
            (Some(block), None) => {
                block.body.push_str(line);
                block.body.push('\n');
            }
            (None, None) => {}
        }
    }
    blocks
}

/// Splits a console block into (command, expected output) pairs.
fn sessions(body: &str) -> Vec<(String, String)> {
    let mut sessions: Vec<(String, String)> = Vec::new();
    for line in body.lines() {
        match line.strip_prefix("$ ") {
            Some(command) => sessions.push((command.to_string(), String::new())),
            None => {
                let (_, expected) = sessions.last_mut().expect("a block starts with a command");
                expected.push_str(line);
                expected.push('\n');
            }
        }
    }
    sessions
}

/// Line by line; `[..]` in an expected line stands for any text (a time).
fn matches(got: &str, expected: &str) -> bool {
    let (got, expected): (Vec<&str>, Vec<&str>) =
        (got.lines().collect(), expected.lines().collect());
    got.len() == expected.len()
        && got.iter().zip(&expected).all(|(g, e)| {
            let mut parts = e.split("[..]");
            let first = parts.next().unwrap_or("");
            let Some(mut rest) = g.strip_prefix(first) else {
                return false;
            };
            let parts: Vec<&str> = parts.collect();
            for (i, part) in parts.iter().enumerate() {
                if i + 1 == parts.len() {
                    return rest.ends_with(part);
                }
                match rest.find(part) {
                    Some(at) => rest = &rest[at + part.len()..],
                    None => return false,
                }
            }
            rest.is_empty()
        })
}

#[test]
fn every_console_example_prints_what_the_readme_shows() {
    let bin_dir = Path::new(bin()).parent().expect("a folder");
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut ran = 0;
    for block in blocks().into_iter().filter(|b| b.language == "console") {
        for (command, expected) in sessions(&block.body) {
            let output = Command::new("sh")
                .arg("-c")
                .arg(format!("{command} 2>&1"))
                .env("PATH", &path)
                .env_remove("NO_COLOR")
                .env_remove("LC_ALL")
                .env_remove("LC_MESSAGES")
                .env_remove("LANG")
                .current_dir(env!("CARGO_MANIFEST_DIR"))
                .output()
                .expect("sh runs");
            let got = String::from_utf8_lossy(&output.stdout);
            assert!(
                matches(got.trim_end(), expected.trim_end()),
                "README.md line {}: `{command}` printed:\n{got}\nexpected:\n{expected}",
                block.first_line
            );
            ran += 1;
        }
    }
    assert!(ran >= 4, "ran {ran} README commands");
}

#[test]
fn every_toml_example_parses() {
    for block in blocks().into_iter().filter(|b| b.language == "toml") {
        if let Err(e) = block.body.parse::<toml::Table>() {
            panic!("README.md line {}: {e}", block.first_line);
        }
    }
}
