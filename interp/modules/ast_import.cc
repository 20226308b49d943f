// interp/modules/ast_import.cc - a tree of _ast node objects read back into the parser's
// tree, so that compile() can compile what a program built or changed (ast.literal_eval's
// callers, fix_missing_locations, NodeTransformer).
//
// The reading follows CPython 3.11's obj2ast: missing fields and attributes are
// TypeErrors naming them, required fields set to None are ValueErrors, a node of the
// wrong kind is "expected some sort of ...". The semantic checks of a whole tree (contexts,
// empty bodies) come after, in parse/ast_validate.
#include "interp/modules/ast_objects.h"

#include "interp/modules/modules.h"
#include "interp/objects/objects.h"
#include "interp/ops.h"
#include "interp/parse/ast_fields.h"
#include "interp/parse/ast_validate.h"
#include "interp/vm/vm.h"

#include <cmath>
#include <unordered_map>
#include <vector>

namespace interp {

namespace {

using namespace ast;

Stmt* new_stmt(Arena& a, StmtKind kind) {
  switch (kind) {
  case StmtKind::FunctionDef:
  case StmtKind::AsyncFunctionDef:
    return a.make<FunctionDef>(kind == StmtKind::AsyncFunctionDef);
  case StmtKind::ClassDef:
    return a.make<ClassDef>();
  case StmtKind::Return:
    return a.make<Return>();
  case StmtKind::Delete:
    return a.make<Delete>();
  case StmtKind::Assign:
    return a.make<Assign>();
  case StmtKind::AugAssign:
    return a.make<AugAssign>();
  case StmtKind::AnnAssign:
    return a.make<AnnAssign>();
  case StmtKind::For:
  case StmtKind::AsyncFor:
    return a.make<For>(kind == StmtKind::AsyncFor);
  case StmtKind::While:
    return a.make<While>();
  case StmtKind::If:
    return a.make<If>();
  case StmtKind::With:
  case StmtKind::AsyncWith:
    return a.make<With>(kind == StmtKind::AsyncWith);
  case StmtKind::Match:
    return a.make<Match>();
  case StmtKind::Raise:
    return a.make<Raise>();
  case StmtKind::Try:
  case StmtKind::TryStar:
    return a.make<Try>(kind == StmtKind::TryStar);
  case StmtKind::Assert:
    return a.make<Assert>();
  case StmtKind::Import:
    return a.make<Import>();
  case StmtKind::ImportFrom:
    return a.make<ImportFrom>();
  case StmtKind::Global:
    return a.make<Global>();
  case StmtKind::Nonlocal:
    return a.make<Nonlocal>();
  case StmtKind::Expr:
    return a.make<ExprStmt>();
  case StmtKind::Pass:
    return a.make<Pass>();
  case StmtKind::Break:
    return a.make<Break>();
  case StmtKind::Continue:
    return a.make<Continue>();
  }
  return nullptr;
}

Expr* new_expr(Arena& a, ExprKind kind) {
  switch (kind) {
  case ExprKind::BoolOp:
    return a.make<BoolOp>();
  case ExprKind::NamedExpr:
    return a.make<NamedExpr>();
  case ExprKind::BinOp:
    return a.make<BinOp>();
  case ExprKind::UnaryOp:
    return a.make<UnaryOp>();
  case ExprKind::Lambda:
    return a.make<Lambda>();
  case ExprKind::IfExp:
    return a.make<IfExp>();
  case ExprKind::Dict:
    return a.make<Dict>();
  case ExprKind::Set:
    return a.make<Set>();
  case ExprKind::ListComp:
    return a.make<ListComp>();
  case ExprKind::SetComp:
    return a.make<SetComp>();
  case ExprKind::DictComp:
    return a.make<DictComp>();
  case ExprKind::GeneratorExp:
    return a.make<GeneratorExp>();
  case ExprKind::Await:
    return a.make<Await>();
  case ExprKind::Yield:
    return a.make<Yield>();
  case ExprKind::YieldFrom:
    return a.make<YieldFrom>();
  case ExprKind::Compare:
    return a.make<Compare>();
  case ExprKind::Call:
    return a.make<Call>();
  case ExprKind::FormattedValue:
    return a.make<FormattedValue>();
  case ExprKind::JoinedStr:
    return a.make<JoinedStr>();
  case ExprKind::Constant:
    return a.make<Constant>();
  case ExprKind::Attribute:
    return a.make<Attribute>();
  case ExprKind::Subscript:
    return a.make<Subscript>();
  case ExprKind::Starred:
    return a.make<Starred>();
  case ExprKind::Name:
    return a.make<Name>();
  case ExprKind::List:
    return a.make<ListExpr>();
  case ExprKind::Tuple:
    return a.make<TupleExpr>();
  case ExprKind::Slice:
    return a.make<Slice>();
  }
  return nullptr;
}

Pattern* new_pattern(Arena& a, PatternKind kind) {
  switch (kind) {
  case PatternKind::MatchValue:
    return a.make<MatchValue>();
  case PatternKind::MatchSingleton:
    return a.make<MatchSingleton>();
  case PatternKind::MatchSequence:
    return a.make<MatchSequence>();
  case PatternKind::MatchMapping:
    return a.make<MatchMapping>();
  case PatternKind::MatchClass:
    return a.make<MatchClass>();
  case PatternKind::MatchStar:
    return a.make<MatchStar>();
  case PatternKind::MatchAs:
    return a.make<MatchAs>();
  case PatternKind::MatchOr:
    return a.make<MatchOr>();
  }
  return nullptr;
}

// What each node type is called in messages ("expected some sort of expr"), and whether
// its instances carry positions that are read before the fields (the sum types, as
// obj2ast reads them) or after (arg, keyword, alias).
template <class T> struct Kind;
template <> struct Kind<Stmt> {
  static constexpr const char* name = "stmt";
  static constexpr bool positions_first = true;
};
template <> struct Kind<Expr> {
  static constexpr const char* name = "expr";
  static constexpr bool positions_first = true;
};
template <> struct Kind<Pattern> {
  static constexpr const char* name = "pattern";
  static constexpr bool positions_first = true;
};
template <> struct Kind<ExceptHandler> {
  static constexpr const char* name = "excepthandler";
  static constexpr const char* cls = "ExceptHandler";
  static constexpr bool positions_first = true;
};
template <> struct Kind<Arg> {
  static constexpr const char* name = "arg";
  static constexpr const char* cls = "arg";
  static constexpr bool positions_first = false;
};
template <> struct Kind<Keyword> {
  static constexpr const char* name = "keyword";
  static constexpr const char* cls = "keyword";
  static constexpr bool positions_first = false;
};
template <> struct Kind<Alias> {
  static constexpr const char* name = "alias";
  static constexpr const char* cls = "alias";
  static constexpr bool positions_first = false;
};
template <> struct Kind<Arguments> {
  static constexpr const char* name = "arguments";
  static constexpr const char* cls = "arguments";
};
template <> struct Kind<Comprehension> {
  static constexpr const char* name = "comprehension";
  static constexpr const char* cls = "comprehension";
};
template <> struct Kind<WithItem> {
  static constexpr const char* name = "withitem";
  static constexpr const char* cls = "withitem";
};
template <> struct Kind<MatchCase> {
  static constexpr const char* name = "match_case";
  static constexpr const char* cls = "match_case";
};

template <class T>
concept Positioned = requires {
  Kind<T>::positions_first;
};

class Importer {
public:
  Importer(Thread& t, Value module, Arena& arena, int depth_limit)
      : t_(t), module_(module), arena_(arena), depth_limit_(depth_limit), keep_(list_new(t)) {
    if (!keep_) failed_ = true;
  }

