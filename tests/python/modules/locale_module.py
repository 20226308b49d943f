# The _locale module: the standard library's locale module uses it (not its "C"-only emulation, whose getencoding() warned), so setlocale takes the environment's locale, and localeconv, nl_langinfo, strcoll, strxfrm and the errors behave as CPython's
import warnings
warnings.simplefilter("error")
import _locale, locale
print(locale.getencoding(), locale.getpreferredencoding(False))
print(locale.setlocale(locale.LC_CTYPE), locale.setlocale(locale.LC_NUMERIC))
print(locale.setlocale(locale.LC_ALL, ""))
print(locale.setlocale(locale.LC_ALL, "C"))
conv = locale.localeconv()
print(sorted(conv.items()))
print(locale.nl_langinfo(locale.CODESET), locale.nl_langinfo(locale.DAY_1), locale.nl_langinfo(locale.ABMON_12), locale.nl_langinfo(locale.D_T_FMT))
print(locale.strcoll("a", "b") < 0, locale.strcoll("b", "a") > 0, locale.strcoll("x", "x"))
print(locale.strxfrm("abc"), sorted(["b", "c", "a"], key=locale.strxfrm))
print(locale.format_string("%.2f", 1234.5, grouping=True), locale.currency is not None)
print(_locale.Error.__module__, _locale.Error.__mro__[1].__name__, locale.Error is _locale.Error)
for bad in [lambda: locale.setlocale(locale.LC_ALL, "xx_YY.NOPE"),
            lambda: _locale.nl_langinfo(123456),
            lambda: _locale.setlocale("LC_ALL"),
            lambda: _locale.setlocale(locale.LC_ALL, 5),
            lambda: _locale.strcoll("a\0", "b"),
            lambda: _locale.strcoll(1, "b")]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print(locale.getlocale(locale.LC_CTYPE))
print(_locale.gettext("hello"), _locale.dgettext(None, "x"), _locale.textdomain(None))
