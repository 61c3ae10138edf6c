//! The window's command list, generated: `ui/src/lib/commands.ts` is written from the
//! shell's commands (`src-tauri/src/commands/`, one file per capability, registered in `src-tauri/src/lib.rs`), one
//! typed function per command, so a renamed command, argument or result type cannot drift
//! from what the UI calls. The file is never edited by hand: this test compares it with what
//! the Rust says, and `UPDATE_BINDINGS=1 cargo test -p tiepdan --test all ipc_commands`
//! rewrites it.

use std::collections::BTreeSet;
use std::path::Path;

/// One `#[tauri::command]`: its name, its arguments (name, Rust type) and its result type.
#[derive(Debug)]
struct Command {
    name: String,
    args: Vec<(String, String)>,
    returns: String,
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Splits `s` on top-level commas (not those inside `<…>` or `(…)`).
fn split_top(s: &str) -> Vec<String> {
    let (mut out, mut cur, mut depth) = (Vec::new(), String::new(), 0i32);
    for c in s.chars() {
        match c {
            '<' | '(' => depth += 1,
            '>' | ')' => depth -= 1,
            ',' if depth == 0 => {
                out.push(std::mem::take(&mut cur));
                continue;
            }
            _ => {}
        }
        cur.push(c);
    }
    out.push(cur);
    out.into_iter()
        .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|s| !s.is_empty())
        .collect()
}

/// The shell's command sources, one per capability, in file-name order.
fn sources() -> String {
    let dir = root().join("src-tauri/src/commands");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "rs"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|f| std::fs::read_to_string(f).unwrap())
        .collect()
}

/// Every command of the shell, in source order.
fn commands() -> Vec<Command> {
    let src = sources();
    let mut out = Vec::new();
    for chunk in src.split("#[tauri::command]").skip(1) {
        let sig = chunk.trim_start();
        let sig = sig
            .strip_prefix("pub async fn ")
            .expect("every command is `pub async fn` (the window never waits on the core)");
        let open = sig.find('(').unwrap();
        let name = sig[..open].to_owned();
        // The argument list ends at the parenthesis that closes the first one.
        let (mut depth, mut close) = (0, 0);
        for (i, c) in sig.char_indices().skip(open) {
            match c {
                '(' => depth += 1,
                ')' => {
                    depth -= 1;
                    if depth == 0 {
                        close = i;
                        break;
                    }
                }
                _ => {}
            }
        }
        let args = split_top(&sig[open + 1..close])
            .into_iter()
            .map(|a| {
                let (n, t) = a.split_once(':').unwrap();
                (n.trim().to_owned(), t.trim().to_owned())
            })
            .filter(|(_, t)| t != "AppHandle")
            .collect();
        let after = &sig[close + 1..];
        let returns = after[..after.find('{').unwrap()]
            .trim()
            .trim_start_matches("->")
            .trim()
            .to_owned();
        out.push(Command {
            name,
            args,
            returns,
        });
    }
    out
}

/// The names `generate_handler!` registers.
fn registered() -> BTreeSet<String> {
    let lib = std::fs::read_to_string(root().join("src-tauri/src/lib.rs")).unwrap();
    let start = lib.find("generate_handler![").unwrap();
    let end = start + lib[start..].find(']').unwrap();
    lib[start..end]
        .split("commands::")
        .skip(1)
        .map(|s| s.trim().trim_end_matches(',').trim().to_owned())
        .collect()
}

