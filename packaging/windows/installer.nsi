; TiếpDân — Windows installer (NSIS 3, Unicode). Built by `cargo xtask package windows`,
; which passes VERSION, STAGE (the folder with the files to install) and OUTFILE.
; Per-user install: no administrator rights are needed. A 64-bit installer, as the app is:
; on 32-bit Windows it does not start, rather than install a program that cannot run (and
; CI runs it under Debian's 64-bit Wine, xtask/src/wine.rs).

Unicode true
Target amd64-unicode
ManifestDPIAware true
SetCompressor /SOLID lzma
SetCompressorDictSize 64
RequestExecutionLevel user

!include "MUI2.nsh"
!include "LogicLib.nsh"

!ifndef VERSION
  !error "VERSION is not defined"
!endif
!ifndef STAGE
  !error "STAGE is not defined"
!endif
!ifndef OUTFILE
  !error "OUTFILE is not defined"
!endif

!define APPNAME "TiếpDân"
!define APPKEY "TiepDan"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APPKEY}"
; Where the app keeps its data by default (directories::ProjectDirs on Windows).
!define DATADIR "$APPDATA\TiepDan\tiepdan"
; The WebView2 runtime's client id (Evergreen).
!define WV2ID "{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}"

Name "${APPNAME} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APPKEY}"
InstallDirRegKey HKCU "Software\${APPKEY}" "InstallDir"
BrandingText "${APPNAME} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${APPNAME}"
VIAddVersionKey /LANG=0 "FileDescription" "Cài đặt ${APPNAME} — phần mềm tiếp công dân cấp xã"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "LegalCopyright" "MIT OR Apache-2.0"

!define MUI_ICON "${STAGE}\TiepDan.ico"
!define MUI_UNICON "${STAGE}\TiepDan.ico"
!define MUI_ABORTWARNING
!define MUI_WELCOMEPAGE_TEXT "Chương trình sẽ cài ${APPNAME} ${VERSION} cho người dùng này (không cần quyền quản trị).$\r$\n$\r$\nNếu máy đã có phiên bản cũ, dữ liệu được giữ nguyên; lần mở đầu tiên ứng dụng tự sao lưu rồi nâng cấp dữ liệu.$\r$\n$\r$\nBấm Tiến để tiếp tục."
!define MUI_FINISHPAGE_RUN "$INSTDIR\tiepdan-desktop.exe"
!define MUI_FINISHPAGE_RUN_TEXT "Mở ${APPNAME} ngay"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!define MUI_COMPONENTSPAGE_TEXT_TOP "Dữ liệu (cơ sở dữ liệu và bản sao lưu) được giữ lại, trừ khi bạn đánh dấu ô dưới đây."
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "Vietnamese"

; True when the WebView2 runtime is installed (machine-wide or for this user).
!macro WebView2Present RESULT
  StrCpy ${RESULT} ""
  ReadRegStr ${RESULT} HKLM "SOFTWARE\WOW6432Node\Microsoft\EdgeUpdate\Clients\${WV2ID}" "pv"
  ${If} ${RESULT} == ""
  ${OrIf} ${RESULT} == "0.0.0.0"
    ReadRegStr ${RESULT} HKLM "SOFTWARE\Microsoft\EdgeUpdate\Clients\${WV2ID}" "pv"
  ${EndIf}
  ${If} ${RESULT} == ""
  ${OrIf} ${RESULT} == "0.0.0.0"
    ReadRegStr ${RESULT} HKCU "Software\Microsoft\EdgeUpdate\Clients\${WV2ID}" "pv"
  ${EndIf}
!macroend

Function .onInit
  !insertmacro WebView2Present $0
  ${If} $0 == ""
  ${OrIf} $0 == "0.0.0.0"
    MessageBox MB_YESNO|MB_ICONEXCLAMATION "Máy này chưa có Microsoft Edge WebView2 Runtime, thành phần Windows mà ${APPNAME} cần để hiển thị cửa sổ.$\r$\n$\r$\nWindows 11 và Windows 10 đã cập nhật đều có sẵn. Nếu chưa có: trên một máy có Internet, tải bộ cài 'WebView2 Runtime — Evergreen Standalone Installer (x64)' từ trang Microsoft, chép vào USB, chạy trên máy này, rồi cài lại ${APPNAME}.$\r$\n$\r$\nVẫn tiếp tục cài đặt?" /SD IDYES IDYES +2
    Abort
  ${EndIf}
