/// Migration v4: operators and their jurisdiction. An operator is a database role (LOGIN) listed in
/// `operator` with a role and a scope; it belongs to one of four group roles (`wangge_viewer`,
/// `wangge_station`, `wangge_commander`, `wangge_admin`, NOLOGIN) that hold its table privileges.
/// Row-level security limits every read and write of a `station` or `viewer` to its scope's subtree
/// (the names of the places above it stay visible, their figures do not); commanders and admins see
/// everything. Rollup rows above the scope are changed only through the SECURITY DEFINER functions
/// below. The audit trail is append-only: no operator role may UPDATE or DELETE it and a trigger
/// refuses both to anyone.
extension PostgresSchema {
  /// True when the connecting role sees everything (a commander or an admin); one InitPlan per query.
  static let unscoped = "(SELECT wangge_unscoped(current_user))"

  /// `column` lies in the connecting role's subtree.
  static func inScope(_ column: String) -> String {
    "\(unscoped) OR \(column) IN (SELECT wangge_scope_places(current_user))"
  }

  /// `column` lies in the subtree or above it (places' names, tasks issued from above, tally rows).
  static func inScopeOrAbove(_ column: String) -> String {
    inScope(column) + " OR \(column) IN (SELECT wangge_scope_ancestors(current_user))"
  }

  /// Households of the subtree (help cases and visits are keyed by household).
  static let scopeHouseholds =
    "household_id IN (SELECT h.id FROM household h WHERE h.unit_id IN (SELECT wangge_scope_places(current_user)))"

  /// Per table: what a scoped role reads, and what it may write (nil: the same).
  static let scopePolicies: [(table: String, read: String, write: String?)] = [
    ("place", inScopeOrAbove("id"), inScope("id")),
    ("place_stats", inScope("place_id"), nil),
    ("task_tally", inScope("place_id"), inScopeOrAbove("place_id")),
    ("help_due", inScope("place_id"), nil),
    ("help_due_hour", inScope("place_id"), nil),
    ("level_count", inScope("place_id"), nil),
    ("unit", inScope("place_id"), nil),
    ("household", inScope("unit_id"), nil),
    ("help_case", "\(unscoped) OR \(scopeHouseholds)", nil),
    ("visit", "\(unscoped) OR \(scopeHouseholds)", nil),
    (
      "leader",
      "\(unscoped) OR id IN (SELECT u.leader_id FROM unit u WHERE u.place_id IN (SELECT wangge_scope_places(current_user)))",
      nil
    ),
    ("volunteer", inScope("place_id"), nil),
    ("task", inScopeOrAbove("scope_id"), inScope("scope_id")),
    ("assignment", inScope("unit_id"), nil),
    ("reminder", inScope("unit_id"), nil),
    ("event", inScope("place_id"), nil),
    ("audit", inScope("scope_id"), "(\(inScope("scope_id"))) AND operator = current_user::text"),
    (
      "operator", "\(unscoped) OR name = current_user::text",
      "(SELECT wangge_operator_role(current_user)) = 'admin'"
    ),
    ("meta", "true", nil), ("level", "true", nil), ("department", "true", nil), ("squad", "true", nil),
    ("task_sequence", "true", nil),
  ]

  /// Tables a station may write besides reading (a viewer writes none).
  static let stationWrites = [
    "INSERT ON event, visit, reminder, audit, task, assignment, task_tally",
    "UPDATE ON assignment, household, help_case, unit, task_sequence",
  ]

