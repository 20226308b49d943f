# compile() of hand-built trees: a frozenset Constant (alone, in a tuple, in an `in` test)
# compiles to its constant, and invalid match patterns raise CPython's ValueError (or
# TypeError) from the validation, before any SyntaxError of the compiler.
import ast
C = ast.Constant
def run(tree, mode="exec"):
    ast.fix_missing_locations(tree)
    try:
        code = compile(tree, "<ast>", mode)
        print("ok", eval(code) if mode == "eval" else "")
    except Exception as e:
        print(type(e).__name__, e)
run(ast.Expression(ast.Constant(value=frozenset({1, 2}))), "eval")
run(ast.Expression(ast.Constant(value=(1, frozenset({3}), "x"))), "eval")
run(ast.Expression(ast.Constant(value=[1])), "eval")
run(ast.Expression(ast.Constant(value=(1, [2]))), "eval")
run(ast.Expression(ast.Constant(value=frozenset({(1,2)}))), "eval")
run(ast.Expression(ast.Compare(C(2), [ast.In()], [C(frozenset({1, 2}))])), "eval")
run(ast.Expression(ast.Constant(value=frozenset())), "eval")

def match(pattern, guard=None):
    return ast.Module(body=[ast.Match(subject=ast.Name("x", ast.Load()), cases=[ast.match_case(pattern=pattern, guard=guard, body=[ast.Pass()])])], type_ignores=[])
N = lambda n: ast.Name(n, ast.Load())
pats = [
 ast.MatchAs(pattern=ast.MatchValue(C(1)), name=None),
 ast.MatchAs(name="_"),
 ast.MatchAs(name="True"),
 ast.MatchAs(pattern=None, name=None),
 ast.MatchClass(cls=N("C"), patterns=[], kwd_attrs=["a"], kwd_patterns=[]),
 ast.MatchClass(cls=N("C"), patterns=[], kwd_attrs=[], kwd_patterns=[ast.MatchAs(name="a")]),
 ast.MatchClass(cls=ast.Constant(1), patterns=[], kwd_attrs=[], kwd_patterns=[]),
 ast.MatchClass(cls=ast.Attribute(C(1), "a", ast.Load()), patterns=[], kwd_attrs=[], kwd_patterns=[]),
 ast.MatchClass(cls=N("C"), patterns=[], kwd_attrs=["_x"], kwd_patterns=[ast.MatchAs(name="a")]),
 ast.MatchClass(cls=N("C"), patterns=[], kwd_attrs=["a"], kwd_patterns=[ast.MatchAs(name="_")]),
 ast.MatchClass(cls=N("C"), patterns=[ast.MatchStar("a")], kwd_attrs=[], kwd_patterns=[]),
 ast.MatchValue(N("x")),
 ast.MatchValue(C(None)),
 ast.MatchValue(C(True)),
 ast.MatchValue(ast.Attribute(N("a"), "b", ast.Load())),
 ast.MatchValue(ast.Attribute(N("a"), "b", ast.Store())),
 ast.MatchValue(ast.Attribute(C(1), "b", ast.Load())),
 ast.MatchValue(ast.BinOp(C(1), ast.Add(), C(2))),
 ast.MatchValue(ast.BinOp(C(1), ast.Add(), C(2j))),
 ast.MatchValue(ast.BinOp(C(1), ast.Sub(), C(2j))),
 ast.MatchValue(ast.BinOp(C(1), ast.Mult(), C(2j))),
 ast.MatchValue(ast.UnaryOp(ast.USub(), C(1))),
 ast.MatchValue(ast.UnaryOp(ast.USub(), C("s"))),
 ast.MatchValue(ast.UnaryOp(ast.Not(), C(1))),
 ast.MatchValue(ast.JoinedStr([])),
 ast.MatchValue(C(b"x")),
 ast.MatchValue(C(...)),
 ast.MatchValue(C((1,2))),
 ast.MatchValue(C(frozenset())),
 ast.MatchSingleton(C(1)),
 ast.MatchSingleton(1),
 ast.MatchSingleton(None),
 ast.MatchMapping(keys=[N("a")], patterns=[ast.MatchAs(name="x")], rest=None),
 ast.MatchMapping(keys=[C(1)], patterns=[], rest=None),
 ast.MatchMapping(keys=[C(1)], patterns=[ast.MatchAs(name="x")], rest="_"),
 ast.MatchMapping(keys=[ast.Attribute(N("a"), "b", ast.Load())], patterns=[ast.MatchAs(name="x")], rest=None),
 ast.MatchMapping(keys=[ast.UnaryOp(ast.USub(), C(1))], patterns=[ast.MatchAs(name="x")], rest=None),
 ast.MatchMapping(keys=[C(1), C(1)], patterns=[ast.MatchAs(name="x"), ast.MatchAs(name="y")], rest=None),
 ast.MatchStar("a"),
 ast.MatchSequence([ast.MatchStar("a"), ast.MatchStar("b")]),
 ast.MatchSequence([ast.MatchStar("_")]),
 ast.MatchSequence([ast.MatchAs(name="a"), ast.MatchAs(name="a")]),
 ast.MatchOr([]),
 ast.MatchOr([ast.MatchAs(name="a")]),
 ast.MatchOr([ast.MatchAs(name="a"), ast.MatchAs(name="b")]),
 ast.MatchOr([ast.MatchAs(name="a"), ast.MatchStar("b")]),
 ast.MatchAs(pattern=ast.MatchStar("a"), name="x"),
 ast.MatchSequence([ast.MatchValue(N("x"))]),
 ast.MatchAs(name="x", pattern=ast.MatchAs(name="x")),
 ast.MatchStar("True"),
 ast.MatchMapping(keys=[], patterns=[], rest="None"),
 ast.MatchClass(cls=N("C"), patterns=[], kwd_attrs=["None"], kwd_patterns=[ast.MatchAs(name="a")]),
 ast.MatchAs(name="__debug__"),
 ast.MatchClass(cls=N("C"), patterns=[], kwd_attrs=["a", "a"], kwd_patterns=[ast.MatchAs(name="x"), ast.MatchAs(name="y")]),
 ast.MatchValue(C(1)),
]
for p in pats:
    print(ast.dump(p)[:70], end=" -> ")
    run(match(p))
run(match(ast.MatchAs(name="x"), guard=ast.Name("y", ast.Store())))
