// interp/parse/ast.h - the abstract syntax tree of Python 3.11.
//
// The tree mirrors CPython's `ast` module node for node (same node names, same fields,
// same positions), so that anyone who knows `ast.dump` can read it, and so that a future
// `ast` module can be built from it without translation. Nodes live in plain C++ memory,
// not in the transactional heap: a tree is built, compiled and thrown away before any
// bytecode runs. Every node is owned by the Arena that made it.
//
// Positions are CPython's: `lineno`/`end_lineno` 1-based, `col_offset`/`end_col_offset`
// 0-based UTF-8 byte offsets into the line.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace interp::ast {

struct Pos {
  int lineno = 0;
  int col_offset = 0;
  int end_lineno = 0;
  int end_col_offset = 0;
};

struct Node {
  Pos pos;
  virtual ~Node() = default;
};

// Owns every node of one tree; nodes point at each other with plain pointers.
class Arena {
public:
  template <class T, class... Args> T* make(Args&&... args) {
    auto node = std::make_unique<T>(std::forward<Args>(args)...);
    T* raw = node.get();
    nodes_.push_back(std::move(node));
    return raw;
  }

private:
  std::vector<std::unique_ptr<Node>> nodes_;
};

template <class T> using List = std::vector<T*>;

// ---- operators --------------------------------------------------------------------------

enum class BoolOpKind : std::uint8_t { And, Or };
enum class Operator : std::uint8_t {
  Add,
  Sub,
  Mult,
  MatMult,
  Div,
  Mod,
  Pow,
  LShift,
  RShift,
  BitOr,
  BitXor,
  BitAnd,
  FloorDiv
};
enum class UnaryOpKind : std::uint8_t { Invert, Not, UAdd, USub };
enum class CmpOp : std::uint8_t { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };
// Load, Store or Del: how a Name/Attribute/Subscript/Starred/List/Tuple is used.
enum class ExprContext : std::uint8_t { Load, Store, Del };

// ---- constants --------------------------------------------------------------------------

struct NoneValue {};
struct EllipsisValue {};
// An integer literal as written, without underscores, base prefix kept ("0x1f", "123").
struct IntLiteral {
  std::string text;
};
struct ImaginaryLiteral {
  double imag;
};
// bytes literal contents, one byte per element
struct BytesValue {
  std::string bytes;
};
struct ConstantCollection;
// str values are code points: a Python str may hold lone surrogates ("\ud800").
using ConstantValue =
    std::variant<NoneValue, EllipsisValue, bool, IntLiteral, double, ImaginaryLiteral,
                 std::u32string, BytesValue, std::shared_ptr<const ConstantCollection>>;
// A frozenset of constants (and the tuples among its items): never parsed, but compile()
// takes a tree built by hand holding ast.Constant(frozenset(...)), as CPython's own
// optimizer makes them. A tuple elsewhere becomes a Tuple display (see ast_import.cc).
struct ConstantCollection {
  bool frozenset; // else a tuple
  std::vector<ConstantValue> items;
};

// ---- expressions ------------------------------------------------------------------------

enum class ExprKind : std::uint8_t {
  BoolOp,
  NamedExpr,
  BinOp,
  UnaryOp,
  Lambda,
  IfExp,
  Dict,
  Set,
  ListComp,
  SetComp,
  DictComp,
  GeneratorExp,
  Await,
  Yield,
  YieldFrom,
  Compare,
  Call,
  FormattedValue,
  JoinedStr,
  Constant,
  Attribute,
  Subscript,
  Starred,
  Name,
  List,
  Tuple,
  Slice
};

struct Expr : Node {
  explicit Expr(ExprKind k) : kind(k) {}
  ExprKind kind;
};

struct Arguments;
struct Comprehension;
struct Keyword;

