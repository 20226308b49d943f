# compile() with ast.PyCF_ALLOW_TOP_LEVEL_AWAIT: await, async for/with and async
# comprehensions in the module's own code, which is then a coroutine (CO_COROUTINE) that
# FunctionType(code, globals)() or eval() gives; without the flag they are SyntaxErrors.
import ast, asyncio, types
from textwrap import dedent
async def arange(n):
    for i in range(n):
        yield i
samples = [
    'a = await asyncio.sleep(0, result=1)',
    'async for i in arange(1):\n    a = 1',
    'async with asyncio.Lock() as l:\n    a = 1',
    'a = [x async for x in arange(2)][1]',
    'a = 1 in {x async for x in arange(2)}',
    'a = {x:1 async for x in arange(1)}[0]',
    'a = [x async for x in arange(2) async for x in arange(2)][1]',
    'a = [x async for x in (x async for x in arange(5))][1]',
    'a, = [1 for x in {x async for x in arange(1)}]',
    'a = [await asyncio.sleep(0, x) async for x in arange(2)][1]',
]
for mode in ('single', 'exec'):
    for src in samples:
        try:
            compile(src, '?', mode)
            print('compiled without the flag!')
        except SyntaxError as e:
            pass
        co = compile(src, '?', mode, flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
        g = {'asyncio': asyncio, 'a': 0, 'arange': arange}
        asyncio.run(types.FunctionType(co, g)())
        print(mode, bool(co.co_flags & 0x80), g['a'])
co = compile('x = 5', '?', 'exec', flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
print(co.co_flags & 0x80)
co = compile('await asyncio.sleep(0, 7)', '?', 'eval', flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
c = eval(co, {'asyncio': asyncio})
print(type(c).__name__, asyncio.run(c))
try:
    compile('class A:\n await x', '?', 'exec', flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
except SyntaxError as e:
    print('SyntaxError', e.msg)
try:
    compile('def f():\n await x', '?', 'exec', flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
except SyntaxError as e:
    print('SyntaxError', e.msg)
tree = ast.parse('a = await asyncio.sleep(0, 3)')
co = compile(tree, '?', 'exec', flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
g = {'asyncio': asyncio}
asyncio.run(eval(co, g)); print(g['a'])