  static var operatorsV5: String {
    var sql = """
      CREATE TABLE operator(
        name TEXT COLLATE "C" PRIMARY KEY,
        role TEXT COLLATE "C" NOT NULL CHECK (role IN ('viewer', 'station', 'commander', 'admin')),
        scope_id BIGINT NOT NULL, added_at BIGINT NOT NULL, added_by TEXT COLLATE "C" NOT NULL);
      CREATE INDEX audit_by_scope ON audit(scope_id, at);
      DO $$
      DECLARE r text;
      BEGIN
        FOREACH r IN ARRAY ARRAY['wangge_viewer', 'wangge_station', 'wangge_commander', 'wangge_admin'] LOOP
          IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            BEGIN
              EXECUTE format('CREATE ROLE %I NOLOGIN', r);
            EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;  -- another database made it
            END;
          END IF;
        END LOOP;
      END $$;

      CREATE FUNCTION wangge_operator_role(who name) RETURNS text LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path FROM CURRENT AS $$ SELECT role FROM operator WHERE name = who::text $$;
      CREATE FUNCTION wangge_unscoped(who name) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path FROM CURRENT AS
        $$ SELECT coalesce((SELECT role IN ('commander', 'admin') FROM operator WHERE name = who::text), false) $$;
      CREATE FUNCTION wangge_scope_places(who name) RETURNS SETOF bigint LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path FROM CURRENT AS $$
        WITH RECURSIVE t(id) AS (
          SELECT scope_id FROM operator WHERE name = who::text AND role IN ('station', 'viewer')
          UNION ALL SELECT p.id FROM place p JOIN t ON p.parent_id = t.id)
        SELECT id FROM t $$;
      CREATE FUNCTION wangge_scope_ancestors(who name) RETURNS SETOF bigint LANGUAGE sql STABLE
        SECURITY DEFINER SET search_path FROM CURRENT AS $$
        WITH RECURSIVE up(id) AS (
          SELECT p.parent_id FROM operator o JOIN place p ON p.id = o.scope_id
          WHERE o.name = who::text AND o.role IN ('station', 'viewer') AND p.parent_id IS NOT NULL
          UNION ALL SELECT p.parent_id FROM up JOIN place p ON p.id = up.id WHERE p.parent_id IS NOT NULL)
        SELECT id FROM up $$;

      -- Refuses a rollup change of a scoped caller that touches a place neither in nor above its scope.
      CREATE FUNCTION wangge_check_rollup_places(places bigint[]) RETURNS void LANGUAGE plpgsql STABLE
        SECURITY DEFINER SET search_path FROM CURRENT AS $$
      BEGIN
        IF wangge_unscoped(session_user) OR wangge_operator_role(session_user) IS NULL THEN RETURN; END IF;
        IF EXISTS (SELECT 1 FROM unnest(places) p
                   WHERE p NOT IN (SELECT wangge_scope_places(session_user))
                     AND p NOT IN (SELECT wangge_scope_ancestors(session_user))) THEN
          RAISE EXCEPTION 'rollup change outside the scope of %', session_user USING ERRCODE = '42501';
        END IF;
      END $$;
      CREATE FUNCTION wangge_add_tally(p bigint[], t bigint[], a bigint[], k bigint[], ko bigint[],
        f bigint[], fo bigint[]) RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
      BEGIN
        PERFORM wangge_check_rollup_places(p);
        INSERT INTO task_tally AS x(place_id, task_id, assigned, acked, acked_on_time, finished, finished_on_time)
        SELECT * FROM unnest(p, t, a, k, ko, f, fo) AS d ORDER BY 1, 2
        ON CONFLICT (place_id, task_id) DO UPDATE SET assigned = x.assigned + excluded.assigned,
          acked = x.acked + excluded.acked, acked_on_time = x.acked_on_time + excluded.acked_on_time,
          finished = x.finished + excluded.finished,
          finished_on_time = x.finished_on_time + excluded.finished_on_time;
      END $$;
      CREATE FUNCTION wangge_add_stats(ids bigint[], households bigint[], people bigint[], units bigint[],
        leaders bigint[], stations bigint[], groups_built bigint[], reached_group bigint[],
        reached_phone bigint[], help_cases bigint[], green_open bigint[]) RETURNS void LANGUAGE plpgsql
        SECURITY DEFINER SET search_path FROM CURRENT AS $$
      BEGIN
        PERFORM wangge_check_rollup_places(ids);
        UPDATE place_stats p SET households = p.households + s.households, people = p.people + s.people,
          units = p.units + s.units, leaders = p.leaders + s.leaders, stations = p.stations + s.stations,
          groups_built = p.groups_built + s.groups_built, reached_group = p.reached_group + s.reached_group,
          reached_phone = p.reached_phone + s.reached_phone, help_cases = p.help_cases + s.help_cases,
          green_open = p.green_open + s.green_open
        FROM (SELECT * FROM unnest(ids, households, people, units, leaders, stations, groups_built,
          reached_group, reached_phone, help_cases, green_open)
          AS s(id, households, people, units, leaders, stations, groups_built, reached_group, reached_phone,
            help_cases, green_open) ORDER BY id) s
        WHERE p.place_id = s.id;
      END $$;
      CREATE FUNCTION wangge_move_help_due(h bigint, due bigint, places bigint[], old_hour bigint)
        RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
      BEGIN
        PERFORM wangge_check_rollup_places(places);
        UPDATE help_due SET due_at = due WHERE household_id = h AND place_id = ANY(places);
        IF old_hour IS NOT NULL AND old_hour <> due / 3600 THEN
          UPDATE help_due_hour SET count = count - 1 WHERE hour = old_hour AND place_id = ANY(places);
          INSERT INTO help_due_hour(place_id, hour, count)
          SELECT p, due / 3600, 1 FROM unnest(places) AS p ORDER BY p
          ON CONFLICT (place_id, hour) DO UPDATE SET count = help_due_hour.count + 1;
        END IF;
      END $$;

      -- The audit trail is append-only, for everyone.
      CREATE FUNCTION wangge_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the audit trail is append-only: % refused', TG_OP USING ERRCODE = '42501';
      END $$;
      CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit
        FOR EACH ROW EXECUTE FUNCTION wangge_audit_append_only();

      REVOKE ALL ON FUNCTION wangge_add_tally, wangge_add_stats, wangge_move_help_due FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION wangge_add_tally, wangge_add_stats, wangge_move_help_due
        TO wangge_station, wangge_commander, wangge_admin;
      GRANT wangge_viewer TO wangge_station;
      GRANT wangge_station TO wangge_commander;
      GRANT wangge_commander TO wangge_admin;

      """
    let tables = dataTables + ["operator", "wangge_migrations"]
    sql += "GRANT SELECT ON \(tables.joined(separator: ", ")) TO wangge_viewer;\n"
    for grant in stationWrites { sql += "GRANT \(grant) TO wangge_station;\n" }
    let writable = dataTables.filter { $0 != "audit" }
    sql += "GRANT INSERT, UPDATE, DELETE ON \(writable.joined(separator: ", ")) TO wangge_commander;\n"
    sql += "GRANT INSERT, UPDATE, DELETE ON operator TO wangge_admin;\n"
    sql += "REVOKE UPDATE, DELETE, TRUNCATE ON audit FROM PUBLIC, wangge_viewer, wangge_station, "
    sql += "wangge_commander, wangge_admin;\n"
    sql += """
      DO $$ BEGIN
        EXECUTE format('GRANT USAGE ON SEQUENCE %s TO wangge_station', pg_get_serial_sequence('audit', 'id'));
      END $$;
      -- The change token is read by everyone; every write advances it (the change-feed trigger).
      GRANT SELECT ON SEQUENCE wangge_change_counter TO wangge_viewer;
      GRANT USAGE ON SEQUENCE wangge_change_counter TO wangge_station;

      """
    for p in scopePolicies {
      let write = p.write ?? p.read
      sql += """
        ALTER TABLE \(p.table) ENABLE ROW LEVEL SECURITY;
        CREATE POLICY scope_read ON \(p.table) FOR SELECT USING (\(p.read));
        CREATE POLICY scope_insert ON \(p.table) FOR INSERT WITH CHECK (\(write));
        CREATE POLICY scope_update ON \(p.table) FOR UPDATE USING (\(p.read)) WITH CHECK (\(write));
        CREATE POLICY scope_delete ON \(p.table) FOR DELETE USING (\(write));

        """
    }
    return sql
  }
}
