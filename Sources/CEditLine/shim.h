#ifndef CEDITLINE_SHIM_H
#define CEDITLINE_SHIM_H

// libedit's readline-compatible interface. Swift 6 rejects imported mutable C
// globals, so every global that Chorus touches is read or written through a
// `static inline` function below.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <editline/readline.h>

/// The completion callback type libedit calls on Tab.
typedef char **(*chorus_completion_function)(const char *text, int start, int end);

static inline void chorus_rl_set_readline_name(const char *name) { rl_readline_name = name; }
static inline void chorus_rl_set_catch_signals(int value) { rl_catch_signals = value; }
static inline void chorus_rl_set_catch_sigwinch(int value) { rl_catch_sigwinch = value; }
static inline void chorus_rl_set_attempted_completion_function(chorus_completion_function function) {
    rl_attempted_completion_function = function;
}
static inline void chorus_rl_set_attempted_completion_over(int value) { rl_attempted_completion_over = value; }
static inline void chorus_rl_set_completion_append_character(int value) { rl_completion_append_character = value; }
static inline void chorus_rl_set_word_break_characters(char *characters) {
    rl_completer_word_break_characters = characters;
    rl_basic_word_break_characters = characters;
}
/// The function libedit reads each key with; set before `rl_initialize`, which installs it.
static inline void chorus_rl_set_getc_function(int (*function)(FILE *)) { rl_getc_function = function; }
static inline void chorus_rl_set_instream(FILE *stream) { rl_instream = stream; }
static inline void chorus_rl_set_outstream(FILE *stream) { rl_outstream = stream; }
/// The whole line being edited (libedit owns the buffer).
static inline const char *chorus_rl_line_buffer(void) { return rl_line_buffer; }
static inline int chorus_rl_point(void) { return rl_point; }
static inline int chorus_history_length(void) { return history_length; }

#endif
