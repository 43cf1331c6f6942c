import Testing
import WanggeCore

/// Marking a report concealed (瞒报) is its own permission, held by commanders and admins only.
@Suite struct ConcealPermissionTests {
  @Test func onlyCommandersAndAdminsMarkConcealed() {
    #expect(OperatorAction.markConcealed.leastRole == .commander)
    #expect(!OperatorRole.viewer.allows(.markConcealed))
    #expect(!OperatorRole.station.allows(.markConcealed))
    #expect(OperatorRole.commander.allows(.markConcealed))
    #expect(OperatorRole.admin.allows(.markConcealed))
    #expect(OperatorAction.markConcealed.rawValue == "mark-concealed")
    #expect(OperatorAction.markConcealed != .reassign)
  }
}
