import CNCurses
import Foundation
import Synchronization

/// Set by SIGINT/SIGTERM/SIGHUP; the draw loop sees it and shuts down cleanly.
private let terminationFlag = Atomic<Bool>(false)
/// Whether ncurses is active (so the exit hook knows to call endwin).
private let cursesActive = Atomic<Bool>(false)

/// The real terminal, through ncursesw: wide characters via `cchar_t`, colour detection with
/// fallback, `NO_COLOR`, resize, a 25 ms Esc delay, and drawing only the cells that changed.
///
/// This file and `NcursesKeys.swift` are the only code that calls ncurses.
public final class NcursesBackend: Backend {
  public var theme: Theme {
    didSet {
      pairs.removeAll()
      nextPair = 1
      invalidate()
    }
  }
  /// The colour level in use.
  public private(set) var colorLevel: ColorLevel = .none
  private var previous: Buffer?
  private var pairs: [Int64: Int32] = [:]
  private var nextPair: Int32 = 1
  private var cursor: (x: Int, y: Int)?
  private var isActive = false

  /// Whether SIGINT, SIGTERM or SIGHUP arrived.
  public var terminationRequested: Bool { terminationFlag.load(ordering: .relaxed) }

  /// Starts ncurses: locale, raw keys, no echo, keypad, Esc after 25 ms, colours unless `NO_COLOR`.
  /// Throws ``TerminalError`` when stdin/stdout is not a terminal or `TERM` is unknown to terminfo.
  public init(
    theme: Theme, environment: [String: String] = ProcessInfo.processInfo.environment, mouse: Bool = false
  ) throws(TerminalError) {
    self.theme = theme
    // Wide characters need a UTF-8 character type. A locale that is named but not installed
    // (zh_CN.UTF-8 on a fresh server) leaves C/ASCII: fall back to C.UTF-8 then.
    if setlocale(LC_ALL, "") == nil || String(cString: nl_langinfo(nl_item(CODESET))) != "UTF-8" {
      setlocale(LC_CTYPE, "C.UTF-8")
    }
    if environment["ESCDELAY"] == nil { setenv("ESCDELAY", "25", 1) }
    guard isatty(STDIN_FILENO) != 0, isatty(STDOUT_FILENO) != 0 else { throw TerminalError.notATerminal }
    let term = environment["TERM"] ?? ""
    guard !term.isEmpty, wangge_newterm(term) != nil else { throw TerminalError.unknownTerminal(term) }
    cursesActive.store(true, ordering: .relaxed)
    isActive = true
    raw()
    noecho()
    nonl()
    keypad(wangge_stdscr(), true)
    set_escdelay(25)
    curs_set(0)
    if mouse { mousemask(wangge_all_mouse_events(), nil) }
    // COLORS is only known after start_color(), which must not run at all under NO_COLOR:
    // decide with terminfo's count first.
    let level = ColorLevel.detect(
      environment: environment, hasColors: has_colors(), colors: max(8, Int(tigetnum("colors"))),
      hasDirectColor: wangge_has_direct_colour() != 0, themeUsesColor: theme.usesColor)
    if level != .none {
      start_color()
      use_default_colors()
      colorLevel = ColorLevel.detect(
        environment: environment, hasColors: has_colors(), colors: Int(wangge_colors()),
        hasDirectColor: wangge_has_direct_colour() != 0, themeUsesColor: theme.usesColor)
    }
    Self.installSignalHandlers()
    atexit {
      if cursesActive.exchange(false, ordering: .relaxed) { endwin() }
    }
  }

  deinit { shutdown() }

  public var size: Size {
    var rows: Int32 = 0
    var cols: Int32 = 0
    wangge_getmaxyx(wangge_stdscr(), &rows, &cols)
    return Size(width: Int(cols), height: Int(rows))
  }

  public func draw(_ buffer: Buffer) {
    let updates = buffer.diff(from: previous)
    var scalars: [wchar_t] = Array(repeating: 0, count: GlyphPlan.capacity + 1)
    for update in updates {
      let resolved = theme.resolve(update.cell)
      let attrs = attributes(resolved.attributes)
      let pair = colorPair(fg: resolved.fg, bg: resolved.bg)
      let symbol = update.cell.symbol
      let pieces = GlyphPlan.pieces(symbol, width: max(1, DisplayWidth.of(symbol))) {
        Int(wangge_wcwidth($0.value))
      }
      var x = Int32(update.x)
      let y = Int32(update.y)
      for piece in pieces {
        for (i, scalar) in piece.enumerated() { scalars[i] = wchar_t(bitPattern: scalar.value) }
        scalars[piece.count] = 0
        // Stores every code point of the piece (setcchar alone would keep only up to the second
        // spacing one, turning 👨‍👩‍👧 into 👨).
        // ERR also comes back for the bottom-right cell (the cursor cannot move past it), which is
        // drawn all the same; only a refused cluster is retried, as its first code point alone.
        if wangge_put_cluster(y, x, scalars, Int32(piece.count), attrs, pair) == wangge_err()
          && piece.count > 1
        {
          _ = wangge_put_cluster(y, x, scalars, 1, attrs, pair)
        }
        x += max(1, wangge_wcwidth(piece[0].value))
      }
    }
    if let cursor {
      wmove(wangge_stdscr(), Int32(cursor.y), Int32(cursor.x))
    }
    wrefresh(wangge_stdscr())
    previous = buffer
  }

