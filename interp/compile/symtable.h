// interp/compile/symtable.h - the symbol table: which scope every name of a program lives
// in (local, global, free, cell), following CPython 3.11's symtable rules, and the
// SyntaxErrors that only this analysis can find (global/nonlocal misuse, duplicate
// arguments, walrus misuse in comprehensions, yield in comprehensions).
//
// One Scope per code block: the module, each class body, each function and lambda, and
// (3.11) each comprehension, which is a function of its own with one parameter ".0".
// Under `from __future__ import annotations` annotations get blocks of their own, as in
// 3.11 (they are never compiled, but they take part in the free-variable analysis).
#pragma once

#include "interp/parse/ast.h"
#include "interp/parse/syntax_error.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <variant>
#include <vector>

namespace interp::compile {

using parse::SyntaxErrorInfo;

// How a name was used in one scope (CPython's DEF_* flags).
enum SymbolFlag : std::uint32_t {
  kDefGlobal = 1u << 0,    // `global x`
  kDefLocal = 1u << 1,     // assigned
  kDefParam = 1u << 2,     // a parameter
  kDefNonlocal = 1u << 3,  // `nonlocal x`
  kUse = 1u << 4,          // read
  kDefFreeClass = 1u << 5, // a class scope name that a method also needs as a free variable
  kDefImport = 1u << 6,    // bound by import
  kDefAnnot = 1u << 7,     // annotated (`x: int`)
  kDefCompIter = 1u << 8,  // a comprehension's iteration variable
  kDefBound = kDefLocal | kDefParam | kDefImport,
};

// Where the compiler finds a name at run time.
enum class NameScope : std::uint8_t { Local, GlobalExplicit, GlobalImplicit, Free, Cell };

enum class ScopeKind : std::uint8_t { Module, Class, Function, Annotation };

// What a Function scope compiles from (for error messages and code flags).
enum class FunctionKind : std::uint8_t {
  None,
  Function,
  AsyncFunction,
  Lambda,
  ListComp,
  SetComp,
  DictComp,
  GeneratorExp
};

struct Scope {
  ScopeKind kind = ScopeKind::Module;
  FunctionKind function_kind = FunctionKind::None;
  std::string name; // "top", the class or function name, "lambda", "listcomp", ...
  const void* node = nullptr;
  int lineno = 0;
  // Names in the order they were first seen, with their flags and resolved scope.
  std::vector<std::string> symbol_order;
  std::unordered_map<std::string, std::uint32_t> flags;
  std::unordered_map<std::string, NameScope> scopes;
  std::vector<std::string> params; // in order: positional, kw-only, *args, **kwargs
  std::vector<Scope*> children;
  bool nested = false;    // inside a function
  bool generator = false; // contains yield (or is a generator expression)
  bool coroutine = false; // async def, or a comprehension that awaits
  bool varargs = false;
  bool varkeywords = false;
  bool returns_value = false;
  bool needs_class_closure = false; // class body: create the __class__ cell
  bool has_free = false;            // uses free variables itself
  bool child_free = false;          // some nested scope uses free variables
  bool comprehension = false;
  // The name of the nearest enclosing class, for mangling `__private` names.
  std::string private_name;

  bool has(const std::string& n) const { return flags.count(n) != 0; }
  std::uint32_t flags_of(const std::string& n) const {
    auto it = flags.find(n);
    return it == flags.end() ? 0 : it->second;
  }
  // The resolved scope of a (mangled) name; nothing for a name the block never mentions
  // (CPython's scope 0: the compiler then uses the *_NAME instructions).
  std::optional<NameScope> find_scope(const std::string& n) const {
    auto it = scopes.find(n);
    if (it == scopes.end()) return std::nullopt;
    return it->second;
  }
};

struct FutureFeatures {
  bool annotations = false; // from __future__ import annotations (PEP 563)
  int lineno = -1;          // line of the last `from __future__ import` of the prologue
};

class SymbolTable {
public:
  Scope* top() const { return top_; }
  // The scope made for a FunctionDef, ClassDef, Lambda or comprehension node.
  Scope* lookup(const void* node) const {
    auto it = by_node_.find(node);
    return it == by_node_.end() ? nullptr : it->second;
  }
  const FutureFeatures& future() const { return future_; }

private:
  friend class SymtableBuilder;
  std::vector<std::unique_ptr<Scope>> scopes_;
  std::unordered_map<const void*, Scope*> by_node_;
  Scope* top_ = nullptr;
  FutureFeatures future_;
};

// Reads the `from __future__` prologue (reporting unknown features, "not a chance", and
// misplaced future imports on one line, as CPython's future.c), then builds the table.
std::variant<std::unique_ptr<SymbolTable>, SyntaxErrorInfo>
build_symtable(const ast::Module& module, const std::string& filename);

// CPython's name mangling: `__x` inside class `C` is `_C__x` (not dunder names, not dotted
// names, not when the class name is all underscores).
std::string mangle(const std::string& private_name, const std::string& name);

// A SyntaxError at a node's position, as the compiler and the symbol table report it:
// offsets are byte columns + 1 (CPython does not convert them to characters here), and
// the text is left empty (CPython reads it back from the file, if there is one).
SyntaxErrorInfo syntax_error_at(const std::string& message, const std::string& filename,
                                const ast::Pos& pos);

} // namespace interp::compile