struct BoolOp : Expr {
  BoolOp() : Expr(ExprKind::BoolOp) {}
  BoolOpKind op{};
  List<Expr> values;
};
struct NamedExpr : Expr {
  NamedExpr() : Expr(ExprKind::NamedExpr) {}
  Expr* target = nullptr; // a Name in Store context
  Expr* value = nullptr;
};
struct BinOp : Expr {
  BinOp() : Expr(ExprKind::BinOp) {}
  Expr* left = nullptr;
  Operator op{};
  Expr* right = nullptr;
};
struct UnaryOp : Expr {
  UnaryOp() : Expr(ExprKind::UnaryOp) {}
  UnaryOpKind op{};
  Expr* operand = nullptr;
};
struct Lambda : Expr {
  Lambda() : Expr(ExprKind::Lambda) {}
  Arguments* args = nullptr;
  Expr* body = nullptr;
};
struct IfExp : Expr {
  IfExp() : Expr(ExprKind::IfExp) {}
  Expr* test = nullptr;
  Expr* body = nullptr;
  Expr* orelse = nullptr;
};
struct Dict : Expr {
  Dict() : Expr(ExprKind::Dict) {}
  List<Expr> keys; // a null key: `**values[i]` is unpacked into the dict
  List<Expr> values;
};
struct Set : Expr {
  Set() : Expr(ExprKind::Set) {}
  List<Expr> elts;
};
struct ListComp : Expr {
  ListComp() : Expr(ExprKind::ListComp) {}
  Expr* elt = nullptr;
  List<Comprehension> generators;
};
struct SetComp : Expr {
  SetComp() : Expr(ExprKind::SetComp) {}
  Expr* elt = nullptr;
  List<Comprehension> generators;
};
struct DictComp : Expr {
  DictComp() : Expr(ExprKind::DictComp) {}
  Expr* key = nullptr;
  Expr* value = nullptr;
  List<Comprehension> generators;
};
struct GeneratorExp : Expr {
  GeneratorExp() : Expr(ExprKind::GeneratorExp) {}
  Expr* elt = nullptr;
  List<Comprehension> generators;
};
struct Await : Expr {
  Await() : Expr(ExprKind::Await) {}
  Expr* value = nullptr;
};
struct Yield : Expr {
  Yield() : Expr(ExprKind::Yield) {}
  Expr* value = nullptr; // may be null
};
struct YieldFrom : Expr {
  YieldFrom() : Expr(ExprKind::YieldFrom) {}
  Expr* value = nullptr;
};
struct Compare : Expr {
  Compare() : Expr(ExprKind::Compare) {}
  Expr* left = nullptr;
  std::vector<CmpOp> ops;
  List<Expr> comparators;
};
struct Call : Expr {
  Call() : Expr(ExprKind::Call) {}
  Expr* func = nullptr;
  List<Expr> args; // Starred for *args
  List<Keyword> keywords;
};
// One replacement field of an f-string. conversion: -1 none, 's', 'r' or 'a'.
struct FormattedValue : Expr {
  FormattedValue() : Expr(ExprKind::FormattedValue) {}
  Expr* value = nullptr;
  int conversion = -1;
  Expr* format_spec = nullptr; // a JoinedStr, or null
};
struct JoinedStr : Expr {
  JoinedStr() : Expr(ExprKind::JoinedStr) {}
  List<Expr> values; // Constant str and FormattedValue
};
struct Constant : Expr {
  Constant() : Expr(ExprKind::Constant) {}
  ConstantValue value;
  std::string kind; // "u" for a u"..." literal, else empty (as CPython)
};
struct Attribute : Expr {
  Attribute() : Expr(ExprKind::Attribute) {}
  Expr* value = nullptr;
  std::string attr; // UTF-8, NFKC-normalized like every identifier
  ExprContext ctx{};
};
struct Subscript : Expr {
  Subscript() : Expr(ExprKind::Subscript) {}
  Expr* value = nullptr;
  Expr* slice = nullptr;
  ExprContext ctx{};
};
struct Starred : Expr {
  Starred() : Expr(ExprKind::Starred) {}
  Expr* value = nullptr;
  ExprContext ctx{};
};
struct Name : Expr {
  Name() : Expr(ExprKind::Name) {}
  std::string id; // UTF-8, NFKC-normalized
  ExprContext ctx{};
};
struct ListExpr : Expr {
  ListExpr() : Expr(ExprKind::List) {}
  List<Expr> elts;
  ExprContext ctx{};
};
struct TupleExpr : Expr {
  TupleExpr() : Expr(ExprKind::Tuple) {}
  List<Expr> elts;
  ExprContext ctx{};
};
struct Slice : Expr {
  Slice() : Expr(ExprKind::Slice) {}
  Expr* lower = nullptr; // each may be null
  Expr* upper = nullptr;
  Expr* step = nullptr;
};

// ---- parts of expressions and statements ------------------------------------------------

struct Comprehension : Node {
  Expr* target = nullptr;
  Expr* iter = nullptr;
  List<Expr> ifs;
  bool is_async = false;
};