  bool failed() const { return failed_; }

  // The tree's root, checked against the class that compile()'s mode asks for.
  void root(Value tree, Module& out) {
    static constexpr const char* kRoots[] = {"Module", "Expression", "Interactive", "FunctionType"};
    const char* want = kRoots[static_cast<int>(out.mode)];
    int ok = isinstance_of(tree, want);
    if (ok < 0) return;
    if (!ok) {
      fail(E_TypeError, "expected %s node, got %s", want, type_name_of(tree).c_str());
      return;
    }
    open_.push_back(tree);
    walk(*this, &out);
    open_.pop_back();
  }

  void begin(const char* class_name) { class_names_.push_back(class_name); }
  void end(std::nullptr_t) { class_names_.pop_back(); }
  template <class T> void end(T* n) {
    if constexpr (Positioned<T>)
      if (!Kind<T>::positions_first) read_positions(n->pos, Kind<T>::name);
    class_names_.pop_back();
  }

  template <class T> void node(const char* k, T*& out) {
    Value v = required(k);
    if (!v) return;
    if (v == none())
      fail(E_ValueError, "field '%s' is required for %s", k, class_names_.back());
    else
      out = read<T>(v);
  }
  template <class T> void opt(const char* k, T*& out) {
    Value v = field(k);
    if (v && v != none()) out = read<T>(v);
  }
  template <class T> void list(const char* k, List<T>& out, bool none_ok) {
    Value l = list_field(k);
    if (!l) return;
    for (std::int64_t i = 0; i < list_length(l) && !failed_; i++) {
      Value item = list_item(l, i);
      if (item != none())
        out.push_back(read<T>(item));
      else if (none_ok)
        out.push_back(nullptr);
      else
        fail(E_ValueError, "None disallowed in %s list",
             std::is_same_v<T, Stmt> ? "statement" : "expression");
    }
  }
  void ident(const char* k, std::string& out) {
    Value v = required(k);
    if (!v) return;
    if (v == none())
      fail(E_ValueError, "field '%s' is required for %s", k, class_names_.back());
    else
      identifier(v, out);
  }
  void opt_ident(const char* k, std::string& out) {
    Value v = field(k);
    if (v && v != none()) identifier(v, out);
  }
  void idents(const char* k, std::vector<std::string>& out) {
    Value l = list_field(k);
    if (!l) return;
    for (std::int64_t i = 0; i < list_length(l) && !failed_; i++)
      identifier(list_item(l, i), out.emplace_back());
  }
  void integer(const char* k, int& out) {
    // ImportFrom.level is the one optional int (`int? level`): absent means 0.
    bool optional = std::string_view(k) == "level";
    Value v = optional ? field(k) : required(k);
    if (!v || (optional && v == none())) return;
    std::int64_t i = 0;
    if (!integer_value(v, i)) return;
    out = int(i);
  }
  void flag(const char* k, bool& out) {
    int i = 0;
    integer(k, i);
    out = i != 0;
  }
  template <class E, std::size_t N>
  void choice(const char* k, E& out, const char* const (&names)[N], const char* base) {
    Value v = required(k);
    if (v) one_of(v, out, names, base);
  }
  template <class E, std::size_t N>
  void choices(const char* k, std::vector<E>& out, const char* const (&names)[N],
               const char* base) {
    Value l = list_field(k);
    if (!l) return;
    for (std::int64_t i = 0; i < list_length(l) && !failed_; i++)
      one_of(list_item(l, i), out.emplace_back(), names, base);
  }
  void constant(const char* k, ConstantValue& out) {
    Value v = required(k);
    if (!v) return;
    // Any object is read for a MatchSingleton and refused by the validation after.
    if (std::string_view(class_names_.back()) == "MatchSingleton" && v != none() &&
        !is_exact(v, T_bool)) {
      fail(E_ValueError, "MatchSingleton can only contain True, False and None");
      return;
    }
    constant_value(v, out);
  }
  void absent(const char* k, bool is_list) {
    if (is_list) list_field(k);
  }

private:
  template <class... Args> void fail(ExcId type, const char* format, Args... args) {
    if (!failed_) raisef(t_, exc(type), format, args...);
    failed_ = true;
  }

