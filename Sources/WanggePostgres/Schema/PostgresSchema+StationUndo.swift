/// Migration v7: a station may take back its own dispatch right after sending it (the board's `u`)
/// without the DELETE privilege a commander's withdrawal uses: `wangge_undo_dispatch` (SECURITY
/// DEFINER) removes the task only when the caller's own `dispatch` audit record is at most
/// ``undoSeconds`` old and nobody has acknowledged or finished it, and audits the withdrawal.
extension PostgresSchema {
  /// How long after its dispatch record a station may still undo it (the board offers 10 s).
  public static let undoSeconds: Int64 = 60

  /// The functions v7 creates, for replacing a store whole.
  static let stationUndoFunctions = ["wangge_undo_dispatch"]

  static let stationUndoV7 = """
    CREATE FUNCTION wangge_undo_dispatch(p_task bigint, p_at bigint) RETURNS void LANGUAGE plpgsql
      SECURITY DEFINER SET search_path FROM CURRENT AS $$
    DECLARE
      who text := session_user::text;
      scope bigint;
      sent bigint;
      removed bigint;
      done bigint;
      kept bigint;
    BEGIN
      SELECT scope_id INTO scope FROM task WHERE id = p_task FOR UPDATE;
      IF NOT FOUND THEN
        RAISE EXCEPTION 'no task %', p_task USING ERRCODE = 'P0002';
      END IF;
      IF NOT (wangge_unscoped(session_user) OR scope IN (SELECT wangge_scope_places(session_user))) THEN
        RAISE EXCEPTION 'task % was sent from above the scope of %', p_task, who USING ERRCODE = '42501';
      END IF;
      SELECT max(at) INTO sent FROM audit
        WHERE task_id = p_task AND action = 'dispatch' AND operator = who;
      IF sent IS NULL OR p_at < sent OR p_at - sent > \(undoSeconds) THEN
        RAISE EXCEPTION 'task % is not a dispatch of % from the last \(undoSeconds) seconds', p_task, who
          USING ERRCODE = '42501';
      END IF;
      SELECT count(*), count(*) FILTER (WHERE acked_at IS NOT NULL OR finished_at IS NOT NULL)
        INTO removed, done
        FROM (SELECT acked_at, finished_at FROM assignment WHERE task_id = p_task ORDER BY unit_id FOR UPDATE) a;
      IF done > 0 THEN
        RAISE EXCEPTION 'task % has % acknowledgement(s)', p_task, done USING ERRCODE = '55000';
      END IF;
      DELETE FROM assignment WHERE task_id = p_task;
      DELETE FROM task_tally WHERE task_id = p_task;
      SELECT count(*) INTO kept FROM reminder WHERE task_id = p_task;
      DELETE FROM task WHERE id = p_task;
      INSERT INTO audit(at, operator, action, task_id, scope_id, detail)
      VALUES (p_at, who, 'withdraw', p_task, scope,
        '{"assignments":' || removed || ',"reminders_kept":' || kept || ',"undo":true}');
    END $$;
    REVOKE ALL ON FUNCTION wangge_undo_dispatch FROM PUBLIC;
    GRANT EXECUTE ON FUNCTION wangge_undo_dispatch TO wangge_station;

    """
}
