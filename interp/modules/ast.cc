// interp/modules/ast.cc - the _ast module that the ast package is built on: the AST base
// class, every node class of Python 3.11 (from the table in ast_nodes.cc) and the PyCF_*
// flags of compile().
//
// The classes are made by Python source run at import: they are plain classes, as in
// CPython (instances keep their fields in __dict__, positional arguments name _fields in
// order, missing optional fields read None from the class).
#include "interp/modules/module_support.h"
#include "interp/modules/source_module.h"

namespace interp {

extern const char kAstNodeTable[]; // ast_nodes.cc

Value make_ast_module(Thread& t);

namespace {

const char kSource[] = R"py(
PyCF_ONLY_AST = 1024
PyCF_TYPE_COMMENTS = 4096
PyCF_ALLOW_TOP_LEVEL_AWAIT = 8192


class AST:
    __module__ = 'ast'
    _fields = ()
    _attributes = ()
    __match_args__ = ()

    def __init__(self, *args, **kwargs):
        fields = type(self)._fields
        if len(args) > len(fields):
            raise TypeError('%s constructor takes at most %d positional argument%s' %
                            (type(self).__name__, len(fields), '' if len(fields) == 1 else 's'))
        for name, value in zip(fields, args):
            setattr(self, name, value)
        for name, value in kwargs.items():
            setattr(self, name, value)

    def __reduce__(self):
        return (type(self), (), getattr(self, '__dict__', {}))


def _make_node_classes(table):
    namespace = globals()
    for line in table.splitlines():
        name, base, fields, attributes, defaults = line.split(' ')
        fields = () if fields == '-' else tuple(fields.split(','))
        body = {'__module__': 'ast', '_fields': fields, '__match_args__': fields}
        if attributes != '=':
            body['_attributes'] = () if attributes == '-' else tuple(attributes.split(','))
        if defaults != '-':
            for field in defaults.split(','):
                body[field] = None
        namespace[name] = type(name, (namespace[base],), body)


_make_node_classes(_node_table)
del _make_node_classes, _node_table
)py";

} // namespace

Value make_ast_module(Thread& t) {
  Value m = new_module(t, "_ast", nullptr, 0);
  if (!m) return {};
  module_set(t, m, "_node_table", str_from_ascii(t, kAstNodeTable));
  return run_module_source(t, m, kSource, "<_ast>");
}

} // namespace interp
