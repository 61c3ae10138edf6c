//! `cargo xtask licenses`: the list of crates shipped in the desktop app and the command
//! line, with their licence expressions, written to `assets/licenses/crates.json` for the
//! About page and the installers. `--check` fails when the committed list is stale.

use serde_json::{Value, json};
use std::collections::{BTreeMap, BTreeSet};

use crate::{Result, cargo, root};

/// The targets we ship for: the lists of both are merged.
const TARGETS: &[&str] = &["x86_64-unknown-linux-gnu", "x86_64-pc-windows-gnu"];

pub fn licenses(check: bool) -> Result {
    let mut shipped: BTreeMap<(String, String), String> = BTreeMap::new();
    for target in TARGETS {
        let out = cargo()
            .args([
                "metadata",
                "--format-version",
                "1",
                "--locked",
                "--filter-platform",
                target,
            ])
            .output()
            .map_err(|e| format!("cargo metadata: {e}"))?;
        if !out.status.success() {
            return Err(format!(
                "cargo metadata failed: {}",
                String::from_utf8_lossy(&out.stderr)
            ));
        }
        let meta: Value = serde_json::from_slice(&out.stdout).map_err(|e| e.to_string())?;
        collect(&meta, &mut shipped)?;
    }
    let list: Vec<Value> = shipped
        .into_iter()
        .map(|((name, version), license)| json!({ "name": name, "version": version, "license": license }))
        .collect();
    let text = serde_json::to_string_pretty(&list).map_err(|e| e.to_string())? + "\n";
    let path = root().join("assets/licenses/crates.json");
    if check {
        let current = std::fs::read_to_string(&path).unwrap_or_default();
        if current != text {
            return Err("assets/licenses/crates.json is stale: run `cargo xtask licenses`".into());
        }
        return Ok(());
    }
    std::fs::create_dir_all(path.parent().expect("has a parent")).map_err(|e| e.to_string())?;
    std::fs::write(&path, text).map_err(|e| e.to_string())?;
    eprintln!("wrote {} ({} crates)", path.display(), list.len());
    Ok(())
}

/// Walks the normal (non-dev, non-build) dependencies of the shipped binaries.
fn collect(meta: &Value, out: &mut BTreeMap<(String, String), String>) -> Result {
    let packages: BTreeMap<&str, &Value> = meta["packages"]
        .as_array()
        .ok_or("no packages")?
        .iter()
        .map(|p| (p["id"].as_str().unwrap_or_default(), p))
        .collect();
    let nodes: BTreeMap<&str, &Value> = meta["resolve"]["nodes"]
        .as_array()
        .ok_or("no resolve graph")?
        .iter()
        .map(|n| (n["id"].as_str().unwrap_or_default(), n))
        .collect();
    let roots: Vec<&str> = packages
        .iter()
        .filter(|(_, p)| matches!(p["name"].as_str(), Some("tiepdan" | "tiepdan-desktop")))
        .map(|(id, _)| *id)
        .collect();
    let mut seen = BTreeSet::new();
    let mut stack = roots.clone();
    while let Some(id) = stack.pop() {
        if !seen.insert(id) {
            continue;
        }
        let Some(node) = nodes.get(id) else { continue };
        for dep in node["deps"].as_array().into_iter().flatten() {
            let normal = dep["dep_kinds"]
                .as_array()
                .into_iter()
                .flatten()
                .any(|k| k["kind"].is_null());
            if normal {
                stack.push(dep["pkg"].as_str().unwrap_or_default());
            }
        }
    }
    for id in seen {
        let p = packages[id];
        // Our own workspace crates (no registry source) are not third-party licences.
        if p["source"].is_null() {
            continue;
        }
        let name = p["name"].as_str().unwrap_or_default().to_owned();
        let version = p["version"].as_str().unwrap_or_default().to_owned();
        let license = p["license"]
            .as_str()
            .unwrap_or("(xem mã nguồn của gói)")
            .to_owned();
        out.insert((name, version), license);
    }
    Ok(())
}