struct Arg : Node {
  std::string arg;
  Expr* annotation = nullptr; // may be null
  std::string type_comment;
};

// def f(posonlyargs, /, args, *vararg, kwonlyargs, **kwarg)
struct Arguments : Node {
  List<Arg> posonlyargs;
  List<Arg> args;
  Arg* vararg = nullptr;
  List<Arg> kwonlyargs;
  List<Expr> kw_defaults; // one per kwonlyarg; null where there is no default
  Arg* kwarg = nullptr;
  List<Expr> defaults; // for the last len(defaults) of posonlyargs + args
};

struct Keyword : Node {
  std::string arg; // empty for `**mapping`
  Expr* value = nullptr;
};

struct Alias : Node {
  std::string name;   // dotted for `import a.b`; "*" for `from m import *`
  std::string asname; // empty when absent
};

struct WithItem : Node {
  Expr* context_expr = nullptr;
  Expr* optional_vars = nullptr; // may be null
};

struct Stmt;

struct ExceptHandler : Node {
  Expr* type = nullptr; // null for a bare `except:`
  std::string name;     // empty when absent
  List<Stmt> body;
};

// ---- patterns (match statement) ---------------------------------------------------------

enum class PatternKind : std::uint8_t {
  MatchValue,
  MatchSingleton,
  MatchSequence,
  MatchMapping,
  MatchClass,
  MatchStar,
  MatchAs,
  MatchOr
};

struct Pattern : Node {
  explicit Pattern(PatternKind k) : kind(k) {}
  PatternKind kind;
};
struct MatchValue : Pattern {
  MatchValue() : Pattern(PatternKind::MatchValue) {}
  Expr* value = nullptr;
};
struct MatchSingleton : Pattern {
  MatchSingleton() : Pattern(PatternKind::MatchSingleton) {}
  ConstantValue value; // None, True or False
};
struct MatchSequence : Pattern {
  MatchSequence() : Pattern(PatternKind::MatchSequence) {}
  List<Pattern> patterns;
};
struct MatchMapping : Pattern {
  MatchMapping() : Pattern(PatternKind::MatchMapping) {}
  List<Expr> keys;
  List<Pattern> patterns;
  std::string rest; // empty when absent
};
struct MatchClass : Pattern {
  MatchClass() : Pattern(PatternKind::MatchClass) {}
  Expr* cls = nullptr;
  List<Pattern> patterns;
  std::vector<std::string> kwd_attrs;
  List<Pattern> kwd_patterns;
};
struct MatchStar : Pattern {
  MatchStar() : Pattern(PatternKind::MatchStar) {}
  std::string name; // empty for `*_`
};
struct MatchAs : Pattern {
  MatchAs() : Pattern(PatternKind::MatchAs) {}
  Pattern* pattern = nullptr; // null for a capture or `_`
  std::string name;           // empty for `_`
};
struct MatchOr : Pattern {
  MatchOr() : Pattern(PatternKind::MatchOr) {}
  List<Pattern> patterns;
};

struct MatchCase : Node {
  Pattern* pattern = nullptr;
  Expr* guard = nullptr; // may be null
  List<Stmt> body;
};

// ---- statements -------------------------------------------------------------------------

enum class StmtKind : std::uint8_t {
  FunctionDef,
  AsyncFunctionDef,
  ClassDef,
  Return,
  Delete,
  Assign,
  AugAssign,
  AnnAssign,
  For,
  AsyncFor,
  While,
  If,
  With,
  AsyncWith,
  Match,
  Raise,
  Try,
  TryStar,
  Assert,
  Import,
  ImportFrom,
  Global,
  Nonlocal,
  Expr,
  Pass,
  Break,
  Continue
};

struct Stmt : Node {
  explicit Stmt(StmtKind k) : kind(k) {}
  StmtKind kind;
};

