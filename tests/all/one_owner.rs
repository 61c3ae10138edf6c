//! One owner of a denouncer's identity: no SQL outside `crates/core/src/desk/trust/denouncer/` names the
//! `denouncers` table (the links from a denunciation to its people). Every other module
//! asks the owner, so its gates and audit rows cannot be bypassed by a query of its own.

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The string literals of a Rust source (plain and raw), comments skipped.
fn string_literals(src: &str) -> Vec<String> {
    let b = src.as_bytes();
    let (mut i, mut out) = (0, Vec::new());
    while i < b.len() {
        match b[i] {
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            b'\'' if b.get(i + 2) == Some(&b'\'') || (b.get(i + 1) == Some(&b'\\')) => {
                // A char literal ('"' or '\n'), not a lifetime.
                i += if b.get(i + 1) == Some(&b'\\') { 4 } else { 3 };
            }
            b'r' if b.get(i + 1) == Some(&b'#')
                || (b.get(i + 1) == Some(&b'"') && i > 0 && !b[i - 1].is_ascii_alphanumeric()) =>
            {
                let hashes = b[i + 1..].iter().take_while(|c| **c == b'#').count();
                let start = i + 1 + hashes + 1;
                let close: String = std::iter::once('"')
                    .chain("#".repeat(hashes).chars())
                    .collect();
                let end = src[start..].find(&close).map_or(b.len(), |e| start + e);
                out.push(src[start..end].to_owned());
                i = end + close.len();
            }
            b'"' => {
                let mut j = i + 1;
                while j < b.len() && b[j] != b'"' {
                    j += if b[j] == b'\\' { 2 } else { 1 };
                }
                out.push(src[i + 1..j.min(b.len())].to_owned());
                i = j + 1;
            }
            _ => i += 1,
        }
    }
    out
}

fn names_the_table(literal: &str) -> bool {
    literal
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .any(|w| w == "denouncers")
}

#[test]
fn only_the_owner_module_names_the_denouncers_table() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let owner = root.join("crates/core/src/desk/trust/denouncer");
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    rust_files(&root.join("crates"), &mut files);
    rust_files(&root.join("src-tauri/src"), &mut files);
    let mut offenders = Vec::new();
    let mut owned = 0;
    for f in files {
        let src = std::fs::read_to_string(&f).unwrap();
        let hits = string_literals(&src)
            .into_iter()
            .filter(|l| names_the_table(l))
            .count();
        if f.starts_with(&owner) {
            owned += hits;
        } else if hits > 0 {
            offenders.push(f.strip_prefix(root).unwrap().display().to_string());
        }
    }
    assert!(owned > 5, "the owner's own SQL is found ({owned} literals)");
    assert!(
        offenders.is_empty(),
        "SQL naming `denouncers` outside crates/core/src/desk/trust/denouncer/: {offenders:?}"
    );
}

#[test]
fn the_scanner_finds_the_table_in_sql_and_not_in_words_or_comments() {
    let src = r##"
        // SELECT * FROM denouncers (a comment)
        let denouncers = 1; let c = '"';
        conn.execute("DELETE FROM denouncers WHERE id = ?1", []);
        let raw = r#"SELECT citizen_id FROM denouncers"#;
        let text = "người tố cáo (denouncers_count)";
    "##;
    let hits: Vec<String> = string_literals(src)
        .into_iter()
        .filter(|l| names_the_table(l))
        .collect();
    assert_eq!(hits.len(), 2, "{hits:?}");
}