fn camel(s: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in s.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// The TypeScript type of a Rust type; named types must be declared in bindings.ts.
fn ts_type(rust: &str, declared: &BTreeSet<String>, used: &mut BTreeSet<String>) -> String {
    let t = rust.trim();
    if let Some(inner) = t.strip_prefix("Option<").and_then(|s| s.strip_suffix('>')) {
        return format!("{} | null", ts_type(inner, declared, used));
    }
    if let Some(inner) = t.strip_prefix("Vec<").and_then(|s| s.strip_suffix('>')) {
        let item = ts_type(inner, declared, used);
        return if item.contains(' ') {
            format!("({item})[]")
        } else {
            format!("{item}[]")
        };
    }
    match t {
        "String" | "&str" => "string".into(),
        "bool" => "boolean".into(),
        "i8" | "i16" | "i32" | "i64" | "u8" | "u16" | "u32" | "u64" | "usize" | "f64" => {
            "number".into()
        }
        "()" => "null".into(),
        "serde_json::Value" => "unknown".into(),
        path => {
            let name = path.rsplit("::").next().unwrap().to_owned();
            assert!(
                declared.contains(&name),
                "{name} crosses into the UI but is not in bindings.ts: add it to ipc.rs"
            );
            used.insert(name.clone());
            name
        }
    }
}

/// The generated TypeScript module.
fn typescript() -> String {
    let bindings = std::fs::read_to_string(root().join("ui/src/lib/bindings.ts")).unwrap();
    let declared: BTreeSet<String> = bindings
        .lines()
        .filter_map(|l| l.strip_prefix("export type "))
        .map(|l| {
            l.split(|c: char| !c.is_alphanumeric() && c != '_')
                .next()
                .unwrap()
                .to_owned()
        })
        .collect();
    let mut used = BTreeSet::new();
    let mut body = String::new();
    for c in commands() {
        let result = c
            .returns
            .strip_prefix("Result<")
            .and_then(|r| r.strip_suffix(", ErrorData>"))
            .unwrap_or(&c.returns);
        let result = ts_type(result, &declared, &mut used);
        let params: Vec<String> = c
            .args
            .iter()
            .map(|(n, t)| format!("{}: {}", camel(n), ts_type(t, &declared, &mut used)))
            .collect();
        let keys: Vec<String> = c.args.iter().map(|(n, _)| camel(n)).collect();
        let call = if keys.is_empty() {
            format!("call<{result}>('{}')", c.name)
        } else {
            format!("call<{result}>('{}', {{ {} }})", c.name, keys.join(", "))
        };
        body.push_str(&format!(
            "  {}: ({}) =>\n    {call},\n",
            camel(&c.name),
            params.join(", ")
        ));
    }
    let imports: Vec<String> = used.into_iter().map(|t| format!("  {t},\n")).collect();
    format!(
        "// Generated from src-tauri/src/commands/ by\n\
         // `UPDATE_BINDINGS=1 cargo test -p tiepdan --test all ipc_commands`. Do not edit by hand.\n\
         import {{ call }} from './call';\n\
         import type {{\n{}}} from './bindings';\n\n\
         /** Every command of the window, typed from its Rust signature. */\n\
         export const api = {{\n{body}}};\n",
        imports.concat()
    )
}

#[test]
fn every_registered_command_is_an_async_function_and_every_function_is_registered() {
    let defined: BTreeSet<String> = commands().into_iter().map(|c| c.name).collect();
    assert!(
        defined.len() > 100,
        "the commands are found ({})",
        defined.len()
    );
    assert_eq!(defined, registered());
}

#[test]
fn the_uis_command_list_matches_the_rust_commands() {
    let path = root().join("ui/src/lib/commands.ts");
    let expected = typescript();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &expected).unwrap();
    }
    let actual = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        actual == expected,
        "ui/src/lib/commands.ts is out of date: run UPDATE_BINDINGS=1 cargo test -p tiepdan --test all ipc_commands"
    );
}

#[test]
fn rust_types_map_to_their_typescript_types() {
    let declared: BTreeSet<String> = ["Citizen".to_owned()].into();
    let mut used = BTreeSet::new();
    let t = |r: &str, used: &mut BTreeSet<String>| ts_type(r, &declared, used);
    assert_eq!(t("Option<String>", &mut used), "string | null");
    assert_eq!(t("Vec<Option<i64>>", &mut used), "(number | null)[]");
    assert_eq!(t("tiepdan_core::desk::Citizen", &mut used), "Citizen");
    assert_eq!(t("()", &mut used), "null");
    assert_eq!(used.len(), 1);
    assert_eq!(camel("print_visit_document"), "printVisitDocument");
}