// FunctionDef and AsyncFunctionDef share one node; `kind` tells them apart.
struct FunctionDef : Stmt {
  explicit FunctionDef(bool is_async = false)
      : Stmt(is_async ? StmtKind::AsyncFunctionDef : StmtKind::FunctionDef) {}
  std::string name;
  Arguments* args = nullptr;
  List<Stmt> body;
  List<Expr> decorator_list;
  Expr* returns = nullptr; // may be null
};
struct ClassDef : Stmt {
  ClassDef() : Stmt(StmtKind::ClassDef) {}
  std::string name;
  List<Expr> bases;
  List<Keyword> keywords;
  List<Stmt> body;
  List<Expr> decorator_list;
};
struct Return : Stmt {
  Return() : Stmt(StmtKind::Return) {}
  Expr* value = nullptr; // may be null
};
struct Delete : Stmt {
  Delete() : Stmt(StmtKind::Delete) {}
  List<Expr> targets;
};
struct Assign : Stmt {
  Assign() : Stmt(StmtKind::Assign) {}
  List<Expr> targets; // a = b = value: two targets
  Expr* value = nullptr;
};
struct AugAssign : Stmt {
  AugAssign() : Stmt(StmtKind::AugAssign) {}
  Expr* target = nullptr;
  Operator op{};
  Expr* value = nullptr;
};
struct AnnAssign : Stmt {
  AnnAssign() : Stmt(StmtKind::AnnAssign) {}
  Expr* target = nullptr;
  Expr* annotation = nullptr;
  Expr* value = nullptr; // may be null
  bool simple = false;   // a plain name target, not in parentheses
};
// For and AsyncFor share one node.
struct For : Stmt {
  explicit For(bool is_async = false) : Stmt(is_async ? StmtKind::AsyncFor : StmtKind::For) {}
  Expr* target = nullptr;
  Expr* iter = nullptr;
  List<Stmt> body;
  List<Stmt> orelse;
};
struct While : Stmt {
  While() : Stmt(StmtKind::While) {}
  Expr* test = nullptr;
  List<Stmt> body;
  List<Stmt> orelse;
};
struct If : Stmt {
  If() : Stmt(StmtKind::If) {}
  Expr* test = nullptr;
  List<Stmt> body;
  List<Stmt> orelse; // `elif` is a nested If here
};
// With and AsyncWith share one node.
struct With : Stmt {
  explicit With(bool is_async = false) : Stmt(is_async ? StmtKind::AsyncWith : StmtKind::With) {}
  List<WithItem> items;
  List<Stmt> body;
};
struct Match : Stmt {
  Match() : Stmt(StmtKind::Match) {}
  Expr* subject = nullptr;
  List<MatchCase> cases;
};
struct Raise : Stmt {
  Raise() : Stmt(StmtKind::Raise) {}
  Expr* exc = nullptr;   // may be null
  Expr* cause = nullptr; // may be null
};
// Try and TryStar (`except*`) share one node.
struct Try : Stmt {
  explicit Try(bool star = false) : Stmt(star ? StmtKind::TryStar : StmtKind::Try) {}
  List<Stmt> body;
  List<ExceptHandler> handlers;
  List<Stmt> orelse;
  List<Stmt> finalbody;
};
struct Assert : Stmt {
  Assert() : Stmt(StmtKind::Assert) {}
  Expr* test = nullptr;
  Expr* msg = nullptr; // may be null
};
struct Import : Stmt {
  Import() : Stmt(StmtKind::Import) {}
  List<Alias> names;
};
struct ImportFrom : Stmt {
  ImportFrom() : Stmt(StmtKind::ImportFrom) {}
  std::string module; // empty for `from . import x`
  List<Alias> names;
  int level = 0; // leading dots
};
struct Global : Stmt {
  Global() : Stmt(StmtKind::Global) {}
  std::vector<std::string> names;
};
struct Nonlocal : Stmt {
  Nonlocal() : Stmt(StmtKind::Nonlocal) {}
  std::vector<std::string> names;
};
struct ExprStmt : Stmt {
  ExprStmt() : Stmt(StmtKind::Expr) {}
  Expr* value = nullptr;
};
struct Pass : Stmt {
  Pass() : Stmt(StmtKind::Pass) {}
};
struct Break : Stmt {
  Break() : Stmt(StmtKind::Break) {}
};
struct Continue : Stmt {
  Continue() : Stmt(StmtKind::Continue) {}
};

// ---- roots ------------------------------------------------------------------------------

// What was parsed: a module (exec), one expression (eval), one interactive statement
// (single: expression statements print their value), or a function signature type
// comment, `(int, str) -> bool` (func_type: only ever parsed, never compiled).
enum class Mode : std::uint8_t { Exec, Eval, Single, FuncType };

struct Module {
  Mode mode = Mode::Exec;
  List<Stmt> body;            // Exec and Single
  Expr* expression = nullptr; // Eval; the return type for FuncType
  List<Expr> argtypes;        // FuncType
  std::unique_ptr<Arena> arena = std::make_unique<Arena>();
};

} // namespace interp::ast
