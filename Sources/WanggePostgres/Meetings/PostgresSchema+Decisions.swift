/// Migration 18: the task or service order a meeting decision became. The columns live on `decision`,
/// so its scope policies and grants of migration 9 cover them.
extension PostgresSchema {
  static let decisionsV18 = """
    ALTER TABLE decision ADD COLUMN task_id BIGINT;
    ALTER TABLE decision ADD COLUMN order_id TEXT;
    """
}
