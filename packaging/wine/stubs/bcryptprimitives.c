/* Test-only stand-in for Windows' bcryptprimitives.dll, for wine 8 which lacks it. Never shipped:
 * Windows 10/11 have it in System32.
 *
 * Rust-built wheels (cryptography, pydantic-core, rpds-py) and QtPdf's PDFium import ProcessPrng
 * from it for random bytes. This one fills the buffer from advapi32's RtlGenRandom
 * (SystemFunction036), the documented source of the same kind; failure is reported as FALSE.
 * Built by packaging/wine/check with x86_64-w64-mingw32-gcc -shared ... -ladvapi32. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk)) return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
