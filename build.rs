//! Computes, once at build time, what every run would otherwise compute:
//! - the digest of the built-in rules (hashing the file on every run cost a
//!   quarter of a scripted `assess`);
//! - a fingerprint of everything the compiled form of the built-in rules
//!   (`src/rules/builtin.postcard`) is made from: the rules, their cases,
//!   their Spanish text,
//!   and the code of the model, the loader, the prover and the engine. The compiled form
//!   records the fingerprint it was made with, and is used only when it
//!   matches: after any change to those, the rules are loaded and proved
//!   from the TOML as any other file, until `cargo test` has made the
//!   compiled form again.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

const RULES: &str = "rules/mastitis-spectrum.toml";
const CASES: &str = "rules/mastitis-spectrum.cases.toml";
const SPANISH: &str = "rules/mastitis-spectrum.es.toml";
/// Code the compiled form depends on: its layout, and the report it keeps
/// (the prover, and the engine and answer parser that run the cases).
const CODE: &[&str] = &[
    "src/rules",
    "src/analysis",
    "src/engine.rs",
    "src/answers.rs",
    "src/bitset.rs",
];
/// The compiled form itself is not part of its own fingerprint.
const COMPILED: &str = "builtin.postcard";

fn main() {
    println!("cargo:rerun-if-changed={RULES}");
    println!("cargo:rerun-if-changed={CASES}");
    println!("cargo:rerun-if-changed={SPANISH}");
    let rules = read(Path::new(RULES));
    let mut fingerprint = Sha256::new();
    fingerprint.update(&rules);
    fingerprint.update(read(Path::new(CASES)));
    fingerprint.update(read(Path::new(SPANISH)));
    for dir in CODE {
        println!("cargo:rerun-if-changed={dir}");
        let mut files = Vec::new();
        collect(Path::new(dir), &mut files);
        files.sort();
        for file in files {
            fingerprint.update(file.to_string_lossy().replace('\\', "/").as_bytes());
            fingerprint.update(read(&file));
        }
    }
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let code = format!(
        "/// SHA-256 of `{RULES}`, as compiled in.\npub const BUILTIN_DIGEST: &str = \"{}\";\n\
         /// What the compiled form of the built-in rules must have been made from.\n\
         pub(crate) const BUILTIN_FINGERPRINT: &str = \"{}\";\n",
        hex(&Sha256::digest(&rules)),
        hex(&fingerprint.finalize()),
    );
    std::fs::write(out.join("builtin_digest.rs"), code).expect("OUT_DIR is writable");
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every file under `dir` (or `dir` itself, a file) but the compiled form.
fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    if dir.is_file() {
        files.push(dir.to_path_buf());
        return;
    }
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("a readable folder").path();
        if path.is_dir() {
            collect(&path, files);
        } else if path.file_name().is_some_and(|n| n != COMPILED) {
            files.push(path);
        }
    }
}

fn hex(bytes: &[u8]) -> String {
    let mut hex = String::with_capacity(64);
    for byte in bytes {
        let _ = write!(hex, "{byte:02x}");
    }
    hex
}
