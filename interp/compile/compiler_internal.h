// interp/compile/compiler_internal.h - the compiler's working state, shared by the files
// that generate code for statements, expressions and patterns (compiler*.cc,
// compile_*.cc) and by the assembler (assembler.cc).
//
// Code is generated into basic blocks of instructions that name their jump targets by
// block; exception handling is still expressed with the pseudo-instructions SETUP_FINALLY /
// SETUP_CLEANUP / SETUP_WITH / POP_BLOCK, as in CPython 3.11. The assembler optimizes the
// block graph the way 3.11 does (so the listings match `dis`), computes the stack depth,
// turns the pseudo-instructions into the exception table and lays the blocks out.
#pragma once

#include "interp/compile/code_unit.h"
#include "interp/compile/symtable.h"

#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace interp::compile {

using bytecode::Constant;
using bytecode::Location;
using bytecode::Op;

// The constant co_consts holds for a Constant node's value.
Constant from_ast_constant(const ast::ConstantValue& v);

// Instruction codes of the block graph: real opcodes, then the pseudo-instructions.
enum PseudoOp : std::uint16_t {
  kSetupFinally = 256, // handler: pop to the depth here, push the exception
  kSetupCleanup,       // same, but push lasti first
  kSetupWith,          // same as SETUP_CLEANUP, but one item less is kept (the __enter__ result)
  kPopBlock,
  kResume, // marks the start of the code as 3.11's RESUME does (for line numbers); no room
};

inline constexpr std::uint16_t op_code(Op op) {
  return static_cast<std::uint16_t>(op);
}

struct Instr {
  std::uint16_t op = 0;
  std::uint32_t arg = 0;
  int target = -1;  // block index, for jumps and SETUP_*
  Location loc;     // line < 0: none yet (filled from the neighbours by the assembler)
  int handler = -1; // block index of the exception handler, set by the assembler
};

struct Block {
  std::vector<Instr> instrs;
  int next = -1; // layout order
  // assembler state
  bool visited = false;
  bool except_handler = false;
  bool preserve_lasti = false;
  int predecessors = 0;
  int start_depth = -1;
  int offset = 0;
};

// A statement that has to be unwound by return/break/continue (CPython's fblockinfo).
enum class FBlockKind {
  WhileLoop,
  ForLoop,
  TryExcept,
  FinallyTry,
  FinallyEnd,
  With,
  AsyncWith,
  HandlerCleanup,
  PopValue,
  ExceptionHandler,
  ExceptionGroupHandler,
  AsyncComprehensionGenerator
};
struct FBlock {
  FBlockKind kind;
  int block = -1;                                  // loop start (continue target)
  int exit = -1;                                   // loop exit (break target)
  const ast::Stmt* stmt = nullptr;                 // With / AsyncWith: the statement
  const ast::List<ast::Stmt>* finalbody = nullptr; // FinallyTry
  const std::string* name = nullptr;               // HandlerCleanup: `except E as name`
};

enum class UnitKind { Module, Class, Function, AsyncFunction, Lambda, Comprehension };

// A constant's identity for de-duplication (CPython merges equal constants of the same
// type; 0, 0.0, -0.0 and False stay apart).
std::string constant_key(const Constant& c);
bool constant_truth(const Constant& c);

struct Unit {
  UnitKind kind = UnitKind::Module;
  Scope* ste = nullptr;
  std::string name, qualname;
  std::string private_name; // class name for mangling
  int firstlineno = 1;
  std::uint32_t argcount = 0, posonlyargcount = 0, kwonlyargcount = 0;

  std::vector<Constant> consts;
  std::unordered_map<std::string, int> const_index;
  std::vector<std::string> names, varnames, cellvars, freevars;
  std::unordered_map<std::string, int> name_index, varname_index, cell_index, free_index;

  std::vector<Block> blocks;
  int entry = 0;
  int cur = 0;
  std::vector<FBlock> fblocks;
  Location loc{1, 1, 0, 0};
  int docstring = -1;
  bool after_return = false; // the current (empty) block was started by a RETURN_VALUE
  bool awaits = false;       // a module's code awaits (top-level await): a coroutine
};

