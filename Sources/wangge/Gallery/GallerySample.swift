import TerminalUI

/// Sample data for the gallery: communities with Chinese and English names and response figures.
public struct GallerySample: Sendable, Hashable {
  public var name: String
  public var units: Int
  public var acknowledged: Int
  public var trend: [Double]

  public var rate: Double { units == 0 ? 0 : Double(acknowledged) / Double(units) }

  /// ✓ at 95 % or more, ! from 80 %, ✗ below, … when nothing came back yet.
  public var status: StatusKind {
    if acknowledged == 0 { return .pending }
    if rate >= 0.95 { return .onTime }
    if rate >= 0.8 { return .late }
    return .overdue
  }

  public static let communities: [GallerySample] = [
    GallerySample(
      name: "协作路社区", units: 412, acknowledged: 409, trend: [3, 5, 9, 14, 22, 31, 40, 47, 52, 55, 56, 58]),
    GallerySample(
      name: "水映花城小区", units: 96, acknowledged: 81, trend: [1, 2, 2, 5, 8, 9, 13, 12, 15, 18, 20, 21]),
    GallerySample(
      name: "长安街道 Chang'an", units: 1_165, acknowledged: 1_027,
      trend: [10, 30, 33, 42, 40, 51, 60, 58, 71, 80, 84, 90]),
    GallerySample(
      name: "民主街道第三网格", units: 230, acknowledged: 151, trend: [0, 0, 1, 1, 3, 7, 6, 9, 12, 11, 14, 15]),
    GallerySample(
      name: "Riverside Garden 河畔花园", units: 58, acknowledged: 58,
      trend: [2, 4, 8, 9, 9, 10, 10, 11, 11, 12, 12, 12]),
    GallerySample(
      name: "河北街道", units: 4_868, acknowledged: 4_827,
      trend: [50, 90, 160, 240, 300, 380, 420, 470, 480, 490, 495, 497]),
    GallerySample(
      name: "铁东区指挥部 Tiedong HQ", units: 263, acknowledged: 0, trend: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
    GallerySample(
      name: "幸福里小区①", units: 145, acknowledged: 137, trend: [4, 6, 7, 9, 12, 15, 17, 18, 20, 21, 22, 23]),
    GallerySample(
      name: "Jiaohe 蛟河市", units: 65_196, acknowledged: 60_904,
      trend: [900, 1_500, 2_800, 3_100, 4_000, 4_600, 5_200, 5_500, 5_900, 6_000, 6_050, 6_090]),
    GallerySample(
      name: "12号楼3单元", units: 29, acknowledged: 22, trend: [0, 1, 3, 5, 8, 10, 12, 15, 18, 20, 21, 22]),
  ]

  /// The breadcrumb path shown in the gallery.
  public static let path = ["河北街道", "水映花城社区", "水映花城小区", "12号楼", "3单元"]

  /// Row `index` of a large generated table (for the 100,000-row demo).
  public static func generatedRow(_ index: Int) -> GallerySample {
    let units = 20 + (index * 37) % 180
    let acknowledged = index % 11 == 0 ? 0 : units - (index * 13) % (units / 3 + 1)
    return GallerySample(
      name: "第\(index + 1)网格 Grid \(index + 1)", units: units, acknowledged: acknowledged, trend: [])
  }
}