  Value key(const char* k) {
    Value& s = keys_[k];
    if (!s) {
      s = intern_literal(t_, k);
      if (!s || !list_append(t_, keep_, s)) s = {};
    }
    if (!s) failed_ = true;
    return s;
  }

  Value class_value(const char* name) {
    Value& cls = classes_[name];
    if (!cls && !failed_) {
      cls = getattr(t_, module_, key(name));
      if (!cls) failed_ = true;
    }
    return cls;
  }

  // 1 if v is an instance of the _ast class `name`, 0 if not, -1 on error.
  int isinstance_of(Value v, const char* name) {
    Value cls = class_value(name);
    if (!cls) return -1;
    if (!is_layout(cls, Layout::Type)) return 0;
    return is_subtype(type_of(v), cls) ? 1 : 0;
  }

  // The attribute, or 0 when it is missing (or on error: failed_ tells).
  Value field(const char* k) {
    if (failed_) return {};
    Value name = key(k);
    Value v = name ? getattr_opt(t_, open_.back(), name) : Value{};
    if (!v && t_.pending) failed_ = true;
    return v;
  }
  Value required(const char* k) {
    Value v = field(k);
    if (!v) fail(E_TypeError, "required field \"%s\" missing from %s", k, class_names_.back());
    return v;
  }
  Value list_field(const char* k) {
    Value v = required(k);
    if (v && !(v.is_object() && isinstance(v, T_list))) {
      fail(E_TypeError, "%s field \"%s\" must be a list, not a %s", class_names_.back(), k,
           type_name_of(v).c_str());
      return {};
    }
    return v;
  }

