import Foundation

/// Where the store lives when no `--db` is given: `$WANGGE_DB`, else `$XDG_DATA_HOME/wangge/wangge.sqlite`,
/// else `~/.local/share/wangge/wangge.sqlite`.
public enum StoreLocation {
  public static func resolve(
    explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment
  )
    -> String
  {
    if let explicit, !explicit.isEmpty { return explicit }
    if let env = environment["WANGGE_DB"], !env.isEmpty { return env }
    if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty { return xdg + "/wangge/wangge.sqlite" }
    let home = environment["HOME"] ?? NSHomeDirectory()
    return home + "/.local/share/wangge/wangge.sqlite"
  }
}
