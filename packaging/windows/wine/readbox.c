/*
 * Starts a program, waits for the message box it shows (a top-level window with the given
 * caption), prints the box's text as UTF-8, closes it and returns the program's exit code.
 * Used only by CI's Wine check (xtask/src/wine.rs) to read what the window says when it
 * cannot start. Never shipped.
 *
 * readbox.exe CAPTION PROGRAM
 */
#include <windows.h>
#include <stdio.h>

static BOOL CALLBACK print_text(HWND child, LPARAM unused)
{
    wchar_t text[4096];
    char utf8[16384];
    (void)unused;
    if (GetWindowTextW(child, text, 4096) > 0 &&
        WideCharToMultiByte(CP_UTF8, 0, text, -1, utf8, sizeof utf8, NULL, NULL) > 0)
        printf("%s\n", utf8);
    return TRUE;
}

int wmain(int argc, wchar_t **argv)
{
    STARTUPINFOW si = {sizeof si};
    PROCESS_INFORMATION pi;
    DWORD code = 0;
    HWND box = NULL;
    if (argc != 3 || !CreateProcessW(argv[2], NULL, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi))
        return 100;
    for (int i = 0; i < 600 && !box; i++) {
        box = FindWindowW(NULL, argv[1]);
        if (!box && WaitForSingleObject(pi.hProcess, 100) == WAIT_OBJECT_0)
            break;
    }
    if (!box) {
        printf("no box titled so\n");
        TerminateProcess(pi.hProcess, 101);
        return 101;
    }
    Sleep(500);
    EnumChildWindows(box, print_text, 0);
    fflush(stdout);
    PostMessageW(box, WM_CLOSE, 0, 0);
    WaitForSingleObject(pi.hProcess, 30000);
    GetExitCodeProcess(pi.hProcess, &code);
    printf("exit code %lu\n", code);
    return 0;
}
