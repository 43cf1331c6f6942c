import WanggeCore

extension CensusRules {
  /// Forgets household `household`'s last verification, if any, and takes it out of the rollups
  /// (`census_unit` of its task and `census_day` of the unit and its ancestors `places`) in the
  /// caller's transaction: a household that moved out, or whose room a new family moved into, is no
  /// longer verified, so the share verified (over `place_stats.households`) stays exact.
  public static func forget(household: Int64, unit: Int64, places: [Int64], access: any CensusAccess)
    throws
  {
    guard let old = try access.censusLast(household: household) else { return }
    try access.addCensusDay(places: places, day: CensusDay.of(old.at), delta: -1)
    try access.addCensusUnit(task: old.task, unit: unit, delta: -1)
    try access.deleteCensusCheck(household: household)
  }
}
