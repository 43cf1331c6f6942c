import WanggeCore
import WanggeStore

/// Resolves a `--path` / `--scope` value through the one place matcher (``PlaceFinder``): a full path,
/// a unique name or fragment anywhere, or pinyin initials. When the value is ambiguous or names no
/// place, exits non-zero with up to eight candidates and their paths.
func resolvePlace(_ text: String, in store: any Store, option: String) throws -> Place {
  let lookup = try PlaceFinder(store: store).find(text)
  let lines = lookup.candidatePaths.map { "\n  " + $0 }.joined()
  switch lookup {
  case .found(let place): return place
  case .ambiguous:
    fail("\(option): \"\(text)\" matches several places; give more of the path, e.g. one of:\(lines)")
  case .notFound:
    // The store names what exists under the deepest part of the path it could follow.
    do {
      _ = try store.resolve(PlacePath(parsing: text))
    } catch StoreError.unknownPlace(_, let suggestion) {
      fail(
        "\(option): unknown place \"\(text)\"; \(suggestion)" + (lines.isEmpty ? "" : "; closest:\(lines)"))
    } catch {}
    fail(
      "\(option): unknown place \"\(text)\""
        + (lines.isEmpty
          ? "; below the station level give the place above it too, e.g. 水映花城小区/12号楼"
            + " (`wangge report --scope …` lists the places one level down)"
          : "; closest:\(lines)"))
  }
}
