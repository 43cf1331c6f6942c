import WanggeCore

/// Walks the places under a scope in id order and emits the registry rows of one kind (engine-free).
public enum RegistryExport {
  /// Emits every `kind` row under the place `scopeID`, whose path below the root is `scopePath`.
  public static func run(
    access: any RegistryAccess, kind: RegistryKind, scopeID: Int64, scopePath: PlacePath,
    emit: (RegistryRow) throws -> Void
  ) throws {
    let unitDepth = try access.levels().unitDepth
    func visit(_ id: Int64, _ path: [String]) throws {
      if path.count == unitDepth {
        try unit(id, PlacePath(segments: path))
        return
      }
      let kids = try access.children(of: id)
      if kids.isEmpty, kind == .places, !path.isEmpty { try emit(.place(PlacePath(segments: path))) }
      for k in kids { try visit(k.id, path + [k.name]) }
    }
    func unit(_ id: Int64, _ path: PlacePath) throws {
      switch kind {
      case .places: try emit(.place(path))
      case .households:
        for h in try access.households(ofUnit: id) {
          try emit(
            .household(
              RegistryHousehold(
                path: path, room: h.room, headName: h.headName, phone: h.phone, people: h.people,
                flags: h.flags,
                reach: h.reach)))
        }
      case .leaders:
        guard let lid = try access.unitLeader(id), let l = try access.leader(id: lid) else { return }
        try emit(
          .leader(
            RegistryLeader(
              path: path, name: l.name, phone: l.phone, department: l.department, squad: l.squad,
              squadLeader: l.squadLeader, home: l.home)))
      case .help:
        for h in try access.households(ofUnit: id) {
          guard let c = try access.helpCase(household: h.id) else { continue }
          try emit(
            .help(
              RegistryHelpCase(
                path: path, room: h.room, headName: h.headName, mode: c.mode, helper: c.helper,
                cadence: Span(seconds: c.cadence), needs: c.needs, greenChannel: c.green,
                lastVisit: c.lastVisit.map(Instant.init(epochSeconds:)),
                openedAt: Instant(epochSeconds: c.openedAt))))
        }
      }
    }
    try visit(scopeID, scopePath.segments)
  }
}