struct CompileOptions {
  bool interactive = false; // mode Single: expression statements print
};

class Compiler {
public:
  Compiler(const SymbolTable& table, const std::string& filename)
      : table_(table), filename_(filename) {}

  std::optional<std::shared_ptr<const bytecode::CodeUnit>> compile_module(const ast::Module& m);
  const std::optional<SyntaxErrorInfo>& error() const { return error_; }

  // ---- state ----
  const SymbolTable& table_;
  std::string filename_;
  std::optional<SyntaxErrorInfo> error_;
  std::vector<parse::SourceWarning>* warnings_ = nullptr;
  std::vector<std::unique_ptr<Unit>> units_; // the stack of units being compiled
  Unit* u = nullptr;
  bool interactive_ = false;
  int optimize_ = 0; // -O level: 1 and up drop asserts and make __debug__ False
  bool top_level_await_ = false; // PyCF_ALLOW_TOP_LEVEL_AWAIT
  // Whether `unit` may await (an async function, or the module's own code under
  // top_level_await_); marks the module as awaiting.
  bool may_await(Unit* unit);
  int nest_level_ = 0;

  bool failed() const { return error_.has_value(); }
  // A SyntaxWarning at the current location (3.11's compiler_warn).
  void warn(const std::string& message);
  // 3.11's check_compare, check_caller, check_subscripter and check_index.
  void check_compare(const ast::Compare* e);
  void check_caller(const ast::Expr* func);
  void check_subscript(const ast::Subscript* e);
  bool fail(const std::string& message); // at the current location; returns false
  bool fail_at(const std::string& message, const ast::Pos& pos);

  // ---- units and blocks (compiler.cc) ----
  void enter_scope(const std::string& name, UnitKind kind, const void* node, int lineno);
  std::shared_ptr<const bytecode::CodeUnit> exit_scope(bool add_none);
  int new_block();
  void use_block(int b); // continue in block b (b follows the current one)
  void next_block();     // start a new block after the current one
  void emit(std::uint16_t op, std::uint32_t arg = 0);
  void emit(Op op, std::uint32_t arg = 0) { emit(op_code(op), arg); }
  void emit(PseudoOp op) { emit(static_cast<std::uint16_t>(op), 0); }
  void emit_jump(std::uint16_t op, int target);
  void emit_jump(Op op, int target) { emit_jump(op_code(op), target); }
  void emit_jump(PseudoOp op, int target) { emit_jump(static_cast<std::uint16_t>(op), target); }
  void emit_noline(Op op, std::uint32_t arg = 0);
  void emit_jump_noline(Op op, int target);
  void set_loc(const ast::Node* n);
  void unset_loc() { u->loc = Location{-1, -1, -1, -1}; }

  int add_const(Constant c);
  void load_const(Constant c) { emit(Op::LOAD_CONST, add_const(std::move(c))); }
  int add_name(const std::string& name); // co_names, mangled by the caller
  int varname(const std::string& name);
  std::string mangled(const std::string& name) const { return mangle(u->private_name, name); }
  void emit_name(Op op, const std::string& name) { emit(op, add_name(mangled(name))); }

  bool push_fblock(FBlock fb);
  void pop_fblock() { u->fblocks.pop_back(); }
  bool unwind_fblock(const FBlock& fb, bool preserve_tos);
  bool unwind_fblock_stack(bool preserve_tos, const FBlock** loop);

  // ---- names ----
  bool nameop(const std::string& name, ast::ExprContext ctx);
  // Index in the cell array (cellvars, freevars), looking first where `free` says.
  int lookup_cell(const std::string& name, bool free);
  bool make_closure(std::shared_ptr<const bytecode::CodeUnit> code, std::uint32_t flags);

