//! The layers, checked: which of our crates may depend on which (Cargo already refuses a
//! cycle; this pins the intended direction, so a new edge is a decision, not an accident),
//! which crates may reach a database or a window, and that the pure crates read no file,
//! environment or clock.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Command;

/// Each workspace crate and the workspace crates it may depend on (normal dependencies).
const ALLOWED: &[(&str, &[&str])] = &[
    ("tiepdan-vocab", &[]),
    ("tiepdan-rules", &["tiepdan-vocab"]),
    ("tiepdan-domain", &["tiepdan-vocab", "tiepdan-rules"]),
    ("tiepdan-store", &["tiepdan-vocab"]),
    ("tiepdan-render", &["tiepdan-vocab", "tiepdan-domain"]),
    (
        "tiepdan-interchange",
        &["tiepdan-vocab", "tiepdan-rules", "tiepdan-domain"],
    ),
    (
        "tiepdan-core",
        &[
            "tiepdan-vocab",
            "tiepdan-rules",
            "tiepdan-domain",
            "tiepdan-store",
            "tiepdan-render",
            "tiepdan-interchange",
        ],
    ),
    ("tiepdan", &["tiepdan-core"]),
    ("tiepdan-desktop", &["tiepdan-core"]),
    ("xtask", &[]),
];

/// Third-party crates that only some of our crates may name: the database, the window.
const GUARDED: &[(&str, &[&str])] = &[
    ("rusqlite", &["tiepdan-store", "tiepdan-core"]),
    ("tauri", &["tiepdan-desktop"]),
    ("directories", &["tiepdan-core"]),
];

/// The crates that must stay pure: values in, values out.
const PURE: &[&str] = &["vocab", "rules", "domain", "render", "interchange"];

fn metadata() -> serde_json::Value {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .args([
            "metadata",
            "--no-deps",
            "--format-version",
            "1",
            "--offline",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo metadata runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Each workspace package and the names of its normal (non-dev, non-build) dependencies.
fn dependencies() -> BTreeMap<String, BTreeSet<String>> {
    let meta = metadata();
    meta["packages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let deps = p["dependencies"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|d| d["kind"].is_null())
                .map(|d| d["name"].as_str().unwrap().to_owned())
                .collect();
            (p["name"].as_str().unwrap().to_owned(), deps)
        })
        .collect()
}

#[test]
fn our_crates_depend_only_downwards() {
    let deps = dependencies();
    let allowed: BTreeMap<&str, &[&str]> = ALLOWED.iter().copied().collect();
    let ours: BTreeSet<&str> = allowed.keys().copied().collect();
    assert_eq!(
        deps.keys().map(String::as_str).collect::<BTreeSet<_>>(),
        ours,
        "a crate was added or removed: give it its place in ALLOWED"
    );
    for (krate, uses) in &deps {
        for dep in uses.iter().filter(|d| ours.contains(d.as_str())) {
            assert!(
                allowed[krate.as_str()].contains(&dep.as_str()),
                "{krate} must not depend on {dep}"
            );
        }
    }
}

#[test]
fn only_the_store_and_core_reach_the_database_and_only_the_shell_the_window() {
    let deps = dependencies();
    for (dep, may) in GUARDED {
        for (krate, uses) in &deps {
            if uses.contains(*dep) {
                assert!(may.contains(&krate.as_str()), "{krate} must not use {dep}");
            }
        }
    }
}

fn rust_sources(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_sources(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn the_pure_crates_read_no_file_environment_or_clock() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let forbidden = [
        "std::fs",
        "std::env",
        "std::net",
        "std::process",
        "Local::now",
        "Utc::now",
        "SystemTime",
    ];
    let mut checked = 0;
    for krate in PURE {
        let mut files = Vec::new();
        rust_sources(&root.join("crates").join(krate).join("src"), &mut files);
        for f in files {
            let src = std::fs::read_to_string(&f).unwrap();
            for (n, line) in src.lines().enumerate() {
                let code = line.split("//").next().unwrap_or_default();
                for word in forbidden {
                    assert!(
                        !code.contains(word),
                        "{}:{}: a pure crate uses {word}",
                        f.display(),
                        n + 1
                    );
                }
            }
            checked += 1;
        }
    }
    assert!(
        checked > 40,
        "the pure crates' sources are found ({checked})"
    );
}
