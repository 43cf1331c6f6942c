/// A human path through the grid such as `河北街道/水映花城社区/水映花城小区/12号楼/3单元`.
///
/// Paths are written from the level below the root; the root's own name may lead the path or be left out.
public struct PlacePath: Hashable, Sendable, CustomStringConvertible {
  /// The names from the top down.
  public var segments: [String]

  public init(segments: [String]) { self.segments = segments }

  /// Splits on `/` (also the full-width `／`), dropping empty segments and surrounding spaces.
  /// Splits on scalars, not characters, so a slash before a combining mark still separates and the
  /// joined ``description`` reads back as the same segments.
  public init(parsing text: String) {
    segments = text.unicodeScalars.split(whereSeparator: { $0 == "/" || $0 == "／" })
      .map { String(String.UnicodeScalarView($0)).trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty }
  }

  public var isRoot: Bool { segments.isEmpty }
  public var description: String { segments.joined(separator: "/") }

  /// The path with `name` appended.
  public func appending(_ name: String) -> PlacePath { PlacePath(segments: segments + [name]) }
}

import Foundation