  // ---- statements (compile_stmt.cc) ----
  bool body(const ast::List<ast::Stmt>& stmts, bool is_module);
  // The body's docstring, or null: none without a leading string, nor under -OO, where
  // the string stays a statement that compiles to nothing.
  const std::u32string* docstring_of(const ast::List<ast::Stmt>& body) const;
  bool stmts(const ast::List<ast::Stmt>& list);
  bool stmt(const ast::Stmt* s);
  bool function_def(const ast::FunctionDef* f);
  bool class_def(const ast::ClassDef* c);
  bool decorators(const ast::List<ast::Expr>& list);
  void apply_decorators(const ast::List<ast::Expr>& list);
  bool default_arguments(const ast::Arguments* args, std::uint32_t& flags);
  bool annotations(const ast::Arguments* args, const ast::Expr* returns, std::uint32_t& flags);
  bool return_stmt(const ast::Return* s);
  bool if_stmt(const ast::If* s);
  bool for_stmt(const ast::For* s);
  bool async_for_stmt(const ast::For* s);
  bool while_stmt(const ast::While* s);
  bool try_stmt(const ast::Try* s);
  bool try_finally(const ast::Try* s);
  bool try_except(const ast::Try* s);
  bool try_star(const ast::Try* s);
  bool try_star_except(const ast::Try* s);
  bool with_stmt(const ast::With* s, size_t pos);
  bool async_with_stmt(const ast::With* s, size_t pos);
  bool call_exit_with_nones();
  bool with_except_finish(int cleanup);
  bool import(const ast::Import* s);
  bool import_from(const ast::ImportFrom* s);
  bool import_as(const std::string& name, const std::string& asname);
  bool assert_stmt(const ast::Assert* s);
  bool raise_stmt(const ast::Raise* s);
  bool ann_assign(const ast::AnnAssign* s);
  bool aug_assign(const ast::AugAssign* s);
  bool delete_stmt(const ast::Delete* s);
  bool expr_stmt(const ast::Expr* value);
  bool annotation_value(const ast::Expr* e); // string under PEP 563, else the value
  bool check_ann_expr(const ast::Expr* e);
  bool check_annotation(const ast::AnnAssign* s);
  bool match_stmt(const ast::Match* s);
  void pop_except_and_reraise();

  // ---- expressions (compile_expr.cc) ----
  bool expr(const ast::Expr* e);
  bool expr1(const ast::Expr* e);
  bool exprs(const ast::List<ast::Expr>& list);
  bool jump_if(const ast::Expr* e, int next, bool cond);
  bool iter_expr(const ast::Expr* e);
  bool comparator(const ast::Compare* e, size_t i);
  bool boolop(const ast::BoolOp* e);
  bool compare(const ast::Compare* e);
  bool call(const ast::Call* e);
  bool maybe_method_call(const ast::Call* e, bool& done);
  bool call_helper(int n, const ast::List<ast::Expr>& args, const ast::List<ast::Keyword>& kws);
  bool call_simple_kw_helper(const ast::List<ast::Keyword>& kws);
  bool subkwargs(const ast::List<ast::Keyword>& kws, size_t begin, size_t end);
  bool starunpack_helper(const ast::List<ast::Expr>& elts, int pushed, Op build, Op add, Op extend,
                         bool tuple);
  bool unpack_helper(const ast::List<ast::Expr>& elts);
  bool assignment_helper(const ast::List<ast::Expr>& elts);
  bool list_expr(const ast::ListExpr* e);
  bool tuple_expr(const ast::TupleExpr* e);
  bool set_expr(const ast::Set* e);
  bool dict_expr(const ast::Dict* e);
  bool subdict(const ast::Dict* e, size_t begin, size_t end);
  bool ifexp(const ast::IfExp* e);
  bool lambda(const ast::Lambda* e);
  bool comprehension(const ast::Expr* e, UnitKind, const char* name,
                     const ast::List<ast::Comprehension>& gens, const ast::Expr* elt,
                     const ast::Expr* val);
  bool comprehension_generator(const ast::List<ast::Comprehension>& gens, size_t i, int depth,
                               const ast::Expr* elt, const ast::Expr* val, ast::ExprKind kind);
  bool sync_comprehension_generator(const ast::List<ast::Comprehension>& gens, size_t i, int depth,
                                    const ast::Expr* elt, const ast::Expr* val, ast::ExprKind kind);
  bool async_comprehension_generator(const ast::List<ast::Comprehension>& gens, size_t i, int depth,
                                     const ast::Expr* elt, const ast::Expr* val,
                                     ast::ExprKind kind);
  bool joined_str(const ast::JoinedStr* e);
  bool formatted_value(const ast::FormattedValue* e);
  bool subscript(const ast::Subscript* e);
  bool slice(const ast::Slice* e);
  bool attribute(const ast::Attribute* e);
  bool augassign_target_load(const ast::Expr* e);
  bool add_yield_from(bool await);
  bool forbidden_name(const std::string& name, ast::ExprContext ctx, const ast::Pos& pos);
  bool validate_keywords(const ast::List<ast::Keyword>& kws);
  void update_start_location_to_match_attr(const ast::Attribute* a);
  void compare_op(ast::CmpOp op);
  bool is_top_level_await() const { return false; }

