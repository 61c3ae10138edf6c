/*
 * A stand-in for Windows' bcryptprimitives.dll, used only to run our Windows build under
 * Debian 12's Wine 8.0 in CI (xtask/src/wine.rs). Rust >= 1.78 seeds its random numbers with
 * ProcessPrng from this DLL, which Wine 8 lacks, so without it no Rust program starts.
 * Real Windows (8.1 and later) has its own; this file is never shipped.
 *
 * ProcessPrng fills the buffer from RtlGenRandom (advapi32's SystemFunction036), which
 * Wine implements with the host's random source. It never fails, like Windows' own.
 */
#include <windows.h>
#include <ntsecapi.h>

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    while (len > 0) {
        ULONG chunk = len > 0x10000000 ? 0x10000000 : (ULONG)len;
        if (!RtlGenRandom(data, chunk))
            return FALSE;
        data += chunk;
        len -= chunk;
    }
    return TRUE;
}
