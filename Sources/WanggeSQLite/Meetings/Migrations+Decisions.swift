extension Migrations {
  /// v16-decisions: the task or service order a meeting decision became (``DecisionAction``), if any.
  static let decisionsV16 = """
    ALTER TABLE decision ADD COLUMN task_id INTEGER;
    ALTER TABLE decision ADD COLUMN order_id TEXT;
    PRAGMA user_version = 16;
    """
}
