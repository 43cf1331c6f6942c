import Foundation
import Testing
import WanggeCore
import WanggeStore

/// An export with full phones leaves an audit record on every engine: who, when, the export kind,
/// its scope and row count, and never a phone.
@Suite struct ExportRevealConformanceTests {
  @Test(arguments: ConformanceEngine.all) func anExportRevealIsAudited(_ e: ConformanceEngine) throws {
    let s = try e.store()
    let root = try s.root()
    let at = ConformanceEngine.anchor
    try s.auditExportReveal(kind: "households", scope: root.id, rows: 3, by: "指挥部", at: at)
    let trail = try s.auditTrail(AuditQuery(operatorName: "指挥部"))
    let record = trail.first { $0.action == "export-reveal" }
    #expect(record?.at == at)
    #expect(record?.scopeID == root.id)
    #expect(record?.detail == #"{"export":"households","rows":3}"#)
    #expect(trail.filter { $0.action == "export-reveal" }.count == 1)
  }
}
