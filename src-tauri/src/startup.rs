//! When the window cannot start at all — on Windows most often because the WebView2 runtime
//! is missing (an old Windows 10 never updated) — the officer is told so in Vietnamese, in a
//! box on screen, instead of the program vanishing without a word.

/// Before anything else on Windows: without the WebView2 runtime the window cannot show,
/// and Tauri's own box about it is in English; ours says what to do, in Vietnamese.
pub fn require_webview() {
    #[cfg(windows)]
    if let Err(e) = tauri::webview_version() {
        failed(&e.to_string());
    }
}

/// Says why the window could not start (stderr, and on Windows a message box) and exits.
pub fn failed(detail: &str) -> ! {
    // Tauri's own error does not always name it ("failed to create window"): ask WebView2.
    let webview_missing = cfg!(windows) && tauri::webview_version().is_err();
    let message = message(detail, webview_missing);
    eprintln!("{message}");
    #[cfg(windows)]
    message_box(&message);
    std::process::exit(1)
}

/// What the officer reads: what to do first, the technical detail last.
fn message(detail: &str, webview_missing: bool) -> String {
    if webview_missing {
        format!(
            "TiếpDân không mở được cửa sổ vì máy này chưa có Microsoft Edge WebView2 Runtime, \
             thành phần Windows dùng để hiển thị cửa sổ.\n\n\
             Trên một máy có Internet, tải bộ cài \"WebView2 Runtime — Evergreen Standalone \
             Installer (x64)\" từ trang của Microsoft, chép vào USB, chạy trên máy này rồi mở \
             lại TiếpDân. Dữ liệu không bị ảnh hưởng.\n\nChi tiết: {detail}"
        )
    } else {
        format!(
            "TiếpDân không mở được cửa sổ. Dữ liệu không bị ảnh hưởng. Hãy báo cán bộ tin học, \
             kèm chi tiết sau:\n\n{detail}"
        )
    }
}

#[cfg(windows)]
fn message_box(message: &str) {
    use windows::Win32::UI::WindowsAndMessaging::{MB_ICONERROR, MB_OK, MessageBoxW};
    use windows::core::HSTRING;
    // SAFETY: both strings live across the call; no owner window.
    unsafe {
        MessageBoxW(
            None,
            &HSTRING::from(message),
            &HSTRING::from("TiếpDân"),
            MB_OK | MB_ICONERROR,
        );
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_message_says_what_to_do_then_the_detail() {
        for missing in [false, true] {
            let m = super::message("boom", missing);
            assert!(m.starts_with("TiếpDân không mở được cửa sổ"), "{m}");
            assert!(m.ends_with("boom"), "{m}");
            assert_eq!(m.contains("WebView2 Runtime"), missing, "{m}");
        }
    }
}
