# Keyword-only arguments with and without defaults, mixed with **kwargs that collect the rest.
def connect(host, *, port=80, secure=False, **options):
    return host, port, secure, sorted(options.items())


print(connect("a"))
print(connect("b", port=443, secure=True, timeout=5))
print(connect(host="c", retries=2))
try:
    connect("d", 8080)
except TypeError as e:
    print(e)
kwargs = {"port": 1, "x": 2}
print(connect("e", **kwargs))
