//! Computes the digest of the built-in rules once, at build time: hashing
//! the file on every run cost a quarter of a scripted `assess`.

use std::fmt::Write as _;
use std::path::PathBuf;

use sha2::{Digest, Sha256};

const RULES: &str = "rules/mastitis-spectrum.toml";

fn main() {
    println!("cargo:rerun-if-changed={RULES}");
    let bytes = std::fs::read(RULES).unwrap_or_else(|e| panic!("{RULES}: {e}"));
    let mut hex = String::with_capacity(64);
    for byte in Sha256::digest(&bytes) {
        let _ = write!(hex, "{byte:02x}");
    }
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let code = format!(
        "/// SHA-256 of `{RULES}`, as compiled in.\npub const BUILTIN_DIGEST: &str = \"{hex}\";\n"
    );
    std::fs::write(out.join("builtin_digest.rs"), code).expect("OUT_DIR is writable");
}
