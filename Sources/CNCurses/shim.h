#ifndef WANGGE_CNCURSES_SHIM_H
#define WANGGE_CNCURSES_SHIM_H
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <signal.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

/* Swift 6 cannot touch ncurses globals or function-like macros directly: wrap them. */

static inline WINDOW *wangge_stdscr(void) { return stdscr; }
static inline WINDOW *wangge_curscr(void) { return curscr; }
static inline int wangge_lines(void) { return LINES; }
static inline int wangge_cols(void) { return COLS; }
static inline int wangge_colors(void) { return COLORS; }
static inline int wangge_color_pairs(void) { return COLOR_PAIRS; }

static inline attr_t wangge_a_normal(void) { return A_NORMAL; }
static inline attr_t wangge_a_bold(void) { return A_BOLD; }
static inline attr_t wangge_a_dim(void) { return A_DIM; }
static inline attr_t wangge_a_underline(void) { return A_UNDERLINE; }
static inline attr_t wangge_a_reverse(void) { return A_REVERSE; }
static inline attr_t wangge_a_italic(void) { return A_ITALIC; }

static inline int wangge_key_f0(void) { return KEY_F0; }
static inline int wangge_key_code_yes(void) { return KEY_CODE_YES; }
static inline int wangge_err(void) { return ERR; }
static inline mmask_t wangge_all_mouse_events(void) { return ALL_MOUSE_EVENTS; }

/* newterm on stdout/stdin: returns NULL instead of exiting when TERM is unknown. */
static inline SCREEN *wangge_newterm(const char *term) { return newterm(term, stdout, stdin); }

static inline void wangge_getmaxyx(WINDOW *w, int *y, int *x) {
  int yy, xx;
  getmaxyx(w, yy, xx);
  *y = yy;
  *x = xx;
}

/* The C library's column width of one code point (-1: not printable), as ncurses measures it. */
extern int wcwidth(wchar_t c);
static inline int wangge_wcwidth(unsigned int c) { return wcwidth((wchar_t)c); }

/* Puts one grapheme of COUNT (at most CCHARW_MAX) code points at y, x. setcchar keeps only the
   first spacing code point and its zero-width followers, so the rest (the second regional
   indicator of a flag, the members of a ZWJ family, a skin tone) are stored directly; ncurses
   writes every stored code point and advances by the first one's width. */
static inline int wangge_put_cluster(int y, int x, const wchar_t *wch, int count, attr_t attrs, int pair) {
  cchar_t cell;
  wchar_t base[2] = {wch[0], 0};
  if (count < 1 || count > CCHARW_MAX) return ERR;
  if (setcchar(&cell, base, attrs, 0, &pair) != OK) return ERR;
  for (int i = 1; i < count; i++) cell.chars[i] = wch[i];
  return mvwadd_wch(stdscr, y, x, &cell);
}

/* Extended colour pairs (pairs and colours beyond 16 bits, direct colour). */
static inline int wangge_init_pair(int pair, int fg, int bg) {
#if NCURSES_EXT_COLORS
  return init_extended_pair(pair, fg, bg);
#else
  return init_pair((short)pair, (short)fg, (short)bg);
#endif
}

/* Whether the terminfo entry says the terminal takes direct RGB colour numbers. */
static inline int wangge_has_direct_colour(void) {
  return tigetflag("RGB") > 0;
}

#endif