  // ---- patterns (compile_pattern.cc) ----
  struct PatternContext {
    std::vector<std::string> stores; // names bound by the pattern, in order
    bool allow_irrefutable = false;
    std::vector<int> fail_pop; // blocks: fail_pop[n] pops n items then fails
    int on_top = 0;            // items on top of the subject
  };
  bool pattern(const ast::Pattern* p, PatternContext& pc);
  bool pattern_subpattern(const ast::Pattern* p, PatternContext& pc);
  bool pattern_as(const ast::MatchAs* p, PatternContext& pc);
  bool pattern_star(const ast::MatchStar* p, PatternContext& pc);
  bool pattern_value(const ast::MatchValue* p, PatternContext& pc);
  bool pattern_singleton(const ast::MatchSingleton* p, PatternContext& pc);
  bool pattern_sequence(const ast::MatchSequence* p, PatternContext& pc);
  bool pattern_mapping(const ast::MatchMapping* p, PatternContext& pc);
  bool pattern_class(const ast::MatchClass* p, PatternContext& pc);
  bool pattern_or(const ast::MatchOr* p, PatternContext& pc);
  bool pattern_helper_store_name(const std::string& name, PatternContext& pc, const ast::Pos& pos);
  bool pattern_helper_sequence_unpack(const ast::List<ast::Pattern>& pats, int star,
                                      PatternContext& pc);
  bool pattern_helper_sequence_subscr(const ast::List<ast::Pattern>& pats, int star,
                                      PatternContext& pc);
  bool pattern_helper_rotate(int count);
  void ensure_fail_pop(PatternContext& pc, int n);
  bool jump_to_fail_pop(PatternContext& pc, Op op);
  void emit_and_reset_fail_pop(PatternContext& pc);
  bool validate_kwd_attrs(const std::vector<std::string>& attrs,
                          const ast::List<ast::Pattern>& pats);

  // ---- constant folding ----
  // The value of an expression that 3.11's AST optimizer turns into one constant: a
  // literal, a negated numeric literal, a tuple of such.
  std::optional<Constant> constant_of(const ast::Expr* e) const;
};

std::u32string utf8_to_u32(const std::string& s);
std::string int_literal_decimal(const std::string& text); // "0x1f" -> "31", "-0" -> "0"
std::uint32_t binary_op_index(ast::Operator op);
std::optional<ast::CmpOp> inverted_compare(ast::CmpOp op);
// The source text of an expression as 3.11's ast unparser writes it (for PEP 563).
std::string unparse_expr(const ast::Expr* e);
int varname_in(Unit& unit, const std::string& name);
bool find_ann(const ast::List<ast::Stmt>& stmts); // does a body hold an annotated assignment
std::uint32_t code_flags_of(const Scope* ste, bool future_annotations);

// The block-graph passes and the final layout (assembler.cc).
std::shared_ptr<const bytecode::CodeUnit> assemble(Unit& unit, const std::string& filename,
                                                   std::uint32_t flags);

// Stack effect of an instruction of the block graph; `jump`: along the jump / to the
// handler.
int stack_effect(std::uint16_t op, std::uint32_t arg, bool jump);
bool is_jump_op(std::uint16_t op);
bool is_block_push(std::uint16_t op);
bool ends_block(std::uint16_t op); // no fall-through after it

} // namespace interp::compile
