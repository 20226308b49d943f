# repr of strings: quote choice, escapes of control and non-printable characters, non-ASCII kept.
samples = ["plain", "it's", 'say "hi"', "both ' and \"", "tab\there", "nl\n", "\x00\x7f\x80",
           "é日本", "\u200b", "\U0001f600", "\ud800", "back\\slash", "\r", "\x1b[0m"]
for s in samples:
    print(repr(s), ascii(s))
