import WanggeStore

/// Migration 13: the screening results' department, squad and event and `screening_group_tally`
/// (``ScreeningGroupSchema``). The group rows belong to no place, so they carry no scope policy: a
/// viewer reads them, a station's finish writes them (as `department` and `squad` are read by all).
extension PostgresSchema {
  static var screeningGroupsV13: String {
    let t = ScreeningGroupSchema.table
    return ScreeningGroupSchema.sql(int: "BIGINT")
      + """
      CREATE TRIGGER \(t)_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON \(t)
        FOR EACH STATEMENT EXECUTE FUNCTION wangge_notify_change();
      GRANT SELECT ON \(t) TO wangge_viewer;
      GRANT INSERT, UPDATE, DELETE ON \(t) TO wangge_station;

      """
  }
}
