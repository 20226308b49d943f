# base64 (and email's base64 helpers, also built on binascii): the standard,
# URL-safe, base32, base16 and Ascii85/base85 codecs, validation, the legacy
# encodebytes/decodebytes, and their errors.
import base64
import binascii

samples = [b"", b"f", b"fo", b"foo", b"foob", b"fooba", b"foobar", bytes(range(256)),
           b"\xfb\xff\xfe" * 5]
for data in samples:
    for enc, dec in [(base64.b64encode, base64.b64decode),
                     (base64.standard_b64encode, base64.standard_b64decode),
                     (base64.urlsafe_b64encode, base64.urlsafe_b64decode),
                     (base64.b32encode, base64.b32decode), (base64.b32hexencode, base64.b32hexdecode),
                     (base64.b16encode, base64.b16decode), (base64.a85encode, base64.a85decode),
                     (base64.b85encode, base64.b85decode),
                     (base64.encodebytes, base64.decodebytes)]:
        text = enc(data)
        assert dec(text) == data, (enc, data)
    print(base64.b64encode(data)[:24], base64.urlsafe_b64encode(data)[-8:], base64.b32encode(data)[:16],
          base64.b16encode(data)[:16], base64.a85encode(data)[:16], base64.b85encode(data)[:16])
print(base64.b64encode(b"\xff\xfe", altchars=b"-_"), base64.b64decode("//4=", altchars="-_"))
print(base64.b64decode("YW Jj\n", validate=False), base64.b64decode(b"YWJj"))
print(base64.encodebytes(bytes(100)))
print(base64.b16decode("abcd", casefold=True), base64.b32decode("me======", casefold=True))
for bad in [lambda: base64.b64decode("YW Jj", validate=True), lambda: base64.b64decode("YWJ"),
            lambda: base64.b64decode("abcde"), lambda: base64.b16decode("abc"),
            lambda: base64.b16decode("zz"), lambda: base64.b32decode("A"),
            lambda: base64.b64encode("text"), lambda: base64.b64decode("\xe9")]:
    try:
        print(bad())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, isinstance(e, binascii.Error), e)

import email.base64mime
print(email.base64mime.body_encode(b"hello world" * 8, maxlinelen=40))
print(email.base64mime.header_encode("caf\xe9", charset="utf-8"))
print(email.base64mime.decode("aGVsbG8="))