  void identifier(Value v, std::string& out) {
    if (!str_check(v) || type_of(v) != type_value(T_str))
      fail(E_TypeError, "AST identifier must be of type str");
    else
      out = str_utf8(v);
  }

  bool integer_value(Value v, std::int64_t& out) {
    if (!int_check(v)) {
      std::string text = repr_utf8(t_, v);
      fail(E_ValueError, "invalid integer value: %s", text.c_str());
      return false;
    }
    if (!int_to_i64(v, out)) {
      fail(E_OverflowError, "Python int too large to convert to C int");
      return false;
    }
    return true;
  }

  template <class E, std::size_t N>
  void one_of(Value v, E& out, const char* const (&names)[N], const char* base) {
    for (std::size_t i = 0; i < N; i++) {
      int is = isinstance_of(v, names[i]);
      if (is < 0) return;
      if (is) {
        out = static_cast<E>(i);
        return;
      }
    }
    wrong_kind(v, base);
  }

  void wrong_kind(Value v, const char* base) {
    std::string text = repr_utf8(t_, v);
    fail(E_TypeError, "expected some sort of %s, but got %s", base, text.c_str());
  }

  // CPython takes the exact builtin types only (an IntEnum member is refused).
  void constant_value(Value v, ConstantValue& out, bool in_collection = false) {
    if (v == none()) {
      out = NoneValue{};
    } else if (v == runtime().ellipsis) {
      out = EllipsisValue{};
    } else if (is_exact(v, T_bool)) {
      out = v == runtime().true_;
    } else if (is_exact(v, T_int)) {
      out = IntLiteral{int_to_decimal(v)};
    } else if (is_exact(v, T_float)) {
      out = float_value(v);
    } else if (is_exact(v, T_complex) && ro<ComplexObject>(v)->real == 0 &&
               !std::signbit(ro<ComplexObject>(v)->real)) {
      out = ImaginaryLiteral{ro<ComplexObject>(v)->imag};
    } else if (is_exact(v, T_str)) {
      out = str_code_points(v);
    } else if (is_exact(v, T_bytes)) {
      out = BytesValue{std::string(bytes_view(v))};
    } else if (is_exact(v, T_frozenset) || (in_collection && is_exact(v, T_tuple))) {
      collection_value(v, out);
    } else {
      fail(E_TypeError, "got an invalid type in Constant: %s", type_name_of(v).c_str());
    }
  }

