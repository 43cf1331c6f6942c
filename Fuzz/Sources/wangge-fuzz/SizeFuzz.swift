import TerminalUI

/// Frame sizes (`wangge snapshot --size WxH`): what parses is positive, at most a large screen
/// (1000×1000, so a frame can be drawn without a huge allocation) and reparses to itself.
struct SizeFuzz: FuzzTarget {
  static let largest = 1000

  func run(_ bytes: [UInt8]) {
    let input = text(bytes)
    guard let size = Size(parsing: input) else { return }
    require(size.width > 0 && size.height > 0, "\"\(input)\" parsed to \(size)")
    require(
      size.width <= Self.largest && size.height <= Self.largest,
      "\"\(input)\" parsed to \(size), larger than \(Self.largest)×\(Self.largest)")
    require(Size(parsing: "\(size.width)x\(size.height)") == size, "\"\(input)\" -> \(size) does not reparse")
    let buffer = Buffer(size: size)
    require(buffer.size == size, "a \(size) buffer came out \(buffer.size)")
  }
}