  public func readKey(timeoutMilliseconds: Int) -> Key? {
    wtimeout(wangge_stdscr(), Int32(timeoutMilliseconds))
    var character: wint_t = 0
    let result = wget_wch(wangge_stdscr(), &character)
    if result == wangge_err() { return nil }
    if result == wangge_key_code_yes() {
      let key = NcursesKeys.decode(Int32(character))
      if key == .resize { previous = nil }
      return key
    }
    return Key.fromCharacterCode(UInt32(character))
  }

  public func showCursor(x: Int, y: Int) {
    if cursor == nil { curs_set(1) }
    cursor = (x, y)
  }

  public func hideCursor() {
    if cursor != nil { curs_set(0) }
    cursor = nil
  }

  public func invalidate() {
    previous = nil
    if isActive { clearok(wangge_curscr(), true) }
  }

  /// Ctrl-Z: restores the terminal (endwin), stops the process with the default SIGTSTP action (as
  /// the shell's job control expects), and on SIGCONT (`fg`) takes the terminal back and repaints.
  public func suspend() {
    guard isActive else { return }
    if cursor == nil { curs_set(1) }
    endwin()
    var action = sigaction()
    var previousAction = sigaction()
    action.__sigaction_handler.sa_handler = SIG_DFL
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0
    sigaction(SIGTSTP, &action, &previousAction)
    kill(getpid(), SIGTSTP)
    // Stopped here until SIGCONT.
    sigaction(SIGTSTP, &previousAction, nil)
    reset_prog_mode()
    if cursor == nil { curs_set(0) }
    invalidate()
    wrefresh(wangge_stdscr())
  }

  /// Writes the OSC 52 sequence straight to the terminal (ncurses has written its frame by then).
  public func copyToClipboard(_ text: String) {
    guard isActive else { return }
    let bytes = OSC52.sequence(for: text)
    bytes.withUnsafeBytes { raw in
      var offset = 0
      while offset < raw.count {
        let n = write(STDOUT_FILENO, raw.baseAddress! + offset, raw.count - offset)
        if n <= 0 { break }
        offset += n
      }
    }
  }

  public func shutdown() {
    guard isActive else { return }
    isActive = false
    curs_set(1)
    if cursesActive.exchange(false, ordering: .relaxed) { endwin() }
  }

  private func attributes(_ attributes: Attributes) -> attr_t {
    var value = wangge_a_normal()
    if attributes.contains(.bold) { value |= wangge_a_bold() }
    if attributes.contains(.dim) { value |= wangge_a_dim() }
    if attributes.contains(.underline) { value |= wangge_a_underline() }
    if attributes.contains(.reverse) { value |= wangge_a_reverse() }
    if attributes.contains(.italic) { value |= wangge_a_italic() }
    return value
  }

  private func colorPair(fg: Color?, bg: Color?) -> Int32 {
    guard colorLevel != .none else { return 0 }
    let f = colorLevel.colorNumber(fg)
    let b = colorLevel.colorNumber(bg)
    if f == -1 && b == -1 { return 0 }
    let key = Int64(f) << 32 | Int64(UInt32(bitPattern: b))
    if let pair = pairs[key] { return pair }
    guard nextPair < wangge_color_pairs() else { return 0 }
    let pair = nextPair
    nextPair += 1
    _ = wangge_init_pair(pair, f, b)
    pairs[key] = pair
    return pair
  }

  private static func installSignalHandlers() {
    for signal in [SIGINT, SIGTERM, SIGHUP] {
      var action = sigaction()
      action.__sigaction_handler.sa_handler = { _ in terminationFlag.store(true, ordering: .relaxed) }
      sigemptyset(&action.sa_mask)
      action.sa_flags = 0
      sigaction(signal, &action, nil)
    }
  }
}

/// Why the terminal could not be started.
public enum TerminalError: Error, Sendable, CustomStringConvertible {
  case notATerminal
  case unknownTerminal(String)

  public var description: String {
    switch self {
    case .notATerminal:
      return "not a terminal: run the board in a terminal (for a frame as text: wangge snapshot)"
    case .unknownTerminal(let term):
      return "TERM=\(term): no terminfo entry for this terminal (try TERM=xterm-256color)"
    }
  }
}
