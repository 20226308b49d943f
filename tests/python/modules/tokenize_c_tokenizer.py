# _tokenize.TokenizerIter, the C tokenizer behind tokenize._generate_tokens_from_c_tokenizer: its tuples (byte columns, no COMMENT or NL, INDENT/DEDENT at -1, a comment as the NEWLINE's text), the end of input or a bad dedent ending the tokens quietly, other errors raised
import _tokenize
from tokenize import _generate_tokens_from_c_tokenizer, tok_name

for src in ["if x:\n  y = 1 + f'a{b}'\n# c\n\n", "x = $", "(\n", "if 1:\n  x\n y\n",
            "a\n  \n\tb\n", "a = 1\\\n + 2 # foo\n", "x", "x\r\ny", "", "a \u00e9 b",
            "'''a\nb''' + 1\n", "async def f(): await x", "def fib(n):\n    \\\n'''doc'''\n",
            "x = 0xg\n", "(1+2]", "'abc", "\xa0", "1if x else 2"]:
    try:
        print(repr(src), list(_tokenize.TokenizerIter(src)))
    except SyntaxError as e:
        print(repr(src), "SyntaxError", e.args)
for t in _generate_tokens_from_c_tokenizer("def f(a, *, b=1):\n    return a ** b\n"):
    print(tok_name[t.type], repr(t.string), t.start, t.end)
deep = "".join("  " * i + "if True:\n" for i in range(100)) + "  " * 100 + "pass\n"
print(tok_name[list(_tokenize.TokenizerIter(deep))[-1][1]])