  // A frozenset, or a tuple inside one, item by item. A complex with a real part has no
  // constant of the tree to be within a collection: refused as an invalid type.
  void collection_value(Value v, ConstantValue& out) {
    auto made = std::make_shared<ConstantCollection>();
    made->frozenset = !is_exact(v, T_tuple);
    Value items = list_of(t_, v);
    if (!items) {
      failed_ = true;
      return;
    }
    for (std::int64_t i = 0; i < list_length(items) && !failed_; i++) {
      Value item = list_item(items, i);
      if (needs_expression(item) && !is_exact(item, T_tuple)) {
        fail(E_TypeError, "got an invalid type in Constant: %s", type_name_of(item).c_str());
        return;
      }
      made->items.emplace_back();
      constant_value(item, made->items.back(), true);
    }
    out = std::shared_ptr<const ConstantCollection>(std::move(made));
  }

  static bool needs_expression(Value v) {
    return v.is_object() && (is_exact(v, T_tuple) || (is_exact(v, T_complex) &&
                                                      (ro<ComplexObject>(v)->real != 0 ||
                                                       std::signbit(ro<ComplexObject>(v)->real))));
  }

  // The constants the tree's Constant cannot hold, as the expressions the compiler folds
  // back into them: a tuple as its display, a complex with a real part as a difference.
  Expr* constant_expr(Value v, const Pos& pos) {
    if (is_exact(v, T_tuple)) {
      auto* t = arena_.make<TupleExpr>();
      t->pos = pos;
      for (std::int64_t i = 0; i < tuple_length(v) && !failed_; i++)
        t->elts.push_back(constant_expr(tuple_item(v, i), pos));
      return t;
    }
    if (needs_expression(v)) {
      auto* sum = arena_.make<BinOp>();
      sum->pos = pos;
      auto* real = arena_.make<Constant>();
      auto* imag = arena_.make<Constant>();
      real->pos = imag->pos = pos;
      real->value = ro<ComplexObject>(v)->real;
      // real - (-imag)j: the real part keeps its sign (-0.0 - 0.0 is -0.0); only an
      // imaginary part of -0.0 comes out as 0.0.
      imag->value = ImaginaryLiteral{-ro<ComplexObject>(v)->imag};
      sum->left = real;
      sum->op = Operator::Sub;
      sum->right = imag;
      return sum;
    }
    auto* c = arena_.make<Constant>();
    c->pos = pos;
    constant_value(v, c->value);
    return c;
  }

  // A Constant holding a value that needs an expression: made into it (true), else left
  // for the walk to read (false).
  bool read_constant_expression(Expr*& made) {
    Value value = field("value");
    if (!value || !needs_expression(value)) return false;
    // A tuple is no literal a pattern may match; as a Tuple display it would be refused
    // with the message for expressions.
    std::string_view owner = class_names_.back();
    if (is_exact(value, T_tuple) && (owner == "MatchValue" || owner == "MatchMapping")) {
      fail(E_ValueError, "unexpected constant inside of a literal pattern");
      return true;
    }
    made = constant_expr(value, made->pos);
    return true;
  }

  void read_positions(Pos& pos, const char* base) {
    static constexpr const char* kKeys[] = {"lineno", "col_offset", "end_lineno", "end_col_offset"};
    int* slots[] = {&pos.lineno, &pos.col_offset, &pos.end_lineno, &pos.end_col_offset};
    for (int i = 0; i < 4 && !failed_; i++) {
      Value v = field(kKeys[i]);
      if (failed_) return;
      if (!v || (i >= 2 && v == none())) {
        if (i < 2) {
          fail(E_TypeError, "required field \"%s\" missing from %s", kKeys[i], base);
          return;
        }
        *slots[i] = *slots[i - 2]; // the end defaults to the start
        continue;
      }
      std::int64_t value = 0;
      if (!integer_value(v, value)) return;
      *slots[i] = int(value);
    }
  }

