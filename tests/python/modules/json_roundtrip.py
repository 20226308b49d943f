# json: dumps/loads of nested documents, with indentation, sorting, escapes and errors.
import json

doc = {"name": "caf\xe9", "items": [1, 2.5, None, True, False, {"deep": [[], {}]}],
       "quote": 'say "hi"\n', "big": 10 ** 20, "emoji": "\U0001f600"}
text = json.dumps(doc)
print(text)
print(json.loads(text) == doc)
print(json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False))
print(json.dumps([1, [2, [3, [4]]]], separators=(",", ":")))
print(json.loads('{"a": [1, 2, {"b": null}], "c": "\\u00e9\\ud83d\\ude00"}'))
print(json.loads("[1e3, -0.5, 12345678901234567890]"))
for bad in ("[1, 2", '{"a" 1}', "nul"):
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print("JSONDecodeError", e)
try:
    json.dumps({1j: 2})
except TypeError as e:
    print("TypeError", e)
print(json.dumps({"t": (1, 2)}, default=str), json.loads("3", parse_int=float))