FunctionEnd

; Windows keeps a running program's files locked, so an upgrade over a copy that is still
; open would stop half-way: the setup asks to close it first (what was typed is already
; saved), and changes nothing if the user cancels. $R0: the installed file to check.
Function EnsureClosed
  ${IfNot} ${FileExists} "$R0"
    Return
  ${EndIf}
  retry:
    ClearErrors
    FileOpen $R1 "$R0" a
    ${IfNot} ${Errors}
      FileClose $R1
      Return
    ${EndIf}
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "${APPNAME} đang mở trên máy này nên chưa thay được tệp $R0.$\r$\n$\r$\nHãy đóng cửa sổ ${APPNAME} (những gì đã nhập đều đã được lưu) và cửa sổ dòng lệnh đang chạy tiepdan, rồi bấm Thử lại." /SD IDCANCEL IDRETRY retry
    Abort "Chưa cài đặt: ${APPNAME} đang mở. Không có tệp nào bị thay đổi."
FunctionEnd

Section "${APPNAME}" SecApp
  SectionIn RO
  ; Windows file names ignore case: the window must not be called TiepDan.exe beside the
  ; command line tiepdan.exe (earlier setups did, and the second overwrote the first).
  StrCpy $R0 "$INSTDIR\tiepdan-desktop.exe"
  Call EnsureClosed
  StrCpy $R0 "$INSTDIR\tiepdan.exe"
  Call EnsureClosed
  StrCpy $R0 "$INSTDIR\WebView2Loader.dll"
  Call EnsureClosed
  SetOutPath "$INSTDIR"
  File "${STAGE}\tiepdan-desktop.exe"
  File "${STAGE}\tiepdan.exe"
  File "${STAGE}\WebView2Loader.dll"
  File "${STAGE}\TiepDan.ico"
  SetOutPath "$INSTDIR\licenses"
  File /r "${STAGE}\licenses\*.*"

  WriteUninstaller "$INSTDIR\Uninstall.exe"
  CreateShortcut "$SMPROGRAMS\${APPNAME}.lnk" "$INSTDIR\tiepdan-desktop.exe" "" "$INSTDIR\TiepDan.ico"
  CreateShortcut "$DESKTOP\${APPNAME}.lnk" "$INSTDIR\tiepdan-desktop.exe" "" "$INSTDIR\TiepDan.ico"

  WriteRegStr HKCU "Software\${APPKEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayName" "${APPNAME}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTKEY}" "Publisher" "${APPNAME}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\TiepDan.ico"
  WriteRegStr HKCU "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "UninstallString" '"$INSTDIR\Uninstall.exe"'
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoRepair" 1
SectionEnd

Section "un.${APPNAME}" UnApp
  SectionIn RO
  Delete "$SMPROGRAMS\${APPNAME}.lnk"
  Delete "$DESKTOP\${APPNAME}.lnk"
  Delete "$INSTDIR\tiepdan-desktop.exe"
  ; The command line (and, being the same name to Windows, the TiepDan.exe that earlier
  ; setups installed).
  Delete "$INSTDIR\tiepdan.exe"
  Delete "$INSTDIR\WebView2Loader.dll"
  Delete "$INSTDIR\TiepDan.ico"
  RMDir /r "$INSTDIR\licenses"
  Delete "$INSTDIR\Uninstall.exe"
  ; Portable data beside the program is data too: kept unless the box below is ticked.
  RMDir "$INSTDIR"
  ; The webview's own cache (not TiếpDân data).
  RMDir /r "$LOCALAPPDATA\vn.tiepdan.desktop"
  DeleteRegKey HKCU "${UNINSTKEY}"
  DeleteRegKey HKCU "Software\${APPKEY}"
SectionEnd

Section /o "un.Xóa cả dữ liệu và bản sao lưu (không thể khôi phục)" UnData
  RMDir /r "${DATADIR}"
  RMDir "$APPDATA\TiepDan"
  RMDir /r "$INSTDIR\data"
  Delete "$INSTDIR\tiepdan-portable.txt"
  RMDir "$INSTDIR"
SectionEnd
