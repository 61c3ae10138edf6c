//! How the window's web view spends memory. JavaScriptCore's JIT is turned off: it holds
//! tens of megabytes of compiled code and its caches, and this page's scripts (forms,
//! lists, a few charts) run as fast without it. Measured in docs/benchmarks.md ("A window
//! that does not grow"); WebView2 on Windows manages its own memory.

/// JavaScriptCore reads its options from the environment of the web process, which WebKit
/// starts with this process's environment.
#[cfg(target_os = "linux")]
const NO_JIT: (&str, &str) = ("JSC_useJIT", "0");

/// Before anything else, while the program has one thread: the options the web process
/// starts with. One set from outside (a technician measuring) is kept.
pub fn before_start() {
    #[cfg(target_os = "linux")]
    if std::env::var_os(NO_JIT.0).is_none() {
        // SAFETY: called first thing in `run`, before Tauri, GTK or any other thread exists,
        // so no other thread can be reading the environment.
        unsafe { std::env::set_var(NO_JIT.0, NO_JIT.1) };
    }
}