  // Which class of the sum type `names` v is an instance of (N when none).
  template <std::size_t N> std::size_t kind_of(Value v, const char* const (&names)[N]) {
    Value cls = type_of(v);
    for (std::size_t i = 0; i < N; i++)
      if (class_value(names[i]) == cls) return i;
    for (std::size_t i = 0; i < N && !failed_; i++)
      if (isinstance_of(v, names[i]) > 0) return i;
    return N;
  }

  template <class T> T* read(Value v) {
    if (failed_) return nullptr;
    // CPython's validator counts nested statements, expressions and patterns against
    // the recursion limit left to the caller; the reader stops where it would, before
    // C++ recursion here or in the compiler can run out of stack.
    constexpr bool counted =
        std::is_same_v<T, Stmt> || std::is_same_v<T, Expr> || std::is_same_v<T, Pattern>;
    if (counted && ++depth_ > depth_limit_) {
      fail(E_RecursionError, "maximum recursion depth exceeded while traversing '%s' node",
           Kind<T>::name);
      return nullptr;
    }
    // The sum types' positions are read before their kind is looked at, as obj2ast does.
    open_.push_back(v);
    Pos pos;
    if constexpr (Positioned<T>)
      if (Kind<T>::positions_first) read_positions(pos, Kind<T>::name);
    T* made = failed_ ? nullptr : make<T>(v);
    if (made) {
      made->pos = pos;
      bool done = false;
      if constexpr (std::is_same_v<T, Expr>)
        if (made->kind == ExprKind::Constant) done = read_constant_expression(made);
      if (!done) walk(*this, made);
    }
    open_.pop_back();
    if (counted) depth_--;
    return failed_ ? nullptr : made;
  }

  template <class T> T* make(Value v) {
    if constexpr (std::is_same_v<T, Stmt>) {
      std::size_t k = kind_of(v, kStmtNames);
      if (k < std::size(kStmtNames)) return new_stmt(arena_, static_cast<StmtKind>(k));
    } else if constexpr (std::is_same_v<T, Expr>) {
      std::size_t k = kind_of(v, kExprNames);
      if (k < std::size(kExprNames)) return new_expr(arena_, static_cast<ExprKind>(k));
    } else if constexpr (std::is_same_v<T, Pattern>) {
      std::size_t k = kind_of(v, kPatternNames);
      if (k < std::size(kPatternNames)) return new_pattern(arena_, static_cast<PatternKind>(k));
    } else {
      int is = isinstance_of(v, Kind<T>::cls);
      if (is > 0) return arena_.make<T>();
      if (is < 0) return nullptr;
    }
    if (!failed_) wrong_kind(v, Kind<T>::name);
    return nullptr;
  }

  Thread& t_;
  Value module_;
  Arena& arena_;
  bool failed_ = false;
  int depth_ = 0;
  int depth_limit_;
  // The field names made so far (keys_ is raw memory, which the collector does not see).
  Value keep_;
  std::vector<Value> open_;
  std::vector<const char*> class_names_;
  std::unordered_map<const char*, Value> keys_, classes_;
};

} // namespace

int is_ast_object(Thread& t, Value v) {
  Value module = import_module(t, "_ast");
  if (!module) return -1;
  Value cls = getattr(t, module, intern_literal(t, "AST"));
  if (!cls) return -1;
  return is_layout(cls, Layout::Type) && is_subtype(type_of(v), cls) ? 1 : 0;
}

bool ast_from_objects(Thread& t, Value tree, ast::Module& out) {
  Value module = import_module(t, "_ast");
  if (!module) return false;
  Value frame = vm::current_frame(t);
  std::int64_t python_depth = frame ? rd<FrameObject>(frame)->depth : 0;
  Importer importer(t, module, *out.arena, int(recursion_limit() - python_depth - 1));
  importer.root(tree, out);
  if (importer.failed()) return false;
  if (auto error = parse::validate(out)) {
    raise(t, exc(error->type_error ? E_TypeError : E_ValueError), error->msg);
    return false;
  }
  return true;
}

} // namespace interp
