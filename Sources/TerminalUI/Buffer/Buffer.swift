/// A width×height grid of cells that widgets render into and backends draw.
public struct Buffer: Sendable, Equatable {
  public private(set) var width: Int
  public private(set) var height: Int
  private var cells: [Cell]

  /// A blank buffer of the given size.
  public init(width: Int, height: Int, fill: Cell = .blank) {
    self.width = max(0, width)
    self.height = max(0, height)
    self.cells = Array(repeating: fill, count: self.width * self.height)
  }

  public init(size: Size) { self.init(width: size.width, height: size.height) }

  /// The whole buffer as a rectangle.
  public var area: Rect { Rect(width: width, height: height) }
  public var size: Size { Size(width: width, height: height) }

  /// The cell at column `x`, row `y` (a blank cell outside the buffer).
  public subscript(x: Int, y: Int) -> Cell {
    guard x >= 0, y >= 0, x < width, y < height else { return .blank }
    return cells[y * width + x]
  }

  /// Replaces one cell, repairing any wide grapheme it cuts in half.
  public mutating func set(_ x: Int, _ y: Int, _ cell: Cell) {
    guard x >= 0, y >= 0, x < width, y < height else { return }
    let i = y * width + x
    let old = cells[i]
    if old.isContinuation && !cell.isContinuation && x > 0 {
      var lead = cells[i - 1]
      lead.symbol = " "
      cells[i - 1] = lead
    }
    if !old.isContinuation && x + 1 < width && cells[i + 1].isContinuation {
      var tail = cells[i + 1]
      tail.symbol = " "
      tail.isContinuation = false
      cells[i + 1] = tail
    }
    cells[i] = cell
  }

  /// Applies a style patch to every cell of `rect`, keeping the symbols.
  public mutating func setStyle(_ style: Style, in rect: Rect) {
    let r = rect.intersection(area)
    guard !r.isEmpty else { return }
    for y in r.y..<r.bottom {
      for x in r.x..<r.right { cells[y * width + x].apply(style) }
    }
  }

  /// Fills `rect` with blanks in the given style (the base cell keeps default roles).
  public mutating func clear(_ rect: Rect, style: Style = .plain) {
    var blank = Cell.blank
    blank.apply(style)
    let r = rect.intersection(area)
    guard !r.isEmpty else { return }
    for y in r.y..<r.bottom {
      // Repair wide graphemes crossing the left and right edges of the cleared area.
      set(r.x, y, blank)
      if r.right < width { set(r.right, y, self[r.right, y].isContinuation ? blank : self[r.right, y]) }
      for x in r.x..<r.right { cells[y * width + x] = blank }
    }
  }

  /// Writes one grapheme at (`x`, `y`) with `style`, using at most `limit` columns.
  ///
  /// Returns the columns used. A wide grapheme that does not fit is replaced by a space,
  /// so it is never split at a border or the right edge. Zero-width graphemes are skipped.
  /// A control or bidirectional character is drawn as its visible escape (``Sanitiser``).
  @discardableResult
  public mutating func put(_ character: Character, x: Int, y: Int, style: Style = .plain, limit: Int = .max)
    -> Int
  {
    guard y >= 0, y < height, x >= 0, x < width, limit > 0 else { return 0 }
    if character.unicodeScalars.contains(where: Sanitiser.isEscaped) {
      return put(Sanitiser.line(String(character)), x: x, y: y, style: style, limit: limit)
    }
    let available = min(limit, width - x)
    let w = DisplayWidth.of(character)
    guard w > 0 else { return 0 }
    var cell = self[x, y]
    cell.isContinuation = false
    cell.apply(style)
    if w == 2 && available < 2 {
      cell.symbol = " "
      set(x, y, cell)
      return 1
    }
    cell.symbol = character == "\t" ? " " : String(character)
    set(x, y, cell)
    if w == 2 {
      var tail = self[x + 1, y]
      tail.apply(style)
      tail.fg = cell.fg
      tail.bg = cell.bg
      tail.attributes = cell.attributes
      tail.symbol = ""
      tail.isContinuation = true
      set(x + 1, y, tail)
    }
    return w
  }

  /// Writes `text` from (`x`, `y`) using at most `limit` columns (and never past the right edge),
  /// sanitised (``Sanitiser/line(_:)``). Returns the columns used.
  @discardableResult
  public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, limit: Int = .max) -> Int {
    var used = 0
    let room = min(limit, width - x)
    let text = Sanitiser.line(text)
    if DisplayWidth.simpleWidth(text) != nil {
      // Printable ASCII and CJK ideographs only: every scalar is a character of its own.
      for scalar in text.unicodeScalars {
        if used >= room { break }
        used += put(Character(scalar), x: x + used, y: y, style: style, limit: room - used)
      }
      return used
    }
    for character in text {
      if used >= room { break }
      used += put(character, x: x + used, y: y, style: style, limit: room - used)
    }
    return used
  }

  /// Writes `text` into one row of `rect`: sanitised, truncated with `…` and aligned by display width.
  @discardableResult
  public mutating func put(_ text: String, in rect: Rect, style: Style = .plain, alignment: Alignment = .left)
    -> Int
  {
    guard rect.width > 0, rect.height > 0 else { return 0 }
    let fitted = TextFit.truncate(Sanitiser.line(text), toWidth: rect.width)
    let w = DisplayWidth.of(fitted)
    let offset: Int
    switch alignment {
    case .left: offset = 0
    case .right: offset = rect.width - w
    case .center: offset = (rect.width - w) / 2
    }
    return put(fitted, x: rect.x + offset, y: rect.y, style: style, limit: rect.width - offset)
  }

  /// The buffer as plain text lines (continuation cells omitted), for snapshots and `--snapshot`.
  public func lines() -> [String] {
    (0..<height).map { y in
      var line = ""
      for x in 0..<width where !cells[y * width + x].isContinuation {
        line += cells[y * width + x].symbol
      }
      return line
    }
  }

  /// The buffer as one text block, lines joined by newlines.
  public var text: String { lines().joined(separator: "\n") }

  /// One changed cell found by ``diff(from:)``.
  public struct Update: Sendable, Equatable {
    public var x: Int
    public var y: Int
    public var cell: Cell
  }

  /// The cells that differ from `previous` (all cells when sizes differ). Continuation cells are
  /// never emitted: drawing a wide grapheme's left cell draws both columns.
  public func diff(from previous: Buffer?) -> [Update] {
    var updates: [Update] = []
    let full = previous == nil || previous!.width != width || previous!.height != height
    for y in 0..<height {
      for x in 0..<width {
        let i = y * width + x
        let cell = cells[i]
        if cell.isContinuation { continue }
        if full || previous!.cells[i] != cell
          || (x + 1 < width && cells[i + 1].isContinuation && previous!.cells[i + 1] != cells[i + 1])
        {
          updates.append(Update(x: x, y: y, cell: cell))
        }
      }
    }
    return updates
  }
}
