/* Test-only stand-in for Windows' icuuc.dll, for wine 8 which lacks it. Never shipped: the
 * installer does not contain it and Windows 10/11 bring the real one in System32.
 *
 * Qt6Core.dll (PySide6 >= 6.10) imports these ucnv_* converter functions. ucnv_open always fails
 * (U_FILE_ACCESS_ERROR, NULL), so Qt falls back to its built-in codecs (UTF-8/16/32, Latin-1,
 * the system code page); nothing else is ever called on a converter that was never opened.
 * Built by packaging/wine/check with x86_64-w64-mingw32-gcc -shared. */
#include <stddef.h>
#include <stdint.h>

typedef int32_t UErrorCode;
#define U_FILE_ACCESS_ERROR 4
#define STUB __declspec(dllexport)

static void fail(UErrorCode *err) {
    if (err != NULL && *err <= 0) *err = U_FILE_ACCESS_ERROR;
}

STUB void *ucnv_open(const char *name, UErrorCode *err) { (void)name; fail(err); return NULL; }
STUB void ucnv_close(void *cnv) { (void)cnv; }
STUB void ucnv_reset(void *cnv) { (void)cnv; }
STUB void UCNV_FROM_U_CALLBACK_SUBSTITUTE(void) {}
STUB void UCNV_TO_U_CALLBACK_SUBSTITUTE(void) {}
STUB int8_t ucnv_getMaxCharSize(const void *cnv) { (void)cnv; return 1; }
STUB const char *ucnv_getName(const void *cnv, UErrorCode *err) { (void)cnv; fail(err); return NULL; }
STUB void ucnv_getToUCallBack(const void *c, void **a, const void **b) { (void)c; if (a) *a = NULL; if (b) *b = NULL; }
STUB void ucnv_getFromUCallBack(const void *c, void **a, const void **b) { (void)c; if (a) *a = NULL; if (b) *b = NULL; }
STUB void ucnv_setToUCallBack(void *c, void *a, const void *b, void **d, const void **e, UErrorCode *err) { (void)c; (void)a; (void)b; (void)d; (void)e; fail(err); }
STUB void ucnv_setFromUCallBack(void *c, void *a, const void *b, void **d, const void **e, UErrorCode *err) { (void)c; (void)a; (void)b; (void)d; (void)e; fail(err); }
STUB void ucnv_cbToUWriteUChars(void *a, const void *s, int32_t n, int32_t o, UErrorCode *err) { (void)a; (void)s; (void)n; (void)o; fail(err); }
STUB void ucnv_cbFromUWriteUChars(void *a, const void **s, const void *l, int32_t o, UErrorCode *err) { (void)a; (void)s; (void)l; (void)o; fail(err); }
STUB void ucnv_toUnicode(void *c, void **t, const void *tl, const char **s, const char *sl, int32_t *o, int8_t f, UErrorCode *err) { (void)c; (void)t; (void)tl; (void)s; (void)sl; (void)o; (void)f; fail(err); }
STUB void ucnv_fromUnicode(void *c, char **t, const char *tl, const void **s, const void *sl, int32_t *o, int8_t f, UErrorCode *err) { (void)c; (void)t; (void)tl; (void)s; (void)sl; (void)o; (void)f; fail(err); }
STUB int32_t ucnv_toUCountPending(const void *c, UErrorCode *err) { (void)c; fail(err); return 0; }
STUB int32_t ucnv_fromUCountPending(const void *c, UErrorCode *err) { (void)c; fail(err); return 0; }
STUB const char *ucnv_getStandardName(const char *n, const char *s, UErrorCode *err) { (void)n; (void)s; fail(err); return NULL; }
STUB const char *ucnv_getAvailableName(int32_t n) { (void)n; return NULL; }
STUB int32_t ucnv_countAvailable(void) { return 0; }
